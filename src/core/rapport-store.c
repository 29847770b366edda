/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "rapport-store.h"

struct _RapportStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;   /* SQL text -> sqlite3_stmt* */
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

char *
rapport_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "rapport", "rapport.db", NULL);
}

void
rapport_store_set_error (RapportStore  *self,
                         GError       **error,
                         const char    *what)
{
  int code = sqlite3_extended_errcode (self->db);
  int primary = code & 0xff;
  RapportStoreError kind = RAPPORT_STORE_ERROR_SQL;

  if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
    kind = RAPPORT_STORE_ERROR_NOT_DATABASE;
  else if (primary == SQLITE_CONSTRAINT)
    kind = RAPPORT_STORE_ERROR_INVALID;
  else if (primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY ||
           primary == SQLITE_PERM || primary == SQLITE_IOERR ||
           primary == SQLITE_FULL)
    kind = RAPPORT_STORE_ERROR_OPEN;

  g_set_error (error, RAPPORT_STORE_ERROR, kind, "%s: %s",
               what, sqlite3_errmsg (self->db));
}

sqlite3_stmt *
rapport_store_prepare (RapportStore  *self,
                       const char    *sql,
                       GError       **error)
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
rapport_store_step_done (RapportStore  *self,
                         sqlite3_stmt  *stmt,
                         GError       **error)
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
rapport_store_step_row (RapportStore  *self,
                        sqlite3_stmt  *stmt,
                        const char    *what,
                        GError       **error,
                        const char    *missing_format,
                        ...)
{
  int rc = sqlite3_step (stmt);
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
rapport_store_step_ids (RapportStore  *self,
                        sqlite3_stmt  *stmt,
                        const char    *what,
                        GError       **error)
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
};

static guint
soft_delete_table (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (soft_delete_tables); i++)
    if (g_strcmp0 (table, soft_delete_tables[i].table) == 0)
      return i;
  return G_N_ELEMENTS (soft_delete_tables);
}

/* Hides (or shows again) row @id of @table, "meetings" or "commitments".
 * A row that does not exist is not an error. */
gboolean
rapport_store_set_deleted (RapportStore  *self,
                           const char    *table,
                           gint64         id,
                           gboolean       hidden,
                           GError       **error)
{
  guint t = soft_delete_table (table);
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (t < G_N_ELEMENTS (soft_delete_tables), FALSE);

  now = rapport_store_now ();
  stmt = rapport_store_prepare (self, soft_delete_tables[t].hide_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, hidden ? 1 : 0);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  return rapport_store_step_done (self, stmt, error);
}

/* Deletes row @id of @table for good, only if it is hidden. */
gboolean
rapport_store_purge (RapportStore  *self,
                     const char    *table,
                     gint64         id,
                     GError       **error)
{
  guint t = soft_delete_table (table);
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
rapport_store_exec (RapportStore  *self,
                    const char    *sql,
                    GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      rapport_store_set_error (self, error, _("Database statement failed"));
      return FALSE;
    }
  return TRUE;
}

gboolean
rapport_store_begin (RapportStore  *self,
                     GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if (self->txn_depth++ > 0)
    return TRUE;
  if (!rapport_store_exec (self, "BEGIN IMMEDIATE", error))
    {
      self->txn_depth = 0;
      return FALSE;
    }
  return TRUE;
}

gboolean
rapport_store_commit (RapportStore  *self,
                      GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->txn_depth > 0, FALSE);

  if (--self->txn_depth > 0)
    return TRUE;
  if (!rapport_store_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

void
rapport_store_rollback (RapportStore *self)
{
  g_return_if_fail (RAPPORT_IS_STORE (self));

  if (self->txn_depth == 0)
    return;
  self->txn_depth = 0;
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
query_int (RapportStore  *self,
           const char    *sql,
           int           *out,
           GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

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

static gboolean
run_migration (RapportStore  *self,
               int            version,
               GError       **error)
{
  g_autofree char *resource = NULL;
  g_autofree char *pragma = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  gsize len;

  resource = g_strdup_printf ("/io/github/rapport/Rapport/sql/%03d.sql", version);
  bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, &len), g_bytes_get_size (bytes));

  if (!rapport_store_begin (self, error))
    return FALSE;
  pragma = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                            version, RAPPORT_STORE_APPLICATION_ID);
  if (!rapport_store_exec (self, sql, error) ||
      !rapport_store_exec (self, pragma, error) ||
      !rapport_store_commit (self, error))
    {
      rapport_store_rollback (self);
      g_prefix_error (error, _("Could not upgrade the database to version %d: "), version);
      return FALSE;
    }
  self->schema_version = version;
  return TRUE;
}

/* Reads what the file is without writing to it, so that a file we must
 * refuse is left byte for byte as it was. */
static gboolean
check_identity (RapportStore  *self,
                GError       **error)
{
  int version = 0, app_id = 0, objects = 0;

  if (!query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "PRAGMA application_id", &app_id, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &objects, error))
    {
      g_clear_error (error);
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_DATABASE,
                   _("The file is not a Rapport database, or it is damaged (%s)"),
                   sqlite3_errmsg (self->db));
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

static gboolean
prepare_file (const char  *path,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_OPEN,
                   _("Could not create the folder “%s”: %s"),
                   dir, g_strerror (saved));
      return FALSE;
    }

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  /* Create the file ourselves so that it is private from the first byte;
   * SQLite gives its -wal and -shm files the same mode. */
  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      if (saved == EEXIST)
        return TRUE;
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_OPEN,
                   _("Could not create “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static RapportStore *
open_internal (const char  *path,
               gboolean     secondary,
               GError     **error)
{
  g_autoptr(RapportStore) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!prepare_file (path, error))
    return NULL;

  self = g_object_new (RAPPORT_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_OPEN,
                   _("Could not open “%s”: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  if (!check_identity (self, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  if (!rapport_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;
  /* 8 MB of page cache (the default is 2 MB): the team's history and
   * follow-through over ten years read ~20 MB of index pages. */
  if (!rapport_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !rapport_store_exec (self, "PRAGMA synchronous = FULL", error) ||
      !rapport_store_exec (self, "PRAGMA cache_size = -8000", error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_OPEN,
                   _("“%s” is read-only; Rapport needs to save your notes there"),
                   path);
      return NULL;
    }

  for (int v = self->schema_version + 1; v <= RAPPORT_STORE_SCHEMA_VERSION; v++)
    if (!run_migration (self, v, error))
      return NULL;

  /* Leftovers of a deletion whose undo toast outlived the app. A second
   * connection must not purge them: the first may still offer the undo. */
  if (!secondary && !rapport_store_exec (self,
                           "DELETE FROM meetings WHERE deleted = 1;"
                           "DELETE FROM commitments WHERE deleted = 1;",
                           error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

RapportStore *
rapport_store_open (const char  *path,
                    GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_internal (path, FALSE, error);
}

/* Another connection to a database the app already has open, for work
 * off the main thread (export, import, backup). Same checks as
 * rapport_store_open(), but leaves rows that wait for an undo alone. */
RapportStore *
rapport_store_open_secondary (const char  *path,
                              GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_internal (path, TRUE, error);
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
  gint64 version = -1;

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
