/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rapport-backup.h"
#include "rapport-data-actions.h"
#include "rapport-platform.h"
#include "test-core-util.h"
#include "test-ui-util.h"

#define ADA "a0000000-0000-4000-8000-000000000001"

typedef struct
{
  char            *dir;
  char            *path;
  RapportStore    *store;
  GtkWindow       *window;
  AdwToastOverlay *toasts;
  gboolean         finished;
  gboolean         success;
  gboolean         changed;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  test_core_db_set_up (&f->dir, &f->path, &f->store);
  rapport_store_exec (f->store,
                      "INSERT INTO people (uuid, name, created_at, updated_at) VALUES"
                      " ('" ADA "', 'Ada Lovelace', '2026-02-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z');"
                      "INSERT INTO meetings (uuid, person_id, date, notes, mood, created_at, updated_at) VALUES"
                      " ('c0000000-0000-4000-8000-000000000001', 1, '2026-02-02', 'Talked about the parser', 4,"
                      "  '2026-02-02T10:00:00.000Z', '2026-02-02T10:00:00.000Z');",
                      &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (g_object_ref_sink (adw_window_new ()));
  f->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->toasts));
  gtk_window_present (f->window);
  test_ui_spin (50);
}

/* Closes whatever dialogs a test left open. */
static void
close_dialogs (void)
{
  GtkWidget *alert;

  for (int i = 0; i < 10 && (alert = test_ui_find_alert ()) != NULL; i++)
    {
      rapport_alert_close (alert);
      test_ui_spin (20);
    }
  g_assert_null (test_ui_find_alert ());
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  close_dialogs ();
  gtk_window_destroy (f->window);
  test_ui_spin (20);
  g_assert_finalize_object (f->window);
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
}

static void
on_finished (RapportDataJob *job,
             gboolean        success,
             gboolean        changed,
             Fixture        *f)
{
  f->finished = TRUE;
  f->success = success;
  f->changed = changed;
}

static void
wait_for (Fixture        *f,
          RapportDataJob *job)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  f->finished = FALSE;
  g_signal_connect (job, "finished", G_CALLBACK (on_finished), f);
  while (!f->finished)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  test_ui_spin (30); /* the worker thread lets go of its task */
}

static void
test_export_then_import (Fixture      *f,
                         gconstpointer data)
{
  g_autofree char *json = g_build_filename (f->dir, "all.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (json);
  g_autofree char *dir2 = g_build_filename (f->dir, "second", NULL);
  g_autoptr(RapportStore) other = test_core_store_new (dir2);
  g_autofree char *other_path = g_build_filename (dir2, "rapport.db", NULL);
  RapportDataJob  *job;

  job = rapport_data_actions_export_to_file (f->window, f->store, f->toasts, file);
  g_assert_cmpint (rapport_data_job_get_kind (job), ==, RAPPORT_DATA_JOB_EXPORT);
  g_assert_true (rapport_data_job_get_running (job));
  wait_for (f, job);
  g_assert_true (f->success);
  g_assert_false (f->changed);
  g_assert_null (test_ui_find_alert ());
  g_assert_true (g_file_test (json, G_FILE_TEST_IS_REGULAR));

  job = rapport_data_actions_import_file (f->window, other, f->toasts, file);
  wait_for (f, job);
  g_assert_true (f->success);
  g_assert_true (f->changed);
  g_assert_cmpint (test_core_sql_int (other_path, "SELECT count(*) FROM meetings"
                                                  " WHERE notes = 'Talked about the parser'"),
                   ==, 1);

  /* Again: nothing changes, and the window need not reload. */
  job = rapport_data_actions_import_file (f->window, other, f->toasts, file);
  wait_for (f, job);
  g_assert_true (f->success);
  g_assert_false (f->changed);
  g_assert_finalize_object (g_steal_pointer (&other));
}

static void
test_import_bad_file (Fixture      *f,
                      gconstpointer data)
{
  g_autofree char *json = g_build_filename (f->dir, "bad.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (json);
  GtkWidget  *dialog;
  const char *body;

  g_assert_true (g_file_set_contents (json, "{ \"format\": \"rapport-export\", \"version\": 1,"
                                            " \"meetings\": [ { \"uuid\": \"nope\" } ] }",
                                      -1, NULL));
  wait_for (f, rapport_data_actions_import_file (f->window, f->store, f->toasts, file));
  g_assert_false (f->success);
  g_assert_false (f->changed);

  dialog = test_ui_find_alert ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (rapport_alert_get_heading (dialog), ==, "Could Not Import");
  body = rapport_alert_get_body (dialog);
  g_assert_nonnull (strstr (body, "bad.json: $.meetings[0].uuid: not a UUID"));
  g_assert_true (rapport_alert_has_response (dialog, "close"));
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM meetings"), ==, 1);
}

static void
test_export_person (Fixture      *f,
                    gconstpointer data)
{
  g_autofree char *md = g_build_filename (f->dir, "ada.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (md);
  g_autoptr(GBytes) bytes = NULL;

  wait_for (f, rapport_data_actions_export_person_to_file (f->window, f->store, ADA, f->toasts, file));
  g_assert_true (f->success);
  bytes = test_core_file_bytes (md);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "# Ada Lovelace\n"));
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "Talked about the parser"));
}

static gboolean
is_label_with (GtkWidget    *widget,
               gconstpointer text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* The toast that says @text, in full (not cut to one line) and visible. */
static void
assert_toast (Fixture    *f,
              const char *text)
{
  g_autoptr(GPtrArray) found = NULL;

  test_ui_spin (50);
  found = test_ui_find_all_visible (GTK_WIDGET (f->toasts), is_label_with, text);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (found->pdata[0])));
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (found->pdata[0])), ==, PANGO_ELLIPSIZE_NONE);
}

static void
test_backup_and_restore (Fixture      *f,
                         gconstpointer data)
{
  g_autofree char *folder = rapport_backup_default_folder (f->path);
  g_autofree char *today = rapport_store_today ();
  g_autofree char *name = g_strdup_printf ("rapport-%s.db", today);
  g_autofree char *backup = g_build_filename (folder, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (backup);
  g_autoptr(GError) error = NULL;
  GtkWidget      *dialog;
  RapportDataJob *job;

  wait_for (f, rapport_data_actions_backup_now (f->window, f->store, f->toasts));
  g_assert_true (f->success);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  /* The toast says where the file went: its name and its folder. */
  {
    g_autofree char *said = g_strdup_printf ("Backed up to “%s” in %s", name, folder);
    assert_toast (f, said);
  }
  /* A fresh overlay: the next toast would wait behind this one. */
  f->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->toasts));

  rapport_store_exec (f->store, "DELETE FROM meetings", &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM meetings"), ==, 0);

  /* Asked first; Cancel changes nothing. */
  job = rapport_data_actions_restore_file (f->window, f->store, f->toasts, file, TRUE);
  f->finished = FALSE;
  g_signal_connect (job, "finished", G_CALLBACK (on_finished), f);
  test_ui_spin (50);
  dialog = test_ui_find_alert ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (rapport_alert_get_heading (dialog), ==, "Restore This Backup?");
  g_assert_cmpint (rapport_alert_get_response_appearance (dialog, "restore"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  /* As a click does: the response, and the dialog closes. */
  rapport_alert_respond (dialog, "cancel");
  test_ui_spin (50);
  g_assert_true (f->finished);
  g_assert_false (f->success);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM meetings"), ==, 0);
  g_assert_null (test_ui_find_alert ());

  job = rapport_data_actions_restore_file (f->window, f->store, f->toasts, file, TRUE);
  test_ui_spin (50);
  dialog = test_ui_find_alert ();
  g_assert_nonnull (dialog);
  f->finished = FALSE;
  g_signal_connect (job, "finished", G_CALLBACK (on_finished), f);
  rapport_alert_respond (dialog, "restore");
  while (!f->finished)
    g_main_context_iteration (NULL, TRUE);
  test_ui_spin (30);
  g_assert_true (f->success);
  g_assert_true (f->changed);
  /* And where the data from before was kept. */
  {
    g_autoptr(GDir) dir = g_dir_open (folder, 0, &error);
    const char *entry;
    gboolean    told = FALSE;

    g_assert_no_error (error);
    while ((entry = g_dir_read_name (dir)) != NULL)
      if (g_str_has_prefix (entry, "rapport-before-restore-"))
        {
          g_autofree char *said = g_strdup_printf ("Restored. The data from before is kept as “%s” in %s",
                                                   entry, folder);
          assert_toast (f, said);
          told = TRUE;
        }
    g_assert_true (told);
  }
  /* The window's own connection sees the restored meeting. */
  {
    sqlite3_stmt *stmt = rapport_store_prepare (f->store, "SELECT count(*) FROM meetings", &error);
    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_reset (stmt);
  }
}

static void
test_restore_not_a_backup (Fixture      *f,
                           gconstpointer data)
{
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (text);
  GtkWidget *dialog;

  g_assert_true (g_file_set_contents (text, "hello", -1, NULL));
  wait_for (f, rapport_data_actions_restore_file (f->window, f->store, f->toasts, file, FALSE));
  g_assert_false (f->success);
  dialog = test_ui_find_alert ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (rapport_alert_get_heading (dialog), ==, "Could Not Restore");
  g_assert_nonnull (strstr (rapport_alert_get_body (dialog), "notes.txt: "));
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM meetings"), ==, 1);
}

static void
test_cancel (Fixture      *f,
             gconstpointer data)
{
  g_autofree char *json = g_build_filename (f->dir, "cancelled.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (json);
  RapportDataJob *job;

  job = rapport_data_actions_export_to_file (f->window, f->store, f->toasts, file);
  rapport_data_job_cancel (job);
  wait_for (f, job);
  g_assert_false (f->success);
  g_assert_null (test_ui_find_alert ()); /* a cancel is no error */
  g_assert_false (g_file_test (json, G_FILE_TEST_EXISTS));
}

static GtkFileChooser *
find_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_FILE_CHOOSER (window);
    }
  return NULL;
}

/* The chooser that GtkFileDialog shows without a portal is the
 * GtkFileChooserDialog of old, and is answered here with its own
 * (deprecated since GTK 4.10) API, as a user would answer it. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS

/* Without a portal the native chooser is a GtkFileChooserDialog we can
 * answer as a user would. */
static void
test_chooser (Fixture      *f,
              gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autofree char *json = g_build_filename (f->dir, "chosen.json", NULL);
  GtkFileChooser  *chooser;
  RapportDataJob  *job;

  job = rapport_data_actions_export (f->window, f->store, f->toasts);
  f->finished = FALSE;
  g_signal_connect (job, "finished", G_CALLBACK (on_finished), f);
  test_ui_spin (100);
  chooser = find_chooser ();
  if (chooser == NULL)
    {
      rapport_data_job_cancel (job);
      g_test_skip ("the file chooser is a portal here");
      return;
    }
  g_assert_true (g_str_has_prefix (gtk_file_chooser_get_current_name (chooser), "rapport-export-"));
  test_ui_wait_quiet ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  test_ui_spin (50);
  g_assert_true (f->finished);
  g_assert_false (f->success);

  job = rapport_data_actions_export (f->window, f->store, f->toasts);
  f->finished = FALSE;
  g_signal_connect (job, "finished", G_CALLBACK (on_finished), f);
  test_ui_spin (100);
  chooser = find_chooser ();
  g_assert_nonnull (chooser);
  gtk_file_chooser_set_current_folder (chooser, folder, &error);
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (chooser, "chosen.json");
  test_ui_wait_quiet ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  while (!f->finished)
    g_main_context_iteration (NULL, TRUE);
  test_ui_spin (30);
  g_assert_true (f->success);
  g_assert_true (g_file_test (json, G_FILE_TEST_IS_REGULAR));
}

/* Restore opens the chooser in this database's own backups folder, which
 * holds its backups and no other database's, even one beside it. */
static void
test_restore_lists_own_backups (Fixture      *f,
                                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *team_path = g_build_filename (f->dir, "team.db", NULL);
  g_autoptr(RapportStore) team = rapport_store_open (team_path, &error);
  g_autofree char *team_folder = g_build_filename (f->dir, "backups-team", NULL);
  g_autoptr(GFile) shown = NULL;
  g_autofree char *shown_path = NULL;
  g_autoptr(GDir) dir = NULL;
  GtkFileChooser *chooser;
  RapportDataJob *job;
  const char     *entry;
  guint           n = 0;

  g_assert_no_error (error);
  wait_for (f, rapport_data_actions_backup_now (f->window, f->store, f->toasts));
  g_assert_true (f->success);
  wait_for (f, rapport_data_actions_backup_now (f->window, team, f->toasts));
  g_assert_true (f->success);

  dir = g_dir_open (team_folder, 0, &error);
  g_assert_no_error (error);
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (team_folder, entry, NULL);
      /* The team's backup, not rapport.db's: it has no people. */
      g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM people"), ==, 0);
      n++;
    }
  g_assert_cmpuint (n, ==, 1);

  job = rapport_data_actions_restore (f->window, team, f->toasts);
  f->finished = FALSE;
  g_signal_connect (job, "finished", G_CALLBACK (on_finished), f);
  test_ui_spin (100);
  chooser = find_chooser ();
  if (chooser == NULL)
    {
      rapport_data_job_cancel (job);
      g_test_skip ("the file chooser is a portal here");
      return;
    }
  shown = gtk_file_chooser_get_current_folder (chooser);
  g_assert_nonnull (shown);
  shown_path = g_file_get_path (shown);
  g_assert_cmpstr (shown_path, ==, team_folder);
  test_ui_wait_quiet ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  test_ui_spin (50);
  g_assert_true (f->finished);
  g_assert_false (f->success);
}

G_GNUC_END_IGNORE_DEPRECATIONS

int
main (int   argc,
      char *argv[])
{
  test_ui_tolerate_path_bar_race ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Dialogs open and close at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(name, func) \
  g_test_add ("/data-actions/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("export-then-import", test_export_then_import);
  ADD ("import-bad-file", test_import_bad_file);
  ADD ("export-person", test_export_person);
  ADD ("backup-and-restore", test_backup_and_restore);
  ADD ("restore-not-a-backup", test_restore_not_a_backup);
  ADD ("restore-lists-own-backups", test_restore_lists_own_backups);
  ADD ("cancel", test_cancel);
  ADD ("chooser", test_chooser);
#undef ADD

  return g_test_run ();
}
