/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's header and its toasts, from issue 10: "Continue Today's
 * 1:1" when today's 1:1 exists, the team named over the team's history
 * (however it was asked for), Undo after archiving a person, and the
 * header's buttons before the page in Tab order. */
#include "config.h"

#include <adwaita.h>

#include "rapport-person-row.h"
#include "rapport-window.h"
#include "test-core-util.h"
#include "test-ui-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  RapportStore  *store;
  RapportWindow *window;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  test_core_db_set_up (&f->dir, &f->path, &f->store);
  /* Ada has a 1:1 today; Bob had one a week ago. */
  test_core_exec (f->store,
                  "INSERT INTO people (id, uuid, name, role, cadence_days, created_at, updated_at) VALUES"
                  " (1, 'a0000000-0000-4000-8000-000000000001', 'Ada Lovelace', 'Analyst', 7,"
                  "  '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),"
                  " (2, 'a0000000-0000-4000-8000-000000000002', 'Bob Marley', '', 7,"
                  "  '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');"
                  "INSERT INTO meetings (id, uuid, person_id, date, notes, created_at, updated_at) VALUES"
                  " (1, 'c0000000-0000-4000-8000-000000000001', 1, date('now'), 'Today.',"
                  "  '2026-01-02T10:00:00.000Z', '2026-01-02T10:00:00.000Z'),"
                  " (2, 'c0000000-0000-4000-8000-000000000002', 2, date('now', '-7 days'), 'Last week.',"
                  "  '2026-01-02T10:00:00.000Z', '2026-01-02T10:00:00.000Z');");
  f->window = test_ui_window_new (f->store, 1280);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  test_ui_window_close (f->window);
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
}

static gboolean
is_shown (GtkWidget *widget)
{
  return gtk_widget_is_drawable (widget) && gtk_widget_get_width (widget) > 0;
}

static gboolean
is_action_button (GtkWidget    *widget,
                  gconstpointer action)
{
  return GTK_IS_BUTTON (widget) && is_shown (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static gboolean
is_labelled_button (GtkWidget    *widget,
                    gconstpointer label)
{
  return GTK_IS_BUTTON (widget) && is_shown (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static GtkWidget *
find_shown (Fixture    *f,
            TestUiMatch match,
            const char *data)
{
  g_autoptr(GPtrArray) all = test_ui_find_all_visible (GTK_WIDGET (f->window), match, data);

  return all->len > 0 ? all->pdata[0] : NULL;
}

static void
select_person (Fixture *f,
               gint64   id)
{
  rapport_window_select_person (f->window, id);
  test_ui_spin (200);
  g_assert_cmpint (rapport_person_get_id (rapport_window_get_person (f->window)), ==, id);
}

/* The header's button for win.new-meeting (the first one in the tree:
 * the header's, not the brief's). */
static GtkButton *
header_new_meeting (Fixture *f)
{
  AdwHeaderBar *header = NULL;
  g_autoptr(GPtrArray) headers = test_ui_find_all_visible (GTK_WIDGET (f->window), test_ui_is_type,
                                                            TEST_UI_TYPE (ADW_TYPE_HEADER_BAR));
  GtkWidget *button = NULL;

  /* The content's header: the one with the person's actions. */
  for (guint i = 0; i < headers->len && button == NULL; i++)
    {
      header = headers->pdata[i];
      button = test_ui_find (GTK_WIDGET (header), is_action_button, "win.new-meeting");
    }
  g_assert_nonnull (button);
  return GTK_BUTTON (button);
}

static void
test_continue_today (Fixture      *f,
                     gconstpointer data)
{
  GtkButton *button;

  select_person (f, 1);
  g_assert_cmpstr (gtk_button_get_label (header_new_meeting (f)), ==, "_Continue Today's 1:1");

  select_person (f, 2);
  g_assert_cmpstr (gtk_button_get_label (header_new_meeting (f)), ==, "_New 1:1");

  /* Bob's 1:1 started: the header says it continues. */
  button = header_new_meeting (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-meeting", NULL);
  test_ui_spin (200);
  g_assert_cmpstr (gtk_button_get_label (button), ==, "_Continue Today's 1:1");
  /* ...but is not offered while that 1:1 is the one on show. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (button)));

  /* Back on the brief, it offers to continue again. */
  select_person (f, 1);
  select_person (f, 2);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (header_new_meeting (f))));
}

static const char *
header_title (Fixture *f)
{
  g_autoptr(GPtrArray) titles = test_ui_find_all_visible (GTK_WIDGET (f->window), test_ui_is_type,
                                                           TEST_UI_TYPE (ADW_TYPE_WINDOW_TITLE));

  /* The content's, not the sidebar's (whose header adds people). */
  for (guint i = 0; i < titles->len; i++)
    {
      GtkWidget *header = gtk_widget_get_ancestor (titles->pdata[i], ADW_TYPE_HEADER_BAR);

      if (header != NULL && test_ui_find (header, is_action_button, "win.add-person") == NULL)
        return adw_window_title_get_title (titles->pdata[i]);
    }
  g_assert_not_reached ();
}

static gboolean
is_team_toggle (GtkWidget    *widget,
                gconstpointer data)
{
  return GTK_IS_TOGGLE_BUTTON (widget) && is_shown (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget),
                    "Show the whole team instead of the selected person") == 0;
}

static void
test_team_title (Fixture      *f,
                 gconstpointer data)
{
  GtkWidget *team;

  select_person (f, 1);
  g_assert_cmpstr (header_title (f), ==, "Ada Lovelace");

  /* Ada's history: her name, and what the range covers under it. */
  g_object_set (f->window, "history-mode", TRUE, NULL);
  test_ui_spin (300);
  g_assert_cmpstr (header_title (f), ==, "Ada Lovelace");

  /* The team, from the history's own toggle: the header says so, not
   * Ada's name over the team's numbers. */
  team = find_shown (f, is_team_toggle, NULL);
  g_assert_nonnull (team);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (team), TRUE);
  test_ui_spin (300);
  g_assert_cmpstr (header_title (f), ==, "Team");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Team");

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (team), FALSE);
  test_ui_spin (300);
  g_assert_cmpstr (header_title (f), ==, "Ada Lovelace");

  /* From the main menu. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.team-history", NULL);
  test_ui_spin (300);
  g_assert_cmpstr (header_title (f), ==, "Team");
}

static gboolean
lists_person (Fixture *f,
              gint64   id)
{
  g_autoptr(GPtrArray) rows = test_ui_find_all_visible (GTK_WIDGET (f->window), test_ui_is_type,
                                                         TEST_UI_TYPE (RAPPORT_TYPE_PERSON_ROW));

  for (guint i = 0; i < rows->len; i++)
    if (rapport_person_get_id (rapport_person_row_get_person (rows->pdata[i])) == id)
      return TRUE;
  return FALSE;
}

static void
test_archive_undo (Fixture      *f,
                   gconstpointer data)
{
  GtkWidget *undo;
  gint64     archived;

  select_person (f, 2);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.archive-person", NULL);
  test_ui_spin (300);
  g_assert_false (lists_person (f, 2));
  g_assert_null (rapport_window_get_person (f->window));
  archived = test_core_sql_int (f->path, "SELECT archived FROM people WHERE id = 2");
  g_assert_cmpint (archived, ==, 1);

  /* The toast offers Undo: Bob is back in the list, and on show. */
  undo = find_shown (f, is_labelled_button, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  test_ui_spin (300);
  g_assert_true (lists_person (f, 2));
  g_assert_nonnull (rapport_window_get_person (f->window));
  g_assert_cmpint (rapport_person_get_id (rapport_window_get_person (f->window)), ==, 2);
  archived = test_core_sql_int (f->path, "SELECT archived FROM people WHERE id = 2");
  g_assert_cmpint (archived, ==, 0);
}

static gboolean
is_start_button (GtkWidget    *widget,
                 gconstpointer data)
{
  return GTK_IS_BUTTON (widget) && is_shown (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Continue Today's 1:1") == 0 &&
         gtk_widget_get_ancestor (widget, ADW_TYPE_HEADER_BAR) == NULL;
}

static void
test_tab_order (Fixture      *f,
                gconstpointer data)
{
  GtkWidget *header_button, *history_button, *brief_start, *row;
  int        header_at = -1, history_at = -1, brief_at = -1;

  select_person (f, 1);
  header_button = GTK_WIDGET (header_new_meeting (f));
  history_button = find_shown (f, is_action_button, "win.history");
  brief_start = find_shown (f, is_start_button, NULL);
  g_assert_nonnull (history_button);
  g_assert_nonnull (brief_start);

  /* Tab from the person's row in the list, as a keyboard user goes on
   * from choosing them: the header's buttons come before the brief. */
  row = test_ui_find (GTK_WIDGET (f->window), test_ui_is_type, TEST_UI_TYPE (RAPPORT_TYPE_PERSON_ROW));
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_grab_focus (row));
  for (int i = 0; i < 60 && brief_at < 0; i++)
    {
      GtkWidget *focus;

      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD) ||
                     gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
      focus = gtk_root_get_focus (GTK_ROOT (f->window));
      if (focus == NULL)
        continue;
      if (focus == header_button || gtk_widget_is_ancestor (focus, header_button))
        header_at = i;
      else if (focus == history_button || gtk_widget_is_ancestor (focus, history_button))
        history_at = i;
      else if (focus == brief_start || gtk_widget_is_ancestor (focus, brief_start))
        brief_at = i;
    }
  g_assert_cmpint (brief_at, >=, 0);
  g_assert_cmpint (header_at, >=, 0);
  g_assert_cmpint (history_at, >=, 0);
  g_assert_cmpint (header_at, <, brief_at);
  g_assert_cmpint (history_at, <, brief_at);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/window-header/continue-today", Fixture, NULL, fixture_set_up,
              test_continue_today, fixture_tear_down);
  g_test_add ("/ui/window-header/team-title", Fixture, NULL, fixture_set_up, test_team_title,
              fixture_tear_down);
  g_test_add ("/ui/window-header/archive-undo", Fixture, NULL, fixture_set_up, test_archive_undo,
              fixture_tear_down);
  g_test_add ("/ui/window-header/tab-order", Fixture, NULL, fixture_set_up, test_tab_order,
              fixture_tear_down);

  return g_test_run ();
}
