/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rapport-meeting.h"
#include "rapport-person.h"
#include "rapport-talking-point-row.h"
#include "rapport-talking-point.h"
#include "rapport-talking-points-panel.h"
#include "test-core-util.h"
#include "test-ui-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  RapportStore  *store;
  RapportPerson *person;
  GtkWidget     *window;
  GtkWidget     *panel;
  AdwToast      *toast;
  guint          n_changed;
} Fixture;

static void
on_toast (RapportTalkingPointsPanel *panel,
          AdwToast                  *toast,
          Fixture                   *f)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (panel), ADW_TYPE_TOAST_OVERLAY);

  g_set_object (&f->toast, toast);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (toast));
}

static void
on_changed (gpointer panel,
            Fixture *f)
{
  f->n_changed++;
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  GtkWidget *overlay = adw_toast_overlay_new ();

  test_core_db_set_up (&f->dir, &f->path, &f->store);
  f->person = test_core_person_new (f->store, "Ada", "Engineer");

  f->window = gtk_window_new ();
  f->panel = g_object_ref_sink (rapport_talking_points_panel_new (f->store));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), f->panel);
  gtk_window_set_child (GTK_WINDOW (f->window), overlay);
  gtk_window_present (GTK_WINDOW (f->window));
  g_signal_connect (f->panel, "show-toast", G_CALLBACK (on_toast), f);
  g_signal_connect (f->panel, "changed", G_CALLBACK (on_changed), f);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_clear_object (&f->toast);
  gtk_window_destroy (GTK_WINDOW (f->window));
  test_ui_spin (50);
  g_assert_finalize_object (g_steal_pointer (&f->panel));
  g_clear_object (&f->person);
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
}

static RapportTalkingPointsPanel *
panel (Fixture *f)
{
  return RAPPORT_TALKING_POINTS_PANEL (f->panel);
}

/* The first visible widget under @root that matches; there must be one. */
static GtkWidget *
find_one (GtkWidget    *root,
          TestUiMatch   match,
          gconstpointer data)
{
  g_autoptr(GPtrArray) all = test_ui_find_all_visible (root, match, data);

  g_assert_cmpuint (all->len, >=, 1);
  return all->pdata[0];
}

static guint
count_visible (GtkWidget    *root,
               TestUiMatch   match,
               gconstpointer data)
{
  g_autoptr(GPtrArray) all = test_ui_find_all_visible (root, match, data);

  return all->len;
}

static gboolean
has_tooltip (GtkWidget *widget, gconstpointer data)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

static gboolean
is_label_with (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

static gboolean
is_add_entry (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_ENTRY (widget) &&
         g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), "Add a point…") == 0;
}

/* Whether @widget is the window's focus.  Not gtk_widget_has_focus():
 * without a window manager GTK 4.18 never makes the test's window the
 * active one. */
static gboolean
focus_is (Fixture   *f,
          GtkWidget *widget)
{
  return widget != NULL && gtk_root_get_focus (GTK_ROOT (f->window)) == widget;
}

/* The rows of the queue (the first list), in order. */
static GtkWidget *
row_at (Fixture *f,
        guint    index)
{
  GtkWidget     *list = test_ui_find_type (f->panel, GTK_TYPE_LIST_BOX);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index);

  g_assert_nonnull (row);
  g_assert_true (RAPPORT_IS_TALKING_POINT_ROW (row));
  return GTK_WIDGET (row);
}

static guint
n_rows (Fixture *f)
{
  GtkWidget *list = test_ui_find_type (f->panel, GTK_TYPE_LIST_BOX);
  guint      n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n) != NULL)
    n++;
  return n;
}

static RapportTalkingPoint *
point_at (Fixture *f,
          guint    index)
{
  return rapport_talking_point_row_get_talking_point (RAPPORT_TALKING_POINT_ROW (row_at (f, index)));
}

static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
add_line (Fixture    *f,
          const char *text,
          gboolean    them)
{
  GtkWidget *entry = find_one (f->panel, is_add_entry, NULL);
  GtkWidget *line = gtk_widget_get_parent (entry);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_one (line, has_tooltip, them ? "They Raised It" : "I Raise It")),
                                TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* Enter in the entry adds the point. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
}

/* The texts of the queue in the database, in queue order. */
static char *
stored_queue (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) queue = rapport_talking_point_load_queue (f->store, rapport_person_get_id (f->person),
                                                                   "2026-03-01", &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (queue)); i++)
    {
      g_autoptr(RapportTalkingPoint) point = g_list_model_get_item (G_LIST_MODEL (queue), i);

      g_string_append_printf (text, "%s%s", i > 0 ? "|" : "", rapport_talking_point_get_text (point));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define assert_stored_queue(f, expected)        \
  G_STMT_START                                  \
  {                                             \
    g_autofree char *queue_ = stored_queue (f); \
    g_assert_cmpstr (queue_, ==, (expected));   \
  }                                             \
  G_STMT_END

static void
test_queue (Fixture      *f,
            gconstpointer data)
{
  GtkWidget *row, *entry;

  rapport_talking_points_panel_set_today (panel (f), "2026-03-01");

  /* Nobody on show: nothing to add to. */
  entry = find_one (f->panel, is_add_entry, NULL);
  g_assert_false (gtk_widget_is_sensitive (entry));

  rapport_talking_points_panel_set_person (panel (f), f->person);
  g_assert_true (gtk_widget_is_sensitive (entry));
  g_assert_nonnull (find_one (f->panel, is_label_with, "Nothing to talk about yet"));
  g_assert_nonnull (find_one (f->panel, is_label_with, "To Talk About"));

  /* A blank line adds nothing; Enter adds, with who raised it. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (g_list_model_get_n_items (rapport_talking_points_panel_get_model (panel (f))), ==, 0);
  add_line (f, "Conference budget", FALSE);
  add_line (f, "Moving to the platform team", TRUE);
  add_line (f, "Hiring plan", FALSE);
  g_assert_cmpuint (n_rows (f), ==, 3);
  g_assert_cmpuint (f->n_changed, ==, 3);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM talking_points WHERE raised_by = 'them'"
                                               " AND text = 'Moving to the platform team'"),
                   ==, 1);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM talking_points WHERE raised_by = 'me'"), ==, 2);
  assert_stored_queue (f, "Conference budget|Moving to the platform team|Hiring plan");

  /* Who raised it is shown on each row. */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (find_one (row_at (f, 1), has_tooltip, "They Raised It"))),
                    ==, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (find_one (row_at (f, 0), has_tooltip, "I Raised It"))),
                    ==, 0);
  /* In the brief there is nothing to tick. */
  g_assert_cmpuint (count_visible (f->panel, test_ui_is_type, TEST_UI_TYPE (GTK_TYPE_CHECK_BUTTON)), ==, 0);

  /* Edit in place. */
  row = row_at (f, 0);
  {
    GtkWidget *label = find_one (row, test_ui_is_type, TEST_UI_TYPE (GTK_TYPE_EDITABLE_LABEL));

    gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (label));
    gtk_editable_set_text (GTK_EDITABLE (label), "Conference budget for May");
    gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (label), TRUE);
    g_assert_cmpstr (rapport_talking_point_get_text (point_at (f, 0)), ==, "Conference budget for May");

    /* An empty text is refused: the row shows the stored one again. */
    g_test_expect_message ("rapport-talking-points", G_LOG_LEVEL_WARNING, "*");
    gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (label));
    gtk_editable_set_text (GTK_EDITABLE (label), "");
    gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (label), TRUE);
    g_test_assert_expected_messages ();
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (label)), ==, "Conference budget for May");
  }
  /* Who raised it, changed on the row. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_one (row, has_tooltip, "I Raised It")), 1);
  g_assert_cmpint (rapport_talking_point_get_raised_by (point_at (f, 0)), ==, RAPPORT_RAISED_BY_THEM);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM talking_points WHERE raised_by = 'them'"
                                               " AND text = 'Conference budget for May'"),
                   ==, 1);

  /* Reorder from the keyboard: the row's menu has Move Up and Move Down,
   * each with Alt+arrow, on the row's own action. */
  row = row_at (f, 2);
  {
    GMenuModel      *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (find_one (row, has_tooltip, "Move")));
    g_autofree char *action = NULL;
    g_autoptr(GVariant) target = NULL;
    g_autofree char *accel = NULL;
    gint64           id;
    int              delta;

    g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
    g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
    g_assert_true (g_menu_model_get_item_attribute (menu, 0, "accel", "s", &accel));
    g_assert_cmpstr (accel, ==, "<Alt>Up");
    target = g_menu_model_get_item_attribute_value (menu, 0, G_MENU_ATTRIBUTE_TARGET, NULL);
    g_variant_get (target, "(xi)", &id, &delta);
    g_assert_cmpint (id, ==, rapport_talking_point_get_id (point_at (f, 2)));
    g_assert_cmpint (delta, ==, -1);
    /* What the menu item does. */
    g_assert_true (gtk_widget_activate_action_variant (row, action, target));
  }
  assert_stored_queue (f, "Conference budget for May|Hiring plan|Moving to the platform team");
  g_assert_cmpstr (rapport_talking_point_get_text (point_at (f, 1)), ==, "Hiring plan");
  /* The moved row keeps the focus, for the next move. */
  g_assert_true (focus_is (f, row_at (f, 1)));
  /* Alt+Up on it. */
  g_assert_true (gtk_widget_activate_action (row_at (f, 1), "talking-point.move", "(xi)",
                                             rapport_talking_point_get_id (point_at (f, 1)), -1));
  assert_stored_queue (f, "Hiring plan|Conference budget for May|Moving to the platform team");
  /* Past the top: nothing moves. */
  gtk_widget_activate_action (row_at (f, 0), "talking-point.move", "(xi)",
                              rapport_talking_point_get_id (point_at (f, 0)), -1);
  assert_stored_queue (f, "Hiring plan|Conference budget for May|Moving to the platform team");

  /* Dragged: the first dropped on the lower half of the last goes after it. */
  gtk_widget_activate_action (row_at (f, 2), "talking-point.move-to", "(xxb)",
                              rapport_talking_point_get_id (point_at (f, 0)),
                              rapport_talking_point_get_id (point_at (f, 2)), TRUE);
  assert_stored_queue (f, "Conference budget for May|Moving to the platform team|Hiring plan");
  /* ...and on the upper half of the first, before it. */
  gtk_widget_activate_action (row_at (f, 0), "talking-point.move-to", "(xxb)",
                              rapport_talking_point_get_id (point_at (f, 2)),
                              rapport_talking_point_get_id (point_at (f, 0)), FALSE);
  assert_stored_queue (f, "Hiring plan|Conference budget for May|Moving to the platform team");
  g_assert_cmpstr (rapport_talking_point_get_text (point_at (f, 0)), ==, "Hiring plan");

  /* The row follows its point, whoever changes it. */
  {
    g_autoptr(GError) error = NULL;
    RapportTalkingPoint *point = point_at (f, 0);

    row = row_at (f, 0);
    g_assert_true (rapport_talking_point_set_text (point, f->store, "Hiring plan for Q3", &error));
    g_assert_no_error (error);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_one (row, test_ui_is_type,
                                                                    TEST_UI_TYPE (GTK_TYPE_EDITABLE_LABEL)))),
                     ==, "Hiring plan for Q3");
    g_assert_true (rapport_talking_point_set_raised_by (point, f->store, RAPPORT_RAISED_BY_THEM, &error));
    g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (find_one (row, has_tooltip, "They Raised It"))),
                      ==, 1);
    g_assert_true (rapport_talking_point_set_recurrence (point, f->store, 2, RAPPORT_RECUR_WEEKS, &error));
    g_assert_nonnull (find_one (row, is_label_with, "every 2 weeks"));
  }

  /* Delete, undo, delete again and let the toast go: gone for good. */
  click (find_one (row_at (f, 1), has_tooltip, "Delete Talking Point"));
  g_assert_nonnull (f->toast);
  g_assert_cmpstr (adw_toast_get_title (f->toast), ==, "Talking point deleted");
  g_assert_cmpuint (n_rows (f), ==, 2);
  assert_stored_queue (f, "Hiring plan for Q3|Moving to the platform team");
  /* As the toast's button does: undo, then go. */
  g_signal_emit_by_name (f->toast, "button-clicked");
  adw_toast_dismiss (f->toast);
  g_assert_cmpuint (n_rows (f), ==, 3);
  assert_stored_queue (f, "Hiring plan for Q3|Conference budget for May|Moving to the platform team");
  g_clear_object (&f->toast);
  click (find_one (row_at (f, 1), has_tooltip, "Delete Talking Point"));
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM talking_points"
                                               " WHERE text = 'Conference budget for May'"),
                   ==, 1);
  adw_toast_dismiss (f->toast);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM talking_points"
                                               " WHERE text = 'Conference budget for May'"),
                   ==, 0);
  g_assert_cmpuint (n_rows (f), ==, 2);

  /* Reloaded (another program wrote): the row with the focus keeps it. */
  {
    gint64 id = rapport_talking_point_get_id (point_at (f, 1));

    gtk_widget_grab_focus (row_at (f, 1));
    test_core_sql (f->path, "UPDATE talking_points SET text = 'Moving to the platform team in May'"
                            " WHERE text = 'Moving to the platform team'");
    rapport_talking_points_panel_reload (panel (f));
    g_assert_cmpint (rapport_talking_point_get_id (point_at (f, 1)), ==, id);
    g_assert_cmpstr (rapport_talking_point_get_text (point_at (f, 1)), ==, "Moving to the platform team in May");
    g_assert_true (focus_is (f, row_at (f, 1)));
  }
}

static gboolean
is_button_labelled (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

/* Opens the rhythm popover of @row, sets it and clicks @button_label. */
static void
set_rhythm (GtkWidget  *row,
            int         every,
            gboolean    days,
            const char *button_label)
{
  GtkWidget *button = find_one (row, has_tooltip, rapport_talking_point_get_recurring (rapport_talking_point_row_get_talking_point (RAPPORT_TALKING_POINT_ROW (row))) ? "Change How Often It Comes Back" : "Make It Recur");
  GtkWidget *popover, *spin, *unit;

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_true (gtk_widget_get_visible (popover));
  spin = find_one (popover, test_ui_is_type, TEST_UI_TYPE (GTK_TYPE_SPIN_BUTTON));
  unit = find_one (popover, test_ui_is_type, TEST_UI_TYPE (GTK_TYPE_DROP_DOWN));
  if (every > 0)
    {
      gtk_drop_down_set_selected (GTK_DROP_DOWN (unit), days ? 1 : 0);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), every);
    }
  /* The answer may make the row anew, and the popover goes with the old
   * one: hold it to ask. */
  g_object_ref (popover);
  click (find_one (popover, is_button_labelled, button_label));
  g_assert_false (gtk_widget_get_visible (popover));
  g_object_unref (popover);
}

static void
test_recurring (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(RapportMeeting) m1 = test_core_meeting_new (f->store, f->person, "2026-03-02", NULL);
  GListModel *scheduled = rapport_talking_points_panel_get_scheduled (panel (f));
  GtkWidget  *row, *popover, *spin;

  rapport_talking_points_panel_set_today (panel (f), "2026-03-02");
  rapport_talking_points_panel_set_person (panel (f), f->person);
  add_line (f, "Career and growth", FALSE);
  add_line (f, "Budget", FALSE);

  /* A new rhythm starts at eight weeks; days go up to a year. */
  row = row_at (f, 0);
  gtk_menu_button_popup (GTK_MENU_BUTTON (find_one (row, has_tooltip, "Make It Recur")));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (find_one (row, has_tooltip, "Make It Recur"))));
  spin = find_one (popover, test_ui_is_type, TEST_UI_TYPE (GTK_TYPE_SPIN_BUTTON));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 8);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_one (popover, test_ui_is_type, TEST_UI_TYPE (GTK_TYPE_DROP_DOWN))), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 300);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 300);
  gtk_popover_popdown (GTK_POPOVER (popover));

  set_rhythm (row, 6, FALSE, "_Repeat");
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT recur_every FROM talking_points"
                                               " WHERE text = 'Career and growth' AND recur_unit = 'weeks'"),
                   ==, 6);
  row = row_at (f, 0);
  g_assert_nonnull (find_one (row, is_label_with, "every 6 weeks"));
  g_assert_nonnull (find_one (row, has_tooltip, "Change How Often It Comes Back"));

  /* Discussed in a 1:1: it comes back six weeks after it. */
  rapport_talking_points_panel_set_meeting (panel (f), m1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_one (row_at (f, 0), test_ui_is_type,
                                                           TEST_UI_TYPE (GTK_TYPE_CHECK_BUTTON))),
                               TRUE);
  rapport_talking_points_panel_set_person (panel (f), f->person);
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_cmpstr (rapport_talking_point_get_text (point_at (f, 0)), ==, "Budget");
  g_assert_cmpuint (g_list_model_get_n_items (scheduled), ==, 1);
  g_assert_true (gtk_widget_is_visible (test_ui_find (f->panel, is_label_with, "Coming Back Later")));
  g_assert_nonnull (find_one (f->panel, is_label_with, "every 6 weeks, back 13 Apr"));

  /* Once that day has come, it is in the queue again. */
  rapport_talking_points_panel_set_today (panel (f), "2026-04-13");
  g_assert_cmpuint (n_rows (f), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (scheduled), ==, 0);

  /* Before it: stopping the rhythm puts it back in the queue at once. */
  rapport_talking_points_panel_set_today (panel (f), "2026-03-02");
  g_assert_cmpuint (g_list_model_get_n_items (scheduled), ==, 1);
  {
    g_autoptr(GPtrArray) rows = test_ui_find_all_visible (f->panel, test_ui_is_type,
                                                           TEST_UI_TYPE (RAPPORT_TYPE_TALKING_POINT_ROW));

    g_assert_cmpuint (rows->len, ==, 2);
    /* The later one cannot be moved in the queue. */
    g_assert_cmpuint (count_visible (rows->pdata[1], has_tooltip, "Move"), ==, 0);
    set_rhythm (rows->pdata[1], 0, FALSE, "Do _Not Repeat");
  }
  g_assert_cmpuint (g_list_model_get_n_items (scheduled), ==, 0);
  g_assert_cmpuint (n_rows (f), ==, 2);
  g_assert_false (gtk_widget_is_visible (test_ui_find (f->panel, is_label_with, "Coming Back Later")));
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM talking_points WHERE text = 'Career and growth'"
                                               " AND discussed_in IS NULL AND recur_unit IS NULL"),
                   ==, 1);
}

static void
test_discussed (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(RapportMeeting) m1 = test_core_meeting_new (f->store, f->person, "2026-03-02", NULL);
  g_autoptr(RapportMeeting) m2 = NULL;
  GtkWidget  *check;
  GListModel *model = rapport_talking_points_panel_get_model (panel (f));

  rapport_talking_points_panel_set_today (panel (f), "2026-03-02");
  rapport_talking_points_panel_set_person (panel (f), f->person);
  add_line (f, "Conference budget", FALSE);
  add_line (f, "Moving teams", TRUE);

  /* The meeting shows the queue with a tick box on each point. */
  rapport_talking_points_panel_set_meeting (panel (f), m1);
  g_assert_true (rapport_talking_points_panel_get_meeting_mode (panel (f)));
  g_assert_cmpuint (n_rows (f), ==, 2);
  g_assert_cmpuint (count_visible (f->panel, test_ui_is_type, TEST_UI_TYPE (GTK_TYPE_CHECK_BUTTON)), ==, 2);

  /* Ticked: linked to the meeting. */
  check = find_one (row_at (f, 1), test_ui_is_type, TEST_UI_TYPE (GTK_TYPE_CHECK_BUTTON));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (rapport_talking_point_get_discussed (point_at (f, 1)));
  g_assert_true (gtk_widget_has_css_class (row_at (f, 1), "discussed"));
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT discussed_in FROM talking_points WHERE text = 'Moving teams'"),
                   ==, rapport_meeting_get_id (m1));

  /* Unticked: waiting again. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  g_assert_false (gtk_widget_has_css_class (row_at (f, 1), "discussed"));
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM talking_points"
                                               " WHERE text = 'Moving teams' AND discussed_in IS NULL"),
                   ==, 1);

  /* Ticked again, the other one left alone. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_cmpuint (f->n_changed, ==, 5);

  /* The brief's queue has only what was not discussed... */
  rapport_talking_points_panel_set_person (panel (f), f->person);
  g_assert_false (rapport_talking_points_panel_get_meeting_mode (panel (f)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpstr (rapport_talking_point_get_text (point_at (f, 0)), ==, "Conference budget");
  g_assert_cmpuint (count_visible (f->panel, test_ui_is_type, TEST_UI_TYPE (GTK_TYPE_CHECK_BUTTON)), ==, 0);

  /* ...which carries over to the next 1:1, where it can be ticked. */
  m2 = test_core_meeting_new (f->store, f->person, "2026-03-09", NULL);
  rapport_talking_points_panel_set_meeting (panel (f), m2);
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_cmpstr (rapport_talking_point_get_text (point_at (f, 0)), ==, "Conference budget");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_one (row_at (f, 0), test_ui_is_type,
                                                                           TEST_UI_TYPE (GTK_TYPE_CHECK_BUTTON)))));

  /* The first meeting still shows both, the discussed one ticked. */
  rapport_talking_points_panel_set_meeting (panel (f), m1);
  g_assert_cmpuint (n_rows (f), ==, 2);
  {
    guint ticked = 0;

    for (guint i = 0; i < 2; i++)
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_one (row_at (f, i), test_ui_is_type,
                                                                   TEST_UI_TYPE (GTK_TYPE_CHECK_BUTTON)))))
        {
          ticked++;
          g_assert_cmpstr (rapport_talking_point_get_text (point_at (f, i)), ==, "Moving teams");
        }
    g_assert_cmpuint (ticked, ==, 1);
  }

  /* A point added during the meeting joins the queue. */
  add_line (f, "Holiday cover", FALSE);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM talking_points"
                                               " WHERE text = 'Holiday cover' AND discussed_in IS NULL"),
                   ==, 1);

  rapport_talking_points_panel_set_meeting (panel (f), NULL);
  g_assert_cmpuint (n_rows (f), ==, 0);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/talking-points/queue", test_queue);
  ADD ("/ui/talking-points/recurring", test_recurring);
  ADD ("/ui/talking-points/discussed", test_discussed);
#undef ADD

  return g_test_run ();
}
