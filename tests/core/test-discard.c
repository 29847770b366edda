/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A 1:1 started by mistake and left untouched is discarded
 * (rapport_meeting_discard_if_untouched()): gone with its checklist when
 * nothing was recorded in it, kept after any kind of touch, and kept when
 * another writer put notes in it meanwhile. */
#include "config.h"

#include <string.h>

#include "rapport-checklist-item.h"
#include "rapport-commitment.h"
#include "rapport-meeting.h"
#include "rapport-talking-point.h"
#include "test-core-util.h"

typedef struct
{
  char         *dir;
  char         *path;
  RapportStore *store;
  gint64        ada;
  gint64        carried; /* Ada's commitment of last week, open */
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  test_core_db_set_up (&f->dir, &f->path, &f->store);
  f->ada = test_core_insert_person (f->store, "Ada", FALSE);
  {
    gint64 last_week = test_core_insert_meeting (f->store, f->ada, "2026-03-02", 0, "000", FALSE);

    test_core_insert_commitment (f->store, f->ada, last_week, "me", NULL, NULL);
    /* Written last week, before any meeting of the tests was started. */
    test_core_exec (f->store, "UPDATE commitments SET created_at = '2026-03-02T10:00:00.000Z',"
                              " updated_at = '2026-03-02T10:00:00.000Z'");
    f->carried = test_core_sql_int (f->path, "SELECT max (id) FROM commitments");
  }
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
}

static RapportMeeting *
start (Fixture    *f,
       const char *date)
{
  g_autoptr(GError) error = NULL;
  RapportMeeting *meeting = rapport_meeting_create (f->store, f->ada, date, &error);

  g_assert_no_error (error);
  g_assert_nonnull (meeting);
  return meeting;
}

static gint64
count_sql (Fixture *f,
           char    *sql)
{
  gint64 n = test_core_sql_int (f->path, sql);

  g_free (sql);
  return n;
}

/* @format has one %lld: the meeting's id. */
#define count(f, format, meeting) \
  count_sql ((f), g_strdup_printf (format, (long long) rapport_meeting_get_id (meeting)))

/* Calls it and says whether the meeting went. */
static gboolean
discard (Fixture        *f,
         RapportMeeting *meeting)
{
  g_autoptr(GError) error = NULL;
  gboolean discarded = 2;

  g_assert_true (rapport_meeting_discard_if_untouched (meeting, f->store, &discarded, &error));
  g_assert_no_error (error);
  g_assert_true (discarded == TRUE || discarded == FALSE);
  return discarded;
}

static RapportChecklistItem *
checklist_item (Fixture        *f,
                RapportMeeting *meeting,
                guint           position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) checklist = rapport_checklist_load (f->store, rapport_meeting_get_id (meeting), &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (checklist)), >, position);
  return g_list_model_get_item (G_LIST_MODEL (checklist), position);
}

/* The running sums of History agree with a count from scratch. */
static void
assert_aggregates_fresh (Fixture *f)
{
  g_assert_cmpint (test_core_sql_int (f->path,
                                      "SELECT count(*) FROM (SELECT * FROM history_days WHERE meetings <> 0"
                                      " EXCEPT SELECT * FROM history_days_fresh)"),
                   ==, 0);
  g_assert_cmpint (test_core_sql_int (f->path,
                                      "SELECT count(*) FROM (SELECT * FROM history_days_fresh"
                                      " EXCEPT SELECT * FROM history_days)"),
                   ==, 0);
  g_assert_cmpint (test_core_sql_int (f->path,
                                      "SELECT count(*) FROM (SELECT * FROM history_day_ticks WHERE total <> 0"
                                      " EXCEPT SELECT * FROM history_day_ticks_fresh)"),
                   ==, 0);
  g_assert_cmpint (test_core_sql_int (f->path,
                                      "SELECT count(*) FROM (SELECT * FROM history_day_ticks_fresh"
                                      " EXCEPT SELECT * FROM history_day_ticks)"),
                   ==, 0);
}

static void
test_untouched_goes (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr(RapportMeeting) older = start (f, "2026-03-02");
  g_autoptr(RapportMeeting) meeting = start (f, "2026-03-09");

  /* The checklist it was started with is on disk. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM checklist WHERE meeting_id = %lld", meeting), >, 0);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT sum (meetings) FROM history_days"), ==, 3);

  g_assert_true (discard (f, meeting));
  g_assert_cmpint (count (f, "SELECT count(*) FROM meetings WHERE id = %lld", meeting), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM checklist WHERE meeting_id = %lld", meeting), ==, 0);
  /* History counts two meetings again; the others are still there. */
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT sum (meetings) FROM history_days"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM meetings WHERE id = %lld", older), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM checklist WHERE meeting_id = %lld", older), >, 0);
  assert_aggregates_fresh (f);

  /* Gone already: nothing more to discard, and no error. */
  g_assert_false (discard (f, meeting));
}

/* Untouched in every way that counts, though something happened. */
static void
test_blank_goes (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMeeting) meeting = start (f, "2026-03-09");
  g_autoptr(RapportChecklistItem) item = checklist_item (f, meeting, 0);

  /* White space only, a new date, a tick taken back, blank evidence. */
  rapport_meeting_set_notes (meeting, " \n\t \u00a0\n");
  rapport_meeting_set_date (meeting, "2026-03-10");
  g_assert_true (rapport_meeting_save (meeting, f->store, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_checklist_item_set_ticked (item, f->store, TRUE, &error));
  g_assert_true (rapport_checklist_item_set_ticked (item, f->store, FALSE, &error));
  g_assert_true (rapport_checklist_item_set_evidence (item, f->store, "  ", &error));
  g_assert_no_error (error);

  g_assert_true (discard (f, meeting));
  g_assert_cmpint (count (f, "SELECT count(*) FROM meetings WHERE id = %lld", meeting), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM checklist WHERE meeting_id = %lld", meeting), ==, 0);
  assert_aggregates_fresh (f);
}

typedef enum
{
  TOUCH_NOTES,
  TOUCH_MOOD,
  TOUCH_TICK,
  TOUCH_EVIDENCE,
  TOUCH_COMMITMENT,
  TOUCH_COMMITMENT_HIDDEN,
  TOUCH_CARRIED_CLOSED,
  TOUCH_TALKING_POINT,
  TOUCH_UNSAVED,
} Touch;

static void
test_touched_stays (Fixture      *f,
                    gconstpointer data)
{
  Touch touch = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMeeting) meeting = start (f, "2026-03-09");
  gint64 id = rapport_meeting_get_id (meeting);
  gint64 checklist_rows = count (f, "SELECT count(*) FROM checklist WHERE meeting_id = %lld", meeting);

  switch (touch)
    {
    case TOUCH_NOTES:
      rapport_meeting_set_notes (meeting, "  Talked about the move.");
      g_assert_true (rapport_meeting_save (meeting, f->store, &error));
      break;
    case TOUCH_MOOD:
      rapport_meeting_set_mood (meeting, 2);
      g_assert_true (rapport_meeting_save (meeting, f->store, &error));
      break;
    case TOUCH_TICK:
      {
        g_autoptr(RapportChecklistItem) item = checklist_item (f, meeting, 1);
        g_assert_true (rapport_checklist_item_set_ticked (item, f->store, TRUE, &error));
      }
      break;
    case TOUCH_EVIDENCE:
      {
        /* Evidence written without a tick is still something typed. */
        g_autoptr(RapportChecklistItem) item = checklist_item (f, meeting, 0);
        g_assert_true (rapport_checklist_item_set_evidence (item, f->store, "Asked about Q3", &error));
      }
      break;
    case TOUCH_COMMITMENT:
    case TOUCH_COMMITMENT_HIDDEN:
      {
        g_autoptr(RapportCommitment) c = rapport_commitment_create (f->store, id, "Send the plan",
                                                                     RAPPORT_COMMITMENT_OWNER_ME,
                                                                     NULL, &error);
        g_assert_no_error (error);
        /* Deleted with Undo still on offer: the Undo must still work. */
        if (touch == TOUCH_COMMITMENT_HIDDEN)
          g_assert_true (rapport_commitment_hide (f->store, rapport_commitment_get_id (c), TRUE, &error));
      }
      break;
    case TOUCH_CARRIED_CLOSED:
      /* Last week's promise, ticked off in this one. */
      {
        g_autoptr(RapportCommitment) c = NULL;

        c = rapport_commitment_load (f->store, f->carried, &error);
        g_assert_no_error (error);
        g_assert_true (rapport_commitment_close (c, f->store, "2026-03-09", &error));
      }
      break;
    case TOUCH_TALKING_POINT:
      {
        g_autoptr(RapportTalkingPoint) point = rapport_talking_point_add (f->store, f->ada, "Conference",
                                                                           RAPPORT_RAISED_BY_ME, 0,
                                                                           RAPPORT_RECUR_NONE, NULL, &error);
        g_assert_no_error (error);
        g_assert_true (rapport_talking_point_mark_discussed (point, f->store, id, &error));
      }
      break;
    case TOUCH_UNSAVED:
      /* Typed, the save still to come: only the object knows. */
      rapport_meeting_set_notes (meeting, "Half a sentence");
      break;
    default:
      g_assert_not_reached ();
    }
  g_assert_no_error (error);

  g_assert_false (discard (f, meeting));
  g_assert_cmpint (count (f, "SELECT count(*) FROM meetings WHERE id = %lld", meeting), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM checklist WHERE meeting_id = %lld", meeting), ==, checklist_rows);
  switch (touch)
    {
    case TOUCH_COMMITMENT:
    case TOUCH_COMMITMENT_HIDDEN:
      g_assert_cmpint (count (f, "SELECT count(*) FROM commitments WHERE meeting_id = %lld", meeting), ==, 1);
      break;
    case TOUCH_TALKING_POINT:
      g_assert_cmpint (count (f, "SELECT count(*) FROM talking_points WHERE discussed_in = %lld", meeting), ==, 1);
      break;
    case TOUCH_UNSAVED:
      /* And once saved, it is on disk. */
      g_assert_true (rapport_meeting_save (meeting, f->store, &error));
      g_assert_no_error (error);
      g_assert_cmpint (count (f, "SELECT count(*) FROM meetings WHERE id = %lld AND notes = 'Half a sentence'",
                              meeting),
                       ==, 1);
      break;
    default:
      break;
    }
}

/* This object saw an empty meeting, but another writer (a second window,
 * the command line) has put notes in it since: they are never lost. */
static void
test_other_writer_notes_stay (Fixture      *f,
                              gconstpointer data)
{
  g_autoptr(RapportMeeting) meeting = start (f, "2026-03-09");
  g_autoptr(RapportMeeting) mood_only = start (f, "2026-03-16");
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("UPDATE meetings SET notes = 'Typed in the other window' WHERE id = %lld",
                         (long long) rapport_meeting_get_id (meeting));
  test_core_sql (f->path, sql);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE meetings SET mood = 4 WHERE id = %lld",
                         (long long) rapport_meeting_get_id (mood_only));
  test_core_sql (f->path, sql);

  g_assert_cmpstr (rapport_meeting_get_notes (meeting), ==, "");
  g_assert_false (rapport_meeting_get_dirty (meeting));
  g_assert_false (discard (f, meeting));
  g_assert_false (discard (f, mood_only));
  g_assert_cmpint (count (f, "SELECT count(*) FROM meetings WHERE id = %lld"
                             " AND notes = 'Typed in the other window'",
                          meeting),
                   ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM checklist WHERE meeting_id = %lld", meeting), >, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM meetings WHERE id = %lld", mood_only), ==, 1);
}

/* Deleted with Undo on offer: the undo's, not ours. */
static void
test_hidden_stays (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMeeting) meeting = start (f, "2026-03-09");

  g_assert_true (rapport_meeting_hide (f->store, rapport_meeting_get_id (meeting), TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (discard (f, meeting));
  g_assert_cmpint (count (f, "SELECT count(*) FROM meetings WHERE id = %lld", meeting), ==, 1);
  g_assert_true (rapport_meeting_hide (f->store, rapport_meeting_get_id (meeting), FALSE, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  static const struct
  {
    const char *name;
    Touch       touch;
  } touches[] = {
    { "notes", TOUCH_NOTES },
    { "mood", TOUCH_MOOD },
    { "tick", TOUCH_TICK },
    { "evidence", TOUCH_EVIDENCE },
    { "commitment", TOUCH_COMMITMENT },
    { "commitment-hidden", TOUCH_COMMITMENT_HIDDEN },
    { "carried-commitment-closed", TOUCH_CARRIED_CLOSED },
    { "talking-point", TOUCH_TALKING_POINT },
    { "unsaved", TOUCH_UNSAVED },
  };

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/discard/untouched-goes", test_untouched_goes, NULL);
  ADD ("/discard/blank-goes", test_blank_goes, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (touches); i++)
    {
      g_autofree char *path = g_strdup_printf ("/discard/touched-stays/%s", touches[i].name);

      ADD (path, test_touched_stays, GINT_TO_POINTER (touches[i].touch));
    }
  ADD ("/discard/other-writer-notes-stay", test_other_writer_notes_stay, NULL);
  ADD ("/discard/hidden-stays", test_hidden_stays, NULL);
#undef ADD

  return g_test_run ();
}
