/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rapport-cli.h"
#include "rapport-exchange.h"
#include "test-core-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;

  f->dir = test_core_tmpdir_new ();
  f->path = g_build_filename (f->dir, "rapport.db", NULL);
  store = test_core_store_new (f->dir);
  rapport_store_exec (store,
                      "INSERT INTO people (uuid, name, created_at, updated_at) VALUES"
                      " ('a0000000-0000-4000-8000-000000000001', 'Ada',"
                      "  '2026-02-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z');"
                      "INSERT INTO meetings (uuid, person_id, date, notes, created_at, updated_at) VALUES"
                      " ('c0000000-0000-4000-8000-000000000001', 1, '2026-02-02', 'Talked about the parser',"
                      "  '2026-02-02T10:00:00.000Z', '2026-02-02T10:00:00.000Z');",
                      &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  test_core_tmpdir_free (f->dir);
  g_free (f->path);
}

static char *
contents_without_time (const char *path)
{
  g_autoptr(GBytes) bytes = test_core_file_bytes (path);
  g_autoptr(GRegex) re = g_regex_new ("\"exported_at\" : \"[^\"]*\"", 0, 0, NULL);

  return g_regex_replace_literal (re, g_bytes_get_data (bytes, NULL), -1, 0, "", 0, NULL);
}

static void
test_export_import_round_trip (Fixture      *f,
                               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out1 = g_build_filename (f->dir, "one.json", NULL);
  g_autofree char *out2 = g_build_filename (f->dir, "two.json", NULL);
  g_autofree char *fresh = g_build_filename (f->dir, "new", "rapport.db", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_cmpint (rapport_cli_run (f->path, out1, NULL, NULL, &error), ==, RAPPORT_CLI_OK);
  g_assert_no_error (error);

  /* Importing into a database that does not exist yet creates it. */
  g_assert_cmpint (rapport_cli_run (fresh, NULL, out1, NULL, &error), ==, RAPPORT_CLI_OK);
  g_assert_no_error (error);
  g_assert_cmpint (test_core_sql_int (fresh, "SELECT count(*) FROM meetings"
                                             " WHERE notes = 'Talked about the parser'"),
                   ==, 1);

  g_assert_cmpint (rapport_cli_run (fresh, out2, NULL, NULL, &error), ==, RAPPORT_CLI_OK);
  g_assert_no_error (error);
  a = contents_without_time (out1);
  b = contents_without_time (out2);
  g_assert_cmpstr (a, ==, b);
}

static void
test_database_from_environment (Fixture      *f,
                                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (f->dir, "env.json", NULL);

  g_setenv ("RAPPORT_DATABASE", f->path, TRUE);
  g_assert_cmpint (rapport_cli_run (NULL, out, NULL, NULL, &error), ==, RAPPORT_CLI_OK);
  g_unsetenv ("RAPPORT_DATABASE");
  g_assert_no_error (error);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
}

static void
test_backup (Fixture      *f,
             gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (f->dir, "saved", NULL);
  g_autoptr(GDir) dir = NULL;
  const char      *name;
  g_autofree char *path = NULL;

  g_assert_cmpint (rapport_cli_run (f->path, NULL, NULL, folder, &error), ==, RAPPORT_CLI_OK);
  g_assert_no_error (error);
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  name = g_dir_read_name (dir);
  g_assert_nonnull (name);
  g_assert_true (g_str_has_prefix (name, "rapport-"));
  path = g_build_filename (folder, name, NULL);
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM people"), ==, 1);
}

static void
test_failures (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = g_build_filename (f->dir, "bad.json", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "nowhere.db", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out.json", NULL);
  g_autofree char *blocked = g_build_filename (f->dir, "not-a-folder", "x.json", NULL);
  g_autofree char *blocker = g_build_filename (f->dir, "not-a-folder", NULL);

  g_assert_cmpint (rapport_cli_run (f->path, NULL, NULL, NULL, &error), ==, RAPPORT_CLI_USAGE);
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* No database is made up for an export. */
  g_assert_cmpint (rapport_cli_run (nowhere, out, NULL, NULL, &error), ==, RAPPORT_CLI_FAILED);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_OPEN);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (bad, "{ \"format\": \"rapport-export\", \"version\": 1,\n"
                                           "  \"people\": [ { \"uuid\": 7 } ] }",
                                      -1, NULL));
  g_assert_cmpint (rapport_cli_run (f->path, NULL, bad, NULL, &error), ==, RAPPORT_CLI_FAILED);
  g_assert_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "bad.json: $.people[0].uuid: not a string"));
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM people"), ==, 1);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (blocker, "", -1, NULL));
  g_assert_cmpint (rapport_cli_run (f->path, blocked, NULL, NULL, &error), ==, RAPPORT_CLI_FAILED);
  g_assert_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_IO);
  g_clear_error (&error);
}

/* What a user sees: one line on stderr and a non-zero status. */
static void
test_main_reports_one_line (Fixture      *f,
                            gconstpointer data)
{
  if (g_test_subprocess ())
    {
      g_autofree char *bad = g_build_filename (f->dir, "bad.json", NULL);
      g_assert_true (g_file_set_contents (bad, "{\n\"format\": \n", -1, NULL));
      exit (rapport_cli_main (f->path, NULL, bad, NULL));
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("rapport: Import failed, nothing was changed: bad.json: Not valid JSON at line 3, column *\n");
  g_test_trap_assert_stdout ("");
}

static void
test_main_success (Fixture      *f,
                   gconstpointer data)
{
  if (g_test_subprocess ())
    {
      g_autofree char *folder = g_build_filename (f->dir, "b", NULL);
      exit (rapport_cli_main (f->path, NULL, NULL, folder));
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
  g_test_trap_assert_stdout ("*/b/rapport-*.db\n");
}

/* --import says what it did, in one line on stdout. */
static void
test_main_import_summary (Fixture      *f,
                          gconstpointer data)
{
  if (g_test_subprocess ())
    {
      int status;

      /* Freed before exit(), so that LeakSanitizer sees nothing left. */
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *out = g_build_filename (f->dir, "one.json", NULL);
        g_autofree char *fresh = g_build_filename (f->dir, "new", "rapport.db", NULL);

        g_assert_cmpint (rapport_cli_run (f->path, out, NULL, NULL, &error), ==, RAPPORT_CLI_OK);
        /* Ada and her meeting are new there; the built-in habits are the
         * same habits. */
        status = rapport_cli_main (fresh, NULL, out, NULL);
      }
      exit (status);
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
  g_test_trap_assert_stdout ("Imported “one.json”: 2 added, 0 updated, 11 unchanged\n");
}

static void
add_people (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = rapport_store_open (f->path, &error);

  g_assert_no_error (error);
  rapport_store_exec (store,
                      "INSERT INTO people (uuid, name, role, archived, created_at, updated_at) VALUES"
                      " ('a0000000-0000-4000-8000-000000000002', 'Samir Haddad', '', 0, 'x', 'x'),"
                      " ('a0000000-0000-4000-8000-000000000003', 'Sam', 'Designer', 0, 'x', 'x'),"
                      " ('a0000000-0000-4000-8000-000000000004', 'Sarah Connor', 'Lead', 0, 'x', 'x'),"
                      " ('a0000000-0000-4000-8000-000000000005', 'Zoë Ångström', '', 0, 'x', 'x'),"
                      " ('a0000000-0000-4000-8000-000000000006', 'Adam Gone', '', 1, 'x', 'x');",
                      &error);
  g_assert_no_error (error);
}

static char *
queue_of (Fixture    *f,
          const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT group_concat (t.text, '|') FROM talking_points t"
                                          " JOIN people p ON p.id = t.person_id WHERE p.name = '%s'",
                                          name);
  sqlite3         *db = NULL;
  sqlite3_stmt    *stmt = NULL;
  char            *out;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  out = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return out;
}

static void
test_add_topic (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_auto (GStrv) candidates = NULL;
  g_autofree char *nowhere = g_build_filename (f->dir, "nowhere.db", NULL);
  g_autofree char *got = NULL;

  add_people (f);

  /* A whole name, any case; a unique start; a whole name that starts
   * others ("Sam", not "Samir"); accents as typed, composed or not. */
  g_assert_cmpint (rapport_cli_add_topic (f->path, "ada", "Conference budget", &candidates, &error),
                   ==, RAPPORT_CLI_OK);
  g_assert_no_error (error);
  g_assert_null (candidates);
  g_assert_cmpint (rapport_cli_add_topic (f->path, "SAMI", "Visa papers", NULL, &error), ==, RAPPORT_CLI_OK);
  g_assert_cmpint (rapport_cli_add_topic (f->path, "sam", "Portfolio review", NULL, &error), ==, RAPPORT_CLI_OK);
  g_assert_cmpint (rapport_cli_add_topic (f->path, "zoe\xcc\x88 a\xcc\x8angstro\xcc\x88m", "Relocation",
                                          NULL, &error),
                   ==, RAPPORT_CLI_OK);
  g_assert_cmpint (rapport_cli_add_topic (f->path, "Ada Lovelace", "  Second\none  ", NULL, &error),
                   ==, RAPPORT_CLI_FAILED);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (rapport_cli_add_topic (f->path, "Ada", "  Second\none  ", NULL, &error), ==, RAPPORT_CLI_OK);
  g_assert_no_error (error);
  got = queue_of (f, "Ada");
  g_assert_cmpstr (got, ==, "Conference budget|Second one");
  g_clear_pointer (&got, g_free);
  got = queue_of (f, "Samir Haddad");
  g_assert_cmpstr (got, ==, "Visa papers");
  g_clear_pointer (&got, g_free);
  got = queue_of (f, "Sam");
  g_assert_cmpstr (got, ==, "Portfolio review");
  g_clear_pointer (&got, g_free);
  got = queue_of (f, "Zoë Ångström");
  g_assert_cmpstr (got, ==, "Relocation");
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM talking_points WHERE raised_by = 'me'"
                                               " AND discussed_in IS NULL AND deleted = 0"),
                   ==, 5);

  /* Ambiguous: the candidates, nothing written. */
  g_assert_cmpint (rapport_cli_add_topic (f->path, "sa", "x", &candidates, &error), ==, RAPPORT_CLI_FAILED);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“sa” could be any of 3 people"));
  g_assert_cmpuint (g_strv_length (candidates), ==, 3);
  g_assert_cmpstr (candidates[0], ==, "Sam (Designer)");
  g_assert_cmpstr (candidates[1], ==, "Samir Haddad");
  g_assert_cmpstr (candidates[2], ==, "Sarah Connor (Lead)");
  g_clear_pointer (&candidates, g_strfreev);
  g_clear_error (&error);

  /* Unknown (archived people are not on the team): the team. */
  g_assert_cmpint (rapport_cli_add_topic (f->path, "adam", "x", &candidates, &error), ==, RAPPORT_CLI_FAILED);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (g_strv_length (candidates), ==, 5);
  g_clear_pointer (&candidates, g_strfreev);
  g_clear_error (&error);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM talking_points"), ==, 5);

  /* Usage, and no database made up. */
  g_assert_cmpint (rapport_cli_add_topic (f->path, "Ada", " \n", NULL, &error), ==, RAPPORT_CLI_USAGE);
  g_clear_error (&error);
  g_assert_cmpint (rapport_cli_add_topic (f->path, " ", "Budget", NULL, &error), ==, RAPPORT_CLI_FAILED);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rapport_cli_add_topic (nowhere, "Ada", "Budget", NULL, &error), ==, RAPPORT_CLI_FAILED);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_OPEN);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
}

/* What a user sees: the point added in one line, or the reason and the
 * candidates on stderr with a non-zero status. */
static void
test_add_topic_main (Fixture      *f,
                     gconstpointer data)
{
  if (g_test_subprocess ())
    {
      add_people (f);
      exit (rapport_cli_add_topic_main (f->path, "Sar", "Hiring plan"));
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
  g_test_trap_assert_stdout ("Added to Sarah Connor’s talking points\n");
}

static void
test_add_topic_main_ambiguous (Fixture      *f,
                               gconstpointer data)
{
  if (g_test_subprocess ())
    {
      add_people (f);
      exit (rapport_cli_add_topic_main (f->path, "S", "Hiring plan"));
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stdout ("");
  g_test_trap_assert_stderr ("rapport: “S” could be any of 3 people; give more of the name:\n"
                             "  Sam (Designer)\n  Samir Haddad\n  Sarah Connor (Lead)\n");
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM talking_points"), ==, 0);
}

static void
test_add_topic_main_unknown (Fixture      *f,
                             gconstpointer data)
{
  if (g_test_subprocess ())
    exit (rapport_cli_add_topic_main (f->path, "Grace", "Hiring plan"));
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stdout ("");
  g_test_trap_assert_stderr ("rapport: Nobody on the team is called “Grace”; the team:\n  Ada\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cli/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("export-import-round-trip", test_export_import_round_trip);
  ADD ("database-from-environment", test_database_from_environment);
  ADD ("backup", test_backup);
  ADD ("failures", test_failures);
  ADD ("main-reports-one-line", test_main_reports_one_line);
  ADD ("main-success", test_main_success);
  ADD ("main-import-summary", test_main_import_summary);
  ADD ("add-topic", test_add_topic);
  ADD ("add-topic-main", test_add_topic_main);
  ADD ("add-topic-main-ambiguous", test_add_topic_main_ambiguous);
  ADD ("add-topic-main-unknown", test_add_topic_main_unknown);
#undef ADD

  return g_test_run ();
}
