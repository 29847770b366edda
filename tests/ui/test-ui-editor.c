/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "rapport-brief-view.h"
#include "rapport-checklist-item.h"
#include "rapport-habit-library.h"
#include "rapport-habit.h"
#include "rapport-meeting-editor.h"
#include "rapport-person-row.h"
#include "rapport-person.h"
#include "rapport-text.h"
#include "rapport-window.h"
/* Where the user goes: a meeting, the brief, This Week. */
#include "rapport-window-private.h"
#include "test-core-util.h"
#include "test-ui-util.h"

typedef struct
{
  char           *dir;
  char           *path;
  RapportStore   *store;
  RapportPerson  *person;
  RapportMeeting *meeting;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  test_core_db_set_up (&f->dir, &f->path, &f->store);
  f->person = test_core_person_new (f->store, "Ada", "Engineer");
  f->meeting = rapport_meeting_create (f->store, rapport_person_get_id (f->person), "2026-03-02", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_clear_object (&f->meeting);
  g_clear_object (&f->person);
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
}

static void
test_autosave_writes_notes (Fixture      *f,
                            gconstpointer data)
{
  GtkWidget     *editor = g_object_new (RAPPORT_TYPE_MEETING_EDITOR, "store", f->store, NULL);
  GtkWidget     *window = gtk_window_new ();
  GtkTextBuffer *buffer;

  g_object_ref_sink (editor);
  gtk_window_set_child (GTK_WINDOW (window), editor);
  rapport_meeting_editor_set_meeting (RAPPORT_MEETING_EDITOR (editor), f->meeting);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (test_ui_find_type (editor, GTK_TYPE_TEXT_VIEW)));

  gtk_text_buffer_insert_at_cursor (buffer, "She wants to own the release plan.", -1);
  g_assert_cmpint (rapport_meeting_editor_get_save_state (RAPPORT_MEETING_EDITOR (editor)), ==,
                   RAPPORT_SAVE_STATE_PENDING);
  /* Nothing yet on disk right after the keystroke... */
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT length(notes) FROM meetings"), ==, 0);

  /* ...and everything about a second later, without any explicit save. */
  test_ui_spin (RAPPORT_AUTOSAVE_DELAY_MS + 400);
  g_assert_cmpint (rapport_meeting_editor_get_save_state (RAPPORT_MEETING_EDITOR (editor)), ==,
                   RAPPORT_SAVE_STATE_SAVED);
  g_assert_cmpint (test_core_sql_int (f->path,
                                      "SELECT count(*) FROM meetings WHERE notes = "
                                      "'She wants to own the release plan.'"),
                   ==, 1);

  /* Switching away saves what was typed at once. */
  gtk_text_buffer_insert_at_cursor (buffer, " Follow up Friday.", -1);
  rapport_meeting_editor_set_meeting (RAPPORT_MEETING_EDITOR (editor), NULL);
  g_assert_cmpint (test_core_sql_int (f->path,
                                      "SELECT count(*) FROM meetings WHERE notes LIKE '%Follow up Friday.'"),
                   ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (editor);
}

static void
test_continuous_typing_still_saves (Fixture      *f,
                                    gconstpointer data)
{
  GtkWidget     *editor = g_object_new (RAPPORT_TYPE_MEETING_EDITOR, "store", f->store, NULL);
  GtkTextBuffer *buffer;

  g_object_ref_sink (editor);
  rapport_meeting_editor_set_meeting (RAPPORT_MEETING_EDITOR (editor), f->meeting);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (test_ui_find_type (editor, GTK_TYPE_TEXT_VIEW)));

  /* A keystroke every 200 ms for 5 s never pauses long enough to debounce. */
  for (int i = 0; i < 25; i++)
    {
      gtk_text_buffer_insert_at_cursor (buffer, "x", -1);
      test_ui_spin (200);
    }
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT length(notes) FROM meetings"), >=, 15);

  rapport_meeting_editor_flush (RAPPORT_MEETING_EDITOR (editor));
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT length(notes) FROM meetings"), ==, 25);
  g_object_run_dispose (G_OBJECT (editor));
  g_assert_finalize_object (editor);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* A save that fails must never lose the text, even when the user moves on
 * to another meeting before it could be written. */
static void
test_failed_save_keeps_text (Fixture      *f,
                             gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMeeting) other = rapport_meeting_create (f->store, rapport_person_get_id (f->person),
                                                             "2026-03-09", &error);
  GtkWidget            *editor = g_object_new (RAPPORT_TYPE_MEETING_EDITOR, "store", f->store, NULL);
  RapportMeetingEditor *ed;
  GtkTextBuffer        *buffer;
  g_autofree char      *huge = g_strnfill (RAPPORT_MAX_NOTES_BYTES + 10, 'x');
  g_autofree char      *back = NULL;

  g_object_ref_sink (editor);
  ed = RAPPORT_MEETING_EDITOR (editor);
  rapport_meeting_editor_set_meeting (ed, f->meeting);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (test_ui_find_type (editor, GTK_TYPE_TEXT_VIEW)));

  /* Too long to store: the flush fails and says so. */
  gtk_text_buffer_set_text (buffer, huge, -1);
  g_assert_false (rapport_meeting_editor_flush (ed));
  g_assert_cmpint (rapport_meeting_editor_get_save_state (ed), ==, RAPPORT_SAVE_STATE_FAILED);

  /* Moving on keeps the text in the meeting, still marked unsaved... */
  rapport_meeting_editor_set_meeting (ed, other);
  g_assert_cmpint (rapport_meeting_editor_get_save_state (ed), ==, RAPPORT_SAVE_STATE_FAILED);
  g_assert_cmpuint (rapport_meeting_editor_get_n_unsaved (ed), ==, 1);
  g_assert_true (rapport_meeting_get_dirty (f->meeting));

  /* ...and coming back shows it again, where it can be shortened and saved. */
  rapport_meeting_editor_set_meeting (ed, f->meeting);
  back = buffer_text (buffer);
  g_assert_cmpuint (strlen (back), ==, RAPPORT_MAX_NOTES_BYTES + 10);
  gtk_text_buffer_set_text (buffer, "shorter now", -1);
  g_assert_true (rapport_meeting_editor_flush (ed));
  g_assert_cmpuint (rapport_meeting_editor_get_n_unsaved (ed), ==, 0);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM meetings WHERE notes = 'shorter now'"), ==, 1);

  g_object_run_dispose (G_OBJECT (editor));
  g_assert_finalize_object (editor);
}

static void
test_checklist_toggles_write_ticks (Fixture      *f,
                                    gconstpointer data)
{
  GtkWidget *editor = g_object_new (RAPPORT_TYPE_MEETING_EDITOR, "store", f->store, NULL);

  g_object_ref_sink (editor);
  rapport_meeting_editor_set_meeting (RAPPORT_MEETING_EDITOR (editor), f->meeting);

  g_assert_true (rapport_meeting_editor_toggle_prompt (RAPPORT_MEETING_EDITOR (editor), 1));
  g_assert_true (rapport_meeting_editor_toggle_prompt (RAPPORT_MEETING_EDITOR (editor), 3));
  g_assert_false (rapport_meeting_editor_toggle_prompt (RAPPORT_MEETING_EDITOR (editor), 7));
  g_assert_cmpint (test_core_sql_int (f->path,
                                      "SELECT count(*) FROM checklist c JOIN habits h ON h.id = c.habit_id"
                                      " WHERE c.ticked = 1 AND h.key IN ('listen', 'explain-why')"),
                   ==, 2);

  /* Toggling again unticks, on disk too. */
  g_assert_true (rapport_meeting_editor_toggle_prompt (RAPPORT_MEETING_EDITOR (editor), 1));
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM checklist WHERE ticked = 1"), ==, 1);

  /* Mood goes to disk with the next save. */
  rapport_meeting_set_mood (f->meeting, 4);
  rapport_meeting_editor_flush (RAPPORT_MEETING_EDITOR (editor));
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT mood FROM meetings"), ==, 4);

  g_object_run_dispose (G_OBJECT (editor));
  g_assert_finalize_object (editor);
}

static gboolean is_label_with (GtkWidget    *widget,
                               gconstpointer text);

/* Reordering habits does not renumber a past meeting: Alt+2 ticks the
 * same prompt, shown as Alt+2, before and after, even after a reload. */
static void
test_reorder_keeps_alt_numbers (Fixture      *f,
                                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget       *editor = g_object_new (RAPPORT_TYPE_MEETING_EDITOR, "store", f->store, NULL);
  gint64           second = test_core_sql_int (f->path, "SELECT c.habit_id FROM checklist c JOIN habits h ON h.id = c.habit_id"
                                                                  " ORDER BY h.position LIMIT 1 OFFSET 1");
  g_autofree char *ticked_second = g_strdup_printf ("SELECT ticked FROM checklist WHERE habit_id = %" G_GINT64_FORMAT,
                                                    second);

  g_object_ref_sink (editor);
  rapport_meeting_editor_set_meeting (RAPPORT_MEETING_EDITOR (editor), f->meeting);
  g_assert_nonnull (test_ui_find (editor, is_label_with, "Alt+2"));

  /* The second habit goes to the bottom of the checklist, then the app
   * reloads the meeting's checklist as it does after Preferences. */
  g_assert_true (rapport_habit_library_move (f->store, second, 99, &error));
  g_assert_no_error (error);
  rapport_meeting_editor_reload_checklist (RAPPORT_MEETING_EDITOR (editor));
  test_ui_spin (20);

  g_assert_true (rapport_meeting_editor_toggle_prompt (RAPPORT_MEETING_EDITOR (editor), 2));
  g_assert_cmpint (test_core_sql_int (f->path, ticked_second), ==, 1);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM checklist WHERE ticked = 1"), ==, 1);

  /* Opened again later: the same. */
  rapport_meeting_editor_set_meeting (RAPPORT_MEETING_EDITOR (editor), NULL);
  rapport_meeting_editor_set_meeting (RAPPORT_MEETING_EDITOR (editor), f->meeting);
  g_assert_true (rapport_meeting_editor_toggle_prompt (RAPPORT_MEETING_EDITOR (editor), 2));
  g_assert_cmpint (test_core_sql_int (f->path, ticked_second), ==, 0);

  g_object_run_dispose (G_OBJECT (editor));
  g_assert_finalize_object (editor);
}

static void
test_window_new_meeting_and_delete (Fixture      *f,
                                    gconstpointer data)
{
  RapportWindow        *window = rapport_window_new (NULL, f->store);
  RapportMeetingEditor *editor = rapport_window_get_editor (window);

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  test_ui_spin (50);

  rapport_window_select_person (window, rapport_person_get_id (f->person));
  g_assert_nonnull (rapport_window_get_person (window));
  g_assert_cmpstr (rapport_person_get_name (rapport_window_get_person (window)), ==, "Ada");

  /* Renaming updates the list row and the title (this used to crash). */
  rapport_person_set_name (rapport_window_get_person (window), "Ada King");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Ada King");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-meeting", NULL));
  g_assert_nonnull (rapport_meeting_editor_get_meeting (editor));
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM meetings"), ==, 2);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM checklist"), ==, 6);

  /* Moving today's meeting to an earlier date moves it down the list. */
  {
    GtkWidget   *calendar = test_ui_find_type (GTK_WIDGET (editor), GTK_TYPE_CALENDAR);
    GtkListView *view = GTK_LIST_VIEW (test_ui_find_type (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW));
    GListModel  *model = G_LIST_MODEL (gtk_list_view_get_model (view));
    g_autoptr(GDateTime) early = g_date_time_new_local (2026, 1, 5, 12, 0, 0);
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(RapportMeeting) first = NULL;
    g_autoptr(RapportMeeting) second = NULL;

    gtk_calendar_select_day (GTK_CALENDAR (calendar), early);
    first = g_list_model_get_item (model, 0);
    second = g_list_model_get_item (model, 1);
    g_assert_cmpstr (rapport_meeting_get_date (first), ==, "2026-03-02");
    g_assert_cmpstr (rapport_meeting_get_date (second), ==, "2026-01-05");
    g_assert_true (second == rapport_meeting_editor_get_meeting (editor));
    g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM meetings WHERE date = '2026-01-05'"), ==, 1);
    gtk_calendar_select_day (GTK_CALENDAR (calendar), now);
  }

  /* Ctrl+N again on an empty meeting of today reuses it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-meeting", NULL));
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM meetings"), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-meeting", NULL));
  g_assert_null (rapport_meeting_editor_get_meeting (editor));
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM meetings WHERE deleted = 0"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  test_ui_spin (50);
  g_assert_finalize_object (window);
}

static gboolean
is_label_with (GtkWidget    *widget,
               gconstpointer text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

/* A visible label in @widget has @text in it. */
static gboolean
has_label_with (GtkWidget  *widget,
                const char *text)
{
  return test_ui_find (widget, is_label_with, text) != NULL;
}

static void
test_brief_shows_evidence (Fixture      *f,
                           gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) checklist = rapport_checklist_load (f->store, rapport_meeting_get_id (f->meeting), &error);
  g_autoptr(RapportChecklistItem) listen = g_list_model_get_item (G_LIST_MODEL (checklist), 0);
  GtkWidget *brief = rapport_brief_view_new (f->store);

  g_object_ref_sink (brief);
  g_assert_true (rapport_checklist_item_set_ticked (listen, f->store, TRUE, &error));
  g_assert_true (rapport_checklist_item_set_evidence (listen, f->store, "let her choose the plan", &error));
  g_assert_no_error (error);

  rapport_brief_view_set_person (RAPPORT_BRIEF_VIEW (brief), f->person);
  g_assert_true (has_label_with (brief, "Practised: Listen (let her choose the plan)"));
  g_assert_false (has_label_with (brief, "Explain the why"));

  g_object_run_dispose (G_OBJECT (brief));
  g_assert_finalize_object (brief);
}

/* The titles of the action rows on show in @widget, in order. */
static void
collect_shown_rows (GtkWidget *widget,
                    GPtrArray *titles)
{
  if (ADW_IS_ACTION_ROW (widget) && gtk_widget_is_visible (widget))
    g_ptr_array_add (titles, g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shown_rows (child, titles);
}

/* The brief's "Practise This Time" rows are those of the brief it shows. */
static void
assert_habit_rows (GtkWidget *brief,
                   guint      expected)
{
  RapportBrief *loaded = rapport_brief_view_get_brief (RAPPORT_BRIEF_VIEW (brief));
  GListModel   *habits = rapport_brief_get_neglected_habits (loaded);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpuint (g_list_model_get_n_items (habits), ==, expected);
  collect_shown_rows (brief, titles);
  g_assert_cmpuint (titles->len, ==, expected);
  for (guint i = 0; i < expected; i++)
    {
      g_autoptr(RapportHabit) habit = g_list_model_get_item (habits, i);
      g_assert_cmpstr (g_ptr_array_index (titles, i), ==, rapport_habit_get_label (habit));
    }
}

/* The habit rows are kept from one person to the next (only their text
 * changes): each person still shows exactly their own. */
static void
test_brief_habit_rows_follow_the_person (Fixture      *f,
                                         gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPerson) grace = test_core_person_new (f->store, "Grace", "Manager");
  g_autoptr(RapportPerson) linus = test_core_person_new (f->store, "Linus", "Engineer");
  g_autoptr(RapportMeeting) met = rapport_meeting_create (f->store, rapport_person_get_id (grace), "2026-03-03", &error);
  g_autoptr(GListStore) checklist = NULL;
  GtkWidget *brief = rapport_brief_view_new (f->store);
  guint      n;

  g_assert_no_error (error);
  g_object_ref_sink (brief);
  /* Grace ticked every habit but the first in her 1:1. */
  checklist = rapport_checklist_load (f->store, rapport_meeting_get_id (met), &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (checklist));
  g_assert_cmpuint (n, >, 2);
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(RapportChecklistItem) item = g_list_model_get_item (G_LIST_MODEL (checklist), i);
      g_assert_true (rapport_checklist_item_set_ticked (item, f->store, TRUE, &error));
    }
  rapport_brief_view_set_today (RAPPORT_BRIEF_VIEW (brief), "2026-03-10");
  rapport_brief_view_set_neglect_window (RAPPORT_BRIEF_VIEW (brief), 1);

  /* Ada ticked nothing: every habit; Grace: one; Linus has had no 1:1. */
  rapport_brief_view_set_person (RAPPORT_BRIEF_VIEW (brief), f->person);
  assert_habit_rows (brief, n);
  rapport_brief_view_set_person (RAPPORT_BRIEF_VIEW (brief), grace);
  assert_habit_rows (brief, 1);
  rapport_brief_view_set_person (RAPPORT_BRIEF_VIEW (brief), linus);
  assert_habit_rows (brief, 0);
  rapport_brief_view_set_person (RAPPORT_BRIEF_VIEW (brief), f->person);
  assert_habit_rows (brief, n);
  rapport_brief_view_set_person (RAPPORT_BRIEF_VIEW (brief), grace);
  assert_habit_rows (brief, 1);

  g_object_run_dispose (G_OBJECT (brief));
  g_assert_finalize_object (brief);
}

/* Takes the database's write lock as another program would (a CLI import
 * in the middle of its transaction) and keeps it until released. */
static sqlite3 *
hold_write_lock (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  return db;
}

static void
release_write_lock (sqlite3 *db)
{
  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static RapportWindow *
window_on_meeting (Fixture *f)
{
  RapportWindow *window = g_object_ref_sink (rapport_window_new (NULL, f->store));

  gtk_window_present (GTK_WINDOW (window));
  test_ui_spin (50);
  rapport_window_open_meeting (window, rapport_person_get_id (f->person), rapport_meeting_get_id (f->meeting));
  g_assert_true (rapport_meeting_editor_get_meeting (rapport_window_get_editor (window)) != NULL);
  rapport_meeting_editor_focus_notes (rapport_window_get_editor (window));
  test_ui_spin (50);
  return window;
}

static void
window_close (RapportWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  test_ui_spin (50);
  g_assert_finalize_object (window);
}

static GtkTextBuffer *
notes_buffer (RapportWindow *window)
{
  GtkWidget *view = test_ui_find_type (GTK_WIDGET (rapport_window_get_editor (window)), GTK_TYPE_TEXT_VIEW);
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
}

/* A revealed banner (a GtkRevealer) in @window says @text. */
static gboolean
banner_says (RapportWindow *window,
             const char    *text)
{
  g_autoptr(GPtrArray) revealers = test_ui_find_all_visible (GTK_WIDGET (window), test_ui_is_type,
                                                              TEST_UI_TYPE (GTK_TYPE_REVEALER));

  for (guint i = 0; i < revealers->len; i++)
    {
      GtkRevealer *revealer = g_ptr_array_index (revealers, i);

      /* Newer libadwaita keeps header bars in revealers too: not a banner. */
      if (gtk_revealer_get_reveal_child (revealer) && gtk_revealer_get_child (revealer) != NULL &&
          test_ui_find_type (gtk_revealer_get_child (revealer), ADW_TYPE_HEADER_BAR) == NULL &&
          test_ui_find (gtk_revealer_get_child (revealer), is_label_with, text) != NULL)
        return TRUE;
    }
  return FALSE;
}

static guint
n_visible_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint       n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      if (gtk_widget_get_visible (window))
        n++;
    }
  return n;
}

/* Types @text into @window as a person would: key presses through the X
 * server (xdotool) when there is one, so that whatever has the focus gets
 * them; else inserted at the cursor as typing does. */
static void
type_text (RapportWindow *window,
           GtkTextBuffer *buffer,
           const char    *text)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface      *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  if (xdotool != NULL && GDK_IS_X11_SURFACE (surface))
    {
      g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
      const char      *focus[] = { xdotool, "windowfocus", "--sync", xid, NULL };
      const char      *type[] = { xdotool, "type", "--delay", "15", "--clearmodifiers", "--", text, NULL };
      g_autoptr(GError) error = NULL;
      int status = 0;

      g_spawn_sync (NULL, (char **) focus, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_spawn_sync (NULL, (char **) type, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      test_ui_spin (150);
      return;
    }
#endif
  g_test_message ("no X server or no xdotool: text inserted at the cursor");
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
}

/* A save that fails while the user types says so in the window: no
 * dialog takes the keys (a typed space used to close it), the notes keep
 * the focus and every character, and the save goes through later. */
static void
test_failed_save_keeps_focus_and_keys (Fixture      *f,
                                       gconstpointer data)
{
  RapportWindow        *window = window_on_meeting (f);
  RapportMeetingEditor *editor = rapport_window_get_editor (window);
  GtkTextBuffer        *buffer = notes_buffer (window);
  GtkWidget            *notes = test_ui_find_type (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW);
  sqlite3              *lock = hold_write_lock (f->path);
  g_autofree char      *shown = NULL;
  gint64                deadline;

  type_text (window, buffer, "abc def ");
  /* The autosave comes and fails. */
  deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (rapport_meeting_editor_get_save_state (editor) != RAPPORT_SAVE_STATE_FAILED &&
         g_get_monotonic_time () < deadline)
    test_ui_spin (20);
  g_assert_cmpint (rapport_meeting_editor_get_save_state (editor), ==, RAPPORT_SAVE_STATE_FAILED);

  /* Typing goes on, spaces and all, into the notes. */
  type_text (window, buffer, "ghi jkl mno.");
  test_ui_spin (100);
  shown = buffer_text (buffer);
  g_assert_cmpstr (shown, ==, "abc def ghi jkl mno.");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == notes);
  g_assert_cmpuint (n_visible_toplevels (), ==, 1);
  g_assert_null (test_ui_find_dialog ());
  g_assert_null (test_ui_find_alert ());
  g_assert_true (banner_says (window, "Another program is using the journal"));
  g_assert_true (has_label_with (GTK_WIDGET (window), "Not saved"));

  /* The other program is done: the retry saves it all, the banner goes. */
  release_write_lock (lock);
  deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (rapport_meeting_editor_get_save_state (editor) != RAPPORT_SAVE_STATE_SAVED &&
         g_get_monotonic_time () < deadline)
    test_ui_spin (20);
  g_assert_cmpint (rapport_meeting_editor_get_save_state (editor), ==, RAPPORT_SAVE_STATE_SAVED);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM meetings"
                                               " WHERE notes = 'abc def ghi jkl mno.'"),
                   ==, 1);
  g_assert_false (banner_says (window, ""));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == notes);

  window_close (window);
}

/* Another program's lock costs a save attempt ~0.1 s on the main thread,
 * never the 5 s it used to; the window keeps drawing meanwhile. */
static void
test_lock_never_freezes (Fixture      *f,
                         gconstpointer data)
{
  RapportWindow        *window = window_on_meeting (f);
  RapportMeetingEditor *editor = rapport_window_get_editor (window);
  GtkTextBuffer        *buffer = notes_buffer (window);
  sqlite3              *lock = hold_write_lock (f->path);
  gint64                start, took, longest = 0, end;

  gtk_text_buffer_insert_interactive_at_cursor (buffer, "Typed while locked.", -1, TRUE);
  /* Each attempt on the main thread gives up quickly (three, in case the
   * machine is busy with something else for one of them). */
  for (int i = 0; i < 3; i++)
    {
      start = g_get_monotonic_time ();
      g_assert_false (rapport_window_flush (window));
      took = g_get_monotonic_time () - start;
      g_test_message ("a save attempt under another program's lock took %" G_GINT64_FORMAT " ms",
                      took / 1000);
      g_assert_cmpint (took, <, 200 * 1000);
      g_assert_cmpint (rapport_meeting_editor_get_save_state (editor), ==, RAPPORT_SAVE_STATE_FAILED);
    }
  g_assert_true (banner_says (window, "Another program is using the journal"));

  /* The retries that follow (and the checks for other writers) never
   * hold the window for long either; an iteration also draws a frame,
   * which a loaded machine makes slow, hence the looser bound. */
  end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end)
    {
      gint64 before = g_get_monotonic_time ();

      g_main_context_iteration (NULL, FALSE);
      longest = MAX (longest, g_get_monotonic_time () - before);
    }
  g_test_message ("longest main loop iteration over 3 s of retries: %" G_GINT64_FORMAT " ms",
                  longest / 1000);
  g_assert_cmpint (longest, <, 1000 * 1000);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT length(notes) FROM meetings WHERE id = 1"), ==, 0);

  release_write_lock (lock);
  end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (rapport_meeting_editor_get_save_state (editor) != RAPPORT_SAVE_STATE_SAVED &&
         g_get_monotonic_time () < end)
    test_ui_spin (20);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM meetings"
                                               " WHERE notes = 'Typed while locked.'"),
                   ==, 1);

  window_close (window);
}

static gboolean
is_button_with_label (GtkWidget    *widget,
                      gconstpointer label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static void
count_discarded (RapportMeetingEditor *editor,
                 RapportMeeting       *meeting,
                 guint                *count)
{
  g_assert_true (RAPPORT_IS_MEETING (meeting));
  (*count)++;
}

/* Ctrl+N in @window: the id of the meeting now in the editor. */
static gint64
press_ctrl_n (RapportWindow *window,
              const char    *action)
{
  RapportMeeting *meeting;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  test_ui_spin (20);
  meeting = rapport_meeting_editor_get_meeting (rapport_window_get_editor (window));
  g_assert_nonnull (meeting);
  return rapport_meeting_get_id (meeting);
}

static gint64
meetings_with_id (Fixture *f,
                  gint64   id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM meetings WHERE id = %" G_GINT64_FORMAT, id);

  return test_core_sql_int (f->path, sql);
}

static gint64
checklist_rows_of (Fixture *f,
                   gint64   id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM checklist WHERE meeting_id = %" G_GINT64_FORMAT, id);

  return test_core_sql_int (f->path, sql);
}

static void
set_notes (RapportWindow *window,
           const char    *text)
{
  GtkWidget *view = test_ui_find_type (GTK_WIDGET (rapport_window_get_editor (window)), GTK_TYPE_TEXT_VIEW);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* Ctrl+N by mistake: a 1:1 started in the window and left with nothing in
 * it is gone again, whichever way it is left; one with anything in it,
 * and one that existed before, stays. */
static void
test_window_discards_untouched_meeting (Fixture      *f,
                                        gconstpointer data)
{
  g_autoptr(RapportPerson) bob = test_core_person_new (f->store, "Bob", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  gint64                existing;
  RapportWindow        *window;
  RapportMeetingEditor *editor;
  GtkListView          *view;
  guint                 discarded = 0;
  gint64                id, kept;

  /* Ordered by attention: a discard re-sorts the people as it rereads. */
  g_settings_set_string (settings, "people-order", "attention");
  existing = rapport_meeting_get_id (f->meeting);
  window = rapport_window_new (NULL, f->store);
  editor = rapport_window_get_editor (window);
  g_object_ref_sink (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (editor, "meeting-discarded", G_CALLBACK (count_discarded), &discarded);
  test_ui_spin (50);
  rapport_window_select_person (window, rapport_person_get_id (f->person));
  view = GTK_LIST_VIEW (test_ui_find_type (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW));

  /* An empty meeting opened from the list is never discarded. */
  rapport_window_select_meeting (window, existing);
  g_assert_true (rapport_meeting_editor_get_meeting (editor) != NULL);
  rapport_window_show_brief (window);
  g_assert_cmpint (meetings_with_id (f, existing), ==, 1);

  /* Started, then the brief: gone with its checklist, and the list, the
   * brief and a toast say so. */
  id = press_ctrl_n (window, "win.new-meeting");
  g_assert_cmpint (checklist_rows_of (f, id), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))), ==, 2);
  rapport_window_show_brief (window);
  g_assert_cmpint (meetings_with_id (f, id), ==, 0);
  g_assert_cmpint (checklist_rows_of (f, id), ==, 0);
  g_assert_cmpuint (discarded, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))), ==, 1);
  test_ui_spin (50);
  g_assert_true (has_label_with (GTK_WIDGET (window), "Empty 1:1 discarded"));
  {
    GtkWidget *brief = test_ui_find_type (GTK_WIDGET (window), RAPPORT_TYPE_BRIEF_VIEW);

    g_assert_false (has_label_with (brief, "Last 1:1 today"));
    g_assert_true (test_ui_find (brief, is_button_with_label, "_Start 1:1") != NULL);
  }

  /* Started, then another meeting of the list: that one is on show. */
  id = press_ctrl_n (window, "win.new-meeting");
  rapport_window_select_meeting (window, existing);
  g_assert_cmpint (meetings_with_id (f, id), ==, 0);
  g_assert_cmpuint (discarded, ==, 2);
  g_assert_cmpint (rapport_meeting_get_id (rapport_meeting_editor_get_meeting (editor)), ==, existing);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))), ==, 1);

  /* White space only, a new date, then another person: gone. */
  id = press_ctrl_n (window, "win.new-meeting");
  set_notes (window, "  \n\t\n");
  rapport_window_select_person (window, rapport_person_get_id (bob));
  g_assert_cmpint (meetings_with_id (f, id), ==, 0);
  g_assert_cmpuint (discarded, ==, 3);
  /* The people list reread on the way keeps Bob selected. */
  test_ui_spin (50);
  {
    GtkListBoxRow *row = gtk_list_box_get_selected_row (window->people_list);

    g_assert_nonnull (row);
    g_assert_cmpint (rapport_person_get_id (rapport_person_row_get_person (RAPPORT_PERSON_ROW (row))), ==,
                     rapport_person_get_id (bob));
  }

  /* A tick, then This Week: kept. */
  id = press_ctrl_n (window, "win.new-meeting");
  g_assert_true (rapport_meeting_editor_toggle_prompt (editor, 1));
  rapport_window_show_this_week (window);
  g_assert_null (rapport_meeting_editor_get_meeting (editor));
  g_assert_cmpint (meetings_with_id (f, id), ==, 1);
  g_assert_cmpuint (discarded, ==, 3);

  /* Notes, then the brief: kept. Opened again from the list and emptied,
   * it is one that existed before: kept too. */
  rapport_window_select_person (window, rapport_person_get_id (f->person));
  kept = press_ctrl_n (window, "win.new-meeting");
  set_notes (window, "Wants to lead the migration.");
  rapport_window_show_brief (window);
  g_assert_cmpint (meetings_with_id (f, kept), ==, 1);
  rapport_window_select_meeting (window, kept);
  set_notes (window, "");
  rapport_window_show_brief (window);
  g_assert_cmpint (meetings_with_id (f, kept), ==, 1);
  g_assert_cmpuint (discarded, ==, 3);

  /* Another writer put notes in it while it was on show: kept, with them. */
  id = press_ctrl_n (window, "win.new-meeting-anyway");
  g_assert_cmpint (id, !=, kept);
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE meetings SET notes = 'From the other window',"
                                            " revision = revision + 1 WHERE id = %" G_GINT64_FORMAT,
                                            id);
    test_core_sql (f->path, sql);
  }
  rapport_window_show_brief (window);
  g_assert_cmpint (meetings_with_id (f, id), ==, 1);
  g_assert_cmpuint (discarded, ==, 3);

  /* Started, then the window closes: gone. */
  id = press_ctrl_n (window, "win.new-meeting-anyway");
  g_assert_cmpint (meetings_with_id (f, id), ==, 1);
  gtk_window_close (GTK_WINDOW (window));
  test_ui_spin (50);
  g_assert_cmpint (meetings_with_id (f, id), ==, 0);
  g_assert_cmpint (checklist_rows_of (f, id), ==, 0);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM meetings"), ==, 4);
  g_assert_finalize_object (window);
  g_settings_reset (settings, "people-order");
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/editor/autosave-writes-notes", test_autosave_writes_notes);
  ADD ("/ui/editor/continuous-typing-still-saves", test_continuous_typing_still_saves);
  ADD ("/ui/editor/failed-save-keeps-text", test_failed_save_keeps_text);
  ADD ("/ui/editor/checklist-toggles-write-ticks", test_checklist_toggles_write_ticks);
  ADD ("/ui/editor/reorder-keeps-alt-numbers", test_reorder_keeps_alt_numbers);
  ADD ("/ui/window/new-meeting-and-delete", test_window_new_meeting_and_delete);
  ADD ("/ui/window/discards-untouched-meeting", test_window_discards_untouched_meeting);
  ADD ("/ui/brief/shows-evidence", test_brief_shows_evidence);
  ADD ("/ui/brief/habit-rows-follow-the-person", test_brief_habit_rows_follow_the_person);
  ADD ("/ui/window/failed-save-keeps-focus-and-keys", test_failed_save_keeps_focus_and_keys);
  ADD ("/ui/window/lock-never-freezes", test_lock_never_freezes);

  return g_test_run ();
}
