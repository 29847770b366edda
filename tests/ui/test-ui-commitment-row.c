/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "rapport-commitment-row.h"
#include "rapport-commitment.h"
#include "rapport-commitments-panel.h"
#include "test-core-util.h"
#include "test-ui-util.h"

typedef struct
{
  char           *dir;
  char           *path;
  RapportStore   *store;
  RapportPerson  *person;
  RapportMeeting *meeting;
  GtkWidget      *window;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  test_core_db_set_up (&f->dir, &f->path, &f->store);
  f->person = test_core_person_new (f->store, "Ada", "Engineer");
  f->meeting = test_core_meeting_new (f->store, f->person, "2026-03-02", NULL);
  f->window = gtk_window_new ();
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  test_ui_spin (10);
  g_clear_object (&f->meeting);
  g_clear_object (&f->person);
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
}

static RapportCommitment *
commitment_new (Fixture    *f,
                const char *text)
{
  g_autoptr(GError) error = NULL;
  RapportCommitment *item = rapport_commitment_create (f->store, rapport_meeting_get_id (f->meeting), text,
                                                       RAPPORT_COMMITMENT_OWNER_ME, NULL, &error);

  g_assert_no_error (error);
  return item;
}

static gboolean
has_class (GtkWidget    *widget,
           gconstpointer name)
{
  return gtk_widget_has_css_class (widget, name);
}

/* The row's parts, found as a user (or a screen reader) would. */
static const char *
shown_text (GtkWidget *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (test_ui_find_type (row, GTK_TYPE_EDITABLE_LABEL)));
}

static gboolean
shown_closed (GtkWidget *row)
{
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (test_ui_find_type (row, GTK_TYPE_CHECK_BUTTON)));
}

/* The owner is a drop-down (Me, Them), not a flat label that flips. */
static GtkDropDown *
owner_dropdown (GtkWidget *row)
{
  GtkWidget *dropdown = test_ui_find (row, has_class, "owner");

  g_assert_true (GTK_IS_DROP_DOWN (dropdown));
  return GTK_DROP_DOWN (dropdown);
}

/* What the drop-down shows: "Me" or "Them". */
static const char *
shown_owner (GtkWidget *row)
{
  GtkDropDown     *dropdown = owner_dropdown (row);
  GtkStringObject *selected = gtk_drop_down_get_selected_item (dropdown);

  g_assert_true (GTK_IS_STRING_OBJECT (selected));
  return gtk_string_object_get_string (selected);
}

/* Picks @owner in the drop-down, as choosing it in its list does. */
static void
choose_owner (GtkWidget  *row,
              const char *owner)
{
  GtkDropDown *dropdown = owner_dropdown (row);
  GListModel  *choices = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(GtkStringObject) choice = g_list_model_get_item (choices, i);

      if (g_strcmp0 (gtk_string_object_get_string (choice), owner) == 0)
        {
          gtk_drop_down_set_selected (dropdown, i);
          return;
        }
    }
  g_assert_not_reached ();
}

static const char *
shown_due (GtkWidget *row)
{
  GtkWidget *label = test_ui_find (row, has_class, "due");

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_label (GTK_LABEL (label));
}

/* The carried-over badge's text, or NULL while it is hidden. */
static const char *
shown_badge (GtkWidget *row)
{
  GtkWidget *badge = test_ui_find (row, has_class, "badge");

  g_assert_true (GTK_IS_LABEL (badge));
  return gtk_widget_get_visible (badge) ? gtk_label_get_label (GTK_LABEL (badge)) : NULL;
}

static GtkWidget *
show_row (Fixture   *f,
          GtkWidget *row)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_window_set_child (GTK_WINDOW (f->window), list);
  gtk_window_present (GTK_WINDOW (f->window));
  return row;
}

/* Every property of the commitment, changed on the model object, shows in
 * the row without anyone telling the row. */
static void
test_follows_commitment (Fixture      *f,
                         gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportCommitment) item = commitment_new (f, "Send the budget");
  g_autoptr(RapportCommitment) other = commitment_new (f, "Book the room");
  GtkWidget *row = show_row (f, rapport_commitment_row_new (item, "2026-03-10"));

  g_assert_true (rapport_commitment_row_get_commitment (RAPPORT_COMMITMENT_ROW (row)) == item);
  g_assert_cmpstr (shown_text (row), ==, "Send the budget");
  g_assert_false (shown_closed (row));
  g_assert_cmpstr (shown_owner (row), ==, "Me");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (owner_dropdown (row))), ==, "Who Will Do It");
  /* Its two choices, in this order. */
  {
    GListModel *choices = gtk_drop_down_get_model (owner_dropdown (row));
    g_autoptr(GtkStringObject) me = g_list_model_get_item (choices, 0);
    g_autoptr(GtkStringObject) them = g_list_model_get_item (choices, 1);

    g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 2);
    g_assert_cmpstr (gtk_string_object_get_string (me), ==, "Me");
    g_assert_cmpstr (gtk_string_object_get_string (them), ==, "Them");
  }
  g_assert_cmpstr (shown_due (row), ==, "no due date");
  g_assert_null (shown_badge (row));
  g_assert_false (gtk_widget_has_css_class (row, "overdue"));
  g_assert_false (gtk_widget_has_css_class (row, "closed"));

  g_assert_true (rapport_commitment_set_text (item, f->store, "Send the budget draft", &error));
  g_assert_cmpstr (shown_text (row), ==, "Send the budget draft");

  g_assert_true (rapport_commitment_set_owner (item, f->store, RAPPORT_COMMITMENT_OWNER_THEM, &error));
  g_assert_cmpstr (shown_owner (row), ==, "Them");
  {
    /* "owner" is an enum property, as a binding or a GtkBuilder sees it. */
    GParamSpec            *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), "owner");
    RapportCommitmentOwner owner = RAPPORT_COMMITMENT_OWNER_ME;
    g_autoptr(GEnumClass) owners = g_type_class_ref (RAPPORT_TYPE_COMMITMENT_OWNER);

    g_assert_true (G_IS_PARAM_SPEC_ENUM (pspec));
    g_assert_true (pspec->value_type == RAPPORT_TYPE_COMMITMENT_OWNER);
    g_object_get (item, "owner", &owner, NULL);
    g_assert_cmpint (owner, ==, RAPPORT_COMMITMENT_OWNER_THEM);
    g_assert_cmpstr (g_enum_get_value (owners, owner)->value_nick, ==,
                     rapport_commitment_owner_to_string (owner));
  }

  /* Due before today: overdue. */
  g_assert_true (rapport_commitment_set_due (item, f->store, "2026-03-06", &error));
  g_assert_cmpstr (shown_due (row), ==, "due 6 Mar");
  g_assert_true (gtk_widget_has_css_class (row, "overdue"));

  /* Closed: ticked, struck through, no longer overdue. */
  g_assert_true (rapport_commitment_close (item, f->store, "2026-03-09", &error));
  g_assert_true (shown_closed (row));
  g_assert_true (gtk_widget_has_css_class (row, "closed"));
  g_assert_false (gtk_widget_has_css_class (row, "overdue"));
  g_assert_true (rapport_commitment_reopen (item, f->store, &error));
  g_assert_false (shown_closed (row));
  g_assert_false (gtk_widget_has_css_class (row, "closed"));
  g_assert_true (gtk_widget_has_css_class (row, "overdue"));

  g_assert_true (rapport_commitment_set_due (item, f->store, NULL, &error));
  g_assert_cmpstr (shown_due (row), ==, "no due date");
  g_assert_false (gtk_widget_has_css_class (row, "overdue"));

  /* "today" moves: the same due date is no longer overdue. */
  g_assert_true (rapport_commitment_set_due (item, f->store, "2026-03-06", &error));
  g_assert_true (gtk_widget_has_css_class (row, "overdue"));
  rapport_commitment_row_set_today (RAPPORT_COMMITMENT_ROW (row), "2026-03-01");
  g_assert_false (gtk_widget_has_css_class (row, "overdue"));

  /* Another commitment: the row shows it, and the first one no longer
   * reaches the row. */
  g_object_set (row, "commitment", other, NULL);
  g_assert_cmpstr (shown_text (row), ==, "Book the room");
  g_assert_cmpstr (shown_owner (row), ==, "Me");
  g_assert_cmpstr (shown_due (row), ==, "no due date");
  g_assert_true (rapport_commitment_set_text (item, f->store, "Not shown", &error));
  g_assert_true (rapport_commitment_close (item, f->store, "2026-03-09", &error));
  g_assert_cmpstr (shown_text (row), ==, "Book the room");
  g_assert_false (shown_closed (row));
  g_assert_no_error (error);

  /* No commitment: the row lets go of it. */
  rapport_commitment_row_set_commitment (RAPPORT_COMMITMENT_ROW (row), NULL);
  g_assert_null (rapport_commitment_row_get_commitment (RAPPORT_COMMITMENT_ROW (row)));
  g_assert_finalize_object (g_steal_pointer (&other));
}

/* Made in an earlier meeting: the badge says where it came from. */
static void
test_carried_over_badge (Fixture      *f,
                         gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportCommitment) made = commitment_new (f, "Send the budget");
  g_autoptr(RapportMeeting) later = test_core_meeting_new (f->store, f->person, "2026-03-09", NULL);
  g_autoptr(GListStore) shown = rapport_commitment_load_for_meeting (f->store, rapport_meeting_get_id (later), &error);
  g_autoptr(RapportCommitment) carried = NULL;
  GtkWidget *row;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, 1);
  carried = g_list_model_get_item (G_LIST_MODEL (shown), 0);
  g_assert_true (rapport_commitment_get_carried_over (carried));

  row = show_row (f, rapport_commitment_row_new (carried, "2026-03-10"));
  g_assert_cmpstr (shown_badge (row), ==, "from 2 Mar");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (test_ui_find (row, has_class, "badge")), ==, "Made in the 1:1 of 2 Mar");

  rapport_commitment_row_set_commitment (RAPPORT_COMMITMENT_ROW (row), made);
  g_assert_null (shown_badge (row));
}

/* Actions ---------------------------------------------------------------- */

static void
on_activate (GSimpleAction *action,
             GVariant      *parameter,
             GPtrArray     *log)
{
  g_autofree char *value = g_variant_print (parameter, FALSE);

  g_ptr_array_add (log, g_strdup_printf ("%s %s", g_action_get_name (G_ACTION (action)), value));
}

static void
add_action (GSimpleActionGroup *group,
            const char         *name,
            const char         *type,
            GPtrArray          *log)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new (name, G_VARIANT_TYPE (type));

  g_signal_connect (action, "activate", G_CALLBACK (on_activate), log);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
}

static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
is_button_labelled (GtkWidget    *widget,
                    gconstpointer label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
has_tooltip (GtkWidget    *widget,
             gconstpointer text)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0;
}

static const char *
last (GPtrArray *log)
{
  g_assert_cmpuint (log->len, >, 0);
  return log->pdata[log->len - 1];
}

/* What a user does in the row becomes an action of the "commitment"
 * group, carrying the commitment's id; the row writes nothing itself, so
 * with nobody to change the model it goes on showing the model. */
static void
test_asks_through_actions (Fixture      *f,
                           gconstpointer data)
{
  g_autoptr(RapportCommitment) item = commitment_new (f, "Send the budget");
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 3, 20, 12, 0, 0);
  gint64           id = rapport_commitment_get_id (item);
  g_autofree char *expected = NULL;
  GtkWidget       *row, *label;

  add_action (group, "toggle-closed", "x", log);
  add_action (group, "set-owner", "(xs)", log);
  add_action (group, "set-text", "(xs)", log);
  add_action (group, "set-due", "(xs)", log);
  add_action (group, "delete", "x", log);

  /* Nobody to ask yet: a click changes nothing and warns of nothing. */
  row = show_row (f, rapport_commitment_row_new (item, "2026-03-10"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (test_ui_find_type (row, GTK_TYPE_CHECK_BUTTON)), TRUE);
  g_assert_false (shown_closed (row));

  gtk_widget_insert_action_group (gtk_widget_get_parent (row), "commitment", G_ACTION_GROUP (group));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (test_ui_find_type (row, GTK_TYPE_CHECK_BUTTON)), TRUE);
  expected = g_strdup_printf ("toggle-closed %" G_GINT64_FORMAT, id);
  g_assert_cmpstr (last (log), ==, expected);
  g_assert_false (shown_closed (row));

  /* Choosing the owner it has already asks nothing. */
  choose_owner (row, "Me");
  g_assert_cmpuint (log->len, ==, 1);
  choose_owner (row, "Them");
  g_free (expected);
  expected = g_strdup_printf ("set-owner (%" G_GINT64_FORMAT ", 'them')", id);
  g_assert_cmpstr (last (log), ==, expected);
  g_assert_cmpstr (shown_owner (row), ==, "Me");

  label = test_ui_find_type (row, GTK_TYPE_EDITABLE_LABEL);
  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (label));
  gtk_editable_set_text (GTK_EDITABLE (label), "Send the budget today");
  gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (label), TRUE);
  g_free (expected);
  expected = g_strdup_printf ("set-text (%" G_GINT64_FORMAT ", 'Send the budget today')", id);
  g_assert_cmpstr (last (log), ==, expected);
  g_assert_cmpstr (shown_text (row), ==, "Send the budget");

  gtk_calendar_select_day (GTK_CALENDAR (test_ui_find_type (row, GTK_TYPE_CALENDAR)), day);
  g_free (expected);
  expected = g_strdup_printf ("set-due (%" G_GINT64_FORMAT ", '2026-03-20')", id);
  g_assert_cmpstr (last (log), ==, expected);
  click (test_ui_find (row, is_button_labelled, "_No Due Date"));
  g_free (expected);
  expected = g_strdup_printf ("set-due (%" G_GINT64_FORMAT ", '')", id);
  g_assert_cmpstr (last (log), ==, expected);

  click (test_ui_find (row, has_tooltip, "Delete Commitment"));
  g_free (expected);
  expected = g_strdup_printf ("delete %" G_GINT64_FORMAT, id);
  g_assert_cmpstr (last (log), ==, expected);
  g_assert_cmpuint (log->len, ==, 6);
}

static void
on_counted (gpointer widget,
            guint   *count)
{
  (*count)++;
}

static void
on_save_failed (RapportCommitmentsPanel *panel,
                const char              *message,
                char                   **out)
{
  g_free (*out);
  *out = g_strdup (message);
}

/* Inside the panel, the same actions write to the store, and the row
 * follows the write through its commitment. */
static void
test_actions_reach_panel (Fixture      *f,
                          gconstpointer data)
{
  g_autoptr(RapportCommitment) made = commitment_new (f, "Send the budget");
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 3, 20, 12, 0, 0);
  g_autofree char *failure = NULL;
  GtkWidget       *panel = rapport_commitments_panel_new (f->store);
  GListModel      *model = rapport_commitments_panel_get_model (RAPPORT_COMMITMENTS_PANEL (panel));
  g_autoptr(RapportCommitment) item = NULL;
  GtkWidget *list, *row, *label;
  guint      n_changed = 0;

  /* The commitment the panel is about to load from the store. */
  g_assert_nonnull (made);
  g_object_ref_sink (panel);
  gtk_window_set_child (GTK_WINDOW (f->window), panel);
  gtk_window_present (GTK_WINDOW (f->window));
  g_signal_connect (panel, "changed", G_CALLBACK (on_counted), &n_changed);
  g_signal_connect (panel, "save-failed", G_CALLBACK (on_save_failed), &failure);
  rapport_commitments_panel_set_meeting (RAPPORT_COMMITMENTS_PANEL (panel), f->meeting);

  list = test_ui_find_type (panel, GTK_TYPE_LIST_BOX);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_true (RAPPORT_IS_COMMITMENT_ROW (row));
  item = g_list_model_get_item (model, 0);
  g_assert_true (rapport_commitment_row_get_commitment (RAPPORT_COMMITMENT_ROW (row)) == item);

  /* Ticked in the row: closed on the meeting's date. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (test_ui_find_type (row, GTK_TYPE_CHECK_BUTTON)), TRUE);
  g_assert_cmpstr (rapport_commitment_get_closed_on (item), ==, "2026-03-02");
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM commitments WHERE closed_on = '2026-03-02'"), ==, 1);
  g_assert_true (gtk_widget_has_css_class (row, "closed"));
  g_assert_cmpuint (n_changed, ==, 1);

  choose_owner (row, "Them");
  g_assert_cmpint (rapport_commitment_get_owner (item), ==, RAPPORT_COMMITMENT_OWNER_THEM);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM commitments WHERE owner = 'them'"), ==, 1);
  g_assert_cmpstr (shown_owner (row), ==, "Them");
  g_assert_cmpuint (n_changed, ==, 2);
  /* And back: a slip is undone by choosing again. */
  choose_owner (row, "Me");
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM commitments WHERE owner = 'me'"), ==, 1);
  g_assert_cmpstr (shown_owner (row), ==, "Me");
  choose_owner (row, "Them");
  g_assert_cmpuint (n_changed, ==, 4);

  /* Cleaned up by the model, shown as stored. */
  label = test_ui_find_type (row, GTK_TYPE_EDITABLE_LABEL);
  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (label));
  gtk_editable_set_text (GTK_EDITABLE (label), "  Send the budget today ");
  gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (label), TRUE);
  g_assert_cmpstr (rapport_commitment_get_text (item), ==, "Send the budget today");
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM commitments WHERE text = 'Send the budget today'"), ==, 1);
  g_assert_cmpstr (shown_text (row), ==, "Send the budget today");
  g_assert_cmpuint (n_changed, ==, 5);

  /* Refused: told, and the row shows the stored text again. */
  g_test_expect_message ("rapport-commitments", G_LOG_LEVEL_WARNING, "A commitment needs some text");
  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (label));
  gtk_editable_set_text (GTK_EDITABLE (label), "   ");
  gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (label), TRUE);
  g_test_assert_expected_messages ();
  g_assert_nonnull (failure);
  g_assert_cmpstr (rapport_commitment_get_text (item), ==, "Send the budget today");
  g_assert_cmpstr (shown_text (row), ==, "Send the budget today");
  g_assert_cmpuint (n_changed, ==, 5);

  gtk_calendar_select_day (GTK_CALENDAR (test_ui_find_type (row, GTK_TYPE_CALENDAR)), day);
  g_assert_cmpstr (rapport_commitment_get_due (item), ==, "2026-03-20");
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM commitments WHERE due = '2026-03-20'"), ==, 1);
  g_assert_cmpstr (shown_due (row), ==, "due 20 Mar");
  click (test_ui_find (row, is_button_labelled, "_No Due Date"));
  g_assert_null (rapport_commitment_get_due (item));
  g_assert_cmpstr (shown_due (row), ==, "no due date");
  g_assert_cmpuint (n_changed, ==, 7);

  /* Deleted (with no toast overlay to offer an undo, for good at once):
   * the row leaves the list. */
  click (test_ui_find (row, has_tooltip, "Delete Commitment"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM commitments"), ==, 0);
  g_assert_cmpuint (n_changed, ==, 8);

  rapport_commitments_panel_set_meeting (RAPPORT_COMMITMENTS_PANEL (panel), NULL);
  gtk_window_set_child (GTK_WINDOW (f->window), NULL);
  g_assert_finalize_object (panel);
}

static gboolean
is_focused_day (GtkWidget    *widget,
                gconstpointer data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "day-number") &&
         (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_FOCUSED) != 0;
}

/* Opens the due-date popover of @root and gives its calendar the focus. */
static GtkWidget *
open_calendar (GtkWidget *root)
{
  GtkWidget *calendar = test_ui_find_type (root, GTK_TYPE_CALENDAR);
  GtkWidget *popover = gtk_widget_get_ancestor (calendar, GTK_TYPE_POPOVER);

  gtk_menu_button_popup (GTK_MENU_BUTTON (gtk_widget_get_parent (popover)));
  test_ui_spin (50);
  g_assert_true (gtk_widget_get_mapped (calendar));
  gtk_widget_grab_focus (calendar);
  return calendar;
}

/* At the keyboard, the arrow keys move to a day and Enter picks it, as
 * Space or a click does; Enter on the day already shown picks that one.
 * Either way the popover closes. */
static void
test_enter_picks_day (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportCommitment) item = rapport_commitment_create (f->store, rapport_meeting_get_id (f->meeting),
                                                                  "Send the budget", RAPPORT_COMMITMENT_OWNER_ME,
                                                                  "2026-03-20", &error);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *expected = NULL;
  const char      *day_text, *picked;
  GtkWidget       *row, *calendar, *focused, *panel, *entry;

  g_assert_no_error (error);
  add_action (group, "set-due", "(xs)", log);
  row = show_row (f, rapport_commitment_row_new (item, "2026-03-10"));
  gtk_widget_insert_action_group (gtk_widget_get_parent (row), "commitment", G_ACTION_GROUP (group));

  calendar = open_calendar (row);
  /* GTK starts the keyboard focus in the first cell of March 2026's
   * grid, a day of February: 22 (weeks from Sunday; 1 March, a Sunday,
   * starts the second row) or 23 (from Monday). */
  g_assert_null (test_ui_find (calendar, is_focused_day, NULL));
  test_ui_press_key (calendar, GDK_KEY_Right);
  focused = test_ui_find (calendar, is_focused_day, NULL);
  g_assert_nonnull (focused);
  day_text = gtk_label_get_label (GTK_LABEL (focused));
  g_assert_true (gtk_widget_has_css_class (focused, "other-month"));
  if (g_strcmp0 (day_text, "22") == 0)
    picked = "2026-02-22";
  else if (g_strcmp0 (day_text, "23") == 0)
    picked = "2026-02-23";
  else
    g_error ("focused day %s", day_text);
  /* Moving is not picking. */
  g_assert_cmpuint (log->len, ==, 0);
  test_ui_press_key (calendar, GDK_KEY_Down);
  test_ui_press_key (calendar, GDK_KEY_Up);
  test_ui_press_key (calendar, GDK_KEY_Return);
  expected = g_strdup_printf ("set-due (%" G_GINT64_FORMAT ", '%s')", rapport_commitment_get_id (item), picked);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpstr (last (log), ==, expected);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (calendar, GTK_TYPE_POPOVER)));

  /* Keypad Enter too. */
  calendar = open_calendar (row);
  test_ui_press_key (calendar, GDK_KEY_Right);
  test_ui_press_key (calendar, GDK_KEY_KP_Enter);
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpstr (last (log), !=, expected);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (calendar, GTK_TYPE_POPOVER)));

  /* The new commitment's due date: Enter at once picks the day shown,
   * the meeting's, and the commitment added next is due then. */
  gtk_window_set_child (GTK_WINDOW (f->window), NULL);
  panel = rapport_commitments_panel_new (f->store);
  gtk_window_set_child (GTK_WINDOW (f->window), panel);
  rapport_commitments_panel_set_meeting (RAPPORT_COMMITMENTS_PANEL (panel), f->meeting);
  test_ui_spin (20);
  entry = test_ui_find_type (panel, GTK_TYPE_ENTRY);
  calendar = open_calendar (gtk_widget_get_parent (entry));
  test_ui_press_key (calendar, GDK_KEY_Return);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (calendar, GTK_TYPE_POPOVER)));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Book the room");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM commitments"
                                               " WHERE text = 'Book the room' AND due = '2026-03-02'"),
                   ==, 1);
  rapport_commitments_panel_set_meeting (RAPPORT_COMMITMENTS_PANEL (panel), NULL);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/commitment-row/follows-commitment", test_follows_commitment);
  ADD ("/ui/commitment-row/carried-over-badge", test_carried_over_badge);
  ADD ("/ui/commitment-row/asks-through-actions", test_asks_through_actions);
  ADD ("/ui/commitment-row/actions-reach-panel", test_actions_reach_panel);
  ADD ("/ui/commitment-row/enter-picks-day", test_enter_picks_day);
#undef ADD

  return g_test_run ();
}
