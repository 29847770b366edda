/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Upgrading a database of the previous format (7) to this one: a backup
 * first, then every step in one transaction; every row kept as it was.
 *
 * The previous-version database is built from the migration files of the
 * time (001 to 007) and filled with a decade of a team in SQL, the shape
 * of tests/bench/make-decade (40 people, 4 archived, weekly 1:1s for ten
 * years with holidays, moods, checklists, evidence, commitments), with
 * short notes to keep the test quick. Set RAPPORT_TEST_PREVIOUS_DB to a
 * database written by an earlier build (make-decade of that build, say)
 * to run the same checks on a copy of it. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rapport-aggregates.h"
#include "rapport-cadence.h"
#include "rapport-search.h"
#include "rapport-talking-point.h"
#include "test-core-util.h"

#define PREVIOUS_VERSION 7

/* The tables of format 7: every row of them must come through the
 * upgrade unchanged, in the columns they had. */
static const char *const previous_tables[] = {
  "people",
  "meetings",
  "habits",
  "checklist",
  "commitments",
  "history_days",
  "history_day_ticks",
  "follow_through_days",
};

static char *
resource_text (int version)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("/io/github/rapport/Rapport/sql/%03d.sql", version);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* A database at @version, made as the builds of the time made them:
 * every migration up to it, in WAL mode. */
static void
make_previous (const char *path,
               int         version)
{
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                              version, RAPPORT_STORE_APPLICATION_ID);

  test_core_sql (path, "PRAGMA journal_mode = WAL");
  for (int v = 1; v <= version; v++)
    {
      g_autofree char *sql = resource_text (v);
      test_core_sql (path, sql);
    }
  test_core_sql (path, pragmas);
}

/* Ten years of a team, in the shape of the decade data set. */
static const char decade_sql[] =
  "BEGIN;"
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)"
  " INSERT INTO people (uuid, name, role, cadence_days, archived, created_at, updated_at)"
  " SELECT printf ('%08x-0000-4000-8000-%012x', i, i), printf ('Person %02d', i),"
  "  CASE i % 3 WHEN 0 THEN 'Engineer' WHEN 1 THEN 'Designer' ELSE '' END,"
  "  CASE WHEN i % 10 = 0 THEN 14 ELSE 7 END, i > 36,"
  "  '2016-01-01T00:00:00.000Z', '2016-01-01T00:00:00.000Z' FROM n;"
  "UPDATE habits SET active = 1 WHERE key IN ('clear-expectations', 'recognise-work');"
  "WITH RECURSIVE w (k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM w WHERE k < 519)"
  " INSERT INTO meetings (uuid, person_id, date, notes, mood, created_at, updated_at)"
  " SELECT printf ('%08x-1111-4000-8000-%012x', p.id, w.k), p.id,"
  "  date ('2016-03-07', '+' || (w.k * 7 + p.id % 5) || ' days'),"
  "  'Week ' || w.k || ': we talked about the ' ||"
  "  CASE (w.k + p.id) % 5 WHEN 0 THEN 'roadmap and the café' WHEN 1 THEN 'release plan'"
  "   WHEN 2 THEN 'hiring, naïvely' WHEN 3 THEN 'budget for Zürich' ELSE 'career and growth' END ||"
  "  '.' || char (10) || 'Next: ' || CASE w.k % 3 WHEN 0 THEN 'review the spec' WHEN 1 THEN 'demo'"
  "   ELSE 'retro' END || '.',"
  "  CASE WHEN (w.k * 7 + p.id) % 5 = 0 THEN NULL ELSE 1 + (w.k * 13 + p.id * 7) % 5 END,"
  "  printf ('%sT10:00:00.000Z', date ('2016-03-07', '+' || (w.k * 7 + p.id % 5) || ' days')),"
  "  printf ('%sT10:30:00.000Z', date ('2016-03-07', '+' || (w.k * 7 + p.id % 5) || ' days'))"
  " FROM people p, w WHERE (w.k * 31 + p.id * 17) % 33 <> 0;"
  "INSERT INTO checklist (uuid, meeting_id, habit_id, ticked, evidence, created_at, updated_at)"
  " SELECT printf ('%08x-2222-4000-8000-%012x', m.id, h.id), m.id, h.id,"
  "  (m.id * 7 + h.id * 3) % 5 < 3,"
  "  CASE WHEN (m.id + h.id) % 11 = 0 THEN 'Asked about ' || m.id ELSE '' END,"
  "  m.created_at, m.updated_at"
  " FROM meetings m, habits h WHERE h.active = 1 AND (h.id <= 3 OR m.id % 2 = 0);"
  "INSERT INTO commitments (uuid, person_id, meeting_id, text, owner, due, closed_on,"
  " created_at, updated_at)"
  " SELECT printf ('%08x-3333-4000-8000-%012x', id, id), person_id, id, 'Follow up on item ' || id,"
  "  CASE WHEN id % 3 = 0 THEN 'them' ELSE 'me' END,"
  "  CASE WHEN id % 2 = 0 THEN date (date, '+5 days') END,"
  "  CASE WHEN id % 7 = 0 THEN NULL ELSE date (date, '+' || (id % 10) || ' days') END,"
  "  created_at, updated_at FROM meetings;"
  /* Deleted a moment ago, still offered for undo. */
  "UPDATE meetings SET deleted = 1, updated_at = strftime ('%Y-%m-%dT%H:%M:%S.000Z', 'now')"
  " WHERE id % 997 = 0;"
  "COMMIT;";

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  f->dir = test_core_tmpdir_new ();
  f->path = g_build_filename (f->dir, "rapport.db", NULL);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  test_core_tmpdir_free (f->dir);
  g_free (f->path);
}

/* The one file in the backups folder, or NULL. */
static char *
only_backup (Fixture *f)
{
  g_autofree char *folder = g_build_filename (f->dir, "backups", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  char       *found = NULL;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_null (found);
      found = g_build_filename (folder, name, NULL);
    }
  return found;
}

/* The columns @table has in the database "old", comma-separated; NULL
 * when it has no such table. */
static char *
old_columns (sqlite3    *db,
             const char *table)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA old.table_info (%s)", table);
  GString         *out = g_string_new (NULL);
  sqlite3_stmt    *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* Rows of @table in one database and not in the other, both ways. */
static gint64
differences (sqlite3    *db,
             const char *table,
             const char *columns)
{
  g_autofree char *sql = g_strdup_printf ("SELECT (SELECT count(*) FROM (SELECT %s FROM main.%s EXCEPT SELECT %s FROM old.%s))"
                                          " + (SELECT count(*) FROM (SELECT %s FROM old.%s EXCEPT SELECT %s FROM main.%s))",
                                          columns, table, columns, table, columns, table, columns, table);
  sqlite3_stmt    *stmt = NULL;
  gint64           n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static gint64
count_in (const char *path,
          const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  return test_core_sql_int (path, sql);
}

/* Upgrades the database at f->path, a copy of a previous version, and
 * checks that it was backed up first and that nothing was lost. */
static void
upgrade_and_check (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *attach = NULL;
  g_autofree char *difference = NULL;
  g_autoptr(GListStore) found = NULL;
  g_autoptr(RapportTalkingPoint) point = NULL;
  int      version = (int) test_core_sql_int (f->path, "PRAGMA user_version");
  gint64   meetings = count_in (f->path, "meetings");
  gint64   hidden = test_core_sql_int (f->path, "SELECT count(*) FROM meetings WHERE deleted = 1");
  gint64   start;
  sqlite3 *db;

  g_assert_cmpint (version, >=, 1);
  g_assert_cmpint (version, <, RAPPORT_STORE_SCHEMA_VERSION);
  g_assert_null (only_backup (f));

  start = g_get_monotonic_time ();
  store = rapport_store_open (f->path, &error);
  g_assert_no_error (error);
  g_test_message ("%" G_GINT64_FORMAT " meetings upgraded from format %d in %.0f ms, backup included",
                  meetings, version, (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpint (rapport_store_get_schema_version (store), ==, RAPPORT_STORE_SCHEMA_VERSION);
  g_assert_cmpint (test_core_sql_int (f->path, "PRAGMA user_version"), ==, RAPPORT_STORE_SCHEMA_VERSION);
  g_assert_cmpint (test_core_sql_int (f->path, "PRAGMA application_id"), ==, RAPPORT_STORE_APPLICATION_ID);

  /* The backup: the database as it was, whole and sound. */
  backup = only_backup (f);
  g_assert_nonnull (backup);
  g_assert_true (g_str_has_prefix (strrchr (backup, G_DIR_SEPARATOR), G_DIR_SEPARATOR_S "rapport-"));
  g_assert_cmpint (test_core_sql_int (backup, "PRAGMA user_version"), ==, version);
  g_assert_cmpint (test_core_sql_int (backup, "SELECT count(*) FROM pragma_quick_check WHERE quick_check = 'ok'"), ==, 1);
  g_assert_cmpint (count_in (backup, "meetings"), ==, meetings);

  /* Every row of every table of the previous format, as it was (the
   * meetings hidden a moment ago included: they may still be undone). */
  db = rapport_store_get_handle (store);
  attach = g_strdup_printf ("ATTACH DATABASE '%s' AS old", backup);
  g_assert_cmpint (sqlite3_exec (db, attach, NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (previous_tables); i++)
    {
      g_autofree char *columns = old_columns (db, previous_tables[i]);

      if (columns == NULL)
        continue; /* older than the table */
      g_assert_cmpint (differences (db, previous_tables[i], columns), ==, 0);
    }
  g_assert_cmpint (sqlite3_exec (db, "DETACH DATABASE old", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM meetings WHERE deleted = 1"), ==, hidden);

  /* The new tables are there and empty; the next date is unset. */
  g_assert_cmpint (count_in (f->path, "talking_points"), ==, 0);
  g_assert_cmpint (count_in (f->path, "missed_meetings"), ==, 0);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM people WHERE next_date IS NOT NULL"), ==, 0);

  /* What the previous format kept still holds: the search indexes and
   * the history totals agree with the rows. */
  for (guint i = 0; i < 2; i++)
    {
      static const char *const indexes[] = { "commitments_fts", "people_fts" };
      g_autofree char         *check = g_strdup_printf ("INSERT INTO %s (%s, rank) VALUES ('integrity-check', 1)",
                                                        indexes[i], indexes[i]);

      g_assert_cmpint (sqlite3_exec (db, check, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  /* Hidden meetings are out of their index on purpose. */
  g_assert_cmpint (count_in (f->path, "meetings_fts_docsize"), ==, meetings - hidden);
  if (version >= 6)
    {
      g_assert_true (rapport_aggregates_check (store, &difference, &error));
      g_assert_no_error (error);
      g_assert_null (difference);
    }

  /* And the new features work on it at once. */
  point = rapport_talking_point_add (store, test_core_sql_int (f->path, "SELECT min (id) FROM people WHERE archived = 0"),
                                     "Roadmap after the upgrade", RAPPORT_RAISED_BY_ME, 0, RAPPORT_RECUR_NONE,
                                     NULL, &error);
  g_assert_no_error (error);
  found = rapport_search_run (store, "roadmap upgrade", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 1);

  /* Opening again migrates nothing and backs up nothing more. */
  g_clear_object (&store);
  store = rapport_store_open (f->path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&backup, g_free);
  backup = only_backup (f);
  g_assert_nonnull (backup);
}

static void
test_decade (Fixture      *f,
             gconstpointer data)
{
  const char *given = g_getenv ("RAPPORT_TEST_PREVIOUS_DB");

  if (given != NULL && *given != '\0')
    {
      g_autoptr(GFile) from = g_file_new_for_path (given);
      g_autoptr(GFile) to = g_file_new_for_path (f->path);
      g_autoptr(GError) error = NULL;

      g_test_message ("upgrading a copy of %s", given);
      g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  else
    {
      make_previous (f->path, PREVIOUS_VERSION);
      test_core_sql (f->path, decade_sql);
      g_assert_cmpint (count_in (f->path, "meetings"), >, 20000);
    }
  upgrade_and_check (f);
}

/* From further back (format 2, before search): the same, several steps
 * at once. */
static void
test_older (Fixture      *f,
            gconstpointer data)
{
  make_previous (f->path, 2);
  test_core_sql (f->path,
                 "INSERT INTO people (id, uuid, name, created_at, updated_at)"
                 " VALUES (1, 'a0000000-0000-4000-8000-000000000001', 'Ada', 'x', 'x');"
                 "INSERT INTO meetings (id, uuid, person_id, date, notes, created_at, updated_at)"
                 " VALUES (1, 'c0000000-0000-4000-8000-000000000001', 1, '2023-09-09', 'Quarterly roadmap', 'x', 'x');");
  upgrade_and_check (f);
}

/* A step that fails leaves the file at the version it had: no step
 * before it is kept either. */
static void
test_one_transaction (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;

  make_previous (f->path, 5);
  /* In the way of migration 8, which comes after 6 and 7. */
  test_core_sql (f->path,
                 "INSERT INTO people (id, uuid, name, created_at, updated_at)"
                 " VALUES (1, 'a0000000-0000-4000-8000-000000000001', 'Ada', 'x', 'x');"
                 "CREATE TABLE missed_meetings (id INTEGER PRIMARY KEY);");

  store = rapport_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_SQL);
  g_assert_nonnull (strstr (error->message, "format 5"));
  g_assert_nonnull (strstr (error->message, "version 8"));
  g_clear_error (&error);

  g_assert_cmpint (test_core_sql_int (f->path, "PRAGMA user_version"), ==, 5);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM sqlite_schema"
                                               " WHERE name IN ('history_days', 'talking_points')"),
                   ==, 0);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM sqlite_schema"
                                               " WHERE name = 'meetings_fts' AND sql LIKE '%prefix%'"),
                   ==, 0);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM people"), ==, 1);
  /* The backup was made before anything was tried. */
  {
    g_autofree char *backup = only_backup (f);
    g_assert_nonnull (backup);
  }
}

/* Without a backup, no upgrade: the file stays at its version. */
static void
test_no_backup_no_upgrade (Fixture      *f,
                           gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autofree char *blocker = g_build_filename (f->dir, "backups", NULL);

  make_previous (f->path, PREVIOUS_VERSION);
  /* A file where the backups folder would be. */
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));

  store = rapport_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "backup"));
  g_assert_nonnull (strstr (error->message, "Nothing has been changed"));
  g_assert_cmpint (test_core_sql_int (f->path, "PRAGMA user_version"), ==, PREVIOUS_VERSION);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM sqlite_schema"
                                               " WHERE name = 'talking_points'"),
                   ==, 0);
}

/* A new database has nothing to back up. */
static void
test_new_database (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = rapport_store_open (f->path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (rapport_store_get_schema_version (store), ==, RAPPORT_STORE_SCHEMA_VERSION);
  g_assert_null (only_backup (f));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/migration/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("decade", test_decade);
  ADD ("older", test_older);
  ADD ("one-transaction", test_one_transaction);
  ADD ("no-backup-no-upgrade", test_no_backup_no_upgrade);
  ADD ("new-database", test_new_database);
#undef ADD

  return g_test_run ();
}
