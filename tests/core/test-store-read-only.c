/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rapport_store_open_read_only(), the connection the desktop's search
 * reads through: it finds what the app wrote, writes nothing, makes
 * nothing, migrates nothing, and reads while another connection writes. */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "rapport-search.h"
#include "rapport-store.h"
#include "test-core-util.h"

static char *
file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize            length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
test_reads_what_was_written (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportStore) reader = NULL;
  g_autoptr(GListStore) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPerson) person = NULL;
  g_autoptr(RapportMeeting) meeting = NULL;

  test_core_db_set_up (&dir, &path, &store);
  person = test_core_person_new (store, "Sam Rivera", "");
  meeting = test_core_meeting_new (store, person, "2025-03-03", "The zeppelin budget moved.");

  reader = rapport_store_open_read_only (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reader);
  results = rapport_search_run (reader, "zeppelin", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 1);

  /* Nothing can be written through it, not even by mistake. */
  g_assert_false (rapport_store_exec (reader, "UPDATE people SET name = 'X'", &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_clear_object (&reader);
  g_clear_object (&meeting);
  g_clear_object (&person);
  test_core_db_tear_down (&dir, &path, &store);
}

/* A writer in the middle of a transaction neither blocks the reader nor
 * shows it half of what it writes; after the commit the reader sees it. */
static void
test_reads_beside_a_writer (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportStore) reader = NULL;
  g_autoptr(GListStore) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPerson) person = NULL;
  g_autoptr(RapportMeeting) meeting = NULL;
  gint64 start;

  test_core_db_set_up (&dir, &path, &store);
  person = test_core_person_new (store, "Sam Rivera", "");
  reader = rapport_store_open_read_only (path, &error);
  g_assert_no_error (error);

  g_assert_true (rapport_store_begin (store, &error));
  meeting = test_core_meeting_new (store, person, "2025-03-03", "A submarine appeared.");
  start = g_get_monotonic_time ();
  results = rapport_search_run (reader, "submarine", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 0);
  /* Far below the busy timeout: it did not wait for the writer. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 200 * 1000);
  g_clear_object (&results);
  g_assert_true (rapport_store_commit (store, &error));

  results = rapport_search_run (reader, "submarine", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 1);

  g_clear_object (&reader);
  g_clear_object (&meeting);
  g_clear_object (&person);
  test_core_db_tear_down (&dir, &path, &store);
}

static void
test_makes_nothing (void)
{
  g_autofree char *dir = test_core_tmpdir_new ();
  g_autofree char *folder = g_build_filename (dir, "rapport", NULL);
  g_autofree char *path = g_build_filename (folder, "rapport.db", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(GError) error = NULL;
  RapportStore *reader;

  reader = rapport_store_open_read_only (path, &error);
  g_assert_null (reader);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_OPEN);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* An empty file is not a journal at this format: refused, left empty. */
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  reader = rapport_store_open_read_only (empty, &error);
  g_assert_null (reader);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (g_file_test (empty, G_FILE_TEST_IS_REGULAR));
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (empty, &st), ==, 0);
    g_assert_cmpint (st.st_size, ==, 0);
  }
  g_unlink (empty);
  test_core_tmpdir_free (g_steal_pointer (&dir));
}

/* A journal of an older format is for the app to update: refused, and
 * not one byte of it changed. */
static void
test_migrates_nothing (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  RapportStore *reader;

  test_core_db_set_up (&dir, &path, &store);
  sql = g_strdup_printf ("PRAGMA user_version = %d", RAPPORT_STORE_SCHEMA_VERSION - 1);
  test_core_exec (store, sql);
  test_core_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)");
  before = file_digest (path);

  reader = rapport_store_open_read_only (path, &error);
  g_assert_null (reader);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_OPEN);
  after = file_digest (path);
  g_assert_cmpstr (before, ==, after);

  test_core_exec (store, "PRAGMA user_version = 999");
  g_clear_error (&error);
  reader = rapport_store_open_read_only (path, &error);
  g_assert_null (reader);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_TOO_NEW);

  test_core_db_tear_down (&dir, &path, &store);
}

/* As the app's own connection: a folder on the way may be a link (a home
 * folder often is), the file itself may not. */
static void
test_links (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *linked_dir = NULL;
  g_autofree char *through_dir = NULL;
  g_autofree char *linked_file = NULL;
  g_autofree char *base = NULL;
  RapportStore    *reader;

  test_core_db_set_up (&dir, &path, &store);
  base = g_path_get_basename (path);
  linked_dir = g_strconcat (dir, "-link", NULL);
  g_assert_cmpint (symlink (dir, linked_dir), ==, 0);
  through_dir = g_build_filename (linked_dir, base, NULL);
  reader = rapport_store_open_read_only (through_dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reader);
  g_object_unref (reader);

  linked_file = g_build_filename (dir, "link.db", NULL);
  g_assert_cmpint (symlink (path, linked_file), ==, 0);
  reader = rapport_store_open_read_only (linked_file, &error);
  g_assert_null (reader);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_OPEN);

  g_unlink (linked_file);
  g_unlink (linked_dir);
  test_core_db_tear_down (&dir, &path, &store);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/read-only/reads-what-was-written", test_reads_what_was_written);
  g_test_add_func ("/store/read-only/reads-beside-a-writer", test_reads_beside_a_writer);
  g_test_add_func ("/store/read-only/makes-nothing", test_makes_nothing);
  g_test_add_func ("/store/read-only/migrates-nothing", test_migrates_nothing);
  g_test_add_func ("/store/read-only/links", test_links);

  return g_test_run ();
}
