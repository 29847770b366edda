/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Errors that are not about the file: a read-only folder, a full disk and
 * a lock held by another process are each said for what they are, never
 * as a damaged or foreign file (which would push a user toward restoring
 * or deleting a healthy one); and an empty file is not a new database. */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rapport-cli.h"
#include "rapport-meeting.h"
#include "rapport-person.h"
#include "rapport-store.h"
#include "test-core-util.h"

/* A child's exit status for "this machine cannot set that up". */
#define EXIT_CANNOT 77

typedef void (*Body) (const char *dir);

/* Words that would send a user to a backup or the bin. */
static void
assert_honest (const GError *error)
{
  g_autofree char *lower = g_utf8_strdown (error->message, -1);

  g_test_message ("%s", error->message);
  g_assert_null (strstr (lower, "damaged"));
  g_assert_null (strstr (lower, "corrupt"));
  g_assert_null (strstr (lower, "malformed"));
  g_assert_null (strstr (lower, "not a rapport database"));
  g_assert_null (strstr (lower, "restore"));
  g_assert_null (strstr (lower, "delete"));
}

/* A database with a person and a meeting with notes, closed cleanly. */
static void
make_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = rapport_store_open (path, &error);
  g_autoptr(RapportPerson) ada = NULL;
  g_autoptr(RapportMeeting) meeting = NULL;

  g_assert_no_error (error);
  ada = test_core_person_new (store, "Ada", "Engineer");
  meeting = test_core_meeting_new (store, ada, "2026-03-02", "Talked about the roadmap");
}

static int
wait_child (pid_t pid)
{
  int status = 0;

  while (waitpid (pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  if (WIFSIGNALED (status))
    g_error ("The child process died of signal %d", WTERMSIG (status));
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static int
chown_entry (const char        *path,
             const struct stat *st,
             int                flag,
             struct FTW        *ftw)
{
  return lchown (path, 65534, 65534);
}

/* Permission bits mean nothing to root: run @body as nobody then, in a
 * child process that owns @dir. */
static void
run_unprivileged (const char *dir,
                  Body        body)
{
  pid_t pid;
  int   status;

  if (geteuid () != 0)
    {
      body (dir);
      return;
    }

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (nftw (dir, chown_entry, 16, FTW_PHYS) != 0 ||
          setgroups (0, NULL) != 0 || setgid (65534) != 0 || setuid (65534) != 0 ||
          access (dir, W_OK | X_OK) != 0)
        _exit (EXIT_CANNOT);
      body (dir);
      _exit (0);
    }
  status = wait_child (pid);
  if (status == EXIT_CANNOT)
    g_test_skip ("Cannot run as an unprivileged user here");
  else
    g_assert_cmpint (status, ==, 0);
}

static gboolean
write_file (const char *path,
            const char *text)
{
  int      fd = open (path, O_WRONLY | O_CLOEXEC);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = write (fd, text, strlen (text)) == (ssize_t) strlen (text);
  close (fd);
  return ok;
}

/* Runs @body on a fresh 2 MB tmpfs mounted at @dir/small, in a child with
 * a mount namespace of its own (a user namespace too when not root), so
 * nothing is left mounted whatever happens. FALSE (and a skip) where the
 * machine allows no such mount. */
static gboolean
run_on_small_disk (const char *dir,
                   Body        body)
{
  g_autofree char *mountpoint = g_build_filename (dir, "small", NULL);
  uid_t            uid = geteuid ();
  gid_t            gid = getegid ();
  pid_t            pid;
  int              status;

  g_assert_cmpint (g_mkdir (mountpoint, 0700), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (uid != 0)
        {
          g_autofree char *uid_map = g_strdup_printf ("0 %u 1", (unsigned) uid);
          g_autofree char *gid_map = g_strdup_printf ("0 %u 1", (unsigned) gid);

          if (unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0 ||
              !write_file ("/proc/self/setgroups", "deny") ||
              !write_file ("/proc/self/uid_map", uid_map) ||
              !write_file ("/proc/self/gid_map", gid_map))
            _exit (EXIT_CANNOT);
        }
      else if (unshare (CLONE_NEWNS) != 0)
        _exit (EXIT_CANNOT);
      if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
          mount ("tmpfs", mountpoint, "tmpfs", 0, "size=2m,mode=0700") != 0)
        _exit (EXIT_CANNOT);
      body (mountpoint);
      _exit (0);
    }
  status = wait_child (pid);
  if (status == EXIT_CANNOT)
    {
      g_test_skip ("This machine allows no tmpfs mount in a namespace: no full disk to test on");
      return FALSE;
    }
  g_assert_cmpint (status, ==, 0);
  return TRUE;
}

/* Writes zeros into @path until the disk is full. */
static void
fill_disk (const char *path)
{
  static const char block[4096];
  int               fd = g_open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  ssize_t           n;

  g_assert_cmpint (fd, >=, 0);
  do
    n = write (fd, block, sizeof block);
  while (n > 0);
  g_assert_cmpint (errno, ==, ENOSPC);
  fsync (fd);
  close (fd);
}

/* ------------------------------------------------------------------ */

static void
read_only_folder_body (const char *dir)
{
  g_autofree char *folder = g_build_filename (dir, "notes", NULL);
  g_autofree char *path = g_build_filename (folder, "rapport.db", NULL);
  g_autofree char *fresh = g_build_filename (folder, "new.db", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  RapportStore *store;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  make_database (path);
  before = test_core_file_bytes (path);
  g_assert_cmpint (g_chmod (folder, 0500), ==, 0);

  /* A healthy database in a folder that cannot be written. */
  store = rapport_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_assert_nonnull (strstr (error->message, path));
  assert_honest (error);
  g_clear_error (&error);
  after = test_core_file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));

  /* A new one cannot be made there either, for the same reason. */
  store = rapport_store_open (fresh, &error);
  g_assert_null (store);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_READ_ONLY);
  assert_honest (error);
  g_clear_error (&error);

  /* A read-only file in a writable folder. */
  g_assert_cmpint (g_chmod (folder, 0700), ==, 0);
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  store = rapport_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  assert_honest (error);
  g_clear_error (&error);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);

  /* Nothing was harmed: it opens once the folder is writable. */
  store = rapport_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM meetings WHERE notes LIKE '%roadmap%'"), ==, 1);
  g_object_unref (store);
}

static void
test_read_only_folder (void)
{
  char *dir = test_core_tmpdir_new ();

  run_unprivileged (dir, read_only_folder_body);
  test_core_tmpdir_free (dir);
}

static void
disk_full_body (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  g_autofree char *big = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportPerson) ada = NULL;
  RapportStore *refused;

  make_database (path);

  /* Open while the disk is full: SQLite cannot make its shared-memory
   * file. Full, not damaged. */
  fill_disk (filler);
  refused = rapport_store_open (path, &error);
  g_assert_null (refused);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  assert_honest (error);
  g_clear_error (&error);
  g_assert_cmpint (g_unlink (filler), ==, 0);

  /* A write that meets a full disk says so. */
  store = rapport_store_open (path, &error);
  g_assert_no_error (error);
  ada = rapport_person_load (store, 1, &error);
  g_assert_no_error (error);
  fill_disk (filler);
  big = g_strnfill (256 * 1024, 'n');
  {
    g_autoptr(RapportMeeting) meeting = rapport_meeting_create (store, rapport_person_get_id (ada), "2026-03-09", &error);

    if (meeting != NULL)
      {
        rapport_meeting_set_notes (meeting, big);
        g_assert_false (rapport_meeting_save (meeting, store, &error));
      }
    g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DISK_FULL);
    g_assert_nonnull (strstr (error->message, "disk is full"));
    assert_honest (error);
    g_clear_error (&error);
  }

  /* Room again: the file is sound and takes the write. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM meetings WHERE notes LIKE '%roadmap%'"), ==, 1);
  test_core_exec (store, "UPDATE meetings SET notes = notes || ' again'");
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM pragma_quick_check WHERE quick_check = 'ok'"), ==, 1);
}

static void
test_disk_full (void)
{
  char *dir = test_core_tmpdir_new ();

  run_on_small_disk (dir, disk_full_body);
  test_core_tmpdir_free (dir);
}

/* Another process holding a lock: a child that runs @sql on @path, then
 * waits until told to go. */
typedef struct
{
  pid_t pid;
  int   release; /* closed to let the child go */
} Locker;

static Locker
lock_in_other_process (const char *path,
                       const char *sql)
{
  Locker locker = { 0, -1 };
  int    ready[2], release[2];
  char   byte = 0;

  g_assert_cmpint (pipe (ready), ==, 0);
  g_assert_cmpint (pipe (release), ==, 0);
  locker.pid = fork ();
  g_assert_cmpint (locker.pid, >=, 0);
  if (locker.pid == 0)
    {
      sqlite3 *db = NULL;

      close (ready[0]);
      close (release[1]);
      if (sqlite3_open (path, &db) != SQLITE_OK ||
          sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
        _exit (1);
      if (write (ready[1], "x", 1) != 1)
        _exit (1);
      while (read (release[0], &byte, 1) > 0)
        ;
      sqlite3_close (db);
      _exit (0);
    }
  close (ready[1]);
  close (release[0]);
  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
  close (ready[0]);
  locker.release = release[1];
  return locker;
}

static void
unlock (Locker *locker)
{
  close (locker->release);
  g_assert_cmpint (wait_child (locker->pid), ==, 0);
}

/* An exclusive lock keeps even readers out: the open waits, then says
 * the database is in use. Both journal modes a Rapport file can be in (a
 * restored backup has a rollback journal until it is opened). */
static void
test_locked_open (gconstpointer data)
{
  const char      *mode = data;
  char            *dir = test_core_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = %s", mode);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  RapportStore *store;
  Locker        locker;

  make_database (path);
  test_core_sql (path, sql);
  before = test_core_file_bytes (path);

  locker = lock_in_other_process (path, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;"
                                        " SELECT count(*) FROM people;");
  store = rapport_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "another program"));
  g_assert_nonnull (strstr (error->message, "locked"));
  assert_honest (error);
  g_clear_error (&error);
  unlock (&locker);

  after = test_core_file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  store = rapport_store_open (path, &error);
  g_assert_no_error (error);
  g_object_unref (store);
  test_core_tmpdir_free (dir);
}

/* Another process in the middle of a write: opening only reads, so it
 * neither waits nor fails; our own write then says who is in the way,
 * and works once the other is done. */
static void
test_locked_write (void)
{
  char            *dir = test_core_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportMeeting) meeting = NULL;
  gint64 start;
  Locker locker;

  make_database (path);
  locker = lock_in_other_process (path, "BEGIN IMMEDIATE;"
                                        " UPDATE people SET role = 'Lead' WHERE id = 1;");

  start = g_get_monotonic_time ();
  store = rapport_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  rapport_store_set_busy_timeout (store, 100);
  meeting = rapport_meeting_load (store, 1, &error);
  g_assert_no_error (error);
  rapport_meeting_set_notes (meeting, "Typed while the other one writes");
  g_assert_false (rapport_meeting_save (meeting, store, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "another program"));
  assert_honest (error);
  g_clear_error (&error);

  unlock (&locker);
  g_assert_true (rapport_meeting_save (meeting, store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM meetings WHERE notes = 'Typed while the other one writes'"), ==, 1);
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM people WHERE role = 'Engineer'"), ==, 1);

  g_clear_object (&meeting);
  g_clear_object (&store);
  test_core_tmpdir_free (dir);
}

/* A write SQLite refuses as read-only (here: the connection set to
 * query_only) is READ_ONLY, in words, like the read-only folder. */
static void
test_read_only_write (void)
{
  char            *dir = test_core_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autoptr(RapportStore) store = test_core_store_new (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPerson) ada = NULL;

  test_core_exec (store, "PRAGMA query_only = ON");
  ada = rapport_person_create (store, "Ada", NULL, &error);
  g_assert_null (ada);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  assert_honest (error);
  g_clear_error (&error);

  test_core_exec (store, "PRAGMA query_only = OFF");
  ada = rapport_person_create (store, "Ada", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM people"), ==, 1);

  g_clear_object (&store);
  test_core_tmpdir_free (dir);
}

/* A zero-byte file is not a database: refused and left as it was, by the
 * store and by the CLI (which used to export an empty journal from it). A
 * missing file is still made as a new database, with no leftovers. */
static void
test_empty_file (void)
{
  char            *dir = test_core_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *fresh = g_build_filename (dir, "sub", "fresh.db", NULL);
  g_autofree char *sub = g_path_get_dirname (fresh);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  RapportStore *store;
  GStatBuf      st;
  const char   *name;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = rapport_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, "empty"));
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_assert_cmpint (rapport_cli_run (path, out, NULL, NULL, &error), ==, RAPPORT_CLI_FAILED);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_DATABASE);
  g_clear_error (&error);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);

  store = rapport_store_open (fresh, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_store_get_schema_version (store), ==, RAPPORT_STORE_SCHEMA_VERSION);
  g_assert_cmpint (g_stat (fresh, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_object_unref (store);
  listing = g_dir_open (sub, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_true (g_str_has_prefix (name, "fresh.db"));
  g_assert_cmpint (test_core_sql_int (fresh, "SELECT count(*) FROM habits"), >, 0);

  test_core_tmpdir_free (dir);
}

/* A database in a folder reached through a symbolic link (a /home that
 * is one, say) opens; a database file that is itself a link does not. */
static void
test_symlinks (void)
{
  char            *dir = test_core_tmpdir_new ();
  g_autofree char *real = g_build_filename (dir, "real", NULL);
  g_autofree char *home = g_build_filename (dir, "home", NULL);
  g_autofree char *through = g_build_filename (home, "rapport.db", NULL);
  g_autofree char *file_link = g_build_filename (dir, "link.db", NULL);
  g_autoptr(GError) error = NULL;
  RapportStore *store;

  g_assert_cmpint (g_mkdir (real, 0700), ==, 0);
  g_assert_cmpint (symlink (real, home), ==, 0);
  store = rapport_store_open (through, &error);
  g_assert_no_error (error);
  g_object_unref (store);
  store = rapport_store_open (through, &error);
  g_assert_no_error (error);
  g_object_unref (store);

  g_assert_cmpint (symlink (through, file_link), ==, 0);
  store = rapport_store_open (file_link, &error);
  g_assert_null (store);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "symbolic link"));
  assert_honest (error);

  test_core_tmpdir_free (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-errors/read-only-folder", test_read_only_folder);
  g_test_add_func ("/store-errors/disk-full", test_disk_full);
  g_test_add_data_func ("/store-errors/locked-open/wal", "WAL", test_locked_open);
  g_test_add_data_func ("/store-errors/locked-open/rollback-journal", "DELETE", test_locked_open);
  g_test_add_func ("/store-errors/locked-write", test_locked_write);
  g_test_add_func ("/store-errors/read-only-write", test_read_only_write);
  g_test_add_func ("/store-errors/empty-file", test_empty_file);
  g_test_add_func ("/store-errors/symlinks", test_symlinks);

  return g_test_run ();
}
