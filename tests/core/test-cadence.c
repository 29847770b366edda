/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The due rule with skipped and moved 1:1s and a next date set by hand
 * (docs/numbers.md), on fixed facts and through the store; recording
 * missed 1:1s; adherence for History. */
#include "config.h"

#include <string.h>

#include "rapport-brief.h"
#include "rapport-cadence.h"
#include "rapport-date.h"
#include "test-core-util.h"

typedef TestCoreDb Fixture;

/* Events written as "2026-03-09 skip leave", "2026-03-09 skip",
 * "2026-03-09 moved 2026-03-11", "2026-03-09 moved". */
static void
parse_events (const char *const *specs,
              GArray            *events)
{
  for (guint i = 0; specs != NULL && specs[i] != NULL; i++)
    {
      g_auto (GStrv) parts = g_strsplit (specs[i], " ", -1);
      RapportCadenceEvent e = { { 0 } };

      g_strlcpy (e.date, parts[0], sizeof e.date);
      if (g_str_equal (parts[1], "skip"))
        {
          e.kind = RAPPORT_MISSED_SKIPPED;
          e.reason = parts[2] != NULL && g_str_equal (parts[2], "leave")
                       ? RAPPORT_MISSED_REASON_LEAVE
                       : RAPPORT_MISSED_REASON_OTHER;
        }
      else
        {
          e.kind = RAPPORT_MISSED_MOVED;
          if (parts[2] != NULL)
            g_strlcpy (e.moved_to, parts[2], sizeof e.moved_to);
        }
      g_array_append_val (events, e);
    }
}

typedef struct
{
  const char     *name;
  int             cadence;
  const char     *last;
  const char     *added;
  const char     *next;
  const char     *events[4];
  const char     *today;
  RapportDueState state;
  RapportDueBasis basis;
  const char     *due_date;
  int             days_late;
} Case;

static const Case cases[] = {
  /* The rule of the brief, unchanged without missed 1:1s. */
  { "not yet", 7, "2026-03-02", NULL, NULL, { NULL }, "2026-03-08", RAPPORT_DUE_NONE, RAPPORT_DUE_BASIS_LAST_MEETING, "2026-03-09", 0 },
  { "due on the day", 7, "2026-03-02", NULL, NULL, { NULL }, "2026-03-09", RAPPORT_DUE_DUE, RAPPORT_DUE_BASIS_LAST_MEETING, "2026-03-09", 0 },
  { "grace", 7, "2026-03-02", NULL, NULL, { NULL }, "2026-03-10", RAPPORT_DUE_DUE, RAPPORT_DUE_BASIS_LAST_MEETING, "2026-03-09", 1 },
  { "overdue", 7, "2026-03-02", NULL, NULL, { NULL }, "2026-03-14", RAPPORT_DUE_OVERDUE, RAPPORT_DUE_BASIS_LAST_MEETING, "2026-03-09", 5 },
  /* Skipped for leave: the clock starts at the skip. */
  { "leave moves the clock", 7, "2026-03-02", NULL, NULL, { "2026-03-09 skip leave", NULL }, "2026-03-14", RAPPORT_DUE_NONE, RAPPORT_DUE_BASIS_LEAVE, "2026-03-16", 0 },
  { "due again after leave", 7, "2026-03-02", NULL, NULL, { "2026-03-09 skip leave", NULL }, "2026-03-18", RAPPORT_DUE_OVERDUE, RAPPORT_DUE_BASIS_LEAVE, "2026-03-16", 2 },
  /* Skipped for another reason: still overdue in time. */
  { "a skip is not a 1:1", 7, "2026-03-02", NULL, NULL, { "2026-03-09 skip", NULL }, "2026-03-14", RAPPORT_DUE_OVERDUE, RAPPORT_DUE_BASIS_LAST_MEETING, "2026-03-09", 5 },
  { "leave then a plain skip", 7, "2026-03-02", NULL, NULL, { "2026-03-09 skip leave", "2026-03-16 skip", NULL }, "2026-03-20", RAPPORT_DUE_OVERDUE, RAPPORT_DUE_BASIS_LEAVE, "2026-03-16", 4 },
  /* Moved: due on the new day; with no new day yet nothing changes. */
  { "moved", 7, "2026-03-02", NULL, NULL, { "2026-03-09 moved 2026-03-13", NULL }, "2026-03-12", RAPPORT_DUE_NONE, RAPPORT_DUE_BASIS_MOVED, "2026-03-13", 0 },
  { "moved and missed", 7, "2026-03-02", NULL, NULL, { "2026-03-09 moved 2026-03-13", NULL }, "2026-03-16", RAPPORT_DUE_OVERDUE, RAPPORT_DUE_BASIS_MOVED, "2026-03-13", 3 },
  { "moved, no day", 7, "2026-03-02", NULL, NULL, { "2026-03-09 moved", NULL }, "2026-03-12", RAPPORT_DUE_OVERDUE, RAPPORT_DUE_BASIS_LAST_MEETING, "2026-03-09", 3 },
  /* Before the last 1:1: spent. */
  { "old skip", 7, "2026-03-02", NULL, NULL, { "2026-02-23 skip leave", NULL }, "2026-03-12", RAPPORT_DUE_OVERDUE, RAPPORT_DUE_BASIS_LAST_MEETING, "2026-03-09", 3 },
  /* A date set by hand wins, until a 1:1 is held on or after it. */
  { "hand-set wins", 7, "2026-03-02", NULL, "2026-03-20", { "2026-03-09 moved 2026-03-11", NULL }, "2026-03-14", RAPPORT_DUE_NONE, RAPPORT_DUE_BASIS_NEXT_DATE, "2026-03-20", 0 },
  { "hand-set passed", 14, "2026-03-02", NULL, "2026-03-05", { NULL }, "2026-03-10", RAPPORT_DUE_OVERDUE, RAPPORT_DUE_BASIS_NEXT_DATE, "2026-03-05", 5 },
  { "hand-set spent", 7, "2026-03-02", NULL, "2026-03-02", { NULL }, "2026-03-08", RAPPORT_DUE_NONE, RAPPORT_DUE_BASIS_LAST_MEETING, "2026-03-09", 0 },
  /* No 1:1 yet: from the day they were added, never overdue. */
  { "new person", 7, NULL, "2026-03-01", NULL, { NULL }, "2026-03-05", RAPPORT_DUE_NONE, RAPPORT_DUE_BASIS_ADDED, "2026-03-08", 0 },
  { "first 1:1 late", 7, NULL, "2026-03-01", NULL, { NULL }, "2026-04-30", RAPPORT_DUE_DUE, RAPPORT_DUE_BASIS_ADDED, "2026-03-08", 53 },
  { "first 1:1 planned", 7, NULL, "2026-03-01", "2026-03-04", { NULL }, "2026-03-20", RAPPORT_DUE_DUE, RAPPORT_DUE_BASIS_NEXT_DATE, "2026-03-04", 16 },
  { "added when unknown", 7, NULL, NULL, NULL, { NULL }, "2026-03-20", RAPPORT_DUE_NONE, RAPPORT_DUE_BASIS_NONE, "", 0 },
  /* A meeting in the future is not held yet. */
  { "future meeting", 7, "2026-03-30", "2026-03-01", NULL, { NULL }, "2026-03-20", RAPPORT_DUE_DUE, RAPPORT_DUE_BASIS_ADDED, "2026-03-08", 12 },
  /* Monthly: a week of grace. */
  { "monthly grace", 30, "2026-01-01", NULL, NULL, { NULL }, "2026-02-07", RAPPORT_DUE_DUE, RAPPORT_DUE_BASIS_LAST_MEETING, "2026-01-31", 7 },
  { "monthly overdue", 30, "2026-01-01", NULL, NULL, { NULL }, "2026-02-08", RAPPORT_DUE_OVERDUE, RAPPORT_DUE_BASIS_LAST_MEETING, "2026-01-31", 8 },
};

static void
test_rule (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GArray) events = g_array_new (FALSE, TRUE, sizeof (RapportCadenceEvent));
  RapportCadenceInput  input = { 0 };
  RapportCadenceStatus status;

  parse_events (c->events, events);
  input.cadence_days = c->cadence;
  input.last_date = c->last;
  input.added_date = c->added;
  input.next_date = c->next;
  input.events = (RapportCadenceEvent *) (gpointer) events->data;
  input.n_events = events->len;
  rapport_cadence_compute (&input, c->today, &status);

  g_test_message ("%s", c->name);
  g_assert_cmpint (status.state, ==, c->state);
  g_assert_cmpint (status.basis, ==, c->basis);
  g_assert_cmpstr (status.due_date, ==, c->due_date);
  g_assert_cmpint (status.days_late, ==, c->days_late);

  /* Archived: nothing is due, whatever else. */
  input.archived = TRUE;
  rapport_cadence_compute (&input, c->today, &status);
  g_assert_cmpint (status.state, ==, RAPPORT_DUE_NONE);
  g_assert_cmpstr (status.due_date, ==, "");
}

/* Without missed 1:1s or a date set by hand, the old rule of the brief
 * for every cadence and day. */
static void
test_rule_matches_brief (void)
{
  for (int cadence = 1; cadence <= 40; cadence++)
    for (int d = 0; d <= 60; d++)
      {
        RapportCadenceInput  input = { cadence, FALSE, "2026-01-01", NULL, NULL, NULL, 0 };
        RapportCadenceStatus status;
        GDate                day;
        char                 today[11];

        g_date_clear (&day, 1);
        g_date_set_dmy (&day, 1, 1, 2026);
        g_date_add_days (&day, d);
        g_snprintf (today, sizeof today, "%04d-%02d-%02d", g_date_get_year (&day),
                    g_date_get_month (&day), g_date_get_day (&day));
        rapport_cadence_compute (&input, today, &status);
        g_assert_cmpint (status.state, ==, rapport_brief_due_state_for (cadence, d));

        input.last_date = NULL;
        input.added_date = "2026-01-01";
        rapport_cadence_compute (&input, today, &status);
        g_assert_cmpint (status.state, ==, rapport_brief_first_due_state_for (cadence, d));
      }
}

static gint64
person (Fixture    *f,
        const char *name,
        int         cadence)
{
  return test_core_insert_person_every (f->store, name, cadence);
}

static void
test_record_missed (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMissedMeeting) skip = NULL;
  g_autoptr(RapportMissedMeeting) moved = NULL;
  g_autoptr(RapportMissedMeeting) none = NULL;
  g_autoptr(GListStore) all = NULL;
  gint64 ada = person (f, "Ada", 7);
  gint64 gone = test_core_insert_person (f->store, "Gone", TRUE);

  skip = rapport_missed_meeting_record (f->store, ada, "2026-03-09", RAPPORT_MISSED_SKIPPED,
                                        RAPPORT_MISSED_REASON_LEAVE, " They were\non leave ", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_missed_meeting_get_person_id (skip), ==, ada);
  g_assert_cmpstr (rapport_missed_meeting_get_date (skip), ==, "2026-03-09");
  g_assert_cmpint (rapport_missed_meeting_get_kind (skip), ==, RAPPORT_MISSED_SKIPPED);
  g_assert_cmpint (rapport_missed_meeting_get_reason_kind (skip), ==, RAPPORT_MISSED_REASON_LEAVE);
  g_assert_cmpstr (rapport_missed_meeting_get_reason (skip), ==, "They were on leave");
  g_assert_null (rapport_missed_meeting_get_moved_to (skip));

  moved = rapport_missed_meeting_record (f->store, ada, "2026-03-16", RAPPORT_MISSED_MOVED,
                                         RAPPORT_MISSED_REASON_OTHER, NULL, "2026-03-18", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_missed_meeting_get_moved_to (moved), ==, "2026-03-18");
  g_assert_cmpstr (rapport_missed_meeting_get_reason (moved), ==, "");

  none = rapport_missed_meeting_record (f->store, ada, "2026-03-16", RAPPORT_MISSED_SKIPPED,
                                        RAPPORT_MISSED_REASON_OTHER, NULL, "2026-03-18", &error);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  none = rapport_missed_meeting_record (f->store, ada, "16/03/2026", RAPPORT_MISSED_SKIPPED,
                                        RAPPORT_MISSED_REASON_OTHER, NULL, NULL, &error);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  none = rapport_missed_meeting_record (f->store, gone, "2026-03-16", RAPPORT_MISSED_SKIPPED,
                                        RAPPORT_MISSED_REASON_OTHER, NULL, NULL, &error);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (none);

  all = rapport_missed_meeting_load_range (f->store, 0, "2026-03-10", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 1);
  g_clear_object (&all);

  /* Undo: hidden, then back. */
  g_assert_true (rapport_missed_meeting_hide (f->store, rapport_missed_meeting_get_id (skip), TRUE, &error));
  all = rapport_missed_meeting_load_range (f->store, ada, NULL, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 1);
  g_clear_object (&all);
  g_assert_true (rapport_missed_meeting_hide (f->store, rapport_missed_meeting_get_id (skip), FALSE, &error));
  all = rapport_missed_meeting_load_range (f->store, ada, NULL, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 2);
  g_assert_true (rapport_missed_meeting_hide (f->store, rapport_missed_meeting_get_id (moved), TRUE, &error));
  g_assert_true (rapport_missed_meeting_purge (f->store, rapport_missed_meeting_get_id (moved), &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM missed_meetings"), ==, 1);
}

/* The same rule through the store, and in the brief and the badge. */
static void
test_status_from_store (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPerson) ada_object = NULL;
  g_autoptr(RapportBrief) brief = NULL;
  g_autoptr(RapportMissedMeeting) skip = NULL;
  RapportCadenceStatus status;
  gint64               ada = person (f, "Ada", 7);
  gint64               nobody = person (f, "Nobody", 7);
  char                *updated_before;

  test_core_insert_meeting (f->store, ada, "2026-03-02", 0, "", FALSE);
  test_core_insert_meeting (f->store, ada, "2026-02-23", 0, "", FALSE);
  ada_object = rapport_person_load (f->store, ada, &error);
  g_assert_no_error (error);

  g_assert_true (rapport_cadence_status_load (f->store, ada, "2026-03-14", &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status.state, ==, RAPPORT_DUE_OVERDUE);
  g_assert_cmpstr (status.last_date, ==, "2026-03-02");
  g_assert_true (status.met);
  g_assert_cmpint (rapport_brief_due_state (f->store, ada_object, "2026-03-14"), ==, RAPPORT_DUE_OVERDUE);

  /* They were on leave on the 9th: not overdue any more, due on the
   * 16th; the brief and the badge agree. */
  skip = rapport_missed_meeting_record (f->store, ada, "2026-03-09", RAPPORT_MISSED_SKIPPED,
                                        RAPPORT_MISSED_REASON_LEAVE, "Holiday", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_cadence_status_load (f->store, ada, "2026-03-14", &status, &error));
  g_assert_cmpint (status.state, ==, RAPPORT_DUE_NONE);
  g_assert_cmpint (status.basis, ==, RAPPORT_DUE_BASIS_LEAVE);
  g_assert_cmpstr (status.due_date, ==, "2026-03-16");
  g_assert_cmpuint (status.n_skipped, ==, 1);
  g_assert_cmpuint (status.n_leave, ==, 1);
  g_assert_cmpint (rapport_brief_due_state (f->store, ada_object, "2026-03-14"), ==, RAPPORT_DUE_NONE);
  brief = rapport_brief_load (f->store, ada_object, "2026-03-16", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_brief_get_due_state (brief), ==, RAPPORT_DUE_DUE);
  g_clear_object (&brief);

  /* A hidden skip (undo pending) no longer counts. */
  g_assert_true (rapport_missed_meeting_hide (f->store, rapport_missed_meeting_get_id (skip), TRUE, &error));
  g_assert_cmpint (rapport_cadence_due_state (f->store, ada, "2026-03-14"), ==, RAPPORT_DUE_OVERDUE);

  /* The next 1:1 set by hand: wins, and changes updated_at so that an
   * import carries it over; then cleared. */
  updated_before = g_strdup_printf ("%" G_GINT64_FORMAT,
                                    test_core_sql_int (f->path, "SELECT count(*) FROM people"
                                                                " WHERE updated_at = '2026-01-01T12:00:00.000Z'"));
  g_assert_cmpstr (updated_before, ==, "2");
  g_free (updated_before);
  g_assert_true (rapport_cadence_set_next_date (f->store, ada, "2026-03-19", &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM people"
                                               " WHERE updated_at = '2026-01-01T12:00:00.000Z'"),
                   ==, 1);
  g_assert_true (rapport_cadence_status_load (f->store, ada, "2026-03-14", &status, &error));
  g_assert_cmpint (status.state, ==, RAPPORT_DUE_NONE);
  g_assert_cmpstr (status.next_date, ==, "2026-03-19");
  g_assert_cmpstr (status.due_date, ==, "2026-03-19");
  g_assert_true (rapport_cadence_set_next_date (f->store, ada, "2026-03-19", &error));
  g_assert_false (rapport_cadence_set_next_date (f->store, ada, "Thursday", &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rapport_cadence_set_next_date (f->store, 999, "2026-03-19", &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (rapport_cadence_set_next_date (f->store, ada, NULL, &error));
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM people WHERE next_date IS NULL"), ==, 2);

  /* Never met: from the day they were added (1 January), never overdue. */
  g_assert_true (rapport_cadence_status_load (f->store, nobody, "2026-03-14", &status, &error));
  g_assert_cmpint (status.state, ==, RAPPORT_DUE_DUE);
  g_assert_cmpint (status.basis, ==, RAPPORT_DUE_BASIS_ADDED);
  g_assert_false (status.met);
  g_assert_false (rapport_cadence_status_load (f->store, 999, "2026-03-14", &status, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
}

static void
assert_adherence (const RapportAdherence *a,
                  guint                   held,
                  guint                   expected,
                  guint                   skipped,
                  guint                   excused,
                  guint                   moved)
{
  g_assert_cmpuint (a->held, ==, held);
  g_assert_cmpuint (a->expected, ==, expected);
  g_assert_cmpuint (a->skipped, ==, skipped);
  g_assert_cmpuint (a->excused, ==, excused);
  g_assert_cmpuint (a->moved, ==, moved);
}

static void
test_adherence (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMissedMeeting) m1 = NULL;
  g_autoptr(RapportMissedMeeting) m2 = NULL;
  g_autoptr(RapportMissedMeeting) m3 = NULL;
  const char      *months[] = { "2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01" };
  RapportAdherence series[3];
  RapportAdherence total;
  gint64           ada = person (f, "Ada", 7);
  gint64           bo = person (f, "Bo", 14);
  gint64           old = person (f, "Old", 7);
  gint64           later = person (f, "Later", 7);

  /* Ada, weekly from Monday 5 January: every week to 2 March, except
   * the 9 February (leave) and the 23 February (skipped). 9 March is
   * moved to the 11th, and held then. */
  {
    static const char *dates[] = { "2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02",
                                   "2026-02-16", "2026-03-02", "2026-03-11" };
    for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
      test_core_insert_meeting (f->store, ada, dates[i], 0, "", FALSE);
  }
  test_core_insert_meeting (f->store, ada, "2026-01-20", 0, "", TRUE); /* hidden: not held */
  m1 = rapport_missed_meeting_record (f->store, ada, "2026-02-09", RAPPORT_MISSED_SKIPPED,
                                      RAPPORT_MISSED_REASON_LEAVE, NULL, NULL, &error);
  m2 = rapport_missed_meeting_record (f->store, ada, "2026-02-23", RAPPORT_MISSED_SKIPPED,
                                      RAPPORT_MISSED_REASON_OTHER, NULL, NULL, &error);
  m3 = rapport_missed_meeting_record (f->store, ada, "2026-03-09", RAPPORT_MISSED_MOVED,
                                      RAPPORT_MISSED_REASON_OTHER, NULL, "2026-03-11", &error);
  g_assert_no_error (error);
  /* Bo, fortnightly from 14 January, every time. */
  test_core_insert_meeting (f->store, bo, "2026-01-14", 0, "", FALSE);
  test_core_insert_meeting (f->store, bo, "2026-01-28", 0, "", FALSE);
  test_core_insert_meeting (f->store, bo, "2026-02-11", 0, "", FALSE);
  test_core_insert_meeting (f->store, bo, "2026-02-25", 0, "", FALSE);
  test_core_insert_meeting (f->store, bo, "2026-03-11", 0, "", FALSE);
  /* Old, archived; Later, never met. */
  test_core_insert_meeting (f->store, old, "2026-01-05", 0, "", FALSE);
  test_core_exec (f->store, "UPDATE people SET archived = 1 WHERE name = 'Old'");
  (void) later;

  /* Today is 15 March: nothing after it counts. Ada's days are 5 Jan +
   * 7k: January 4 (5, 12, 19, 26), February 4 (2, 9, 16, 23) less one
   * leave, March 2 by the 15th (2, 9). */
  g_assert_true (rapport_cadence_adherence_series (f->store, ada, months, 3, "2026-03-15", FALSE, series, &error));
  g_assert_no_error (error);
  assert_adherence (&series[0], 4, 4, 0, 0, 0);
  assert_adherence (&series[1], 2, 3, 1, 1, 0);
  assert_adherence (&series[2], 2, 2, 0, 0, 1);

  g_assert_true (rapport_cadence_adherence (f->store, ada, "2026-01-01", "2026-04-01", "2026-03-15",
                                            FALSE, &total, &error));
  assert_adherence (&total, 8, 9, 1, 1, 1);

  /* Bo: 14 Jan + 14k: 14, 28 Jan; 11, 25 Feb; 11 Mar. */
  g_assert_true (rapport_cadence_adherence (f->store, bo, "2026-01-01", "2026-04-01", "2026-03-15",
                                            FALSE, &total, &error));
  assert_adherence (&total, 5, 5, 0, 0, 0);

  /* The team: the sum, archived people left out unless asked. */
  g_assert_true (rapport_cadence_adherence_series (f->store, 0, months, 3, "2026-03-15", FALSE, series, &error));
  assert_adherence (&series[0], 6, 6, 0, 0, 0);
  assert_adherence (&series[1], 4, 5, 1, 1, 0);
  assert_adherence (&series[2], 3, 3, 0, 0, 1);
  g_assert_true (rapport_cadence_adherence (f->store, 0, "2026-01-01", "2026-04-01", "2026-03-15",
                                            TRUE, &total, &error));
  /* Old: 5 Jan + 7k up to 15 March is 10 days, one held. */
  assert_adherence (&total, 14, 24, 1, 1, 1);

  /* A range before the first 1:1 expects nothing; bad dates are refused. */
  g_assert_true (rapport_cadence_adherence (f->store, ada, "2025-01-01", "2026-01-05", "2026-03-15",
                                            FALSE, &total, &error));
  assert_adherence (&total, 0, 0, 0, 0, 0);
  g_assert_false (rapport_cadence_adherence (f->store, ada, "2025-01-01", "soon", "2026-03-15",
                                             FALSE, &total, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
}

/* Each of @specs ("2026-02-09" a 1:1 held, "2026-02-09 leave" skipped
 * for leave, "2026-02-09 skip", "2026-02-23 moved 2026-03-03") for
 * @who. */
static void
insert_facts (Fixture           *f,
              gint64             who,
              const char *const *specs)
{
  for (guint i = 0; specs[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RapportMissedMeeting) missed = NULL;
      g_auto (GStrv) parts = g_strsplit (specs[i], " ", -1);

      if (parts[1] == NULL)
        {
          test_core_insert_meeting (f->store, who, parts[0], 0, "", FALSE);
          continue;
        }
      if (g_str_equal (parts[1], "moved"))
        missed = rapport_missed_meeting_record (f->store, who, parts[0], RAPPORT_MISSED_MOVED,
                                                RAPPORT_MISSED_REASON_OTHER, NULL, parts[2], &error);
      else
        missed = rapport_missed_meeting_record (f->store, who, parts[0], RAPPORT_MISSED_SKIPPED,
                                                g_str_equal (parts[1], "leave")
                                                  ? RAPPORT_MISSED_REASON_LEAVE
                                                  : RAPPORT_MISSED_REASON_OTHER,
                                                NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (missed);
    }
}

static void
assert_held_within_expected (const RapportAdherence *a,
                             guint                   n)
{
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (a[i].held, <=, a[i].expected);
}

/* A 1:1 held always counts as expected where it was held: a skip for
 * leave in a period whose 1:1 was held anyway excuses nothing, and a 1:1
 * moved into a range, or an extra one, raises expected with held. Held
 * never passes expected (issue 11: "12 of 11 expected 1:1s held
 * (109 %)"). */
static void
test_adherence_held_counts (Fixture      *f,
                            gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  const char              *months[] = { "2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01" };
  const char              *weeks[] = { "2026-02-02", "2026-02-09", "2026-02-16", "2026-02-23" };
  RapportAdherence         series[3];
  RapportAdherence         total;
  gint64                   ada = person (f, "Ada", 7);
  gint64                   bo = person (f, "Bo", 7);
  gint64                   cy = person (f, "Cy", 7);
  gint64                   di = person (f, "Di", 14);
  /* Ada, weekly from Monday 5 January to 23 March; the week of 9
   * February recorded as skipped for leave, but held on the 10th. */
  static const char *const ada_facts[] = {
    "2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02", "2026-02-09 leave",
    "2026-02-10", "2026-02-16", "2026-02-23", "2026-03-02", "2026-03-09", "2026-03-16",
    "2026-03-23", NULL
  };
  /* Bo: the same leave held anyway, and 2 March missed with nothing
   * recorded: the leave must not hide it. */
  static const char *const bo_facts[] = {
    "2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02", "2026-02-09 leave",
    "2026-02-09", "2026-02-16", "2026-02-23", "2026-03-09", "2026-03-16", "2026-03-23", NULL
  };
  /* Cy: 23 February moved to 3 March, held then and on the 2nd. */
  static const char *const cy_facts[] = {
    "2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02", "2026-02-09",
    "2026-02-16", "2026-02-23 moved 2026-03-03", "2026-03-02", "2026-03-03", "2026-03-09",
    "2026-03-16", "2026-03-23", NULL
  };
  /* Di, fortnightly from 7 January; a leave on 4 February held on the
   * 12th (the same fortnight), two 1:1s in the fortnight of 4 March,
   * and 18 February on leave indeed. */
  static const char *const di_facts[] = {
    "2026-01-07", "2026-01-21", "2026-02-04 leave", "2026-02-12", "2026-02-18 leave",
    "2026-03-04", "2026-03-10", "2026-03-18", NULL
  };

  insert_facts (f, ada, ada_facts);
  insert_facts (f, bo, bo_facts);
  insert_facts (f, cy, cy_facts);
  insert_facts (f, di, di_facts);

  /* Today is Sunday 29 March: 12 weekly days from 5 January. */
  g_assert_true (rapport_cadence_adherence (f->store, ada, "2026-01-01", "2026-04-01", "2026-03-29",
                                            FALSE, &total, &error));
  g_assert_no_error (error);
  assert_adherence (&total, 12, 12, 0, 1, 0);
  g_assert_true (rapport_cadence_adherence_series (f->store, ada, months, 3, "2026-03-29", FALSE, series, &error));
  assert_adherence (&series[0], 4, 4, 0, 0, 0);
  assert_adherence (&series[1], 4, 4, 0, 1, 0);
  assert_adherence (&series[2], 4, 4, 0, 0, 0);
  g_assert_true (rapport_cadence_adherence_series (f->store, ada, weeks, 3, "2026-03-29", FALSE, series, &error));
  assert_adherence (&series[1], 1, 1, 0, 1, 0);

  g_assert_true (rapport_cadence_adherence (f->store, bo, "2026-01-01", "2026-04-01", "2026-03-29",
                                            FALSE, &total, &error));
  assert_adherence (&total, 11, 12, 0, 1, 0);

  /* Cy over March: 2, 9, 16 and 23 March expected, and 5 held; over the
   * three months 12 of 12. */
  g_assert_true (rapport_cadence_adherence (f->store, cy, "2026-03-01", "2026-04-01", "2026-03-29",
                                            FALSE, &total, &error));
  assert_adherence (&total, 5, 5, 0, 0, 0);
  g_assert_true (rapport_cadence_adherence_series (f->store, cy, months, 3, "2026-03-29", FALSE, series, &error));
  assert_adherence (&series[1], 3, 4, 0, 0, 1);
  assert_adherence (&series[2], 5, 5, 0, 0, 0);
  g_assert_true (rapport_cadence_adherence (f->store, cy, "2026-01-01", "2026-04-01", "2026-03-29",
                                            FALSE, &total, &error));
  assert_adherence (&total, 12, 12, 0, 0, 1);

  /* Di: 7, 21 Jan; 4, 18 Feb (18 excused, 4 held on the 12th); 4, 18
   * Mar, with an extra 1:1 on the 10th: 6 held of 5, so 6 expected. */
  g_assert_true (rapport_cadence_adherence (f->store, di, "2026-01-01", "2026-04-01", "2026-03-29",
                                            FALSE, &total, &error));
  assert_adherence (&total, 6, 6, 0, 2, 0);
  g_assert_true (rapport_cadence_adherence_series (f->store, di, months, 3, "2026-03-29", FALSE, series, &error));
  assert_adherence (&series[1], 1, 1, 0, 2, 0);
  assert_adherence (&series[2], 3, 3, 0, 0, 0);

  /* The team: each person's figures summed, held never above expected,
   * whatever the range. */
  g_assert_true (rapport_cadence_adherence (f->store, 0, "2026-01-01", "2026-04-01", "2026-03-29",
                                            FALSE, &total, &error));
  assert_adherence (&total, 12 + 11 + 12 + 6, 12 + 12 + 12 + 6, 0, 4, 1);
  g_assert_true (rapport_cadence_adherence_series (f->store, 0, months, 3, "2026-03-29", FALSE, series, &error));
  assert_held_within_expected (series, 3);
  g_assert_true (rapport_cadence_adherence_series (f->store, 0, weeks, 3, "2026-03-29", FALSE, series, &error));
  assert_held_within_expected (series, 3);
  for (guint day = 1; day <= 28; day++)
    {
      g_autofree char *from = g_strdup_printf ("2026-02-%02u", day);
      g_autofree char *to = g_strdup_printf ("2026-03-%02u", day);

      g_assert_true (rapport_cadence_adherence (f->store, 0, from, to, "2026-03-29", FALSE, &total, &error));
      assert_held_within_expected (&total, 1);
    }
}

/* The days the rule and adherence take are the dates rapport_date_parse()
 * takes, whether read digit by digit or not. */
static void
test_dates (Fixture      *f,
            gconstpointer data)
{
  static const char *const refused[] = { "2026-02-30", "2026-13-01", "2026-00-10", "2026-01-00", "0000-01-01",
                                         "2026-1-05", "2026-01-5x", "2026-01-055", "2026/01/05", "", NULL };
  static const char *const taken[] = { "2024-02-29", "2026-12-31", "0001-01-01", "9999-12-31" };
  RapportAdherence         a;

  for (guint i = 0; refused[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      GDate day;

      g_assert_false (rapport_date_parse (refused[i], &day));
      g_assert_false (rapport_cadence_adherence (f->store, 0, refused[i], "2026-04-01", "2026-03-15",
                                                 FALSE, &a, &error));
      g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
    }
  for (guint i = 0; i < G_N_ELEMENTS (taken); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate day;

      g_assert_true (rapport_date_parse (taken[i], &day));
      g_assert_true (rapport_cadence_adherence (f->store, 0, "0001-01-01", taken[i], taken[i], FALSE, &a, &error));
      g_assert_no_error (error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cadence/rule/%s", cases[i].name);
      g_strdelimit (path + strlen ("/cadence/rule/"), " ,:", '-');
      g_test_add_data_func (path, &cases[i], test_rule);
    }
  g_test_add_func ("/cadence/rule-matches-brief", test_rule_matches_brief);
#define ADD(name, func) \
  g_test_add ("/cadence/" name, Fixture, NULL, test_core_db_fixture_set_up, func, test_core_db_fixture_tear_down)
  ADD ("record-missed", test_record_missed);
  ADD ("status-from-store", test_status_from_store);
  ADD ("adherence", test_adherence);
  ADD ("adherence-held-counts", test_adherence_held_counts);
  ADD ("dates", test_dates);
#undef ADD

  return g_test_run ();
}
