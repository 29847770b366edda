/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rapport-brief.h"
#include "rapport-checklist-item.h"
#include "rapport-commitment.h"
#include "rapport-habit.h"
#include "rapport-meeting.h"
#include "rapport-person.h"
#include "test-core-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  RapportStore  *store;
  RapportPerson *ada;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  test_core_db_set_up (&f->dir, &f->path, &f->store);
  f->ada = test_core_person_new (f->store, "Ada", NULL);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_assert_finalize_object (f->ada);
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
}

static gint64
meeting (Fixture    *f,
         const char *date,
         const char *notes,
         int         mood)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMeeting) m = rapport_meeting_create (f->store, rapport_person_get_id (f->ada), date, &error);

  g_assert_no_error (error);
  if (notes)
    rapport_meeting_set_notes (m, notes);
  rapport_meeting_set_mood (m, mood);
  g_assert_true (rapport_meeting_save (m, f->store, &error));
  g_assert_no_error (error);
  return rapport_meeting_get_id (m);
}

static void
tick (Fixture    *f,
      gint64      meeting_id,
      const char *label)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) list = rapport_checklist_load (f->store, meeting_id, &error);
  gboolean found = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(RapportChecklistItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_strcmp0 (rapport_checklist_item_get_label (item), label) == 0)
        {
          g_assert_true (rapport_checklist_item_set_ticked (item, f->store, TRUE, &error));
          g_assert_no_error (error);
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
set_cadence (Fixture *f,
             int      days)
{
  g_autoptr(GError) error = NULL;

  rapport_person_set_cadence_days (f->ada, days);
  g_assert_true (rapport_person_save (f->ada, f->store, &error));
  g_assert_no_error (error);
}

static RapportDueState
state_on (Fixture    *f,
          const char *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportBrief) brief = rapport_brief_load (f->store, f->ada, today, 0, &error);
  RapportDueState cheap = rapport_brief_due_state (f->store, f->ada, today);

  g_assert_no_error (error);
  /* The badge and the brief never disagree. */
  g_assert_cmpint (rapport_brief_get_due_state (brief), ==, cheap);
  return cheap;
}

static void
test_due_rules (void)
{
  g_assert_cmpint (rapport_brief_grace_days (1), ==, 1);
  g_assert_cmpint (rapport_brief_grace_days (7), ==, 1);
  g_assert_cmpint (rapport_brief_grace_days (14), ==, 3);
  g_assert_cmpint (rapport_brief_grace_days (30), ==, 7);

  /* No 1:1 yet: counted from the day the person was added, and never
   * overdue. */
  g_assert_cmpint (rapport_brief_first_due_state_for (7, 0), ==, RAPPORT_DUE_NONE);
  g_assert_cmpint (rapport_brief_first_due_state_for (7, 6), ==, RAPPORT_DUE_NONE);
  g_assert_cmpint (rapport_brief_first_due_state_for (7, 7), ==, RAPPORT_DUE_DUE);
  g_assert_cmpint (rapport_brief_first_due_state_for (7, 400), ==, RAPPORT_DUE_DUE);
  g_assert_cmpint (rapport_brief_first_due_state_for (7, -3), ==, RAPPORT_DUE_NONE);
  g_assert_cmpint (rapport_brief_first_due_state_for (7, G_MININT), ==, RAPPORT_DUE_NONE);
  g_assert_cmpint (rapport_brief_due_state_for (7, 0), ==, RAPPORT_DUE_NONE);
  g_assert_cmpint (rapport_brief_due_state_for (7, 6), ==, RAPPORT_DUE_NONE);
  g_assert_cmpint (rapport_brief_due_state_for (7, 7), ==, RAPPORT_DUE_DUE);
  g_assert_cmpint (rapport_brief_due_state_for (7, 8), ==, RAPPORT_DUE_DUE);
  g_assert_cmpint (rapport_brief_due_state_for (7, 9), ==, RAPPORT_DUE_OVERDUE);
  g_assert_cmpint (rapport_brief_due_state_for (14, 13), ==, RAPPORT_DUE_NONE);
  g_assert_cmpint (rapport_brief_due_state_for (14, 17), ==, RAPPORT_DUE_DUE);
  g_assert_cmpint (rapport_brief_due_state_for (14, 18), ==, RAPPORT_DUE_OVERDUE);
  g_assert_cmpint (rapport_brief_due_state_for (1, 2), ==, RAPPORT_DUE_DUE);
  g_assert_cmpint (rapport_brief_due_state_for (1, 3), ==, RAPPORT_DUE_OVERDUE);

  g_assert_cmpint (rapport_brief_days_between ("2026-01-31", "2026-02-01"), ==, 1);
  g_assert_cmpint (rapport_brief_days_between ("2026-02-28", "2026-03-01"), ==, 1);
  g_assert_cmpint (rapport_brief_days_between ("2028-02-28", "2028-03-01"), ==, 2);
  g_assert_cmpint (rapport_brief_days_between ("2026-12-31", "2027-01-01"), ==, 1);
  g_assert_cmpint (rapport_brief_days_between ("2026-03-10", "2026-03-03"), ==, -7);
  g_assert_cmpint (rapport_brief_days_between ("2026-02-30", "2026-03-03"), ==, G_MININT);

  {
    g_autofree char *same_year = rapport_brief_format_date ("2026-03-03", "2026-12-31");
    g_autofree char *other_year = rapport_brief_format_date ("2025-12-31", "2026-01-01");

    g_assert_cmpstr (same_year, ==, "3 Mar");
    g_assert_cmpstr (other_year, ==, "31 Dec 2025");
  }
}

static void
test_cadence_edges (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  /* Never met, added long before: the first 1:1 is due, not overdue. */
  test_core_sql (f->path, "UPDATE people SET created_at = '2025-06-01T10:00:00.000Z'");
  g_assert_cmpint (state_on (f, "2026-01-01"), ==, RAPPORT_DUE_DUE);

  /* Weekly, across the end of January. */
  meeting (f, "2026-01-31", NULL, 0);
  g_assert_cmpint (state_on (f, "2026-01-31"), ==, RAPPORT_DUE_NONE);
  g_assert_cmpint (state_on (f, "2026-02-06"), ==, RAPPORT_DUE_NONE);
  g_assert_cmpint (state_on (f, "2026-02-07"), ==, RAPPORT_DUE_DUE);
  g_assert_cmpint (state_on (f, "2026-02-08"), ==, RAPPORT_DUE_DUE);
  g_assert_cmpint (state_on (f, "2026-02-09"), ==, RAPPORT_DUE_OVERDUE);

  /* Monthly (30 days, grace 7) across a short February: 31 Jan + 30 days
   * is 2 March, overdue after 9 March. */
  set_cadence (f, 30);
  g_assert_cmpint (state_on (f, "2026-03-01"), ==, RAPPORT_DUE_NONE);
  g_assert_cmpint (state_on (f, "2026-03-02"), ==, RAPPORT_DUE_DUE);
  g_assert_cmpint (state_on (f, "2026-03-09"), ==, RAPPORT_DUE_DUE);
  g_assert_cmpint (state_on (f, "2026-03-10"), ==, RAPPORT_DUE_OVERDUE);

  /* End of February, common and leap year, weekly. */
  set_cadence (f, 7);
  meeting (f, "2026-02-28", NULL, 0);
  g_assert_cmpint (state_on (f, "2026-03-06"), ==, RAPPORT_DUE_NONE);
  g_assert_cmpint (state_on (f, "2026-03-07"), ==, RAPPORT_DUE_DUE);
  meeting (f, "2028-02-28", NULL, 0);
  g_assert_cmpint (state_on (f, "2028-03-05"), ==, RAPPORT_DUE_NONE);
  g_assert_cmpint (state_on (f, "2028-03-06"), ==, RAPPORT_DUE_DUE);
  g_assert_cmpint (state_on (f, "2028-03-08"), ==, RAPPORT_DUE_OVERDUE);

  /* The year's end, fortnightly (grace 3). */
  set_cadence (f, 14);
  meeting (f, "2028-12-25", NULL, 0);
  g_assert_cmpint (state_on (f, "2029-01-07"), ==, RAPPORT_DUE_NONE);
  g_assert_cmpint (state_on (f, "2029-01-08"), ==, RAPPORT_DUE_DUE);
  g_assert_cmpint (state_on (f, "2029-01-11"), ==, RAPPORT_DUE_DUE);
  g_assert_cmpint (state_on (f, "2029-01-12"), ==, RAPPORT_DUE_OVERDUE);

  /* A meeting dated after today does not count as the last one; a hidden
   * (deleted) one neither. */
  {
    gint64 later = meeting (f, "2029-01-20", NULL, 0);

    g_assert_cmpint (state_on (f, "2029-01-12"), ==, RAPPORT_DUE_OVERDUE);
    g_assert_cmpint (state_on (f, "2029-01-20"), ==, RAPPORT_DUE_NONE);
    g_assert_true (rapport_meeting_hide (f->store, later, TRUE, &error));
    g_assert_no_error (error);
    g_assert_cmpint (state_on (f, "2029-01-20"), ==, RAPPORT_DUE_OVERDUE);
  }

  /* Archived people get no badge. */
  rapport_person_set_archived (f->ada, TRUE);
  g_assert_true (rapport_person_save (f->ada, f->store, &error));
  g_assert_cmpint (state_on (f, "2029-06-01"), ==, RAPPORT_DUE_NONE);
}

static guint
n_items (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

static char *
neglected (Fixture    *f,
           const char *today,
           guint       window)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportBrief) brief = rapport_brief_load (f->store, f->ada, today, window, &error);
  GListModel *habits;
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  habits = rapport_brief_get_neglected_habits (brief);
  for (guint i = 0; i < n_items (habits); i++)
    {
      g_autoptr(RapportHabit) habit = g_list_model_get_item (habits, i);

      /* The hint comes along as the suggestion. */
      g_assert_cmpstr (rapport_habit_get_hint (habit), !=, "");
      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append (out, rapport_habit_get_label (habit));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define assert_neglected(f, today, window, expected)            \
  G_STMT_START                                                  \
  {                                                             \
    g_autofree char *got_ = neglected ((f), (today), (window)); \
    g_assert_cmpstr (got_, ==, (expected));                     \
  }                                                             \
  G_STMT_END

static void
test_neglected_habits (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 m1, m2, m3, m4;

  /* Checklist: Listen, Transfer authority, Explain the why. */
  m1 = meeting (f, "2026-03-02", NULL, 0);
  tick (f, m1, "Explain the why");
  m2 = meeting (f, "2026-03-09", NULL, 0);
  assert_neglected (f, "2026-03-10", 3, ""); /* two meetings: too early */
  test_core_sql (f->path, "UPDATE habits SET active = 1 WHERE key = 'show-empathy'");
  m3 = meeting (f, "2026-03-16", NULL, 0);
  tick (f, m3, "Show empathy");
  m4 = meeting (f, "2026-03-23", NULL, 0);
  tick (f, m4, "Listen");
  g_assert_cmpint (m2, >, 0);

  /* Last three (m2..m4): Explain the why was only ticked in m1; Show empathy
   * was not on m2's checklist, so it cannot have been missing from three. */
  assert_neglected (f, "2026-03-24", 0, "Transfer authority|Explain the why");
  assert_neglected (f, "2026-03-24", 3, "Transfer authority|Explain the why");
  assert_neglected (f, "2026-03-24", 4, "Transfer authority");
  assert_neglected (f, "2026-03-24", 5, "");
  assert_neglected (f, "2026-03-24", 1, "Transfer authority|Explain the why|Show empathy");
  /* Seen from before m4 (its date is after today): m1..m3, where Listen
   * was never ticked and Explain the why was, in m1. */
  assert_neglected (f, "2026-03-22", 3, "Listen|Transfer authority");

  /* A habit switched off is no longer suggested. */
  test_core_sql (f->path, "UPDATE habits SET active = 0 WHERE key = 'transfer-authority'");
  assert_neglected (f, "2026-03-24", 3, "Explain the why");
  g_assert_no_error (error);
}

static void
test_brief_contents (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportBrief) empty = NULL;
  g_autoptr(RapportBrief) brief = NULL;
  gint64                  m1, m2, m3;
  const RapportBriefMood *moods;
  guint                   n_moods = 99;

  empty = rapport_brief_load (f->store, f->ada, "2026-03-01", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_brief_get_last_meeting_id (empty), ==, 0);
  g_assert_null (rapport_brief_get_last_meeting_date (empty));
  g_assert_cmpint (rapport_brief_get_days_since (empty), ==, -1);
  g_assert_cmpstr (rapport_brief_get_notes_excerpt (empty), ==, "");
  g_assert_cmpuint (n_items (rapport_brief_get_open_commitments (empty)), ==, 0);
  g_assert_cmpuint (n_items (rapport_brief_get_neglected_habits (empty)), ==, 0);
  g_assert_cmpuint (rapport_brief_get_neglect_window (empty), ==, RAPPORT_BRIEF_DEFAULT_NEGLECT_WINDOW);
  rapport_brief_get_moods (empty, &n_moods);
  g_assert_cmpuint (n_moods, ==, 0);

  m1 = meeting (f, "2026-02-23", "old notes", 2);
  m2 = meeting (f, "2026-03-02", "", 0);
  m3 = meeting (f, "2026-03-09", "\n  Release went well. \n\nShe wants the next one.\nBudget\nHiring", 4);
  {
    g_autoptr(RapportCommitment) a = rapport_commitment_create (f->store, m1, "Send budget", RAPPORT_COMMITMENT_OWNER_ME, "2026-03-05", &error);
    g_autoptr(RapportCommitment) b = rapport_commitment_create (f->store, m2, "Draft plan", RAPPORT_COMMITMENT_OWNER_THEM, "2026-03-10", &error);
    g_autoptr(RapportCommitment) c = rapport_commitment_create (f->store, m1, "Book room", RAPPORT_COMMITMENT_OWNER_ME, NULL, &error);
    g_autoptr(RapportCommitment) d = rapport_commitment_create (f->store, m3, "Intro to Sam", RAPPORT_COMMITMENT_OWNER_ME, "2026-03-21", &error);

    g_assert_no_error (error);
    g_assert_nonnull (a);
    /* c, no due date, kept by the next 1:1 (m2). */
    g_assert_true (rapport_commitment_close (c, f->store, "2026-03-02", &error));
    g_assert_nonnull (b);
    g_assert_nonnull (d);
  }
  g_assert_no_error (error);

  brief = rapport_brief_load (f->store, f->ada, "2026-03-21", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_brief_get_person_id (brief), ==, rapport_person_get_id (f->ada));
  g_assert_cmpstr (rapport_brief_get_today (brief), ==, "2026-03-21");
  g_assert_cmpint (rapport_brief_get_last_meeting_id (brief), ==, m3);
  g_assert_cmpstr (rapport_brief_get_last_meeting_date (brief), ==, "2026-03-09");
  g_assert_cmpint (rapport_brief_get_days_since (brief), ==, 12);
  g_assert_cmpint (rapport_brief_get_cadence_days (brief), ==, 7);
  g_assert_cmpint (rapport_brief_get_due_state (brief), ==, RAPPORT_DUE_OVERDUE);
  g_assert_cmpstr (rapport_brief_get_notes_excerpt (brief), ==,
                   "Release went well.\nShe wants the next one.\nBudget…");

  /* Open, both sides, mine first; overdue: a (5 Mar) and b (theirs,
   * 10 Mar), not d (due today). */
  {
    GListModel *open = rapport_brief_get_open_commitments (brief);
    const char *expected[] = { "Send budget", "Intro to Sam", "Draft plan" };

    g_assert_cmpuint (n_items (open), ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_autoptr(RapportCommitment) item = g_list_model_get_item (open, i);
        g_assert_cmpstr (rapport_commitment_get_text (item), ==, expected[i]);
      }
    g_assert_cmpuint (rapport_brief_get_n_overdue (brief), ==, 2);
  }

  /* Recorded moods, oldest first; m2 had none. */
  moods = rapport_brief_get_moods (brief, &n_moods);
  g_assert_cmpuint (n_moods, ==, 2);
  g_assert_cmpstr (moods[0].date, ==, "2026-02-23");
  g_assert_cmpint (moods[0].mood, ==, 2);
  g_assert_cmpstr (moods[1].date, ==, "2026-03-09");
  g_assert_cmpint (moods[1].mood, ==, 4);

  /* Follow-through, mine only: a (due 5 Mar) broken, c kept; d can still
   * be kept today. */
  g_assert_cmpuint (rapport_brief_get_follow_through_kept (brief), ==, 1);
  g_assert_cmpuint (rapport_brief_get_follow_through_due (brief), ==, 2);

  /* Nothing ticked in three meetings: every active habit is suggested. */
  g_assert_cmpuint (n_items (rapport_brief_get_neglected_habits (brief)), ==, 3);

  g_clear_object (&brief);
  g_assert_null (rapport_brief_load (f->store, f->ada, "21.03.2026", 0, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
}

static const char *
badge_on (Fixture    *f,
          const char *today)
{
  RapportDueState state = 99;
  const char     *text = rapport_brief_due_badge (f->store, f->ada, today, &state);

  g_assert_cmpint (state, ==, state_on (f, today));
  return text;
}

static void
test_due_new_person (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportBrief) brief = NULL;
  g_autofree char *now = rapport_store_today ();

  /* Added a minute ago (the fixture just did): not due today, no 1:1 yet. */
  g_assert_cmpint (state_on (f, now), ==, RAPPORT_DUE_NONE);
  g_assert_cmpstr (badge_on (f, now), ==, "No 1:1 yet");
  brief = rapport_brief_load (f->store, f->ada, now, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_brief_get_days_since (brief), ==, -1);
  g_clear_object (&brief);

  /* Added on 2 March (late in the evening, UTC), weekly: not due until
   * the 9th, then due for ever, never overdue. */
  test_core_sql (f->path, "UPDATE people SET created_at = '2026-03-02T23:30:00.000Z'");
  g_assert_cmpint (state_on (f, "2026-03-02"), ==, RAPPORT_DUE_NONE);
  g_assert_cmpint (state_on (f, "2026-03-08"), ==, RAPPORT_DUE_NONE);
  g_assert_cmpint (state_on (f, "2026-03-09"), ==, RAPPORT_DUE_DUE);
  g_assert_cmpint (state_on (f, "2026-03-11"), ==, RAPPORT_DUE_DUE);
  g_assert_cmpint (state_on (f, "2027-03-11"), ==, RAPPORT_DUE_DUE);
  g_assert_cmpstr (badge_on (f, "2027-03-11"), ==, "No 1:1 yet");
  /* A day before the person was added (a clock set back): not due. */
  g_assert_cmpint (state_on (f, "2026-03-01"), ==, RAPPORT_DUE_NONE);
  /* Not a time in the row: no badge rather than a guess. */
  test_core_sql (f->path, "UPDATE people SET created_at = 'x'");
  g_assert_cmpint (state_on (f, "2026-03-11"), ==, RAPPORT_DUE_NONE);
  test_core_sql (f->path, "UPDATE people SET created_at = '2026-03-02T23:30:00.000Z'");

  /* Fortnightly: due from the 16th. */
  set_cadence (f, 14);
  g_assert_cmpint (state_on (f, "2026-03-15"), ==, RAPPORT_DUE_NONE);
  g_assert_cmpint (state_on (f, "2026-03-16"), ==, RAPPORT_DUE_DUE);

  /* A meeting planned after today is not a 1:1 had yet. */
  meeting (f, "2026-04-01", NULL, 0);
  g_assert_cmpint (state_on (f, "2026-03-31"), ==, RAPPORT_DUE_DUE);
  g_assert_cmpstr (badge_on (f, "2026-03-31"), ==, "No 1:1 yet");
  /* Once met, the cadence counts from that 1:1 and the badge is the
   * usual one. */
  g_assert_cmpint (state_on (f, "2026-04-01"), ==, RAPPORT_DUE_NONE);
  g_assert_null (badge_on (f, "2026-04-01"));
  g_assert_cmpstr (badge_on (f, "2026-04-15"), ==, "due");
  g_assert_cmpstr (badge_on (f, "2026-04-19"), ==, "overdue");

  /* Archived: no badge at all. */
  rapport_person_set_archived (f->ada, TRUE);
  g_assert_true (rapport_person_save (f->ada, f->store, &error));
  g_assert_null (badge_on (f, "2026-04-19"));
}

static void
test_today_meeting (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportBrief) brief = NULL;
  g_autoptr(RapportPerson) bob = test_core_person_new (f->store, "Bob", NULL);
  gint64 ada = rapport_person_get_id (f->ada);
  gint64 found = -1;
  gint64 yesterday, first, second;

  g_assert_true (rapport_brief_find_meeting_on (f->store, ada, "2026-03-10", &found, &error));
  g_assert_no_error (error);
  g_assert_cmpint (found, ==, 0);

  yesterday = meeting (f, "2026-03-09", "yesterday", 0);
  g_assert_true (rapport_brief_find_meeting_on (f->store, ada, "2026-03-10", &found, &error));
  g_assert_cmpint (found, ==, 0);
  g_assert_true (rapport_brief_find_meeting_on (f->store, ada, "2026-03-09", &found, &error));
  g_assert_cmpint (found, ==, yesterday);

  /* Another person's meeting that day is not hers. */
  {
    g_autoptr(RapportMeeting) m = rapport_meeting_create (f->store, rapport_person_get_id (bob), "2026-03-10", &error);
    g_assert_no_error (error);
    g_assert_nonnull (m);
  }
  g_assert_true (rapport_brief_find_meeting_on (f->store, ada, "2026-03-10", &found, &error));
  g_assert_cmpint (found, ==, 0);

  /* Two the same day (one made on purpose): the newest is continued. */
  first = meeting (f, "2026-03-10", "first", 0);
  g_assert_true (rapport_brief_find_meeting_on (f->store, ada, "2026-03-10", &found, &error));
  g_assert_cmpint (found, ==, first);
  second = meeting (f, "2026-03-10", "second", 0);
  g_assert_true (rapport_brief_find_meeting_on (f->store, ada, "2026-03-10", &found, &error));
  g_assert_cmpint (found, ==, second);
  brief = rapport_brief_load (f->store, f->ada, "2026-03-10", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_brief_get_today_meeting_id (brief), ==, second);
  g_clear_object (&brief);

  /* A deleted one (while its undo is offered) is not continued. */
  g_assert_true (rapport_meeting_hide (f->store, second, TRUE, &error));
  g_assert_true (rapport_brief_find_meeting_on (f->store, ada, "2026-03-10", &found, &error));
  g_assert_cmpint (found, ==, first);
  g_assert_true (rapport_meeting_hide (f->store, first, TRUE, &error));
  brief = rapport_brief_load (f->store, f->ada, "2026-03-10", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_brief_get_today_meeting_id (brief), ==, 0);

  g_assert_false (rapport_brief_find_meeting_on (f->store, ada, "10.03.2026", &found, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
}

static void
test_mood_trend (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportBrief) brief = NULL;
  /* 0: no mood recorded. */
  const int               series[] = { 5, 3, 2, 4, 0, 2, 2, 2 };
  const int               expected[] = { 3, 2, 4, 2, 2, 2 };
  const RapportBriefMood *moods;
  RapportTrend            trend;
  guint                   n = 0;

  /* Eight weekly meetings, one without a mood: the brief shows the last
   * six moods recorded, oldest first. */
  for (guint i = 0; i < G_N_ELEMENTS (series); i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-03-%02u", 1 + 3 * i);

      meeting (f, date, NULL, series[i]);
    }
  brief = rapport_brief_load (f->store, f->ada, "2026-03-31", 0, &error);
  g_assert_no_error (error);
  moods = rapport_brief_get_moods (brief, &n);
  g_assert_cmpuint (n, ==, RAPPORT_BRIEF_MOOD_MEETINGS);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (moods[i].mood, ==, expected[i]);
  g_assert_cmpstr (moods[0].date, ==, "2026-03-04");
  g_assert_cmpstr (moods[5].date, ==, "2026-03-22");
  /* Three low meetings after higher ones: falling, 2.00 against 3.00. */
  g_assert_cmpint (rapport_brief_get_mood_trend (brief, &trend), ==, RAPPORT_TREND_FALLING);
  g_assert_cmpint (trend.direction, ==, RAPPORT_TREND_FALLING);
  g_assert_cmpfloat_with_epsilon (trend.recent_mean, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (trend.earlier_mean, 3.0, 1e-9);
  g_clear_object (&brief);

  /* Seen from the 17th: five moods (5 3 2 4 2), no trend word. */
  brief = rapport_brief_load (f->store, f->ada, "2026-03-17", 0, &error);
  g_assert_no_error (error);
  rapport_brief_get_moods (brief, &n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpint (rapport_brief_get_mood_trend (brief, NULL), ==, RAPPORT_TREND_NONE);
}

static void
test_query_plans (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportBrief) brief = NULL;
  sqlite3    *db;
  const char *mine[] = { "WITH last AS", "ORDER BY date DESC, id DESC LIMIT", "SELECT m.person_id, m.id, m.date",
                         "FROM commitments c", "ORDER BY id DESC LIMIT 1", "FROM people WHERE id" };
  guint       checked = 0;

  meeting (f, "2026-03-02", "notes", 3);
  meeting (f, "2026-03-09", "notes", 3);
  brief = rapport_brief_load (f->store, f->ada, "2026-03-21", 0, &error);
  g_assert_no_error (error);
  rapport_brief_due_state (f->store, f->ada, "2026-03-21");
  {
    g_autoptr(RapportPerson) bob = test_core_person_new (f->store, "Bob", NULL);

    /* Never met: the day Bob was added is read too. */
    rapport_brief_due_state (f->store, bob, "2026-03-21");
  }

  /* Every statement of the brief that ran must use an index, never a full
   * scan of a table (the CTE "last" is scanned by design). */
  db = rapport_store_get_handle (f->store);
  for (sqlite3_stmt *s = sqlite3_next_stmt (db, NULL); s != NULL; s = sqlite3_next_stmt (db, s))
    {
      const char      *sql = sqlite3_sql (s);
      g_autofree char *explain = NULL;
      sqlite3_stmt    *plan = NULL;
      gboolean         is_mine = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (mine); i++)
        is_mine |= strstr (sql, mine[i]) != NULL;
      if (!is_mine || g_str_has_prefix (sql, "INSERT"))
        continue;

      explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
      g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &plan, NULL), ==, SQLITE_OK);
      while (sqlite3_step (plan) == SQLITE_ROW)
        {
          const char *detail = (const char *) sqlite3_column_text (plan, 3);

          g_test_message ("%s\n  -> %s", sql, detail);
          if (g_str_has_prefix (detail, "SCAN ") && !g_str_has_prefix (detail, "SCAN last") && !g_str_has_prefix (detail, "SCAN d") && !g_str_has_prefix (detail, "SCAN CONSTANT"))
            g_error ("Full scan in “%s”: %s", sql, detail);
        }
      sqlite3_finalize (plan);
      checked++;
    }
  /* last meeting, moods, due state, day added, today's meeting,
   * neglected, open commitments, follow-through */
  g_assert_cmpuint (checked, >=, 8);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/brief/due-rules", test_due_rules);
#define ADD(name, func) \
  g_test_add ("/brief/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("cadence-edges", test_cadence_edges);
  ADD ("neglected-habits", test_neglected_habits);
  ADD ("contents", test_brief_contents);
  ADD ("due-new-person", test_due_new_person);
  ADD ("today-meeting", test_today_meeting);
  ADD ("mood-trend", test_mood_trend);
  ADD ("query-plans", test_query_plans);
#undef ADD

  return g_test_run ();
}
