/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-backup"

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rapport-backup.h"
#include "rapport-file.h"
#include "rapport-job.h"

G_DEFINE_QUARK (rapport-backup-error-quark, rapport_backup_error)

/* Pages copied per step: small enough to notice a cancel soon. */
#define PAGES_PER_STEP 512

char *
rapport_backup_default_folder (const char *store_path)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (store_path != NULL, NULL);

  dir = g_path_get_dirname (store_path);
  base = g_path_get_basename (store_path);
  /* The usual database keeps the folder it always had. */
  if (strcmp (base, RAPPORT_BACKUP_USUAL_DATABASE) == 0)
    return g_build_filename (dir, "backups", NULL);

  /* Any other one has its own, so that its backups, its restore list
   * and its pruning never mix with another database's. */
  if (g_str_has_suffix (base, ".db") && strlen (base) > 3)
    base[strlen (base) - 3] = '\0';
  folder = g_strconcat ("backups-", base, NULL);
  return g_build_filename (dir, folder, NULL);
}

/* ------------------------------------------------------------------ *
 * The folder backups go into
 * ------------------------------------------------------------------ */

/* Temporary files of a backup being written: TEMP_PREFIX and 8 hex
 * digits, locked (flock) by the process writing them for as long as it
 * does. One left unlocked was left by a backup that was killed. */
#define TEMP_PREFIX ".rapport-backup-"
/* The copy of a backup that a restore checks before it uses it. */
#define RESTORE_WORK ".rapport-restore.db"

/* A folder held open: what is done in it goes through @fd, so that it is
 * the folder that was checked, whatever is put at its path meanwhile. */
typedef struct
{
  char *path;
  int   fd;
} Folder;

#define FOLDER_INIT \
  {                 \
    NULL, -1        \
  }

static void
folder_clear (Folder *folder)
{
  if (folder->fd >= 0)
    close (folder->fd);
  folder->fd = -1;
  g_clear_pointer (&folder->path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Folder, folder_clear)

typedef enum
{
  FOLDER_OURS,     /* Rapport's backups folder: made if missing, made
                     * private, never followed if it is a symbolic link */
  FOLDER_USERS,    /* a folder the user named: made if missing, followed,
                     * its mode left alone */
  FOLDER_EXISTING, /* our folder as it is, for pruning: not followed */
} FolderKind;

static gboolean
folder_open (Folder     *folder,
             const char *path,
             FolderKind  kind,
             GError    **error)
{
  int      flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC;
  GStatBuf st;

  folder->path = g_strdup (path);
  if (kind == FOLDER_OURS && g_mkdir (path, 0700) != 0 && errno != EEXIST)
    {
      int saved = errno;
      g_set_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_IO,
                   _("Could not create the folder “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (kind == FOLDER_USERS && g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_IO,
                   _("Could not create the folder “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }

  if (kind != FOLDER_USERS)
    flags |= O_NOFOLLOW;
  folder->fd = open (path, flags);
  if (folder->fd < 0)
    {
      int saved = errno;

      /* A symbolic link in place of our own folder would make another
       * folder private and prune its files. */
      if (kind != FOLDER_USERS && g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
        g_set_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_IO,
                     _("The backups folder “%s” is a symbolic link. Rapport does not "
                        "follow it or change anything where it leads; make it a folder "
                        "to have backups again"),
                     path);
      else
        g_set_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_IO,
                     _("Could not open the folder “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }

  /* Our own folder holds copies of private notes. A folder the user named
   * is theirs to set up. */
  if (kind == FOLDER_OURS && fstat (folder->fd, &st) == 0 &&
      st.st_uid == geteuid () && (st.st_mode & 07777) != 0700)
    fchmod (folder->fd, 0700);
  return TRUE;
}

static gboolean
folder_has (Folder     *folder,
            const char *name)
{
  struct stat st;

  return fstatat (folder->fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0;
}

/* The names in @folder, NULL with @error when it cannot be read. */
static GPtrArray *
folder_list (Folder  *folder,
             GError **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int            fd = dup (folder->fd);
  struct dirent *entry;
  DIR           *dir;

  dir = fd >= 0 ? fdopendir (fd) : NULL;
  if (dir == NULL)
    {
      int saved = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_IO,
                   _("Could not read the folder “%s”: %s"), folder->path, g_strerror (saved));
      return NULL;
    }
  /* The duplicate shares its offset with earlier reads. */
  rewinddir (dir);
  while ((entry = readdir (dir)) != NULL)
    if (strcmp (entry->d_name, ".") != 0 && strcmp (entry->d_name, "..") != 0)
      g_ptr_array_add (names, g_strdup (entry->d_name));
  closedir (dir);
  return g_steal_pointer (&names);
}

static const char *const database_suffixes[] = { "-journal", "-wal", "-shm" };

static void
remove_database_files_at (Folder     *folder,
                          const char *name)
{
  unlinkat (folder->fd, name, 0);
  for (guint i = 0; i < G_N_ELEMENTS (database_suffixes); i++)
    {
      g_autofree char *other = g_strconcat (name, database_suffixes[i], NULL);
      unlinkat (folder->fd, other, 0);
    }
}

/* Removes what killed backups left in @folder: temporary files of ours
 * that no process holds locked. Call with the folder locked. */
static void
remove_stale_temporaries (Folder *folder)
{
  g_autoptr(GPtrArray) names = folder_list (folder, NULL);

  for (guint i = 0; names != NULL && i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      gboolean    companion = FALSE;
      struct stat st;
      int         fd;

      if (!g_str_has_prefix (name, TEMP_PREFIX))
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (database_suffixes); j++)
        if (g_str_has_suffix (name, database_suffixes[j]))
          {
            g_autofree char *base = g_strndup (name, strlen (name) - strlen (database_suffixes[j]));

            /* Left without its database: stale whatever the lock. */
            companion = TRUE;
            if (!folder_has (folder, base))
              unlinkat (folder->fd, name, 0);
          }
      if (companion)
        continue;

      fd = openat (folder->fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
      if (fd < 0)
        continue;
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && flock (fd, LOCK_EX | LOCK_NB) == 0)
        {
          g_debug ("Removing %s/%s, left by a backup that did not finish", folder->path, name);
          remove_database_files_at (folder, name);
        }
      close (fd);
    }
}

/* A new temporary file in @folder, private, locked for as long as the
 * returned descriptor is open. Stale ones are cleared first, under the
 * folder's lock, so that no backup takes another's new file for stale. */
static int
create_temporary (Folder  *folder,
                  char   **out_name,
                  GError **error)
{
  int fd = -1;
  int saved = 0;

  while (flock (folder->fd, LOCK_EX) != 0 && errno == EINTR)
    ;
  remove_stale_temporaries (folder);
  for (int tries = 0; tries < 100 && fd < 0; tries++)
    {
      g_free (*out_name);
      *out_name = g_strdup_printf (TEMP_PREFIX "%08x", g_random_int ());
      fd = openat (folder->fd, *out_name,
                   O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
      saved = errno;
      if (fd < 0 && saved != EEXIST)
        break;
    }
  if (fd >= 0)
    flock (fd, LOCK_EX | LOCK_NB);
  flock (folder->fd, LOCK_UN);

  if (fd < 0)
    g_set_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_IO,
                 _("Could not create a file in “%s”: %s"), folder->path, g_strerror (saved));
  return fd;
}

/* ------------------------------------------------------------------ *
 * Copying and checking
 * ------------------------------------------------------------------ */

/* Copies the "main" database of @source into @dest with SQLite's online
 * backup API, page by page, while other connections keep working. */
static gboolean
copy_database (sqlite3            *source,
               sqlite3            *dest,
               GCancellable       *cancellable,
               RapportProgressFunc progress,
               gpointer            progress_data,
               double              from,
               double              to,
               GError            **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", source, "main");
  int             rc;

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

static int
stop_if_cancelled (void *data)
{
  return g_cancellable_is_cancelled (data) ? 1 : 0;
}

/* NULL when PRAGMA quick_check finds @db sound; else its first finding,
 * on one line. */
static char *
find_damage (sqlite3      *db,
             GCancellable *cancellable)
{
  sqlite3_stmt *stmt = NULL;
  char         *found = NULL;
  int           rc;

  if (cancellable != NULL)
    sqlite3_progress_handler (db, 10000, stop_if_cancelled, cancellable);
  rc = sqlite3_prepare_v2 (db, "PRAGMA main.quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (text, "ok") != 0)
        found = g_strdup (text != NULL ? text : "?");
    }
  else
    found = g_strdup (sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 0, NULL, NULL);

  if (found != NULL)
    {
      const char *noise = "*** in database main ***";
      char       *start = strstr (found, noise);

      if (start != NULL)
        memmove (start, start + strlen (noise), strlen (start + strlen (noise)) + 1);
      g_strdelimit (found, "\r\n\t", ' ');
      g_strstrip (found);
    }
  return found;
}

/* A backup counts only if it is sound: a damaged copy never takes the
 * place of a good one (and pruning then never removes an older one).
 * When the copy is damaged, the database it came from says whose fault
 * it is. */
static gboolean
check_copy (sqlite3      *source,
            sqlite3      *copy,
            GCancellable *cancellable,
            GError      **error)
{
  g_autofree char *in_copy = find_damage (copy, cancellable);
  g_autofree char *in_source = NULL;

  if (in_copy == NULL)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  in_source = find_damage (source, cancellable);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (in_source != NULL)
    g_set_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_DAMAGED,
                 _("The database is damaged (%s). No backup was made, so that it "
                    "cannot replace a good one; the older backups are kept"),
                 in_source);
  else
    g_set_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_DAMAGED,
                 _("The backup copy came out damaged (%s) although the database is "
                    "sound: the disk it was written to may be failing. No backup was "
                    "made; the older backups are kept"),
                 in_copy);
  return FALSE;
}

/* Backs @source up into @folder as @name, private from its first byte:
 * written (and with @check, checked) under a temporary name, renamed
 * when done. */
static gboolean
backup_to_file (sqlite3            *source,
                Folder             *folder,
                const char         *name,
                gboolean            check,
                GCancellable       *cancellable,
                RapportProgressFunc progress,
                gpointer            progress_data,
                GError            **error)
{
  g_autofree char *tmp_name = NULL;
  g_autofree char *tmp = NULL;
  sqlite3         *dest = NULL;
  gboolean         ok;
  int              fd;

  fd = create_temporary (folder, &tmp_name, error);
  if (fd < 0)
    return FALSE;
  tmp = g_build_filename (folder->path, tmp_name, NULL);

  /* Made above, O_EXCL and not followed; the folders on the way to it
   * may be links (a folder the user named, a /home that is one). */
  if (sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_IO,
                   _("Could not write “%s”: %s"), tmp, sqlite3_errmsg (dest));
      sqlite3_close (dest);
      remove_database_files_at (folder, tmp_name);
      close (fd);
      return FALSE;
    }

  ok = copy_database (source, dest, cancellable, progress, progress_data, 0.0, 1.0, error) &&
       (!check || check_copy (source, dest, cancellable, error));
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
  if (ok && renameat (folder->fd, tmp_name, folder->fd, name) != 0)
    {
      int saved = errno;
      g_set_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_IO,
                   _("Could not write “%s/%s”: %s"), folder->path, name, g_strerror (saved));
      ok = FALSE;
    }
  if (ok)
    fsync (folder->fd);
  else
    remove_database_files_at (folder, tmp_name);
  /* Unlocks the temporary file: only now may it look stale. */
  close (fd);
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
new_backup_name (Folder *folder)
{
  g_autofree char *today = rapport_store_today ();
  g_autofree char *daily = g_strdup_printf ("rapport-%s.db", today);

  if (!folder_has (folder, daily))
    return g_steal_pointer (&daily);
  return timestamp_name ("rapport-");
}

char *
rapport_backup_now (RapportStore       *store,
                    const char         *folder,
                    GCancellable       *cancellable,
                    RapportProgressFunc progress,
                    gpointer            progress_data,
                    GError            **error)
{
  g_autofree char *default_folder = NULL;
  g_autofree char *name = NULL;
  g_auto (Folder) into = FOLDER_INIT;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (folder == NULL)
    folder = default_folder = rapport_backup_default_folder (rapport_store_get_path (store));
  if (!folder_open (&into, folder, default_folder != NULL ? FOLDER_OURS : FOLDER_USERS, error))
    return NULL;

  name = new_backup_name (&into);
  if (!backup_to_file (rapport_store_get_handle (store), &into, name, TRUE, cancellable,
                       progress, progress_data, error))
    return NULL;
  return g_build_filename (folder, name, NULL);
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
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Removes all but the newest @keep daily backups: files of Rapport's
 * naming, and only regular files. */
static gboolean
prune_folder (Folder  *folder,
              int      keep,
              GError **error)
{
  g_autoptr(GPtrArray) all = folder_list (folder, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (all == NULL)
    return FALSE;
  keep = MAX (keep, 1);
  for (guint i = 0; i < all->len; i++)
    {
      const char *name = g_ptr_array_index (all, i);
      struct stat st;

      if (is_daily_name (name) &&
          fstatat (folder->fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG (st.st_mode))
        g_ptr_array_add (names, (gpointer) name);
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i + (guint) keep < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (unlinkat (folder->fd, name, 0) != 0)
        {
          int saved = errno;
          g_set_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_IO,
                       _("Could not remove the old backup “%s/%s”: %s"),
                       folder->path, name, g_strerror (saved));
          return FALSE;
        }
      g_debug ("Removed the old backup %s/%s", folder->path, name);
    }
  return TRUE;
}

gboolean
rapport_backup_prune (const char *folder,
                      int         keep,
                      GError    **error)
{
  g_auto (Folder) from = FOLDER_INIT;

  g_return_val_if_fail (folder != NULL, FALSE);

  return folder_open (&from, folder, FOLDER_EXISTING, error) &&
         prune_folder (&from, keep, error);
}

gboolean
rapport_backup_maybe_daily (RapportStore *store,
                            int           keep,
                            char        **out_path,
                            GError      **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *today = NULL;
  g_autofree char *daily = NULL;
  g_auto (Folder) into = FOLDER_INIT;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (out_path != NULL)
    *out_path = NULL;
  folder = rapport_backup_default_folder (rapport_store_get_path (store));
  if (!folder_open (&into, folder, FOLDER_OURS, error))
    return FALSE;
  today = rapport_store_today ();
  daily = g_strdup_printf ("rapport-%s.db", today);
  if (folder_has (&into, daily))
    return TRUE;

  /* A backup that fails (the database is damaged, say) prunes nothing:
   * the older ones are all there is. */
  if (!backup_to_file (rapport_store_get_handle (store), &into, daily, TRUE, NULL, NULL, NULL, error) ||
      !prune_folder (&into, keep, error))
    return FALSE;
  if (out_path != NULL)
    *out_path = g_build_filename (folder, daily, NULL);
  return TRUE;
}

/* The database at @path, whatever state it is in, copied byte for byte:
 * used when it cannot even be opened, so that a restore never loses it. */
static gboolean
copy_raw (const char *path,
          const char *dest,
          GError    **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, &local) ||
      !rapport_file_write_private (dest, data, length, &local))
    {
      g_set_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_IO,
                   _("Could not keep a copy of the current database: %s"), local->message);
      return FALSE;
    }
  return TRUE;
}

/* Whether @store, a backup about to be restored, is sound. */
static gboolean
check_candidate (RapportStore *store,
                 const char   *name,
                 GCancellable *cancellable,
                 GError      **error)
{
  g_autofree char *damage = find_damage (rapport_store_get_handle (store), cancellable);

  if (damage == NULL)
    return TRUE;
  if (!g_cancellable_set_error_if_cancelled (cancellable, error))
    g_set_error (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_DAMAGED,
                 _("“%s” is damaged and cannot be restored (%s)"), name, damage);
  return FALSE;
}

char *
rapport_backup_restore (const char         *store_path,
                        const char         *backup_file,
                        GCancellable       *cancellable,
                        RapportProgressFunc progress,
                        gpointer            progress_data,
                        GError            **error)
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
  g_auto (Folder) into = FOLDER_INIT;
  sqlite3 *dest = NULL;
  gboolean ok;

  g_return_val_if_fail (store_path != NULL, NULL);
  g_return_val_if_fail (backup_file != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_basename (backup_file);
  folder = rapport_backup_default_folder (store_path);
  if (!folder_open (&into, folder, FOLDER_OURS, error))
    return NULL;

  /* Check a copy, never the user's file: opening migrates and may write. */
  work = g_build_filename (folder, RESTORE_WORK, NULL);
  remove_database_files_at (&into, RESTORE_WORK);
  from = g_file_new_for_path (backup_file);
  to = g_file_new_for_path (work);
  if (!g_file_copy (from, to, G_FILE_COPY_NONE, cancellable, NULL, NULL, &local))
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
      remove_database_files_at (&into, RESTORE_WORK);
      return NULL;
    }
  if (!check_candidate (candidate, display, cancellable, error))
    {
      g_clear_object (&candidate);
      remove_database_files_at (&into, RESTORE_WORK);
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
    ok = backup_to_file (rapport_store_get_handle (current), &into, safety_name, FALSE,
                         cancellable, NULL, NULL, error);
  else
    ok = copy_raw (store_path, safety, error);
  g_clear_object (&current);
  if (!ok)
    {
      g_clear_object (&candidate);
      remove_database_files_at (&into, RESTORE_WORK);
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
  remove_database_files_at (&into, RESTORE_WORK);
  if (!ok)
    return NULL;
  return g_steal_pointer (&safety);
}

/* ------------------------------------------------------------------ *
 * Off the main thread
 * ------------------------------------------------------------------ */

/* Returns the backup made, or NULL if today's was there already. */
static gpointer
daily_work (RapportJob   *job,
            GCancellable *cancellable,
            GError      **error)
{
  g_autoptr(RapportStore) store = rapport_store_open_secondary (job->db_path, error);
  char *path = NULL;

  if (store == NULL || !rapport_backup_maybe_daily (store, job->keep, &path, error))
    return NULL;
  return path;
}

void
rapport_backup_maybe_daily_async (RapportStore       *store,
                                  int                 keep,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data)
{
  g_return_if_fail (RAPPORT_IS_STORE (store));

  rapport_job_run (store, NULL, keep, cancellable, NULL, NULL, callback, user_data,
                   rapport_backup_maybe_daily_async, daily_work);
}

char *
rapport_backup_maybe_daily_finish (RapportStore *store,
                                   GAsyncResult *result,
                                   GError      **error)
{
  return rapport_job_finish (store, result, rapport_backup_maybe_daily_async, error);
}

static gpointer
now_work (RapportJob   *job,
          GCancellable *cancellable,
          GError      **error)
{
  g_autoptr(RapportStore) store = rapport_store_open_secondary (job->db_path, error);

  if (store == NULL)
    return NULL;
  return rapport_backup_now (store, job->file, cancellable,
                             rapport_progress_relay_report, job->relay, error);
}

void
rapport_backup_now_async (RapportStore       *store,
                          const char         *folder,
                          GCancellable       *cancellable,
                          RapportProgressFunc progress,
                          gpointer            progress_data,
                          GAsyncReadyCallback callback,
                          gpointer            user_data)
{
  g_return_if_fail (RAPPORT_IS_STORE (store));

  rapport_job_run (store, folder, 0, cancellable, progress, progress_data,
                   callback, user_data, rapport_backup_now_async, now_work);
}

char *
rapport_backup_now_finish (RapportStore *store,
                           GAsyncResult *result,
                           GError      **error)
{
  return rapport_job_finish (store, result, rapport_backup_now_async, error);
}

/* Works on the database file, not on a connection: it may be damaged. */
static gpointer
restore_work (RapportJob   *job,
              GCancellable *cancellable,
              GError      **error)
{
  return rapport_backup_restore (job->db_path, job->file, cancellable,
                                 rapport_progress_relay_report, job->relay, error);
}

void
rapport_backup_restore_async (RapportStore       *store,
                              const char         *backup_file,
                              GCancellable       *cancellable,
                              RapportProgressFunc progress,
                              gpointer            progress_data,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (backup_file != NULL);

  rapport_job_run (store, backup_file, 0, cancellable, progress, progress_data,
                   callback, user_data, rapport_backup_restore_async, restore_work);
}

char *
rapport_backup_restore_finish (RapportStore *store,
                               GAsyncResult *result,
                               GError      **error)
{
  return rapport_job_finish (store, result, rapport_backup_restore_async, error);
}
