/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the models promise their callers, whatever other processes do to
 * the database meanwhile. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rapport-meeting-list.h"
#include "rapport-person.h"
#include "rapport-store.h"
#include "test-core-util.h"

typedef TestCoreDb Fixture;

/* A copy of the model's items kept up to date by items-changed alone, as
 * a view keeps it. */
typedef struct
{
  GListModel *model;
  GPtrArray  *items;
} Mirror;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Mirror     *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->items->len);
  g_ptr_array_remove_range (mirror->items, position, removed);
  for (guint i = 0; i < added; i++)
    {
      gpointer item = g_list_model_get_item (model, position + i);

      g_assert_nonnull (item);
      g_ptr_array_insert (mirror->items, (int) (position + i), item);
    }
}

static void
mirror_init (Mirror     *mirror,
             GListModel *model)
{
  mirror->model = model;
  mirror->items = g_ptr_array_new_with_free_func (g_object_unref);
  on_items_changed (model, 0, 0, g_list_model_get_n_items (model), mirror);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), mirror);
}

/* Every position below n_items has an item, the same the mirror holds. */
static void
assert_contract (Mirror *mirror)
{
  guint n = g_list_model_get_n_items (mirror->model);

  g_assert_cmpuint (mirror->items->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportMeeting) item = g_list_model_get_item (mirror->model, i);

      g_assert_nonnull (item);
      g_assert_true (item == g_ptr_array_index (mirror->items, i));
    }
  g_assert_null (g_list_model_get_item (mirror->model, n));
}

static void
mirror_clear (Mirror *mirror)
{
  g_signal_handlers_disconnect_by_func (mirror->model, on_items_changed, mirror);
  g_ptr_array_unref (mirror->items);
}

/* Meetings deleted by another process while the list is shown, in the
 * page and past it: the list never hands out NULL below n_items, and
 * tells its views (items-changed) about every change in its length. */
static void
test_meeting_list_rows_gone (Fixture      *f,
                             gconstpointer data)
{
  guint total = RAPPORT_MEETING_LIST_PAGE + 6;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMeetingList) list = NULL;
  gint64             person = test_core_insert_person (f->store, "Ada", FALSE);
  g_autofree gint64 *ids = g_new0 (gint64, total);
  Mirror             mirror;

  /* ids[0] newest: position i holds ids[i]. */
  for (guint i = 0; i < total; i++)
    {
      g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 2020);
      char text[16];

      g_date_add_days (date, total - i);
      g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
      ids[i] = test_core_insert_meeting (f->store, person, text, 0, "", FALSE);
    }

  list = rapport_meeting_list_new (f->store, person, &error);
  g_assert_no_error (error);
  mirror_init (&mirror, G_LIST_MODEL (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, RAPPORT_MEETING_LIST_PAGE);
  assert_contract (&mirror);

  /* Another process deletes two meetings past the page and one in it. */
  {
    g_autofree char *sql = g_strdup_printf ("DELETE FROM checklist WHERE meeting_id IN (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ");"
                                            "DELETE FROM meetings WHERE id IN (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                                            ids[RAPPORT_MEETING_LIST_PAGE + 1], ids[RAPPORT_MEETING_LIST_PAGE + 3], ids[4],
                                            ids[RAPPORT_MEETING_LIST_PAGE + 1], ids[RAPPORT_MEETING_LIST_PAGE + 3], ids[4]);
    test_core_sql (f->path, sql);
  }

  /* Shown already: the item stays what it was until the next reload. */
  assert_contract (&mirror);

  /* Scrolling on shows what can be read, and only that. */
  rapport_meeting_list_show_more (list, total);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, total - 2);
  assert_contract (&mirror);

  g_assert_true (rapport_meeting_list_reload (list, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, total - 3);
  g_assert_cmpuint (rapport_meeting_list_find (list, ids[4]), ==, G_MAXUINT);
  assert_contract (&mirror);

  mirror_clear (&mirror);
}

static int
count_commit (void *data)
{
  (*(int *) data)++;
  return 0;
}

/* Adding a person is one write: name, role and cadence together. */
static void
test_person_add_one_write (Fixture      *f,
                           gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPerson) ada = NULL;
  g_autoptr(RapportPerson) again = NULL;
  RapportPerson *none;
  int            commits = 0;

  sqlite3_commit_hook (rapport_store_get_handle (f->store), count_commit, &commits);
  ada = rapport_person_create_full (f->store, "Ada", "Engineer", 14, &error);
  g_assert_no_error (error);
  g_assert_cmpint (commits, ==, 1);
  g_assert_cmpint (rapport_person_get_cadence_days (ada), ==, 14);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT cadence_days FROM people WHERE name = 'Ada' AND role = 'Engineer'"), ==, 14);
  again = rapport_person_load (f->store, rapport_person_get_id (ada), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_person_get_cadence_days (again), ==, 14);

  /* Refused: nothing written at all. */
  none = rapport_person_create_full (f->store, "", "Engineer", 14, &error);
  g_assert_null (none);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_assert_cmpint (commits, ==, 1);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM people"), ==, 1);
  sqlite3_commit_hook (rapport_store_get_handle (f->store), NULL, NULL);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/model-contracts/" name, Fixture, NULL, test_core_db_fixture_set_up, func, test_core_db_fixture_tear_down)
  ADD ("meeting-list-rows-gone", test_meeting_list_rows_gone);
  ADD ("person-add-one-write", test_person_add_one_write);
#undef ADD

  return g_test_run ();
}
