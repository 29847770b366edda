/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rapport-aggregates.h"
#include "rapport-exchange-private.h"
#include "rapport-exchange.h"
#include "rapport-search.h"
#include "test-core-util.h"

#define ADA "a0000000-0000-4000-8000-000000000001"
#define GRACE "a0000000-0000-4000-8000-000000000002"
#define OWN "b0000000-0000-4000-8000-000000000001"
#define M1 "c0000000-0000-4000-8000-000000000001"
#define M2 "c0000000-0000-4000-8000-000000000002"
#define M3 "c0000000-0000-4000-8000-000000000003"
#define LISTEN "7f1f2a10-5b1e-4c1e-9a01-000000000001"
#define TP1 "f0000000-0000-4000-8000-000000000001"
#define TP2 "f0000000-0000-4000-8000-000000000002"
#define TP3 "f0000000-0000-4000-8000-000000000003"
#define TP4 "f0000000-0000-4000-8000-000000000004"

/* A small history that uses every column, NULLs and non-ASCII text. */
static const char *sample_sql =
  "INSERT INTO people (uuid, name, role, cadence_days, archived, created_at, updated_at) VALUES"
  " ('" ADA "', 'Ada Lovelace', 'Engineer', 7, 0, '2024-01-02T09:00:00.000Z', '2024-01-02T09:00:00.000Z'),"
  " ('" GRACE "', 'Grâce “Amazing” Hopper', '', 14, 1, '2024-01-03T09:00:00.000Z', '2024-02-03T09:00:00.000Z');"
  "INSERT INTO habits (uuid, key, label, hint, kind, position, active, created_at, updated_at) VALUES"
  " ('" OWN "', NULL, 'Ask about the weekend', 'Small talk, big trust.', 'trust', 12, 1,"
  "  '2024-01-05T10:00:00.000Z', '2024-01-05T10:00:00.000Z');"
  "UPDATE habits SET label = 'Really listen', updated_at = '2026-01-06T10:00:00.000Z' WHERE key = 'listen';"
  /* Changed without a new updated_at, as an older build or another tool might. */
  "UPDATE habits SET active = 1 WHERE key = 'big-picture';"
  "INSERT INTO meetings (uuid, person_id, date, notes, mood, created_at, updated_at) VALUES"
  " ('" M1 "', (SELECT id FROM people WHERE uuid = '" ADA "'), '2024-01-08',"
  "  'First 1:1.\nShe wants to own the \"parser\" rewrite. Café ☕ chat.', 4,"
  "  '2024-01-08T10:00:00.000Z', '2024-01-08T10:30:00.000Z'),"
  " ('" M2 "', (SELECT id FROM people WHERE uuid = '" ADA "'), '2024-01-15', '', NULL,"
  "  '2024-01-15T10:00:00.000Z', '2024-01-15T10:00:00.000Z'),"
  " ('" M3 "', (SELECT id FROM people WHERE uuid = '" GRACE "'), '2024-01-09', 'Tabs\tand \\\\ slashes', 2,"
  "  '2024-01-09T10:00:00.000Z', '2024-01-09T11:00:00.000Z');"
  "INSERT INTO checklist (uuid, meeting_id, habit_id, ticked, evidence, created_at, updated_at) VALUES"
  " ('d0000000-0000-4000-8000-000000000001', (SELECT id FROM meetings WHERE uuid = '" M1 "'),"
  "  (SELECT id FROM habits WHERE key = 'listen'), 1, 'She talked 80 % of the time',"
  "  '2024-01-08T10:00:00.000Z', '2024-01-08T10:10:00.000Z'),"
  " ('d0000000-0000-4000-8000-000000000002', (SELECT id FROM meetings WHERE uuid = '" M1 "'),"
  "  (SELECT id FROM habits WHERE key = 'explain-why'), 0, '',"
  "  '2024-01-08T10:00:00.000Z', '2024-01-08T10:00:00.000Z'),"
  " ('d0000000-0000-4000-8000-000000000003', (SELECT id FROM meetings WHERE uuid = '" M1 "'),"
  "  (SELECT id FROM habits WHERE uuid = '" OWN "'), 1, '',"
  "  '2024-01-08T10:00:00.000Z', '2024-01-08T10:20:00.000Z'),"
  " ('d0000000-0000-4000-8000-000000000004', (SELECT id FROM meetings WHERE uuid = '" M3 "'),"
  "  (SELECT id FROM habits WHERE key = 'listen'), 1, 'Asked about the on-call load',"
  "  '2024-01-09T10:00:00.000Z', '2024-01-09T10:05:00.000Z');"
  "INSERT INTO commitments (uuid, person_id, meeting_id, text, owner, due, closed_on, created_at, updated_at) VALUES"
  " ('e0000000-0000-4000-8000-000000000001', (SELECT id FROM people WHERE uuid = '" ADA "'),"
  "  (SELECT id FROM meetings WHERE uuid = '" M1 "'), 'Send the design doc', 'me', '2024-01-12', '2024-01-11',"
  "  '2024-01-08T10:15:00.000Z', '2024-01-11T08:00:00.000Z'),"
  " ('e0000000-0000-4000-8000-000000000002', (SELECT id FROM people WHERE uuid = '" ADA "'),"
  "  (SELECT id FROM meetings WHERE uuid = '" M1 "'), 'Draft the parser plan', 'them', NULL, NULL,"
  "  '2024-01-08T10:16:00.000Z', '2024-01-08T10:16:00.000Z');"
  /* Between the 1:1s (migration 8): a next date set by hand, talking
   * points waiting, discussed, recurring (a discussed row and the next
   * one waiting for its day) and one hidden for undo (not exported), a
   * 1:1 skipped for leave and one moved. */
  "UPDATE people SET next_date = '2024-01-19' WHERE uuid = '" ADA "';"
  "INSERT INTO talking_points (uuid, person_id, text, raised_by, position, discussed_in, recur_every,"
  " recur_unit, series, next_due, deleted, created_at, updated_at) VALUES"
  " ('" TP1 "', (SELECT id FROM people WHERE uuid = '" ADA "'), 'Conférence “budget” for Q3', 'them', 2,"
  "  NULL, NULL, NULL, NULL, NULL, 0, '2024-01-09T08:00:00.000Z', '2024-01-10T08:00:00.000Z'),"
  " ('" TP2 "', (SELECT id FROM people WHERE uuid = '" ADA "'), 'The parser rewrite', 'me', 0,"
  "  (SELECT id FROM meetings WHERE uuid = '" M1 "'), NULL, NULL, NULL, NULL, 0,"
  "  '2024-01-05T08:00:00.000Z', '2024-01-08T10:20:00.000Z'),"
  " ('" TP3 "', (SELECT id FROM people WHERE uuid = '" ADA "'), 'Career and growth', 'me', 1,"
  "  (SELECT id FROM meetings WHERE uuid = '" M1 "'), 8, 'weeks', '" TP3 "', NULL, 0,"
  "  '2024-01-06T08:00:00.000Z', '2024-01-08T10:25:00.000Z'),"
  " ('" TP4 "', (SELECT id FROM people WHERE uuid = '" ADA "'), 'Career and growth', 'me', 1,"
  "  NULL, 8, 'weeks', '" TP3 "', '2024-03-04', 0, '2024-01-08T10:25:00.000Z', '2024-01-08T10:25:00.000Z'),"
  " ('f0000000-0000-4000-8000-000000000005', (SELECT id FROM people WHERE uuid = '" GRACE "'),"
  "  'Hidden for undo', 'me', 0, NULL, NULL, NULL, NULL, NULL, 1,"
  "  '2024-01-09T08:00:00.000Z', '2024-01-09T08:00:00.000Z');"
  "INSERT INTO missed_meetings (uuid, person_id, date, kind, reason, reason_kind, moved_to,"
  " created_at, updated_at) VALUES"
  " ('90000000-0000-4000-8000-000000000001', (SELECT id FROM people WHERE uuid = '" ADA "'),"
  "  '2024-01-22', 'skipped', 'On leave — skiing', 'leave', NULL,"
  "  '2024-01-20T09:00:00.000Z', '2024-01-20T09:00:00.000Z'),"
  " ('90000000-0000-4000-8000-000000000002', (SELECT id FROM people WHERE uuid = '" GRACE "'),"
  "  '2024-01-16', 'moved', '', 'other', '2024-01-18',"
  "  '2024-01-15T09:00:00.000Z', '2024-01-15T09:30:00.000Z');";

typedef struct
{
  char         *dir;
  char         *path;  /* the source database, with the sample */
  char         *path2; /* an empty one */
  RapportStore *store;
  RapportStore *store2;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir2 = NULL;

  test_core_db_set_up (&f->dir, &f->path, &f->store);
  rapport_store_exec (f->store, sample_sql, &error);
  g_assert_no_error (error);

  dir2 = g_build_filename (f->dir, "other", NULL);
  f->path2 = g_build_filename (dir2, "rapport.db", NULL);
  f->store2 = rapport_store_open (f->path2, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_assert_finalize_object (f->store2);
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
  g_free (f->path2);
}

/* Every row of every table, ids included, as text. */
static char *
dump (RapportStore *store)
{
  static const char *tables[] = { "people", "habits", "meetings", "checklist", "commitments",
                                  "talking_points", "missed_meetings" };
  sqlite3           *db = rapport_store_get_handle (store);
  GString           *out = g_string_new (NULL);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id", tables[t]);
      sqlite3_stmt    *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (out, "[%s]\n", tables[t]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s|", sqlite3_column_type (stmt, c) == SQLITE_NULL ? "NULL" : (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (out, FALSE);
}

static char *export(RapportStore *store)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  char *data = rapport_exchange_export_to_data (store, &length, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (data);
  g_assert_cmpuint (strlen (data), ==, length);
  return data;
}

/* The export with its export time blanked out. */
static char *
without_time (const char *data)
{
  g_autoptr(GRegex) re = g_regex_new ("\"exported_at\" : \"[^\"]*\"", 0, 0, NULL);
  char *out = g_regex_replace_literal (re, data, -1, 0, "\"exported_at\" : \"\"", 0, NULL);

  g_assert_true (strcmp (out, data) != 0);
  return out;
}

static void
import_ok (RapportStore         *store,
           const char           *data,
           RapportExchangeStats *stats)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_exchange_import_from_data (store, data, strlen (data), stats,
                                                    NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_round_trip (Fixture      *f,
                 gconstpointer data)
{
  g_autofree char     *first = export(f->store);
  g_autofree char     *second = NULL;
  g_autofree char     *a = NULL;
  g_autofree char     *b = NULL;
  RapportExchangeStats stats = { 0 };

  g_assert_nonnull (strstr (first, "\"format\" : \"rapport-export\""));
  g_assert_nonnull (strstr (first, "\"version\" : 1"));
  g_assert_nonnull (strstr (first, "Grâce “Amazing” Hopper"));

  import_ok (f->store2, first, &stats);
  /* 2 people, 3 meetings, 4 ticks, 2 commitments, 4 talking points, 2
   * missed 1:1s and the custom habit are new; the renamed built-in habit
   * updates, and so does the one switched on at the same updated_at;
   * nine built-ins match as they are. */
  g_assert_cmpuint (stats.added, ==, 18);
  g_assert_cmpuint (stats.updated, ==, 2);
  g_assert_cmpuint (stats.unchanged, ==, 9);

  second = export(f->store2);
  a = without_time (first);
  b = without_time (second);
  g_assert_cmpstr (a, ==, b);

  /* Byte for byte in the columns, not only in the file. */
  g_assert_cmpint (test_core_sql_int (f->path2, "SELECT count(*) FROM meetings WHERE notes ="
                                                " 'First 1:1.\nShe wants to own the \"parser\" rewrite. Café ☕ chat.'"),
                   ==, 1);
  g_assert_cmpint (test_core_sql_int (f->path2, "SELECT count(*) FROM meetings WHERE mood IS NULL"), ==, 1);
  g_assert_cmpint (test_core_sql_int (f->path2, "SELECT count(*) FROM commitments WHERE due IS NULL"
                                                " AND closed_on IS NULL AND owner = 'them'"),
                   ==, 1);

  /* Every new field, as it was. */
  g_assert_cmpint (test_core_sql_int (f->path2, "SELECT count(*) FROM people WHERE next_date = '2024-01-19'"
                                                " AND uuid = '" ADA "'"),
                   ==, 1);
  g_assert_cmpint (test_core_sql_int (f->path2, "SELECT count(*) FROM people WHERE next_date IS NULL"), ==, 1);
  g_assert_cmpint (test_core_sql_int (f->path2, "SELECT count(*) FROM talking_points t JOIN people p"
                                                " ON p.id = t.person_id WHERE t.uuid = '" TP1 "' AND p.uuid = '" ADA "'"
                                                " AND t.text = 'Conférence “budget” for Q3' AND t.raised_by = 'them'"
                                                " AND t.position = 2 AND t.discussed_in IS NULL AND t.recur_every IS NULL"
                                                " AND t.recur_unit IS NULL AND t.series IS NULL AND t.next_due IS NULL"
                                                " AND t.created_at = '2024-01-09T08:00:00.000Z'"
                                                " AND t.updated_at = '2024-01-10T08:00:00.000Z'"),
                   ==, 1);
  g_assert_cmpint (test_core_sql_int (f->path2, "SELECT count(*) FROM talking_points t JOIN meetings m"
                                                " ON m.id = t.discussed_in WHERE m.uuid = '" M1 "'"),
                   ==, 2);
  g_assert_cmpint (test_core_sql_int (f->path2, "SELECT count(*) FROM talking_points WHERE uuid = '" TP4 "'"
                                                " AND recur_every = 8 AND recur_unit = 'weeks' AND series = '" TP3 "'"
                                                " AND next_due = '2024-03-04' AND discussed_in IS NULL"),
                   ==, 1);
  g_assert_cmpint (test_core_sql_int (f->path2, "SELECT count(*) FROM talking_points"
                                                " WHERE text = 'Hidden for undo'"),
                   ==, 0);
  g_assert_cmpint (test_core_sql_int (f->path2, "SELECT count(*) FROM missed_meetings s JOIN people p"
                                                " ON p.id = s.person_id WHERE p.uuid = '" ADA "' AND s.date = '2024-01-22'"
                                                " AND s.kind = 'skipped' AND s.reason = 'On leave — skiing'"
                                                " AND s.reason_kind = 'leave' AND s.moved_to IS NULL"),
                   ==, 1);
  g_assert_cmpint (test_core_sql_int (f->path2, "SELECT count(*) FROM missed_meetings WHERE kind = 'moved'"
                                                " AND moved_to = '2024-01-18' AND reason = ''"
                                                " AND updated_at = '2024-01-15T09:30:00.000Z'"),
                   ==, 1);
  /* Searchable there as here. */
  g_assert_cmpint (test_core_sql_int (f->path2, "SELECT count(*) FROM talking_points_fts"
                                                " WHERE talking_points_fts MATCH 'conference'"),
                   ==, 1);
}

static void
test_round_trip_file (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (f->dir, "export.json", NULL);
  g_autofree char *file2 = g_build_filename (f->dir, "export2.json", NULL);
  g_autoptr(GBytes) one = NULL;
  g_autoptr(GBytes) two = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  GStatBuf         st;

  g_assert_true (rapport_exchange_export_to_file (f->store, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (rapport_exchange_import_from_file (f->store2, file, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_exchange_export_to_file (f->store2, file2, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  one = test_core_file_bytes (file);
  two = test_core_file_bytes (file2);
  a = without_time (g_bytes_get_data (one, NULL));
  b = without_time (g_bytes_get_data (two, NULL));
  g_assert_cmpstr (a, ==, b);
}

static void
test_idempotent (Fixture      *f,
                 gconstpointer data)
{
  g_autofree char     *file = export(f->store);
  g_autofree char     *before = NULL;
  g_autofree char     *after = NULL;
  RapportExchangeStats stats = { 0 };

  import_ok (f->store2, file, NULL);
  before = dump (f->store2);
  import_ok (f->store2, file, &stats);
  after = dump (f->store2);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (stats.added, ==, 0);
  g_assert_cmpuint (stats.updated, ==, 0);
  g_assert_cmpuint (stats.unchanged, ==, 29);

  /* Importing a database's own export into itself changes nothing either. */
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = dump (f->store);
  import_ok (f->store, file, &stats);
  after = dump (f->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (stats.added, ==, 0);
}

static char *
notes_of (const char *path,
          const char *uuid)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char         *notes;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT notes FROM meetings WHERE uuid = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  notes = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return notes;
}

static void
test_conflict_newer_wins (Fixture      *f,
                          gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char     *old_export = export(f->store);
  g_autofree char     *newer_export = NULL;
  g_autofree char     *notes = NULL;
  RapportExchangeStats stats = { 0 };

  import_ok (f->store2, old_export, NULL);

  /* The target was edited after the export: its version stays. */
  rapport_store_exec (f->store2, "UPDATE meetings SET notes = 'edited here later',"
                                 " updated_at = '2025-01-01T00:00:00.000Z' WHERE uuid = '" M1 "'",
                      &error);
  g_assert_no_error (error);
  import_ok (f->store2, old_export, &stats);
  notes = notes_of (f->path2, M1);
  g_assert_cmpstr (notes, ==, "edited here later");
  g_assert_cmpuint (stats.updated, ==, 0);

  /* The source was edited later still: the file's version wins. */
  rapport_store_exec (f->store, "UPDATE meetings SET notes = 'edited there, even later', mood = 5,"
                                " updated_at = '2025-06-01T00:00:00.000Z' WHERE uuid = '" M1 "';"
                                "UPDATE checklist SET ticked = 0, updated_at = '2025-06-01T00:00:00.000Z'"
                                " WHERE uuid = 'd0000000-0000-4000-8000-000000000001'",
                      &error);
  g_assert_no_error (error);
  newer_export = export(f->store);
  import_ok (f->store2, newer_export, &stats);
  g_clear_pointer (&notes, g_free);
  notes = notes_of (f->path2, M1);
  g_assert_cmpstr (notes, ==, "edited there, even later");
  g_assert_cmpuint (stats.updated, ==, 2);
  g_assert_cmpuint (stats.added, ==, 0);
  g_assert_cmpint (test_core_sql_int (f->path2, "SELECT mood FROM meetings WHERE uuid = '" M1 "'"), ==, 5);
  g_assert_cmpint (test_core_sql_int (f->path2, "SELECT ticked FROM checklist WHERE"
                                                " uuid = 'd0000000-0000-4000-8000-000000000001'"),
                   ==, 0);
}

static void
test_builtin_habits_match_by_key (Fixture      *f,
                                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;

  /* Another copy of Rapport gave "listen" another UUID. */
  rapport_store_exec (f->store, "UPDATE habits SET uuid = 'f0000000-0000-4000-8000-00000000000f'"
                                " WHERE key = 'listen'",
                      &error);
  g_assert_no_error (error);
  file = export(f->store);
  import_ok (f->store2, file, NULL);

  g_assert_cmpint (test_core_sql_int (f->path2, "SELECT count(*) FROM habits"), ==, 12);
  g_assert_cmpint (test_core_sql_int (f->path2, "SELECT count(*) FROM habits WHERE key = 'listen'"
                                                " AND uuid = '" LISTEN "' AND label = 'Really listen'"),
                   ==, 1);
  g_assert_cmpint (test_core_sql_int (f->path2, "SELECT count(*) FROM checklist c JOIN habits h"
                                                " ON h.id = c.habit_id WHERE h.key = 'listen'"),
                   ==, 2);
}

/* ---- refused files ---- */

typedef char *(*Spoil) (const char *good);

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static char *
unparse (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static JsonObject *
item (JsonNode   *root,
      const char *list,
      guint       index)
{
  return json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), list), index);
}

typedef struct
{
  const char *name;
  int         code;
  const char *message; /* a part of the error message */
} BadCase;

static char *
spoil (const char *good,
       const char *name)
{
  g_autoptr(JsonNode) root = parse (good);
  JsonObject *top = json_node_get_object (root);

  if (g_str_equal (name, "truncated"))
    return g_strndup (good, strlen (good) / 2);
  if (g_str_equal (name, "empty"))
    return g_strdup ("");
  if (g_str_equal (name, "syntax"))
    return g_strdup ("{\n  \"format\": \"rapport-export\",\n  \"version\": 1,,\n}");
  if (g_str_equal (name, "not-object"))
    return g_strdup ("[1, 2, 3]");
  if (g_str_equal (name, "wrong-format"))
    json_object_set_string_member (top, "format", "something-else");
  else if (g_str_equal (name, "newer-version"))
    json_object_set_int_member (top, "version", 2);
  else if (g_str_equal (name, "version-string"))
    json_object_set_string_member (top, "version", "1");
  else if (g_str_equal (name, "people-not-list"))
    json_object_set_int_member (top, "people", 3);
  else if (g_str_equal (name, "mood-string"))
    json_object_set_string_member (item (root, "meetings", 0), "mood", "4");
  else if (g_str_equal (name, "mood-range"))
    json_object_set_int_member (item (root, "meetings", 0), "mood", 6);
  else if (g_str_equal (name, "bad-date"))
    json_object_set_string_member (item (root, "meetings", 2), "date", "2024-02-30");
  else if (g_str_equal (name, "bad-timestamp"))
    json_object_set_string_member (item (root, "people", 1), "updated_at", "yesterday");
  else if (g_str_equal (name, "archived-int"))
    json_object_set_int_member (item (root, "people", 0), "archived", 1);
  else if (g_str_equal (name, "missing-name"))
    json_object_remove_member (item (root, "people", 0), "name");
  else if (g_str_equal (name, "bad-uuid"))
    json_object_set_string_member (item (root, "people", 0), "uuid", "not-a-uuid");
  else if (g_str_equal (name, "uuid-hyphen-moved"))
    json_object_set_string_member (item (root, "people", 0), "uuid", "a000000-00000-4000-8000-0000000000aa");
  else if (g_str_equal (name, "uuid-too-long"))
    json_object_set_string_member (item (root, "people", 0), "uuid", "a0000000-0000-4000-8000-0000000000aa0");
  else if (g_str_equal (name, "uuid-too-short"))
    json_object_set_string_member (item (root, "people", 0), "uuid", "a0000000-0000-4000-8000-0000000000a");
  else if (g_str_equal (name, "uuid-hyphen-for-digit"))
    json_object_set_string_member (item (root, "people", 0), "uuid", "a0000000-0000-4000-8000-0000000000-a");
  else if (g_str_equal (name, "uuid-not-hex"))
    json_object_set_string_member (item (root, "people", 0), "uuid", "a0000000-0000-4000-8000-0000000000ag");
  else if (g_str_equal (name, "time-hour-24"))
    json_object_set_string_member (item (root, "people", 1), "updated_at", "2024-05-05T24:00:00.000Z");
  else if (g_str_equal (name, "time-no-such-day"))
    json_object_set_string_member (item (root, "people", 1), "updated_at", "2023-02-29T10:00:00.000Z");
  else if (g_str_equal (name, "year-zero"))
    json_object_set_string_member (item (root, "meetings", 2), "date", "0000-01-01");
  else if (g_str_equal (name, "duplicate-habit-case"))
    {
      /* The first meeting with two ticks: the second names the first's
       * habit again, in upper case. */
      JsonArray *meetings = json_object_get_array_member (top, "meetings");

      for (guint i = 0; i < json_array_get_length (meetings); i++)
        {
          JsonArray *ticks = json_object_get_array_member (json_array_get_object_element (meetings, i),
                                                           "checklist");
          if (ticks != NULL && json_array_get_length (ticks) >= 2)
            {
              g_autofree char *upper = g_ascii_strup (
                json_object_get_string_member (json_array_get_object_element (ticks, 0), "habit"), -1);
              json_object_set_string_member (json_array_get_object_element (ticks, 1), "habit", upper);
              break;
            }
        }
    }
  else if (g_str_equal (name, "far-meeting-not-object"))
    {
      /* Paths with two-digit indexes: copies of the first meeting up to
       * $.meetings[11], then a number at $.meetings[12]. */
      JsonArray *meetings = json_object_get_array_member (top, "meetings");

      while (json_array_get_length (meetings) < 12)
        {
          /* json_node_copy() would share the object. */
          g_autofree char *text = json_to_string (json_array_get_element (meetings, 0), FALSE);
          JsonNode        *copy = json_from_string (text, NULL);
          g_autofree char *uuid = g_uuid_string_random ();

          json_object_set_string_member (json_node_get_object (copy), "uuid", uuid);
          json_object_remove_member (json_node_get_object (copy), "checklist");
          json_array_add_element (meetings, copy);
        }
      json_array_add_int_element (meetings, 5);
    }
  else if (g_str_equal (name, "far-tick-not-object"))
    {
      /* Ten ticks of ten habits on the first meeting, then a number at
       * checklist[10]. */
      JsonArray *habits = json_object_get_array_member (top, "habits");
      JsonArray *ticks = json_array_new ();

      g_assert_cmpuint (json_array_get_length (habits), >=, 10);
      for (guint i = 0; i < 10; i++)
        {
          JsonObject      *tick = json_object_new ();
          g_autofree char *uuid = g_uuid_string_random ();

          json_object_set_string_member (tick, "uuid", uuid);
          json_object_set_string_member (tick, "habit",
                                         json_object_get_string_member (json_array_get_object_element (habits, i),
                                                                        "uuid"));
          json_object_set_boolean_member (tick, "ticked", TRUE);
          json_object_set_string_member (tick, "created_at", "2024-05-05T00:00:00.000Z");
          json_object_set_string_member (tick, "updated_at", "2024-05-05T00:00:00.000Z");
          json_array_add_object_element (ticks, tick);
        }
      json_array_add_int_element (ticks, 5);
      json_object_set_array_member (item (root, "meetings", 0), "checklist", ticks);
    }
  else if (g_str_equal (name, "duplicate-uuid"))
    json_object_set_string_member (item (root, "people", 1), "uuid", ADA);
  else if (g_str_equal (name, "duplicate-uuid-across"))
    json_object_set_string_member (item (root, "commitments", 1), "uuid", M2);
  else if (g_str_equal (name, "huge-name"))
    {
      g_autofree char *huge = g_strnfill (RAPPORT_EXCHANGE_MAX_NAME_CHARS + 1, 'x');
      json_object_set_string_member (item (root, "people", 0), "name", huge);
    }
  else if (g_str_equal (name, "huge-notes"))
    {
      g_autofree char *huge = g_strnfill (RAPPORT_EXCHANGE_MAX_NOTES_BYTES + 1, 'x');
      json_object_set_string_member (item (root, "meetings", 1), "notes", huge);
    }
  else if (g_str_equal (name, "bad-kind"))
    json_object_set_string_member (item (root, "habits", 0), "kind", "control");
  else if (g_str_equal (name, "bad-owner"))
    json_object_set_string_member (item (root, "commitments", 0), "owner", "boss");
  else if (g_str_equal (name, "dangling-person"))
    {
      /* A new person first, so that a partial import would show. */
      JsonObject *fresh = json_object_new ();
      json_object_set_string_member (fresh, "uuid", "a0000000-0000-4000-8000-0000000000ff");
      json_object_set_string_member (fresh, "name", "New Person");
      json_object_set_string_member (fresh, "created_at", "2024-05-05T00:00:00.000Z");
      json_object_set_string_member (fresh, "updated_at", "2024-05-05T00:00:00.000Z");
      json_array_add_object_element (json_object_get_array_member (top, "people"), fresh);
      json_object_set_string_member (item (root, "meetings", 2), "person",
                                     "a0000000-0000-4000-8000-0000000000ee");
    }
  else if (g_str_equal (name, "dangling-meeting"))
    json_object_set_string_member (item (root, "commitments", 1), "meeting",
                                   "c0000000-0000-4000-8000-0000000000ee");
  else if (g_str_equal (name, "dangling-habit"))
    {
      JsonObject *meeting = item (root, "meetings", 1); /* Grace's, one tick */
      JsonObject *tick = json_array_get_object_element (json_object_get_array_member (meeting, "checklist"), 0);
      json_object_set_string_member (tick, "habit", "b0000000-0000-4000-8000-0000000000ee");
    }
  else if (g_str_equal (name, "other-persons-meeting"))
    json_object_set_string_member (item (root, "commitments", 1), "meeting", M3);
  else if (g_str_equal (name, "bad-next-date"))
    json_object_set_string_member (item (root, "people", 0), "next_date", "soon");
  else if (g_str_equal (name, "bad-raised-by"))
    json_object_set_string_member (item (root, "talking_points", 3), "raised_by", "boss");
  else if (g_str_equal (name, "point-other-persons-meeting"))
    json_object_set_string_member (item (root, "talking_points", 0), "discussed_in", M3);
  else if (g_str_equal (name, "point-dangling-meeting"))
    json_object_set_string_member (item (root, "talking_points", 0), "discussed_in",
                                   "c0000000-0000-4000-8000-0000000000ee");
  else if (g_str_equal (name, "point-half-recurrence"))
    json_object_set_null_member (item (root, "talking_points", 1), "recur_unit");
  else if (g_str_equal (name, "point-no-series"))
    json_object_remove_member (item (root, "talking_points", 2), "series");
  else if (g_str_equal (name, "point-recur-unit"))
    json_object_set_string_member (item (root, "talking_points", 2), "recur_unit", "months");
  else if (g_str_equal (name, "point-too-long"))
    json_object_set_int_member (item (root, "talking_points", 2), "recur_every", 53);
  else if (g_str_equal (name, "missed-kind"))
    json_object_set_string_member (item (root, "missed_meetings", 0), "kind", "cancelled");
  else if (g_str_equal (name, "missed-reason-kind"))
    json_object_set_string_member (item (root, "missed_meetings", 0), "reason_kind", "sick");
  else if (g_str_equal (name, "skip-moved-to"))
    json_object_set_string_member (item (root, "missed_meetings", 1), "moved_to", "2024-01-25");
  else if (g_str_equal (name, "missed-dangling-person"))
    json_object_set_string_member (item (root, "missed_meetings", 1), "person",
                                   "a0000000-0000-4000-8000-0000000000ee");
  else if (g_str_equal (name, "invalid-utf8"))
    {
      g_autofree char *text = unparse (root);
      char            *at = strstr (text, "Lovelace");
      at[0] = (char) 0xff;
      return g_steal_pointer (&text);
    }
  else
    g_assert_not_reached ();
  return unparse (root);
}

static const BadCase bad_cases[] = {
  { "truncated", RAPPORT_EXCHANGE_ERROR_SYNTAX, "Not valid JSON at line " },
  { "empty", RAPPORT_EXCHANGE_ERROR_SYNTAX, "empty" },
  { "syntax", RAPPORT_EXCHANGE_ERROR_SYNTAX, "at line 3, column " },
  { "not-object", RAPPORT_EXCHANGE_ERROR_INVALID, "$: not an object" },
  { "wrong-format", RAPPORT_EXCHANGE_ERROR_INVALID, "$.format: “something-else”" },
  { "newer-version", RAPPORT_EXCHANGE_ERROR_TOO_NEW, "newer version of Rapport (format 2" },
  { "version-string", RAPPORT_EXCHANGE_ERROR_INVALID, "$.version: not a whole number" },
  { "people-not-list", RAPPORT_EXCHANGE_ERROR_INVALID, "$.people: not a list" },
  { "mood-string", RAPPORT_EXCHANGE_ERROR_INVALID, "$.meetings[0].mood: not a whole number" },
  { "mood-range", RAPPORT_EXCHANGE_ERROR_INVALID, "$.meetings[0].mood: 6 is out of range" },
  { "bad-date", RAPPORT_EXCHANGE_ERROR_INVALID, "$.meetings[2].date: not a date" },
  { "bad-timestamp", RAPPORT_EXCHANGE_ERROR_INVALID, "$.people[1].updated_at: not a UTC time" },
  { "archived-int", RAPPORT_EXCHANGE_ERROR_INVALID, "$.people[0].archived: not true or false" },
  { "missing-name", RAPPORT_EXCHANGE_ERROR_INVALID, "$.people[0].name: missing" },
  { "bad-uuid", RAPPORT_EXCHANGE_ERROR_INVALID, "$.people[0].uuid: not a UUID" },
  { "uuid-hyphen-moved", RAPPORT_EXCHANGE_ERROR_INVALID, "$.people[0].uuid: not a UUID" },
  { "uuid-too-long", RAPPORT_EXCHANGE_ERROR_INVALID, "$.people[0].uuid: not a UUID" },
  { "uuid-too-short", RAPPORT_EXCHANGE_ERROR_INVALID, "$.people[0].uuid: not a UUID" },
  { "uuid-hyphen-for-digit", RAPPORT_EXCHANGE_ERROR_INVALID, "$.people[0].uuid: not a UUID" },
  { "uuid-not-hex", RAPPORT_EXCHANGE_ERROR_INVALID, "$.people[0].uuid: not a UUID" },
  { "time-hour-24", RAPPORT_EXCHANGE_ERROR_INVALID, "$.people[1].updated_at: not a UTC time" },
  { "time-no-such-day", RAPPORT_EXCHANGE_ERROR_INVALID, "$.people[1].updated_at: not a UTC time" },
  { "year-zero", RAPPORT_EXCHANGE_ERROR_INVALID, "$.meetings[2].date: not a date" },
  { "duplicate-habit-case", RAPPORT_EXCHANGE_ERROR_INVALID,
    ".checklist[1].habit: this habit is already on the meeting’s checklist" },
  { "far-meeting-not-object", RAPPORT_EXCHANGE_ERROR_INVALID, "$.meetings[12]: not an object" },
  { "far-tick-not-object", RAPPORT_EXCHANGE_ERROR_INVALID, "$.meetings[0].checklist[10]: not an object" },
  { "duplicate-uuid", RAPPORT_EXCHANGE_ERROR_INVALID, "$.people[1].uuid: the UUID " ADA " is used twice (first at $.people[0])" },
  { "duplicate-uuid-across", RAPPORT_EXCHANGE_ERROR_INVALID, "$.commitments[1].uuid: the UUID " M2 " is used twice" },
  { "huge-name", RAPPORT_EXCHANGE_ERROR_INVALID, "$.people[0].name: too long (201 characters; at most 200)" },
  { "huge-notes", RAPPORT_EXCHANGE_ERROR_INVALID, "$.meetings[1].notes: too long" },
  { "bad-kind", RAPPORT_EXCHANGE_ERROR_INVALID, "$.habits[0].kind" },
  { "bad-owner", RAPPORT_EXCHANGE_ERROR_INVALID, "$.commitments[0].owner" },
  { "dangling-person", RAPPORT_EXCHANGE_ERROR_INVALID, "$.meetings[2].person: no person with the UUID" },
  { "dangling-meeting", RAPPORT_EXCHANGE_ERROR_INVALID, "$.commitments[1].meeting: no meeting with the UUID" },
  { "dangling-habit", RAPPORT_EXCHANGE_ERROR_INVALID, "$.meetings[1].checklist[0].habit: no habit with the UUID" },
  { "other-persons-meeting", RAPPORT_EXCHANGE_ERROR_INVALID, "$.commitments[1].meeting: the meeting is with another person" },
  { "invalid-utf8", RAPPORT_EXCHANGE_ERROR_SYNTAX, "not UTF-8" },
  { "bad-next-date", RAPPORT_EXCHANGE_ERROR_INVALID, "$.people[0].next_date: not a date" },
  { "bad-raised-by", RAPPORT_EXCHANGE_ERROR_INVALID, "$.talking_points[3].raised_by: neither" },
  { "point-other-persons-meeting", RAPPORT_EXCHANGE_ERROR_INVALID,
    "$.talking_points[0].discussed_in: the meeting is with another person" },
  { "point-dangling-meeting", RAPPORT_EXCHANGE_ERROR_INVALID,
    "$.talking_points[0].discussed_in: no meeting with the UUID" },
  { "point-half-recurrence", RAPPORT_EXCHANGE_ERROR_INVALID,
    "$.talking_points[1].recur_unit: a recurring point needs both" },
  { "point-no-series", RAPPORT_EXCHANGE_ERROR_INVALID, "$.talking_points[2].series: missing for a recurring point" },
  { "point-recur-unit", RAPPORT_EXCHANGE_ERROR_INVALID, "$.talking_points[2].recur_unit: neither" },
  { "point-too-long", RAPPORT_EXCHANGE_ERROR_INVALID, "$.talking_points[2].recur_every: more than a year" },
  { "missed-kind", RAPPORT_EXCHANGE_ERROR_INVALID, "$.missed_meetings[0].kind: neither" },
  { "missed-reason-kind", RAPPORT_EXCHANGE_ERROR_INVALID, "$.missed_meetings[0].reason_kind: neither" },
  { "skip-moved-to", RAPPORT_EXCHANGE_ERROR_INVALID, "$.missed_meetings[1].moved_to: only a moved 1:1" },
  { "missed-dangling-person", RAPPORT_EXCHANGE_ERROR_INVALID,
    "$.missed_meetings[1].person: no person with the UUID" },
};

static void
test_bad_file (Fixture      *f,
               gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *good = export(f->store);
  g_autofree char *spoilt = spoil (good, bad->name);
  g_autofree char *before = dump (f->store2);
  g_autofree char *after = NULL;
  g_autofree char *file = g_build_filename (f->dir, "bad.json", NULL);

  g_assert_false (rapport_exchange_import_from_data (f->store2, spoilt, strlen (spoilt), NULL,
                                                     NULL, NULL, NULL, &error));
  g_assert_error (error, RAPPORT_EXCHANGE_ERROR, bad->code);
  g_test_message ("%s: %s", bad->name, error->message);
  if (strstr (error->message, bad->message) == NULL)
    g_error ("“%s” does not say “%s”", error->message, bad->message);
  after = dump (f->store2);
  g_assert_cmpstr (before, ==, after);

  /* From a file, the message starts with the file's name. */
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (file, spoilt, -1, NULL));
  g_assert_false (rapport_exchange_import_from_file (f->store2, file, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, RAPPORT_EXCHANGE_ERROR, bad->code);
  g_assert_true (g_str_has_prefix (error->message, "bad.json: "));
  g_clear_pointer (&after, g_free);
  after = dump (f->store2);
  g_assert_cmpstr (before, ==, after);
}

static void
test_missing_file (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (f->dir, "nothing-here.json", NULL);

  g_assert_false (rapport_exchange_import_from_file (f->store2, file, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "nothing-here.json"));
}

static void
test_minimal_file (Fixture      *f,
                   gconstpointer data)
{
  const char          *minimal = "{ \"format\": \"rapport-export\", \"version\": 1, \"people\": ["
                                 " { \"uuid\": \"A0000000-0000-4000-8000-0000000000AA\", \"name\": \"Min\","
                                 "   \"created_at\": \"2024-05-05T00:00:00.000Z\","
                                 "   \"updated_at\": \"2024-05-05T00:00:00.000Z\" } ] }";
  RapportExchangeStats stats = { 0 };

  import_ok (f->store2, minimal, &stats);
  g_assert_cmpuint (stats.added, ==, 1);
  /* Defaults for what was left out; UUIDs kept in lower case. */
  g_assert_cmpint (test_core_sql_int (f->path2, "SELECT count(*) FROM people WHERE name = 'Min'"
                                                " AND role = '' AND cadence_days = 7 AND archived = 0"
                                                " AND uuid = 'a0000000-0000-4000-8000-0000000000aa'"),
                   ==, 1);
}

static void
test_markdown (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *md = rapport_exchange_person_markdown (f->store, ADA, &error);
  const char      *first, *second;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (md, "# Ada Lovelace\n"));
  g_assert_nonnull (strstr (md, "Engineer"));
  first = strstr (md, "## Monday, 15 January 2024");
  second = strstr (md, "## Monday, 8 January 2024");
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_true (first < second); /* newest first */
  g_assert_nonnull (strstr (second, "Mood: 4 of 5"));
  g_assert_nonnull (strstr (second, "- Really listen: She talked 80 % of the time\n"));
  g_assert_nonnull (strstr (second, "- Ask about the weekend\n"));
  g_assert_null (strstr (md, "Explain the why")); /* not ticked */
  g_assert_nonnull (strstr (second, "She wants to own the \"parser\" rewrite. Café ☕ chat."));
  g_assert_nonnull (strstr (second, "- [x] Me: Send the design doc (due 2024-01-12) (done 2024-01-11)"));
  g_assert_nonnull (strstr (second, "- [ ] Them: Draft the parser plan\n"));
  /* Talking points: what waits, in queue order, before the meetings;
   * what was discussed, in its meeting. */
  g_assert_nonnull (strstr (md, "**To talk about**\n\n"
                                "- Career and growth (every 8 weeks) (next from 2024-03-04)\n"
                                "- Conférence “budget” for Q3 (raised by them)\n\n"));
  g_assert_true (strstr (md, "**To talk about**") < first);
  g_assert_nonnull (strstr (second, "**Talked about**\n\n- The parser rewrite\n"
                                    "- Career and growth (every 8 weeks)\n\n"));
  g_assert_null (strstr (md, "Hidden for undo"));
  g_assert_null (strstr (md, "Tabs")); /* Grace's meeting */
  /* A single line break is kept (a hard break: two spaces). */
  g_assert_nonnull (strstr (second, "**Notes**\n\nFirst 1:1.  \nShe wants to own"));

  /* Notes are text, not markup: what would open a heading, list, quote,
   * rule, fence or turn the line above into a heading is escaped; line
   * breaks and paragraphs are kept, blank runs fold to one. */
  g_clear_pointer (&md, g_free);
  rapport_store_exec (f->store,
                      "UPDATE meetings SET notes = '"
                      "# Not a heading\n- not a list\n---\n> not a quote\n1. not a list\n"
                      "2) nor this\nUnderlined\n===\n```\n  indented\n\n\n\nlast *one* 3.5 %\r\n'"
                      " WHERE uuid = '" M2 "'",
                      &error);
  g_assert_no_error (error);
  md = rapport_exchange_person_markdown (f->store, ADA, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (md, "**Notes**\n\n"
                                "\\# Not a heading  \n"
                                "\\- not a list  \n"
                                "\\---  \n"
                                "\\> not a quote  \n"
                                "1\\. not a list  \n"
                                "2\\) nor this  \n"
                                "Underlined  \n"
                                "\\===  \n"
                                "\\```  \n"
                                "\xc2\xa0\xc2\xa0indented\n\n"
                                "last *one* 3.5 %\n\n---\n\n"));
  /* Nothing else of the export is a heading but the name and the days. */
  {
    g_auto (GStrv) lines = g_strsplit (md, "\n", -1);
    guint headings = 0;

    for (guint i = 0; lines[i] != NULL; i++)
      headings += lines[i][0] == '#';
    g_assert_cmpuint (headings, ==, 3);
  }

  g_clear_pointer (&md, g_free);
  md = rapport_exchange_person_markdown (f->store, "a0000000-0000-4000-8000-0000000000ee", &error);
  g_assert_null (md);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
}

/* ---- a meeting moved to another person ---- */

/* A file that gives an existing meeting another person (a correction made
 * elsewhere): its commitments go with it, so that the database stays one
 * whose own export can be imported. */
static void
test_move_meeting_with_commitments (Fixture      *f,
                                    gconstpointer data)
{
  g_autofree char *good = export(f->store);
  g_autoptr(JsonNode) root = parse (good);
  g_autofree char     *moved = NULL;
  g_autofree char     *mine = NULL;
  g_autofree char     *theirs = NULL;
  g_autofree char     *a = NULL;
  g_autofree char     *b = NULL;
  g_autofree char     *before = NULL;
  g_autofree char     *after = NULL;
  JsonObject          *meeting = item (root, "meetings", 0);
  RapportExchangeStats stats = { 0 };

  g_assert_cmpstr (json_object_get_string_member (meeting, "uuid"), ==, M1);
  json_object_set_string_member (meeting, "person", GRACE);
  json_object_set_string_member (meeting, "updated_at", "2025-03-03T00:00:00.000Z");
  /* Its commitments and the talking points discussed in it are not in
   * the file: they are the database's. */
  json_object_set_array_member (json_node_get_object (root), "commitments", json_array_new ());
  json_object_set_array_member (json_node_get_object (root), "talking_points", json_array_new ());
  moved = unparse (root);

  import_ok (f->store, moved, &stats);
  g_assert_cmpuint (stats.updated, ==, 1);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM commitments c"
                                               " JOIN meetings m ON m.id = c.meeting_id"
                                               " WHERE m.uuid = '" M1 "' AND c.person_id = m.person_id"
                                               " AND m.person_id = (SELECT id FROM people WHERE uuid = '" GRACE "')"),
                   ==, 2);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM commitments c"
                                               " JOIN meetings m ON m.id = c.meeting_id"
                                               " WHERE c.person_id <> m.person_id"),
                   ==, 0);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM talking_points t"
                                               " JOIN meetings m ON m.id = t.discussed_in"
                                               " WHERE m.uuid = '" M1 "' AND t.person_id = m.person_id"),
                   ==, 2);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM talking_points t"
                                               " JOIN meetings m ON m.id = t.discussed_in"
                                               " WHERE t.person_id <> m.person_id"),
                   ==, 0);

  /* Its own export is imported, into an empty database and into itself. */
  mine = export(f->store);
  import_ok (f->store2, mine, NULL);
  theirs = export(f->store2);
  a = without_time (mine);
  b = without_time (theirs);
  g_assert_cmpstr (a, ==, b);
  before = dump (f->store);
  import_ok (f->store, mine, &stats);
  after = dump (f->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (stats.added + stats.updated, ==, 0);

  /* And the file that moved it comes across to a database that has the
   * meeting where it was, with its commitments, the same way. */
  {
    g_autoptr(RapportStore) third = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *third_dir = g_build_filename (f->dir, "third", NULL);
    g_autofree char *third_path = g_build_filename (third_dir, "rapport.db", NULL);
    g_autofree char *third_export = NULL;

    third = rapport_store_open (third_path, &error);
    g_assert_no_error (error);
    import_ok (third, good, NULL);
    import_ok (third, moved, NULL);
    third_export = export(third);
    g_clear_pointer (&b, g_free);
    b = without_time (third_export);
    g_assert_cmpstr (a, ==, b);
    g_assert_finalize_object (g_steal_pointer (&third));
  }
}

/* ---- the connection as it was ---- */

static int
pragma_value (RapportStore *store,
              const char   *sql)
{
  sqlite3_stmt *stmt = NULL;
  int           value;

  g_assert_cmpint (sqlite3_prepare_v2 (rapport_store_get_handle (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* An import may use a larger page cache while it runs; afterwards the
 * connection has the store's own again, whether it succeeded or not. */
static void
test_page_cache_kept (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *good = export(f->store);
  int              cache = pragma_value (f->store2, "PRAGMA cache_size");
  int              temp = pragma_value (f->store2, "PRAGMA temp_store");

  /* What the store sets when it opens a database. */
  g_assert_cmpint (cache, ==, pragma_value (f->store, "PRAGMA cache_size"));
  g_assert_cmpint (cache, !=, -2000);

  import_ok (f->store2, good, NULL);
  g_assert_cmpint (pragma_value (f->store2, "PRAGMA cache_size"), ==, cache);
  g_assert_cmpint (pragma_value (f->store2, "PRAGMA temp_store"), ==, temp);

  g_assert_false (rapport_exchange_import_from_data (f->store2, "{\"format\": 1}", 13, NULL,
                                                     NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (pragma_value (f->store2, "PRAGMA cache_size"), ==, cache);
  g_assert_cmpint (pragma_value (f->store2, "PRAGMA temp_store"), ==, temp);
}

/* SQLite's count of its memory takes a lock around every allocation,
 * hundreds of thousands in an import; the store turns it off before
 * SQLite starts (rapport-store.c). With the count on, the connections
 * open here would hold over a megabyte by it. */
static void
test_sqlite_memory_not_counted (Fixture      *f,
                                gconstpointer data)
{
  g_autofree char *good = export(f->store);

  import_ok (f->store2, good, NULL);
  g_assert_cmpint (sqlite3_memory_used (), ==, 0);
  g_assert_cmpint (sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 1), ==, SQLITE_MISUSE);
}

/* The import's set of UUIDs (rapport_exchange_uuid_table_*()) keeps all
 * 128 bits of each and folds case: a UUID is found in either case, and
 * one that differs from it in any single digit is not. */
static void
test_uuid_table (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  UuidTable table;
  guint64   value;

  rapport_exchange_uuid_table_init (&table);
  for (guint i = 0; i < 2000; i++)
    {
      char *uuid = g_uuid_string_random ();

      g_ptr_array_add (uuids, uuid);
      g_assert_true (rapport_exchange_uuid_table_add (&table, uuid, i, NULL));
    }
  for (guint i = 0; i < uuids->len; i++)
    {
      g_autofree char *upper = g_ascii_strup (g_ptr_array_index (uuids, i), -1);
      guint64          old = 0;

      g_assert_true (rapport_exchange_uuid_table_get (&table, upper, &value));
      g_assert_cmpuint (value, ==, i);
      g_assert_false (rapport_exchange_uuid_table_add (&table, upper, 1, &old));
      g_assert_cmpuint (old, ==, i);
    }
  for (guint i = 0; i < 36; i++)
    {
      g_autofree char *other = g_strdup (g_ptr_array_index (uuids, 0));

      if (other[i] == '-')
        continue;
      other[i] = other[i] == '7' ? '8' : '7';
      g_assert_false (rapport_exchange_uuid_table_get (&table, other, &value));
    }
  rapport_exchange_uuid_table_clear (&table);
}

/* ---- the search indexes after a large import ---- */

/* Every token of every search index, with where it is. */
static char *
search_tokens (const char *path)
{
  static const char *indexes[] = { "people_fts", "meetings_fts", "checklist_fts", "commitments_fts",
                                   "talking_points_fts" };
  GString           *out = g_string_new (NULL);
  sqlite3           *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (indexes); i++)
    {
      g_autofree char *create = g_strdup_printf ("CREATE VIRTUAL TABLE temp.tokens USING"
                                                 " fts5vocab (main, %s, instance)",
                                                 indexes[i]);
      sqlite3_stmt    *stmt = NULL;

      g_assert_cmpint (sqlite3_exec (db, create, NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT term, doc, offset FROM temp.tokens"
                                               " ORDER BY doc, offset",
                                           -1, &stmt, NULL),
                       ==, SQLITE_OK);
      g_string_append_printf (out, "[%s]\n", indexes[i]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (out, "%s %lld %d\n", sqlite3_column_text (stmt, 0),
                                (long long) sqlite3_column_int64 (stmt, 1), sqlite3_column_int (stmt, 2));
      sqlite3_finalize (stmt);
      g_assert_cmpint (sqlite3_exec (db, "DROP TABLE temp.tokens", NULL, NULL, NULL), ==, SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return g_string_free (out, FALSE);
}

static char *
trigger_sql (const char *path)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString      *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                                           " ORDER BY name",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s\n%s\n", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

/* Rows the search must not find (hidden, or without evidence) and rows it
 * must, already in a database before an import. */
static const char *target_sql =
  "INSERT INTO people (uuid, name, created_at, updated_at) VALUES"
  " ('a0000000-0000-4000-8000-0000000000f1', 'Zed Quill', 'x', 'x');"
  "INSERT INTO meetings (uuid, person_id, date, notes, deleted, created_at, updated_at) VALUES"
  " ('c0000000-0000-4000-8000-0000000000f1', last_insert_rowid (), '2023-05-05', 'hidden zebra', 0, 'x', 'x');"
  "INSERT INTO checklist (uuid, meeting_id, habit_id, evidence, created_at, updated_at) VALUES"
  " ('d0000000-0000-4000-8000-0000000000f1', last_insert_rowid (), 1, '', 'x', 'x');"
  "INSERT INTO commitments (uuid, person_id, meeting_id, text, owner, deleted, created_at, updated_at) VALUES"
  " ('e0000000-0000-4000-8000-0000000000f1', (SELECT max (id) FROM people),"
  "  (SELECT max (id) FROM meetings), 'hidden yak', 'me', 1, 'x', 'x'),"
  " ('e0000000-0000-4000-8000-0000000000f2', (SELECT max (id) FROM people),"
  "  (SELECT max (id) FROM meetings), 'visible gnu', 'me', 0, 'x', 'x');"
  "INSERT INTO talking_points (uuid, person_id, text, deleted, created_at, updated_at) VALUES"
  " ('f0000000-0000-4000-8000-0000000000f1', (SELECT max (id) FROM people), 'hidden okapi', 1, 'x', 'x'),"
  " ('f0000000-0000-4000-8000-0000000000f2', (SELECT max (id) FROM people), 'visible ibex', 0, 'x', 'x');"
  "UPDATE meetings SET deleted = 1 WHERE uuid = 'c0000000-0000-4000-8000-0000000000f1';";

/* A large import fills the search indexes once at the end, with exactly
 * what the triggers would have put there row by row, and leaves the
 * triggers as they were. */
static void
test_bulk_search_index (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = export(f->store);
  g_autofree char *later = NULL;
  g_autofree char *row_dir = g_build_filename (f->dir, "row", NULL);
  g_autofree char *row_path = g_build_filename (row_dir, "rapport.db", NULL);
  g_autoptr(RapportStore) row = rapport_store_open (row_path, &error);
  g_autofree char *triggers = trigger_sql (f->path2);
  g_autofree char *by_row = NULL;
  g_autofree char *at_once = NULL;
  g_autofree char *after = NULL;
  guint            saved = rapport_exchange_bulk_min_rows;

  g_assert_no_error (error);
  test_core_exec (f->store2, target_sql);
  test_core_exec (row, target_sql);

  /* Into a database with rows of its own, then a newer file over it. */
  rapport_exchange_bulk_min_rows = G_MAXUINT;
  import_ok (row, first, NULL);
  rapport_exchange_bulk_min_rows = 1;
  import_ok (f->store2, first, NULL);
  by_row = search_tokens (row_path);
  at_once = search_tokens (f->path2);
  g_assert_cmpstr (by_row, ==, at_once);
  g_assert_nonnull (strstr (at_once, "gnu "));
  g_assert_null (strstr (at_once, "zebra "));
  g_assert_null (strstr (at_once, "yak "));
  g_assert_nonnull (strstr (at_once, "parser "));
  g_assert_nonnull (strstr (at_once, "ibex "));
  g_assert_null (strstr (at_once, "okapi "));
  g_assert_nonnull (strstr (at_once, "conference "));

  rapport_store_exec (f->store, "UPDATE meetings SET notes = 'rewritten with a wombat',"
                                " updated_at = '2025-01-01T00:00:00.000Z' WHERE uuid = '" M1 "';"
                                "UPDATE people SET name = 'Ada King', updated_at = '2025-01-01T00:00:00.000Z'"
                                " WHERE uuid = '" ADA "'",
                      &error);
  g_assert_no_error (error);
  later = export(f->store);
  rapport_exchange_bulk_min_rows = G_MAXUINT;
  import_ok (row, later, NULL);
  rapport_exchange_bulk_min_rows = 1;
  import_ok (f->store2, later, NULL);
  rapport_exchange_bulk_min_rows = saved;
  g_clear_pointer (&by_row, g_free);
  g_clear_pointer (&at_once, g_free);
  by_row = search_tokens (row_path);
  at_once = search_tokens (f->path2);
  g_assert_cmpstr (by_row, ==, at_once);
  g_assert_nonnull (strstr (at_once, "wombat "));
  g_assert_nonnull (strstr (at_once, "king "));
  g_assert_null (strstr (at_once, "lovelace "));

  /* The same file again changes nothing, not even the schema: nothing is
   * dropped when no row is added or replaced. */
  {
    int                  schema = pragma_value (f->store2, "PRAGMA schema_version");
    RapportExchangeStats stats = { 0 };

    rapport_exchange_bulk_min_rows = 1;
    import_ok (f->store2, later, &stats);
    rapport_exchange_bulk_min_rows = saved;
    g_assert_cmpuint (stats.added + stats.updated, ==, 0);
    g_assert_cmpint (pragma_value (f->store2, "PRAGMA schema_version"), ==, schema);
  }

  /* The history totals were computed again too. */
  {
    g_autofree char *difference = NULL;

    g_assert_true (rapport_aggregates_check (f->store2, &difference, &error));
    g_assert_no_error (error);
    g_assert_null (difference);
  }

  /* The triggers are back, and keep the index from here on. */
  after = trigger_sql (f->path2);
  g_assert_cmpstr (triggers, ==, after);
  test_core_exec (f->store2, "UPDATE meetings SET notes = 'a quokka now' WHERE uuid = '" M1 "'");
  g_assert_cmpint (test_core_sql_int (f->path2, "SELECT count(*) FROM meetings_fts"
                                                " WHERE meetings_fts MATCH 'quokka'"),
                   ==, 1);
  g_assert_cmpint (test_core_sql_int (f->path2, "SELECT count(*) FROM meetings_fts"
                                                " WHERE meetings_fts MATCH 'wombat'"),
                   ==, 0);
  g_assert_finalize_object (g_steal_pointer (&row));
}

/* FTS5's own check of @fts against its table: fails the test if the
 * index is not exactly what the table's text gives. */
static void
assert_index_sound (RapportStore *store,
                    const char   *fts)
{
  g_autofree char *check = g_strdup_printf ("INSERT INTO %1$s (%1$s) VALUES ('integrity-check')", fts);

  test_core_exec (store, check);
}

static int
count_matches (RapportStore *store,
               const char   *fts,
               const char   *query)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %1$s WHERE %1$s MATCH '%2$s'", fts, query);

  /* On @store's own connection, whose FTS5 tables may cache an index. */
  return pragma_value (store, sql);
}

/* Into empty tables, a large import builds their indexes on a thread of
 * its own and commits them with the rows: the same tokens as filling
 * them from the tables after (rapport-search-builder.c), nothing left
 * waiting, and sound for FTS5 even on a connection that had searched the
 * empty indexes before (an FTS5 table caches its index's structure). */
static void
test_bulk_index_built (Fixture      *f,
                       gconstpointer data)
{
  static const char *indexes[] = { "people_fts", "meetings_fts", "checklist_fts", "commitments_fts",
                                   "talking_points_fts" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) before = NULL;
  g_autoptr(GListStore) found = NULL;
  g_autofree char *json = export(f->store);
  g_autofree char *refill_dir = g_build_filename (f->dir, "refill", NULL);
  g_autofree char *refill_path = g_build_filename (refill_dir, "rapport.db", NULL);
  g_autoptr(RapportStore) refill = rapport_store_open (refill_path, &error);
  g_autofree char *built_tokens = NULL;
  g_autofree char *refill_tokens = NULL;
  guint            saved = rapport_exchange_bulk_min_rows;

  g_assert_no_error (error);
  before = rapport_search_run (f->store2, "parser", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (before)), ==, 0);

  /* Step 2 held back: whatever is left waiting stays so. */
  rapport_exchange_bulk_min_rows = 1;
  rapport_exchange_defer_search_index = TRUE;
  import_ok (f->store2, json, NULL);
  rapport_exchange_build_search_index = FALSE;
  import_ok (refill, json, NULL);
  rapport_exchange_build_search_index = TRUE;
  rapport_exchange_defer_search_index = FALSE;
  rapport_exchange_bulk_min_rows = saved;

  g_assert_false (rapport_search_is_indexing (f->store2));
  g_assert_cmpint (test_core_sql_int (f->path2, "SELECT count(*) FROM search_pending"), ==, 0);
  g_assert_true (rapport_search_is_indexing (refill));
  g_assert_true (rapport_search_index_pending (refill, &error));
  g_assert_no_error (error);

  built_tokens = search_tokens (f->path2);
  refill_tokens = search_tokens (refill_path);
  g_assert_cmpstr (built_tokens, ==, refill_tokens);
  g_assert_nonnull (strstr (built_tokens, "parser "));
  g_assert_nonnull (strstr (built_tokens, "lovelace "));
  g_assert_nonnull (strstr (built_tokens, "budget "));
  for (guint i = 0; i < G_N_ELEMENTS (indexes); i++)
    {
      /* The same rows too, those without a word included (their sizes
       * weigh in every rank). */
      g_autofree char *rows = g_strdup_printf ("SELECT count(*) * 1000000 + coalesce (sum (id), 0)"
                                               " FROM %s_docsize",
                                               indexes[i]);

      g_assert_cmpint (test_core_sql_int (f->path2, rows), ==, test_core_sql_int (refill_path, rows));
      assert_index_sound (f->store2, indexes[i]);
    }

  /* The connection that searched before sees the index, and its next
   * save adds to it rather than writing over it. */
  found = rapport_search_run (f->store2, "parser", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), >, 0);
  test_core_exec (f->store2, "UPDATE meetings SET notes = 'a quokka now' WHERE uuid = '" M3 "'");
  g_assert_cmpint (count_matches (f->store2, "meetings_fts", "quokka"), ==, 1);
  g_assert_cmpint (count_matches (f->store2, "meetings_fts", "slashes"), ==, 0);
  g_assert_cmpint (count_matches (f->store2, "meetings_fts", "parser"), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (indexes); i++)
    assert_index_sound (f->store2, indexes[i]);
  g_assert_finalize_object (g_steal_pointer (&refill));
}

/* A disk that fills while the built indexes are copied in: SQLite rolls
 * the whole import back, and nothing is written after it on its own (no
 * index emptied, no search_pending row, no index for rows that are not
 * there). */
static void
test_bulk_index_disk_full (Fixture      *f,
                           gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *scratch_dir = g_build_filename (f->dir, "scratch", NULL);
  g_autofree char *scratch_path = g_build_filename (scratch_dir, "rapport.db", NULL);
  g_autoptr(RapportStore) scratch = rapport_store_open (scratch_path, &error);
  g_autofree char *triggers = trigger_sql (f->path2);
  g_autofree char *before = dump (f->store2);
  g_autofree char *after = NULL;
  g_autofree char *limit = NULL;
  guint            saved = rapport_exchange_bulk_min_rows;
  int              rows_pages;

  g_assert_no_error (error);
  /* Notes enough for an index of many pages. */
  test_core_exec (f->store,
                  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)"
                  " INSERT INTO meetings (uuid, person_id, date, notes, mood, created_at, updated_at)"
                  " SELECT printf ('c1000000-0000-4000-8000-%012d', i),"
                  " (SELECT id FROM people WHERE uuid = '" ADA "'), date ('2020-01-01', '+' || i || ' days'),"
                  " replace (hex (randomblob (600)), '0', ' '), 3,"
                  " '2024-01-08T10:00:00.000Z', '2024-01-08T10:00:00.000Z' FROM n");
  json = export(f->store);

  /* The pages the rows take, their indexes left to fill. */
  rapport_exchange_bulk_min_rows = 1;
  rapport_exchange_defer_search_index = TRUE;
  rapport_exchange_build_search_index = FALSE;
  import_ok (scratch, json, NULL);
  rapport_exchange_build_search_index = TRUE;
  rows_pages = pragma_value (scratch, "PRAGMA page_count");
  g_assert_true (rapport_search_is_indexing (scratch));

  /* Room for the rows, not for the notes' index. */
  limit = g_strdup_printf ("PRAGMA max_page_count = %d", rows_pages + 2);
  test_core_exec (f->store2, limit);
  g_assert_false (rapport_exchange_import_from_data (f->store2, json, strlen (json), NULL,
                                                     NULL, NULL, NULL, &error));
  rapport_exchange_defer_search_index = FALSE;
  rapport_exchange_bulk_min_rows = saved;
  g_assert_nonnull (error);
  g_assert_cmpint (rapport_store_get_transaction_depth (f->store2), ==, 0);

  after = dump (f->store2);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&after, g_free);
  after = trigger_sql (f->path2);
  g_assert_cmpstr (triggers, ==, after);
  g_assert_false (rapport_search_is_indexing (f->store2));
  g_assert_cmpint (test_core_sql_int (f->path2, "SELECT count(*) FROM meetings_fts_docsize"), ==, 0);
  assert_index_sound (f->store2, "meetings_fts");
  assert_index_sound (f->store2, "people_fts");
  g_assert_finalize_object (g_steal_pointer (&scratch));
}

/* The rows alone off the main thread, then the indexes, as a window
 * would: in between the rows are there and search says it is indexing.
 * (So it goes for tables that had rows. Into empty ones, the import
 * builds their indexes meanwhile: see test_bulk_index_built().) */
static void
test_async_rows_then_index (Fixture      *f,
                            gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) found = NULL;
  g_autofree char     *file = g_build_filename (f->dir, "rows.json", NULL);
  g_autofree char     *json = export(f->store);
  TestCoreAsync        state = { 0 };
  RapportExchangeStats stats = { 0 };
  guint                saved = rapport_exchange_bulk_min_rows;

  g_assert_true (g_file_set_contents (file, json, -1, &error));
  g_assert_no_error (error);
  rapport_exchange_bulk_min_rows = 1;
  rapport_exchange_build_search_index = FALSE;
  rapport_exchange_import_async (f->store2, file, NULL, NULL, NULL, test_core_async_done, &state);
  test_core_async_wait (&state);
  rapport_exchange_build_search_index = TRUE;
  rapport_exchange_bulk_min_rows = saved;
  g_assert_true (rapport_exchange_import_finish (f->store2, state.result, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 18);
  test_core_async_drop (&state);

  g_assert_true (rapport_search_is_indexing (f->store2));
  g_assert_cmpint (test_core_sql_int (f->path2, "SELECT count(*) FROM meetings WHERE uuid = '" M1 "'"), ==, 1);
  found = rapport_search_run (f->store2, "parser", 50, &error);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INDEXING);
  g_assert_null (found);
  g_clear_error (&error);

  state = (TestCoreAsync){ 0 };
  rapport_search_index_pending_async (f->store2, NULL, test_core_async_done, &state);
  test_core_async_wait (&state);
  g_assert_true (rapport_search_index_pending_finish (f->store2, state.result, &error));
  g_assert_no_error (error);
  test_core_async_drop (&state);

  g_assert_false (rapport_search_is_indexing (f->store2));
  found = rapport_search_run (f->store2, "parser", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), >, 0);
}

/* The importer's check of UTF-8, fast through ASCII, finds the first bad
 * byte where g_utf8_validate() does, wherever it falls in an 8-byte word,
 * and passes what GLib passes. */
static void
test_utf8_check (Fixture      *f,
                 gconstpointer data)
{
  static const char *const tails[] = {
    "\xff",
    "\xc3",
    "\xc3(",
    "\xe2\x82",
    "\xe2\x82(",
    "\xed\xa0\x80",
    "\xc0\xaf",
    "\xf4\x90\x80\x80",
    "\xf0\x9d\x84",
    "\x80",
    "NUL",
    "\xc3\xa9",
    "\xe2\x82\xac",
    "\xf0\x9d\x84\x9e",
  };
  static const char *const heads[] = { "", "\xc3\xa9", "\xe2\x82\xac" };

  for (guint pad = 0; pad < 16; pad++)
    for (guint h = 0; h < G_N_ELEMENTS (heads); h++)
      for (guint t = 0; t < G_N_ELEMENTS (tails); t++)
        {
          g_autoptr(GString) doc = g_string_new ("{\"format\": \"");
          g_autoptr(GError) error = NULL;
          g_autofree char *where = NULL;
          const char      *bad = NULL;
          gboolean         valid;
          guint            line, column;

          for (guint i = 0; i < pad; i++)
            g_string_append_c (doc, 'a');
          g_string_append (doc, heads[h]);
          if (g_str_equal (tails[t], "NUL"))
            g_string_append_len (doc, "\0", 1);
          else
            g_string_append (doc, tails[t]);
          g_string_append (doc, "xyzxyzxyz\"}");

          valid = g_utf8_validate (doc->str, (gssize) doc->len, &bad);
          g_assert_false (rapport_exchange_import_from_data (f->store2, doc->str, doc->len, NULL,
                                                             NULL, NULL, NULL, &error));
          g_assert_nonnull (error);
          if (valid)
            {
              g_assert_null (strstr (error->message, "UTF-8"));
              g_assert_null (strstr (error->message, "NUL byte"));
              continue;
            }
          rapport_exchange_locate (doc->str, bad - doc->str, &line, &column);
          where = g_strdup_printf ("line %u, column %u:", line, column);
          g_assert_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_SYNTAX);
          g_assert_nonnull (strstr (error->message, where));
          g_assert_true (strstr (error->message, "not UTF-8") != NULL ||
                         strstr (error->message, "NUL byte") != NULL);
        }
}

/* The scan reads a string eight bytes at a time while none is a quote,
 * a backslash or a control character: each of those is found at every
 * offset in the string (and in the eight bytes), after ASCII or after
 * UTF-8, and the string ends where it ends. */
static void
test_string_scan (Fixture      *f,
                  gconstpointer data)
{
  static const char *const heads[] = { "", "\xc3\xa9", "\xe2\x82\xac", "\x7f" };

  for (guint pad = 0; pad < 24; pad++)
    for (guint h = 0; h < G_N_ELEMENTS (heads); h++)
      for (guint t = 0; t < 5; t++)
        {
          g_autoptr(GString) doc = g_string_new ("{\"format\": \"");
          g_autoptr(GError) error = NULL;
          Outline  outline;
          gsize    start = doc->len - 1, at, end;
          gboolean ok;
          guint    line, column;
          char     where[64];

          for (guint i = 0; i < pad; i++)
            g_string_append_c (doc, (char) ('a' + i % 26));
          g_string_append (doc, heads[h]);
          at = doc->len;
          switch (t)
            {
            case 0: /* the end */
              break;
            case 1: /* an escaped quote */
              g_string_append (doc, "\\\"");
              break;
            case 2: /* an escaped backslash, then one for a newline */
              g_string_append (doc, "\\\\\\n");
              break;
            case 3: /* a control character */
              g_string_append_c (doc, '\x01');
              break;
            case 4: /* never closed */
              g_string_append (doc, "0123456789abcdef");
              break;
            default:
              g_assert_not_reached ();
            }
          if (t != 4)
            g_string_append (doc, "0123456789abcdef\"");
          end = doc->len;
          if (t != 4)
            g_string_append (doc, ", \"version\": 1}");

          ok = rapport_exchange_scan (doc->str, doc->len, &outline, &error);
          if (t <= 2)
            {
              g_assert_no_error (error);
              g_assert_true (ok);
              g_assert_true (outline.format.present);
              g_assert_cmpuint (outline.format.start, ==, start);
              g_assert_cmpuint (outline.format.end, ==, end);
              g_assert_true (outline.version.present);
              continue;
            }
          g_assert_false (ok);
          g_assert_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_SYNTAX);
          rapport_exchange_locate (doc->str, t == 3 ? at : start, &line, &column);
          g_snprintf (where, sizeof where, "line %u, column %u:", line, column);
          g_assert_nonnull (strstr (error->message, where));
          g_assert_nonnull (strstr (error->message, t == 3 ? "a control character (U+0001)" : "never closed"));
        }
}

/* A large import commits its rows with the search indexes left waiting,
 * then fills them in a transaction of its own. Stopped in between (here:
 * the second step never runs, as after a crash), the database holds the
 * rows, search says it is still indexing instead of finding nothing, a
 * write in between is not lost to the index, and the next opening fills
 * the indexes as the triggers would have, with the triggers back. */
static void
test_bulk_index_pending (Fixture      *f,
                         gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = export(f->store);
  g_autofree char *row_dir = g_build_filename (f->dir, "row", NULL);
  g_autofree char *row_path = g_build_filename (row_dir, "rapport.db", NULL);
  g_autoptr(RapportStore) row = rapport_store_open (row_path, &error);
  g_autoptr(RapportStore) reopened = NULL;
  g_autoptr(GListStore) found = NULL;
  g_autofree char *triggers = trigger_sql (f->path2);
  g_autofree char *by_row = NULL;
  g_autofree char *at_once = NULL;
  g_autofree char *after = NULL;
  guint            saved = rapport_exchange_bulk_min_rows;
  const char      *edit = "UPDATE meetings SET notes = 'a numbat meanwhile' WHERE uuid = '" M1 "'";

  g_assert_no_error (error);
  test_core_exec (f->store2, target_sql);
  test_core_exec (row, target_sql);

  rapport_exchange_bulk_min_rows = G_MAXUINT;
  import_ok (row, first, NULL);
  rapport_exchange_bulk_min_rows = 1;
  rapport_exchange_defer_search_index = TRUE;
  rapport_exchange_build_search_index = FALSE;
  import_ok (f->store2, first, NULL);
  rapport_exchange_defer_search_index = FALSE;
  rapport_exchange_build_search_index = TRUE;
  rapport_exchange_bulk_min_rows = saved;

  /* Committed, waiting: the rows are there, the indexes are not. */
  g_assert_true (rapport_search_is_indexing (f->store2));
  g_assert_cmpint (test_core_sql_int (f->path2, "SELECT count(*) FROM meetings WHERE uuid = '" M1 "'"), ==, 1);
  g_assert_cmpint (test_core_sql_int (f->path2, "SELECT count(*) FROM search_pending"), >, 0);
  g_assert_cmpint (test_core_sql_int (f->path2, "SELECT count(*) FROM meetings_fts_docsize"), ==, 0);
  found = rapport_search_run (f->store2, "parser", 50, &error);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INDEXING);
  g_assert_null (found);
  g_clear_error (&error);

  /* A write before the index is filled. */
  test_core_exec (f->store2, edit);
  test_core_exec (row, edit);

  /* "Crash": the connection goes away; the next one fills the indexes.
   * Opening purges old hidden rows, so the other database is opened
   * again too. */
  g_assert_finalize_object (g_steal_pointer (&f->store2));
  reopened = rapport_store_open (f->path2, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&row));
  row = rapport_store_open (row_path, &error);
  g_assert_no_error (error);
  g_assert_false (rapport_search_is_indexing (reopened));
  by_row = search_tokens (row_path);
  at_once = search_tokens (f->path2);
  g_assert_cmpstr (by_row, ==, at_once);
  g_assert_nonnull (strstr (at_once, "numbat "));
  g_assert_nonnull (strstr (at_once, "parser "));
  g_assert_nonnull (strstr (at_once, "ibex "));
  g_assert_null (strstr (at_once, "okapi "));
  after = trigger_sql (f->path2);
  g_assert_cmpstr (triggers, ==, after);
  /* Filled with FTS5's merges held back and a larger hash in memory,
   * then set back to its defaults (automerge 4, crisismerge 16, hashsize
   * 1 MiB), and whole. */
  for (guint i = 0; i < 2; i++)
    {
      const char      *fts = i == 0 ? "meetings_fts" : "commitments_fts";
      g_autofree char *automerge = g_strdup_printf ("SELECT coalesce ((SELECT v FROM %s_config"
                                                    " WHERE k = 'automerge'), 4)",
                                                    fts);
      g_autofree char *crisismerge = g_strdup_printf ("SELECT coalesce ((SELECT v FROM %s_config"
                                                      " WHERE k = 'crisismerge'), 16)",
                                                      fts);
      g_autofree char *hashsize = g_strdup_printf ("SELECT coalesce ((SELECT v FROM %s_config"
                                                   " WHERE k = 'hashsize'), 1048576)",
                                                   fts);
      g_autofree char *check = g_strdup_printf ("INSERT INTO %1$s (%1$s, rank)"
                                                " VALUES ('integrity-check', 1)",
                                                fts);

      g_assert_cmpint (test_core_sql_int (f->path2, automerge), ==, 4);
      g_assert_cmpint (test_core_sql_int (f->path2, crisismerge), ==, 16);
      g_assert_cmpint (test_core_sql_int (f->path2, hashsize), ==, 1048576);
      test_core_exec (reopened, check);
    }
  found = rapport_search_run (reopened, "numbat", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 1);

  /* The triggers keep the index again. */
  test_core_exec (reopened, "UPDATE meetings SET notes = 'a quokka now' WHERE uuid = '" M1 "'");
  g_assert_cmpint (test_core_sql_int (f->path2, "SELECT count(*) FROM meetings_fts"
                                                " WHERE meetings_fts MATCH 'quokka'"),
                   ==, 1);
  g_assert_cmpint (test_core_sql_int (f->path2, "SELECT count(*) FROM meetings_fts"
                                                " WHERE meetings_fts MATCH 'numbat'"),
                   ==, 0);
  f->store2 = g_steal_pointer (&reopened);
  g_assert_finalize_object (g_steal_pointer (&row));
}

/* A large import refused after it began writing leaves the triggers and
 * the indexes as they were. */
static void
test_bulk_refused (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *good = export(f->store);
  g_autofree char *bad = spoil (good, "other-persons-meeting");
  g_autofree char *triggers = trigger_sql (f->path2);
  g_autofree char *tokens = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint            saved = rapport_exchange_bulk_min_rows;

  test_core_exec (f->store2, target_sql);
  tokens = search_tokens (f->path2);
  before = dump (f->store2);
  rapport_exchange_bulk_min_rows = 1;
  g_assert_false (rapport_exchange_import_from_data (f->store2, bad, strlen (bad), NULL,
                                                     NULL, NULL, NULL, &error));
  rapport_exchange_bulk_min_rows = saved;
  g_assert_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_INVALID);
  after = dump (f->store2);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&after, g_free);
  after = trigger_sql (f->path2);
  g_assert_cmpstr (triggers, ==, after);
  g_clear_pointer (&after, g_free);
  after = search_tokens (f->path2);
  g_assert_cmpstr (tokens, ==, after);
}

/* ---- off the main thread ---- */

static void
on_progress (double   fraction,
             gpointer user_data)
{
  TestCoreAsync *state = user_data;

  g_assert_null (state->result);
  g_assert_cmpfloat (fraction, >=, state->last);
  state->last = fraction;
  state->reports++;
}

static void
test_async (Fixture      *f,
            gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char     *file = g_build_filename (f->dir, "async.json", NULL);
  TestCoreAsync        state = { 0 };
  RapportExchangeStats stats = { 0 };
  g_autofree char     *one = NULL;
  g_autofree char     *two = NULL;
  g_autofree char     *a = NULL;
  g_autofree char     *b = NULL;

  rapport_exchange_export_async (f->store, file, NULL, on_progress, &state, test_core_async_done, &state);
  test_core_async_wait (&state);
  g_assert_true (rapport_exchange_export_finish (f->store, state.result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (state.reports, >=, 1);
  test_core_async_drop (&state);

  state = (TestCoreAsync){ 0 };
  rapport_exchange_import_async (f->store2, file, NULL, on_progress, &state, test_core_async_done, &state);
  test_core_async_wait (&state);
  g_assert_true (rapport_exchange_import_finish (f->store2, state.result, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 18);
  test_core_async_drop (&state);

  /* The main connection sees what the worker's connection wrote. */
  one = export(f->store);
  two = export(f->store2);
  a = without_time (one);
  b = without_time (two);
  g_assert_cmpstr (a, ==, b);
}

static void
test_async_cancel (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *file = g_build_filename (f->dir, "cancel.json", NULL);
  g_autofree char *good = export(f->store);
  g_autofree char *before = dump (f->store2);
  g_autofree char *after = NULL;
  TestCoreAsync    state = { 0 };

  g_assert_true (g_file_set_contents (file, good, -1, NULL));
  g_cancellable_cancel (cancellable);
  rapport_exchange_import_async (f->store2, file, cancellable, NULL, NULL, test_core_async_done, &state);
  test_core_async_wait (&state);
  g_assert_false (rapport_exchange_import_finish (f->store2, state.result, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  test_core_async_drop (&state);
  after = dump (f->store2);
  g_assert_cmpstr (before, ==, after);

  g_clear_error (&error);
  g_assert_true (g_unlink (file) == 0);
  state = (TestCoreAsync){ 0 };
  rapport_exchange_export_async (f->store, file, cancellable, NULL, NULL, test_core_async_done, &state);
  test_core_async_wait (&state);
  g_assert_false (rapport_exchange_export_finish (f->store, state.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
  test_core_async_drop (&state);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/exchange/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("round-trip", test_round_trip);
  ADD ("round-trip-file", test_round_trip_file);
  ADD ("idempotent", test_idempotent);
  ADD ("conflict-newer-wins", test_conflict_newer_wins);
  ADD ("builtin-habits-by-key", test_builtin_habits_match_by_key);
  ADD ("missing-file", test_missing_file);
  ADD ("minimal-file", test_minimal_file);
  ADD ("markdown", test_markdown);
  ADD ("move-meeting-with-commitments", test_move_meeting_with_commitments);
  ADD ("page-cache-kept", test_page_cache_kept);
  ADD ("sqlite-memory-not-counted", test_sqlite_memory_not_counted);
  ADD ("uuid-table", test_uuid_table);
  ADD ("bulk-search-index", test_bulk_search_index);
  ADD ("bulk-refused", test_bulk_refused);
  ADD ("bulk-index-pending", test_bulk_index_pending);
  ADD ("bulk-index-built", test_bulk_index_built);
  ADD ("bulk-index-disk-full", test_bulk_index_disk_full);
  ADD ("utf8-check", test_utf8_check);
  ADD ("string-scan", test_string_scan);
  ADD ("async-rows-then-index", test_async_rows_then_index);
  ADD ("async", test_async);
  ADD ("async-cancel", test_async_cancel);
#undef ADD

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/exchange/refused/%s", bad_cases[i].name);
      g_test_add (path, Fixture, &bad_cases[i], fixture_set_up, test_bad_file, fixture_tear_down);
    }

  return g_test_run ();
}
