/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "rapport-habit-library.h"
#include "rapport-habit.h"
#include "rapport-platform.h"
#include "rapport-preferences-window.h"
#include "test-core-util.h"
#include "test-ui-util.h"

typedef struct
{
  char                     *dir;
  char                     *path;
  RapportStore             *store;
  GtkWidget                *parent;
  RapportPreferencesWindow *window;
  guint                     changes;
} Fixture;

static void
on_habits_changed (RapportPreferencesWindow *window,
                   Fixture                  *f)
{
  f->changes++;
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  test_core_db_set_up (&f->dir, &f->path, &f->store);
  /* Over a window like the app's, which holds it on the newer platform. */
  f->parent = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->parent), 1000, 800);
  gtk_window_present (GTK_WINDOW (f->parent));
  f->window = g_object_ref_sink (rapport_preferences_window_new (GTK_WINDOW (f->parent), f->store));
  g_signal_connect (f->window, "habits-changed", G_CALLBACK (on_habits_changed), f);
  rapport_preferences_window_present (f->window);
  test_ui_spin (50);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  rapport_preferences_window_close (f->window);
  /* Until only the fixture holds it (an AdwDialog goes after its closing
   * animation). */
  for (guint i = 0; i < 100 && G_OBJECT (f->window)->ref_count > 1; i++)
    test_ui_spin (10);
  g_assert_finalize_object (f->window);
  gtk_window_destroy (GTK_WINDOW (f->parent));
  test_ui_spin (20);
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
}

static gboolean
match_tooltip (GtkWidget    *widget,
               gconstpointer tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static gboolean
match_row_title (GtkWidget    *widget,
                 gconstpointer title)
{
  return ADW_IS_PREFERENCES_ROW (widget) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The control a user would reach by its accessible name (tooltip). */
static GtkWidget *
button (Fixture    *f,
        const char *tooltip)
{
  GtkWidget *found = test_ui_find (GTK_WIDGET (f->window), match_tooltip, tooltip);

  if (found == NULL)
    g_error ("No button “%s”", tooltip);
  return found;
}

static void
click (Fixture    *f,
       const char *tooltip)
{
  GtkWidget *widget = button (f, tooltip);

  g_assert_true (gtk_widget_is_sensitive (widget));
  /* "activate" would animate the press for a quarter second first. */
  g_signal_emit_by_name (widget, "clicked");
  test_ui_spin (20);
}

static GPtrArray *
row_titles (GtkListBox *list)
{
  GPtrArray     *titles = g_ptr_array_new ();
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (ADW_IS_PREFERENCES_ROW (row))
      g_ptr_array_add (titles, (gpointer) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  g_ptr_array_add (titles, NULL);
  return titles;
}

static char *
list_string (GtkListBox *list)
{
  g_autoptr(GPtrArray) titles = row_titles (list);
  return g_strjoinv (", ", (char **) titles->pdata);
}

static gboolean
match_group_title (GtkWidget    *widget,
                   gconstpointer title)
{
  return ADW_IS_PREFERENCES_GROUP (widget) && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

/* The group's own list box for preference rows is empty and hidden; ours
 * are named. */
static gboolean
match_named_list_box (GtkWidget    *widget,
                      gconstpointer data)
{
  return GTK_IS_LIST_BOX (widget) && g_str_has_suffix (gtk_widget_get_name (widget), "-list");
}

static GtkListBox *
list_of_group (Fixture    *f,
               const char *group_title)
{
  GtkWidget *group = test_ui_find (GTK_WIDGET (f->window), match_group_title, group_title);
  GtkWidget *list;

  g_assert_nonnull (group);
  list = test_ui_find (group, match_named_list_box, NULL);
  g_assert_nonnull (list);
  return GTK_LIST_BOX (list);
}

#define assert_list(f, group, expected)                                 \
  G_STMT_START                                                          \
  {                                                                     \
    g_autofree char *got_ = list_string (list_of_group ((f), (group))); \
    g_assert_cmpstr (got_, ==, (expected));                             \
  }                                                                     \
  G_STMT_END

#define assert_active(f, expected) test_core_assert_active_habits ((f)->store, (expected))

static void
dialog_set_text (GtkWidget  *dialog,
                 const char *row_title,
                 const char *text)
{
  GtkWidget *row = test_ui_find (dialog, match_row_title, row_title);

  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static gboolean
match_button_label (GtkWidget    *widget,
                    gconstpointer label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* Presses one of the dialog's response buttons, as a user would. */
static void
dialog_click (GtkWidget  *dialog,
              const char *label)
{
  GtkWidget *widget = test_ui_find (dialog, match_button_label, label);

  g_assert_nonnull (widget);
  g_signal_emit_by_name (widget, "clicked");
  test_ui_spin (50);
}

static gboolean
match_error_label (GtkWidget    *widget,
                   gconstpointer data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error");
}

static void
test_lists (Fixture      *f,
            gconstpointer data)
{
  GtkWidget *archived_group = test_ui_find (GTK_WIDGET (f->window), match_group_title, "Archived");

  assert_list (f, "On the Checklist", "Listen, Transfer authority, Explain the why");
  assert_list (f, "Library",
               "Encourage creativity, Connect to the big picture, Recognise the work, "
               "Invest in growth, Show empathy, Set clear expectations, Review progress, Follow through");
  g_assert_false (gtk_widget_get_visible (archived_group));

  /* The ends of the list cannot move further; the rest can. */
  g_assert_false (gtk_widget_get_sensitive (button (f, "Move “Listen” up")));
  g_assert_true (gtk_widget_get_sensitive (button (f, "Move “Listen” down")));
  g_assert_false (gtk_widget_get_sensitive (button (f, "Move “Explain the why” down")));
  /* Built-in habits go back to the library rather than being archived. */
  g_assert_nonnull (button (f, "Move “Listen” to the library"));
  g_assert_nonnull (button (f, "Add “Show empathy” to the checklist"));
  g_assert_nonnull (button (f, "Add your own habit to the checklist"));
  g_assert_cmpuint (f->changes, ==, 0);
}

static void
test_add_habit (Fixture      *f,
                gconstpointer data)
{
  GtkWidget *dialog;
  GtkWidget *problem;
  GtkWidget *kind;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) active = NULL;
  g_autoptr(RapportHabit) last = NULL;

  click (f, "Add your own habit to the checklist");
  dialog = test_ui_find_dialog ();
  g_assert_nonnull (dialog);
  problem = test_ui_find (dialog, match_error_label, NULL);
  g_assert_nonnull (problem);

  /* Nothing typed yet: nothing to add, and no scolding either. */
  g_assert_false (rapport_form_get_save_enabled (dialog));
  g_assert_false (gtk_widget_get_visible (problem));

  /* A clash with a habit on the checklist is named as it is typed. */
  dialog_set_text (dialog, "Name", "LISTEN");
  g_assert_false (rapport_form_get_save_enabled (dialog));
  g_assert_true (gtk_widget_get_visible (problem));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (problem)), "already on the checklist"));

  dialog_set_text (dialog, "Name", "Coffee chat");
  dialog_set_text (dialog, "Hint (optional)", "Meet away from the desk.");
  kind = test_ui_find (dialog, match_row_title, "Kind");
  g_assert_true (ADW_IS_COMBO_ROW (kind));
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind), 1);
  g_assert_true (rapport_form_get_save_enabled (dialog));
  g_assert_false (gtk_widget_get_visible (problem));

  dialog_click (dialog, "_Add");
  g_assert_null (test_ui_find_dialog ());

  assert_active (f, "Listen, Transfer authority, Explain the why, Coffee chat");
  active = rapport_habit_load_active (f->store, &error);
  g_assert_no_error (error);
  last = g_list_model_get_item (G_LIST_MODEL (active), 3);
  g_assert_cmpstr (rapport_habit_get_hint (last), ==, "Meet away from the desk.");
  g_assert_cmpint (rapport_habit_get_kind (last), ==, RAPPORT_HABIT_STRUCTURE);
  g_assert_null (rapport_habit_get_key (last));

  assert_list (f, "On the Checklist", "Listen, Transfer authority, Explain the why, Coffee chat");
  g_assert_cmpuint (f->changes, ==, 1);
  /* Own habits are archived, not sent to the library. */
  g_assert_nonnull (button (f, "Archive “Coffee chat”"));

  /* Cancelling writes nothing. */
  click (f, "Add your own habit to the checklist");
  dialog = test_ui_find_dialog ();
  dialog_set_text (dialog, "Name", "Never mind");
  dialog_click (dialog, "_Cancel");
  g_assert_null (test_ui_find_dialog ());
  assert_active (f, "Listen, Transfer authority, Explain the why, Coffee chat");
  g_assert_cmpuint (f->changes, ==, 1);
}

static void
test_edit_habit (Fixture      *f,
                 gconstpointer data)
{
  GtkWidget *dialog;
  GtkWidget *name;

  click (f, "Edit “Listen”");
  dialog = test_ui_find_dialog ();
  g_assert_nonnull (dialog);
  name = test_ui_find (dialog, match_row_title, "Name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Listen");
  /* Its own name in another case is no clash. */
  dialog_set_text (dialog, "Name", "LISTEN");
  g_assert_true (rapport_form_get_save_enabled (dialog));
  dialog_set_text (dialog, "Name", "Listen first");
  dialog_click (dialog, "_Save");
  g_assert_null (test_ui_find_dialog ());

  assert_active (f, "Listen first, Transfer authority, Explain the why");
  assert_list (f, "On the Checklist", "Listen first, Transfer authority, Explain the why");
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT COUNT(*) FROM habits WHERE key = 'listen' AND label = 'Listen first'"), ==, 1);
  g_assert_cmpuint (f->changes, ==, 1);
}

static void
test_reorder (Fixture      *f,
              gconstpointer data)
{
  GtkListBox    *list;
  GtkListBoxRow *row;
  GtkDropTarget *target = NULL;
  g_autoptr(GListModel) controllers = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportHabit) explain = NULL;
  GValue   value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  click (f, "Move “Explain the why” up");
  assert_active (f, "Listen, Explain the why, Transfer authority");
  assert_list (f, "On the Checklist", "Listen, Explain the why, Transfer authority");
  /* The keyboard stays on the control that was used. */
  g_assert_true (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (f->window))) == button (f, "Move “Explain the why” up"));

  click (f, "Move “Explain the why” up");
  assert_active (f, "Explain the why, Listen, Transfer authority");
  /* At the top, "up" is off, so the focus moves to "down". */
  g_assert_true (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (f->window))) == button (f, "Move “Explain the why” down"));

  click (f, "Move “Listen” down");
  assert_active (f, "Explain the why, Transfer authority, Listen");
  g_assert_cmpuint (f->changes, ==, 3);

  /* Drag and drop: "Explain the why" dropped on the last row. */
  list = list_of_group (f, "On the Checklist");
  row = gtk_list_box_get_row_at_index (list, 2);
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (row));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  explain = rapport_habit_load (f->store, test_core_sql_int (f->path, "SELECT id FROM habits WHERE key = 'explain-why'"), &error);
  g_assert_no_error (error);
  g_value_init (&value, RAPPORT_TYPE_HABIT);
  g_value_set_object (&value, explain);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);
  g_clear_object (&controllers);
  test_ui_spin (50);

  assert_active (f, "Transfer authority, Listen, Explain the why");
  assert_list (f, "On the Checklist", "Transfer authority, Listen, Explain the why");
  g_assert_cmpuint (f->changes, ==, 4);
}

/* With a long checklist scrolled down, moving a habit there leaves the
 * page where it was: no jump to the top, by the buttons or a drop. */
static void
test_reorder_keeps_scroll (Fixture      *f,
                           gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  GtkListBox    *list;
  GtkWidget     *scrolled, *up;
  GtkAdjustment *adjustment;
  double         before;

  for (int i = 1; i <= 14; i++)
    {
      g_autofree char *label = g_strdup_printf ("Habit %02d", i);
      g_autoptr(RapportHabit) habit = rapport_habit_library_add (f->store, label, NULL,
                                                                  RAPPORT_HABIT_TRUST, &error);

      g_assert_no_error (error);
      g_assert_nonnull (habit);
    }
  rapport_preferences_window_reload (f->window);
  test_ui_spin (100);

  list = list_of_group (f, "On the Checklist");
  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  /* The page scrolls, and it is scrolled to where "Habit 12" shows. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment) + 200);
  up = button (f, "Move “Habit 12” up");
  {
    graphene_point_t at;

    g_assert_true (gtk_widget_compute_point (up, GTK_WIDGET (list), &GRAPHENE_POINT_INIT (0, 0), &at));
    gtk_adjustment_set_value (adjustment, at.y - 40);
  }
  test_ui_spin (100);
  before = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (before, >, 100);

  click (f, "Move “Habit 12” up");
  test_ui_spin (200);
  g_assert_cmpfloat (fabs (gtk_adjustment_get_value (adjustment) - before), <, 1.0);
  /* The keyboard stayed on the button, and the habit moved. */
  g_assert_true (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (f->window))) == button (f, "Move “Habit 12” up"));
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM habits h, habits g"
                                               " WHERE h.label = 'Habit 12' AND g.label = 'Habit 11'"
                                               " AND h.position < g.position"),
                   ==, 1);

  click (f, "Move “Habit 12” down");
  test_ui_spin (200);
  g_assert_cmpfloat (fabs (gtk_adjustment_get_value (adjustment) - before), <, 1.0);
}

static void
test_archive_and_library (Fixture      *f,
                          gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportHabit) own = NULL;
  GtkWidget *archived_group = test_ui_find (GTK_WIDGET (f->window), match_group_title, "Archived");

  own = rapport_habit_library_add (f->store, "Coffee chat", "", RAPPORT_HABIT_TRUST, &error);
  g_assert_no_error (error);
  rapport_preferences_window_reload (f->window);
  assert_list (f, "On the Checklist", "Listen, Transfer authority, Explain the why, Coffee chat");

  click (f, "Archive “Coffee chat”");
  assert_active (f, "Listen, Transfer authority, Explain the why");
  g_assert_true (gtk_widget_get_visible (archived_group));
  assert_list (f, "Archived", "Coffee chat");
  /* Archived, not deleted. */
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT COUNT(*) FROM habits WHERE label = 'Coffee chat' AND active = 0"), ==, 1);

  click (f, "Move “Transfer authority” to the library");
  assert_active (f, "Listen, Explain the why");
  assert_list (f, "Library",
               "Transfer authority, Encourage creativity, Connect to the big picture, Recognise the work, "
               "Invest in growth, Show empathy, Set clear expectations, Review progress, Follow through");

  click (f, "Add “Show empathy” to the checklist");
  assert_active (f, "Listen, Explain the why, Show empathy");
  assert_list (f, "On the Checklist", "Listen, Explain the why, Show empathy");

  click (f, "Restore “Coffee chat”");
  assert_active (f, "Listen, Explain the why, Show empathy, Coffee chat");
  g_assert_false (gtk_widget_get_visible (archived_group));
  g_assert_cmpuint (f->changes, ==, 4);
}

static void
test_general_settings (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget     *neglect = test_ui_find (GTK_WIDGET (f->window), match_row_title, "Meetings Before Suggesting a Habit");
  GtkWidget     *backups = test_ui_find (GTK_WIDGET (f->window), match_row_title, "Daily Backups to Keep");
  GtkSpinButton *spin_button;

  g_assert_nonnull (neglect);
  g_assert_nonnull (backups);

  spin_button = GTK_SPIN_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (neglect)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin_button), ==, g_settings_get_int (settings, "neglect-window"));
  gtk_spin_button_set_value (spin_button, 5);
  g_assert_cmpint (g_settings_get_int (settings, "neglect-window"), ==, 5);
  /* The schema's range is the spin button's range. */
  gtk_spin_button_set_value (spin_button, 50);
  g_assert_cmpint (g_settings_get_int (settings, "neglect-window"), ==, 20);

  spin_button = GTK_SPIN_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (backups)));
  g_settings_set_int (settings, "backup-keep", 12);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin_button), ==, 12);
  gtk_spin_button_set_value (spin_button, 30);
  g_assert_cmpint (g_settings_get_int (settings, "backup-keep"), ==, 30);
}

/* Enter in a field adds the habit once the name is acceptable, and not
 * before; the dialog closes either way it is answered. */
static void
test_add_habit_with_enter (Fixture      *f,
                           gconstpointer data)
{
  GtkWidget *dialog;
  GtkWidget *name;
  GtkWidget *hint;

  click (f, "Add your own habit to the checklist");
  dialog = test_ui_find_dialog ();
  g_assert_nonnull (dialog);
  name = test_ui_find (dialog, match_row_title, "Name");
  hint = test_ui_find (dialog, match_row_title, "Hint (optional)");
  g_assert_true (ADW_IS_ENTRY_ROW (name));
  g_assert_true (ADW_IS_ENTRY_ROW (hint));

  /* Nothing to add yet: Enter leaves the dialog open and writes nothing. */
  g_signal_emit_by_name (name, "entry-activated");
  test_ui_spin (20);
  g_assert_true (test_ui_find_dialog () == dialog);
  dialog_set_text (dialog, "Name", "Listen");
  g_signal_emit_by_name (name, "entry-activated");
  test_ui_spin (20);
  g_assert_true (test_ui_find_dialog () == dialog);
  assert_active (f, "Listen, Transfer authority, Explain the why");

  dialog_set_text (dialog, "Name", "Walk and talk");
  g_signal_emit_by_name (hint, "entry-activated");
  test_ui_spin (50);
  g_assert_null (test_ui_find_dialog ());
  assert_active (f, "Listen, Transfer authority, Explain the why, Walk and talk");
  g_assert_cmpuint (f->changes, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/preferences/lists", test_lists);
  ADD ("/ui/preferences/add-habit", test_add_habit);
  ADD ("/ui/preferences/add-habit-with-enter", test_add_habit_with_enter);
  ADD ("/ui/preferences/edit-habit", test_edit_habit);
  ADD ("/ui/preferences/reorder", test_reorder);
  ADD ("/ui/preferences/reorder-keeps-scroll", test_reorder_keeps_scroll);
  ADD ("/ui/preferences/archive-and-library", test_archive_and_library);
  ADD ("/ui/preferences/general-settings", test_general_settings);

  return g_test_run ();
}
