/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every file Rapport writes from the notes is its owner's only (0600),
 * also when it replaces a file others could read: GLib 2.84's
 * g_file_set_contents_full() keeps the replaced file's mode, which
 * left exports readable by others there. */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "rapport-exchange.h"
#include "rapport-file.h"
#include "test-core-util.h"

static int
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* A file readable by all, about to be written over. */
static char *
readable_file (const char *dir,
               const char *name)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_cmpint (mode_of (path), ==, 0644);
  return path;
}

static void
test_replaces_private (void)
{
  g_autofree char *dir = test_core_tmpdir_new ();
  g_autofree char *path = readable_file (dir, "notes.txt");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_file_write_private (path, "new", 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode_of (path), ==, 0600);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_cmpstr (text, ==, "new");
  test_core_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_error_names_file (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (rapport_file_write_private ("/nonexistent/dir/out.json", "x", 1, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "/nonexistent/dir/out.json"));
}

/* The exports themselves, JSON and Markdown, written over such a file. */
static void
test_exports_private (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *markdown = NULL;

  test_core_db_set_up (&dir, &db, &store);
  person = test_core_person_new (store, "Ada", "");
  json = readable_file (dir, "all.json");
  markdown = readable_file (dir, "ada.md");

  g_assert_true (rapport_exchange_export_to_file (store, json, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode_of (json), ==, 0600);
  g_assert_true (rapport_exchange_person_markdown_to_file (store, rapport_person_get_uuid (person),
                                                           markdown, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode_of (markdown), ==, 0600);

  g_clear_object (&person);
  test_core_db_tear_down (&dir, &db, &store);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/file/replaces-private", test_replaces_private);
  g_test_add_func ("/file/error-names-file", test_error_names_file);
  g_test_add_func ("/file/exports-private", test_exports_private);
  return g_test_run ();
}
