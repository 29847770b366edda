/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-exchange"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rapport-aggregates.h"
#include "rapport-exchange-private.h"
#include "rapport-search-builder.h"
#include "rapport-search.h"

/* ------------------------------------------------------------------ *
 * Merging a checked file into the database
 * ------------------------------------------------------------------ */

/* The search indexes of migrations 003, 007 and 008, each kept by three
 * triggers on its table. A large import drops the triggers of a table
 * before it first writes to it, and at the end empties the index and
 * leaves a row in search_pending (migration 009) with the triggers' SQL,
 * in the same transaction; once that is committed,
 * rapport_search_index_pending() fills the index in one pass over the
 * text, instead of an index update per row (and a statement journal for
 * each), and creates the triggers again. */
typedef struct
{
  const char *table;
  const char *fts;
  gboolean    looked;   /* for the triggers, in bulk mode */
  char       *triggers; /* their SQL, to create them again; NULL if kept */
} SearchIndex;

enum
{
  FTS_PEOPLE,
  FTS_MEETINGS,
  FTS_CHECKLIST,
  FTS_COMMITMENTS,
  FTS_TALKING_POINTS,
  N_FTS
};

static const SearchIndex search_indexes[N_FTS] = {
  { "people", "people_fts", FALSE, NULL },
  { "meetings", "meetings_fts", FALSE, NULL },
  { "checklist", "checklist_fts", FALSE, NULL },
  { "commitments", "commitments_fts", FALSE, NULL },
  { "talking_points", "talking_points_fts", FALSE, NULL },
};

guint    rapport_exchange_bulk_min_rows = 2000;
gboolean rapport_exchange_defer_search_index = FALSE;
gboolean rapport_exchange_build_search_index = TRUE;

typedef struct
{
  RapportStore         *store;
  RapportExchangeStats *stats;
  GCancellable         *cancellable;
  RapportProgressFunc   progress;
  gpointer              progress_data;
  gsize                 length;     /* of the file, for progress */
  guint                 elements;   /* read so far */
  UuidTable             habits;     /* the file's habit UUID -> database id */
  UuidTable             meetings;   /* the file's meeting UUID -> id and person */
  UuidTable             people;     /* the file's person UUID -> database id */
  GHashTable           *statements; /* SQL (its address) -> the store's statement */
  gboolean              in_transaction;
  /* Tables without a row when the import began: each row of the file is
   * new to them, so there is nothing to look up. */
  gboolean              no_meetings, no_ticks, no_commitments, no_talking_points, no_missed;
  gboolean              bulk;
  SearchIndex           fts[N_FTS];      /* triggers dropped in bulk mode */
  char                **aggregates;      /* the same for the history totals */
  gboolean              indexes_pending; /* left for after the commit */
  /* Bulk mode, for the tables that were empty: their indexes, built
   * meanwhile from the rows written (see rapport-search-builder.c). */
  RapportSearchBuilder *builder;
  gboolean              prebuild[N_FTS];
  gboolean              pragmas_set;
  int                   temp_store; /* the connection's, to set back */
} Merge;

static gboolean
step (gpointer data,
      gsize    offset,
      GError **error)
{
  Merge *m = data;

  if ((++m->elements & 63) == 0)
    {
      if (g_cancellable_set_error_if_cancelled (m->cancellable, error))
        return FALSE;
      if (m->progress != NULL)
        m->progress (0.05 + 0.85 * offset / MAX (m->length, 1), m->progress_data);
    }
  return TRUE;
}

/* rapport_store_prepare() for the statements of each row, found by
 * their SQL's address: the store finds its statements by their text,
 * and hashing the text of two or three statements a row took 0.25 G
 * instructions of the 10.8 G of importing the decade. @sql is a string
 * literal, so that its address names it; the statements are the
 * store's, kept until it is finalized. */
static sqlite3_stmt *
merge_prepare (Merge      *m,
               const char *sql,
               GError    **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (m->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  stmt = rapport_store_prepare (m->store, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (m->statements, (gpointer) sql, stmt);
  return stmt;
}

/* Looks a row up with a statement whose first column is the id, whose
 * second column is updated_at (if @updated is given) and whose third is
 * a number (if @extra is given). Returns FALSE on a database error;
 * *found says whether there was a row. */
static gboolean
lookup (Merge      *m,
        const char *sql,
        const char *text,
        gint64      number,
        gboolean   *found,
        gint64     *id,
        char        updated[32],
        gint64     *extra,
        GError    **error)
{
  sqlite3_stmt *stmt = merge_prepare (m, sql, error);
  int           rc;

  if (stmt == NULL)
    return FALSE;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, number);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *found = TRUE;
      *id = sqlite3_column_int64 (stmt, 0);
      if (updated != NULL)
        g_strlcpy (updated, rapport_store_column_text (stmt, 1), 32);
      if (extra != NULL)
        *extra = sqlite3_column_int64 (stmt, 2);
    }
  else if (rc == SQLITE_DONE)
    *found = FALSE;
  else
    {
      rapport_store_set_error (m->store, error, _("Could not read the database"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

typedef enum
{
  A_PERSON,
  A_HABIT
} Kind;

/* The database id of the row with @uuid that the file refers to at the
 * path @format: written by this import already, or there before. Paths
 * are written out only for an error: formatting two or three for every
 * row took 0.4 G of the 12 G instructions of importing the decade. */
static gboolean resolve (Merge      *m,
                         Kind        kind,
                         const char *uuid,
                         gint64     *id,
                         GError    **error,
                         const char *format,
                         ...) G_GNUC_PRINTF (6, 7);

static gboolean
resolve (Merge      *m,
         Kind        kind,
         const char *uuid,
         gint64     *id,
         GError    **error,
         const char *format,
         ...)
{
  gboolean found = FALSE;
  char     lower[64], path[128];
  guint64  known;
  va_list  args;

  if (kind == A_PERSON && rapport_exchange_uuid_table_get (&m->people, uuid, &known))
    {
      *id = (gint64) known;
      return TRUE;
    }
  if (!lookup (m, kind == A_PERSON ? "SELECT id FROM people WHERE uuid = ?1" : "SELECT id FROM habits WHERE uuid = ?1",
               rapport_exchange_lower_uuid (uuid, lower), 0, &found, id, NULL, NULL, error))
    return FALSE;
  if (found)
    return TRUE;
  va_start (args, format);
  g_vsnprintf (path, sizeof path, format, args);
  va_end (args);
  if (kind == A_PERSON)
    rapport_exchange_invalid (error, path, _("no person with the UUID %s in the file or in the database"), uuid);
  else
    rapport_exchange_invalid (error, path, _("no habit with the UUID %s in the file or in the database"), uuid);
  return FALSE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           column,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, column);
}

typedef enum
{
  KEEP,    /* the database's version is newer */
  INSERT,  /* new to the database */
  REPLACE, /* the file's version is newer */
  TIE,     /* same time: the file's values are written only where they
              * differ, so that a row changed without a new time (a copy
              * of Rapport's built-in habits, say) still round-trips */
} Decision;

static Decision
decide (gboolean    found,
        const char *db_updated,
        const char *file_updated)
{
  int cmp;

  if (!found)
    return INSERT;
  cmp = strcmp (file_updated, db_updated);
  return cmp > 0 ? REPLACE : cmp == 0 ? TIE
                                      : KEEP;
}

static void
count (Merge   *m,
       Decision decision)
{
  switch (decision)
    {
    case INSERT: m->stats->added++; break;
    case REPLACE: m->stats->updated++; break;
    case KEEP: m->stats->unchanged++; break;
    case TIE:
    default:
      if (sqlite3_changes (rapport_store_get_handle (m->store)) > 0)
        m->stats->updated++;
      else
        m->stats->unchanged++;
      break;
    }
}

/* The statement that writes a row of the file as @decision says (not
 * KEEP), with ?1 bound: the database row's id, or the new row's UUID. */
static sqlite3_stmt *
prepare_write (Merge      *m,
               Decision    decision,
               const char *sql,
               gint64      id,
               const char *lower_uuid,
               GError    **error)
{
  sqlite3_stmt *stmt = merge_prepare (m, sql, error);

  if (stmt == NULL)
    return NULL;
  if (decision != INSERT)
    sqlite3_bind_int64 (stmt, 1, id);
  else
    sqlite3_bind_text (stmt, 1, lower_uuid, -1, SQLITE_STATIC);
  return stmt;
}

/* Bulk mode: drops the search triggers of @fts's table, keeping their SQL
 * to create them again. */
static gboolean
drop_search_triggers (Merge   *m,
                      guint    fts,
                      GError **error)
{
  SearchIndex *index = &m->fts[fts];
  g_autoptr(GString) sql = NULL;
  g_autoptr(GString) drop = NULL;
  sqlite3_stmt *stmt;
  guint         n = 0;
  int           rc;

  /* Called before every row a table gets: nothing made until it is the
   * first (two strings made and freed for each of the decade's 142,000
   * rows took 0.15 G instructions). */
  if (index->looked)
    return TRUE;
  index->looked = TRUE;
  sql = g_string_new (NULL);
  drop = g_string_new (NULL);
  stmt = rapport_store_prepare (m->store,
                                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                                " AND tbl_name = ?1 AND name IN (?1 || '_fts_insert',"
                                " ?1 || '_fts_delete', ?1 || '_fts_update') ORDER BY name",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, index->table, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_append_printf (sql, "%s;\n", rapport_store_column_text (stmt, 1));
      g_string_append_printf (drop, "DROP TRIGGER \"%s\";", rapport_store_column_text (stmt, 0));
      n++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (m->store, error, _("Could not read the database"));
      return FALSE;
    }
  /* Not the three triggers this code knows: leave them to do their work. */
  if (n != 3)
    return TRUE;
  if (!rapport_store_exec (m->store, drop->str, error))
    return FALSE;
  index->triggers = g_string_free (g_steal_pointer (&sql), FALSE);
  return TRUE;
}

/* In bulk mode, before the first row a table gets or replaces: the
 * triggers that keep the history totals, and those that keep the table's
 * search index @fts (or -1 for none), are dropped, to be created again at
 * the end, when the totals and the index are computed once. Nothing is
 * dropped by an import that adds or replaces nothing. */
static gboolean
before_write (Merge   *m,
              Decision decision,
              int      fts,
              GError **error)
{
  /* A tie writes only what differs, which is rare: the triggers, where
   * they still are, do that little. Dropping them would cost a rebuild of
   * everything for an import that changes nothing. */
  if (!m->bulk || decision == TIE)
    return TRUE;
  if (m->aggregates == NULL &&
      (m->aggregates = rapport_aggregates_suspend (m->store, error)) == NULL)
    return FALSE;
  return fts < 0 || drop_search_triggers (m, (guint) fts, error);
}

/* Bulk mode, at the end: the index of the @fts-th table as the builder
 * has made it, in place of the store's. *@copied FALSE, having changed
 * nothing, if it could not be: the index is then filled as in step 2.
 * Returns FALSE, with @error set, only if the import's transaction is
 * gone: SQLite rolls all of it back on a full disk, an I/O error or
 * memory running out, and nothing after may be written on its own. */
static gboolean
copy_built_index (Merge    *m,
                  guint     fts,
                  gboolean *copied,
                  GError  **error)
{
  g_autoptr(GError) local = NULL;

  *copied = FALSE;
  /* Waits for the builder the first time; a failed one is given up for
   * every index at once. */
  if (!rapport_search_builder_finish (m->builder, &local))
    {
      g_warning ("%s", local->message);
      memset (m->prebuild, 0, sizeof m->prebuild);
      return TRUE;
    }
  if (rapport_store_begin (m->store, &local))
    {
      if (rapport_search_builder_copy (m->builder, m->store, fts, &local))
        *copied = rapport_store_commit (m->store, &local);
      else
        rapport_store_rollback (m->store);
    }
  if (sqlite3_get_autocommit (rapport_store_get_handle (m->store)))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      if (error != NULL && *error == NULL)
        rapport_store_set_error (m->store, error, _("Could not write to the database"));
      return FALSE;
    }
  if (local != NULL)
    g_warning ("%s", local->message);
  return TRUE;
}

/* After a row of the @fts-th table was written, with @text to be indexed
 * (@indexed FALSE when the index leaves the row out): a new row's text
 * goes to the builder. Any other write to the table means the builder's
 * index would not be the table's. */
static void
index_row (Merge      *m,
           guint       fts,
           Decision    decision,
           gint64      id,
           const char *text,
           gboolean    indexed)
{
  if (!m->prebuild[fts])
    return;
  if (decision != INSERT)
    m->prebuild[fts] = FALSE;
  else if (indexed)
    rapport_search_builder_add (m->builder, fts, id, text);
}

/* Bulk mode, at the end: each search index whose triggers were dropped is
 * copied from the builder or else emptied and marked as waiting to be
 * filled (see SearchIndex), the history totals are computed again, and
 * their triggers come back. */
static gboolean
after_bulk (Merge   *m,
            GError **error)
{
  for (guint i = 0; i < N_FTS; i++)
    {
      SearchIndex     *index = &m->fts[i];
      g_autofree char *empty = NULL;
      sqlite3_stmt    *stmt;
      gboolean         copied = FALSE;

      if (index->triggers == NULL)
        continue;
      if (m->prebuild[i] && !copy_built_index (m, i, &copied, error))
        return FALSE;
      if (copied)
        {
          if (!rapport_store_exec (m->store, index->triggers, error))
            return FALSE;
          g_clear_pointer (&index->triggers, g_free);
          continue;
        }
      empty = g_strdup_printf ("INSERT INTO %1$s (%1$s) VALUES ('delete-all')", index->fts);
      if (!rapport_store_exec (m->store, empty, error))
        return FALSE;
      stmt = rapport_store_prepare (m->store,
                                    "INSERT OR REPLACE INTO search_pending (fts, triggers) VALUES (?1, ?2)",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, index->fts, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, index->triggers, -1, SQLITE_TRANSIENT);
      if (!rapport_store_step_done (m->store, stmt, error))
        return FALSE;
      g_clear_pointer (&index->triggers, g_free);
      m->indexes_pending = TRUE;
    }
  if (m->aggregates != NULL)
    {
      if (!rapport_aggregates_resume (m->store, m->aggregates, error))
        return FALSE;
      g_clear_pointer (&m->aggregates, g_strfreev);
    }
  return TRUE;
}

/* Runs @stmt from prepare_write(); a refused row is reported at the path
 * @format. After an INSERT, *@id (if given) is the new row's id. */
static gboolean write_row (Merge        *m,
                           sqlite3_stmt *stmt,
                           Decision      decision,
                           gint64       *id,
                           GError      **error,
                           const char   *format,
                           ...) G_GNUC_PRINTF (6, 7);

static gboolean
write_row (Merge        *m,
           sqlite3_stmt *stmt,
           Decision      decision,
           gint64       *id,
           GError      **error,
           const char   *format,
           ...)
{
  g_autoptr(GError) local = NULL;

  if (!rapport_store_step_done (m->store, stmt, &local))
    {
      char    path[128];
      va_list args;

      va_start (args, format);
      g_vsnprintf (path, sizeof path, format, args);
      va_end (args);
      rapport_exchange_invalid (error, path, "%s", local->message);
      return FALSE;
    }
  if (decision == INSERT && id != NULL)
    *id = sqlite3_last_insert_rowid (rapport_store_get_handle (m->store));
  count (m, decision);
  return TRUE;
}

#define HABIT_INSERT "INSERT INTO habits (uuid, key, label, hint, kind, position, active," \
                     " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
#define HABIT_UPDATE "UPDATE habits SET key = ?2, label = ?3, hint = ?4, kind = ?5," \
                     " position = ?6, active = ?7, created_at = ?8, updated_at = ?9 WHERE id = ?1"
#define HABIT_DIFFERS " AND NOT (key IS ?2 AND label IS ?3 AND hint IS ?4 AND kind IS ?5" \
                      " AND position IS ?6 AND active IS ?7 AND created_at IS ?8)"

#define PERSON_INSERT "INSERT INTO people (uuid, name, role, cadence_days, archived," \
                      " created_at, updated_at, next_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
#define PERSON_UPDATE "UPDATE people SET name = ?2, role = ?3, cadence_days = ?4," \
                      " archived = ?5, created_at = ?6, updated_at = ?7, next_date = ?8 WHERE id = ?1"
#define PERSON_DIFFERS " AND NOT (name IS ?2 AND role IS ?3 AND cadence_days IS ?4" \
                       " AND archived IS ?5 AND created_at IS ?6 AND next_date IS ?8)"

#define MEETING_INSERT "INSERT INTO meetings (uuid, person_id, date, notes, mood," \
                       " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
#define MEETING_UPDATE "UPDATE meetings SET person_id = ?2, date = ?3, notes = ?4, mood = ?5," \
                       " created_at = ?6, updated_at = ?7 WHERE id = ?1"
#define MEETING_DIFFERS " AND NOT (person_id IS ?2 AND date IS ?3 AND notes IS ?4" \
                        " AND mood IS ?5 AND created_at IS ?6)"

#define TICK_INSERT "INSERT INTO checklist (uuid, meeting_id, habit_id, ticked, evidence," \
                    " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
#define TICK_UPDATE "UPDATE checklist SET meeting_id = ?2, habit_id = ?3, ticked = ?4," \
                    " evidence = ?5, created_at = ?6, updated_at = ?7 WHERE id = ?1"
#define TICK_DIFFERS " AND NOT (meeting_id IS ?2 AND habit_id IS ?3 AND ticked IS ?4" \
                     " AND evidence IS ?5 AND created_at IS ?6)"

#define COMMITMENT_INSERT "INSERT INTO commitments (uuid, person_id, meeting_id, text, owner," \
                          " due, closed_on, created_at, updated_at)"                           \
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
#define COMMITMENT_UPDATE "UPDATE commitments SET person_id = ?2, meeting_id = ?3, text = ?4," \
                          " owner = ?5, due = ?6, closed_on = ?7, created_at = ?8,"            \
                          " updated_at = ?9 WHERE id = ?1"
#define COMMITMENT_DIFFERS " AND NOT (person_id IS ?2 AND meeting_id IS ?3 AND text IS ?4" \
                           " AND owner IS ?5 AND due IS ?6 AND closed_on IS ?7 AND created_at IS ?8)"

#define TALKING_POINT_INSERT "INSERT INTO talking_points (uuid, person_id, text, raised_by, position," \
                             " discussed_in, recur_every, recur_unit, series, next_due, created_at,"   \
                             " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
#define TALKING_POINT_UPDATE "UPDATE talking_points SET person_id = ?2, text = ?3, raised_by = ?4,"  \
                             " position = ?5, discussed_in = ?6, recur_every = ?7, recur_unit = ?8," \
                             " series = ?9, next_due = ?10, created_at = ?11, updated_at = ?12"      \
                             " WHERE id = ?1"
#define TALKING_POINT_DIFFERS " AND NOT (person_id IS ?2 AND text IS ?3 AND raised_by IS ?4"     \
                              " AND position IS ?5 AND discussed_in IS ?6 AND recur_every IS ?7" \
                              " AND recur_unit IS ?8 AND series IS ?9 AND next_due IS ?10"       \
                              " AND created_at IS ?11)"

#define MISSED_INSERT "INSERT INTO missed_meetings (uuid, person_id, date, kind, reason, reason_kind," \
                      " moved_to, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
#define MISSED_UPDATE "UPDATE missed_meetings SET person_id = ?2, date = ?3, kind = ?4, reason = ?5," \
                      " reason_kind = ?6, moved_to = ?7, created_at = ?8, updated_at = ?9 WHERE id = ?1"
#define MISSED_DIFFERS " AND NOT (person_id IS ?2 AND date IS ?3 AND kind IS ?4 AND reason IS ?5" \
                       " AND reason_kind IS ?6 AND moved_to IS ?7 AND created_at IS ?8)"

/* The statement that carries out @decision (not KEEP). */
#define CHOOSE_SQL(decision, PREFIX)                                                \
  ((decision) == INSERT ? PREFIX##_INSERT : (decision) == REPLACE ? PREFIX##_UPDATE \
                                                                  : PREFIX##_UPDATE PREFIX##_DIFFERS)

static gboolean
merge_habit (gpointer        data,
             const HabitRec *r,
             guint           index,
             GError        **error)
{
  Merge        *m = data;
  char          lower[64], updated[32] = "";
  gboolean      found = FALSE;
  gint64        id = 0;
  Decision      decision;
  sqlite3_stmt *stmt;

  if (!lookup (m, "SELECT id, updated_at FROM habits WHERE uuid = ?1",
               rapport_exchange_lower_uuid (r->uuid, lower), 0, &found, &id, updated, NULL, error))
    return FALSE;
  /* Built-in habits are the same habit in every database, whatever UUID
   * a copy of Rapport gave them. */
  if (!found && r->key != NULL &&
      !lookup (m, "SELECT id, updated_at FROM habits WHERE key = ?1",
               r->key, 0, &found, &id, updated, NULL, error))
    return FALSE;

  decision = decide (found, updated, r->updated);
  if (decision == KEEP)
    count (m, decision);
  else
    {
      stmt = prepare_write (m, decision, CHOOSE_SQL (decision, HABIT), id, lower, error);
      if (stmt == NULL)
        return FALSE;
      bind_text_or_null (stmt, 2, r->key);
      sqlite3_bind_text (stmt, 3, r->label, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, r->hint, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, r->kind, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 6, r->position);
      sqlite3_bind_int (stmt, 7, r->active ? 1 : 0);
      sqlite3_bind_text (stmt, 8, r->created, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, r->updated, -1, SQLITE_STATIC);
      if (!write_row (m, stmt, decision, &id, error, "$.habits[%u]", index))
        return FALSE;
    }
  /* Ticks refer to habits by the file's UUID, which a built-in habit
   * matched by key does not have in the database. */
  rapport_exchange_uuid_table_add (&m->habits, r->uuid, (guint64) id, NULL);
  return TRUE;
}

/* The people of the file, for the meetings, commitments, talking points
 * and missed meetings that name them (resolve()). */
static void
remember_person (Merge      *m,
                 const char *uuid,
                 gint64      id)
{
  if (id > 0)
    rapport_exchange_uuid_table_add (&m->people, uuid, (guint64) id, NULL);
}

static gboolean
merge_person (gpointer         data,
              const PersonRec *r,
              guint            index,
              GError         **error)
{
  Merge        *m = data;
  char          lower[64], updated[32] = "";
  gboolean      found = FALSE;
  gint64        id = 0;
  Decision      decision;
  sqlite3_stmt *stmt;

  if (!lookup (m, "SELECT id, updated_at FROM people WHERE uuid = ?1",
               rapport_exchange_lower_uuid (r->uuid, lower), 0, &found, &id, updated, NULL, error))
    return FALSE;
  decision = decide (found, updated, r->updated);
  if (decision == KEEP)
    {
      count (m, decision);
      remember_person (m, r->uuid, id);
      return TRUE;
    }
  if (!before_write (m, decision, FTS_PEOPLE, error))
    return FALSE;
  stmt = prepare_write (m, decision, CHOOSE_SQL (decision, PERSON), id, lower, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 2, r->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, r->role, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, r->cadence);
  sqlite3_bind_int (stmt, 5, r->archived ? 1 : 0);
  sqlite3_bind_text (stmt, 6, r->created, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, r->updated, -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 8, r->next_date);
  if (!write_row (m, stmt, decision, &id, error, "$.people[%u]", index))
    return FALSE;
  index_row (m, FTS_PEOPLE, decision, id, r->name, TRUE);
  remember_person (m, r->uuid, id);
  return TRUE;
}

static gboolean
merge_tick (Merge         *m,
            const TickRec *r,
            guint          meeting_index,
            gint64         meeting_id,
            gboolean       new_meeting,
            GError       **error)
{
  char          lower[64], updated[32] = "";
  gboolean      found = FALSE;
  Decision      decision;
  gint64        id = 0, habit = 0;
  guint64       known;
  sqlite3_stmt *stmt;

  if (rapport_exchange_uuid_table_get (&m->habits, r->habit, &known))
    habit = (gint64) known;
  else if (!resolve (m, A_HABIT, r->habit, &habit, error,
                     "$.meetings[%u].checklist[%u].habit", meeting_index, r->index))
    return FALSE;
  rapport_exchange_lower_uuid (r->uuid, lower);
  if (!m->no_ticks &&
      !lookup (m, "SELECT id, updated_at FROM checklist WHERE uuid = ?1",
               lower, 0, &found, &id, updated, NULL, error))
    return FALSE;
  if (!found && !new_meeting && !m->no_ticks)
    {
      /* The same habit on the same meeting is the same row. */
      stmt = merge_prepare (m,
                            "SELECT id, updated_at FROM checklist"
                            " WHERE meeting_id = ?1 AND habit_id = ?2",
                            error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, meeting_id);
      sqlite3_bind_int64 (stmt, 2, habit);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          found = TRUE;
          id = sqlite3_column_int64 (stmt, 0);
          g_strlcpy (updated, rapport_store_column_text (stmt, 1), sizeof updated);
        }
      sqlite3_reset (stmt);
    }
  decision = decide (found, updated, r->updated);
  if (decision == KEEP)
    {
      count (m, decision);
      return TRUE;
    }
  if (!before_write (m, decision, FTS_CHECKLIST, error))
    return FALSE;
  stmt = prepare_write (m, decision, CHOOSE_SQL (decision, TICK), id, lower, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 2, meeting_id);
  sqlite3_bind_int64 (stmt, 3, habit);
  sqlite3_bind_int (stmt, 4, r->ticked ? 1 : 0);
  sqlite3_bind_text (stmt, 5, r->evidence, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, r->created, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, r->updated, -1, SQLITE_STATIC);
  if (!write_row (m, stmt, decision, &id, error,
                  "$.meetings[%u].checklist[%u]", meeting_index, r->index))
    return FALSE;
  index_row (m, FTS_CHECKLIST, decision, id, r->evidence, r->evidence != NULL && r->evidence[0] != '\0');
  return TRUE;
}

/* The meetings of the file, as this import left them, for the
 * commitments and talking points that name them: looking each up in the
 * database read its row back from the WAL (a pread for most of the
 * decade's 20,186 commitments, their meetings' pages having left the
 * page cache). Both ids in 31 bits each, or not kept. */
#define ID_BITS 31
#define ID_MAX ((G_GINT64_CONSTANT (1) << ID_BITS) - 1)

static void
remember_meeting (Merge      *m,
                  const char *uuid,
                  gint64      id,
                  gint64      person)
{
  if (id > 0 && id <= ID_MAX && person > 0 && person <= ID_MAX)
    rapport_exchange_uuid_table_add (&m->meetings, uuid, (guint64) id << ID_BITS | (guint64) person, NULL);
}

static gboolean
find_meeting (Merge      *m,
              const char *uuid,
              gboolean   *found,
              gint64     *id,
              gint64     *person,
              GError    **error)
{
  char    lower[64];
  guint64 known;

  if (rapport_exchange_uuid_table_get (&m->meetings, uuid, &known))
    {
      *found = TRUE;
      *id = (gint64) (known >> ID_BITS);
      *person = (gint64) (known & ID_MAX);
      return TRUE;
    }
  return lookup (m, "SELECT id, NULL, person_id FROM meetings WHERE uuid = ?1",
                 rapport_exchange_lower_uuid (uuid, lower), 0, found, id, NULL, person, error);
}

static gboolean
merge_meeting (gpointer          data,
               const MeetingRec *r,
               const TickRec    *ticks,
               guint             n_ticks,
               guint             index,
               GError          **error)
{
  Merge        *m = data;
  char          path[64], lower[64], updated[32] = "";
  gboolean      found = FALSE;
  Decision      decision;
  gint64        id = 0, person = 0, old_person = 0;
  sqlite3_stmt *stmt;

  if (!resolve (m, A_PERSON, r->person, &person, error, "$.meetings[%u].person", index))
    return FALSE;
  rapport_exchange_lower_uuid (r->uuid, lower);
  if (!m->no_meetings &&
      !lookup (m, "SELECT id, updated_at, person_id FROM meetings WHERE uuid = ?1",
               lower, 0, &found, &id, updated, &old_person, error))
    return FALSE;
  decision = decide (found, updated, r->updated);
  if (decision == KEEP)
    count (m, decision);
  else
    {
      if (!before_write (m, decision, FTS_MEETINGS, error))
        return FALSE;
      stmt = prepare_write (m, decision, CHOOSE_SQL (decision, MEETING), id, lower, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 2, person);
      sqlite3_bind_text (stmt, 3, r->date, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, r->notes, -1, SQLITE_STATIC);
      if (r->mood > 0)
        sqlite3_bind_int64 (stmt, 5, r->mood);
      else
        sqlite3_bind_null (stmt, 5);
      sqlite3_bind_text (stmt, 6, r->created, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, r->updated, -1, SQLITE_STATIC);
      if (!write_row (m, stmt, decision, &id, error, "$.meetings[%u]", index))
        return FALSE;
      index_row (m, FTS_MEETINGS, decision, id, r->notes, TRUE);

      /* The meeting now belongs to another person: what was promised in
       * it goes along, or the database would hold commitments whose
       * person is not their meeting's, and its own export would be
       * refused. */
      if (found && old_person != person)
        {
          g_autoptr(GError) local = NULL;

          g_snprintf (path, sizeof path, "$.meetings[%u]", index);

          stmt = rapport_store_prepare (m->store,
                                        "UPDATE commitments SET person_id = ?2"
                                        " WHERE meeting_id = ?1 AND person_id <> ?2",
                                        error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int64 (stmt, 2, person);
          if (!rapport_store_step_done (m->store, stmt, &local))
            {
              rapport_exchange_invalid (error, path, "%s", local->message);
              return FALSE;
            }
          /* And what was discussed in it, for the same reason. */
          stmt = rapport_store_prepare (m->store,
                                        "UPDATE talking_points SET person_id = ?2"
                                        " WHERE discussed_in = ?1 AND person_id <> ?2",
                                        error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int64 (stmt, 2, person);
          if (!rapport_store_step_done (m->store, stmt, &local))
            {
              rapport_exchange_invalid (error, path, "%s", local->message);
              return FALSE;
            }
        }
    }

  remember_meeting (m, r->uuid, id, decision == KEEP ? old_person : person);
  for (guint i = 0; i < n_ticks; i++)
    if (!merge_tick (m, &ticks[i], index, id, !found, error))
      return FALSE;
  return TRUE;
}

static gboolean
merge_commitment (gpointer             data,
                  const CommitmentRec *r,
                  guint                index,
                  GError             **error)
{
  Merge        *m = data;
  char          path[64], lower[64], updated[32] = "";
  gboolean      found = FALSE;
  gint64        id = 0, person = 0, meeting = 0, meeting_person = 0;
  Decision      decision;
  sqlite3_stmt *stmt;

  if (!resolve (m, A_PERSON, r->person, &person, error, "$.commitments[%u].person", index))
    return FALSE;
  if (!find_meeting (m, r->meeting, &found, &meeting, &meeting_person, error))
    return FALSE;
  if (!found || meeting_person != person)
    g_snprintf (path, sizeof path, "$.commitments[%u].meeting", index);
  if (!found)
    {
      rapport_exchange_invalid (error, path, _("no meeting with the UUID %s in the file or in the database"),
                                r->meeting);
      return FALSE;
    }
  if (meeting_person != person)
    {
      rapport_exchange_invalid (error, path, _("the meeting is with another person"));
      return FALSE;
    }

  rapport_exchange_lower_uuid (r->uuid, lower);
  found = FALSE;
  if (!m->no_commitments &&
      !lookup (m, "SELECT id, updated_at FROM commitments WHERE uuid = ?1",
               lower, 0, &found, &id, updated, NULL, error))
    return FALSE;
  decision = decide (found, updated, r->updated);
  if (decision == KEEP)
    {
      count (m, decision);
      return TRUE;
    }
  if (!before_write (m, decision, FTS_COMMITMENTS, error))
    return FALSE;
  stmt = prepare_write (m, decision, CHOOSE_SQL (decision, COMMITMENT), id, lower, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 2, person);
  sqlite3_bind_int64 (stmt, 3, meeting);
  sqlite3_bind_text (stmt, 4, r->text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, r->owner, -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 6, r->due);
  bind_text_or_null (stmt, 7, r->closed);
  sqlite3_bind_text (stmt, 8, r->created, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, r->updated, -1, SQLITE_STATIC);
  if (!write_row (m, stmt, decision, &id, error, "$.commitments[%u]", index))
    return FALSE;
  index_row (m, FTS_COMMITMENTS, decision, id, r->text, TRUE);
  return TRUE;
}

static gboolean
merge_talking_point (gpointer               data,
                     const TalkingPointRec *r,
                     guint                  index,
                     GError               **error)
{
  Merge        *m = data;
  char          path[64], lower[64], series[64], updated[32] = "";
  gboolean      found = FALSE;
  gint64        id = 0, person = 0, meeting = 0, meeting_person = 0;
  Decision      decision;
  sqlite3_stmt *stmt;

  if (!resolve (m, A_PERSON, r->person, &person, error, "$.talking_points[%u].person", index))
    return FALSE;
  if (r->discussed_in != NULL)
    {
      g_snprintf (path, sizeof path, "$.talking_points[%u].discussed_in", index);
      if (!find_meeting (m, r->discussed_in, &found, &meeting, &meeting_person, error))
        return FALSE;
      if (!found)
        {
          rapport_exchange_invalid (error, path, _("no meeting with the UUID %s in the file or in the database"),
                                    r->discussed_in);
          return FALSE;
        }
      if (meeting_person != person)
        {
          rapport_exchange_invalid (error, path, _("the meeting is with another person"));
          return FALSE;
        }
    }

  rapport_exchange_lower_uuid (r->uuid, lower);
  found = FALSE;
  if (!m->no_talking_points &&
      !lookup (m, "SELECT id, updated_at FROM talking_points WHERE uuid = ?1",
               lower, 0, &found, &id, updated, NULL, error))
    return FALSE;
  decision = decide (found, updated, r->updated);
  if (decision == KEEP)
    {
      count (m, decision);
      return TRUE;
    }
  if (!before_write (m, decision, FTS_TALKING_POINTS, error))
    return FALSE;
  stmt = prepare_write (m, decision, CHOOSE_SQL (decision, TALKING_POINT), id, lower, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 2, person);
  sqlite3_bind_text (stmt, 3, r->text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, r->raised_by, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, r->position);
  if (meeting != 0)
    sqlite3_bind_int64 (stmt, 6, meeting);
  else
    sqlite3_bind_null (stmt, 6);
  if (r->recur_unit != NULL)
    sqlite3_bind_int64 (stmt, 7, r->recur_every);
  else
    sqlite3_bind_null (stmt, 7);
  bind_text_or_null (stmt, 8, r->recur_unit);
  bind_text_or_null (stmt, 9, r->series != NULL ? rapport_exchange_lower_uuid (r->series, series) : NULL);
  bind_text_or_null (stmt, 10, r->next_due);
  sqlite3_bind_text (stmt, 11, r->created, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, r->updated, -1, SQLITE_STATIC);
  if (!write_row (m, stmt, decision, &id, error, "$.talking_points[%u]", index))
    return FALSE;
  index_row (m, FTS_TALKING_POINTS, decision, id, r->text, TRUE);
  return TRUE;
}

static gboolean
merge_missed_meeting (gpointer                data,
                      const MissedMeetingRec *r,
                      guint                   index,
                      GError                **error)
{
  Merge        *m = data;
  char          lower[64], updated[32] = "";
  gboolean      found = FALSE;
  gint64        id = 0, person = 0;
  Decision      decision;
  sqlite3_stmt *stmt;

  if (!resolve (m, A_PERSON, r->person, &person, error, "$.missed_meetings[%u].person", index))
    return FALSE;
  rapport_exchange_lower_uuid (r->uuid, lower);
  if (!m->no_missed &&
      !lookup (m, "SELECT id, updated_at FROM missed_meetings WHERE uuid = ?1",
               lower, 0, &found, &id, updated, NULL, error))
    return FALSE;
  decision = decide (found, updated, r->updated);
  if (decision == KEEP)
    {
      count (m, decision);
      return TRUE;
    }
  if (!before_write (m, decision, -1, error))
    return FALSE;
  stmt = prepare_write (m, decision, CHOOSE_SQL (decision, MISSED), id, lower, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 2, person);
  sqlite3_bind_text (stmt, 3, r->date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, r->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, r->reason, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, r->reason_kind, -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 7, r->moved_to);
  sqlite3_bind_text (stmt, 8, r->created, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, r->updated, -1, SQLITE_STATIC);
  return write_row (m, stmt, decision, NULL, error, "$.missed_meetings[%u]", index);
}

/* A PRAGMA's number. */
static int
pragma_int (RapportStore *store,
            const char   *sql,
            int           fallback)
{
  sqlite3_stmt *stmt = rapport_store_prepare (store, sql, NULL);
  int           value = fallback;

  if (stmt == NULL)
    return fallback;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

/* How many rows the tables have, for merge_begin(). */
static gboolean
count_rows (Merge   *m,
            gint64  *people,
            gint64  *meetings,
            gint64  *ticks,
            gint64  *commitments,
            gint64  *talking_points,
            gint64  *missed,
            GError **error)
{
  sqlite3_stmt *stmt = rapport_store_prepare (m->store,
                                              "SELECT (SELECT count(*) FROM people),"
                                              " (SELECT count(*) FROM meetings),"
                                              " (SELECT count(*) FROM checklist),"
                                              " (SELECT count(*) FROM commitments),"
                                              " (SELECT count(*) FROM talking_points),"
                                              " (SELECT count(*) FROM missed_meetings)",
                                              error);
  int           rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *people = sqlite3_column_int64 (stmt, 0);
      *meetings = sqlite3_column_int64 (stmt, 1);
      *ticks = sqlite3_column_int64 (stmt, 2);
      *commitments = sqlite3_column_int64 (stmt, 3);
      *talking_points = sqlite3_column_int64 (stmt, 4);
      *missed = sqlite3_column_int64 (stmt, 5);
    }
  else
    rapport_store_set_error (m->store, error, _("Could not read the database"));
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

/* After the header is checked and before the first record: one
 * transaction for the whole file. */
static gboolean
merge_begin (gpointer       data,
             const Outline *outline,
             GError       **error)
{
  Merge   *m = data;
  gint64   people = 0, meetings = 0, ticks = 0, commitments = 0, talking_points = 0, missed = 0;
  guint    file_rows = 0;
  gboolean wanted;

  for (guint i = 0; i < N_LISTS; i++)
    file_rows += outline->lists[i].count;

  /* Each statement that fires triggers keeps a statement journal; in
   * memory rather than in a temporary file. The page cache stays the
   * store's own: a larger one costs more memory and, measured on the
   * decade data set, more time too. */
  m->temp_store = pragma_int (m->store, "PRAGMA temp_store", 0);
  m->pragmas_set = TRUE;
  rapport_store_exec (m->store, "PRAGMA temp_store = MEMORY", NULL);

  if (!rapport_store_begin (m->store, error))
    return FALSE;
  m->in_transaction = TRUE;
  if (!count_rows (m, &people, &meetings, &ticks, &commitments, &talking_points, &missed, error))
    return FALSE;
  m->no_meetings = meetings == 0;
  m->no_ticks = ticks == 0;
  m->no_commitments = commitments == 0;
  m->no_talking_points = talking_points == 0;
  m->no_missed = missed == 0;
  /* Filling an index or the totals again costs for every row there is;
   * keeping them row by row costs about 2.7 times as much for each row
   * written (measured on the decade data set: 11.5 s of CPU against 6.3
   * for all of it into an empty database). */
  m->bulk = file_rows >= rapport_exchange_bulk_min_rows &&
            (gint64) file_rows * 2 >= people + meetings + commitments;

  /* The indexes of tables with no row yet are built meanwhile. */
  m->prebuild[FTS_PEOPLE] = people == 0;
  m->prebuild[FTS_MEETINGS] = meetings == 0;
  m->prebuild[FTS_CHECKLIST] = ticks == 0;
  m->prebuild[FTS_COMMITMENTS] = commitments == 0;
  m->prebuild[FTS_TALKING_POINTS] = talking_points == 0;
  wanted = FALSE;
  for (guint i = 0; i < N_FTS; i++)
    wanted |= m->prebuild[i];
  if (m->bulk && wanted && rapport_exchange_build_search_index)
    {
      const char *tables[N_FTS + 1] = { NULL };
      g_autoptr(GError) local = NULL;

      for (guint i = 0; i < N_FTS; i++)
        tables[i] = m->fts[i].fts;
      m->builder = rapport_search_builder_new (m->store, tables, &local);
      if (m->builder == NULL)
        g_warning ("%s", local->message);
    }
  if (m->builder == NULL)
    memset (m->prebuild, 0, sizeof m->prebuild);
  return TRUE;
}

/* The import; @fill_indexes: also step 2, filling the search indexes a
 * large import left waiting (see SearchIndex). */
static gboolean
import_data (RapportStore         *store,
             const char           *data,
             gsize                 length,
             gboolean              fill_indexes,
             RapportExchangeStats *stats,
             GCancellable         *cancellable,
             RapportProgressFunc   progress,
             gpointer              progress_data,
             GError              **error)
{
  static const RecordSink sink = {
    merge_begin,
    merge_habit,
    merge_person,
    merge_meeting,
    merge_commitment,
    merge_talking_point,
    merge_missed_meeting,
    step,
  };
  RapportExchangeStats local_stats = { 0 };
  Merge                m = { 0 };
  gboolean             ok = FALSE;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (progress != NULL)
    progress (0.0, progress_data);

  m.store = store;
  m.stats = &local_stats;
  m.cancellable = cancellable;
  m.progress = progress;
  m.progress_data = progress_data;
  m.length = length;
  memcpy (m.fts, search_indexes, sizeof m.fts);
  rapport_exchange_uuid_table_init (&m.habits);
  rapport_exchange_uuid_table_init (&m.meetings);
  rapport_exchange_uuid_table_init (&m.people);
  m.statements = g_hash_table_new (NULL, NULL);

  if (!rapport_exchange_document_read (data != NULL ? data : "", length, &sink, &m, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;
  if (progress != NULL)
    progress (0.9, progress_data);
  if (!after_bulk (&m, error) ||
      !rapport_store_commit (store, error))
    goto out;
  m.in_transaction = FALSE;

  /* The rows are in: the import has succeeded whatever happens to the
   * index now. An index that could not be filled (or not now, inside a
   * caller's transaction) stays waiting, search says so, and the next
   * opening of the database fills it. */
  if (m.indexes_pending && fill_indexes && rapport_store_get_transaction_depth (store) == 0)
    {
      g_autoptr(GError) local = NULL;

      if (!rapport_search_index_pending (store, &local))
        g_warning ("%s", local->message);
    }

  if (stats != NULL)
    *stats = local_stats;
  if (progress != NULL)
    progress (1.0, progress_data);
  ok = TRUE;

out:
  if (m.in_transaction)
    rapport_store_rollback (store);
  if (m.pragmas_set)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA temp_store = %d", m.temp_store);
      rapport_store_exec (store, pragma, NULL);
    }
  for (guint i = 0; i < N_FTS; i++)
    g_free (m.fts[i].triggers);
  g_strfreev (m.aggregates);
  g_clear_pointer (&m.builder, rapport_search_builder_free);
  rapport_exchange_uuid_table_clear (&m.habits);
  rapport_exchange_uuid_table_clear (&m.meetings);
  rapport_exchange_uuid_table_clear (&m.people);
  g_hash_table_unref (m.statements);
  return ok;
}

/* The file at @path, mapped into memory: only a regular file, so that a
 * device (/dev/zero) is not read until memory runs out and a FIFO does
 * not block, and only up to the size limit. */
static GMappedFile *
map_file (const char *path,
          GError    **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr(GError) local = NULL;
  GMappedFile *mapped;
  struct stat  st;
  int          fd;

  /* O_NONBLOCK: opening a FIFO for reading would wait for a writer. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_IO,
                   _("Could not open “%s”: %s"), name, g_strerror (saved));
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_IO,
                   _("Could not read “%s”: %s"), name, g_strerror (saved));
      close (fd);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      const char *what = S_ISDIR (st.st_mode)    ? _("a folder")
                         : S_ISFIFO (st.st_mode) ? _("a pipe (FIFO)")
                         : S_ISCHR (st.st_mode)  ? _("a character device")
                         : S_ISBLK (st.st_mode)  ? _("a block device")
                         : S_ISSOCK (st.st_mode) ? _("a socket")
                                                 : _("not a regular file");
      g_set_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_IO,
                   _("“%s” is %s, not an export file"), name, what);
      close (fd);
      return NULL;
    }
  if (st.st_size > RAPPORT_EXCHANGE_MAX_FILE_BYTES)
    {
      g_set_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_INVALID,
                   _("“%s” is too large to be a Rapport export (more than %d MiB)"),
                   name, RAPPORT_EXCHANGE_MAX_FILE_BYTES / (1024 * 1024));
      close (fd);
      return NULL;
    }
  mapped = g_mapped_file_new_from_fd (fd, FALSE, &local);
  close (fd);
  if (mapped == NULL)
    {
      g_set_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_IO,
                   _("Could not read “%s”: %s"), name, local->message);
      return NULL;
    }
  return mapped;
}

gboolean
rapport_exchange_import_from_data (RapportStore         *store,
                                   const char           *data,
                                   gsize                 length,
                                   RapportExchangeStats *stats,
                                   GCancellable         *cancellable,
                                   RapportProgressFunc   progress,
                                   gpointer              progress_data,
                                   GError              **error)
{
  return import_data (store, data, length, !rapport_exchange_defer_search_index, stats,
                      cancellable, progress, progress_data, error);
}

gboolean
rapport_exchange_import_file (RapportStore         *store,
                              const char           *path,
                              gboolean              fill_indexes,
                              RapportExchangeStats *stats,
                              GCancellable         *cancellable,
                              RapportProgressFunc   progress,
                              gpointer              progress_data,
                              GError              **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  const char *data;
  gsize       length;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((mapped = map_file (path, error)) == NULL)
    return FALSE;
  /* An empty file maps to no memory at all. */
  length = g_mapped_file_get_length (mapped);
  data = length > 0 ? g_mapped_file_get_contents (mapped) : "";
  if (!import_data (store, data, length, fill_indexes, stats, cancellable,
                    progress, progress_data, error))
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_prefix_error (error, "%s: ", name);
      return FALSE;
    }
  return TRUE;
}

gboolean
rapport_exchange_import_from_file (RapportStore         *store,
                                   const char           *path,
                                   RapportExchangeStats *stats,
                                   GCancellable         *cancellable,
                                   RapportProgressFunc   progress,
                                   gpointer              progress_data,
                                   GError              **error)
{
  return rapport_exchange_import_file (store, path, !rapport_exchange_defer_search_index, stats,
                                       cancellable, progress, progress_data, error);
}
