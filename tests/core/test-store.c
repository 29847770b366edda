/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rapport-cli.h"
#include "rapport-meeting.h"
#include "rapport-store.h"
#include "test-core-util.h"

static void
test_migrate_from_empty (void)
{
  char            *dir = test_core_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autoptr(RapportStore) store = test_core_store_new (dir);

  g_assert_cmpint (rapport_store_get_schema_version (store), ==, RAPPORT_STORE_SCHEMA_VERSION);
  g_assert_cmpint (test_core_sql_int (path, "PRAGMA user_version"), ==, RAPPORT_STORE_SCHEMA_VERSION);
  g_assert_cmpint (test_core_sql_int (path, "PRAGMA application_id"), ==, RAPPORT_STORE_APPLICATION_ID);
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM habits"), ==, 11);
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM habits WHERE active = 1"), ==, 3);
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM sqlite_schema WHERE name IN "
                                            "('people','meetings','habits','checklist','commitments')"),
                   ==, 5);
  g_assert_cmpstr (sqlite3_db_filename (rapport_store_get_handle (store), "main"), ==, path);
  g_assert_cmpint (test_core_sql_int (path, "SELECT 1 FROM pragma_journal_mode WHERE journal_mode = 'wal'"), ==, 1);

  g_clear_object (&store);
  /* Opening again runs no migration twice. */
  store = test_core_store_new (dir);
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM habits"), ==, 11);
  g_clear_object (&store);
  test_core_tmpdir_free (dir);
}

static void
test_settings_of_connection (void)
{
  char *dir = test_core_tmpdir_new ();
  g_autoptr(RapportStore) store = test_core_store_new (dir);
  sqlite3      *db = rapport_store_get_handle (store);
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_keys", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA synchronous", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2); /* FULL */
  sqlite3_finalize (stmt);

  g_clear_object (&store);
  test_core_tmpdir_free (dir);
}

static void
test_refuses_newer_version (void)
{
  char            *dir = test_core_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autoptr(RapportStore) store = test_core_store_new (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *wal = NULL;

  g_clear_object (&store);
  sql = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA user_version = %d;",
                         RAPPORT_STORE_SCHEMA_VERSION + 1);
  test_core_sql (path, sql);
  before = test_core_file_bytes (path);

  store = rapport_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version"));

  after = test_core_file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  wal = g_strconcat (path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  test_core_tmpdir_free (dir);
}

static void
test_refuses_garbage (void)
{
  char            *dir = test_core_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  RapportStore *store;
  char          junk[8192];

  for (gsize i = 0; i < sizeof junk; i++)
    junk[i] = (char) g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (path, junk, sizeof junk, NULL));
  before = test_core_file_bytes (path);

  store = rapport_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, path));

  after = test_core_file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  test_core_tmpdir_free (dir);
}

static void
test_refuses_foreign_database (void)
{
  char            *dir = test_core_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);
  g_autoptr(GError) error = NULL;
  RapportStore *store;

  test_core_sql (path, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL);"
                       "INSERT INTO invoices (total) VALUES (12.5);");
  store = rapport_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_DATABASE);
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM sqlite_schema"), ==, 1);
  g_assert_cmpint (test_core_sql_int (path, "PRAGMA user_version"), ==, 0);
  test_core_tmpdir_free (dir);
}

static void
test_unwritable_folder (void)
{
  char            *dir = test_core_tmpdir_new ();
  g_autofree char *locked = g_build_filename (dir, "locked", NULL);
  g_autofree char *path = g_build_filename (locked, "sub", "rapport.db", NULL);
  g_autoptr(GError) error = NULL;
  RapportStore *store;

  if (geteuid () == 0)
    {
      /* root ignores permission bits; a regular file in the way of the
       * folder fails the same code path for everyone. */
      g_assert_true (g_file_set_contents (locked, "x", 1, NULL));
    }
  else
    {
      g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
    }

  store = rapport_store_open (path, &error);
  g_assert_null (store);
  /* A folder that may not be written is said to be read-only. */
  if (geteuid () == 0)
    g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_OPEN);
  else
    g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "locked"));
  test_core_tmpdir_free (dir);
}

static void
test_permissions (void)
{
  char            *dir = test_core_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "nested", "rapport.db", NULL);
  g_autofree char *nested = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  GStatBuf st;

  store = rapport_store_open (path, &error);
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (nested, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_clear_object (&store);
  test_core_tmpdir_free (dir);
}

static void
test_transactions_roll_back (void)
{
  char            *dir = test_core_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autoptr(RapportStore) store = test_core_store_new (dir);
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_store_begin (store, &error));
  g_assert_true (rapport_store_exec (store,
                                     "INSERT INTO people (uuid, name, created_at, updated_at)"
                                     " VALUES ('u1', 'Ada', 'x', 'x')",
                                     &error));
  rapport_store_rollback (store);
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM people"), ==, 0);

  g_assert_true (rapport_store_begin (store, &error));
  g_assert_true (rapport_store_begin (store, &error));
  g_assert_true (rapport_store_exec (store,
                                     "INSERT INTO people (uuid, name, created_at, updated_at)"
                                     " VALUES ('u2', 'Grace', 'x', 'x')",
                                     &error));
  g_assert_true (rapport_store_commit (store, &error));
  /* Still inside the outer transaction: not yet visible to others. */
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM people"), ==, 0);
  g_assert_true (rapport_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM people"), ==, 1);

  g_clear_object (&store);
  test_core_tmpdir_free (dir);
}

/* The row helpers the models share: one row or a located error, a column
 * of ids, hiding and purging by table name. */
static void
test_row_helpers (void)
{
  char            *dir = test_core_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autoptr(RapportStore) store = test_core_store_new (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;

  test_core_sql (path,
                 "INSERT INTO people (id, uuid, name, created_at, updated_at)"
                 " VALUES (1, 'p1', 'Ada', 'x', 'x');"
                 "INSERT INTO meetings (id, uuid, person_id, date, created_at, updated_at)"
                 " VALUES (7, 'm7', 1, '2024-05-06', 'x', 'x'), (9, 'm9', 1, '2024-05-13', 'x', 'x');");

  stmt = rapport_store_prepare (store, "SELECT date FROM meetings WHERE id = ?1", &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, 7);
  g_assert_true (rapport_store_step_row (store, stmt, "reading", &error, "No row %d", 7));
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_store_column_text (stmt, 0), ==, "2024-05-06");
  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, 8);
  g_assert_false (rapport_store_step_row (store, stmt, "reading", &error, "No row %d", 8));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "No row 8");
  g_clear_error (&error);
  /* No GError wanted: still FALSE, nothing written through NULL. */
  sqlite3_bind_int64 (stmt, 1, 8);
  g_assert_false (rapport_store_step_row (store, stmt, "reading", NULL, "No row %d", 8));

  stmt = rapport_store_prepare (store, "SELECT id FROM meetings ORDER BY id DESC", &error);
  g_assert_no_error (error);
  ids = rapport_store_step_ids (store, stmt, "reading", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 9);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, 7);

  /* A shown row is not purged; a hidden one is. */
  g_assert_true (rapport_store_purge (store, "meetings", 7, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM meetings WHERE id = 7"), ==, 1);
  g_assert_true (rapport_store_set_deleted (store, "meetings", 7, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_core_sql_int (path, "SELECT deleted FROM meetings WHERE id = 7"), ==, 1);
  g_assert_cmpint (test_core_sql_int (path, "SELECT updated_at <> 'x' FROM meetings WHERE id = 7"), ==, 1);
  g_assert_true (rapport_store_set_deleted (store, "meetings", 7, FALSE, &error));
  g_assert_cmpint (test_core_sql_int (path, "SELECT deleted FROM meetings WHERE id = 7"), ==, 0);
  g_assert_true (rapport_store_set_deleted (store, "meetings", 7, TRUE, &error));
  g_assert_true (rapport_store_purge (store, "meetings", 7, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM meetings"), ==, 1);

  /* Only the tables on the list: anything else is a programmer error. */
  if (g_test_undefined ())
    {
      g_test_expect_message ("rapport-store", G_LOG_LEVEL_CRITICAL, "*soft_delete_tables*");
      g_assert_false (rapport_store_set_deleted (store, "people; DROP TABLE people", 1, TRUE, &error));
      g_test_assert_expected_messages ();
      g_assert_no_error (error);
      g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM people"), ==, 1);
    }

  g_clear_object (&store);
  test_core_tmpdir_free (dir);
}

/* Another process's commit moves data_version; our own does not. */
static void
test_data_version (void)
{
  char            *dir = test_core_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autoptr(RapportStore) store = test_core_store_new (dir);
  gint64 before, after;

  before = rapport_store_get_data_version (store);
  g_assert_cmpint (before, >=, 0);
  test_core_exec (store, "INSERT INTO people (uuid, name, created_at, updated_at)"
                         " VALUES ('u1', 'Ada', 'x', 'x')");
  g_assert_cmpint (rapport_store_get_data_version (store), ==, before);

  test_core_sql (path, "INSERT INTO people (uuid, name, created_at, updated_at)"
                       " VALUES ('u2', 'Grace', 'x', 'x')");
  after = rapport_store_get_data_version (store);
  g_assert_cmpint (after, !=, before);

  g_clear_object (&store);
  test_core_tmpdir_free (dir);
}

/* With a short busy timeout, a write while another connection holds the
 * write lock fails at once instead of blocking for seconds. */
static void
test_busy_timeout (void)
{
  char            *dir = test_core_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autoptr(RapportStore) store = test_core_store_new (dir);
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;
  gint64   start, elapsed;

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  rapport_store_set_busy_timeout (store, 50);
  start = g_get_monotonic_time ();
  g_assert_false (rapport_store_exec (store,
                                      "INSERT INTO people (uuid, name, created_at, updated_at)"
                                      " VALUES ('u1', 'Ada', 'x', 'x')",
                                      &error));
  elapsed = g_get_monotonic_time () - start;
  g_assert_nonnull (error);
  g_assert_cmpint (elapsed, <, G_USEC_PER_SEC);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_assert_true (rapport_store_exec (store,
                                     "INSERT INTO people (uuid, name, created_at, updated_at)"
                                     " VALUES ('u1', 'Ada', 'x', 'x')",
                                     &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  test_core_tmpdir_free (dir);
}

/* A deletion waiting in an Undo toast survives another process opening
 * the database (the CLI's export here, or a second window); once the
 * row is gone for good, the undo says so instead of doing nothing. */
static void
test_undo_survives_other_open (void)
{
  char            *dir = test_core_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autoptr(RapportStore) store = test_core_store_new (dir);
  g_autoptr(RapportPerson) ada = test_core_person_new (store, "Ada", NULL);
  g_autoptr(RapportMeeting) meeting = test_core_meeting_new (store, ada, "2026-03-02", "Kept notes");
  gint64 id = rapport_meeting_get_id (meeting);
  g_autoptr(GError) error = NULL;
  RapportStore *other;

  g_assert_true (rapport_meeting_hide (store, id, TRUE, &error));
  g_assert_no_error (error);

  g_assert_cmpint (rapport_cli_run (path, out, NULL, NULL, &error), ==, RAPPORT_CLI_OK);
  g_assert_no_error (error);
  other = rapport_store_open (path, &error);
  g_assert_no_error (error);
  g_object_unref (other);

  g_assert_true (rapport_meeting_hide (store, id, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM meetings WHERE notes = 'Kept notes' AND deleted = 0"), ==, 1);

  /* Gone for good (the toast went, or a day passed): undo cannot. */
  g_assert_true (rapport_meeting_hide (store, id, TRUE, &error));
  g_assert_true (rapport_meeting_purge (store, id, &error));
  g_assert_false (rapport_meeting_hide (store, id, FALSE, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);

  g_clear_object (&meeting);
  g_clear_object (&ada);
  g_clear_object (&store);
  test_core_tmpdir_free (dir);
}

static void
insert_person (RapportStore *store,
               const char   *uuid)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO people (uuid, name, created_at, updated_at)"
                                          " VALUES ('%s', '%s', 'x', 'x')",
                                          uuid, uuid);
  test_core_exec (store, sql);
}

/* Nested transactions are savepoints: rolling back an inner one undoes
 * its writes only and leaves the outer one open, at its own depth. */
static void
test_nested_transactions (void)
{
  char            *dir = test_core_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autoptr(RapportStore) store = test_core_store_new (dir);
  g_autoptr(GError) error = NULL;

  /* outer { a; inner { b } rolled back; c } committed: a and c. */
  g_assert_true (rapport_store_begin (store, &error));
  insert_person (store, "a");
  g_assert_true (rapport_store_begin (store, &error));
  g_assert_cmpuint (rapport_store_get_transaction_depth (store), ==, 2);
  insert_person (store, "b");
  rapport_store_rollback (store);
  g_assert_cmpuint (rapport_store_get_transaction_depth (store), ==, 1);
  insert_person (store, "c");
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM people"), ==, 0);
  g_assert_true (rapport_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_store_get_transaction_depth (store), ==, 0);
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM people WHERE uuid IN ('a', 'c')"), ==, 2);
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM people WHERE uuid = 'b'"), ==, 0);

  /* Three deep: the middle one rolled back takes the innermost (already
   * committed into it) with it; the outer one goes on. */
  g_assert_true (rapport_store_begin (store, &error));
  insert_person (store, "d");
  g_assert_true (rapport_store_begin (store, &error));
  insert_person (store, "e");
  g_assert_true (rapport_store_begin (store, &error));
  insert_person (store, "f");
  g_assert_true (rapport_store_commit (store, &error));
  g_assert_cmpuint (rapport_store_get_transaction_depth (store), ==, 2);
  rapport_store_rollback (store);
  g_assert_cmpuint (rapport_store_get_transaction_depth (store), ==, 1);
  g_assert_true (rapport_store_commit (store, &error));
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM people WHERE uuid = 'd'"), ==, 1);
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM people WHERE uuid IN ('e', 'f')"), ==, 0);

  /* An inner commit, then the outer rolled back: nothing. */
  g_assert_true (rapport_store_begin (store, &error));
  g_assert_true (rapport_store_begin (store, &error));
  insert_person (store, "g");
  g_assert_true (rapport_store_commit (store, &error));
  rapport_store_rollback (store);
  g_assert_cmpuint (rapport_store_get_transaction_depth (store), ==, 0);
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM people WHERE uuid = 'g'"), ==, 0);
  /* A rollback with nothing open does nothing. */
  rapport_store_rollback (store);
  g_assert_cmpuint (rapport_store_get_transaction_depth (store), ==, 0);
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM people"), ==, 3);

  g_clear_object (&store);
  test_core_tmpdir_free (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/migrate-from-empty", test_migrate_from_empty);
  g_test_add_func ("/store/connection-settings", test_settings_of_connection);
  g_test_add_func ("/store/refuses-newer-version", test_refuses_newer_version);
  g_test_add_func ("/store/refuses-garbage", test_refuses_garbage);
  g_test_add_func ("/store/refuses-foreign-database", test_refuses_foreign_database);
  g_test_add_func ("/store/unwritable-folder", test_unwritable_folder);
  g_test_add_func ("/store/permissions", test_permissions);
  g_test_add_func ("/store/transactions", test_transactions_roll_back);
  g_test_add_func ("/store/nested-transactions", test_nested_transactions);
  g_test_add_func ("/store/row-helpers", test_row_helpers);
  g_test_add_func ("/store/data-version", test_data_version);
  g_test_add_func ("/store/busy-timeout", test_busy_timeout);
  g_test_add_func ("/store/undo-survives-other-open", test_undo_survives_other_open);

  return g_test_run ();
}
