/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rapport-checklist-item.h"
#include "rapport-habit.h"
#include "rapport-meeting-list.h"
#include "rapport-meeting.h"
#include "rapport-person.h"
#include "rapport-text.h"
#include "test-core-util.h"

typedef TestCoreDb Fixture;

static void
reopen (Fixture *f)
{
  test_core_store_reopen (&f->store, f->dir);
}

static void
test_people_crud (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPerson) ada = NULL;
  g_autoptr(RapportPerson) again = NULL;
  g_autoptr(GListStore) all = NULL;
  g_autofree char *uuid = NULL;
  RapportPerson   *nobody;

  ada = rapport_person_create (f->store, "  Ada\nLovelace ", "Engineer", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_person_get_name (ada), ==, "Ada Lovelace");
  g_assert_true (g_uuid_string_is_valid (rapport_person_get_uuid (ada)));
  uuid = g_strdup (rapport_person_get_uuid (ada));

  nobody = rapport_person_create (f->store, "   ", NULL, &error);
  g_assert_null (nobody);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  rapport_person_set_name (ada, "Ada King");
  rapport_person_set_cadence_days (ada, 14);
  g_assert_true (rapport_person_save (ada, f->store, &error));
  g_assert_no_error (error);

  reopen (f);
  again = rapport_person_load (f->store, rapport_person_get_id (ada), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_person_get_name (again), ==, "Ada King");
  g_assert_cmpstr (rapport_person_get_role (again), ==, "Engineer");
  g_assert_cmpint (rapport_person_get_cadence_days (again), ==, 14);
  g_assert_cmpstr (rapport_person_get_uuid (again), ==, uuid);

  g_object_unref (rapport_person_create (f->store, "Bob", NULL, &error));
  g_assert_no_error (error);
  all = rapport_person_load_all (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 2);
  {
    g_autoptr(RapportPerson) first = g_list_model_get_item (G_LIST_MODEL (all), 0);
    g_assert_cmpstr (rapport_person_get_name (first), ==, "Ada King");
  }
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM people WHERE name = 'Ada King'"), ==, 1);
}

static void
test_meeting_crud_and_ticks (Fixture      *f,
                             gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPerson) ada = rapport_person_create (f->store, "Ada", NULL, &error);
  g_autoptr(RapportMeeting) meeting = NULL;
  g_autoptr(RapportMeeting) loaded = NULL;
  g_autoptr(GListStore) checklist = NULL;
  g_autoptr(RapportChecklistItem) first = NULL;
  g_autoptr(RapportChecklistItem) third = NULL;
  g_autofree char *uuid = NULL;

  meeting = rapport_meeting_create (f->store, rapport_person_get_id (ada), "2026-03-02", &error);
  g_assert_no_error (error);
  uuid = g_strdup (rapport_meeting_get_uuid (meeting));
  g_assert_false (rapport_meeting_get_dirty (meeting));

  rapport_meeting_set_notes (meeting, "Talked about the release.\nShe wants to lead the next one.");
  rapport_meeting_set_mood (meeting, 4);
  g_assert_true (rapport_meeting_get_dirty (meeting));
  g_assert_true (rapport_meeting_save (meeting, f->store, &error));
  g_assert_no_error (error);
  g_assert_false (rapport_meeting_get_dirty (meeting));

  checklist = rapport_checklist_load (f->store, rapport_meeting_get_id (meeting), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (checklist)), ==, 3);
  first = g_list_model_get_item (G_LIST_MODEL (checklist), 0);
  third = g_list_model_get_item (G_LIST_MODEL (checklist), 2);
  g_assert_cmpstr (rapport_checklist_item_get_label (first), ==, "Listen");
  g_assert_cmpstr (rapport_checklist_item_get_label (third), ==, "Explain the why");
  g_assert_cmpstr (rapport_checklist_item_get_hint (first), !=, "");
  g_assert_true (rapport_checklist_item_set_ticked (first, f->store, TRUE, &error));
  g_assert_true (rapport_checklist_item_set_ticked (third, f->store, TRUE, &error));
  g_assert_true (rapport_checklist_item_set_ticked (third, f->store, FALSE, &error));
  g_assert_true (rapport_checklist_item_set_evidence (first, f->store, "Let her talk\nfirst", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_checklist_item_get_evidence (first), ==, "Let her talk first");

  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM checklist WHERE ticked = 1"), ==, 1);
  g_assert_cmpint (test_core_sql_int (f->path,
                                      "SELECT c.ticked FROM checklist c JOIN habits h ON h.id = c.habit_id"
                                      " WHERE h.key = 'listen'"),
                   ==, 1);

  reopen (f);
  loaded = rapport_meeting_load (f->store, rapport_meeting_get_id (meeting), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_meeting_get_uuid (loaded), ==, uuid);
  g_assert_cmpstr (rapport_meeting_get_date (loaded), ==, "2026-03-02");
  g_assert_cmpint (rapport_meeting_get_mood (loaded), ==, 4);
  g_assert_nonnull (strstr (rapport_meeting_get_notes (loaded), "lead the next one"));

  g_clear_object (&checklist);
  checklist = rapport_checklist_load (f->store, rapport_meeting_get_id (loaded), &error);
  {
    g_autoptr(RapportChecklistItem) item = g_list_model_get_item (G_LIST_MODEL (checklist), 0);
    g_assert_true (rapport_checklist_item_get_ticked (item));
  }

  g_assert_null (rapport_meeting_create (f->store, rapport_person_get_id (ada), "2026-02-30", &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* Mood back to "not recorded" stores NULL. */
  rapport_meeting_set_mood (loaded, 0);
  g_assert_true (rapport_meeting_save (loaded, f->store, &error));
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM meetings WHERE mood IS NULL"), ==, 1);
}

static void
test_checklist_is_a_snapshot (Fixture      *f,
                              gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPerson) ada = rapport_person_create (f->store, "Ada", NULL, &error);
  g_autoptr(RapportMeeting) old = NULL;
  g_autoptr(RapportMeeting) later = NULL;
  g_autoptr(GListStore) old_list = NULL;
  g_autoptr(GListStore) new_list = NULL;

  old = rapport_meeting_create (f->store, rapport_person_get_id (ada), "2026-01-05", &error);
  g_assert_no_error (error);
  /* Switch on one library habit, switch off Listen. */
  test_core_sql (f->path, "UPDATE habits SET active = 1 WHERE key = 'show-empathy';"
                          "UPDATE habits SET active = 0 WHERE key = 'listen';");
  later = rapport_meeting_create (f->store, rapport_person_get_id (ada), "2026-01-12", &error);
  g_assert_no_error (error);

  old_list = rapport_checklist_load (f->store, rapport_meeting_get_id (old), &error);
  new_list = rapport_checklist_load (f->store, rapport_meeting_get_id (later), &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (old_list)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (new_list)), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RapportChecklistItem) a = g_list_model_get_item (G_LIST_MODEL (old_list), i);
      g_autoptr(RapportChecklistItem) b = g_list_model_get_item (G_LIST_MODEL (new_list), i);
      g_assert_cmpstr (rapport_checklist_item_get_label (b), !=, "Listen");
      if (g_strcmp0 (rapport_checklist_item_get_label (a), "Show empathy") == 0)
        g_assert_not_reached ();
    }
}

static void
test_archiving_keeps_history (Fixture      *f,
                              gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPerson) ada = rapport_person_create (f->store, "Ada", NULL, &error);
  g_autoptr(RapportMeeting) meeting = NULL;
  g_autoptr(RapportPerson) loaded = NULL;
  g_autoptr(RapportMeetingList) list = NULL;

  meeting = rapport_meeting_create (f->store, rapport_person_get_id (ada), "2026-01-05", &error);
  rapport_meeting_set_notes (meeting, "Before archiving");
  g_assert_true (rapport_meeting_save (meeting, f->store, &error));

  rapport_person_set_archived (ada, TRUE);
  g_assert_true (rapport_person_save (ada, f->store, &error));
  g_assert_no_error (error);
  reopen (f);

  loaded = rapport_person_load (f->store, rapport_person_get_id (ada), &error);
  g_assert_true (rapport_person_get_archived (loaded));
  list = rapport_meeting_list_new (f->store, rapport_person_get_id (ada), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  rapport_person_set_archived (loaded, FALSE);
  g_assert_true (rapport_person_save (loaded, f->store, &error));
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT archived FROM people"), ==, 0);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM meetings"), ==, 1);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  guint *calls = user_data;
  (*calls)++;
}

static void
test_meeting_list_order_and_delete (Fixture      *f,
                                    gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPerson) ada = rapport_person_create (f->store, "Ada", NULL, &error);
  g_autoptr(RapportPerson) bob = rapport_person_create (f->store, "Bob", NULL, &error);
  g_autoptr(RapportMeetingList) list = NULL;
  const char *dates[] = { "2026-01-05", "2026-03-02", "2026-02-09" };
  gint64      ids[3];
  guint       calls = 0;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RapportMeeting) m = rapport_meeting_create (f->store, rapport_person_get_id (ada), dates[i], &error);
      g_assert_no_error (error);
      ids[i] = rapport_meeting_get_id (m);
    }
  g_object_unref (rapport_meeting_create (f->store, rapport_person_get_id (bob), "2026-03-09", &error));

  list = rapport_meeting_list_new (f->store, rapport_person_get_id (ada), &error);
  g_assert_no_error (error);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &calls);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  {
    g_autoptr(RapportMeeting) newest = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(RapportMeeting) oldest = g_list_model_get_item (G_LIST_MODEL (list), 2);
    g_autoptr(RapportMeeting) same = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpstr (rapport_meeting_get_date (newest), ==, "2026-03-02");
    g_assert_cmpstr (rapport_meeting_get_date (oldest), ==, "2026-01-05");
    g_assert_true (newest == same);
  }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 3));
  g_assert_cmpuint (rapport_meeting_list_find (list, ids[2]), ==, 1);

  /* Delete with undo: hidden, then back, then hidden and purged. */
  g_assert_true (rapport_meeting_hide (f->store, ids[1], TRUE, &error));
  g_assert_true (rapport_meeting_list_reload (list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpuint (rapport_meeting_list_find (list, ids[1]), ==, G_MAXUINT);
  g_assert_true (rapport_meeting_hide (f->store, ids[1], FALSE, &error));
  g_assert_true (rapport_meeting_list_reload (list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_assert_cmpuint (calls, ==, 2);

  g_assert_true (rapport_meeting_hide (f->store, ids[1], TRUE, &error));
  g_assert_true (rapport_meeting_purge (f->store, ids[1], &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM meetings"), ==, 3);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM checklist"), ==, 9);

  /* A meeting object whose row was deleted cannot write its notes into
   * whatever row might take its place. */
  {
    g_autoptr(RapportMeeting) gone = rapport_meeting_load (f->store, ids[2], &error);
    g_assert_no_error (error);
    g_assert_true (rapport_meeting_hide (f->store, ids[2], TRUE, &error));
    rapport_meeting_set_notes (gone, "typed into a deleted meeting");
    g_assert_false (rapport_meeting_save (gone, f->store, &error));
    g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_true (rapport_meeting_hide (f->store, ids[2], FALSE, &error));
    g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM meetings WHERE notes LIKE 'typed%'"), ==, 0);
  }

  /* A hidden meeting left behind by a crash is purged on the next open
   * once it was hidden a day ago; before, another process may still offer
   * its undo. */
  g_assert_true (rapport_meeting_hide (f->store, ids[0], TRUE, &error));
  g_clear_object (&list);
  reopen (f);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM meetings"), ==, 3);
  test_core_sql (f->path, "UPDATE meetings SET updated_at = '2020-01-01T00:00:00.000Z' WHERE deleted = 1");
  reopen (f);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM meetings"), ==, 2);
}

static void
test_meeting_list_pages (Fixture      *f,
                         gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPerson) ada = rapport_person_create (f->store, "Ada", NULL, &error);
  g_autoptr(RapportMeetingList) list = NULL;
  guint  total = RAPPORT_MEETING_LIST_PAGE * 2 + 5;
  guint  calls = 0;
  gint64 oldest = 0;

  g_assert_true (rapport_store_begin (f->store, &error));
  for (guint i = 0; i < total; i++)
    {
      g_autofree char *date = g_strdup_printf ("2020-01-%02u", 1 + i % 28);
      g_autoptr(RapportMeeting) m = NULL;

      date[3] = '0' + (i / 28) % 10; /* a different year per 28 days */
      m = rapport_meeting_create (f->store, rapport_person_get_id (ada), date, &error);
      g_assert_no_error (error);
      if (i == 0)
        oldest = rapport_meeting_get_id (m);
    }
  g_assert_true (rapport_store_commit (f->store, &error));

  list = rapport_meeting_list_new (f->store, rapport_person_get_id (ada), &error);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &calls);
  g_assert_cmpuint (rapport_meeting_list_get_n_meetings (list), ==, total);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, RAPPORT_MEETING_LIST_PAGE);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), RAPPORT_MEETING_LIST_PAGE));

  /* The oldest is found beyond the page, and showing it extends the page. */
  g_assert_cmpuint (rapport_meeting_list_find (list, oldest), ==, total - 1);
  rapport_meeting_list_show_more (list, RAPPORT_MEETING_LIST_PAGE + 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, RAPPORT_MEETING_LIST_PAGE + 1);
  rapport_meeting_list_show_more (list, 10);
  g_assert_cmpuint (calls, ==, 1);
  rapport_meeting_list_show_more (list, total + 100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, total);
  {
    g_autoptr(RapportMeeting) last = g_list_model_get_item (G_LIST_MODEL (list), total - 1);
    g_assert_cmpint (rapport_meeting_get_id (last), ==, oldest);
  }
  g_assert_cmpuint (calls, ==, 2);
}

static void
test_meeting_list_uses_index (Fixture      *f,
                              gconstpointer data)
{
  sqlite3      *db = rapport_store_get_handle (f->store);
  sqlite3_stmt *stmt = NULL;
  GString      *plan = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "EXPLAIN QUERY PLAN SELECT id FROM meetings"
                                       " WHERE person_id = 1 AND deleted = 0"
                                       " ORDER BY date DESC, id DESC",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  g_assert_nonnull (strstr (plan->str, "meetings_by_person_date"));
  g_assert_null (strstr (plan->str, "TEMP B-TREE"));
  g_string_free (plan, TRUE);
}

static void
test_limits_keep_data_exportable (Fixture      *f,
                                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = g_strnfill (RAPPORT_MAX_NAME_CHARS + 1, 'n');
  g_autofree char *ok_name = g_strnfill (RAPPORT_MAX_NAME_CHARS, 'n');
  g_autoptr(RapportPerson) ada = rapport_person_create (f->store, "Ada", NULL, &error);
  g_autoptr(RapportPerson) longest = NULL;
  g_autoptr(RapportMeeting) meeting = NULL;
  g_autofree char *huge = NULL;

  g_assert_null (rapport_person_create (f->store, long_name, NULL, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  longest = rapport_person_create (f->store, ok_name, NULL, &error);
  g_assert_no_error (error);

  rapport_person_set_role (ada, long_name);
  g_assert_false (rapport_person_save (ada, f->store, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT length(role) FROM people WHERE name = 'Ada'"), ==, 0);

  /* Notes over the limit are refused, stay in memory and stay dirty, and
   * what was saved before is untouched. */
  meeting = rapport_meeting_create (f->store, rapport_person_get_id (ada), "2026-01-05", &error);
  rapport_meeting_set_notes (meeting, "kept");
  g_assert_true (rapport_meeting_save (meeting, f->store, &error));
  huge = g_strnfill (RAPPORT_MAX_NOTES_BYTES + 1, 'x');
  rapport_meeting_set_notes (meeting, huge);
  g_assert_false (rapport_meeting_save (meeting, f->store, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_assert_true (rapport_meeting_get_dirty (meeting));
  g_assert_cmpint (strlen (rapport_meeting_get_notes (meeting)), ==, RAPPORT_MAX_NOTES_BYTES + 1);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT length(notes) FROM meetings"), ==, 4);
}

static void
test_text_helpers (void)
{
  g_autofree char *a = rapport_text_excerpt ("\n\n  First line here\nsecond", 40);
  g_autofree char *b = rapport_text_excerpt ("ééééééééééé", 4);
  g_autofree char *c = rapport_text_single_line ("a\tb\r\nc\xff");
  g_autofree char *s = NULL;

  g_assert_cmpstr (a, ==, "First line here");
  g_assert_cmpstr (b, ==, "éééé…");
  g_assert_true (g_utf8_validate (c, -1, NULL));
  g_assert_true (g_str_has_prefix (c, "a b  c"));
  g_assert_true (rapport_set_str (&s, "x"));
  g_assert_false (rapport_set_str (&s, "x"));
  g_assert_true (rapport_set_str (&s, NULL));
  g_assert_null (s);

  g_assert_true (rapport_date_is_valid ("2024-02-29"));
  g_assert_false (rapport_date_is_valid ("2023-02-29"));
  g_assert_false (rapport_date_is_valid ("2023-2-9"));
  g_assert_false (rapport_date_is_valid ("2023-02-09x"));
  g_assert_false (rapport_date_is_valid (NULL));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, test_core_db_fixture_set_up, func, test_core_db_fixture_tear_down)

  ADD ("/models/people-crud", test_people_crud);
  ADD ("/models/meeting-crud-and-ticks", test_meeting_crud_and_ticks);
  ADD ("/models/checklist-is-a-snapshot", test_checklist_is_a_snapshot);
  ADD ("/models/archiving-keeps-history", test_archiving_keeps_history);
  ADD ("/models/meeting-list-order-and-delete", test_meeting_list_order_and_delete);
  ADD ("/models/meeting-list-pages", test_meeting_list_pages);
  ADD ("/models/meeting-list-uses-index", test_meeting_list_uses_index);
  ADD ("/models/limits-keep-data-exportable", test_limits_keep_data_exportable);
  g_test_add_func ("/models/text-helpers", test_text_helpers);

  return g_test_run ();
}
