/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rapport-backup.h"
#include "rapport-cli.h"
#include "rapport-store.h"
#include "test-core-util.h"

typedef struct
{
  char         *dir;
  char         *path;
  char         *backups;
  RapportStore *store;
} Fixture;

static void
add_person (RapportStore *store,
            const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = rapport_store_new_uuid ();
  g_autofree char *now = rapport_store_now ();
  sqlite3_stmt    *stmt = rapport_store_prepare (store,
                                                 "INSERT INTO people (uuid, name, created_at, updated_at)"
                                                    " VALUES (?1, ?2, ?3, ?3)",
                                                 &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  g_assert_true (rapport_store_step_done (store, stmt, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  test_core_db_set_up (&f->dir, &f->path, &f->store);
  f->backups = g_build_filename (f->dir, "backups", NULL);
  add_person (f->store, "Ada");
  add_person (f->store, "Grace");
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
  g_free (f->backups);
}

static char *
names_of_people (RapportStore *store)
{
  sqlite3_stmt *stmt = NULL;
  GString      *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (rapport_store_get_handle (store),
                                       "SELECT name FROM people ORDER BY id", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s;", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

static char *
names_in_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = rapport_store_open (path, &error);

  g_assert_no_error (error);
  return names_of_people (store);
}

static int
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
test_backup_now (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = rapport_store_today ();
  g_autofree char *name = g_strdup_printf ("rapport-%s.db", today);
  g_autofree char *expected = g_build_filename (f->backups, name, NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *names = NULL;

  first = rapport_backup_now (f->store, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, expected);
  g_assert_cmpint (mode_of (first), ==, 0600);
  g_assert_cmpint (mode_of (f->backups), ==, 0700);
  /* One self-contained file. */
  wal = g_strconcat (first, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (test_core_sql_int (first, "SELECT 1 FROM pragma_journal_mode WHERE journal_mode = 'delete'"), ==, 1);
  g_assert_cmpint (test_core_sql_int (first, "PRAGMA application_id"), ==, RAPPORT_STORE_APPLICATION_ID);
  g_assert_cmpint (test_core_sql_int (first, "SELECT count(*) FROM people"), ==, 2);

  /* A second one the same day keeps the first. */
  add_person (f->store, "Linus");
  second = rapport_backup_now (f->store, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second, !=, first);
  g_assert_true (g_str_has_prefix (second, expected) == FALSE);
  g_assert_cmpint (test_core_sql_int (first, "SELECT count(*) FROM people"), ==, 2);
  g_assert_cmpint (test_core_sql_int (second, "SELECT count(*) FROM people"), ==, 3);
  names = names_in_file (second);
  g_assert_cmpstr (names, ==, "Ada;Grace;Linus;");
}

static void
test_backup_into_folder (Fixture      *f,
                         gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (f->dir, "usb", "stick", NULL);
  g_autofree char *path = rapport_backup_now (f->store, folder, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (path, folder));
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM people"), ==, 2);

  /* A folder that cannot be written names itself. */
  g_chmod (folder, 0500);
  g_clear_pointer (&path, g_free);
  path = rapport_backup_now (f->store, folder, NULL, NULL, NULL, &error);
  if (getuid () != 0)
    {
      g_assert_null (path);
      g_assert_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "stick"));
    }
  g_chmod (folder, 0700);
}

static void
touch (const char *folder,
       const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_assert_true (g_file_set_contents (path, "x", 1, NULL));
}

static gboolean
exists (const char *folder,
        const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_daily_rolling (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *made = NULL;
  g_autofree char *today = rapport_store_today ();
  g_autofree char *today_name = g_strdup_printf ("rapport-%s.db", today);

  g_assert_cmpint (g_mkdir_with_parents (f->backups, 0700), ==, 0);
  /* Ten old daily backups, and files pruning must leave alone. */
  for (int day = 1; day <= 10; day++)
    {
      g_autofree char *name = g_strdup_printf ("rapport-2020-01-%02d.db", day);
      touch (f->backups, name);
    }
  touch (f->backups, "rapport-before-restore-2019-05-05-101010.db");
  touch (f->backups, "rapport-2019-05-05-101010.db");
  touch (f->backups, "notes.txt");

  g_assert_true (rapport_backup_maybe_daily (f->store, 3, &made, &error));
  g_assert_no_error (error);
  g_assert_nonnull (made);
  g_assert_true (g_str_has_suffix (made, today_name));

  g_assert_true (exists (f->backups, today_name));
  g_assert_true (exists (f->backups, "rapport-2020-01-10.db"));
  g_assert_true (exists (f->backups, "rapport-2020-01-09.db"));
  g_assert_false (exists (f->backups, "rapport-2020-01-08.db"));
  g_assert_false (exists (f->backups, "rapport-2020-01-01.db"));
  g_assert_true (exists (f->backups, "rapport-before-restore-2019-05-05-101010.db"));
  g_assert_true (exists (f->backups, "rapport-2019-05-05-101010.db"));
  g_assert_true (exists (f->backups, "notes.txt"));

  /* At most once a day. */
  g_clear_pointer (&made, g_free);
  add_person (f->store, "Linus");
  g_assert_true (rapport_backup_maybe_daily (f->store, 3, &made, &error));
  g_assert_no_error (error);
  g_assert_null (made);
  {
    g_autofree char *path = g_build_filename (f->backups, today_name, NULL);
    g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM people"), ==, 2);
  }

  /* keep = 1 leaves only today's. */
  g_assert_true (rapport_backup_prune (f->backups, 1, &error));
  g_assert_no_error (error);
  g_assert_true (exists (f->backups, today_name));
  g_assert_false (exists (f->backups, "rapport-2020-01-10.db"));
}

static void
test_restore (Fixture      *f,
              gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = rapport_backup_now (f->store, NULL, NULL, NULL, NULL, &error);
  g_autofree char *safety = NULL;
  g_autofree char *names = NULL;

  g_assert_no_error (error);

  /* A bad day: a person added, another gone. */
  add_person (f->store, "Mistake");
  g_assert_true (rapport_store_exec (f->store, "DELETE FROM people WHERE name = 'Ada'", &error));
  names = names_of_people (f->store);
  g_assert_cmpstr (names, ==, "Grace;Mistake;");

  safety = rapport_backup_restore (f->path, backup, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (safety);

  /* The app's own connection sees the restored data... */
  g_clear_pointer (&names, g_free);
  names = names_of_people (f->store);
  g_assert_cmpstr (names, ==, "Ada;Grace;");
  /* ...and can go on writing. */
  add_person (f->store, "After");
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM people"), ==, 3);

  /* The state before the restore is kept, and survives pruning. */
  g_assert_true (strstr (safety, "rapport-before-restore-") != NULL);
  g_assert_cmpint (mode_of (safety), ==, 0600);
  g_clear_pointer (&names, g_free);
  names = names_in_file (safety);
  g_assert_cmpstr (names, ==, "Grace;Mistake;");
  g_assert_true (rapport_backup_prune (f->backups, 1, &error));
  g_assert_true (g_file_test (safety, G_FILE_TEST_EXISTS));
  /* The backup file itself was not touched, and no work files are left. */
  g_assert_cmpint (test_core_sql_int (backup, "SELECT count(*) FROM people"), ==, 2);
  {
    g_autofree char *work = g_build_filename (f->backups, ".rapport-restore.db", NULL);
    g_assert_false (g_file_test (work, G_FILE_TEST_EXISTS));
  }
}

static void
test_restore_refuses (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *newer = g_build_filename (f->dir, "newer.db", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  g_autofree char *before = names_of_people (f->store);
  g_autofree char *backup = NULL;
  g_autofree char *sql = NULL;
  char            *safety;

  g_assert_true (g_file_set_contents (text, "just some notes\n", -1, NULL));
  test_core_sql (other, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  backup = rapport_backup_now (f->store, f->dir, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_rename (backup, newer) == 0);
  sql = g_strdup_printf ("PRAGMA user_version = %d", RAPPORT_STORE_SCHEMA_VERSION + 1);
  test_core_sql (newer, sql);

  safety = rapport_backup_restore (f->path, text, NULL, NULL, NULL, &error);
  g_assert_null (safety);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_DATABASE);
  g_assert_true (g_str_has_prefix (error->message, "notes.txt: "));
  g_clear_error (&error);

  safety = rapport_backup_restore (f->path, other, NULL, NULL, NULL, &error);
  g_assert_null (safety);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, "not one of Rapport"));
  g_clear_error (&error);

  safety = rapport_backup_restore (f->path, newer, NULL, NULL, NULL, &error);
  g_assert_null (safety);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_TOO_NEW);
  g_clear_error (&error);

  safety = rapport_backup_restore (f->path, missing, NULL, NULL, NULL, &error);
  g_assert_null (safety);
  g_assert_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "missing.db"));
  g_clear_error (&error);

  {
    g_autofree char *after = names_of_people (f->store);
    g_assert_cmpstr (before, ==, after);
  }
  /* Nothing was restored, so no safety copy was needed. */
  {
    g_autoptr(GDir) dir = g_dir_open (f->backups, 0, NULL);
    g_assert_nonnull (dir);
    g_assert_null (g_dir_read_name (dir));
  }
}

/* A few megabytes of meetings with notes (and their search index), so
 * that a backup takes several steps and the middle pages hold data. */
static void
fill (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_store_exec (f->store,
                                     "INSERT INTO meetings (uuid, person_id, date, notes, created_at, updated_at)"
                                     " WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 800)"
                                     " SELECT 'm' || i, 1, date ('2020-01-01', '+' || i || ' days'),"
                                     "        'Talked about ' || hex (randomblob (1000)) || ' and more ' || i, 'x', 'x' FROM n",
                                     &error));
  g_assert_no_error (error);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The names in @folder, sorted, joined with spaces. */
static char *
listing (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* Writes random bytes over @count whole pages in the middle of the
 * database file at @path: damage that keeps the file's size and header. */
static void
overwrite_pages (const char *path,
                 int         count)
{
  gint64 pages = test_core_sql_int (path, "PRAGMA page_count");
  gint64 page_size = test_core_sql_int (path, "PRAGMA page_size");
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  g_autofree guint8 *junk = g_malloc (page_size * count);
  int                fd;

  g_assert_cmpint (pages, >, 100);
  for (gint64 i = 0; i < page_size * count; i++)
    junk[i] = (guint8) g_rand_int_range (rand, 0, 256);
  fd = g_open (path, O_WRONLY | O_CLOEXEC, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, junk, page_size * count, (pages / 2) * page_size), ==, page_size * count);
  g_assert_cmpint (fsync (fd), ==, 0);
  close (fd);
}

/* A database with overwritten pages opens without a word; backing it up
 * must fail loudly (the CLI with one line naming the damage, the daily
 * backup with an error the window shows), write nothing, and prune none
 * of the older, good backups. */
static void
test_damaged_database (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *usb = g_build_filename (f->dir, "usb", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *made = NULL;
  g_autoptr(GBytes) good = NULL;
  TestCoreAsync state = { 0 };

  fill (f);
  g_clear_object (&f->store);
  good = test_core_file_bytes (f->path);
  g_assert_cmpint (g_mkdir (f->backups, 0700), ==, 0);
  for (int day = 1; day <= 3; day++)
    {
      g_autofree char *name = g_strdup_printf ("rapport-2020-01-%02d.db", day);
      g_autofree char *old = g_build_filename (f->backups, name, NULL);

      g_assert_true (g_file_set_contents (old, g_bytes_get_data (good, NULL),
                                          g_bytes_get_size (good), NULL));
    }
  before = listing (f->backups);

  overwrite_pages (f->path, 3);
  f->store = rapport_store_open (f->path, &error);
  g_assert_no_error (error);

  g_assert_false (rapport_backup_maybe_daily (f->store, 3, &made, &error));
  g_assert_null (made);
  g_assert_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_DAMAGED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_assert_nonnull (strstr (error->message, "older backups are kept"));
  g_assert_null (strchr (error->message, '\n'));
  g_clear_error (&error);

  g_assert_null (rapport_backup_now (f->store, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_DAMAGED);
  g_clear_error (&error);

  /* The way the app runs it, off the main thread. */
  rapport_backup_maybe_daily_async (f->store, 3, NULL, test_core_async_done, &state);
  test_core_async_wait (&state);
  g_assert_null (rapport_backup_maybe_daily_finish (f->store, state.result, &error));
  g_assert_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_DAMAGED);
  g_clear_error (&error);
  test_core_async_drop (&state);

  /* The older backups, all of them, as they were; nothing else. */
  after = listing (f->backups);
  g_assert_cmpstr (after, ==, before);
  for (int day = 1; day <= 3; day++)
    {
      g_autofree char *name = g_strdup_printf ("rapport-2020-01-%02d.db", day);
      g_autofree char *old = g_build_filename (f->backups, name, NULL);
      g_autoptr(GBytes) kept = test_core_file_bytes (old);

      g_assert_true (g_bytes_equal (kept, good));
    }

  /* The CLI's --backup: a failure, one line that says damaged. */
  g_clear_object (&f->store);
  g_assert_cmpint (rapport_cli_run (f->path, NULL, NULL, usb, &error), ==, RAPPORT_CLI_FAILED);
  g_assert_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_assert_null (strchr (error->message, '\n'));
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = listing (usb);
  g_assert_cmpstr (after, ==, "");

  f->store = rapport_store_open (f->path, &error);
  g_assert_no_error (error);
}

static void
kill_midway (double   fraction,
             gpointer user_data)
{
  if (fraction > 0.0 && fraction < 1.0)
    kill (getpid (), SIGKILL);
}

/* A backup killed half-way leaves its temporary file behind; the next
 * backup into that folder removes it, but not the file of a backup that
 * is still being written (locked). */
static void
test_killed_backup (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *usb = g_build_filename (f->dir, "usb", NULL);
  g_autofree char *live = g_build_filename (usb, ".rapport-backup-0000live", NULL);
  g_autofree char *left = NULL;
  g_autofree char *made = NULL;
  g_autofree char *names = NULL;
  int              status = 0;
  int              live_fd;
  pid_t            pid;

  fill (f);
  g_assert_cmpint (g_mkdir (usb, 0755), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      RapportStore *store = rapport_store_open_secondary (f->path, NULL);

      if (store != NULL)
        rapport_backup_now (store, usb, NULL, kill_midway, NULL, NULL);
      _exit (3);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  /* What the kill left: a temporary file of ours, no backup. */
  left = listing (usb);
  g_test_message ("left by the killed backup: %s", left);
  g_assert_true (g_str_has_prefix (left, ".rapport-backup-"));
  g_assert_null (strstr (left, "rapport-2"));

  /* Another backup is being written there right now. */
  live_fd = g_open (live, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  g_assert_cmpint (live_fd, >=, 0);
  g_assert_cmpint (flock (live_fd, LOCK_EX), ==, 0);

  made = rapport_backup_now (f->store, usb, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  names = listing (usb);
  {
    g_autofree char *base = g_path_get_basename (made);
    g_autofree char *expected = g_strdup_printf (".rapport-backup-0000live %s", base);

    g_assert_cmpstr (names, ==, expected);
  }
  g_assert_cmpint (test_core_sql_int (made, "SELECT count(*) FROM meetings"), ==, 800);

  /* Once that one is done (or dead), it goes too. */
  close (live_fd);
  g_clear_pointer (&made, g_free);
  made = rapport_backup_now (f->store, usb, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (live, G_FILE_TEST_EXISTS));
}

/* A symbolic link in place of the backups folder is not followed: the
 * folder it leads to keeps its mode and every file; the backup fails and
 * says why. */
static void
test_symlinked_folder (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *elsewhere = g_build_filename (f->dir, "elsewhere", NULL);
  g_autofree char *backup = g_build_filename (f->dir, "a-backup.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *made = NULL;
  g_autofree char *path = NULL;

  g_assert_cmpint (g_mkdir (elsewhere, 0755), ==, 0);
  g_assert_cmpint (g_chmod (elsewhere, 0755), ==, 0);
  for (int day = 1; day <= 10; day++)
    {
      g_autofree char *name = g_strdup_printf ("rapport-2020-01-%02d.db", day);
      touch (elsewhere, name);
    }
  touch (elsewhere, ".rapport-backup-12345678");
  touch (elsewhere, "keep.txt");
  before = listing (elsewhere);
  g_assert_cmpint (symlink (elsewhere, f->backups), ==, 0);

  g_assert_false (rapport_backup_maybe_daily (f->store, 3, &made, &error));
  g_assert_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "symbolic link"));
  g_clear_error (&error);

  path = rapport_backup_now (f->store, NULL, NULL, NULL, NULL, &error);
  g_assert_null (path);
  g_assert_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_IO);
  g_clear_error (&error);

  g_assert_false (rapport_backup_prune (f->backups, 1, &error));
  g_assert_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_IO);
  g_clear_error (&error);

  path = rapport_backup_now (f->store, f->dir, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_rename (path, backup) == 0);
  g_clear_pointer (&path, g_free);
  path = rapport_backup_restore (f->path, backup, NULL, NULL, NULL, &error);
  g_assert_null (path);
  g_assert_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_IO);
  g_clear_error (&error);

  g_assert_cmpint (mode_of (elsewhere), ==, 0755);
  after = listing (elsewhere);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM people"), ==, 2);
}

/* A folder the user names may be anything, a link included: backed up
 * into, its mode and its files left alone. */
static void
test_user_folder_left_alone (Fixture      *f,
                             gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = g_build_filename (f->dir, "theirs", NULL);
  g_autofree char *link = g_build_filename (f->dir, "link", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *base = NULL;

  g_assert_cmpint (g_mkdir (theirs, 0755), ==, 0);
  g_assert_cmpint (g_chmod (theirs, 0755), ==, 0);
  for (int day = 1; day <= 10; day++)
    {
      g_autofree char *name = g_strdup_printf ("rapport-2020-01-%02d.db", day);
      touch (theirs, name);
    }
  before = listing (theirs);
  g_assert_cmpint (symlink (theirs, link), ==, 0);

  path = rapport_backup_now (f->store, link, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM people"), ==, 2);
  g_assert_cmpint (mode_of (theirs), ==, 0755);
  base = g_path_get_basename (path);
  after = listing (theirs);
  expected = g_strdup_printf ("%s %s", before, base);
  g_assert_cmpstr (after, ==, expected);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  TestCoreAsync *state = user_data;

  g_assert_null (state->result);
  g_assert_cmpfloat (fraction, >=, 0.0);
  g_assert_cmpfloat (fraction, <=, 1.0);
  state->reports++;
}

static void
test_async (Fixture      *f,
            gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *daily = NULL;
  g_autofree char *names = NULL;
  TestCoreAsync    state = { 0 };

  rapport_backup_now_async (f->store, NULL, NULL, on_progress, &state, test_core_async_done, &state);
  test_core_async_wait (&state);
  backup = rapport_backup_now_finish (f->store, state.result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  g_assert_cmpuint (state.reports, >=, 1);
  test_core_async_drop (&state);

  /* Today's backup exists now: the daily one has nothing to do. */
  state = (TestCoreAsync){ 0 };
  rapport_backup_maybe_daily_async (f->store, 7, NULL, test_core_async_done, &state);
  test_core_async_wait (&state);
  daily = rapport_backup_maybe_daily_finish (f->store, state.result, &error);
  g_assert_no_error (error);
  g_assert_null (daily);
  test_core_async_drop (&state);

  add_person (f->store, "Later");
  state = (TestCoreAsync){ 0 };
  rapport_backup_restore_async (f->store, backup, NULL, on_progress, &state, test_core_async_done, &state);
  test_core_async_wait (&state);
  safety = rapport_backup_restore_finish (f->store, state.result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (safety);
  test_core_async_drop (&state);
  names = names_of_people (f->store);
  g_assert_cmpstr (names, ==, "Ada;Grace;");
}

/* Two databases side by side: each has its own backups folder, its own
 * daily backup (one no longer counts as the other's), and a restore of
 * one keeps the data from before beside that one's backups only. */
static void
test_folder_per_database (Fixture      *f,
                          gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = rapport_store_today ();
  g_autofree char *daily = g_strdup_printf ("rapport-%s.db", today);
  g_autofree char *team_path = g_build_filename (f->dir, "team.db", NULL);
  g_autofree char *team_backups = g_build_filename (f->dir, "backups-team", NULL);
  g_autofree char *odd_path = g_build_filename (f->dir, "notes", NULL);
  g_autofree char *odd_backups = g_build_filename (f->dir, "backups-notes", NULL);
  g_autofree char *folder = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *now = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *names = NULL;
  g_autoptr(RapportStore) team = rapport_store_open (team_path, &error);
  g_autoptr(GPtrArray) listed = NULL;

  g_assert_no_error (error);
  add_person (team, "Linus");

  /* rapport.db keeps the folder it always had. */
  folder = rapport_backup_default_folder (f->path);
  g_assert_cmpstr (folder, ==, f->backups);
  g_free (folder);
  folder = rapport_backup_default_folder (team_path);
  g_assert_cmpstr (folder, ==, team_backups);
  g_free (folder);
  folder = rapport_backup_default_folder (odd_path);
  g_assert_cmpstr (folder, ==, odd_backups);

  g_assert_true (rapport_backup_maybe_daily (f->store, 7, &mine, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_backup_maybe_daily (team, 7, &theirs, &error));
  g_assert_no_error (error);
  /* Both made today's backup, each in its own folder. */
  g_assert_nonnull (mine);
  g_assert_nonnull (theirs);
  g_assert_true (exists (f->backups, daily));
  g_assert_true (exists (team_backups, daily));
  g_assert_cmpint (test_core_sql_int (mine, "SELECT count(*) FROM people"), ==, 2);
  g_assert_cmpint (test_core_sql_int (theirs, "SELECT count(*) FROM people"), ==, 1);
  g_assert_cmpint (mode_of (team_backups), ==, 0700);

  /* A backup by hand and a restore of the team's touch only its folder. */
  now = rapport_backup_now (team, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (now, team_backups));
  add_person (team, "Ken");
  safety = rapport_backup_restore (team_path, theirs, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (safety, team_backups));
  names = names_of_people (team);
  g_assert_cmpstr (names, ==, "Linus;");

  /* What Restore lists for rapport.db: its own daily backup only. */
  listed = g_ptr_array_new_with_free_func (g_free);
  {
    g_autoptr(GDir) dir = g_dir_open (f->backups, 0, &error);
    const char *name;

    g_assert_no_error (error);
    while ((name = g_dir_read_name (dir)) != NULL)
      g_ptr_array_add (listed, g_strdup (name));
  }
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (listed->pdata[0], ==, daily);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/backup/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  /* First: it forks, best before other tests start threads. */
  ADD ("killed-backup", test_killed_backup);
  ADD ("now", test_backup_now);
  ADD ("into-folder", test_backup_into_folder);
  ADD ("daily-rolling", test_daily_rolling);
  ADD ("restore", test_restore);
  ADD ("restore-refuses", test_restore_refuses);
  ADD ("async", test_async);
  ADD ("damaged-database", test_damaged_database);
  ADD ("symlinked-folder", test_symlinked_folder);
  ADD ("user-folder-left-alone", test_user_folder_left_alone);
  ADD ("folder-per-database", test_folder_per_database);
#undef ADD

  return g_test_run ();
}
