/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rapport-habit.h"
#include "test-core-util.h"

char *
test_core_tmpdir_new (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("rapport-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  GDir       *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            {
              g_chmod (child, 0700);
              remove_tree (child);
            }
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

void
test_core_tmpdir_free (char *dir)
{
  if (dir == NULL)
    return;
  g_chmod (dir, 0700);
  remove_tree (dir);
  g_free (dir);
}

RapportStore *
test_core_store_new (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  RapportStore    *store = rapport_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

void
test_core_db_set_up (char         **dir,
                     char         **path,
                     RapportStore **store)
{
  *dir = test_core_tmpdir_new ();
  *path = g_build_filename (*dir, "rapport.db", NULL);
  *store = test_core_store_new (*dir);
}

void
test_core_db_tear_down (char         **dir,
                        char         **path,
                        RapportStore **store)
{
  g_assert_finalize_object (*store);
  *store = NULL;
  test_core_tmpdir_free (g_steal_pointer (dir));
  g_clear_pointer (path, g_free);
}

void
test_core_db_fixture_set_up (TestCoreDb   *f,
                             gconstpointer data)
{
  test_core_db_set_up (&f->dir, &f->path, &f->store);
}

void
test_core_db_fixture_tear_down (TestCoreDb   *f,
                                gconstpointer data)
{
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
}

void
test_core_store_reopen (RapportStore **store,
                        const char    *dir)
{
  g_assert_finalize_object (*store);
  *store = test_core_store_new (dir);
}

RapportPerson *
test_core_person_new (RapportStore *store,
                      const char   *name,
                      const char   *role)
{
  g_autoptr(GError) error = NULL;
  RapportPerson *person = rapport_person_create (store, name, role, &error);

  g_assert_no_error (error);
  g_assert_nonnull (person);
  return person;
}

gint64
test_core_exec (RapportStore *store,
                const char   *sql)
{
  g_autoptr(GError) error = NULL;

  rapport_store_exec (store, sql, &error);
  g_assert_no_error (error);
  return sqlite3_last_insert_rowid (rapport_store_get_handle (store));
}

gint64
test_core_insert_person (RapportStore *store,
                         const char   *name,
                         gboolean      archived)
{
  g_autofree char *uuid = rapport_store_new_uuid ();
  g_autofree char *sql = g_strdup_printf ("INSERT INTO people (uuid, name, archived, created_at, updated_at)"
                                          " VALUES ('%s', '%s', %d, 'x', 'x')",
                                          uuid, name, archived);

  return test_core_exec (store, sql);
}

gint64
test_core_insert_person_every (RapportStore *store,
                               const char   *name,
                               int           cadence_days)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO people (uuid, name, cadence_days, created_at, updated_at)"
                                          " VALUES (lower (hex (randomblob (16))), '%s', %d,"
                                          " '2026-01-01T12:00:00.000Z', '2026-01-01T12:00:00.000Z')",
                                          name, cadence_days);

  return test_core_exec (store, sql);
}

gint64
test_core_insert_meeting (RapportStore *store,
                          gint64        person,
                          const char   *date,
                          int           mood,
                          const char   *spec,
                          gboolean      deleted)
{
  g_autofree char *uuid = rapport_store_new_uuid ();
  g_autofree char *mood_text = mood > 0 ? g_strdup_printf ("%d", mood) : g_strdup ("NULL");
  g_autofree char *sql = NULL;
  gint64           meeting;

  sql = g_strdup_printf ("INSERT INTO meetings (uuid, person_id, date, mood, deleted, created_at, updated_at)"
                         " VALUES ('%s', %" G_GINT64_FORMAT ", '%s', %s, %d, 'x', 'x')",
                         uuid, person, date, mood_text, deleted);
  meeting = test_core_exec (store, sql);

  for (guint i = 0; spec[i] != '\0'; i++)
    {
      g_autofree char *row_uuid = NULL;
      g_autofree char *row = NULL;

      if (spec[i] == '-')
        continue;
      g_assert_true (spec[i] == '0' || spec[i] == '1');
      row_uuid = rapport_store_new_uuid ();
      row = g_strdup_printf ("INSERT INTO checklist (uuid, meeting_id, habit_id, ticked, created_at, updated_at)"
                             " VALUES ('%s', %" G_GINT64_FORMAT ", %u, %c, 'x', 'x')",
                             row_uuid, meeting, i + 1, spec[i]);
      test_core_exec (store, row);
    }
  return meeting;
}

void
test_core_insert_commitment (RapportStore *store,
                             gint64        person,
                             gint64        meeting,
                             const char   *owner,
                             const char   *due,
                             const char   *closed_on)
{
  g_autofree char *uuid = rapport_store_new_uuid ();
  g_autofree char *due_sql = due ? g_strdup_printf ("'%s'", due) : g_strdup ("NULL");
  g_autofree char *closed_sql = closed_on ? g_strdup_printf ("'%s'", closed_on) : g_strdup ("NULL");
  g_autofree char *sql = g_strdup_printf ("INSERT INTO commitments (uuid, person_id, meeting_id, text, owner,"
                                          " due, closed_on, created_at, updated_at) VALUES ('%s', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'x', '%s', %s, %s, 'x', 'x')",
                                          uuid, person, meeting, owner, due_sql, closed_sql);

  test_core_exec (store, sql);
}

RapportMeeting *
test_core_meeting_new (RapportStore  *store,
                       RapportPerson *person,
                       const char    *date,
                       const char    *notes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMeeting) meeting = NULL;

  meeting = rapport_meeting_create (store, rapport_person_get_id (person), date, &error);
  g_assert_no_error (error);
  if (notes != NULL)
    {
      rapport_meeting_set_notes (meeting, notes);
      rapport_meeting_save (meeting, store, &error);
      g_assert_no_error (error);
    }
  return g_steal_pointer (&meeting);
}

char *
test_core_active_habits (RapportStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) habits = rapport_habit_load_active (store, &error);
  g_autoptr(GString) out = g_string_new ("");

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (habits)); i++)
    {
      g_autoptr(RapportHabit) habit = g_list_model_get_item (G_LIST_MODEL (habits), i);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, rapport_habit_get_label (habit));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
test_core_async_done (GObject      *source,
                      GAsyncResult *result,
                      gpointer      state)
{
  ((TestCoreAsync *) state)->result = g_object_ref (result);
}

void
test_core_async_wait (TestCoreAsync *state)
{
  while (state->result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

void
test_core_async_drop (TestCoreAsync *state)
{
  gpointer task = state->result;

  g_object_add_weak_pointer (task, &task);
  g_clear_object (&state->result);
  while (task != NULL)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

void
test_core_sql (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;
  char    *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("SQL failed: %s: %s", sql, message);
  sqlite3_close (db);
}

gint64
test_core_sql_int (const char *path,
                   const char *sql)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64        value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

GBytes *
test_core_file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}
