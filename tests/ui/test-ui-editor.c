/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rapport-brief-view.h"
#include "rapport-checklist-item.h"
#include "rapport-meeting-editor.h"
#include "rapport-person.h"
#include "rapport-text.h"
#include "rapport-window.h"
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
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  test_core_db_set_up (&f->dir, &f->path, &f->store);
  f->person = test_core_person_new (f->store, "Ada", "Engineer");
  f->meeting = rapport_meeting_create (f->store, rapport_person_get_id (f->person), "2026-03-02", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->meeting);
  g_clear_object (&f->person);
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
}

static void
test_autosave_writes_notes (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *editor = g_object_new (RAPPORT_TYPE_MEETING_EDITOR, "store", f->store, NULL);
  GtkWidget *window = gtk_window_new ();
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
                                      "'She wants to own the release plan.'"), ==, 1);

  /* Switching away saves what was typed at once. */
  gtk_text_buffer_insert_at_cursor (buffer, " Follow up Friday.", -1);
  rapport_meeting_editor_set_meeting (RAPPORT_MEETING_EDITOR (editor), NULL);
  g_assert_cmpint (test_core_sql_int (f->path,
                                      "SELECT count(*) FROM meetings WHERE notes LIKE '%Follow up Friday.'"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (editor);
}

static void
test_continuous_typing_still_saves (Fixture       *f,
                                    gconstpointer  data)
{
  GtkWidget *editor = g_object_new (RAPPORT_TYPE_MEETING_EDITOR, "store", f->store, NULL);
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
test_failed_save_keeps_text (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMeeting) other = rapport_meeting_create (f->store, rapport_person_get_id (f->person),
                                                            "2026-03-09", &error);
  GtkWidget *editor = g_object_new (RAPPORT_TYPE_MEETING_EDITOR, "store", f->store, NULL);
  RapportMeetingEditor *ed;
  GtkTextBuffer *buffer;
  g_autofree char *huge = g_strnfill (RAPPORT_MAX_NOTES_BYTES + 10, 'x');
  g_autofree char *back = NULL;

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
test_checklist_toggles_write_ticks (Fixture       *f,
                                    gconstpointer  data)
{
  GtkWidget *editor = g_object_new (RAPPORT_TYPE_MEETING_EDITOR, "store", f->store, NULL);

  g_object_ref_sink (editor);
  rapport_meeting_editor_set_meeting (RAPPORT_MEETING_EDITOR (editor), f->meeting);

  g_assert_true (rapport_meeting_editor_toggle_prompt (RAPPORT_MEETING_EDITOR (editor), 1));
  g_assert_true (rapport_meeting_editor_toggle_prompt (RAPPORT_MEETING_EDITOR (editor), 3));
  g_assert_false (rapport_meeting_editor_toggle_prompt (RAPPORT_MEETING_EDITOR (editor), 7));
  g_assert_cmpint (test_core_sql_int (f->path,
                                      "SELECT count(*) FROM checklist c JOIN habits h ON h.id = c.habit_id"
                                      " WHERE c.ticked = 1 AND h.key IN ('listen', 'explain-why')"), ==, 2);

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

static void
test_window_new_meeting_and_delete (Fixture       *f,
                                    gconstpointer  data)
{
  RapportWindow *window = rapport_window_new (NULL, f->store);
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
    GtkWidget *calendar = test_ui_find_type (GTK_WIDGET (editor), GTK_TYPE_CALENDAR);
    GtkListView *view = GTK_LIST_VIEW (test_ui_find_type (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW));
    GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));
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
is_label_with (GtkWidget     *widget,
               gconstpointer  text)
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
test_brief_shows_evidence (Fixture       *f,
                           gconstpointer  data)
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
  ADD ("/ui/window/new-meeting-and-delete", test_window_new_meeting_and_delete);
  ADD ("/ui/brief/shows-evidence", test_brief_shows_evidence);

  return g_test_run ();
}
