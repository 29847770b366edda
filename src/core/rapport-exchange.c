/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rapport-exchange-private.h"
#include "rapport-exchange.h"
#include "rapport-file.h"
#include "rapport-job.h"

G_DEFINE_QUARK (rapport-exchange-error-quark, rapport_exchange_error)

/* ------------------------------------------------------------------ *
 * Export
 * ------------------------------------------------------------------ */

typedef struct
{
  RapportStore       *store;
  JsonBuilder        *builder;
  GCancellable       *cancellable;
  RapportProgressFunc progress;
  gpointer            progress_data;
  guint               done, total;
} Export;

typedef enum
{
  TEXT, /* a string, or null */
  INT,  /* a number, or null */
  BOOL, /* true or false */
} FieldType;

/* A member of an exported object, taken from one column. */
typedef struct
{
  const char *name;
  FieldType   type;
} Field;

/* Adds @n_fields members to the object being built, from the columns of
 * @stmt's current row starting at @first. */
static void
add_fields (JsonBuilder  *builder,
            sqlite3_stmt *stmt,
            int           first,
            const Field  *fields,
            guint         n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      int column = first + (int) i;

      json_builder_set_member_name (builder, fields[i].name);
      if (fields[i].type == BOOL)
        json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, column) != 0);
      else if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
        json_builder_add_null_value (builder);
      else if (fields[i].type == INT)
        json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, column));
      else
        json_builder_add_string_value (builder, rapport_store_column_text (stmt, column));
    }
}

static gboolean
export_step (Export  *e,
             GError **error)
{
  e->done++;
  if ((e->done & 255) == 0)
    {
      if (g_cancellable_set_error_if_cancelled (e->cancellable, error))
        return FALSE;
      if (e->progress != NULL)
        e->progress (0.9 * e->done / MAX (e->total, 1), e->progress_data);
    }
  return TRUE;
}

static gboolean
finish_query (Export       *e,
              sqlite3_stmt *stmt,
              int           rc,
              GError      **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      rapport_store_set_error (e->store, error, _("Could not read the database"));
      return FALSE;
    }
  return TRUE;
}

/* Adds the member @name: an array with an object per row of @stmt (a
 * cached statement, NULL if it could not be prepared). */
static gboolean
export_rows (Export       *e,
             const char   *name,
             sqlite3_stmt *stmt,
             const Field  *fields,
             guint         n_fields,
             GError      **error)
{
  int rc;

  if (stmt == NULL)
    return FALSE;
  json_builder_set_member_name (e->builder, name);
  json_builder_begin_array (e->builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (e->builder);
      add_fields (e->builder, stmt, 0, fields, n_fields);
      json_builder_end_object (e->builder);
      if (!export_step (e, error))
        break;
    }
  json_builder_end_array (e->builder);
  return finish_query (e, stmt, rc, error);
}

static gboolean
export_habits (Export  *e,
               GError **error)
{
  static const Field fields[] = {
    { "uuid", TEXT },
    { "key", TEXT },
    { "label", TEXT },
    { "hint", TEXT },
    { "kind", TEXT },
    { "position", INT },
    { "active", BOOL },
    { "created_at", TEXT },
    { "updated_at", TEXT },
  };

  return export_rows (e, "habits",
                      rapport_store_prepare (e->store,
                                             "SELECT uuid, key, label, hint, kind, position,"
                                             " active, created_at, updated_at FROM habits"
                                             " ORDER BY position, uuid",
                                             error),
                      fields, G_N_ELEMENTS (fields), error);
}

static gboolean
export_people (Export  *e,
               GError **error)
{
  static const Field fields[] = {
    { "uuid", TEXT },
    { "name", TEXT },
    { "role", TEXT },
    { "cadence_days", INT },
    { "archived", BOOL },
    { "next_date", TEXT },
    { "created_at", TEXT },
    { "updated_at", TEXT },
  };

  return export_rows (e, "people",
                      rapport_store_prepare (e->store,
                                             "SELECT uuid, name, role, cadence_days, archived,"
                                             " next_date, created_at, updated_at FROM people"
                                             " ORDER BY created_at, uuid",
                                             error),
                      fields, G_N_ELEMENTS (fields), error);
}

static gboolean
export_checklist (Export  *e,
                  gint64   meeting_id,
                  GError **error)
{
  static const Field fields[] = {
    { "uuid", TEXT },
    { "habit", TEXT },
    { "ticked", BOOL },
    { "evidence", TEXT },
    { "created_at", TEXT },
    { "updated_at", TEXT },
  };
  sqlite3_stmt *stmt = rapport_store_prepare (e->store,
                                              "SELECT c.uuid, h.uuid, c.ticked, c.evidence,"
                                              " c.created_at, c.updated_at"
                                              " FROM checklist c JOIN habits h ON h.id = c.habit_id"
                                              " WHERE c.meeting_id = ?1"
                                              " ORDER BY h.position, h.uuid",
                                              error);
  int           rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  json_builder_set_member_name (e->builder, "checklist");
  json_builder_begin_array (e->builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (e->builder);
      add_fields (e->builder, stmt, 0, fields, G_N_ELEMENTS (fields));
      json_builder_end_object (e->builder);
      e->done++;
    }
  json_builder_end_array (e->builder);
  return finish_query (e, stmt, rc, error);
}

static gboolean
export_meetings (Export  *e,
                 GError **error)
{
  static const Field fields[] = {
    { "uuid", TEXT },
    { "person", TEXT },
    { "date", TEXT },
    { "mood", INT },
    { "notes", TEXT },
    { "created_at", TEXT },
    { "updated_at", TEXT },
  };
  /* Its own statement, not a cached one: export_checklist() runs while
   * this one is still stepping. */
  sqlite3_stmt *stmt = NULL;
  int           rc;

  if (sqlite3_prepare_v2 (rapport_store_get_handle (e->store),
                          "SELECT m.id, m.uuid, p.uuid, m.date, m.mood, m.notes,"
                          " m.created_at, m.updated_at"
                          " FROM meetings m JOIN people p ON p.id = m.person_id"
                          " WHERE m.deleted = 0"
                          " ORDER BY m.date, m.created_at, m.uuid",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      rapport_store_set_error (e->store, error, _("Could not read the database"));
      return FALSE;
    }
  json_builder_set_member_name (e->builder, "meetings");
  json_builder_begin_array (e->builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (e->builder);
      /* Column 0 is the meeting's id, for its checklist. */
      add_fields (e->builder, stmt, 1, fields, G_N_ELEMENTS (fields));
      if (!export_checklist (e, sqlite3_column_int64 (stmt, 0), error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
      json_builder_end_object (e->builder);
      if (!export_step (e, error))
        break;
    }
  json_builder_end_array (e->builder);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    rapport_store_set_error (e->store, error, _("Could not read the database"));
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

static gboolean
export_commitments (Export  *e,
                    GError **error)
{
  static const Field fields[] = {
    { "uuid", TEXT },
    { "person", TEXT },
    { "meeting", TEXT },
    { "text", TEXT },
    { "owner", TEXT },
    { "due", TEXT },
    { "closed_on", TEXT },
    { "created_at", TEXT },
    { "updated_at", TEXT },
  };

  return export_rows (e, "commitments",
                      rapport_store_prepare (e->store,
                                             "SELECT c.uuid, p.uuid, m.uuid, c.text, c.owner,"
                                             " c.due, c.closed_on, c.created_at, c.updated_at"
                                             " FROM commitments c"
                                             " JOIN people p ON p.id = c.person_id"
                                             " JOIN meetings m ON m.id = c.meeting_id"
                                             " WHERE c.deleted = 0 AND m.deleted = 0"
                                             " ORDER BY c.created_at, c.uuid",
                                             error),
                      fields, G_N_ELEMENTS (fields), error);
}

/* Those discussed in a meeting deleted a moment ago go with it, as its
 * commitments do: the meeting is not in the file for them to refer to. */
static gboolean
export_talking_points (Export  *e,
                       GError **error)
{
  static const Field fields[] = {
    { "uuid", TEXT },
    { "person", TEXT },
    { "text", TEXT },
    { "raised_by", TEXT },
    { "position", INT },
    { "discussed_in", TEXT },
    { "recur_every", INT },
    { "recur_unit", TEXT },
    { "series", TEXT },
    { "next_due", TEXT },
    { "created_at", TEXT },
    { "updated_at", TEXT },
  };

  return export_rows (e, "talking_points",
                      rapport_store_prepare (e->store,
                                             "SELECT t.uuid, p.uuid, t.text, t.raised_by, t.position,"
                                             " m.uuid, t.recur_every, t.recur_unit, t.series, t.next_due,"
                                             " t.created_at, t.updated_at"
                                             " FROM talking_points t"
                                             " JOIN people p ON p.id = t.person_id"
                                             " LEFT JOIN meetings m ON m.id = t.discussed_in"
                                             " WHERE t.deleted = 0 AND coalesce (m.deleted, 0) = 0"
                                             " ORDER BY t.created_at, t.uuid",
                                             error),
                      fields, G_N_ELEMENTS (fields), error);
}

static gboolean
export_missed_meetings (Export  *e,
                        GError **error)
{
  static const Field fields[] = {
    { "uuid", TEXT },
    { "person", TEXT },
    { "date", TEXT },
    { "kind", TEXT },
    { "reason", TEXT },
    { "reason_kind", TEXT },
    { "moved_to", TEXT },
    { "created_at", TEXT },
    { "updated_at", TEXT },
  };

  return export_rows (e, "missed_meetings",
                      rapport_store_prepare (e->store,
                                             "SELECT s.uuid, p.uuid, s.date, s.kind, s.reason, s.reason_kind,"
                                             " s.moved_to, s.created_at, s.updated_at"
                                             " FROM missed_meetings s JOIN people p ON p.id = s.person_id"
                                             " WHERE s.deleted = 0"
                                             " ORDER BY s.date, s.created_at, s.uuid",
                                             error),
                      fields, G_N_ELEMENTS (fields), error);
}

static gboolean
count_rows (RapportStore *store,
            guint        *total,
            GError      **error)
{
  sqlite3_stmt *stmt = rapport_store_prepare (store,
                                              "SELECT (SELECT count(*) FROM habits)"
                                              " + (SELECT count(*) FROM people)"
                                              " + (SELECT count(*) FROM meetings)"
                                              " + (SELECT count(*) FROM checklist)"
                                              " + (SELECT count(*) FROM commitments)"
                                              " + (SELECT count(*) FROM talking_points)"
                                              " + (SELECT count(*) FROM missed_meetings)",
                                              error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      rapport_store_set_error (store, error, _("Could not read the database"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  *total = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

char *
rapport_exchange_export_to_data (RapportStore       *store,
                                 gsize              *length,
                                 GCancellable       *cancellable,
                                 RapportProgressFunc progress,
                                 gpointer            progress_data,
                                 GError            **error)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *now = NULL;
  sqlite3         *db;
  gboolean         own_txn;
  gboolean         ok;
  Export           e = { 0 };
  char            *data;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = rapport_store_get_handle (store);
  if (progress != NULL)
    progress (0.0, progress_data);

  /* One read transaction, so the file is one consistent moment. */
  own_txn = sqlite3_get_autocommit (db);
  if (own_txn && !rapport_store_exec (store, "BEGIN", error))
    return NULL;

  builder = json_builder_new_immutable ();
  e.store = store;
  e.builder = builder;
  e.cancellable = cancellable;
  e.progress = progress;
  e.progress_data = progress_data;

  now = rapport_store_now ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, RAPPORT_EXCHANGE_FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, RAPPORT_EXCHANGE_FORMAT_VERSION);
  json_builder_set_member_name (builder, "exported_at");
  json_builder_add_string_value (builder, now);
  json_builder_set_member_name (builder, "generator");
  json_builder_add_string_value (builder, "Rapport " PACKAGE_VERSION);

  ok = count_rows (store, &e.total, error) &&
       export_habits (&e, error) &&
       export_people (&e, error) &&
       export_meetings (&e, error) &&
       export_commitments (&e, error) &&
       export_talking_points (&e, error) &&
       export_missed_meetings (&e, error);
  json_builder_end_object (builder);

  if (own_txn)
    sqlite3_exec (db, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
  if (!ok)
    return NULL;

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, length);
  if (progress != NULL)
    progress (0.95, progress_data);
  return data;
}

gboolean
rapport_exchange_export_to_file (RapportStore       *store,
                                 const char         *path,
                                 GCancellable       *cancellable,
                                 RapportProgressFunc progress,
                                 gpointer            progress_data,
                                 GError            **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local = NULL;
  gsize length = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = rapport_exchange_export_to_data (store, &length, cancellable,
                                          progress, progress_data, error);
  if (data == NULL)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  /* The notes are private: the file is the owner's only. */
  if (!rapport_file_write_private (path, data, length, &local))
    {
      g_set_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_IO,
                   "%s", local->message);
      return FALSE;
    }
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

/* ------------------------------------------------------------------ *
 * Off the main thread
 * ------------------------------------------------------------------ */

/* Returns the file written. */
static gpointer
export_work (RapportJob   *job,
             GCancellable *cancellable,
             GError      **error)
{
  g_autoptr(RapportStore) store = rapport_store_open_secondary (job->db_path, error);

  if (store == NULL ||
      !rapport_exchange_export_to_file (store, job->file, cancellable,
                                        rapport_progress_relay_report, job->relay, error))
    return NULL;
  return g_strdup (job->file);
}

void
rapport_exchange_export_async (RapportStore       *store,
                               const char         *path,
                               GCancellable       *cancellable,
                               RapportProgressFunc progress,
                               gpointer            progress_data,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (path != NULL);

  rapport_job_run (store, path, 0, cancellable, progress, progress_data,
                   callback, user_data, rapport_exchange_export_async, export_work);
}

gboolean
rapport_exchange_export_finish (RapportStore *store,
                                GAsyncResult *result,
                                GError      **error)
{
  g_autofree char *path = rapport_job_finish (store, result, rapport_exchange_export_async, error);

  return path != NULL;
}

/* Returns a RapportExchangeStats. */
static gpointer
import_work (RapportJob   *job,
             GCancellable *cancellable,
             GError      **error)
{
  g_autoptr(RapportStore) store = rapport_store_open_secondary (job->db_path, error);
  RapportExchangeStats stats = { 0 };

  /* The rows only: the caller fills the search indexes it left waiting
   * (rapport_search_index_pending_async()). */
  if (store == NULL ||
      !rapport_exchange_import_file (store, job->file, FALSE, &stats, cancellable,
                                     rapport_progress_relay_report, job->relay, error))
    return NULL;
  return g_memdup2 (&stats, sizeof stats);
}

void
rapport_exchange_import_async (RapportStore       *store,
                               const char         *path,
                               GCancellable       *cancellable,
                               RapportProgressFunc progress,
                               gpointer            progress_data,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (path != NULL);

  rapport_job_run (store, path, 0, cancellable, progress, progress_data,
                   callback, user_data, rapport_exchange_import_async, import_work);
}

gboolean
rapport_exchange_import_finish (RapportStore         *store,
                                GAsyncResult         *result,
                                RapportExchangeStats *stats,
                                GError              **error)
{
  g_autofree RapportExchangeStats *done = rapport_job_finish (store, result,
                                                              rapport_exchange_import_async, error);

  if (done == NULL)
    return FALSE;
  if (stats != NULL)
    *stats = *done;
  return TRUE;
}
