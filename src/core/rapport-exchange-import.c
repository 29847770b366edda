/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-exchange-private.h"

/* ------------------------------------------------------------------ *
 * Merging a checked file into the database
 * ------------------------------------------------------------------ */

typedef struct
{
  RapportStore         *store;
  RapportExchangeStats *stats;
  GCancellable         *cancellable;
  RapportProgressFunc   progress;
  gpointer              progress_data;
  guint                 done, total;
  /* file UUID -> database id, for the rows of the file */
  GHashTable           *people, *habits, *meetings;
  /* by index in the file: the meeting was not in the database before */
  GArray               *new_meetings;
} Merge;

static void
remember (GHashTable *map,
          const char *uuid,
          gint64      id)
{
  g_hash_table_insert (map, (char *) uuid, g_memdup2 (&id, sizeof id));
}

static gboolean
step (Merge    *m,
      GError  **error)
{
  m->done++;
  if ((m->done & 255) == 0)
    {
      if (g_cancellable_set_error_if_cancelled (m->cancellable, error))
        return FALSE;
      if (m->progress != NULL)
        m->progress (0.3 + 0.7 * m->done / MAX (m->total, 1), m->progress_data);
    }
  return TRUE;
}

/* Looks a row up with a statement whose first column is the id and whose
 * optional second column is updated_at. Returns FALSE on a database error;
 * *found says whether there was a row. */
static gboolean
lookup (Merge        *m,
        const char   *sql,
        const char   *text,
        gint64        number,
        gboolean     *found,
        gint64       *id,
        char          updated[32],
        GError      **error)
{
  sqlite3_stmt *stmt = rapport_store_prepare (m->store, sql, error);
  int rc;

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

/* The database id of a row the file refers to: one of the file's own
 * rows, or else one the database already had. */
static gboolean
resolve (Merge       *m,
         GHashTable  *map,
         const char  *sql,
         const char  *uuid,
         const char  *path,
         const char  *what,
         gint64      *id,
         GError     **error)
{
  gint64 *known = g_hash_table_lookup (map, uuid);
  gboolean found = FALSE;
  char lower[64];

  if (known != NULL)
    {
      *id = *known;
      return TRUE;
    }
  if (!lookup (m, sql, rapport_exchange_lower_uuid (uuid, lower), 0, &found, id, NULL, error))
    return FALSE;
  if (!found)
    {
      if (g_str_equal (what, "person"))
        rapport_exchange_invalid (error, path, _("no person with the UUID %s in the file or in the database"), uuid);
      else if (g_str_equal (what, "meeting"))
        rapport_exchange_invalid (error, path, _("no meeting with the UUID %s in the file or in the database"), uuid);
      else
        rapport_exchange_invalid (error, path, _("no habit with the UUID %s in the file or in the database"), uuid);
      return FALSE;
    }
  return TRUE;
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
  KEEP,      /* the database's version is newer */
  INSERT,    /* new to the database */
  REPLACE,   /* the file's version is newer */
  TIE,       /* same time: the file's values are written only where they
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
  return cmp > 0 ? REPLACE : cmp == 0 ? TIE : KEEP;
}

static void
count (Merge    *m,
       Decision  decision)
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
prepare_write (Merge        *m,
               Decision      decision,
               const char   *sql,
               gint64        id,
               const char   *lower_uuid,
               GError      **error)
{
  sqlite3_stmt *stmt = rapport_store_prepare (m->store, sql, error);

  if (stmt == NULL)
    return NULL;
  if (decision != INSERT)
    sqlite3_bind_int64 (stmt, 1, id);
  else
    sqlite3_bind_text (stmt, 1, lower_uuid, -1, SQLITE_STATIC);
  return stmt;
}

/* Runs @stmt from prepare_write(); a refused row is reported at @path.
 * After an INSERT, *@id (if given) is the new row's id. */
static gboolean
write_row (Merge        *m,
           sqlite3_stmt *stmt,
           Decision      decision,
           const char   *path,
           gint64       *id,
           GError      **error)
{
  g_autoptr(GError) local = NULL;

  if (!rapport_store_step_done (m->store, stmt, &local))
    {
      rapport_exchange_invalid (error, path, "%s", local->message);
      return FALSE;
    }
  if (decision == INSERT && id != NULL)
    *id = sqlite3_last_insert_rowid (rapport_store_get_handle (m->store));
  return TRUE;
}

/* Counts a row of the file as merged, remembers its database id in @map
 * (if given) and reports progress. */
static gboolean
row_done (Merge       *m,
          Decision     decision,
          GHashTable  *map,
          const char  *uuid,
          gint64       id,
          GError     **error)
{
  count (m, decision);
  if (map != NULL)
    remember (map, uuid, id);
  return step (m, error);
}

#define HABIT_INSERT "INSERT INTO habits (uuid, key, label, hint, kind, position, active," \
                     " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
#define HABIT_UPDATE "UPDATE habits SET key = ?2, label = ?3, hint = ?4, kind = ?5," \
                     " position = ?6, active = ?7, created_at = ?8, updated_at = ?9 WHERE id = ?1"
#define HABIT_DIFFERS " AND NOT (key IS ?2 AND label IS ?3 AND hint IS ?4 AND kind IS ?5" \
                      " AND position IS ?6 AND active IS ?7 AND created_at IS ?8)"

#define PERSON_INSERT "INSERT INTO people (uuid, name, role, cadence_days, archived," \
                      " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
#define PERSON_UPDATE "UPDATE people SET name = ?2, role = ?3, cadence_days = ?4," \
                      " archived = ?5, created_at = ?6, updated_at = ?7 WHERE id = ?1"
#define PERSON_DIFFERS " AND NOT (name IS ?2 AND role IS ?3 AND cadence_days IS ?4" \
                       " AND archived IS ?5 AND created_at IS ?6)"

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
                          " due, closed_on, created_at, updated_at)" \
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
#define COMMITMENT_UPDATE "UPDATE commitments SET person_id = ?2, meeting_id = ?3, text = ?4," \
                          " owner = ?5, due = ?6, closed_on = ?7, created_at = ?8," \
                          " updated_at = ?9 WHERE id = ?1"
#define COMMITMENT_DIFFERS " AND NOT (person_id IS ?2 AND meeting_id IS ?3 AND text IS ?4" \
                           " AND owner IS ?5 AND due IS ?6 AND closed_on IS ?7 AND created_at IS ?8)"

/* The statement that carries out @decision (not KEEP). */
#define CHOOSE_SQL(decision, PREFIX) \
  ((decision) == INSERT ? PREFIX##_INSERT : \
   (decision) == REPLACE ? PREFIX##_UPDATE : PREFIX##_UPDATE PREFIX##_DIFFERS)

static gboolean
merge_habits (Merge     *m,
              Document  *doc,
              GError   **error)
{
  char path[64], lower[64], updated[32];

  for (guint i = 0; i < doc->habits->len; i++)
    {
      HabitRec *r = &g_array_index (doc->habits, HabitRec, i);
      gboolean found = FALSE;
      gint64 id = 0;
      Decision decision;
      sqlite3_stmt *stmt;

      g_snprintf (path, sizeof path, "$.habits[%u]", i);
      if (!lookup (m, "SELECT id, updated_at FROM habits WHERE uuid = ?1",
                   rapport_exchange_lower_uuid (r->uuid, lower), 0, &found, &id, updated, error))
        return FALSE;
      /* Built-in habits are the same habit in every database, whatever
       * UUID a copy of Rapport gave them. */
      if (!found && r->key != NULL &&
          !lookup (m, "SELECT id, updated_at FROM habits WHERE key = ?1",
                   r->key, 0, &found, &id, updated, error))
        return FALSE;

      decision = decide (found, updated, r->updated);
      if (decision != KEEP)
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
          if (!write_row (m, stmt, decision, path, &id, error))
            return FALSE;
        }
      if (!row_done (m, decision, m->habits, r->uuid, id, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
merge_people (Merge     *m,
              Document  *doc,
              GError   **error)
{
  char path[64], lower[64], updated[32];

  for (guint i = 0; i < doc->people->len; i++)
    {
      PersonRec *r = &g_array_index (doc->people, PersonRec, i);
      gboolean found = FALSE;
      gint64 id = 0;
      Decision decision;
      sqlite3_stmt *stmt;

      g_snprintf (path, sizeof path, "$.people[%u]", i);
      if (!lookup (m, "SELECT id, updated_at FROM people WHERE uuid = ?1",
                   rapport_exchange_lower_uuid (r->uuid, lower), 0, &found, &id, updated, error))
        return FALSE;
      decision = decide (found, updated, r->updated);
      if (decision != KEEP)
        {
          stmt = prepare_write (m, decision, CHOOSE_SQL (decision, PERSON), id, lower, error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 2, r->name, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, r->role, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 4, r->cadence);
          sqlite3_bind_int (stmt, 5, r->archived ? 1 : 0);
          sqlite3_bind_text (stmt, 6, r->created, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 7, r->updated, -1, SQLITE_STATIC);
          if (!write_row (m, stmt, decision, path, &id, error))
            return FALSE;
        }
      if (!row_done (m, decision, m->people, r->uuid, id, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
merge_meetings (Merge     *m,
                Document  *doc,
                GError   **error)
{
  char path[64], lower[64], updated[32];

  for (guint i = 0; i < doc->meetings->len; i++)
    {
      MeetingRec *r = &g_array_index (doc->meetings, MeetingRec, i);
      gboolean found = FALSE, is_new;
      Decision decision;
      gint64 id = 0, person = 0;
      sqlite3_stmt *stmt;

      g_snprintf (path, sizeof path, "$.meetings[%u].person", i);
      if (!resolve (m, m->people, "SELECT id FROM people WHERE uuid = ?1",
                    r->person, path, "person", &person, error))
        return FALSE;
      g_snprintf (path, sizeof path, "$.meetings[%u]", i);
      if (!lookup (m, "SELECT id, updated_at FROM meetings WHERE uuid = ?1",
                   rapport_exchange_lower_uuid (r->uuid, lower), 0, &found, &id, updated, error))
        return FALSE;
      decision = decide (found, updated, r->updated);
      if (decision != KEEP)
        {
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
          if (!write_row (m, stmt, decision, path, &id, error))
            return FALSE;
        }
      is_new = !found;
      g_array_append_val (m->new_meetings, is_new);
      if (!row_done (m, decision, m->meetings, r->uuid, id, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
merge_ticks (Merge     *m,
             Document  *doc,
             GError   **error)
{
  char path[96], lower[64], updated[32];

  for (guint i = 0; i < doc->ticks->len; i++)
    {
      TickRec *r = &g_array_index (doc->ticks, TickRec, i);
      MeetingRec *meeting = &g_array_index (doc->meetings, MeetingRec, r->meeting);
      gboolean found = FALSE;
      Decision decision;
      gint64 id = 0, habit = 0, meeting_id = *(gint64 *) g_hash_table_lookup (m->meetings, meeting->uuid);
      sqlite3_stmt *stmt;

      g_snprintf (path, sizeof path, "$.meetings[%u].checklist[%u].habit", r->meeting, r->index);
      if (!resolve (m, m->habits, "SELECT id FROM habits WHERE uuid = ?1",
                    r->habit, path, "habit", &habit, error))
        return FALSE;
      g_snprintf (path, sizeof path, "$.meetings[%u].checklist[%u]", r->meeting, r->index);
      if (!lookup (m, "SELECT id, updated_at FROM checklist WHERE uuid = ?1",
                   rapport_exchange_lower_uuid (r->uuid, lower), 0, &found, &id, updated, error))
        return FALSE;
      if (!found && !g_array_index (m->new_meetings, gboolean, r->meeting))
        {
          /* The same habit on the same meeting is the same row. */
          stmt = rapport_store_prepare (m->store,
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
      if (decision != KEEP)
        {
          stmt = prepare_write (m, decision, CHOOSE_SQL (decision, TICK), id, lower, error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 2, meeting_id);
          sqlite3_bind_int64 (stmt, 3, habit);
          sqlite3_bind_int (stmt, 4, r->ticked ? 1 : 0);
          sqlite3_bind_text (stmt, 5, r->evidence, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 6, r->created, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 7, r->updated, -1, SQLITE_STATIC);
          if (!write_row (m, stmt, decision, path, NULL, error))
            return FALSE;
        }
      if (!row_done (m, decision, NULL, NULL, 0, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
merge_commitments (Merge     *m,
                   Document  *doc,
                   GError   **error)
{
  char path[64], lower[64], updated[32];

  for (guint i = 0; i < doc->commitments->len; i++)
    {
      CommitmentRec *r = &g_array_index (doc->commitments, CommitmentRec, i);
      gboolean found = FALSE;
      gint64 id = 0, person = 0, meeting = 0, meeting_person = 0;
      Decision decision;
      sqlite3_stmt *stmt;

      g_snprintf (path, sizeof path, "$.commitments[%u].person", i);
      if (!resolve (m, m->people, "SELECT id FROM people WHERE uuid = ?1",
                    r->person, path, "person", &person, error))
        return FALSE;
      g_snprintf (path, sizeof path, "$.commitments[%u].meeting", i);
      if (!resolve (m, m->meetings, "SELECT id FROM meetings WHERE uuid = ?1",
                    r->meeting, path, "meeting", &meeting, error))
        return FALSE;
      if (!lookup (m, "SELECT person_id FROM meetings WHERE id = ?1",
                   NULL, meeting, &found, &meeting_person, NULL, error))
        return FALSE;
      if (meeting_person != person)
        {
          rapport_exchange_invalid (error, path, _("the meeting is with another person"));
          return FALSE;
        }

      g_snprintf (path, sizeof path, "$.commitments[%u]", i);
      if (!lookup (m, "SELECT id, updated_at FROM commitments WHERE uuid = ?1",
                   rapport_exchange_lower_uuid (r->uuid, lower), 0, &found, &id, updated, error))
        return FALSE;
      decision = decide (found, updated, r->updated);
      if (decision != KEEP)
        {
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
          if (!write_row (m, stmt, decision, path, NULL, error))
            return FALSE;
        }
      if (!row_done (m, decision, NULL, NULL, 0, error))
        return FALSE;
    }
  return TRUE;
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
  g_autoptr(JsonParser) parser = NULL;
  RapportExchangeStats local_stats = { 0 };
  Document doc = { 0 };
  Merge m = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (progress != NULL)
    progress (0.0, progress_data);
  parser = json_parser_new_immutable ();
  if (!rapport_exchange_document_read (&doc, parser, data ? data : "", length, error))
    goto out;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;
  if (progress != NULL)
    progress (0.3, progress_data);

  m.store = store;
  m.stats = &local_stats;
  m.cancellable = cancellable;
  m.progress = progress;
  m.progress_data = progress_data;
  m.total = doc.people->len + doc.habits->len + doc.meetings->len +
            doc.ticks->len + doc.commitments->len;
  m.people = g_hash_table_new_full (rapport_exchange_uuid_hash, rapport_exchange_uuid_equal, NULL, g_free);
  m.habits = g_hash_table_new_full (rapport_exchange_uuid_hash, rapport_exchange_uuid_equal, NULL, g_free);
  m.meetings = g_hash_table_new_full (rapport_exchange_uuid_hash, rapport_exchange_uuid_equal, NULL, g_free);
  m.new_meetings = g_array_sized_new (FALSE, FALSE, sizeof (gboolean), doc.meetings->len);

  /* The whole import is one transaction; a cache that holds it saves
   * writing pages to the WAL again and again. Up to 256 MiB (SQLite only
   * takes what it uses), only while importing. */
  rapport_store_exec (store, "PRAGMA cache_size = -262144", NULL);
  /* Every insert fires the search triggers, so each statement keeps a
   * statement journal; in memory rather than in a temporary file. */
  rapport_store_exec (store, "PRAGMA temp_store = MEMORY", NULL);
  if (!rapport_store_begin (store, error))
    goto out;
  if (!merge_habits (&m, &doc, error) ||
      !merge_people (&m, &doc, error) ||
      !merge_meetings (&m, &doc, error) ||
      !merge_ticks (&m, &doc, error) ||
      !merge_commitments (&m, &doc, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !rapport_store_commit (store, error))
    {
      rapport_store_rollback (store);
      goto out;
    }

  if (stats != NULL)
    *stats = local_stats;
  if (progress != NULL)
    progress (1.0, progress_data);
  ok = TRUE;

out:
  if (m.store != NULL)
    rapport_store_exec (store, "PRAGMA cache_size = -2000; PRAGMA temp_store = DEFAULT", NULL);
  g_clear_pointer (&m.new_meetings, g_array_unref);
  g_clear_pointer (&m.people, g_hash_table_unref);
  g_clear_pointer (&m.habits, g_hash_table_unref);
  g_clear_pointer (&m.meetings, g_hash_table_unref);
  rapport_exchange_document_clear (&doc);
  return ok;
}

static char *
read_file (const char  *path,
           gsize       *length,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local = NULL;
  char *data = NULL;

  /* A missing file is reported by the read below. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  if (info != NULL && g_file_info_get_size (info) > RAPPORT_EXCHANGE_MAX_FILE_BYTES)
    {
      g_set_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_INVALID,
                   _("“%s” is too large to be a Rapport export (at most %d MiB)"),
                   path, RAPPORT_EXCHANGE_MAX_FILE_BYTES / (1024 * 1024));
      return NULL;
    }
  if (!g_file_get_contents (path, &data, length, &local))
    {
      g_set_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_IO,
                   "%s", local->message);
      return NULL;
    }
  return data;
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
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((data = read_file (path, &length, error)) == NULL)
    return FALSE;
  if (!rapport_exchange_import_from_data (store, data, length, stats, cancellable,
                                          progress, progress_data, error))
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_prefix_error (error, "%s: ", name);
      return FALSE;
    }
  return TRUE;
}
