/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window and a second writer on the same database: what another
 * program writes shows up, what the user typed is never written over
 * nor lost. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rapport-data-actions.h"
#include "rapport-exchange.h"
#include "rapport-meeting-editor.h"
#include "rapport-window.h"
#include "test-core-util.h"
#include "test-ui-util.h"

#define ADA "a0000000-0000-4000-8000-000000000001"
#define M1 "c0000000-0000-4000-8000-000000000001"
#define M2 "c0000000-0000-4000-8000-000000000002"
#define OLD_TEXT "Old notes of the first meeting."

typedef struct
{
  char                 *dir;
  char                 *path;
  RapportStore         *store;
  RapportWindow        *window;
  RapportMeetingEditor *editor;
  GtkTextView          *notes;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  test_core_db_set_up (&f->dir, &f->path, &f->store);
  test_core_exec (f->store,
                  "INSERT INTO people (id, uuid, name, created_at, updated_at) VALUES"
                  " (1, '" ADA "', 'Ada Lovelace', '2026-02-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z');"
                  "INSERT INTO meetings (id, uuid, person_id, date, notes, created_at, updated_at) VALUES"
                  " (1, '" M1 "', 1, '2026-02-02', '" OLD_TEXT "',"
                  "  '2026-02-02T10:00:00.000Z', '2026-02-02T10:00:00.000Z'),"
                  " (2, '" M2 "', 1, '2026-02-09', 'Notes of the second meeting.',"
                  "  '2026-02-09T10:00:00.000Z', '2026-02-09T10:00:00.000Z');");

  f->window = g_object_ref_sink (rapport_window_new (NULL, f->store));
  f->editor = rapport_window_get_editor (f->window);
  f->notes = GTK_TEXT_VIEW (test_ui_find_type (GTK_WIDGET (f->editor), GTK_TYPE_TEXT_VIEW));
  gtk_window_present (GTK_WINDOW (f->window));
  test_ui_spin (50);
  rapport_window_open_meeting (f->window, 1, 1);
  g_assert_nonnull (rapport_meeting_editor_get_meeting (f->editor));
  g_assert_cmpint (rapport_meeting_get_id (rapport_meeting_editor_get_meeting (f->editor)), ==, 1);
  rapport_meeting_editor_focus_notes (f->editor);
  test_ui_spin (50);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  test_ui_spin (50);
  g_assert_finalize_object (f->window);
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
}

static char *
buffer_text (Fixture *f)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (f->notes);
  GtkTextIter    start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static int
cursor_offset (Fixture *f)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (f->notes);
  GtkTextIter    iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

/* The notes of meeting @id on disk, as sqlite3 sees them. */
static char *
notes_on_disk (Fixture *f,
               gint64   id)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char         *notes;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT notes FROM meetings WHERE id = ?1", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  notes = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return notes;
}

static gboolean
buffer_is (Fixture    *f,
           const char *text)
{
  g_autofree char *now = buffer_text (f);
  return g_strcmp0 (now, text) == 0;
}

static gboolean
disk_has_both (Fixture    *f,
               const char *mine,
               const char *theirs)
{
  g_autofree char *notes = notes_on_disk (f, 1);
  return strstr (notes, mine) != NULL && strstr (notes, theirs) != NULL;
}

static gboolean
is_label_with (GtkWidget    *widget,
               gconstpointer text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
focus_is_notes (Fixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window)) == GTK_WIDGET (f->notes);
}

/* Another program writes notes, a person and a meeting: within two
 * seconds the window shows all of it, and writes nothing back. */
static void
test_shows_changes_from_another_process (Fixture      *f,
                                         gconstpointer data)
{
  gint64           start, deadline;
  g_autofree char *on_disk = NULL;

  test_core_sql (f->path,
                 "UPDATE meetings SET notes = 'Written by rapport --import.',"
                 " updated_at = '2026-12-01T18:40:00.000Z' WHERE id = 1;"
                 "INSERT INTO people (uuid, name, created_at, updated_at) VALUES"
                 " ('a0000000-0000-4000-8000-000000000002', 'Grace Hopper', 'x', 'x');"
                 "INSERT INTO meetings (uuid, person_id, date, notes, created_at, updated_at) VALUES"
                 " ('c0000000-0000-4000-8000-000000000003', 1, '2026-02-16', 'Third', 'x', 'x');");

  start = g_get_monotonic_time ();
  deadline = start + 2 * G_USEC_PER_SEC;
  while (!buffer_is (f, "Written by rapport --import.") && g_get_monotonic_time () < deadline)
    test_ui_spin (20);
  g_test_message ("shown after %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);
  g_assert_true (buffer_is (f, "Written by rapport --import."));

  /* The same object everywhere, the list's and the editor's. */
  g_assert_cmpstr (rapport_meeting_get_notes (rapport_meeting_editor_get_meeting (f->editor)), ==,
                   "Written by rapport --import.");
  g_assert_false (rapport_meeting_get_dirty (rapport_meeting_editor_get_meeting (f->editor)));
  g_assert_nonnull (test_ui_find (GTK_WIDGET (f->window), is_label_with, "Grace Hopper"));
  {
    GtkListView *view = GTK_LIST_VIEW (test_ui_find_type (GTK_WIDGET (f->window), GTK_TYPE_LIST_VIEW));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))), ==, 3);
  }
  g_assert_true (focus_is_notes (f));

  /* Nothing was written back over it. */
  test_ui_spin (RAPPORT_AUTOSAVE_DELAY_MS + 300);
  on_disk = notes_on_disk (f, 1);
  g_assert_cmpstr (on_disk, ==, "Written by rapport --import.");
  g_assert_cmpint (rapport_meeting_editor_get_save_state (f->editor), ==, RAPPORT_SAVE_STATE_SAVED);
}

/* The user is typing when another program writes the same notes: both
 * texts end up on disk in full, the cursor and the focus stay put, and
 * the window says so. */
static void
test_typed_and_other_text_both_kept (Fixture      *f,
                                     gconstpointer data)
{
  GtkTextBuffer   *buffer = gtk_text_view_get_buffer (f->notes);
  const char      *mine = OLD_TEXT " She will lead the release.";
  const char      *theirs = "Budget review moved to Friday.";
  g_autofree char *on_disk = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *sql = NULL;
  gint64           deadline;
  GtkTextIter      end;
  int              cursor;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, " She will lead the release.", -1, TRUE);
  cursor = cursor_offset (f);
  g_assert_cmpint (cursor, ==, g_utf8_strlen (mine, -1));

  /* Before the autosave, another program writes. */
  sql = g_strdup_printf ("UPDATE meetings SET notes = '%s', updated_at = '2026-12-01T18:40:00.000Z'"
                         " WHERE id = 1",
                         theirs);
  test_core_sql (f->path, sql);

  deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (!disk_has_both (f, mine, theirs) && g_get_monotonic_time () < deadline)
    test_ui_spin (20);
  on_disk = notes_on_disk (f, 1);
  g_test_message ("on disk: %s", on_disk);
  g_assert_true (g_str_has_prefix (on_disk, mine));
  g_assert_true (g_str_has_suffix (on_disk, theirs));
  g_assert_nonnull (strstr (on_disk, "— Another copy of these notes, saved elsewhere on "));

  /* The editor shows what is on disk; the copy went in after the cursor. */
  shown = buffer_text (f);
  g_assert_cmpstr (shown, ==, on_disk);
  g_assert_cmpint (cursor_offset (f), ==, cursor);
  g_assert_true (focus_is_notes (f));
  g_assert_cmpint (rapport_meeting_editor_get_save_state (f->editor), ==, RAPPORT_SAVE_STATE_SAVED);
  g_assert_nonnull (test_ui_find (GTK_WIDGET (f->window), is_label_with, "both texts are kept"));

  /* Typing on goes on from where it was, and saves over the merged row. */
  gtk_text_buffer_insert_interactive_at_cursor (buffer, " More.", -1, TRUE);
  g_assert_true (rapport_window_flush (f->window));
  g_clear_pointer (&on_disk, g_free);
  on_disk = notes_on_disk (f, 1);
  g_assert_true (g_str_has_prefix (on_disk, mine));
  g_assert_nonnull (strstr (on_disk, "release. More."));
  g_assert_true (g_str_has_suffix (on_disk, theirs));
}

/* The user put the cursor at the end (Ctrl+End) and is about to type
 * when another program's text arrives: the cursor is still at the end,
 * so what they type follows the new text instead of splitting it. */
static void
test_cursor_at_end_stays_at_end (Fixture      *f,
                                 gconstpointer data)
{
  GtkTextBuffer   *buffer = gtk_text_view_get_buffer (f->notes);
  const char      *theirs = "Imported from the laptop: the whole paragraph, kept.";
  g_autofree char *sql = NULL;
  g_autofree char *on_disk = NULL;
  gint64           deadline;
  GtkTextIter      end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  sql = g_strdup_printf ("UPDATE meetings SET notes = '%s' WHERE id = 1", theirs);
  test_core_sql (f->path, sql);

  deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (!buffer_is (f, theirs) && g_get_monotonic_time () < deadline)
    test_ui_spin (20);
  g_assert_true (buffer_is (f, theirs));
  g_assert_cmpint (cursor_offset (f), ==, g_utf8_strlen (theirs, -1));

  gtk_text_buffer_insert_interactive_at_cursor (buffer, " Typed after.", -1, TRUE);
  g_assert_true (rapport_window_flush (f->window));
  on_disk = notes_on_disk (f, 1);
  g_assert_cmpstr (on_disk, ==, "Imported from the laptop: the whole paragraph, kept. Typed after.");
}

/* Another program deletes the meeting the user is typing in: it stays
 * on show with every character, and the window says why it cannot be
 * saved, instead of closing it and dropping the text. */
static void
test_deleted_while_typing_stays (Fixture      *f,
                                 gconstpointer data)
{
  GtkTextBuffer  *buffer = gtk_text_view_get_buffer (f->notes);
  const char     *typed = OLD_TEXT " Typed before it was deleted.";
  RapportMeeting *meeting = rapport_meeting_editor_get_meeting (f->editor);
  GtkTextIter     end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, " Typed before it was deleted.", -1, TRUE);
  test_core_sql (f->path, "DELETE FROM meetings WHERE id = 1");
  test_ui_spin (2000);

  g_assert_true (rapport_meeting_editor_get_meeting (f->editor) == meeting);
  g_assert_true (buffer_is (f, typed));
  g_assert_cmpint (rapport_meeting_editor_get_save_state (f->editor), ==, RAPPORT_SAVE_STATE_FAILED);
  g_assert_nonnull (test_ui_find (GTK_WIDGET (f->window), is_label_with, "deleted in another window"));
  g_assert_true (focus_is_notes (f));
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM meetings"), ==, 1);
  /* Closing asks first (the window keeps the text), so say yes here. */
  rapport_meeting_editor_forget_unsaved (f->editor);
}

/* Both wrote the very same text: it is kept once. */
static void
test_same_text_kept_once (Fixture      *f,
                          gconstpointer data)
{
  GtkTextBuffer   *buffer = gtk_text_view_get_buffer (f->notes);
  g_autofree char *on_disk = NULL;

  gtk_text_buffer_set_text (buffer, "Agreed: ship on Monday.", -1);
  test_core_sql (f->path, "UPDATE meetings SET notes = 'Agreed: ship on Monday.' WHERE id = 1");
  test_ui_spin (1500);
  g_assert_true (rapport_window_flush (f->window));
  on_disk = notes_on_disk (f, 1);
  g_assert_cmpstr (on_disk, ==, "Agreed: ship on Monday.");
  g_assert_true (buffer_is (f, "Agreed: ship on Monday."));
}

static gboolean
job_finished (gpointer data)
{
  *(gboolean *) data = TRUE;
  return FALSE;
}

/* An import from the window replaces the text of a meeting the list has
 * already loaded: that object is re-read, so showing it again shows the
 * imported text and the next keystroke saves over it, not the old one. */
static void
test_import_rereads_loaded_meetings (Fixture      *f,
                                     gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMeeting) first = NULL;
  g_autofree char *json = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *json_path = g_build_filename (f->dir, "newer.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (json_path);
  g_autofree char *on_disk = NULL;
  GtkTextBuffer   *buffer = gtk_text_view_get_buffer (f->notes);
  GtkListView     *view = GTK_LIST_VIEW (test_ui_find_type (GTK_WIDGET (f->window), GTK_TYPE_LIST_VIEW));
  GListModel      *model = G_LIST_MODEL (gtk_list_view_get_model (view));
  RapportDataJob  *job;
  gboolean         finished = FALSE;
  gint64           deadline;
  gsize            length = 0;

  /* The first meeting was loaded (it was open); now the second is. */
  first = g_list_model_get_item (model, 1);
  g_assert_cmpint (rapport_meeting_get_id (first), ==, 1);
  g_assert_true (first == rapport_meeting_editor_get_meeting (f->editor));
  rapport_window_open_meeting (f->window, 1, 2);
  g_assert_cmpint (rapport_meeting_get_id (rapport_meeting_editor_get_meeting (f->editor)), ==, 2);

  /* A file from another machine, where the first meeting's notes are newer. */
  json = rapport_exchange_export_to_data (f->store, &length, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    g_auto (GStrv) parts = g_strsplit (json, OLD_TEXT, -1);
    g_auto (GStrv) again = NULL;
    g_autofree char *joined = NULL;

    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    joined = g_strjoinv ("Notes from the laptop.", parts);
    again = g_strsplit (joined, "2026-02-02T10:00:00.000Z", -1);
    edited = g_strjoinv ("2026-11-30T09:00:00.000Z", again);
  }
  g_assert_true (g_file_set_contents (json_path, edited, -1, &error));

  job = rapport_data_actions_import_file (GTK_WINDOW (f->window), f->store, NULL, file);
  g_signal_connect_swapped (job, "finished", G_CALLBACK (job_finished), &finished);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!finished)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      test_ui_spin (10);
    }
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM meetings"
                                               " WHERE notes = 'Notes from the laptop.'"),
                   ==, 1);
  /* What the window does after an import of its own. */
  rapport_window_reload (f->window);

  /* The object loaded before the import holds the imported text... */
  g_assert_cmpstr (rapport_meeting_get_notes (first), ==, "Notes from the laptop.");
  g_assert_false (rapport_meeting_get_dirty (first));
  /* ...so does the editor when it shows it again... */
  rapport_window_open_meeting (f->window, 1, 1);
  g_assert_true (buffer_is (f, "Notes from the laptop."));
  /* ...and a keystroke saves on top of it, not on the old text. */
  {
    GtkTextIter end;
    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_insert (buffer, &end, " And a word typed after.", -1);
  }
  g_assert_true (rapport_window_flush (f->window));
  on_disk = notes_on_disk (f, 1);
  g_assert_cmpstr (on_disk, ==, "Notes from the laptop. And a word typed after.");
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/reload/shows-changes-from-another-process", test_shows_changes_from_another_process);
  ADD ("/ui/reload/typed-and-other-text-both-kept", test_typed_and_other_text_both_kept);
  ADD ("/ui/reload/same-text-kept-once", test_same_text_kept_once);
  ADD ("/ui/reload/cursor-at-end-stays-at-end", test_cursor_at_end_stays_at_end);
  ADD ("/ui/reload/deleted-while-typing-stays", test_deleted_while_typing_stays);
  ADD ("/ui/reload/import-rereads-loaded-meetings", test_import_rereads_loaded_meetings);

  return g_test_run ();
}
