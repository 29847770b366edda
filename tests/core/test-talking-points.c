/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Talking points: adding, editing, ordering, deleting with undo, the
 * queue and its carry-over, ticking in a meeting, recurrence, the count
 * for History, search, purging and the query plans. */
#include "config.h"

#include <string.h>

#include "rapport-search.h"
#include "rapport-talking-point.h"
#include "test-core-util.h"

typedef struct
{
  char         *dir;
  char         *path;
  RapportStore *store;
  gint64        ada;
  gint64        bo;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  test_core_db_set_up (&f->dir, &f->path, &f->store);
  f->ada = test_core_insert_person (f->store, "Ada", FALSE);
  f->bo = test_core_insert_person (f->store, "Bo", FALSE);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
}

static RapportTalkingPoint *
add (Fixture        *f,
     gint64          person,
     const char     *text,
     RapportRaisedBy raised_by)
{
  g_autoptr(GError) error = NULL;
  RapportTalkingPoint *point = rapport_talking_point_add (f->store, person, text, raised_by,
                                                          0, RAPPORT_RECUR_NONE, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (point);
  return point;
}

/* The texts of a list of talking points, joined by "|". */
static char *
texts (GListStore *list)
{
  GString *out = g_string_new (NULL);

  g_assert_nonnull (list);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(RapportTalkingPoint) point = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append (out, rapport_talking_point_get_text (point));
    }
  return g_string_free (out, FALSE);
}

static char *
queue (Fixture    *f,
       gint64      person,
       const char *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) list = rapport_talking_point_load_queue (f->store, person, today, &error);

  g_assert_no_error (error);
  return texts (list);
}

static char *
for_meeting (Fixture *f,
             gint64   meeting)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) list = rapport_talking_point_load_for_meeting (f->store, meeting, &error);

  g_assert_no_error (error);
  return texts (list);
}

#define assert_queue(f, person, today, expected)            \
  G_STMT_START                                              \
  {                                                         \
    g_autofree char *got_ = queue ((f), (person), (today)); \
    g_assert_cmpstr (got_, ==, (expected));                 \
  }                                                         \
  G_STMT_END

#define assert_meeting(f, meeting, expected)              \
  G_STMT_START                                            \
  {                                                       \
    g_autofree char *got_ = for_meeting ((f), (meeting)); \
    g_assert_cmpstr (got_, ==, (expected));               \
  }                                                       \
  G_STMT_END

static gint64
sql_int (Fixture    *f,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64        value;

  g_assert_cmpint (sqlite3_prepare_v2 (rapport_store_get_handle (f->store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static int
count_commit (void *data)
{
  (*(guint *) data)++;
  return 0;
}

static void
test_add (Fixture      *f,
          gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportTalkingPoint) first = NULL;
  g_autoptr(RapportTalkingPoint) second = NULL;
  g_autoptr(RapportTalkingPoint) none = NULL;
  g_autofree char *long_text = g_strnfill (10001, 'x');
  gint64           gone = test_core_insert_person (f->store, "Old", TRUE);
  guint            commits = 0;

  /* One transaction: a single commit for the whole add. */
  sqlite3_commit_hook (rapport_store_get_handle (f->store), count_commit, &commits);
  first = add (f, f->ada, "  Conference\tbudget\n", RAPPORT_RAISED_BY_ME);
  sqlite3_commit_hook (rapport_store_get_handle (f->store), NULL, NULL);
  g_assert_cmpuint (commits, ==, 1);

  g_assert_cmpstr (rapport_talking_point_get_text (first), ==, "Conference budget");
  g_assert_cmpint (rapport_talking_point_get_person_id (first), ==, f->ada);
  g_assert_cmpint (rapport_talking_point_get_raised_by (first), ==, RAPPORT_RAISED_BY_ME);
  g_assert_cmpint (rapport_talking_point_get_position (first), ==, 0);
  g_assert_false (rapport_talking_point_get_discussed (first));
  g_assert_false (rapport_talking_point_get_recurring (first));
  g_assert_null (rapport_talking_point_get_series (first));
  g_assert_null (rapport_talking_point_get_next_due (first));
  g_assert_true (g_uuid_string_is_valid (rapport_talking_point_get_uuid (first)));
  g_assert_true (rapport_talking_point_is_due (first, "2000-01-01"));

  second = add (f, f->ada, "Their promotion case", RAPPORT_RAISED_BY_THEM);
  g_assert_cmpint (rapport_talking_point_get_position (second), ==, 1);
  g_assert_cmpint (rapport_talking_point_get_raised_by (second), ==, RAPPORT_RAISED_BY_THEM);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM talking_points WHERE raised_by = 'them'"), ==, 1);

  /* Refused, and nothing written. */
  none = rapport_talking_point_add (f->store, f->ada, " \n ", RAPPORT_RAISED_BY_ME, 0, RAPPORT_RECUR_NONE, NULL, &error);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  none = rapport_talking_point_add (f->store, f->ada, long_text, RAPPORT_RAISED_BY_ME, 0, RAPPORT_RECUR_NONE, NULL, &error);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  none = rapport_talking_point_add (f->store, 999, "x", RAPPORT_RAISED_BY_ME, 0, RAPPORT_RECUR_NONE, NULL, &error);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  none = rapport_talking_point_add (f->store, gone, "x", RAPPORT_RAISED_BY_ME, 0, RAPPORT_RECUR_NONE, NULL, &error);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  none = rapport_talking_point_add (f->store, f->ada, "x", RAPPORT_RAISED_BY_ME, 0, RAPPORT_RECUR_WEEKS, NULL, &error);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  none = rapport_talking_point_add (f->store, f->ada, "x", RAPPORT_RAISED_BY_ME, 53, RAPPORT_RECUR_WEEKS, NULL, &error);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  none = rapport_talking_point_add (f->store, f->ada, "x", RAPPORT_RAISED_BY_ME, 2, RAPPORT_RECUR_NONE, NULL, &error);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  none = rapport_talking_point_add (f->store, f->ada, "x", RAPPORT_RAISED_BY_ME, 2, RAPPORT_RECUR_WEEKS, "soon", &error);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (none);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM talking_points"), ==, 2);
  g_assert_cmpuint (rapport_store_get_transaction_depth (f->store), ==, 0);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    data)
{
  GString *log = data;

  g_string_append_printf (log, "%s;", pspec->name);
}

static void
test_edit (Fixture      *f,
           gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportTalkingPoint) point = add (f, f->ada, "Budget", RAPPORT_RAISED_BY_ME);
  g_autoptr(RapportTalkingPoint) again = NULL;
  g_autoptr(GString) log = g_string_new (NULL);

  /* Stamps are in milliseconds: let one pass, so that the edit's is later. */
  g_usleep (2000);
  g_signal_connect (point, "notify", G_CALLBACK (on_notify), log);
  g_assert_true (rapport_talking_point_set_text (point, f->store, "Budget for Q3", &error));
  g_assert_no_error (error);
  g_assert_true (rapport_talking_point_set_text (point, f->store, "Budget for Q3", &error));
  g_assert_true (rapport_talking_point_set_raised_by (point, f->store, RAPPORT_RAISED_BY_THEM, &error));
  g_assert_no_error (error);
  g_assert_false (rapport_talking_point_set_text (point, f->store, "", &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (log->str, ==, "text;raised-by;");

  again = rapport_talking_point_load (f->store, rapport_talking_point_get_id (point), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_talking_point_get_text (again), ==, "Budget for Q3");
  g_assert_cmpint (rapport_talking_point_get_raised_by (again), ==, RAPPORT_RAISED_BY_THEM);
  g_assert_cmpstr (rapport_talking_point_get_updated_at (again), >, rapport_talking_point_get_created_at (again));

  /* Deleted elsewhere: the edit says so. */
  rapport_talking_point_hide (f->store, rapport_talking_point_get_id (point), TRUE, &error);
  g_assert_no_error (error);
  g_assert_false (rapport_talking_point_set_text (point, f->store, "Budget for Q4", &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
}

static void
test_reorder (Fixture      *f,
              gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportTalkingPoint) a = add (f, f->ada, "A", RAPPORT_RAISED_BY_ME);
  g_autoptr(RapportTalkingPoint) b = add (f, f->ada, "B", RAPPORT_RAISED_BY_ME);
  g_autoptr(RapportTalkingPoint) c = add (f, f->ada, "C", RAPPORT_RAISED_BY_ME);
  g_autoptr(RapportTalkingPoint) theirs = add (f, f->bo, "Bo's", RAPPORT_RAISED_BY_ME);
  gint64 order[] = { rapport_talking_point_get_id (c), rapport_talking_point_get_id (a),
                     rapport_talking_point_get_id (b) };
  gint64 wrong[] = { rapport_talking_point_get_id (b), rapport_talking_point_get_id (theirs) };

  assert_queue (f, f->ada, "2026-01-01", "A|B|C");
  g_assert_true (rapport_talking_point_reorder (f->store, f->ada, order, G_N_ELEMENTS (order), &error));
  g_assert_no_error (error);
  assert_queue (f, f->ada, "2026-01-01", "C|A|B");

  /* Another person's point: refused as a whole. */
  g_assert_false (rapport_talking_point_reorder (f->store, f->ada, wrong, G_N_ELEMENTS (wrong), &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  assert_queue (f, f->ada, "2026-01-01", "C|A|B");
  g_assert_cmpuint (rapport_store_get_transaction_depth (f->store), ==, 0);

  /* A new point goes last. */
  {
    g_autoptr(RapportTalkingPoint) d = add (f, f->ada, "D", RAPPORT_RAISED_BY_ME);
    g_assert_cmpint (rapport_talking_point_get_position (d), ==, 3);
    assert_queue (f, f->ada, "2026-01-01", "C|A|B|D");
  }
}

static void
test_delete_undo (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportTalkingPoint) a = add (f, f->ada, "Salary review", RAPPORT_RAISED_BY_ME);
  g_autoptr(RapportTalkingPoint) b = add (f, f->ada, "Team offsite", RAPPORT_RAISED_BY_ME);
  g_autoptr(GListStore) found = NULL;
  gint64 id = rapport_talking_point_get_id (a);

  g_assert_cmpint (rapport_talking_point_get_position (b), ==, 1);

  g_assert_true (rapport_talking_point_hide (f->store, id, TRUE, &error));
  g_assert_no_error (error);
  assert_queue (f, f->ada, "2026-01-01", "Team offsite");
  found = rapport_search_run (f->store, "salary", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 0);
  g_clear_object (&found);

  /* Undo: back in its place. */
  g_assert_true (rapport_talking_point_hide (f->store, id, FALSE, &error));
  g_assert_no_error (error);
  assert_queue (f, f->ada, "2026-01-01", "Salary review|Team offsite");
  found = rapport_search_run (f->store, "salary", 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 1);

  /* Purging a row that is not hidden does nothing; a hidden one goes. */
  g_assert_true (rapport_talking_point_purge (f->store, id, &error));
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM talking_points"), ==, 2);
  g_assert_true (rapport_talking_point_hide (f->store, id, TRUE, &error));
  g_assert_true (rapport_talking_point_purge (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM talking_points"), ==, 1);
  g_assert_false (rapport_talking_point_hide (f->store, id, FALSE, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
}

/* Rows hidden a day ago were offered for undo by a window that is gone:
 * purged when the store opens, younger ones kept. */
static void
test_purged_on_open (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr(RapportTalkingPoint) old = add (f, f->ada, "Old", RAPPORT_RAISED_BY_ME);
  g_autoptr(RapportTalkingPoint) young = add (f, f->ada, "Young", RAPPORT_RAISED_BY_ME);
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("UPDATE talking_points SET deleted = 1, updated_at = '2020-01-01T00:00:00.000Z'"
                         " WHERE id = %" G_GINT64_FORMAT ";"
                         "UPDATE talking_points SET deleted = 1 WHERE id = %" G_GINT64_FORMAT,
                         rapport_talking_point_get_id (old), rapport_talking_point_get_id (young));
  test_core_exec (f->store, sql);
  test_core_store_reopen (&f->store, f->dir);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM talking_points WHERE text = 'Old'"), ==, 0);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM talking_points WHERE text = 'Young'"), ==, 1);
}

static void
test_carry_over (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportTalkingPoint) a = add (f, f->ada, "Roadmap", RAPPORT_RAISED_BY_ME);
  g_autoptr(RapportTalkingPoint) b = add (f, f->ada, "Holidays", RAPPORT_RAISED_BY_THEM);
  g_autoptr(RapportTalkingPoint) c = add (f, f->ada, "Hiring", RAPPORT_RAISED_BY_ME);
  g_autoptr(RapportTalkingPoint) again = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  gint64 m1 = test_core_insert_meeting (f->store, f->ada, "2026-01-05", 0, "", FALSE);
  gint64 m2 = test_core_insert_meeting (f->store, f->ada, "2026-01-12", 0, "", FALSE);
  gint64 bo_meeting = test_core_insert_meeting (f->store, f->bo, "2026-01-06", 0, "", FALSE);

  /* All three wait for the first 1:1. */
  assert_meeting (f, m1, "Roadmap|Holidays|Hiring");

  g_signal_connect (a, "notify", G_CALLBACK (on_notify), log);
  g_assert_true (rapport_talking_point_mark_discussed (a, f->store, m1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (log->str, ==, "discussed-in;discussed-on;discussed;");
  g_assert_cmpint (rapport_talking_point_get_discussed_in (a), ==, m1);
  g_assert_cmpstr (rapport_talking_point_get_discussed_on (a), ==, "2026-01-05");
  g_assert_false (rapport_talking_point_is_due (a, "2026-02-01"));
  /* Ticking twice in the same meeting is nothing new. */
  g_assert_true (rapport_talking_point_mark_discussed (a, f->store, m1, &error));

  /* The first meeting keeps what was discussed in it; what was not
   * ticked carries over to the next 1:1 by itself. */
  assert_meeting (f, m1, "Roadmap|Holidays|Hiring");
  assert_meeting (f, m2, "Holidays|Hiring");
  assert_queue (f, f->ada, "2026-01-10", "Holidays|Hiring");

  g_assert_true (rapport_talking_point_mark_discussed (c, f->store, m2, &error));
  assert_meeting (f, m2, "Holidays|Hiring");
  assert_queue (f, f->ada, "2026-01-13", "Holidays");
  g_assert_cmpint (sql_int (f, "SELECT discussed_in FROM talking_points WHERE text = 'Hiring'"), ==, m2);

  /* Not in another person's meeting, nor in a second one. */
  g_assert_false (rapport_talking_point_mark_discussed (b, f->store, bo_meeting, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rapport_talking_point_mark_discussed (a, f->store, m2, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rapport_talking_point_mark_discussed (b, f->store, 9999, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (rapport_store_get_transaction_depth (f->store), ==, 0);

  /* Un-ticking puts it back in the queue, in its place. */
  g_assert_true (rapport_talking_point_unmark_discussed (a, f->store, &error));
  g_assert_no_error (error);
  g_assert_false (rapport_talking_point_get_discussed (a));
  g_assert_null (rapport_talking_point_get_discussed_on (a));
  assert_queue (f, f->ada, "2026-01-13", "Roadmap|Holidays");
  assert_meeting (f, m1, "Roadmap|Holidays");

  /* A meeting purged for good: what was discussed in it waits again. */
  again = rapport_talking_point_load (f->store, rapport_talking_point_get_id (c), &error);
  g_assert_true (rapport_talking_point_get_discussed (again));
  test_core_exec (f->store, "PRAGMA foreign_keys = ON");
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE meetings SET deleted = 1 WHERE id = %" G_GINT64_FORMAT, m2);
    test_core_exec (f->store, sql);
  }
  assert_queue (f, f->ada, "2026-01-13", "Roadmap|Holidays");
  g_assert_true (rapport_store_purge (f->store, "meetings", m2, &error));
  g_assert_no_error (error);
  assert_queue (f, f->ada, "2026-01-13", "Roadmap|Holidays|Hiring");
}

static void
test_recurring (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportTalkingPoint) career = NULL;
  g_autoptr(RapportTalkingPoint) plain = add (f, f->ada, "Parking", RAPPORT_RAISED_BY_THEM);
  g_autoptr(GListStore) scheduled = NULL;
  g_autoptr(RapportTalkingPoint) next = NULL;
  gint64           m1 = test_core_insert_meeting (f->store, f->ada, "2026-01-05", 0, "", FALSE);
  gint64           m2, m3;
  const char      *bounds[] = { "2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01" };
  guint            counts[4];
  g_autofree char *series = NULL;

  career = rapport_talking_point_add (f->store, f->ada, "Career and growth", RAPPORT_RAISED_BY_ME,
                                      8, RAPPORT_RECUR_WEEKS, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_talking_point_get_recurring (career));
  g_assert_cmpint (rapport_talking_point_get_recur_days (career), ==, 56);
  g_assert_cmpstr (rapport_talking_point_get_series (career), ==, rapport_talking_point_get_uuid (career));
  series = g_strdup (rapport_talking_point_get_series (career));
  /* Due at once when added without a first day. */
  assert_queue (f, f->ada, "2026-01-05", "Parking|Career and growth");

  g_assert_true (rapport_talking_point_mark_discussed (career, f->store, m1, &error));
  g_assert_no_error (error);
  /* Gone from the queue until eight weeks after that meeting. */
  assert_queue (f, f->ada, "2026-01-06", "Parking");
  assert_queue (f, f->ada, "2026-03-01", "Parking");
  assert_queue (f, f->ada, "2026-03-02", "Parking|Career and growth");
  scheduled = rapport_talking_point_load_scheduled (f->store, f->ada, "2026-01-06", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (scheduled)), ==, 1);
  next = g_list_model_get_item (G_LIST_MODEL (scheduled), 0);
  g_assert_cmpstr (rapport_talking_point_get_next_due (next), ==, "2026-03-02");
  g_assert_cmpstr (rapport_talking_point_get_series (next), ==, series);
  g_assert_cmpint (rapport_talking_point_get_position (next), ==, rapport_talking_point_get_position (career));
  g_assert_cmpint (rapport_talking_point_get_recur_every (next), ==, 8);
  g_assert_cmpint (rapport_talking_point_get_recur_unit (next), ==, RAPPORT_RECUR_WEEKS);
  g_assert_false (rapport_talking_point_get_discussed (next));
  /* A meeting before that day does not show it; the first shows it as
   * discussed there. */
  m2 = test_core_insert_meeting (f->store, f->ada, "2026-02-02", 0, "", FALSE);
  assert_meeting (f, m2, "Parking");
  assert_meeting (f, m1, "Parking|Career and growth");

  /* Un-ticking removes the next one; an edit made to it is kept. */
  g_assert_true (rapport_talking_point_set_text (next, f->store, "Career, growth and training", &error));
  g_assert_true (rapport_talking_point_unmark_discussed (career, f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_talking_point_get_text (career), ==, "Career, growth and training");
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM talking_points WHERE series IS NOT NULL"), ==, 1);
  assert_queue (f, f->ada, "2026-01-06", "Parking|Career, growth and training");

  /* Discussed three times over three months, counted per month. */
  g_assert_true (rapport_talking_point_mark_discussed (career, f->store, m1, &error));
  g_clear_object (&next);
  g_clear_object (&scheduled);
  scheduled = rapport_talking_point_load_scheduled (f->store, f->ada, "2026-01-06", &error);
  next = g_list_model_get_item (G_LIST_MODEL (scheduled), 0);
  m3 = test_core_insert_meeting (f->store, f->ada, "2026-03-02", 0, "", FALSE);
  g_assert_true (rapport_talking_point_mark_discussed (next, f->store, m3, &error));
  g_assert_no_error (error);
  g_clear_object (&next);
  g_clear_object (&scheduled);
  /* Brought forward by hand, then ticked in the next meeting. */
  scheduled = rapport_talking_point_load_scheduled (f->store, f->ada, "2026-03-03", &error);
  next = g_list_model_get_item (G_LIST_MODEL (scheduled), 0);
  g_assert_cmpstr (rapport_talking_point_get_next_due (next), ==, "2026-04-27");
  g_assert_true (rapport_talking_point_set_next_due (next, f->store, "2026-03-09", &error));
  g_assert_no_error (error);
  assert_queue (f, f->ada, "2026-03-09", "Parking|Career, growth and training");
  g_assert_true (rapport_talking_point_mark_discussed (next, f->store,
                                                       test_core_insert_meeting (f->store, f->ada, "2026-03-09", 0, "", FALSE),
                                                       &error));
  g_assert_true (rapport_talking_point_mark_discussed (plain, f->store, m2, &error));
  g_assert_no_error (error);

  g_assert_true (rapport_talking_point_count_discussed (f->store, f->ada, series, bounds, 4, counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts[0], ==, 1);
  g_assert_cmpuint (counts[1], ==, 0);
  g_assert_cmpuint (counts[2], ==, 2);
  g_assert_cmpuint (counts[3], ==, 0);
  /* Every point of the person, of the team, and another person's. */
  g_assert_true (rapport_talking_point_count_discussed (f->store, f->ada, NULL, bounds, 4, counts, &error));
  g_assert_cmpuint (counts[1], ==, 1);
  g_assert_cmpuint (counts[0] + counts[1] + counts[2] + counts[3], ==, 4);
  g_assert_true (rapport_talking_point_count_discussed (f->store, 0, NULL, bounds, 4, counts, &error));
  g_assert_cmpuint (counts[0] + counts[1] + counts[2] + counts[3], ==, 4);
  g_assert_true (rapport_talking_point_count_discussed (f->store, f->bo, NULL, bounds, 4, counts, &error));
  g_assert_cmpuint (counts[0] + counts[1] + counts[2] + counts[3], ==, 0);
  /* A hidden meeting's discussions do not count. */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE meetings SET deleted = 1 WHERE id = %" G_GINT64_FORMAT, m3);
    test_core_exec (f->store, sql);
  }
  g_assert_true (rapport_talking_point_count_discussed (f->store, 0, series, bounds, 4, counts, &error));
  g_assert_cmpuint (counts[2], ==, 1);

  /* Stopping the recurrence puts a scheduled point back in the queue. */
  g_clear_object (&next);
  g_clear_object (&scheduled);
  scheduled = rapport_talking_point_load_scheduled (f->store, f->ada, "2026-03-10", &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (scheduled)), ==, 1);
  next = g_list_model_get_item (G_LIST_MODEL (scheduled), 0);
  g_assert_true (rapport_talking_point_set_recurrence (next, f->store, 0, RAPPORT_RECUR_NONE, &error));
  g_assert_no_error (error);
  g_assert_null (rapport_talking_point_get_next_due (next));
  assert_queue (f, f->ada, "2026-03-10", "Career, growth and training");
  /* A discussed row is history. */
  g_assert_false (rapport_talking_point_set_recurrence (plain, f->store, 2, RAPPORT_RECUR_DAYS, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rapport_talking_point_set_next_due (next, f->store, "2026-04-01", &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* And a plain one may start to recur, in a series of its own. */
  g_assert_true (rapport_talking_point_set_recurrence (next, f->store, 10, RAPPORT_RECUR_DAYS, &error));
  g_assert_cmpstr (rapport_talking_point_get_series (next), ==, series);
}

static void
test_date_after (void)
{
  g_autofree char *a = rapport_talking_point_date_after ("2024-02-20", 2, RAPPORT_RECUR_WEEKS);
  g_autofree char *b = rapport_talking_point_date_after ("2023-12-31", 1, RAPPORT_RECUR_DAYS);
  g_autofree char *c = rapport_talking_point_date_after ("2024-01-01", 0, RAPPORT_RECUR_NONE);
  g_autofree char *d = rapport_talking_point_date_after ("nope", 1, RAPPORT_RECUR_DAYS);

  g_assert_cmpstr (a, ==, "2024-03-05");
  g_assert_cmpstr (b, ==, "2024-01-01");
  g_assert_null (c);
  g_assert_null (d);
}

static void
test_waiting_all (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) all = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(RapportTalkingPoint) p1 = add (f, f->bo, "Bo first", RAPPORT_RAISED_BY_ME);
  g_autoptr(RapportTalkingPoint) p2 = add (f, f->ada, "Ada first", RAPPORT_RAISED_BY_ME);
  g_autoptr(RapportTalkingPoint) p3 = add (f, f->ada, "Ada second", RAPPORT_RAISED_BY_ME);
  g_autoptr(RapportTalkingPoint) later = NULL;
  g_autofree char *got = NULL;
  gint64           ada = f->ada;

  /* Each person's queue is numbered from 0. */
  g_assert_cmpint (rapport_talking_point_get_position (p1), ==, 0);
  g_assert_cmpint (rapport_talking_point_get_position (p2), ==, 0);
  g_assert_cmpint (rapport_talking_point_get_position (p3), ==, 1);
  later = rapport_talking_point_add (f->store, f->bo, "Bo later", RAPPORT_RAISED_BY_ME, 1,
                                     RAPPORT_RECUR_WEEKS, "2026-06-01", &error);
  g_assert_no_error (error);
  test_core_exec (f->store, "UPDATE people SET archived = 1 WHERE name = 'Bo'");
  all = rapport_talking_point_load_waiting (f->store, "2026-06-01", &error);
  g_assert_no_error (error);
  got = texts (all);
  g_assert_cmpstr (got, ==, "Ada first|Ada second");
  g_clear_pointer (&got, g_free);
  g_clear_object (&all);

  test_core_exec (f->store, "UPDATE people SET archived = 0 WHERE name = 'Bo'");
  all = rapport_talking_point_load_waiting (f->store, "2026-05-31", &error);
  got = texts (all);
  g_assert_cmpstr (got, ==, "Ada first|Ada second|Bo first");
  g_clear_pointer (&got, g_free);
  g_clear_object (&all);
  all = rapport_talking_point_load_waiting (f->store, "2026-06-01", &error);
  got = texts (all);
  g_assert_cmpstr (got, ==, "Ada first|Ada second|Bo first|Bo later");

  counts = rapport_talking_point_count_waiting (f->store, "2026-05-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, &ada)), ==, 2);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 2);
}

static void
test_search (Fixture      *f,
             gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportTalkingPoint) point = add (f, f->ada, "Conférence in Kraków", RAPPORT_RAISED_BY_ME);
  g_autoptr(GListStore) results = NULL;
  g_autoptr(RapportSearchResult) hit = NULL;
  gint64 meeting = test_core_insert_meeting (f->store, f->ada, "2026-01-05", 0, "", FALSE);

  results = rapport_search_run (f->store, "confer krakow", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 1);
  hit = g_list_model_get_item (G_LIST_MODEL (results), 0);
  g_assert_cmpint (rapport_search_result_get_kind (hit), ==, RAPPORT_SEARCH_KIND_TALKING_POINT);
  g_assert_cmpint (rapport_search_result_get_source_id (hit), ==, rapport_talking_point_get_id (point));
  g_assert_cmpint (rapport_search_result_get_person_id (hit), ==, f->ada);
  g_assert_cmpstr (rapport_search_result_get_person_name (hit), ==, "Ada");
  g_assert_cmpint (rapport_search_result_get_meeting_id (hit), ==, 0);
  g_assert_null (rapport_search_result_get_date (hit));
  g_assert_nonnull (strstr (rapport_search_result_get_snippet (hit), RAPPORT_SEARCH_MARK_START "Conférence"));
  g_clear_object (&hit);
  g_clear_object (&results);

  /* Discussed: found with its meeting. Edited: found by the new words. */
  g_assert_true (rapport_talking_point_mark_discussed (point, f->store, meeting, &error));
  g_assert_true (rapport_talking_point_set_text (point, f->store, "Workshop in Kraków", &error));
  g_assert_no_error (error);
  results = rapport_search_run (f->store, "workshop", 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 1);
  hit = g_list_model_get_item (G_LIST_MODEL (results), 0);
  g_assert_cmpint (rapport_search_result_get_meeting_id (hit), ==, meeting);
  g_assert_cmpstr (rapport_search_result_get_date (hit), ==, "2026-01-05");
  g_clear_object (&results);
  results = rapport_search_run (f->store, "conference", 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 0);
  g_clear_object (&results);

  /* Its meeting hidden: out of the results as the notes are. */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE meetings SET deleted = 1 WHERE id = %" G_GINT64_FORMAT, meeting);
    test_core_exec (f->store, sql);
  }
  results = rapport_search_run (f->store, "workshop", 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 0);

  /* The index holds exactly the live rows. */
  test_core_exec (f->store, "INSERT INTO talking_points_fts (talking_points_fts, rank) VALUES ('integrity-check', 1)");
}

/* Each statement's plan, one line per step. */
static char *
plan_of (Fixture    *f,
         const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  GString         *plan = g_string_new (NULL);
  sqlite3_stmt    *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (rapport_store_get_handle (f->store), explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  g_test_message ("%s", plan->str);
  return g_string_free (plan, FALSE);
}

static void
test_query_plans (Fixture      *f,
                  gconstpointer data)
{
  g_autofree char *queue_plan = plan_of (f, rapport_talking_point_get_queue_sql ());
  g_autofree char *waiting_plan = plan_of (f, rapport_talking_point_get_waiting_sql ());
  g_autofree char *search_plan = plan_of (f, rapport_search_get_sql (RAPPORT_SEARCH_KIND_TALKING_POINT, FALSE));
  g_autofree char *newest_plan = plan_of (f, rapport_search_get_sql (RAPPORT_SEARCH_KIND_TALKING_POINT, TRUE));

  /* The queue comes from the index of waiting points, in order. */
  g_assert_nonnull (strstr (queue_plan, "SEARCH t USING INDEX talking_points_waiting (person_id=?)"));
  g_assert_null (strstr (queue_plan, "TEMP B-TREE"));
  /* The team's: one search per person of an index that holds the
   * waiting points apart, whichever the planner takes. */
  g_assert_true (strstr (waiting_plan, "SEARCH t USING INDEX talking_points_waiting (person_id=?)") != NULL ||
                 strstr (waiting_plan, "SEARCH t USING INDEX talking_points_by_person"
                                       " (person_id=? AND deleted=? AND discussed_in=?)") != NULL);
  g_assert_null (strstr (waiting_plan, "SCAN t"));
  /* Search: the FTS index drives, the rest by primary key. */
  for (const char *plan = search_plan; plan != NULL; plan = plan == search_plan ? newest_plan : NULL)
    {
      g_auto (GStrv) lines = g_strsplit (plan, "\n", -1);

      g_assert_true (g_str_has_prefix (lines[0], "SCAN talking_points_fts VIRTUAL TABLE INDEX"));
      for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
        g_assert_nonnull (strstr (lines[i], "USING INTEGER PRIMARY KEY"));
      g_assert_null (strstr (plan, "TEMP B-TREE"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/talking-points/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("add", test_add);
  ADD ("edit", test_edit);
  ADD ("reorder", test_reorder);
  ADD ("delete-undo", test_delete_undo);
  ADD ("purged-on-open", test_purged_on_open);
  ADD ("carry-over", test_carry_over);
  ADD ("recurring", test_recurring);
  ADD ("waiting-all", test_waiting_all);
  ADD ("search", test_search);
  ADD ("query-plans", test_query_plans);
  g_test_add_func ("/talking-points/date-after", test_date_after);
#undef ADD

  return g_test_run ();
}
