/* SPDX-License-Identifier: GPL-3.0-or-later */
/* This Week: who is due, my open commitments overdue first, the talking
 * points waiting, the alerts; the calm empty state; every statement
 * served by an index. */
#include "config.h"

#include <string.h>

#include "rapport-alert.h"
#include "rapport-commitment.h"
#include "rapport-missed-meeting.h"
#include "rapport-talking-point.h"
#include "rapport-this-week-private.h"
#include "rapport-this-week.h"
#include "test-core-util.h"

#define TODAY "2026-03-20" /* a Friday */

typedef TestCoreDb Fixture;

static gint64
person (Fixture    *f,
        const char *name,
        int         cadence)
{
  return test_core_insert_person_every (f->store, name, cadence);
}

static gint64
commitment (Fixture    *f,
            gint64      meeting,
            const char *text,
            const char *owner,
            const char *due)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportCommitment) c = rapport_commitment_create (f->store, meeting, text,
                                                               g_str_equal (owner, "me")
                                                                 ? RAPPORT_COMMITMENT_OWNER_ME
                                                                 : RAPPORT_COMMITMENT_OWNER_THEM,
                                                               due, &error);

  g_assert_no_error (error);
  return rapport_commitment_get_id (c);
}

static void
test_empty (Fixture      *f,
            gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportThisWeek) week = NULL;
  gint64 ada = person (f, "Ada", 14);

  /* Met yesterday, fortnightly, nothing pending: a calm week. */
  test_core_insert_meeting (f->store, ada, "2026-03-19", 0, "", FALSE);
  week = rapport_this_week_load (f->store, TODAY, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_this_week_is_empty (week));
  g_assert_cmpstr (rapport_this_week_get_today (week), ==, TODAY);
  g_assert_cmpuint (g_list_model_get_n_items (rapport_this_week_get_attention (week)), ==, 1);
  g_assert_cmpstr (rapport_this_week_get_person_name (week, ada), ==, "Ada");
  g_assert_null (rapport_this_week_get_person_name (week, 999));
  g_clear_object (&week);

  g_assert_null (rapport_this_week_load (f->store, "20/03/2026", &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
}

static char *
due_list (RapportThisWeek *week)
{
  GListModel *due = rapport_this_week_get_due (week);
  GString    *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (due); i++)
    {
      g_autoptr(RapportAttention) item = g_list_model_get_item (due, i);
      const RapportCadenceStatus *cadence = rapport_attention_get_cadence (item);
      static const char *const    states[] = { "none", "due", "overdue" };

      g_string_append_printf (out, "%s %s %s|", rapport_attention_get_name (item),
                              states[cadence->state], cadence->due_date);
    }
  return g_string_free (out, FALSE);
}

static void
test_week (Fixture      *f,
           gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportThisWeek) week = NULL;
  g_autoptr(RapportMissedMeeting) skip = NULL;
  g_autoptr(RapportTalkingPoint) t1 = NULL;
  g_autoptr(RapportTalkingPoint) t2 = NULL;
  g_autoptr(RapportTalkingPoint) t3 = NULL;
  g_autofree char *due = NULL;
  GListModel      *list;
  gint64           ada = person (f, "Ada", 7), bo = person (f, "Bo", 14), cy = person (f, "Cy", 7);
  gint64           di = person (f, "Di", 7), eve = person (f, "Eve", 14), fay = person (f, "Fay", 7);
  gint64           new_one = person (f, "Gil", 7);
  gint64           newest;
  gint64           m_ada, m_bo, m_fay;
  const char      *expected_commitments[] = { "Old promise", "Send the plan", "Book the room",
                                              "Next week", "Some day" };
  static const int falling[] = { 5, 5, 5, 2, 2, 2 };

  /* Ada: overdue by 5 days. Bo: fortnightly, due today. Cy: due on
   * Tuesday (coming up). Di: on leave today, so due in a week (not
   * listed). Eve: fortnightly, met yesterday, with a falling mood. Fay:
   * archived. Gil: added in January, no 1:1 yet. */
  m_ada = test_core_insert_meeting (f->store, ada, "2026-03-08", 0, "", FALSE);
  m_bo = test_core_insert_meeting (f->store, bo, "2026-03-06", 0, "", FALSE);
  test_core_insert_meeting (f->store, cy, "2026-03-17", 0, "", FALSE);
  test_core_insert_meeting (f->store, di, "2026-03-09", 0, "", FALSE);
  skip = rapport_missed_meeting_record (f->store, di, "2026-03-20", RAPPORT_MISSED_SKIPPED,
                                        RAPPORT_MISSED_REASON_LEAVE, "Holiday", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-02-%02u", 2 + 5 * i);
      test_core_insert_meeting (f->store, eve, i == 5 ? "2026-03-19" : date, falling[i], "", FALSE);
    }
  m_fay = test_core_insert_meeting (f->store, fay, "2025-01-01", 0, "", FALSE);
  test_core_exec (f->store, "UPDATE people SET archived = 1 WHERE name = 'Fay'");
  (void) new_one;
  /* Hal: added today, fortnightly, no 1:1 yet: not due for two weeks,
   * listed all the same as someone to meet. */
  newest = test_core_insert_person_every (f->store, "Hal", 14);
  test_core_exec (f->store, "UPDATE people SET created_at = '" TODAY "T12:00:00.000Z' WHERE name = 'Hal'");
  (void) newest;

  /* Mine, open, across the team (theirs, closed and archived people's
   * left out). */
  commitment (f, m_ada, "Send the plan", "me", "2026-03-12");
  commitment (f, m_bo, "Old promise", "me", "2026-03-01");
  commitment (f, m_bo, "Book the room", "me", "2026-03-20");
  commitment (f, m_ada, "Some day", "me", NULL);
  commitment (f, m_ada, "Next week", "me", "2026-03-27");
  commitment (f, m_ada, "Their part", "them", "2026-03-01");
  commitment (f, m_fay, "Archived", "me", "2026-03-01");
  {
    g_autoptr(RapportCommitment) done = rapport_commitment_load (f->store, commitment (f, m_bo, "Done", "me", "2026-03-01"), &error);
    g_assert_true (rapport_commitment_close (done, f->store, "2026-03-02", &error));
  }

  t1 = rapport_talking_point_add (f->store, bo, "Offsite", RAPPORT_RAISED_BY_ME, 0, RAPPORT_RECUR_NONE, NULL, &error);
  t2 = rapport_talking_point_add (f->store, ada, "Promotion", RAPPORT_RAISED_BY_THEM, 0, RAPPORT_RECUR_NONE, NULL, &error);
  t3 = rapport_talking_point_add (f->store, ada, "Career", RAPPORT_RAISED_BY_ME, 8, RAPPORT_RECUR_WEEKS,
                                  "2026-04-01", &error);
  g_assert_no_error (error);

  week = rapport_this_week_load (f->store, TODAY, &error);
  g_assert_no_error (error);
  g_assert_false (rapport_this_week_is_empty (week));

  due = due_list (week);
  g_assert_cmpstr (due, ==, "Ada overdue 2026-03-15|Gil due 2026-01-08|Bo due 2026-03-20|Cy none 2026-03-24|"
                            "Hal none 2026-04-03|");

  list = rapport_this_week_get_commitments (week);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, G_N_ELEMENTS (expected_commitments));
  for (guint i = 0; i < G_N_ELEMENTS (expected_commitments); i++)
    {
      g_autoptr(RapportCommitment) c = g_list_model_get_item (list, i);
      g_assert_cmpstr (rapport_commitment_get_text (c), ==, expected_commitments[i]);
    }
  g_assert_cmpuint (rapport_this_week_get_n_overdue_commitments (week), ==, 2);

  list = rapport_this_week_get_talking_points (week);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  {
    g_autoptr(RapportTalkingPoint) first = g_list_model_get_item (list, 0);
    g_assert_cmpstr (rapport_talking_point_get_text (first), ==, "Promotion");
  }

  list = rapport_this_week_get_alerts (week);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  {
    g_autoptr(RapportAlert) alert = g_list_model_get_item (list, 0);
    g_assert_cmpint (rapport_alert_get_person_id (alert), ==, eve);
    g_assert_cmpint (rapport_alert_get_kind (alert), ==, RAPPORT_ALERT_MOOD_FALLING);
  }

  /* Needs attention: Ada (overdue, a promise late), Bo (a promise late,
   * due), Eve (mood), Gil (first 1:1), ... Fay last. */
  list = rapport_this_week_get_attention (week);
  {
    g_autoptr(RapportAttention) first = g_list_model_get_item (list, 0);
    g_autoptr(RapportAttention) last = g_list_model_get_item (list, g_list_model_get_n_items (list) - 1);
    g_assert_cmpint (rapport_attention_get_person_id (first), ==, ada);
    g_assert_cmpint (rapport_attention_get_person_id (last), ==, fay);
  }
  g_clear_object (&week);

  /* Ticking a promise from This Week is the commitment's own close. */
  {
    g_autoptr(RapportCommitment) c = NULL;

    week = rapport_this_week_load (f->store, TODAY, &error);
    c = g_list_model_get_item (rapport_this_week_get_commitments (week), 0);
    g_assert_true (rapport_commitment_close (c, f->store, TODAY, &error));
    g_assert_no_error (error);
    g_clear_object (&week);
    week = rapport_this_week_load (f->store, TODAY, &error);
    g_assert_cmpuint (g_list_model_get_n_items (rapport_this_week_get_commitments (week)), ==, 4);
    g_assert_cmpuint (rapport_this_week_get_n_overdue_commitments (week), ==, 1);
  }
}

/* No statement This Week runs scans a table that grows with the years:
 * each is served by an index (people and habits are read whole, being a
 * team and a checklist long). */
static void
test_query_plans (Fixture      *f,
                  gconstpointer data)
{
  const char *const *statements = rapport_this_week_get_statements ();
  guint              n = 0;

  for (; statements[n] != NULL; n++)
    {
      g_autofree char *sql = g_strconcat ("EXPLAIN QUERY PLAN ", statements[n], NULL);
      g_autoptr(GString) plan = g_string_new (NULL);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (rapport_store_get_handle (f->store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *detail = (const char *) sqlite3_column_text (stmt, 3);

          g_string_append_printf (plan, "%s\n", detail);
          if (g_str_has_prefix (detail, "SCAN "))
            g_assert_true (g_str_equal (detail, "SCAN p") || g_str_equal (detail, "SCAN people") ||
                           g_str_equal (detail, "SCAN last") || g_str_has_prefix (detail, "SCAN p USING"));
        }
      sqlite3_finalize (stmt);
      g_test_message ("%s\n%s", statements[n], plan->str);
      g_assert_cmpuint (plan->len, >, 0);
    }
  g_assert_cmpuint (n, >=, 7);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/this-week/" name, Fixture, NULL, test_core_db_fixture_set_up, func, test_core_db_fixture_tear_down)
  ADD ("empty", test_empty);
  ADD ("week", test_week);
  ADD ("query-plans", test_query_plans);
#undef ADD

  return g_test_run ();
}
