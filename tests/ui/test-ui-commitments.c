/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rapport-brief-view.h"
#include "rapport-checklist-item.h"
#include "rapport-commitment.h"
#include "rapport-commitments-panel.h"
#include "rapport-meeting.h"
#include "rapport-mood-chart.h"
#include "rapport-person.h"
#include "test-core-util.h"
#include "test-ui-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  RapportStore  *store;
  RapportPerson *person;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  test_core_db_set_up (&f->dir, &f->path, &f->store);
  f->person = test_core_person_new (f->store, "Ada", "Engineer");
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_clear_object (&f->person);
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
}

static RapportMeeting *
meeting (Fixture    *f,
         const char *date)
{
  return test_core_meeting_new (f->store, f->person, date, NULL);
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

static GtkWidget *
find_one_type (GtkWidget *root,
               GType      type)
{
  return find_one (root, test_ui_is_type, TEST_UI_TYPE (type));
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

static GtkWidget *
row_at (GtkWidget *panel,
        guint      index)
{
  GtkWidget     *list = find_one_type (panel, GTK_TYPE_LIST_BOX);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index);

  g_assert_nonnull (row);
  return GTK_WIDGET (row);
}

static guint
n_rows (GtkWidget *panel)
{
  GtkWidget *list = find_one_type (panel, GTK_TYPE_LIST_BOX);
  guint      n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n) != NULL)
    n++;
  return n;
}

/* Shows the toast as the window would, and keeps it for the test. */
static void
on_toast (RapportCommitmentsPanel *panel,
          AdwToast                *toast,
          AdwToast               **out)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (panel), ADW_TYPE_TOAST_OVERLAY);

  g_set_object (out, toast);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (toast));
}

static void
on_changed (gpointer widget,
            guint   *count)
{
  (*count)++;
}

/* A button's "activate" clicks only after a short press animation. */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
add_line (GtkWidget  *panel,
          const char *text)
{
  GtkWidget *entry = find_one_type (panel, GTK_TYPE_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* Enter in the entry adds the line. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
}

static void
test_carry_over_and_close (Fixture      *f,
                           gconstpointer data)
{
  g_autoptr(RapportMeeting) m1 = meeting (f, "2026-03-02");
  g_autoptr(RapportMeeting) m2 = NULL;
  g_autoptr(RapportMeeting) m3 = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autoptr(GDateTime) due = g_date_time_new_local (2026, 3, 6, 12, 0, 0);
  GtkWidget  *window = gtk_window_new ();
  GtkWidget  *panel = rapport_commitments_panel_new (f->store);
  GtkWidget  *overlay = adw_toast_overlay_new ();
  GListModel *model = rapport_commitments_panel_get_model (RAPPORT_COMMITMENTS_PANEL (panel));
  GtkWidget  *row, *check;
  guint       n_changed = 0;

  g_object_ref_sink (panel);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), panel);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (panel, "show-toast", G_CALLBACK (on_toast), &toast);
  g_signal_connect (panel, "changed", G_CALLBACK (on_changed), &n_changed);

  /* No meeting: nothing to add to. */
  g_assert_false (gtk_widget_is_sensitive (find_one (panel, has_tooltip, "Add Commitment")));

  /* In the first meeting: one of mine, one of theirs with a due date. */
  rapport_commitments_panel_set_meeting (RAPPORT_COMMITMENTS_PANEL (panel), m1);
  g_assert_true (gtk_widget_is_sensitive (find_one (panel, has_tooltip, "Add Commitment")));
  {
    GtkWidget *entry = find_one_type (panel, GTK_TYPE_ENTRY);

    /* A blank line adds nothing. */
    gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
    g_signal_emit_by_name (entry, "activate");
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  }
  add_line (panel, "Send the budget draft");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_one (panel, has_tooltip, "They will do it")), TRUE);
  {
    /* The new line's calendar, not one of a row's. */
    GtkWidget *calendar = find_one_type (find_one (panel, has_tooltip, "Due Date"), GTK_TYPE_CALENDAR);

    /* Emits "day-selected", as a click on the day does. */
    gtk_calendar_select_day (GTK_CALENDAR (calendar), due);
  }
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (find_one (panel, has_tooltip, "Due 6 Mar"))), ==, "6 Mar");
  gtk_editable_set_text (GTK_EDITABLE (find_one_type (panel, GTK_TYPE_ENTRY)), "Write the rollout plan");
  click (find_one (panel, has_tooltip, "Add Commitment"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpuint (n_rows (panel), ==, 2);
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM commitments WHERE owner = 'me'"
                                               " AND text = 'Send the budget draft' AND due IS NULL"),
                   ==, 1);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM commitments WHERE owner = 'them'"
                                               " AND text = 'Write the rollout plan' AND due = '2026-03-06'"),
                   ==, 1);
  /* Made here: no "from" badge. */
  {
    g_autoptr(GPtrArray) badges = test_ui_find_all_visible (panel, is_label_with, "from 2 Mar");
    g_assert_cmpuint (badges->len, ==, 0);
  }

  /* The next meeting: both carried over, marked with where they came from. */
  m2 = meeting (f, "2026-03-09");
  rapport_commitments_panel_set_meeting (RAPPORT_COMMITMENTS_PANEL (panel), m2);
  g_assert_cmpuint (n_rows (panel), ==, 2);
  {
    g_autoptr(GPtrArray) badges = test_ui_find_all_visible (panel, is_label_with, "from 2 Mar");
    g_assert_cmpuint (badges->len, ==, 2);
  }
  /* Theirs was due on 6 Mar and is open: overdue (today is after it). */
  g_assert_true (gtk_widget_has_css_class (row_at (panel, 1), "overdue"));
  g_assert_false (gtk_widget_has_css_class (row_at (panel, 0), "overdue"));

  /* Close mine there, by ticking it. */
  row = row_at (panel, 0);
  check = find_one_type (row, GTK_TYPE_CHECK_BUTTON);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (gtk_widget_has_css_class (row, "closed"));
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM commitments WHERE text = 'Send the budget draft'"
                                               " AND closed_on = '2026-03-09'"),
                   ==, 1);

  /* The first meeting shows it closed too: it is one commitment. */
  rapport_commitments_panel_set_meeting (RAPPORT_COMMITMENTS_PANEL (panel), m1);
  g_assert_cmpuint (n_rows (panel), ==, 2);
  {
    g_autoptr(RapportCommitment) first = g_list_model_get_item (model, 0);
    g_assert_cmpstr (rapport_commitment_get_text (first), ==, "Send the budget draft");
    g_assert_cmpstr (rapport_commitment_get_closed_on (first), ==, "2026-03-09");
  }
  row = row_at (panel, 0);
  g_assert_true (gtk_widget_has_css_class (row, "closed"));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_one_type (row, GTK_TYPE_CHECK_BUTTON))));

  /* A third meeting only carries what is still open. */
  m3 = meeting (f, "2026-03-16");
  rapport_commitments_panel_set_meeting (RAPPORT_COMMITMENTS_PANEL (panel), m3);
  g_assert_cmpuint (n_rows (panel), ==, 1);

  /* Edit the text inline, switch the owner. */
  row = row_at (panel, 0);
  {
    GtkWidget *label = find_one_type (row, GTK_TYPE_EDITABLE_LABEL);

    gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (label));
    gtk_editable_set_text (GTK_EDITABLE (label), "Write the rollout plan v2");
    gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (label), TRUE);
  }
  {
    GtkWidget *owner = find_one (row, has_tooltip, "Who Will Do It");

    g_assert_true (GTK_IS_DROP_DOWN (owner));
    g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (owner)), ==, 1); /* Them */
    gtk_drop_down_set_selected (GTK_DROP_DOWN (owner), 0);
    g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM commitments WHERE owner = 'me'"
                                                 " AND text = 'Write the rollout plan v2'"),
                     ==, 1);
  }

  /* Delete, undo, delete again and let the toast go: gone for good. */
  click (find_one (row, has_tooltip, "Delete Commitment"));
  g_assert_nonnull (toast);
  g_assert_cmpuint (n_rows (panel), ==, 0);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT deleted FROM commitments WHERE text = 'Write the rollout plan v2'"), ==, 1);
  g_signal_emit_by_name (toast, "button-clicked");
  adw_toast_dismiss (toast);
  g_assert_cmpuint (n_rows (panel), ==, 1);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT deleted FROM commitments WHERE text = 'Write the rollout plan v2'"), ==, 0);

  g_clear_object (&toast);
  click (find_one (row_at (panel, 0), has_tooltip, "Delete Commitment"));
  g_assert_nonnull (toast);
  adw_toast_dismiss (toast);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM commitments"), ==, 1);
  g_assert_cmpuint (n_rows (panel), ==, 0);

  rapport_commitments_panel_set_meeting (RAPPORT_COMMITMENTS_PANEL (panel), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&toast);
  g_assert_finalize_object (panel);
}

static void
on_open_meeting (RapportBriefView *view,
                 gint64            id,
                 gint64           *out)
{
  *out = id;
}

static void
test_brief_view (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMeeting) m1 = meeting (f, "2026-03-02");
  g_autoptr(RapportMeeting) m2 = meeting (f, "2026-03-09");
  g_autoptr(RapportCommitment) late = NULL;
  g_autoptr(RapportCommitment) theirs = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = rapport_brief_view_new (f->store);
  GtkWidget *list;
  gint64     opened = 0;
  guint      n_changed = 0;

  rapport_meeting_set_notes (m2, "Release went well.\nShe wants to lead the next one.");
  rapport_meeting_set_mood (m2, 4);
  g_assert_true (rapport_meeting_save (m2, f->store, &error));
  rapport_meeting_set_mood (m1, 2);
  g_assert_true (rapport_meeting_save (m1, f->store, &error));
  late = rapport_commitment_create (f->store, rapport_meeting_get_id (m1), "Send the budget",
                                    RAPPORT_COMMITMENT_OWNER_ME, "2026-03-05", &error);
  theirs = rapport_commitment_create (f->store, rapport_meeting_get_id (m2), "Draft the plan",
                                      RAPPORT_COMMITMENT_OWNER_THEM, NULL, &error);
  g_assert_no_error (error);

  g_object_ref_sink (view);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (view, "open-meeting", G_CALLBACK (on_open_meeting), &opened);
  g_signal_connect (view, "changed", G_CALLBACK (on_changed), &n_changed);

  rapport_brief_view_set_neglect_window (RAPPORT_BRIEF_VIEW (view), 2);
  rapport_brief_view_set_today (RAPPORT_BRIEF_VIEW (view), "2026-03-21");
  rapport_brief_view_set_person (RAPPORT_BRIEF_VIEW (view), f->person);

  g_assert_nonnull (find_one (view, is_label_with, "Ada"));
  g_assert_nonnull (find_one (view, is_label_with, "Last 1:1 12 days ago · overdue"));
  g_assert_nonnull (find_one (view, is_label_with, "Release went well.\nShe wants to lead the next one."));
  g_assert_nonnull (find_one (view, is_label_with, "Last 1:1, 9 Mar"));
  /* Two moods: drawn, and no trend word until there are six. */
  {
    GtkWidget  *chart = find_one_type (view, RAPPORT_TYPE_MOOD_CHART);
    const char *summary = "No trend yet: it takes 6 recorded moods, there are 2 so far.";

    g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart)), ==, GTK_ACCESSIBLE_ROLE_IMG);
    g_assert_cmpstr (rapport_mood_chart_get_summary (RAPPORT_MOOD_CHART (chart)), ==, summary);
    g_assert_nonnull (find_one (view, is_label_with, summary));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (chart), ==, rapport_mood_chart_rule_text ());
  }
  g_assert_nonnull (find_one (view, is_label_with, "Follow-through: 0 % of your commitments kept on time (0 of 1)"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (find_one (view, has_tooltip, "Start a New 1:1 (Ctrl+N)"))),
                   ==, "win.new-meeting");

  /* Commitments, mine first; the late one is marked. */
  list = find_one_type (view, GTK_TYPE_LIST_BOX);
  {
    GtkWidget *first = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
    GtkWidget *second = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "Send the budget");
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (first)), ==, "Mine · overdue since 5 Mar · from 2 Mar");
    g_assert_true (gtk_widget_has_css_class (first, "overdue"));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (second)), ==, "Draft the plan");
    g_assert_false (gtk_widget_has_css_class (second, "overdue"));
    g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));

    /* Ticking it here closes it today. */
    gtk_check_button_set_active (GTK_CHECK_BUTTON (find_one_type (first, GTK_TYPE_CHECK_BUTTON)), TRUE);
    g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM commitments WHERE closed_on = '2026-03-21'"), ==, 1);
    g_assert_cmpuint (n_changed, ==, 1);
  }

  /* Nothing ticked in the last two 1:1s: all three habits, with hints. */
  g_assert_nonnull (find_one (view, is_label_with, "Not ticked in the last 2 1:1s. Suggestions for this time:"));
  g_assert_nonnull (find_one (view, is_label_with, "Explain the why"));

  click (find_one (view, has_tooltip, "Open the Last 1:1"));
  g_assert_cmpint (opened, ==, rapport_meeting_get_id (m2));

  /* Refresh shows what changed: one open left. */
  rapport_brief_view_refresh (RAPPORT_BRIEF_VIEW (view));
  list = find_one_type (view, GTK_TYPE_LIST_BOX);
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));

  /* A person with no 1:1 yet. */
  {
    g_autoptr(RapportPerson) bob = rapport_person_create (f->store, "Bob", NULL, &error);

    /* Added just now: not due, whatever day the test runs. */
    rapport_brief_view_set_today (RAPPORT_BRIEF_VIEW (view), NULL);
    rapport_brief_view_set_person (RAPPORT_BRIEF_VIEW (view), bob);
    g_assert_nonnull (find_one (view, is_label_with, "No 1:1 yet"));
    g_assert_nonnull (find_one (view, is_label_with, "Nothing open. A clean slate."));
    rapport_brief_view_set_person (RAPPORT_BRIEF_VIEW (view), NULL);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

static gboolean
is_selectable_label (GtkWidget    *widget,
                     gconstpointer data)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_selectable (GTK_LABEL (widget));
}

/* The last meeting's notes in the brief can be selected and copied with
 * the pointer, but Tab does not stop on them: it goes from control to
 * control. */
static void
test_brief_selectable_not_tab_stop (Fixture      *f,
                                    gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMeeting) m1 = meeting (f, "2026-03-09");
  g_autoptr(GPtrArray) selectable = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = rapport_brief_view_new (f->store);
  GtkWidget *notes;
  int        start, end;

  rapport_meeting_set_notes (m1, "Release went well.");
  g_assert_true (rapport_meeting_save (m1, f->store, &error));
  g_object_ref_sink (view);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  rapport_brief_view_set_today (RAPPORT_BRIEF_VIEW (view), "2026-03-21");
  rapport_brief_view_set_person (RAPPORT_BRIEF_VIEW (view), f->person);
  test_ui_spin (50);

  selectable = test_ui_find_all_visible (view, is_selectable_label, NULL);
  g_assert_cmpuint (selectable->len, >=, 1);
  notes = find_one (view, is_label_with, "Release went well.");
  g_assert_true (g_ptr_array_find (selectable, notes, NULL));

  /* Twice round the whole window, Tab by Tab. */
  for (guint i = 0; i < 200; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD))
        gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD);
      focus = gtk_window_get_focus (GTK_WINDOW (window));
      g_assert_nonnull (focus);
      g_hash_table_add (seen, focus);
      for (guint j = 0; j < selectable->len; j++)
        g_assert_false (focus == selectable->pdata[j] || gtk_widget_is_ancestor (focus, selectable->pdata[j]));
    }
  /* Tab did go round: the brief's buttons took the focus. */
  g_assert_true (g_hash_table_contains (seen, find_one (view, has_tooltip, "Open the Last 1:1")));

  /* A click still gives the notes the focus, so a drag selects and
   * Ctrl+C copies: the press reaches the view's gesture first (capture),
   * then the label's own, which grabs the focus. */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (notes);
    gboolean pressed = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_GESTURE_CLICK (controller) &&
            gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
          {
            g_signal_emit_by_name (controller, "pressed", 1, 5.0, 5.0);
            pressed = TRUE;
          }
      }
    g_assert_true (pressed);
  }
  gtk_widget_grab_focus (notes);
  g_assert_true (gtk_widget_has_focus (notes));
  gtk_label_select_region (GTK_LABEL (notes), 0, 7);
  g_assert_true (gtk_label_get_selection_bounds (GTK_LABEL (notes), &start, &end));
  g_assert_cmpint (end - start, ==, 7);
  /* Tab leaves it, and does not come back to it. */
  for (guint i = 0; i < 100; i++)
    {
      if (!gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD))
        gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD);
      g_assert_false (gtk_widget_has_focus (notes));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

static gboolean
is_button_with_tooltip (GtkWidget    *widget,
                        gconstpointer text)
{
  return GTK_IS_BUTTON (widget) && has_tooltip (widget, text);
}

/* The brief continues today's meeting rather than offer a second one, and
 * says the mood trend by the rule, as a chart with words. */
static void
test_brief_today_and_trend (Fixture      *f,
                            gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  const int  moods[] = { 3, 2, 4, 2, 2, 2 };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = rapport_brief_view_new (f->store);
  GtkWidget *start, *chart;
  char      *failure;

  for (guint i = 0; i < G_N_ELEMENTS (moods); i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-02-%02u", 2 + 3 * i);
      g_autoptr(RapportMeeting) m = meeting (f, date);

      rapport_meeting_set_mood (m, moods[i]);
      g_assert_true (rapport_meeting_save (m, f->store, &error));
    }
  g_object_ref_sink (view);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  rapport_brief_view_set_today (RAPPORT_BRIEF_VIEW (view), "2026-03-21");
  rapport_brief_view_set_person (RAPPORT_BRIEF_VIEW (view), f->person);

  /* No meeting today: start one; one clean name for screen readers. */
  start = find_one (view, is_button_with_tooltip, "Start a New 1:1 (Ctrl+N)");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (start)), ==, "_Start 1:1");
  failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (start), GTK_ACCESSIBLE_PROPERTY_LABEL, "Start 1:1");
  g_assert_null (failure);
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (start), GTK_ACCESSIBLE_RELATION_LABELLED_BY));

  /* Three low meetings after higher ones: falling, with both means. */
  chart = find_one_type (view, RAPPORT_TYPE_MOOD_CHART);
  g_assert_cmpstr (rapport_mood_chart_get_summary (RAPPORT_MOOD_CHART (chart)), ==,
                   "Falling: the last 3 moods average 2.0, the 3 before 3.0.");
  failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                "Mood of the last 6 1:1s with a mood, from 1 (low) to 5 (high), "
                                                "oldest first: 3, 2, 4, 2, 2, 2. "
                                                "Falling: the last 3 moods average 2.0, the 3 before 3.0.");
  g_assert_null (failure);
  g_assert_nonnull (find_one (view, is_label_with, "Falling: the last 3 moods average 2.0, the 3 before 3.0."));

  /* A meeting dated today: the same button continues it. */
  {
    g_autoptr(RapportMeeting) today = meeting (f, "2026-03-21");

    rapport_brief_view_refresh (RAPPORT_BRIEF_VIEW (view));
    g_assert_cmpint (rapport_brief_get_today_meeting_id (rapport_brief_view_get_brief (RAPPORT_BRIEF_VIEW (view))), ==,
                     rapport_meeting_get_id (today));
  }
  start = find_one (view, is_button_with_tooltip, "Open Today's 1:1 (Ctrl+N)");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (start)), ==, "_Continue Today's 1:1");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (start)), ==, "win.new-meeting");
  failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (start), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                "Continue Today's 1:1");
  g_assert_null (failure);
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (start), GTK_ACCESSIBLE_RELATION_LABELLED_BY));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

int
main (int argc, char *argv[])
{
  /* Accessible names are read back from GTK's test contexts. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/commitments/carry-over-and-close", test_carry_over_and_close);
  ADD ("/ui/brief/view", test_brief_view);
  ADD ("/ui/brief/today-and-trend", test_brief_today_and_trend);
  ADD ("/ui/brief/selectable-not-tab-stop", test_brief_selectable_not_tab_stop);
#undef ADD

  return g_test_run ();
}
