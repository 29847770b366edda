/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-search"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-job.h"
#include "rapport-search-private.h"
#include "rapport-search.h"

/* Every statement returns the same columns:
 *   0 row id in its table, 1 bm25 rank, 2 person id, 3 person name,
 *   4 meeting id, 5 meeting date, 6 snippet, 7 the whole text (notes
 *   only, to find where the snippet's first match is: see match_in()).
 * Parameters: ?1 FTS5 query, ?2 and ?3 the marks, ?4 the limit.
 *
 * Ordered by the FTS table's own rank, FTS5 hands rows over best first, so
 * SQLite stops after ?4 rows and draws snippets for those only (a second
 * sort key would draw a snippet for every match before sorting; ties are
 * broken by date when the kinds are merged). bm25 is still computed for
 * every match, about 1.5 µs each: fine for thousands, too slow for a word
 * in every one of 20,000 notes. Such a query matches too much to be ranked
 * usefully anyway (the word's weight is near zero), so above
 * RAPPORT_SEARCH_RANK_CAP matches the same statement runs ordered by rowid,
 * newest first, which FTS5 walks in index order and stops early. It gives
 * them all the rank 0 (so they come newest first, after the ranked
 * matches of other kinds): bm25 even for those few rows would first count
 * the notes that hold each word, going through every match again (5 ms
 * of a 15 ms query of three words in the decade data set). */
#define SELECT_NOTE(RANK)                                                   \
  "SELECT meetings_fts.rowid, " RANK ", m.person_id, p.name, m.id, m.date," \
  "       snippet (meetings_fts, 0, ?2, ?3, '…', 16),"                    \
  "       m.notes"                                                          \
  "  FROM meetings_fts"                                                     \
  "  JOIN meetings m ON m.id = meetings_fts.rowid"                          \
  "  JOIN people p ON p.id = m.person_id"                                   \
  " WHERE meetings_fts MATCH ?1 AND m.deleted = 0"
#define SELECT_COMMITMENT(RANK)                                                \
  "SELECT commitments_fts.rowid, " RANK ", c.person_id, p.name, m.id, m.date," \
  "       snippet (commitments_fts, 0, ?2, ?3, '…', 16), NULL"               \
  "  FROM commitments_fts"                                                     \
  "  JOIN commitments c ON c.id = commitments_fts.rowid"                       \
  "  JOIN meetings m ON m.id = c.meeting_id"                                   \
  "  JOIN people p ON p.id = c.person_id"                                      \
  " WHERE commitments_fts MATCH ?1 AND c.deleted = 0 AND m.deleted = 0"
#define SELECT_EVIDENCE(RANK)                                                \
  "SELECT checklist_fts.rowid, " RANK ", m.person_id, p.name, m.id, m.date," \
  "       snippet (checklist_fts, 0, ?2, ?3, '…', 16), NULL"               \
  "  FROM checklist_fts"                                                     \
  "  JOIN checklist k ON k.id = checklist_fts.rowid"                         \
  "  JOIN meetings m ON m.id = k.meeting_id"                                 \
  "  JOIN people p ON p.id = m.person_id"                                    \
  " WHERE checklist_fts MATCH ?1 AND m.deleted = 0"
/* A waiting point has no meeting: 0 and NULL, as for a person. One
 * discussed in a hidden meeting is left out, as that meeting's notes are. */
#define SELECT_TALKING_POINT(RANK)                                  \
  "SELECT talking_points_fts.rowid, " RANK ", t.person_id, p.name," \
  "       coalesce (m.id, 0), m.date,"                              \
  "       snippet (talking_points_fts, 0, ?2, ?3, '…', 16), NULL" \
  "  FROM talking_points_fts"                                       \
  "  JOIN talking_points t ON t.id = talking_points_fts.rowid"      \
  "  JOIN people p ON p.id = t.person_id"                           \
  "  LEFT JOIN meetings m ON m.id = t.discussed_in"                 \
  " WHERE talking_points_fts MATCH ?1 AND t.deleted = 0 AND coalesce (m.deleted, 0) = 0"
#define SELECT_PERSON(RANK)                                   \
  "SELECT people_fts.rowid, " RANK ", p.id, p.name, 0, NULL," \
  "       highlight (people_fts, 0, ?2, ?3), NULL"            \
  "  FROM people_fts"                                         \
  "  JOIN people p ON p.id = people_fts.rowid"                \
  " WHERE people_fts MATCH ?1"

static const char *const ranked_sql[] = {
  [RAPPORT_SEARCH_KIND_NOTE] = SELECT_NOTE ("meetings_fts.rank") " ORDER BY meetings_fts.rank LIMIT ?4",
  [RAPPORT_SEARCH_KIND_COMMITMENT] = SELECT_COMMITMENT ("commitments_fts.rank") " ORDER BY commitments_fts.rank LIMIT ?4",
  [RAPPORT_SEARCH_KIND_EVIDENCE] = SELECT_EVIDENCE ("checklist_fts.rank") " ORDER BY checklist_fts.rank LIMIT ?4",
  [RAPPORT_SEARCH_KIND_PERSON] = SELECT_PERSON ("people_fts.rank") " ORDER BY people_fts.rank LIMIT ?4",
  [RAPPORT_SEARCH_KIND_TALKING_POINT] = SELECT_TALKING_POINT ("talking_points_fts.rank") " ORDER BY talking_points_fts.rank LIMIT ?4",
};

static const char *const newest_sql[] = {
  [RAPPORT_SEARCH_KIND_NOTE] = SELECT_NOTE ("0.0") " ORDER BY meetings_fts.rowid DESC LIMIT ?4",
  [RAPPORT_SEARCH_KIND_COMMITMENT] = SELECT_COMMITMENT ("0.0") " ORDER BY commitments_fts.rowid DESC LIMIT ?4",
  [RAPPORT_SEARCH_KIND_EVIDENCE] = SELECT_EVIDENCE ("0.0") " ORDER BY checklist_fts.rowid DESC LIMIT ?4",
  [RAPPORT_SEARCH_KIND_PERSON] = SELECT_PERSON ("0.0") " ORDER BY people_fts.rowid DESC LIMIT ?4",
  [RAPPORT_SEARCH_KIND_TALKING_POINT] = SELECT_TALKING_POINT ("0.0") " ORDER BY talking_points_fts.rowid DESC LIMIT ?4",
};

/* Counts matches up to ?2, which is as far as it needs to look. */
static const char *const count_sql[] = {
  [RAPPORT_SEARCH_KIND_NOTE] =
    "SELECT count(*) FROM (SELECT 1 FROM meetings_fts WHERE meetings_fts MATCH ?1 LIMIT ?2)",
  [RAPPORT_SEARCH_KIND_COMMITMENT] =
    "SELECT count(*) FROM (SELECT 1 FROM commitments_fts WHERE commitments_fts MATCH ?1 LIMIT ?2)",
  [RAPPORT_SEARCH_KIND_EVIDENCE] =
    "SELECT count(*) FROM (SELECT 1 FROM checklist_fts WHERE checklist_fts MATCH ?1 LIMIT ?2)",
  [RAPPORT_SEARCH_KIND_PERSON] =
    "SELECT count(*) FROM (SELECT 1 FROM people_fts WHERE people_fts MATCH ?1 LIMIT ?2)",
  [RAPPORT_SEARCH_KIND_TALKING_POINT] =
    "SELECT count(*) FROM (SELECT 1 FROM talking_points_fts WHERE talking_points_fts MATCH ?1 LIMIT ?2)",
};

/* What fills each index from its table: the rows its triggers keep in it
 * (003-search.sql, 007-search-prefix.sql, 008-between-meetings.sql). A
 * 'rebuild' would also index hidden rows (deleted = 1), which the
 * triggers would then never remove.
 *
 * Each is read in rowid order (NOT INDEXED, a scan of the table itself):
 * FTS5 writes out what it has gathered in memory as a new segment each
 * time a rowid is lower than the one before. "WHERE deleted = 0" alone
 * reads the meetings through meetings_history, by date, so the index of
 * notes was written as thousands of small segments, merged again and
 * again: filling it took 2.5 s of CPU instead of 1.0 on the decade data
 * set after its import (see docs/performance.md). */
static const struct
{
  const char *fts;
  const char *refill;
} refills[] = {
  { "people_fts", "INSERT INTO people_fts (rowid, name)"
                  " SELECT id, name FROM people NOT INDEXED ORDER BY id" },
  { "meetings_fts", "INSERT INTO meetings_fts (rowid, notes)"
                    " SELECT id, notes FROM meetings NOT INDEXED WHERE deleted = 0 ORDER BY id" },
  { "checklist_fts", "INSERT INTO checklist_fts (rowid, evidence)"
                     " SELECT id, evidence FROM checklist NOT INDEXED WHERE evidence <> '' ORDER BY id" },
  { "commitments_fts", "INSERT INTO commitments_fts (rowid, text)"
                       " SELECT id, text FROM commitments NOT INDEXED WHERE deleted = 0 ORDER BY id" },
  { "talking_points_fts", "INSERT INTO talking_points_fts (rowid, text)"
                          " SELECT id, text FROM talking_points NOT INDEXED WHERE deleted = 0 ORDER BY id" },
};

const char *
rapport_search_get_refill_sql (guint        i,
                               const char **fts)
{
  if (i >= G_N_ELEMENTS (refills))
    return NULL;
  if (fts != NULL)
    *fts = refills[i].fts;
  return refills[i].refill;
}

gboolean
rapport_search_is_indexing (RapportStore *store)
{
  sqlite3_stmt *stmt;
  gboolean      pending = FALSE;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  stmt = rapport_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM search_pending)", NULL);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    pending = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return pending;
}

/* FTS5 keeps what it has tokenized in memory until it holds this many
 * bytes ('hashsize', 1 MiB by default), then writes it out as a segment
 * (see refill_index()). */
#define FTS5_DEFAULT_HASHSIZE 1048576
/* How much it may hold while an index is filled in one go: the notes of
 * the decade data set, 26 MB of words, make one segment. */
#define FILL_HASHSIZE (64 * 1024 * 1024)

char *
rapport_search_fill_settings_sql (const char *fts)
{
  return g_strdup_printf ("INSERT INTO \"%1$s\" (\"%1$s\", rank) VALUES ('automerge', 0);"
                          "INSERT INTO \"%1$s\" (\"%1$s\", rank) VALUES ('crisismerge', 1000);"
                          "INSERT INTO \"%1$s\" (\"%1$s\", rank) VALUES ('hashsize', %2$d);",
                          fts, FILL_HASHSIZE);
}

/* Fills @fts, emptied, from its table. Filled in one statement, an index
 * would merge its segments as they grow ('automerge', the default 4); not
 * merging until the end and merging everything once ('optimize') costs
 * about a quarter less on the decade data set, and leaves one segment, so
 * that the small ones each later save adds do not cascade into merges
 * with a stack of large ones (one autosave in a hundred took 30 ms).
 * 'automerge' 0 alone still merges the first 16 segments into one when
 * there are 16 ('crisismerge'), which 'optimize' then reads and writes
 * again: held back to 1000 segments while filling, the notes of the
 * decade take 16% fewer instructions (10.26 G to 8.58 G, with
 * 'optimize').
 *
 * And FTS5 writes a segment each time its 1 MiB in memory ('hashsize')
 * is full: the notes of the decade made 26 segments, which 'optimize'
 * then read and wrote again as one (0.3 s of the 1.2 s of filling that
 * index). With up to 64 MiB in memory (26 MB for the decade's notes),
 * the fill writes one segment and 'optimize' has nothing left to do;
 * larger notes still make a few segments, merged by 'optimize'. All
 * three are set back to FTS5's defaults after. */
static gboolean
refill_index (RapportStore *store,
              const char   *fts,
              const char   *refill,
              GError      **error)
{
  g_autofree char *settings = rapport_search_fill_settings_sql (fts);
  g_autofree char *sql = g_strdup_printf ("INSERT INTO %1$s (%1$s) VALUES ('delete-all');"
                                          "%2$s"
                                          "%3$s;"
                                          "INSERT INTO %1$s (%1$s) VALUES ('optimize');"
                                          "INSERT INTO %1$s (%1$s, rank) VALUES ('hashsize', %4$d);"
                                          "INSERT INTO %1$s (%1$s, rank) VALUES ('crisismerge', 16);"
                                          "INSERT INTO %1$s (%1$s, rank) VALUES ('automerge', 4);",
                                          fts, settings, refill, FTS5_DEFAULT_HASHSIZE);

  return rapport_store_exec (store, sql, error);
}

gboolean
rapport_search_index_pending (RapportStore *store,
                              GError      **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (rapport_store_get_transaction_depth (store) == 0, FALSE);

  if (!rapport_search_is_indexing (store))
    return TRUE;
  if (!rapport_store_begin (store, error))
    return FALSE;
  /* Read again inside the transaction: another connection may have
   * filled them meanwhile. */
  stmt = rapport_store_prepare (store, "SELECT fts, triggers FROM search_pending ORDER BY fts", error);
  if (stmt == NULL)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup (rapport_store_column_text (stmt, 0)));
      g_ptr_array_add (triggers, g_strdup (rapport_store_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not read the database"));
      goto failed;
    }

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      const char *refill = NULL;

      for (guint r = 0; r < G_N_ELEMENTS (refills); r++)
        if (g_str_equal (refills[r].fts, name))
          refill = refills[r].refill;
      if (refill == NULL)
        {
          g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_SQL,
                       _("No search index is called “%s”"), name);
          goto failed;
        }
      if (!refill_index (store, name, refill, error) ||
          !rapport_store_exec (store, g_ptr_array_index (triggers, i), error))
        goto failed;
    }
  if (!rapport_store_exec (store, "DELETE FROM search_pending", error) ||
      !rapport_store_commit (store, error))
    goto failed;
  return TRUE;

failed:
  rapport_store_rollback (store);
  g_prefix_error (error, "%s", _("Could not fill the search index: "));
  return FALSE;
}

static gpointer
index_pending_work (RapportJob   *job,
                    GCancellable *cancellable,
                    GError      **error)
{
  g_autoptr(RapportStore) store = rapport_store_open_secondary (job->db_path, error);

  if (store != NULL)
    rapport_search_index_pending (store, error);
  return NULL;
}

void
rapport_search_index_pending_async (RapportStore       *store,
                                    GCancellable       *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data)
{
  g_return_if_fail (RAPPORT_IS_STORE (store));

  rapport_job_run (store, NULL, 0, cancellable, NULL, NULL, callback, user_data,
                   rapport_search_index_pending_async, index_pending_work);
}

gboolean
rapport_search_index_pending_finish (RapportStore *store,
                                     GAsyncResult *result,
                                     GError      **error)
{
  g_autoptr(GError) local = NULL;

  rapport_job_finish (store, result, rapport_search_index_pending_async, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

const char *
rapport_search_get_sql (RapportSearchKind kind,
                        gboolean          newest_first)
{
  g_return_val_if_fail (kind <= RAPPORT_SEARCH_KIND_TALKING_POINT, NULL);
  return newest_first ? newest_sql[kind] : ranked_sql[kind];
}

/* The characters SQLite's unicode61 tokenizer keeps in a token (L*, N*,
 * Co, and Mn since diacritics are removed). Everything else, quotes and
 * brackets included, separates words, so no FTS5 syntax survives. */
static gboolean
is_word_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_NON_SPACING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
has_other_letter (const char *start,
                  const char *end)
{
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    if (g_unichar_type (g_utf8_get_char (p)) == G_UNICODE_OTHER_LETTER)
      return TRUE;
  return FALSE;
}

char *
rapport_search_build_query (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  g_autoptr(GString) query = g_string_new (NULL);
  const char *p = valid;
  guint       n_terms = 0;

  while (*p != '\0' && n_terms < RAPPORT_SEARCH_MAX_TERMS)
    {
      const char *start;
      guint       n_chars = 0;

      while (*p != '\0' && !is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;

      start = p;
      while (*p != '\0' && is_word_char (g_utf8_get_char (p)) &&
             n_chars < RAPPORT_SEARCH_MAX_TERM_CHARS)
        {
          p = g_utf8_next_char (p);
          n_chars++;
        }

      /* A word is a phrase of one token in double quotes (it holds no
       * quote, so it needs no escaping), searched as a prefix. One or two
       * Latin letters as a prefix would merge the lists of thousands of
       * words for no useful result ("t*"), so those are whole words ("QA",
       * "HR"); scripts that write words without spaces keep the prefix. */
      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      g_string_append_len (query, start, p - start);
      g_string_append_c (query, '"');
      if (n_chars >= 3 || has_other_letter (start, p))
        g_string_append_c (query, '*');
      n_terms++;

      /* The rest of an over-long word is dropped, not made a new word. */
      while (*p != '\0' && is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
    }

  if (n_terms == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* Snippets are shown on one line. */
static char *
flatten (const char *text)
{
  char *copy = g_utf8_make_valid (text ? text : "", -1);

  for (char *p = copy; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return copy;
}

/* Where the first match of @snippet is in @text, in characters. A
 * snippet is a piece of the text itself, with the marks around each
 * match and an ellipsis at either end where it is cut; the piece is found
 * in the text (the first place it is, if it is there twice). This used
 * to ask FTS5 for the whole text highlighted, which tokenizes every note
 * shown a second time: a tenth of a query's instructions. */
static void
match_in (const char *snippet,
          const char *text,
          int        *offset,
          int        *length)
{
  g_autoptr(GString) plain = NULL;
  const char *p, *found;
  gssize      start = -1, end = -1;

  *offset = -1;
  *length = 0;
  if (snippet == NULL || text == NULL)
    return;
  p = g_str_has_prefix (snippet, "…") ? snippet + strlen ("…") : snippet;
  plain = g_string_new (NULL);
  for (; *p != '\0'; p++)
    if (*p == RAPPORT_SEARCH_MARK_START[0])
      {
        if (start < 0)
          start = plain->len;
      }
    else if (*p == RAPPORT_SEARCH_MARK_END[0])
      {
        if (start >= 0 && end < 0)
          end = plain->len;
      }
    else
      g_string_append_c (plain, *p);
  if (g_str_has_suffix (plain->str, "…") && strstr (text, plain->str) == NULL)
    g_string_truncate (plain, plain->len - strlen ("…"));
  if (start < 0 || end < start || (found = strstr (text, plain->str)) == NULL ||
      !g_utf8_validate (text, found - text + end, NULL))
    return;
  *offset = (int) g_utf8_pointer_to_offset (text, found + start);
  *length = (int) g_utf8_pointer_to_offset (found + start, found + end);
}

static gboolean
count_matches (RapportStore     *store,
               RapportSearchKind kind,
               const char       *query,
               guint             up_to,
               guint            *n_matches,
               GError          **error)
{
  sqlite3_stmt *stmt;

  stmt = rapport_store_prepare (store, count_sql[kind], error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, up_to);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      rapport_store_set_error (store, error, _("Could not search the notes"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  *n_matches = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
search_kind (RapportStore     *store,
             RapportSearchKind kind,
             const char       *query,
             int               limit,
             gboolean          newest_first,
             GPtrArray        *results,
             GError          **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  stmt = rapport_store_prepare (store, rapport_search_get_sql (kind, newest_first), error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, RAPPORT_SEARCH_MARK_START, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, RAPPORT_SEARCH_MARK_END, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, limit);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char      *raw = (const char *) sqlite3_column_text (stmt, 6);
      g_autofree char *snippet = flatten (raw);
      int              offset, length;

      match_in (raw, (const char *) sqlite3_column_text (stmt, 7), &offset, &length);

      g_ptr_array_add (results,
                       rapport_search_result_new (kind,
                                                  sqlite3_column_int64 (stmt, 0),
                                                  sqlite3_column_int64 (stmt, 2),
                                                  rapport_store_column_text (stmt, 3),
                                                  sqlite3_column_int64 (stmt, 4),
                                                  (const char *) sqlite3_column_text (stmt, 5),
                                                  snippet,
                                                  offset, length,
                                                  sqlite3_column_double (stmt, 1)));
    }

  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not search the notes"));
      sqlite3_reset (stmt);
      return FALSE;
    }

  /* A statement left unreset would hold its read transaction open. */
  sqlite3_reset (stmt);
  return TRUE;
}

static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  RapportSearchResult *ra = *(RapportSearchResult **) a;
  RapportSearchResult *rb = *(RapportSearchResult **) b;
  double               rank_a = rapport_search_result_get_rank (ra);
  double               rank_b = rapport_search_result_get_rank (rb);
  gboolean             person_a = rapport_search_result_get_kind (ra) == RAPPORT_SEARCH_KIND_PERSON;
  gboolean             person_b = rapport_search_result_get_kind (rb) == RAPPORT_SEARCH_KIND_PERSON;
  const char          *date_a, *date_b;

  /* A name is the most specific thing a query can match, and bm25 over a
   * dozen names says little (with few people a name's weight is near
   * zero), so people come first. */
  if (person_a != person_b)
    return person_a ? -1 : 1;
  if (rank_a != rank_b)
    return rank_a < rank_b ? -1 : 1;

  date_a = rapport_search_result_get_date (ra);
  date_b = rapport_search_result_get_date (rb);
  return -g_strcmp0 (date_a, date_b);
}

GListStore *
rapport_search_run (RapportStore *store,
                    const char   *text,
                    int           limit,
                    GError      **error)
{
  return rapport_search_run_capped (store, text, limit, RAPPORT_SEARCH_RANK_CAP, error);
}

GListStore *
rapport_search_run_capped (RapportStore *store,
                           const char   *text,
                           int           limit,
                           guint         rank_cap,
                           GError      **error)
{
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *query = NULL;
  guint            n_matches[RAPPORT_SEARCH_KIND_TALKING_POINT + 1] = { 0 };
  guint            n_ranked;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (limit > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  list = g_list_store_new (RAPPORT_TYPE_SEARCH_RESULT);
  query = rapport_search_build_query (text);
  if (query == NULL)
    return g_steal_pointer (&list);

  /* An index emptied by a large import and not filled yet would find
   * nothing where there is something. */
  if (rapport_search_is_indexing (store))
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INDEXING,
                           _("Still indexing the imported notes for search; try again in a moment"));
      return NULL;
    }

  results = g_ptr_array_new_with_free_func (g_object_unref);
  for (RapportSearchKind kind = RAPPORT_SEARCH_KIND_NOTE;
       kind <= RAPPORT_SEARCH_KIND_TALKING_POINT; kind++)
    if (!count_matches (store, kind, query, rank_cap + 1, &n_matches[kind], error))
      return NULL;

  /* The ranked kinds first. A ranked match's bm25 is below 0 (FTS5 keeps
   * each word's weight above 0), so it sorts before every match of a kind
   * past the cap (rank 0) but people, who come first anyway: once these
   * fill @limit, the other kinds past the cap would only draw snippets (a second
   * tokenization of 50 notes, and the word's list merged again) for
   * results that are cut. With a common word, notes are past the cap and
   * commitments are not. */
  for (RapportSearchKind kind = RAPPORT_SEARCH_KIND_NOTE;
       kind <= RAPPORT_SEARCH_KIND_TALKING_POINT; kind++)
    if (n_matches[kind] > 0 && n_matches[kind] <= rank_cap &&
        !search_kind (store, kind, query, limit, FALSE, results, error))
      return NULL;
  n_ranked = results->len;
  for (RapportSearchKind kind = RAPPORT_SEARCH_KIND_NOTE;
       kind <= RAPPORT_SEARCH_KIND_TALKING_POINT; kind++)
    if (n_matches[kind] > rank_cap &&
        (n_ranked < (guint) limit || kind == RAPPORT_SEARCH_KIND_PERSON) &&
        !search_kind (store, kind, query, limit, TRUE, results, error))
      return NULL;

  /* Each kind gave its best @limit; the best @limit of all are among them. */
  g_ptr_array_sort (results, compare_results);
  if (results->len > (guint) limit)
    g_ptr_array_set_size (results, limit);

  g_list_store_splice (list, 0, 0, results->pdata, results->len);
  return g_steal_pointer (&list);
}

char *
rapport_search_snippet_to_markup (const char *snippet)
{
  g_autofree char *valid = g_utf8_make_valid (snippet ? snippet : "", -1);
  g_autoptr(GString) markup = g_string_new (NULL);
  gboolean    bold = FALSE;
  const char *p = valid;

  while (*p != '\0')
    {
      gsize run = strcspn (p, RAPPORT_SEARCH_MARK_START RAPPORT_SEARCH_MARK_END);

      if (run > 0)
        {
          g_autofree char *escaped = g_markup_escape_text (p, run);
          g_string_append (markup, escaped);
          p += run;
        }
      if (*p == '\0')
        break;

      if (*p == RAPPORT_SEARCH_MARK_START[0] && !bold)
        {
          g_string_append (markup, "<b>");
          bold = TRUE;
        }
      else if (*p == RAPPORT_SEARCH_MARK_END[0] && bold)
        {
          g_string_append (markup, "</b>");
          bold = FALSE;
        }
      p++;
    }
  if (bold)
    g_string_append (markup, "</b>");

  return g_string_free (g_steal_pointer (&markup), FALSE);
}
