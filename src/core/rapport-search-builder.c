/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-search"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "rapport-search-builder.h"
#include "rapport-search-private.h"

/* A large import into empty tables writes the rows on one core and
 * leaves the search indexes to be filled after (rapport-search.c,
 * rapport_search_index_pending()): on the decade data set the rows took
 * 1.4 s and the indexes 0.8 s more, most of it FTS5 cutting 51 MB of
 * notes into words. A builder does that on a second core meanwhile. The
 * import hands it each row's text as it writes the row; the builder's
 * thread inserts it into the same FTS5 tables, declared the same way, in
 * a temporary database of its own. At the end, in the import's
 * transaction, each index is made again in the store's database and the
 * rows of its shadow tables (the FTS5 format's own, %_data, %_idx and
 * %_docsize) are copied over: what FTS5 wrote there is what it would
 * have written to the file, as both are the same SQLite.
 *
 * Why made again rather than emptied: an FTS5 table caches its index's
 * structure per connection, and only notices another connection's
 * writes. A connection that had searched before would go on reading, and
 * then writing over, the index as it was. A table made again in this
 * transaction starts with nothing cached.
 *
 * The text travels in batches of up to 1 MiB. Batches go back to the
 * main thread once indexed, and there are only a few: when the builder
 * falls behind, the import waits for it rather than hold more. */

#define BATCH_BYTES (1024 * 1024)
#define BATCH_ROWS 4096
#define N_BATCHES 8

typedef struct
{
  guint  table;
  gint64 rowid;
  gsize  offset; /* in the batch's text; G_MAXSIZE for NULL */
} Row;

typedef struct
{
  GByteArray *text; /* each row's text and its NUL */
  GArray     *rows; /* Row */
  gboolean    last; /* the builder is to finish after its rows */
} Batch;

struct _RapportSearchBuilder
{
  sqlite3     *db; /* the thread's until it has been joined */
  GThread     *thread;
  GAsyncQueue *todo; /* Batch, to the thread */
  GAsyncQueue *done; /* Batch, back to the main thread */
  Batch       *filling;
  Batch       *batches[N_BATCHES];
  GPtrArray   *tables;  /* char *: the FTS5 tables */
  GPtrArray   *insert;  /* sqlite3_stmt *, one per table */
  gint         stop;    /* atomic: drop what is queued */
  char        *failure; /* the thread's error, once joined */
};

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static gboolean
exec_own (sqlite3    *db,
          const char *sql,
          char      **failure)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) == SQLITE_OK)
    return TRUE;
  if (failure != NULL && *failure == NULL)
    *failure = g_strdup (message != NULL ? message : sqlite3_errmsg (db));
  sqlite3_free (message);
  return FALSE;
}

static void
insert_batch (RapportSearchBuilder *self,
              Batch                *batch,
              char                **failure)
{
  for (guint i = 0; i < batch->rows->len && *failure == NULL; i++)
    {
      const Row    *row = &g_array_index (batch->rows, Row, i);
      sqlite3_stmt *stmt = g_ptr_array_index (self->insert, row->table);

      if (g_atomic_int_get (&self->stop))
        return;
      sqlite3_bind_int64 (stmt, 1, row->rowid);
      if (row->offset == G_MAXSIZE)
        sqlite3_bind_null (stmt, 2);
      else
        sqlite3_bind_text (stmt, 2, (const char *) batch->text->data + row->offset, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        *failure = g_strdup (sqlite3_errmsg (self->db));
      sqlite3_reset (stmt);
    }
}

static gpointer
build_thread (gpointer data)
{
  RapportSearchBuilder *self = data;
  char                 *failure = NULL;

  for (;;)
    {
      Batch   *batch = g_async_queue_pop (self->todo);
      gboolean last = batch->last;

      if (failure == NULL)
        insert_batch (self, batch, &failure);
      g_byte_array_set_size (batch->text, 0);
      g_array_set_size (batch->rows, 0);
      g_async_queue_push (self->done, batch);
      if (last)
        break;
    }

  /* 'optimize' leaves one segment per index, as the refill does, so that
   * later saves do not cascade into merges (see refill_index()). */
  for (guint i = 0; i < self->tables->len && failure == NULL && !g_atomic_int_get (&self->stop); i++)
    {
      const char      *fts = g_ptr_array_index (self->tables, i);
      g_autofree char *sql = g_strdup_printf ("INSERT INTO \"%1$s\" (\"%1$s\") VALUES ('optimize')", fts);

      exec_own (self->db, sql, &failure);
    }
  /* Stopped: closing the database drops what it holds. */
  if (failure == NULL && !g_atomic_int_get (&self->stop))
    exec_own (self->db, "COMMIT", &failure);
  return failure;
}

/* The CREATE statement of @store's table @name; NULL if there is none,
 * or (with @error set) if it could not be read. */
static char *
table_sql (RapportStore *store,
           const char   *name,
           GError      **error)
{
  sqlite3_stmt *stmt = rapport_store_prepare (store,
                                              "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?1",
                                              error);
  char         *sql = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    sql = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return sql;
}

/* Makes @fts in the builder's database as @store declares it, set up to
 * be filled in one go, and prepares its insert. */
static gboolean
add_table (RapportSearchBuilder *self,
           RapportStore         *store,
           const char           *fts,
           GError              **error)
{
  g_autofree char *create = NULL;
  g_autofree char *column = NULL;
  g_autofree char *settings = NULL;
  g_autofree char *insert = NULL;
  g_autoptr(GError) local = NULL;
  char         *failure = NULL;
  sqlite3_stmt *stmt;
  guint         columns = 0;

  create = table_sql (store, fts, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (create == NULL || !exec_own (self->db, create, &failure))
    goto failed;

  if (sqlite3_prepare_v2 (self->db, "SELECT name FROM pragma_table_info(?1)", -1, &stmt, NULL) != SQLITE_OK)
    goto failed;
  sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (columns++ == 0)
      column = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  /* The indexes this knows have one column each. */
  if (columns != 1)
    {
      failure = g_strdup_printf (_("%u columns where one was expected"), columns);
      goto failed;
    }

  settings = rapport_search_fill_settings_sql (fts);
  if (!exec_own (self->db, settings, &failure))
    goto failed;
  insert = g_strdup_printf ("INSERT INTO \"%s\" (rowid, \"%s\") VALUES (?1, ?2)", fts, column);
  if (sqlite3_prepare_v3 (self->db, insert, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    goto failed;
  g_ptr_array_add (self->insert, stmt);
  g_ptr_array_add (self->tables, g_strdup (fts));
  return TRUE;

failed:
  g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_SQL,
               _("Could not prepare the search index “%s”: %s"), fts,
               failure != NULL ? failure : create == NULL ? _("no such table")
                                                          : sqlite3_errmsg (self->db));
  g_free (failure);
  return FALSE;
}

RapportSearchBuilder *
rapport_search_builder_new (RapportStore      *store,
                            const char *const *tables,
                            GError           **error)
{
  g_autoptr(RapportSearchBuilder) self = g_new0 (RapportSearchBuilder, 1);

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (tables != NULL, NULL);

  self->tables = g_ptr_array_new_with_free_func (g_free);
  self->insert = g_ptr_array_new_with_free_func (finalize_statement);
  self->todo = g_async_queue_new ();
  self->done = g_async_queue_new ();
  for (guint i = 0; i < N_BATCHES; i++)
    {
      self->batches[i] = g_new0 (Batch, 1);
      self->batches[i]->text = g_byte_array_new ();
      self->batches[i]->rows = g_array_new (FALSE, FALSE, sizeof (Row));
      if (i > 0)
        g_async_queue_push (self->done, self->batches[i]);
    }
  self->filling = self->batches[0];

  /* A temporary database of its own: SQLite deletes its file when it is
   * closed, and holds no more than its page cache in memory (the notes'
   * index of the decade is 27 MB; a file of the largest size allowed
   * would make ten times that). Nothing in it outlives the import: no
   * journal, nothing synced. */
  if (sqlite3_open_v2 ("", &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
      !exec_own (self->db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                           " PRAGMA cache_size = -8000",
                 NULL))
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_SQL,
                   _("Could not prepare the search index: %s"),
                   self->db != NULL ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }
  for (guint i = 0; tables[i] != NULL; i++)
    if (!add_table (self, store, tables[i], error))
      return NULL;
  if (!exec_own (self->db, "BEGIN", NULL))
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_SQL,
                   _("Could not prepare the search index: %s"), sqlite3_errmsg (self->db));
      return NULL;
    }
  self->thread = g_thread_new ("rapport-search-builder", build_thread, self);
  return g_steal_pointer (&self);
}

static void
send_batch (RapportSearchBuilder *self,
            gboolean              last)
{
  self->filling->last = last;
  g_async_queue_push (self->todo, self->filling);
  self->filling = last ? NULL : g_async_queue_pop (self->done);
}

void
rapport_search_builder_add (RapportSearchBuilder *self,
                            guint                 table,
                            gint64                rowid,
                            const char           *text)
{
  Batch *batch;
  Row    row = { table, rowid, G_MAXSIZE };

  g_return_if_fail (self != NULL);
  g_return_if_fail (table < self->tables->len);
  g_return_if_fail (self->filling != NULL);

  batch = self->filling;
  if (text != NULL)
    {
      row.offset = batch->text->len;
      g_byte_array_append (batch->text, (const guint8 *) text, strlen (text) + 1);
    }
  g_array_append_val (batch->rows, row);
  if (batch->text->len >= BATCH_BYTES || batch->rows->len >= BATCH_ROWS)
    send_batch (self, FALSE);
}

static void
join (RapportSearchBuilder *self)
{
  /* NULL once joined (and never started by a failed _new()). */
  if (self->thread == NULL)
    return;
  if (self->filling != NULL)
    send_batch (self, TRUE);
  self->failure = g_thread_join (g_steal_pointer (&self->thread));
}

gboolean
rapport_search_builder_finish (RapportSearchBuilder *self,
                               GError              **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  join (self);
  if (self->failure != NULL)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_SQL,
                   _("Could not build the search index: %s"), self->failure);
      return FALSE;
    }
  return TRUE;
}

/* Copies every row of the builder's @shadow into the store's. */
static gboolean
copy_shadow (RapportSearchBuilder *self,
             sqlite3              *db,
             const char           *shadow)
{
  g_autofree char *select = g_strdup_printf ("SELECT * FROM \"%s\"", shadow);
  g_autoptr(GString) insert = g_string_new (NULL);
  sqlite3_stmt *from = NULL, *to = NULL;
  int           columns, rc = SQLITE_ERROR;

  if (sqlite3_prepare_v2 (self->db, select, -1, &from, NULL) != SQLITE_OK)
    goto out;
  columns = sqlite3_column_count (from);
  g_string_printf (insert, "INSERT INTO \"%s\" VALUES (", shadow);
  for (int c = 0; c < columns; c++)
    g_string_append (insert, c == 0 ? "?" : ", ?");
  g_string_append_c (insert, ')');
  if (sqlite3_prepare_v2 (db, insert->str, -1, &to, NULL) != SQLITE_OK)
    goto out;
  while ((rc = sqlite3_step (from)) == SQLITE_ROW)
    {
      for (int c = 0; c < columns; c++)
        sqlite3_bind_value (to, c + 1, sqlite3_column_value (from, c));
      if (sqlite3_step (to) != SQLITE_DONE)
        {
          rc = SQLITE_ERROR;
          break;
        }
      sqlite3_reset (to);
    }

out:
  sqlite3_finalize (from);
  sqlite3_finalize (to);
  return rc == SQLITE_DONE;
}

gboolean
rapport_search_builder_copy (RapportSearchBuilder *self,
                             RapportStore         *store,
                             guint                 table,
                             GError              **error)
{
  sqlite3         *db = rapport_store_get_handle (store);
  const char      *fts;
  g_autofree char *create = NULL;
  g_autofree char *make_again = NULL;
  g_autofree char *empty = NULL;
  g_autoptr(GPtrArray) shadows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local = NULL;
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (self != NULL && self->thread == NULL && self->failure == NULL, FALSE);
  g_return_val_if_fail (table < self->tables->len, FALSE);
  g_return_val_if_fail (rapport_store_get_transaction_depth (store) > 0, FALSE);

  fts = g_ptr_array_index (self->tables, table);
  create = table_sql (store, fts, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (create == NULL)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_SQL,
                   _("No search index is called “%s”"), fts);
      return FALSE;
    }

  make_again = g_strdup_printf ("DROP TABLE \"%s\"; %s;", fts, create);
  if (!rapport_store_exec (store, make_again, error))
    return FALSE;

  /* Its shadow tables in the store, as FTS5 has just made them, but the
   * settings (%_config), which stay the store's. Each must be in the
   * builder's database too (copy_shadow() fails otherwise), and there
   * are at least the index's data and its segments' terms. */
  stmt = rapport_store_prepare (store,
                                "SELECT name FROM sqlite_master WHERE type = 'table'"
                                " AND name LIKE ?1 || '\\_%' ESCAPE '\\' AND name <> ?1 || '_config'"
                                " ORDER BY rowid",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (shadows, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not read the database"));
      return FALSE;
    }
  if (shadows->len < 2)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_SQL,
                   _("Could not copy the search index “%s”: %s"), fts, _("its tables are not there"));
      return FALSE;
    }
  for (guint i = 0; i < shadows->len; i++)
    {
      const char *shadow = g_ptr_array_index (shadows, i);

      g_free (empty);
      empty = g_strdup_printf ("DELETE FROM \"%s\"", shadow);
      if (!rapport_store_exec (store, empty, error))
        return FALSE;
      if (!copy_shadow (self, db, shadow))
        goto failed_copy;
    }
  return TRUE;

failed_copy:
  g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_SQL,
               _("Could not copy the search index “%s”: %s"), fts,
               sqlite3_errcode (db) != SQLITE_OK ? sqlite3_errmsg (db) : sqlite3_errmsg (self->db));
  return FALSE;
}

void
rapport_search_builder_free (RapportSearchBuilder *self)
{
  if (self == NULL)
    return;
  if (self->thread != NULL)
    {
      g_atomic_int_set (&self->stop, 1);
      join (self);
    }
  g_clear_pointer (&self->insert, g_ptr_array_unref);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  sqlite3_close (self->db);
  for (guint i = 0; i < N_BATCHES; i++)
    {
      g_byte_array_unref (self->batches[i]->text);
      g_array_unref (self->batches[i]->rows);
      g_free (self->batches[i]);
    }
  g_clear_pointer (&self->todo, g_async_queue_unref);
  g_clear_pointer (&self->done, g_async_queue_unref);
  g_free (self->failure);
  g_free (self);
}
