/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rapport-checklist-item.h"
#include "rapport-meeting.h"
#include "rapport-person.h"
#include "rapport-search-private.h"
#include "rapport-search.h"
#include "test-core-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  RapportStore  *store;
  RapportPerson *ada;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  test_core_db_set_up (&f->dir, &f->path, &f->store);
  f->ada = test_core_person_new (f->store, "Ada Lovelace", "Engineer");
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_assert_finalize_object (f->ada);
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
}

static GListStore *
search (Fixture    *f,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  GListStore *results = rapport_search_run (f->store, text, 50, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

static guint
count (Fixture    *f,
       const char *text)
{
  g_autoptr(GListStore) results = search (f, text);
  return g_list_model_get_n_items (G_LIST_MODEL (results));
}

static RapportSearchResult *
first (Fixture    *f,
       const char *text)
{
  g_autoptr(GListStore) results = search (f, text);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), >=, 1);
  return g_list_model_get_item (G_LIST_MODEL (results), 0);
}

static void
exec (Fixture    *f,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
exec (Fixture    *f,
      const char *format,
      ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  va_list          args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  rapport_store_exec (f->store, sql, &error);
  g_assert_no_error (error);
}

static gint64
query_int (Fixture    *f,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64        value;

  g_assert_cmpint (sqlite3_prepare_v2 (rapport_store_get_handle (f->store), sql, -1,
                                       &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* FTS5 compares an external-content index with its table: any row the
 * triggers missed, or stale tokens they left behind, fail it. Only valid
 * while no row is hidden (hidden rows are out of the index on purpose). */
static void
assert_indexes_match_tables (Fixture *f)
{
  static const char *const tables[] = { "meetings", "commitments", "people" };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %s_fts (%s_fts, rank)"
                                              " VALUES ('integrity-check', 1)",
                                              tables[i], tables[i]);
      exec (f, "%s", sql);
    }
  /* Evidence: only non-empty rows are indexed, so compare the counts. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM checklist_fts_docsize"), ==,
                   query_int (f, "SELECT count(*) FROM checklist WHERE evidence <> ''"));
  exec (f, "INSERT INTO checklist_fts (checklist_fts) VALUES ('integrity-check')");
}

static void
assert_well_formed (const char *markup)
{
  static const GMarkupParser parser = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autofree char *doc = g_strconcat ("<markup>", markup, "</markup>", NULL);

  g_markup_parse_context_parse (context, doc, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

static void
test_build_query (void)
{
  static const struct
  {
    const char *in;
    const char *out;
  } cases[] = {
    { "budget", "\"budget\"*" },
    { "  Budget   plan ", "\"Budget\"* \"plan\"*" },
    { "\"", NULL },
    { "", NULL },
    { "*", NULL },
    { "(", NULL },
    { "AND", "\"AND\"*" },
    { "a AND b", "\"a\" \"AND\"* \"b\"" },
    { "QA hr", "\"QA\" \"hr\"" },
    { "東", "\"東\"*" },
    { "NEAR(x y", "\"NEAR\"* \"x\" \"y\"" },
    { "don't \"quote\"", "\"don\"* \"t\" \"quote\"*" },
    { "col:val -x ^y", "\"col\"* \"val\"* \"x\" \"y\"" },
    { "café", "\"café\"*" },
    { "e\xcc\x81t\xc3\xa9", "\"e\xcc\x81t\xc3\xa9\"*" }, /* combining accent stays in */
    { "bad\xff\xfeutf8", "\"bad\"* \"utf8\"*" },
  };
  g_autofree char *many = NULL;
  g_autofree char *built = NULL;
  g_autoptr(GString) longword = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = rapport_search_build_query (cases[i].in);
      g_assert_cmpstr (query, ==, cases[i].out);
    }
  g_assert_null (rapport_search_build_query (NULL));

  many = g_strnfill (200, 'x');
  for (guint i = 0; i < 200; i += 2)
    many[i] = ' ';
  built = rapport_search_build_query (many);
  /* At most RAPPORT_SEARCH_MAX_TERMS words, however many were typed. */
  g_assert_cmpuint (strlen (built), ==, RAPPORT_SEARCH_MAX_TERMS * 4 - 1);

  for (guint i = 0; i < 1000; i++)
    g_string_append (longword, "é");
  g_clear_pointer (&built, g_free);
  built = rapport_search_build_query (longword->str);
  g_assert_cmpuint (g_utf8_strlen (built, -1), ==, RAPPORT_SEARCH_MAX_TERM_CHARS + 3);
}

static void
test_notes_sync (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMeeting) meeting = NULL;
  g_autoptr(RapportSearchResult) hit = NULL;
  gint64 id;

  g_assert_cmpuint (count (f, "budget"), ==, 0);

  meeting = test_core_meeting_new (f->store, f->ada, "2024-03-05", "We talked about the budget for Q2.");
  id = rapport_meeting_get_id (meeting);

  hit = first (f, "budget");
  g_assert_cmpint (rapport_search_result_get_kind (hit), ==, RAPPORT_SEARCH_KIND_NOTE);
  g_assert_cmpint (rapport_search_result_get_source_id (hit), ==, id);
  g_assert_cmpint (rapport_search_result_get_meeting_id (hit), ==, id);
  g_assert_cmpint (rapport_search_result_get_person_id (hit), ==, rapport_person_get_id (f->ada));
  g_assert_cmpstr (rapport_search_result_get_person_name (hit), ==, "Ada Lovelace");
  g_assert_cmpstr (rapport_search_result_get_date (hit), ==, "2024-03-05");
  g_assert_cmpuint (count (f, "budg"), ==, 1); /* prefix */
  g_assert_cmpuint (count (f, "BUDGET q2"), ==, 1);
  g_assert_cmpuint (count (f, "budget roadmap"), ==, 0); /* every word must match */

  /* An edit replaces the indexed words. */
  rapport_meeting_set_notes (meeting, "Now the roadmap instead.");
  rapport_meeting_save (meeting, f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, "budget"), ==, 0);
  g_assert_cmpuint (count (f, "roadmap"), ==, 1);

  /* A change that leaves the notes alone leaves the index alone. */
  rapport_meeting_set_mood (meeting, 4);
  rapport_meeting_save (meeting, f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, "roadmap"), ==, 1);
  assert_indexes_match_tables (f);

  /* Hidden while the undo toast shows, back on undo. */
  rapport_meeting_hide (f->store, id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, "roadmap"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM meetings_fts WHERE meetings_fts MATCH 'roadmap'"), ==, 0);
  rapport_meeting_hide (f->store, id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, "roadmap"), ==, 1);
  assert_indexes_match_tables (f);

  /* Purged for good. */
  rapport_meeting_hide (f->store, id, TRUE, &error);
  g_assert_no_error (error);
  rapport_meeting_purge (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, "roadmap"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM meetings"), ==, 0);
  assert_indexes_match_tables (f);

  /* A plain delete of a visible meeting, as a person's removal cascades. */
  g_clear_object (&meeting);
  meeting = test_core_meeting_new (f->store, f->ada, "2024-03-12", "Offsite logistics");
  g_assert_cmpuint (count (f, "offsite"), ==, 1);
  exec (f, "DELETE FROM meetings WHERE id = %" G_GINT64_FORMAT, rapport_meeting_get_id (meeting));
  g_assert_cmpuint (count (f, "offsite"), ==, 0);
  assert_indexes_match_tables (f);
}

static gint64
add_commitment (Fixture    *f,
                gint64      meeting_id,
                const char *text)
{
  sqlite3_stmt    *stmt = NULL;
  g_autofree char *uuid = rapport_store_new_uuid ();
  sqlite3         *db = rapport_store_get_handle (f->store);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO commitments (uuid, person_id, meeting_id, text, owner,"
                                       " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, 'me', 'x', 'x')",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, rapport_person_get_id (f->ada));
  sqlite3_bind_int64 (stmt, 3, meeting_id);
  sqlite3_bind_text (stmt, 4, text, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return sqlite3_last_insert_rowid (db);
}

static void
test_commitments_sync (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMeeting) meeting = test_core_meeting_new (f->store, f->ada, "2024-05-01", "Weekly catch-up");
  g_autoptr(RapportSearchResult) hit = NULL;
  gint64 meeting_id = rapport_meeting_get_id (meeting);
  gint64 id;

  id = add_commitment (f, meeting_id, "Send the hiring rubric to Ada");
  hit = first (f, "rubric");
  g_assert_cmpint (rapport_search_result_get_kind (hit), ==, RAPPORT_SEARCH_KIND_COMMITMENT);
  g_assert_cmpint (rapport_search_result_get_source_id (hit), ==, id);
  g_assert_cmpint (rapport_search_result_get_meeting_id (hit), ==, meeting_id);
  g_assert_cmpstr (rapport_search_result_get_date (hit), ==, "2024-05-01");
  g_assert_cmpint (rapport_search_result_get_match_offset (hit), ==, -1);
  g_assert_cmpint (rapport_search_result_get_match_length (hit), ==, 0);
  g_assert_nonnull (strstr (rapport_search_result_get_snippet (hit),
                            RAPPORT_SEARCH_MARK_START "rubric" RAPPORT_SEARCH_MARK_END));

  exec (f, "UPDATE commitments SET text = 'Send the interview guide' WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpuint (count (f, "rubric"), ==, 0);
  g_assert_cmpuint (count (f, "interview guide"), ==, 1);
  /* Closing it changes other columns only. */
  exec (f, "UPDATE commitments SET closed_on = '2024-05-08' WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpuint (count (f, "interview"), ==, 1);
  assert_indexes_match_tables (f);

  exec (f, "UPDATE commitments SET deleted = 1 WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpuint (count (f, "interview"), ==, 0);
  exec (f, "UPDATE commitments SET deleted = 0 WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpuint (count (f, "interview"), ==, 1);
  assert_indexes_match_tables (f);

  /* A hidden meeting hides what was promised in it. */
  rapport_meeting_hide (f->store, meeting_id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, "interview"), ==, 0);
  rapport_meeting_hide (f->store, meeting_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, "interview"), ==, 1);

  /* Soft delete, then purge; and a purge of the meeting cascades. */
  exec (f, "UPDATE commitments SET deleted = 1 WHERE id = %" G_GINT64_FORMAT, id);
  exec (f, "DELETE FROM commitments WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpuint (count (f, "interview"), ==, 0);
  assert_indexes_match_tables (f);

  add_commitment (f, meeting_id, "Book the offsite venue");
  g_assert_cmpuint (count (f, "venue"), ==, 1);
  rapport_meeting_hide (f->store, meeting_id, TRUE, &error);
  g_assert_no_error (error);
  rapport_meeting_purge (f->store, meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, "venue"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM commitments"), ==, 0);
  assert_indexes_match_tables (f);
}

static void
test_evidence_sync (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMeeting) meeting = test_core_meeting_new (f->store, f->ada, "2024-06-01", "");
  g_autoptr(GListStore) checklist = NULL;
  g_autoptr(RapportChecklistItem) item = NULL;
  g_autoptr(RapportSearchResult) hit = NULL;
  gint64 meeting_id = rapport_meeting_get_id (meeting);

  checklist = rapport_checklist_load (f->store, meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (checklist)), >=, 1);
  item = g_list_model_get_item (G_LIST_MODEL (checklist), 0);

  /* Empty evidence is not indexed at all. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM checklist_fts_docsize"), ==, 0);

  rapport_checklist_item_set_evidence (item, f->store, "She chose the migration plan herself", &error);
  g_assert_no_error (error);
  hit = first (f, "migration");
  g_assert_cmpint (rapport_search_result_get_kind (hit), ==, RAPPORT_SEARCH_KIND_EVIDENCE);
  g_assert_cmpint (rapport_search_result_get_source_id (hit), ==, rapport_checklist_item_get_id (item));
  g_assert_cmpint (rapport_search_result_get_meeting_id (hit), ==, meeting_id);
  g_assert_cmpint (rapport_search_result_get_person_id (hit), ==, rapport_person_get_id (f->ada));
  assert_indexes_match_tables (f);

  rapport_checklist_item_set_evidence (item, f->store, "Asked about her team", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, "migration"), ==, 0);
  g_assert_cmpuint (count (f, "team"), ==, 1);
  rapport_checklist_item_set_ticked (item, f->store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, "team"), ==, 1);
  assert_indexes_match_tables (f);

  rapport_meeting_hide (f->store, meeting_id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, "team"), ==, 0);
  rapport_meeting_hide (f->store, meeting_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, "team"), ==, 1);

  rapport_checklist_item_set_evidence (item, f->store, "", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, "team"), ==, 0);
  assert_indexes_match_tables (f);

  rapport_checklist_item_set_evidence (item, f->store, "Ownership of the release", &error);
  g_assert_no_error (error);
  rapport_meeting_hide (f->store, meeting_id, TRUE, &error);
  g_assert_no_error (error);
  rapport_meeting_purge (f->store, meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, "ownership"), ==, 0);
  assert_indexes_match_tables (f);
}

static void
test_people_sync (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPerson) grace = NULL;
  g_autoptr(RapportMeeting) meeting = NULL;
  g_autoptr(RapportSearchResult) hit = NULL;

  grace = rapport_person_create (f->store, "Grace Hopper", "", &error);
  g_assert_no_error (error);
  hit = first (f, "hopp");
  g_assert_cmpint (rapport_search_result_get_kind (hit), ==, RAPPORT_SEARCH_KIND_PERSON);
  g_assert_cmpint (rapport_search_result_get_person_id (hit), ==, rapport_person_get_id (grace));
  g_assert_cmpint (rapport_search_result_get_meeting_id (hit), ==, 0);
  g_assert_null (rapport_search_result_get_date (hit));
  g_assert_cmpstr (rapport_search_result_get_snippet (hit), ==,
                   "Grace " RAPPORT_SEARCH_MARK_START "Hopper" RAPPORT_SEARCH_MARK_END);

  rapport_person_set_name (grace, "Grace Brewster");
  rapport_person_save (grace, f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, "hopper"), ==, 0);
  g_assert_cmpuint (count (f, "brewster"), ==, 1);
  rapport_person_set_archived (grace, TRUE);
  rapport_person_save (grace, f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, "brewster"), ==, 1);
  assert_indexes_match_tables (f);

  /* A name comes before notes that mention it. */
  {
    g_autoptr(RapportMeeting) mention = test_core_meeting_new (f->store, f->ada, "2024-02-02",
                                                                "Brewster Brewster Brewster");
    g_autoptr(GListStore) results = search (f, "brewster");
    g_autoptr(RapportSearchResult) r0 = g_list_model_get_item (G_LIST_MODEL (results), 0);
    g_autoptr(RapportSearchResult) r1 = g_list_model_get_item (G_LIST_MODEL (results), 1);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 2);
    g_assert_cmpint (rapport_search_result_get_kind (r0), ==, RAPPORT_SEARCH_KIND_PERSON);
    g_assert_cmpint (rapport_search_result_get_kind (r1), ==, RAPPORT_SEARCH_KIND_NOTE);
    exec (f, "DELETE FROM meetings WHERE id = %" G_GINT64_FORMAT, rapport_meeting_get_id (mention));
  }

  /* Removing a person takes their meetings' words with them. */
  meeting = test_core_meeting_new (f->store, grace, "2024-01-01", "Compiler design chat");
  g_assert_cmpuint (count (f, "compiler"), ==, 1);
  exec (f, "DELETE FROM people WHERE id = %" G_GINT64_FORMAT, rapport_person_get_id (grace));
  g_assert_cmpuint (count (f, "brewster"), ==, 0);
  g_assert_cmpuint (count (f, "compiler"), ==, 0);
  assert_indexes_match_tables (f);
}

static void
test_diacritics (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr(RapportMeeting) one = test_core_meeting_new (f->store, f->ada, "2024-02-01", "Coffee at the café, crème brûlée.");
  g_autoptr(RapportMeeting) two = test_core_meeting_new (f->store, f->ada, "2024-02-08", "A naive plan for Zürich");
  g_assert_nonnull (one);
  g_assert_nonnull (two);
  /* "e" followed by a combining acute accent. */
  g_autoptr(RapportMeeting) three = test_core_meeting_new (f->store, f->ada, "2024-02-15", "Rése\xcc\x81"
                                                                                            "au review");
  g_assert_nonnull (three);

  g_assert_cmpuint (count (f, "cafe"), ==, 1);
  g_assert_cmpuint (count (f, "CAFÉ"), ==, 1);
  g_assert_cmpuint (count (f, "creme brulee"), ==, 1);
  g_assert_cmpuint (count (f, "naïve"), ==, 1);
  g_assert_cmpuint (count (f, "zurich"), ==, 1);
  g_assert_cmpuint (count (f, "reseau"), ==, 1);
  g_assert_cmpuint (count (f, "réseau"), ==, 1);
}

static void
test_ranking (Fixture      *f,
              gconstpointer data)
{
  g_autoptr(RapportMeeting) passing = NULL;
  g_autoptr(RapportMeeting) focused = NULL;
  g_autoptr(RapportMeeting) older = NULL;
  g_autoptr(RapportMeeting) newer = NULL;
  g_autoptr(GListStore) results = NULL;
  g_autoptr(RapportSearchResult) r0 = NULL;
  g_autoptr(RapportSearchResult) r1 = NULL;
  g_autoptr(RapportSearchResult) r2 = NULL;
  g_autoptr(RapportSearchResult) r3 = NULL;
  g_autoptr(GString) filler = g_string_new ("Long meeting about many things:");

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (filler, " topic%u", i);
  g_string_append (filler, " and one mention of latency.");

  passing = test_core_meeting_new (f->store, f->ada, "2024-04-20", filler->str);
  focused = test_core_meeting_new (f->store, f->ada, "2024-01-10", "Latency, latency, latency: the p99 latency budget.");
  older = test_core_meeting_new (f->store, f->ada, "2023-01-01", "Retro on latency");
  newer = test_core_meeting_new (f->store, f->ada, "2023-06-01", "Retro on latency");

  results = search (f, "latency");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 4);
  r0 = g_list_model_get_item (G_LIST_MODEL (results), 0);
  r1 = g_list_model_get_item (G_LIST_MODEL (results), 1);
  r2 = g_list_model_get_item (G_LIST_MODEL (results), 2);
  r3 = g_list_model_get_item (G_LIST_MODEL (results), 3);

  /* Many mentions in a short note beat one in a long note. */
  g_assert_cmpint (rapport_search_result_get_meeting_id (r0), ==, rapport_meeting_get_id (focused));
  g_assert_cmpint (rapport_search_result_get_meeting_id (r3), ==, rapport_meeting_get_id (passing));
  /* Equal notes: the newer first. */
  g_assert_cmpfloat (rapport_search_result_get_rank (r1), ==, rapport_search_result_get_rank (r2));
  g_assert_cmpint (rapport_search_result_get_meeting_id (r1), ==, rapport_meeting_get_id (newer));
  g_assert_cmpint (rapport_search_result_get_meeting_id (r2), ==, rapport_meeting_get_id (older));
  g_assert_cmpfloat (rapport_search_result_get_rank (r0), <, rapport_search_result_get_rank (r1));
  g_assert_cmpfloat (rapport_search_result_get_rank (r2), <, rapport_search_result_get_rank (r3));
}

static void
test_limit (Fixture      *f,
            gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) results = NULL;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *date = g_strdup_printf ("2020-01-%02u", i + 1);
      g_autoptr(RapportMeeting) meeting = test_core_meeting_new (f->store, f->ada, date, "standup notes");
      g_autoptr(RapportMeeting) other = test_core_meeting_new (f->store, f->ada, date, "no match here");
      g_assert_nonnull (meeting);
      add_commitment (f, rapport_meeting_get_id (other), "standup slides");
    }

  results = rapport_search_run (f->store, "standup", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 50);
  g_clear_object (&results);
  results = rapport_search_run (f->store, "standup", 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 7);
}

static void
test_snippet (Fixture      *f,
              gconstpointer data)
{
  g_autoptr(GString) notes = g_string_new ("Zoë & <team>\nhad a good week.\n");
  g_autoptr(RapportMeeting) meeting = NULL;
  g_autoptr(RapportSearchResult) hit = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *markup = NULL;
  const char      *snippet;

  for (guint i = 0; i < 40; i++)
    g_string_append (notes, "filler words here. ");
  prefix = g_strdup (notes->str);
  g_string_append (notes, "Then <b>the quarterly roadmap</b> & planning.\nMore filler.");
  meeting = test_core_meeting_new (f->store, f->ada, "2024-07-01", notes->str);

  hit = first (f, "roadm");
  snippet = rapport_search_result_get_snippet (hit);
  g_assert_nonnull (strstr (snippet, RAPPORT_SEARCH_MARK_START "roadmap" RAPPORT_SEARCH_MARK_END));
  g_assert_null (strchr (snippet, '\n'));
  /* A fragment around the match, not the whole note. */
  g_assert_true (g_str_has_prefix (snippet, "…"));
  g_assert_cmpuint (g_utf8_strlen (snippet, -1), <, 160);
  /* Character offset, not bytes ("ë" is two bytes). */
  g_assert_cmpint (rapport_search_result_get_match_offset (hit), ==,
                   g_utf8_strlen (prefix, -1) + strlen ("Then <b>the quarterly "));
  g_assert_cmpint (rapport_search_result_get_match_length (hit), ==, strlen ("roadmap"));

  markup = rapport_search_snippet_to_markup (snippet);
  g_assert_nonnull (strstr (markup, "&lt;b&gt;the quarterly <b>roadmap</b>&lt;/b&gt; &amp; planning"));
  assert_well_formed (markup);
}

static void
test_markup (void)
{
  static const struct
  {
    const char *in;
    const char *out;
  } cases[] = {
    { "plain", "plain" },
    { "a \002b\003 c", "a <b>b</b> c" },
    { "<&>\002'\"\003", "&lt;&amp;&gt;<b>&apos;&quot;</b>" },
    { "\002open", "<b>open</b>" },
    { "close\003 only", "close only" },
    { "\002\002twice\003\003", "<b>twice</b>" },
    { "bad\377", "bad\357\277\275" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *markup = rapport_search_snippet_to_markup (cases[i].in);
      g_assert_cmpstr (markup, ==, cases[i].out);
      assert_well_formed (markup);
    }
}

static void
test_hostile_queries (Fixture      *f,
                      gconstpointer data)
{
  static const char *const queries[] = {
    "\"",
    "\"\"",
    "AND",
    "OR",
    "NOT",
    "and or not",
    "*",
    "**",
    "(",
    ")",
    "((a",
    "NEAR(",
    "NEAR(a b, 2)",
    "a:b",
    "-",
    "^",
    "{a b}:c",
    "'",
    "\\",
    "%",
    "_",
    "a\"b",
    "\"unbalanced",
    "a OR",
    "x AND AND y",
    "\xff\xfe",
    "caf\xc3",
    "\xe2\x80",
    "🙂",
    "\t\n",
    " ",
    "",
    NULL,
  };
  g_autoptr(RapportMeeting) meeting = test_core_meeting_new (f->store, f->ada, "2024-01-01",
                                                              "and or not near a b c \"quoted\" x y");
  g_autoptr(GString) huge = g_string_new (NULL);
  g_assert_nonnull (meeting);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListStore) results = rapport_search_run (f->store, queries[i], 50, &error);

      g_assert_no_error (error);
      g_assert_nonnull (results);
    }

  /* Operators are words: "and" matches the word, it does not join. */
  g_assert_cmpuint (count (f, "AND"), ==, 1);
  g_assert_cmpuint (count (f, "NEAR(a"), ==, 1);
  g_assert_cmpuint (count (f, "\"quoted"), ==, 1);
  g_assert_cmpuint (count (f, "NOT quoted"), ==, 1);

  for (guint i = 0; i < 20000; i++)
    g_string_append (huge, i % 3 ? "\"(NEAR* " : "x\xff ");
  /* Only the first words count: "x" and "near", both in the notes. */
  g_assert_cmpuint (count (f, huge->str), ==, 1);
}

static void
test_query_plan (Fixture      *f,
                 gconstpointer data)
{
  static const char *const fts_tables[] = {
    [RAPPORT_SEARCH_KIND_NOTE] = "meetings_fts",
    [RAPPORT_SEARCH_KIND_COMMITMENT] = "commitments_fts",
    [RAPPORT_SEARCH_KIND_EVIDENCE] = "checklist_fts",
    [RAPPORT_SEARCH_KIND_PERSON] = "people_fts",
  };

  for (RapportSearchKind kind = RAPPORT_SEARCH_KIND_NOTE; kind <= RAPPORT_SEARCH_KIND_PERSON; kind++)
    for (int newest = 0; newest <= 1; newest++)
      {
        g_autofree char *sql = g_strconcat ("EXPLAIN QUERY PLAN ",
                                            rapport_search_get_sql (kind, newest), NULL);
        g_autoptr(GString) plan = g_string_new (NULL);
        g_autofree char *fts_scan = g_strdup_printf ("SCAN %s VIRTUAL TABLE INDEX", fts_tables[kind]);
        sqlite3_stmt    *stmt = NULL;
        guint            lines = 0;

        g_assert_cmpint (sqlite3_prepare_v2 (rapport_store_get_handle (f->store), sql, -1,
                                             &stmt, NULL),
                         ==, SQLITE_OK);
        sqlite3_bind_text (stmt, 1, "\"x\"*", -1, SQLITE_STATIC);
        sqlite3_bind_int (stmt, 4, 50);
        while (sqlite3_step (stmt) == SQLITE_ROW)
          {
            const char *detail = (const char *) sqlite3_column_text (stmt, 3);
            g_string_append_printf (plan, "%s\n", detail);
            lines++;
            /* The FTS index drives the loop; every other table is reached
             * by its primary key. */
            if (lines == 1)
              g_assert_true (g_str_has_prefix (detail, fts_scan));
            else
              g_assert_nonnull (strstr (detail, "USING INTEGER PRIMARY KEY"));
          }
        sqlite3_finalize (stmt);
        g_test_message ("%s", plan->str);
        g_assert_cmpuint (lines, >=, 2);
        /* FTS5 returns rows in rank (or rowid) order itself: no sort of
         * all matches, so only the first 50 get a snippet. */
        g_assert_null (strstr (plan->str, "TEMP B-TREE"));
      }
}

/* Each index is filled from a scan of its table in rowid order: FTS5
 * writes a new segment each time a rowid is lower than the one before,
 * and the meetings read by date (through an index on "deleted") made the
 * index of notes thousands of small segments merged again and again. */
static void
test_refill_plan (Fixture      *f,
                  gconstpointer data)
{
  const char *sql;
  const char *fts = NULL;
  guint       n = 0;

  for (guint i = 0; (sql = rapport_search_get_refill_sql (i, &fts)) != NULL; i++)
    {
      g_autofree char *explain = NULL;
      g_autofree char *table = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(GString) plan = g_string_new (NULL);
      const char   *select = strstr (sql, "SELECT");
      sqlite3_stmt *stmt = NULL;

      g_assert_nonnull (select);
      g_assert_true (g_str_has_suffix (fts, "_fts"));
      table = g_strndup (fts, strlen (fts) - strlen ("_fts"));
      explain = g_strconcat ("EXPLAIN QUERY PLAN ", select, NULL);
      g_assert_cmpint (sqlite3_prepare_v2 (rapport_store_get_handle (f->store), explain, -1,
                                           &stmt, NULL),
                       ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
      sqlite3_finalize (stmt);
      g_test_message ("%s: %s", fts, plan->str);
      /* One line: the table scanned, no index, no sort. */
      expected = g_strdup_printf ("SCAN %s\n", table);
      g_assert_cmpstr (plan->str, ==, expected);
      n++;
    }
  g_assert_cmpuint (n, ==, 5);
}

/* Past the cap, the newest matches are the ones ranked. */
static void
test_broad_query (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMeeting) best = test_core_meeting_new (f->store, f->ada, "2021-01-01", "standup standup standup");
  g_autoptr(GListStore) ranked = NULL;
  g_autoptr(GListStore) newest = NULL;
  g_autoptr(RapportSearchResult) top = NULL;
  gint64 newest_ids[2];

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *date = g_strdup_printf ("2021-02-%02u", i + 1);
      g_autofree char *notes = g_strdup_printf ("standup number %u with a longer note", i);
      g_autoptr(RapportMeeting) meeting = test_core_meeting_new (f->store, f->ada, date, notes);
      if (i >= 3)
        newest_ids[i - 3] = rapport_meeting_get_id (meeting);
    }

  ranked = rapport_search_run_capped (f->store, "standup", 2, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ranked)), ==, 2);
  top = g_list_model_get_item (G_LIST_MODEL (ranked), 0);
  g_assert_cmpint (rapport_search_result_get_meeting_id (top), ==, rapport_meeting_get_id (best));
  g_clear_object (&top);

  newest = rapport_search_run_capped (f->store, "standup", 2, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (newest)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RapportSearchResult) r = g_list_model_get_item (G_LIST_MODEL (newest), i);
      gint64 id = rapport_search_result_get_meeting_id (r);
      g_assert_true (id == newest_ids[0] || id == newest_ids[1]);
      g_assert_nonnull (strstr (rapport_search_result_get_snippet (r), RAPPORT_SEARCH_MARK_START));
    }
}

/* Ranked matches (negative bm25) come before every match of a kind past
 * the cap (rank 0), so when they fill the limit the notes past the cap
 * are not searched at all, and the result is the same. */
static void
test_ranked_fill_the_limit (Fixture      *f,
                            gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) two = NULL;
  g_autoptr(GListStore) six = NULL;
  gint64 meeting = 0;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *date = g_strdup_printf ("2021-03-%02u", i + 1);
      g_autoptr(RapportMeeting) m = test_core_meeting_new (f->store, f->ada, date, "a retro note");

      meeting = rapport_meeting_get_id (m);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO commitments (uuid, person_id, meeting_id, text,"
                                              " owner, created_at, updated_at) VALUES ('rc%u', %" G_GINT64_FORMAT
                                              ", %" G_GINT64_FORMAT ", 'plan the retro', 'me', 'x', 'x')",
                                              i, rapport_person_get_id (f->ada), meeting);
      test_core_exec (f->store, sql);
    }

  /* Notes past a cap of 3, the two commitments ranked. */
  two = rapport_search_run_capped (f->store, "retro", 2, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (two)), ==, 2);
  six = rapport_search_run_capped (f->store, "retro", 6, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (six)), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(RapportSearchResult) r = g_list_model_get_item (G_LIST_MODEL (six), i);
      RapportSearchKind kind = rapport_search_result_get_kind (r);

      g_assert_cmpint (kind, ==, i < 2 ? RAPPORT_SEARCH_KIND_COMMITMENT : RAPPORT_SEARCH_KIND_NOTE);
      if (i < 2)
        {
          g_autoptr(RapportSearchResult) same = g_list_model_get_item (G_LIST_MODEL (two), i);

          g_assert_cmpfloat (rapport_search_result_get_rank (r), <, 0);
          g_assert_cmpint (rapport_search_result_get_source_id (same), ==, rapport_search_result_get_source_id (r));
        }
      else
        g_assert_cmpfloat (rapport_search_result_get_rank (r), ==, 0);
    }
}

static char *
resource_text (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strconcat ("/io/github/rapport/Rapport/sql/", name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* A database written before search (schema 2, built from the migrations
 * of the time) gets its index filled when it is opened. */
static void
test_migration_fills_index (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_core_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autofree char *v1 = resource_text ("001.sql");
  g_autofree char *v2 = resource_text ("002.sql");
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA user_version = 2; PRAGMA application_id = %d;",
                                              RAPPORT_STORE_APPLICATION_ID);
  Fixture          fixture = {
             0,
  },
          *f = &fixture;

  test_core_sql (path, v1);
  test_core_sql (path, v2);
  test_core_sql (path, pragmas);
  test_core_sql (path,
                 "INSERT INTO people (id, uuid, name, created_at, updated_at)"
                 " VALUES (1, 'p1', 'Ada Lovelace', 'x', 'x');"
                 "INSERT INTO meetings (id, uuid, person_id, date, notes, created_at, updated_at)"
                 " VALUES (1, 'm1', 1, '2023-09-09', 'Quarterly goals review', 'x', 'x'),"
                 "        (2, 'm2', 1, '2023-09-16', 'Quarterly hidden', 'x', 'x');"
                 "UPDATE meetings SET deleted = 1 WHERE id = 2;"
                 "INSERT INTO checklist (uuid, meeting_id, habit_id, evidence, created_at, updated_at)"
                 " VALUES ('k1', 1, 1, 'Quarterly evidence', 'x', 'x'), ('k2', 1, 2, '', 'x', 'x');"
                 "INSERT INTO commitments (uuid, person_id, meeting_id, text, owner, created_at, updated_at)"
                 " VALUES ('c1', 1, 1, 'Quarterly slides', 'me', 'x', 'x');");
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM sqlite_schema WHERE name LIKE '%fts%'"), ==, 0);

  f->dir = g_steal_pointer (&dir);
  f->path = g_steal_pointer (&path);
  f->store = test_core_store_new (f->dir);
  f->ada = rapport_person_load (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_store_get_schema_version (f->store), ==, RAPPORT_STORE_SCHEMA_VERSION);

  /* Notes, evidence and commitment; the hidden meeting (purged on open)
   * stays out. */
  g_assert_cmpuint (count (f, "quarterly"), ==, 3);
  g_assert_cmpuint (count (f, "hidden"), ==, 0);
  g_assert_cmpuint (count (f, "lovelace"), ==, 1);
  assert_indexes_match_tables (f);

  fixture_tear_down (f, NULL);
}

/* A database of schema 6 gets the indexes made again with prefixes of
 * three characters (007-search-prefix.sql): the same rows are found, and
 * the indexes still match their tables afterwards. */
static void
test_migration_prefix (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_core_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA user_version = 6; PRAGMA application_id = %d;",
                                              RAPPORT_STORE_APPLICATION_ID);
  Fixture          fixture = {
             0,
  },
          *f = &fixture;

  for (guint v = 1; v <= 6; v++)
    {
      g_autofree char *name = g_strdup_printf ("%03u.sql", v);
      g_autofree char *sql = resource_text (name);

      test_core_sql (path, sql);
    }
  test_core_sql (path, pragmas);
  test_core_sql (path,
                 "INSERT INTO people (id, uuid, name, created_at, updated_at)"
                 " VALUES (1, 'p1', 'Ada Lovelace', 'x', 'x');"
                 "INSERT INTO meetings (id, uuid, person_id, date, notes, created_at, updated_at)"
                 " VALUES (1, 'm1', 1, '2023-09-09', 'Project kickoff', 'x', 'x'),"
                 "        (2, 'm2', 1, '2023-09-16', 'Promotion talk', 'x', 'x');"
                 "INSERT INTO checklist (uuid, meeting_id, habit_id, evidence, created_at, updated_at)"
                 " VALUES ('k1', 1, 1, 'Proactive', 'x', 'x'), ('k2', 1, 2, '', 'x', 'x');"
                 "INSERT INTO commitments (uuid, person_id, meeting_id, text, owner, created_at, updated_at)"
                 " VALUES ('c1', 1, 1, 'Prototype demo', 'me', 'x', 'x');");
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM sqlite_schema"
                                            " WHERE name GLOB '*_fts' AND sql LIKE '%prefix%'"),
                   ==, 0);

  f->dir = g_steal_pointer (&dir);
  f->path = g_steal_pointer (&path);
  f->store = test_core_store_new (f->dir);
  f->ada = rapport_person_load (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_store_get_schema_version (f->store), >=, 7);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM sqlite_schema WHERE name IN"
                                 " ('meetings_fts', 'commitments_fts', 'checklist_fts')"
                                 " AND sql LIKE '%prefix = ''3''%'"),
                   ==, 3);

  /* Both notes, the commitment and the evidence; a shorter word whole. */
  g_assert_cmpuint (count (f, "pro"), ==, 4);
  g_assert_cmpuint (count (f, "prom"), ==, 1);
  g_assert_cmpuint (count (f, "talk"), ==, 1);
  assert_indexes_match_tables (f);

  /* The triggers keep the new tables. */
  exec (f, "UPDATE meetings SET notes = 'Progress' WHERE id = 2");
  g_assert_cmpuint (count (f, "prom"), ==, 0);
  g_assert_cmpuint (count (f, "pro"), ==, 4);
  assert_indexes_match_tables (f);

  fixture_tear_down (f, NULL);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/search/build-query", test_build_query);
  g_test_add_func ("/search/markup", test_markup);
  ADD ("/search/sync/notes", test_notes_sync);
  ADD ("/search/sync/commitments", test_commitments_sync);
  ADD ("/search/sync/evidence", test_evidence_sync);
  ADD ("/search/sync/people", test_people_sync);
  ADD ("/search/diacritics", test_diacritics);
  ADD ("/search/ranking", test_ranking);
  ADD ("/search/limit", test_limit);
  ADD ("/search/snippet", test_snippet);
  ADD ("/search/hostile-queries", test_hostile_queries);
  ADD ("/search/query-plan", test_query_plan);
  ADD ("/search/refill-plan", test_refill_plan);
  ADD ("/search/broad-query", test_broad_query);
  ADD ("/search/ranked-fill-the-limit", test_ranked_fill_the_limit);
  g_test_add_func ("/search/migration", test_migration_fills_index);
  g_test_add_func ("/search/migration-prefix", test_migration_prefix);

  return g_test_run ();
}
