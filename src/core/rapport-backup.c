/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rapport-backup.h"
#include "rapport-job.h"

G_DEFINE_QUARK (rapport-backup-error-quark, rapport_backup_error)

/* Pages copied per step: small enough to notice a cancel soon. */
#define PAGES_PER_STEP 512

char *
rapport_backup_default_folder (const char *store_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (store_path != NULL, NULL);

  dir = g_path_get_dirname (store_path);
  return g_build_filename (dir, "backups", NULL);
}

static gboolean
make_folder (const char  *folder,
             gboolean     ours,
             GError     **error)
{
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_IO,
                   _("Could not create the folder “%s”: %s"), folder, g_strerror (saved));
      return FALSE;
    }
  /* Our own folder holds copies of private notes. A folder the user named
   * is theirs to set up. */
  if (ours)
    g_chmod (folder, 0700);
  return TRUE;
}

static void
remove_database_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (journal);
}

/* Copies the "main" database of @source into @dest with SQLite's online
 * backup API, page by page, while other connections keep working. */
static gboolean
copy_database (sqlite3       *source,
               sqlite3       *dest,
               GCancellable  *cancellable,
               RapportProgressFunc progress,
               gpointer       progress_data,
               double         from,
               double         to,
               GError       **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", source, "main");
  int rc;

  if (backup == NULL)
    {
      g_set_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_FAILED,
                   _("Could not start the copy: %s"), sqlite3_errmsg (dest));
      return FALSE;
    }

  do
    {
      rc = sqlite3_backup_step (backup, PAGES_PER_STEP);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        g_usleep (20 * 1000);
      if (progress != NULL && sqlite3_backup_pagecount (backup) > 0)
        progress (from + (to - from) *
                  (1.0 - (double) sqlite3_backup_remaining (backup) /
                         sqlite3_backup_pagecount (backup)),
                  progress_data);
      if (g_cancellable_is_cancelled (cancellable))
        break;
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  sqlite3_backup_finish (backup);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_FAILED,
                   _("Could not copy the database: %s"), sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

/* Backs @source up into the new file @path, private from its first byte,
 * written under a temporary name and renamed when complete. */
static gboolean
backup_to_file (sqlite3       *source,
                const char    *path,
                GCancellable  *cancellable,
                RapportProgressFunc progress,
                gpointer       progress_data,
                GError       **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmp = g_build_filename (dir, ".rapport-backup-XXXXXX", NULL);
  sqlite3 *dest = NULL;
  gboolean ok;
  int fd;

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_IO,
                   _("Could not create a file in “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  if (sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_IO,
                   _("Could not write “%s”: %s"), tmp, sqlite3_errmsg (dest));
      sqlite3_close (dest);
      remove_database_files (tmp);
      return FALSE;
    }

  ok = copy_database (source, dest, cancellable, progress, progress_data, 0.0, 1.0, error);
  /* A backup is one self-contained file: no -wal beside it. */
  if (ok && sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_FAILED,
                   _("Could not finish the backup: %s"), sqlite3_errmsg (dest));
      ok = FALSE;
    }
  if (sqlite3_close (dest) != SQLITE_OK && ok)
    {
      g_set_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_FAILED,
                   _("Could not finish the backup"));
      ok = FALSE;
    }
  if (ok && g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_set_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_IO,
                   _("Could not write “%s”: %s"), path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    remove_database_files (tmp);
  return ok;
}

static char *
timestamp_name (const char *prefix)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");

  return g_strdup_printf ("%s%s.db", prefix, stamp);
}

/* rapport-YYYY-MM-DD.db for the first backup of a day, so that the rolling
 * daily backups are easy to tell apart; later ones carry the time too. */
static char *
new_backup_path (const char *folder)
{
  g_autofree char *today = rapport_store_today ();
  g_autofree char *daily = g_strdup_printf ("rapport-%s.db", today);
  g_autofree char *path = g_build_filename (folder, daily, NULL);
  g_autofree char *name = NULL;
  char *timed;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&path);
  name = timestamp_name ("rapport-");
  timed = g_build_filename (folder, name, NULL);
  return timed;
}

char *
rapport_backup_now (RapportStore         *store,
                    const char           *folder,
                    GCancellable         *cancellable,
                    RapportProgressFunc   progress,
                    gpointer              progress_data,
                    GError              **error)
{
  g_autofree char *default_folder = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (folder == NULL)
    folder = default_folder = rapport_backup_default_folder (rapport_store_get_path (store));
  if (!make_folder (folder, default_folder != NULL, error))
    return NULL;

  path = new_backup_path (folder);
  if (!backup_to_file (rapport_store_get_handle (store), path, cancellable,
                       progress, progress_data, error))
    return NULL;
  return g_steal_pointer (&path);
}

static gboolean
is_daily_name (const char *name)
{
  /* rapport-YYYY-MM-DD.db */
  if (strlen (name) != 21 || !g_str_has_prefix (name, "rapport-") ||
      !g_str_has_suffix (name, ".db"))
    return FALSE;
  for (int i = 8; i < 18; i++)
    if (i == 12 || i == 15 ? name[i] != '-' : !g_ascii_isdigit (name[i]))
      return FALSE;
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

gboolean
rapport_backup_prune (const char  *folder,
                      int          keep,
                      GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_return_val_if_fail (folder != NULL, FALSE);

  keep = MAX (keep, 1);
  dir = g_dir_open (folder, 0, error);
  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_daily_name (name))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i + (guint) keep < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      if (g_unlink (path) != 0)
        {
          int saved = errno;
          g_set_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_IO,
                       _("Could not remove the old backup “%s”: %s"), path, g_strerror (saved));
          return FALSE;
        }
      g_debug ("Removed the old backup %s", path);
    }
  return TRUE;
}

gboolean
rapport_backup_maybe_daily (RapportStore  *store,
                            int            keep,
                            char         **out_path,
                            GError       **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *today = NULL;
  g_autofree char *daily = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (out_path != NULL)
    *out_path = NULL;
  folder = rapport_backup_default_folder (rapport_store_get_path (store));
  today = rapport_store_today ();
  daily = g_strdup_printf ("rapport-%s.db", today);
  path = g_build_filename (folder, daily, NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (!make_folder (folder, TRUE, error) ||
      !backup_to_file (rapport_store_get_handle (store), path, NULL, NULL, NULL, error) ||
      !rapport_backup_prune (folder, keep, error))
    return FALSE;
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return TRUE;
}

/* The database at @path, whatever state it is in, copied byte for byte:
 * used when it cannot even be opened, so that a restore never loses it. */
static gboolean
copy_raw (const char  *path,
          const char  *dest,
          GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, &local) ||
      !g_file_set_contents_full (dest, data, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, &local))
    {
      g_set_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_IO,
                   _("Could not keep a copy of the current database: %s"), local->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
quick_check (RapportStore  *store,
             const char    *name,
             GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_prepare_v2 (rapport_store_get_handle (store), "PRAGMA quick_check",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_DAMAGED,
                   _("“%s” is damaged: %s"), name,
                   sqlite3_errmsg (rapport_store_get_handle (store)));
      return FALSE;
    }
  ok = sqlite3_step (stmt) == SQLITE_ROW &&
       g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  if (!ok)
    g_set_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_DAMAGED,
                 _("“%s” is damaged and cannot be restored"), name);
  sqlite3_finalize (stmt);
  return ok;
}

char *
rapport_backup_restore (const char           *store_path,
                        const char           *backup_file,
                        GCancellable         *cancellable,
                        RapportProgressFunc   progress,
                        gpointer              progress_data,
                        GError              **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *work = NULL;
  g_autofree char *safety_name = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(RapportStore) candidate = NULL;
  g_autoptr(RapportStore) current = NULL;
  sqlite3 *dest = NULL;
  gboolean ok;

  g_return_val_if_fail (store_path != NULL, NULL);
  g_return_val_if_fail (backup_file != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_basename (backup_file);
  folder = rapport_backup_default_folder (store_path);
  if (!make_folder (folder, TRUE, error))
    return NULL;

  /* Check a copy, never the user's file: opening migrates and may write. */
  work = g_build_filename (folder, ".rapport-restore.db", NULL);
  remove_database_files (work);
  from = g_file_new_for_path (backup_file);
  to = g_file_new_for_path (work);
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, &local))
    {
      g_set_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_IO,
                   _("Could not read “%s”: %s"), display, local->message);
      return NULL;
    }
  g_chmod (work, 0600);
  if (progress != NULL)
    progress (0.1, progress_data);

  candidate = rapport_store_open (work, &local);
  if (candidate == NULL)
    {
      /* Drop the temporary file's name from the message: it means nothing
       * to the user; theirs does. */
      const char *message = local->message;
      if (g_str_has_prefix (message, work))
        message += strlen (work) + 2;
      g_set_error (error, local->domain, local->code, "%s: %s", display, message);
      remove_database_files (work);
      return NULL;
    }
  if (!quick_check (candidate, display, error))
    {
      g_clear_object (&candidate);
      remove_database_files (work);
      return NULL;
    }
  if (progress != NULL)
    progress (0.2, progress_data);

  /* Nothing is lost either way: the database as it is now goes beside the
   * other backups, under a name that pruning leaves alone. */
  safety_name = timestamp_name ("rapport-before-restore-");
  safety = g_build_filename (folder, safety_name, NULL);
  current = rapport_store_open_secondary (store_path, NULL);
  if (current != NULL)
    ok = backup_to_file (rapport_store_get_handle (current), safety, cancellable,
                         NULL, NULL, error);
  else
    ok = copy_raw (store_path, safety, error);
  g_clear_object (&current);
  if (!ok)
    {
      g_clear_object (&candidate);
      remove_database_files (work);
      return NULL;
    }
  if (progress != NULL)
    progress (0.5, progress_data);

  if (sqlite3_open_v2 (store_path, &dest, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_IO,
                   _("Could not open “%s”: %s"), store_path, sqlite3_errmsg (dest));
      ok = FALSE;
    }
  else
    {
      sqlite3_busy_timeout (dest, 5000);
      ok = copy_database (rapport_store_get_handle (candidate), dest, cancellable,
                          progress, progress_data, 0.5, 1.0, error);
    }
  sqlite3_close (dest);
  g_clear_object (&candidate);
  remove_database_files (work);
  if (!ok)
    return NULL;
  return g_steal_pointer (&safety);
}

/* ------------------------------------------------------------------ *
 * Off the main thread
 * ------------------------------------------------------------------ */

/* Returns the backup made, or NULL if today's was there already. */
static gpointer
daily_work (RapportJob    *job,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(RapportStore) store = rapport_store_open_secondary (job->db_path, error);
  char *path = NULL;

  if (store == NULL || !rapport_backup_maybe_daily (store, job->keep, &path, error))
    return NULL;
  return path;
}

void
rapport_backup_maybe_daily_async (RapportStore        *store,
                                  int                  keep,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (RAPPORT_IS_STORE (store));

  rapport_job_run (store, NULL, keep, cancellable, NULL, NULL, callback, user_data,
                   rapport_backup_maybe_daily_async, daily_work);
}

char *
rapport_backup_maybe_daily_finish (RapportStore  *store,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return rapport_job_finish (store, result, rapport_backup_maybe_daily_async, error);
}

static gpointer
now_work (RapportJob    *job,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(RapportStore) store = rapport_store_open_secondary (job->db_path, error);

  if (store == NULL)
    return NULL;
  return rapport_backup_now (store, job->file, cancellable,
                             rapport_progress_relay_report, job->relay, error);
}

void
rapport_backup_now_async (RapportStore        *store,
                          const char          *folder,
                          GCancellable        *cancellable,
                          RapportProgressFunc  progress,
                          gpointer             progress_data,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (RAPPORT_IS_STORE (store));

  rapport_job_run (store, folder, 0, cancellable, progress, progress_data,
                   callback, user_data, rapport_backup_now_async, now_work);
}

char *
rapport_backup_now_finish (RapportStore  *store,
                           GAsyncResult  *result,
                           GError       **error)
{
  return rapport_job_finish (store, result, rapport_backup_now_async, error);
}

/* Works on the database file, not on a connection: it may be damaged. */
static gpointer
restore_work (RapportJob    *job,
              GCancellable  *cancellable,
              GError       **error)
{
  return rapport_backup_restore (job->db_path, job->file, cancellable,
                                 rapport_progress_relay_report, job->relay, error);
}

void
rapport_backup_restore_async (RapportStore        *store,
                              const char          *backup_file,
                              GCancellable        *cancellable,
                              RapportProgressFunc  progress,
                              gpointer             progress_data,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (backup_file != NULL);

  rapport_job_run (store, backup_file, 0, cancellable, progress, progress_data,
                   callback, user_data, rapport_backup_restore_async, restore_work);
}

char *
rapport_backup_restore_finish (RapportStore  *store,
                               GAsyncResult  *result,
                               GError       **error)
{
  return rapport_job_finish (store, result, rapport_backup_restore_async, error);
}
