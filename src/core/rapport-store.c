/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rapport-backup.h"
#include "rapport-search.h"
#include "rapport-store.h"

struct _RapportStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements; /* SQL text -> sqlite3_stmt* */
  guint       txn_depth;
  int         schema_version;
};

G_DEFINE_FINAL_TYPE (RapportStore, rapport_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (rapport-store-error-quark, rapport_store_error)

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
rapport_store_finalize (GObject *object)
{
  RapportStore *self = RAPPORT_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      /* Folds the WAL back into the main file so a copy of the .db alone is
       * complete after a clean exit. */
      sqlite3_close (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (rapport_store_parent_class)->finalize (object);
}

static void
rapport_store_class_init (RapportStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_store_finalize;
}

static void
rapport_store_init (RapportStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal,
                                            g_free, finalize_statement);
}

/* SQLite counts every allocation for sqlite3_memory_used() and its heap
 * limits, under one mutex for the whole process: an import of the decade
 * took and released it 3.9 million times (0.23 G instructions). Rapport
 * uses neither, so the count is off. It can only be turned off before
 * SQLite starts, and any call into SQLite may start it (a test that
 * makes a file with sqlite3_open() before opening a store, for one);
 * hence a constructor, which runs before main() in every program that
 * links the store: the app, the command line, the tests, the benchmarks.
 * A program that started SQLite earlier still works, only slower, and is
 * told so at its first open (check_sqlite_config()). */
static int sqlite_config_rc = SQLITE_MISUSE;

__attribute__ ((constructor)) static void
configure_sqlite (void)
{
  sqlite_config_rc = sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
}

static void
check_sqlite_config (void)
{
  static gsize checked = 0;

  if (g_once_init_enter (&checked))
    {
      if (sqlite_config_rc != SQLITE_OK)
        g_warning ("SQLite was started before Rapport could configure it (%s): "
                   "its memory statistics stay on, at the cost of a lock per allocation",
                   sqlite3_errstr (sqlite_config_rc));
      g_once_init_leave (&checked, 1);
    }
}

char *
rapport_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "rapport", "rapport.db", NULL);
}

/* What went wrong, from SQLite's extended code @code and the errno of the
 * last failed system call. Only a file SQLite finds malformed is called
 * damaged: a lock, a full disk or a read-only folder say so, so that no
 * message pushes anyone toward restoring or deleting a healthy file. */
static RapportStoreError
classify (sqlite3 *db,
          int      code)
{
  int primary = code & 0xff;
  int sys = 0;

  if (primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN ||
      primary == SQLITE_FULL || primary == SQLITE_PERM)
    sys = db != NULL ? sqlite3_system_errno (db) : 0;

  if (code == SQLITE_READONLY_DBMOVED)
    return RAPPORT_STORE_ERROR_OPEN;
  if (primary == SQLITE_FULL || sys == ENOSPC || sys == EDQUOT || sys == EFBIG)
    return RAPPORT_STORE_ERROR_DISK_FULL;
  if (primary == SQLITE_READONLY || primary == SQLITE_PERM ||
      sys == EACCES || sys == EPERM || sys == EROFS)
    return RAPPORT_STORE_ERROR_READ_ONLY;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    return RAPPORT_STORE_ERROR_BUSY;
  if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
    return RAPPORT_STORE_ERROR_NOT_DATABASE;
  if (primary == SQLITE_CONSTRAINT)
    return RAPPORT_STORE_ERROR_INVALID;
  if (primary == SQLITE_CANTOPEN || primary == SQLITE_IOERR)
    return RAPPORT_STORE_ERROR_OPEN;
  return RAPPORT_STORE_ERROR_SQL;
}

/* The words for the kinds of error that are not about the file itself. */
static const char *
describe (RapportStoreError kind)
{
  switch (kind)
    {
    case RAPPORT_STORE_ERROR_READ_ONLY:
      return _("the file or its folder is read-only, or Rapport may not write there");
    case RAPPORT_STORE_ERROR_DISK_FULL:
      return _("the disk is full; free some space and try again");
    case RAPPORT_STORE_ERROR_BUSY:
      return _("another program is using the database and has locked it; "
                "close it or try again in a moment");
    case RAPPORT_STORE_ERROR_OPEN:
    case RAPPORT_STORE_ERROR_NOT_DATABASE:
    case RAPPORT_STORE_ERROR_TOO_NEW:
    case RAPPORT_STORE_ERROR_SQL:
    case RAPPORT_STORE_ERROR_INVALID:
    case RAPPORT_STORE_ERROR_NOT_FOUND:
    case RAPPORT_STORE_ERROR_CONFLICT:
    case RAPPORT_STORE_ERROR_INDEXING:
    default:
      return NULL;
    }
}

static void
set_error_from_code (sqlite3    *db,
                     int         code,
                     GError    **error,
                     const char *what)
{
  RapportStoreError kind = classify (db, code);
  const char       *words = describe (kind);

  if (words != NULL)
    g_set_error (error, RAPPORT_STORE_ERROR, kind, "%s: %s", what, words);
  else
    g_set_error (error, RAPPORT_STORE_ERROR, kind, "%s: %s", what,
                 db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (code));
}

void
rapport_store_set_error (RapportStore *self,
                         GError      **error,
                         const char   *what)
{
  set_error_from_code (self->db, sqlite3_extended_errcode (self->db), error, what);
}

sqlite3_stmt *
rapport_store_prepare (RapportStore *self,
                       const char   *sql,
                       GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                          &stmt, NULL) != SQLITE_OK)
    {
      rapport_store_set_error (self, error, _("Could not prepare a query"));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
rapport_store_step_done (RapportStore *self,
                         sqlite3_stmt *stmt,
                         GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      rapport_store_set_error (self, error, _("Could not write to the database"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Steps @stmt, a query for one row. TRUE when there is one: read it, then
 * reset @stmt. Otherwise @stmt is reset and @error says why: NOT_FOUND with
 * @missing_format when there is no row, the SQLite error after @what when
 * the query failed. */
gboolean
rapport_store_step_row (RapportStore *self,
                        sqlite3_stmt *stmt,
                        const char   *what,
                        GError      **error,
                        const char   *missing_format,
                        ...)
{
  int     rc = sqlite3_step (stmt);
  va_list args;

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    {
      if (error != NULL)
        {
          va_start (args, missing_format);
          g_propagate_error (error, g_error_new_valist (RAPPORT_STORE_ERROR,
                                                        RAPPORT_STORE_ERROR_NOT_FOUND,
                                                        missing_format, args));
          va_end (args);
        }
    }
  else
    rapport_store_set_error (self, error, what);
  sqlite3_reset (stmt);
  return FALSE;
}

/* Steps @stmt to its end and returns its first column as an array of
 * gint64, or NULL with @error (the SQLite error after @what). @stmt is
 * reset either way. */
GArray *
rapport_store_step_ids (RapportStore *self,
                        sqlite3_stmt *stmt,
                        const char   *what,
                        GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (self, error, what);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* The tables whose rows are hidden (deleted = 1) before they are purged,
 * with their statements spelled out: table names cannot be bound. */
static const struct
{
  const char *table;
  const char *hide_sql;
  const char *purge_sql;
} soft_delete_tables[] = {
  { "meetings",
    "UPDATE meetings SET deleted = ?2, updated_at = ?3 WHERE id = ?1",
    "DELETE FROM meetings WHERE id = ?1 AND deleted = 1" },
  { "commitments",
    "UPDATE commitments SET deleted = ?2, updated_at = ?3 WHERE id = ?1",
    "DELETE FROM commitments WHERE id = ?1 AND deleted = 1" },
  { "talking_points",
    "UPDATE talking_points SET deleted = ?2, updated_at = ?3 WHERE id = ?1",
    "DELETE FROM talking_points WHERE id = ?1 AND deleted = 1" },
  { "missed_meetings",
    "UPDATE missed_meetings SET deleted = ?2, updated_at = ?3 WHERE id = ?1",
    "DELETE FROM missed_meetings WHERE id = ?1 AND deleted = 1" },
};

static guint
soft_delete_table (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (soft_delete_tables); i++)
    if (g_strcmp0 (table, soft_delete_tables[i].table) == 0)
      return i;
  return G_N_ELEMENTS (soft_delete_tables);
}

/* Hides (or shows again) row @id of @table, "meetings", "commitments",
 * "talking_points" or "missed_meetings".
 * A row that is not there (purged, or gone with a restore) is
 * RAPPORT_STORE_ERROR_NOT_FOUND: an undo that cannot restore must say so. */
gboolean
rapport_store_set_deleted (RapportStore *self,
                           const char   *table,
                           gint64        id,
                           gboolean      hidden,
                           GError      **error)
{
  guint            t = soft_delete_table (table);
  g_autofree char *now = NULL;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (t < G_N_ELEMENTS (soft_delete_tables), FALSE);

  now = rapport_store_now ();
  stmt = rapport_store_prepare (self, soft_delete_tables[t].hide_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, hidden ? 1 : 0);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (!rapport_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                   _("It is no longer in the database"));
      return FALSE;
    }
  return TRUE;
}

/* Deletes row @id of @table for good, only if it is hidden. */
gboolean
rapport_store_purge (RapportStore *self,
                     const char   *table,
                     gint64        id,
                     GError      **error)
{
  guint         t = soft_delete_table (table);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (t < G_N_ELEMENTS (soft_delete_tables), FALSE);

  stmt = rapport_store_prepare (self, soft_delete_tables[t].purge_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return rapport_store_step_done (self, stmt, error);
}

gboolean
rapport_store_exec (RapportStore *self,
                    const char   *sql,
                    GError      **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      rapport_store_set_error (self, error, _("Database statement failed"));
      return FALSE;
    }
  return TRUE;
}

/* Transactions nest: the outermost is BEGIN IMMEDIATE ... COMMIT, each
 * inner one a SAVEPOINT, so that rolling back an inner one undoes only its
 * own writes and leaves the outer one open. Every begin that succeeds
 * takes exactly one commit or one rollback; a commit that fails has rolled
 * its level back already (a rollback after it still closes only one
 * level, so call it only for a level that is still open, or at depth 0). */
static gboolean
savepoint_exec (RapportStore *self,
                const char   *verb,
                guint         level,
                GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("%s rapport_%u", verb, level);

  return rapport_store_exec (self, sql, error);
}

gboolean
rapport_store_begin (RapportStore *self,
                     GError      **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if (self->txn_depth == 0)
    {
      if (!rapport_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
    }
  else if (!savepoint_exec (self, "SAVEPOINT", self->txn_depth, error))
    return FALSE;
  self->txn_depth++;
  return TRUE;
}

/* Undoes the writes of the innermost level and closes it. */
static void
roll_back_level (RapportStore *self)
{
  g_autofree char *sql = NULL;

  self->txn_depth--;
  /* Some errors (a full disk, an I/O error) make SQLite roll back the
   * whole transaction itself: then there is nothing left to undo. */
  if (sqlite3_get_autocommit (self->db))
    return;
  if (self->txn_depth == 0)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return;
    }
  sql = g_strdup_printf ("ROLLBACK TO rapport_%u; RELEASE rapport_%u",
                         self->txn_depth, self->txn_depth);
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("Could not roll back to a savepoint: %s", sqlite3_errmsg (self->db));
}

gboolean
rapport_store_commit (RapportStore *self,
                      GError      **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->txn_depth > 0, FALSE);

  if (self->txn_depth == 1)
    {
      self->txn_depth = 0;
      if (!rapport_store_exec (self, "COMMIT", error))
        {
          if (!sqlite3_get_autocommit (self->db))
            sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      return TRUE;
    }
  if (!savepoint_exec (self, "RELEASE", self->txn_depth - 1, error))
    {
      roll_back_level (self);
      return FALSE;
    }
  self->txn_depth--;
  return TRUE;
}

void
rapport_store_rollback (RapportStore *self)
{
  g_return_if_fail (RAPPORT_IS_STORE (self));

  if (self->txn_depth == 0)
    return;
  roll_back_level (self);
}

/* How many transactions are open (0: none). */
guint
rapport_store_get_transaction_depth (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), 0);
  return self->txn_depth;
}

static gboolean
query_int (RapportStore *self,
           const char   *sql,
           int          *out,
           GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int           rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      rapport_store_set_error (self, error, _("Could not read the database"));
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      rapport_store_set_error (self, error, _("Could not read the database"));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  *out = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

/* The SQL of migration @version, from the resources. */
static char *
migration_sql (int      version,
               GError **error)
{
  g_autofree char *resource = NULL;
  g_autoptr(GBytes) bytes = NULL;

  resource = g_strdup_printf ("/io/github/rapport/Rapport/sql/%03d.sql", version);
  bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Brings the database from its version to RAPPORT_STORE_SCHEMA_VERSION,
 * all steps in one transaction: a failure at any step (a full disk, a
 * kill) leaves the file at the version it had, never half way between.
 * A database that holds data (version 1 or more) is backed up first, into
 * the backups folder beside it, as any backup (checked, private); without
 * that copy nothing is migrated, as an upgrade that went wrong could not
 * be undone. SQLite copies no database that its own connection is
 * writing to, so the copy is made just before the write lock is taken.
 * Another process may upgrade the file in between: the version is read
 * again once the lock is held. */
static gboolean
migrate (RapportStore *self,
         gboolean      back_up,
         GError      **error)
{
  g_autofree char *pragma = NULL;
  int              from = self->schema_version;

  if (from >= RAPPORT_STORE_SCHEMA_VERSION)
    return TRUE;

  if (back_up && from > 0)
    {
      g_autoptr(GError) local = NULL;
      g_autofree char *copy = rapport_backup_now (self, NULL, NULL, NULL, NULL, &local);

      if (copy == NULL)
        {
          g_set_error (error, RAPPORT_STORE_ERROR,
                       g_error_matches (local, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_DAMAGED)
                         ? RAPPORT_STORE_ERROR_NOT_DATABASE
                         : RAPPORT_STORE_ERROR_OPEN,
                       _("The database needs an update to format %d, and a backup is made "
                          "before every update, but it could not be made (%s). Nothing has "
                          "been changed"),
                       RAPPORT_STORE_SCHEMA_VERSION, local->message);
          return FALSE;
        }
      g_debug ("Backed the database up to %s before updating it from format %d to %d",
               copy, from, RAPPORT_STORE_SCHEMA_VERSION);
    }

  if (!rapport_store_begin (self, error))
    goto failed;
  if (!query_int (self, "PRAGMA user_version", &from, error))
    goto rollback;
  if (from >= RAPPORT_STORE_SCHEMA_VERSION)
    {
      rapport_store_rollback (self);
      self->schema_version = from;
      return TRUE;
    }

  for (int v = from + 1; v <= RAPPORT_STORE_SCHEMA_VERSION; v++)
    {
      g_autofree char *sql = migration_sql (v, error);

      if (sql == NULL || !rapport_store_exec (self, sql, error))
        {
          g_prefix_error (error, _("Could not upgrade the database to version %d: "), v);
          goto rollback;
        }
    }
  pragma = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                            RAPPORT_STORE_SCHEMA_VERSION, RAPPORT_STORE_APPLICATION_ID);
  if (!rapport_store_exec (self, pragma, error) ||
      !rapport_store_commit (self, error))
    goto rollback;
  self->schema_version = RAPPORT_STORE_SCHEMA_VERSION;
  return TRUE;

rollback:
  rapport_store_rollback (self);
failed:
  if (from > 0)
    g_prefix_error (error, _("The database was left as it was (format %d): "), from);
  return FALSE;
}

/* Reads what the file is without writing to it, so that a file we must
 * refuse is left byte for byte as it was. */
static gboolean
check_identity (RapportStore *self,
                GError      **error)
{
  int version = 0, app_id = 0, objects = 0;

  if (!query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "PRAGMA application_id", &app_id, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &objects, error))
    {
      int               code = sqlite3_extended_errcode (self->db);
      RapportStoreError kind = classify (self->db, code);

      g_clear_error (error);
      if (kind == RAPPORT_STORE_ERROR_NOT_DATABASE)
        g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_DATABASE,
                     _("The file is not a Rapport database, or it is damaged (%s)"),
                     sqlite3_errmsg (self->db));
      else
        set_error_from_code (self->db, code, error, _("Could not read the database"));
      return FALSE;
    }

  if ((version == 0 && objects > 0) ||
      (version > 0 && app_id != RAPPORT_STORE_APPLICATION_ID))
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_DATABASE,
                   _("The file is an SQLite database, but not one of Rapport’s"));
      return FALSE;
    }

  if (version > RAPPORT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_TOO_NEW,
                   _("The database was written by a newer version of Rapport "
                      "(format %d; this version reads up to %d). Update Rapport "
                      "to open it; the file has not been changed."),
                   version, RAPPORT_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  self->schema_version = version;
  return TRUE;
}

static RapportStoreError
classify_errno (int saved)
{
  if (saved == ENOSPC || saved == EDQUOT || saved == EFBIG)
    return RAPPORT_STORE_ERROR_DISK_FULL;
  if (saved == EACCES || saved == EPERM || saved == EROFS)
    return RAPPORT_STORE_ERROR_READ_ONLY;
  return RAPPORT_STORE_ERROR_OPEN;
}

static void
set_error_from_errno (GError    **error,
                      int         saved,
                      const char *what)
{
  RapportStoreError kind = classify_errno (saved);
  const char       *words = describe (kind);

  g_set_error (error, RAPPORT_STORE_ERROR, kind, "%s: %s", what,
               words != NULL ? words : g_strerror (saved));
}

/* Makes the folder of @path; sets *@exists to whether a file (or anything
 * but nothing) is at @path already. */
static gboolean
prepare_folder (const char *path,
                gboolean   *exists,
                GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *what = NULL;
  GStatBuf         st;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      what = g_strdup_printf (_("Could not create the folder “%s”"), dir);
      set_error_from_errno (error, saved, what);
      return FALSE;
    }
  *exists = g_lstat (path, &st) == 0;
  return TRUE;
}

static gboolean
is_symlink (const char *path)
{
  GStatBuf st;

  return g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode);
}

/* An empty main file and no write-ahead log: no Rapport database ever
 * looks like this (a new one is complete before it gets its name), and
 * SQLite would take it for a new, empty database. */
static gboolean
is_empty_file (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf         st;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size != 0)
    return FALSE;
  return g_stat (wal, &st) != 0 || st.st_size == 0;
}

typedef enum
{
  OPEN_PRIMARY,   /* the app's or the CLI's connection */
  OPEN_SECONDARY, /* another one of the same process, for a worker */
  OPEN_NEW,       /* the new file a database is made in */
} OpenMode;

static RapportStore *open_internal (const char *path,
                                    OpenMode    mode,
                                    GError    **error);

/* Rows hidden this long ago are no longer offered for undo by anyone. */
#define PURGE_AFTER_SECONDS (24 * 60 * 60)

/* Runs @sql, with @stamp bound to ?1, once; *@first (unless NULL) is
 * the first column of its row. Statements run once per open are not kept
 * in the statement cache. */
static gboolean
step_once (RapportStore *self,
           const char   *sql,
           const char   *stamp,
           gboolean     *first)
{
  sqlite3_stmt *stmt = NULL;
  int           rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_warning ("Could not look for old deleted rows: %s", sqlite3_errmsg (self->db));
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, stamp, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (first != NULL)
    *first = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      g_debug ("Old deleted rows stay until the next start: %s", sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

/* Leftovers of deletions whose undo toast outlived the app. Only rows
 * hidden a day ago or more (or with no time we can read): a younger one
 * may still be offered for undo by a window of another process, which
 * purges it when its toast goes. Housekeeping: when the database is busy
 * or full, it waits for the next start rather than keeping the notes from
 * opening. Commitments, talking points and missed 1:1s are found
 * through people, by their (person_id, deleted) indexes. */
static void
purge_old_hidden (RapportStore *self)
{
#define OLD(t) "(" t "updated_at < ?1 OR " t "updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-*')"
  static const struct
  {
    const char *find;
    const char *purge;
  } steps[] = {
    { "SELECT EXISTS (SELECT 1 FROM meetings WHERE deleted = 1 AND " OLD ("") ")",
      "DELETE FROM meetings WHERE deleted = 1 AND " OLD ("") },
    { "SELECT EXISTS (SELECT 1 FROM people p CROSS JOIN commitments c"
      " WHERE c.person_id = p.id AND c.deleted = 1 AND " OLD ("c.") ")",
      "DELETE FROM commitments WHERE id IN (SELECT c.id FROM people p CROSS JOIN commitments c"
      " WHERE c.person_id = p.id AND c.deleted = 1 AND " OLD ("c.") ")" },
    { "SELECT EXISTS (SELECT 1 FROM people p CROSS JOIN talking_points t"
      " WHERE t.person_id = p.id AND t.deleted = 1 AND " OLD ("t.") ")",
      "DELETE FROM talking_points WHERE id IN (SELECT t.id FROM people p CROSS JOIN talking_points t"
      " WHERE t.person_id = p.id AND t.deleted = 1 AND " OLD ("t.") ")" },
    { "SELECT EXISTS (SELECT 1 FROM people p CROSS JOIN missed_meetings s"
      " WHERE s.person_id = p.id AND s.deleted = 1 AND " OLD ("s.") ")",
      "DELETE FROM missed_meetings WHERE id IN (SELECT s.id FROM people p CROSS JOIN missed_meetings s"
      " WHERE s.person_id = p.id AND s.deleted = 1 AND " OLD ("s.") ")" },
  };
#undef OLD
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_seconds (now, -PURGE_AFTER_SECONDS);
  g_autofree char *stamp = g_date_time_format (then, "%Y-%m-%dT%H:%M:%S.000Z");

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      gboolean any = FALSE;

      /* Look first: a DELETE takes the write lock even when it finds
       * nothing, and another process may be holding it. */
      if (!step_once (self, steps[i].find, stamp, &any) ||
          (any && !step_once (self, steps[i].purge, stamp, NULL)))
        return;
    }
}

/* The error of @local, said about @path rather than the temporary file
 * @tmp it happened in. */
static void
propagate_for (GError    **error,
               GError     *local,
               const char *tmp,
               const char *path)
{
  const char      *message = local->message;
  g_autofree char *prefix = g_strconcat (tmp, ": ", NULL);

  if (g_str_has_prefix (message, prefix))
    message += strlen (prefix);
  g_set_error (error, local->domain, local->code, "%s: %s", path, message);
  g_error_free (local);
}

static void
remove_database_files (const char *path)
{
  static const char *const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* A new database is made complete under a temporary name, then linked
 * into place: so an empty file at @path is never one of ours, and a kill
 * at any moment leaves either no database or a whole one. */
static gboolean
create_database (const char *path,
                 GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s-new-XXXXXX", base);
  g_autofree char *tmp = g_build_filename (dir, name, NULL);
  g_autoptr(RapportStore) store = NULL;
  GError  *local = NULL;
  gboolean ok = TRUE;
  int      fd;

  /* Private from the first byte; SQLite gives its -wal and -shm files the
   * same mode. */
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int              saved = errno;
      g_autofree char *what = g_strdup_printf (_("Could not create “%s”"), path);
      set_error_from_errno (error, saved, what);
      return FALSE;
    }
  close (fd);

  store = open_internal (tmp, OPEN_NEW, &local);
  if (store == NULL)
    {
      propagate_for (error, local, tmp, path);
      remove_database_files (tmp);
      return FALSE;
    }
  g_clear_object (&store);

  if (link (tmp, path) != 0)
    {
      int      saved = errno;
      GStatBuf st;

      if (saved == EEXIST)
        ; /* Another process made it first: open theirs. */
      else if ((saved == EPERM || saved == ENOTSUP || saved == ENOSYS) &&
               g_lstat (path, &st) != 0)
        {
          /* A file system without hard links. */
          if (g_rename (tmp, path) != 0)
            saved = errno, ok = FALSE;
        }
      else
        ok = FALSE;
      if (!ok)
        {
          g_autofree char *what = g_strdup_printf (_("Could not create “%s”"), path);
          set_error_from_errno (error, saved, what);
        }
    }
  remove_database_files (tmp);
  return ok;
}

static RapportStore *
open_internal (const char *path,
               OpenMode    mode,
               GError    **error)
{
  g_autoptr(RapportStore) self = NULL;
  g_autofree char *what = NULL;
  gboolean         exists = TRUE;
  int              rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  check_sqlite_config ();
  if (mode != OPEN_NEW)
    {
      if (!prepare_folder (path, &exists, error))
        return NULL;
      if (!exists && !create_database (path, error))
        return NULL;
      if (is_symlink (path))
        {
          g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_OPEN,
                       _("%s: The file is a symbolic link; Rapport opens only the file "
                          "itself (give the path it leads to)"),
                       path);
          return NULL;
        }
      if (is_empty_file (path))
        {
          g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_DATABASE,
                       _("%s: The file is empty, so it is not a Rapport database"),
                       path);
          return NULL;
        }
    }

  self = g_object_new (RAPPORT_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  /* Not SQLITE_OPEN_NOFOLLOW: it refuses a link anywhere on the path,
   * and many a home folder is reached through one (/home -> /var/home).
   * The file itself was checked above. SQLITE_OPEN_NOMUTEX: a
   * connection is only ever used by one thread at a time (the window's
   * by the main thread; each job of rapport-job.c opens its own in its
   * thread and closes it there), so SQLite's lock around each call on it
   * (a mutex taken and released for every step, column and bind) is
   * not needed. */
  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      what = g_strdup_printf (_("Could not open “%s”"), path);
      set_error_from_code (self->db, rc, error, what);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  if (!check_identity (self, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_READ_ONLY,
                   _("%s: The file is read-only; Rapport needs to save your notes there"),
                   path);
      return NULL;
    }

  if (!rapport_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;
  /* 8 MB of page cache (the default is 2 MB): the team's history and
   * follow-through over ten years read ~20 MB of index pages. A new
   * database is made with a rollback journal, so that closing it leaves
   * everything in the one file that gets linked into place. */
  if ((mode != OPEN_NEW && !rapport_store_exec (self, "PRAGMA journal_mode = WAL", error)) ||
      !rapport_store_exec (self, "PRAGMA synchronous = FULL", error) ||
      !rapport_store_exec (self, "PRAGMA cache_size = -8000", error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  if (!migrate (self, mode != OPEN_NEW, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  if (mode == OPEN_PRIMARY)
    {
      g_autoptr(GError) local = NULL;

      purge_old_hidden (self);
      /* A search index left waiting by an import that was stopped (a
       * crash, the power) between committing its rows and filling the
       * index: filled now, before anyone searches (migration 009). */
      if (!rapport_search_index_pending (self, &local))
        g_warning ("%s: %s", path, local->message);
    }

  return g_steal_pointer (&self);
}

RapportStore *
rapport_store_open (const char *path,
                    GError    **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_internal (path, OPEN_PRIMARY, error);
}

/* Another connection to a database the app already has open, for work
 * off the main thread (export, import, backup). Same checks as
 * rapport_store_open(), without the housekeeping. */
RapportStore *
rapport_store_open_secondary (const char *path,
                              GError    **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_internal (path, OPEN_SECONDARY, error);
}

/* For readers outside the window, such as the desktop's search: the file
 * is opened read-only and query_only, so nothing done on this connection
 * can change it, and in WAL mode reading never holds up the window's
 * writes. Nothing is made (folder, file) and nothing migrated: a database
 * not yet at this build's format is refused until the app opens it. */
RapportStore *
rapport_store_open_read_only (const char *path,
                              GError    **error)
{
  g_autoptr(RapportStore) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* As open_internal(): the folders on the way may be links, the file
   * may not. */
  if (is_symlink (path))
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_OPEN,
                   _("%s: The file is a symbolic link; Rapport opens only the file "
                      "itself (give the path it leads to)"),
                   path);
      return NULL;
    }

  check_sqlite_config ();
  self = g_object_new (RAPPORT_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("Could not open “%s”"), path);

      set_error_from_code (self->db, rc, error, what);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  /* Readers wait only for WAL recovery, never for writers: short. */
  sqlite3_busy_timeout (self->db, 250);

  if (!check_identity (self, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }
  if (self->schema_version != RAPPORT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_OPEN,
                   _("%s: The database is not up to date yet; open Rapport once to update it"),
                   path);
      return NULL;
    }
  /* The same page cache as the app's connection (see open_internal()). */
  if (!rapport_store_exec (self, "PRAGMA query_only = ON", error) ||
      !rapport_store_exec (self, "PRAGMA cache_size = -8000", error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
rapport_store_get_path (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  return self->path;
}

sqlite3 *
rapport_store_get_handle (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  return self->db;
}

int
rapport_store_get_schema_version (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), 0);
  return self->schema_version;
}

void
rapport_store_set_busy_timeout (RapportStore *self,
                                int           ms)
{
  g_return_if_fail (RAPPORT_IS_STORE (self));
  sqlite3_busy_timeout (self->db, MAX (ms, 0));
}

gint64
rapport_store_get_data_version (RapportStore *self)
{
  sqlite3_stmt *stmt;
  gint64        version = -1;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), -1);

  stmt = rapport_store_prepare (self, "PRAGMA data_version", NULL);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return version;
}

char *
rapport_store_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *base = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", base, g_date_time_get_microsecond (now) / 1000);
}

char *
rapport_store_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

char *
rapport_store_new_uuid (void)
{
  return g_uuid_string_random ();
}

const char *
rapport_store_column_text (sqlite3_stmt *stmt,
                           int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);
  return text ? (const char *) text : "";
}
