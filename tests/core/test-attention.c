/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Who needs attention: the score on fixed facts, its main reason in a
 * word or two, the decline alerts on fixed series, and the order of a
 * small team read from the store. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "rapport-alert.h"
#include "rapport-attention.h"
#include "rapport-brief.h"
#include "rapport-habit.h"
#include "rapport-missed-meeting.h"
#include "rapport-talking-point.h"
#include "test-core-util.h"

#define TODAY "2026-03-20"

typedef struct
{
  const char            *name;
  RapportAttentionFacts  facts;
  int                    score;
  RapportAttentionReason reason;
  const char            *text;
} ScoreCase;

static const ScoreCase score_cases[] = {
  { "nothing", { RAPPORT_DUE_NONE, 0, 7, TRUE }, 0, RAPPORT_ATTENTION_NOTHING, "" },
  /* 40 + 60 x 5 / 7 (whole points). */
  { "overdue", { RAPPORT_DUE_OVERDUE, 5, 7, TRUE }, 82, RAPPORT_ATTENTION_OVERDUE, "overdue 5 days" },
  { "overdue a day", { RAPPORT_DUE_OVERDUE, 1, 0, TRUE }, 100, RAPPORT_ATTENTION_OVERDUE, "overdue 1 day" },
  /* The growth stops at one cadence late. */
  { "long overdue", { RAPPORT_DUE_OVERDUE, 40, 7, TRUE }, 100, RAPPORT_ATTENTION_OVERDUE, "overdue 40 days" },
  { "monthly overdue", { RAPPORT_DUE_OVERDUE, 8, 30, TRUE }, 56, RAPPORT_ATTENTION_OVERDUE, "overdue 8 days" },
  { "due today", { RAPPORT_DUE_DUE, 0, 7, TRUE }, 20, RAPPORT_ATTENTION_DUE, "due today" },
  { "due", { RAPPORT_DUE_DUE, 1, 7, TRUE }, 20, RAPPORT_ATTENTION_DUE, "due" },
  { "no 1:1 yet", { RAPPORT_DUE_DUE, 9, 7, FALSE }, 20, RAPPORT_ATTENTION_DUE, "No 1:1 yet" },
  /* Promises late outweigh a due 1:1; at most three count. */
  { "promises", { RAPPORT_DUE_DUE, 0, 7, TRUE, 2 }, 70, RAPPORT_ATTENTION_PROMISES_LATE, "2 promises late" },
  { "one promise", { RAPPORT_DUE_NONE, 0, 7, TRUE, 1 }, 25, RAPPORT_ATTENTION_PROMISES_LATE, "1 promise late" },
  { "many promises", { RAPPORT_DUE_NONE, 0, 7, TRUE, 9 }, 75, RAPPORT_ATTENTION_PROMISES_LATE, "9 promises late" },
  { "mood", { RAPPORT_DUE_NONE, 0, 7, TRUE, 0, TRUE }, 30, RAPPORT_ATTENTION_MOOD_FALLING, "mood falling" },
  { "habit", { RAPPORT_DUE_NONE, 0, 7, TRUE, 0, FALSE, 1, "Listen" }, 15, RAPPORT_ATTENTION_HABIT_SLIPPING, "Listen slipping" },
  /* Two habit alerts at most: 30, as much as a falling mood, which comes
   * first on a tie. */
  { "habits and mood", { RAPPORT_DUE_NONE, 0, 7, TRUE, 0, TRUE, 3, "Listen" }, 60, RAPPORT_ATTENTION_MOOD_FALLING, "mood falling" },
  { "habits", { RAPPORT_DUE_NONE, 0, 7, TRUE, 0, FALSE, 3, "Listen" }, 30, RAPPORT_ATTENTION_HABIT_SLIPPING, "3 habits slipping" },
  { "neglected", { RAPPORT_DUE_NONE, 0, 7, TRUE, 0, FALSE, 0, NULL, 1, "Explain the why" }, 5, RAPPORT_ATTENTION_HABITS_NEGLECTED, "Explain the why neglected" },
  { "neglected many", { RAPPORT_DUE_NONE, 0, 7, TRUE, 0, FALSE, 0, NULL, 6, "Listen" }, 20, RAPPORT_ATTENTION_HABITS_NEGLECTED, "6 habits neglected" },
  { "topics", { RAPPORT_DUE_NONE, 0, 7, TRUE, 0, FALSE, 0, NULL, 0, NULL, 7 }, 15, RAPPORT_ATTENTION_TOPICS_WAITING, "7 talking points waiting" },
  /* Neglect ties with a due 1:1 (20 each): due comes first. */
  { "due and neglected", { RAPPORT_DUE_DUE, 0, 7, TRUE, 0, FALSE, 0, NULL, 4, "Listen" }, 40, RAPPORT_ATTENTION_DUE, "due today" },
  { "everything", { RAPPORT_DUE_OVERDUE, 3, 7, TRUE, 1, TRUE, 1, "Listen", 2, "Listen", 4 }, 157, RAPPORT_ATTENTION_OVERDUE, "overdue 3 days" },
};

static void
test_score (gconstpointer data)
{
  const ScoreCase       *c = data;
  RapportAttentionReason reason = RAPPORT_ATTENTION_TOPICS_WAITING + 1;
  g_autofree char       *text = NULL;

  g_assert_cmpint (rapport_attention_score_for (&c->facts, &reason), ==, c->score);
  g_assert_cmpint (reason, ==, c->reason);
  text = rapport_attention_reason_text (&c->facts, reason);
  g_assert_cmpstr (text, ==, c->text);
}

/* Moods, oldest first, and whether the rule raises an alert. */
typedef struct
{
  const char *name;
  int         moods[9];
  gsize       n;
  gboolean    alert;
  double      recent, earlier;
} MoodCase;

static const MoodCase mood_cases[] = {
  { "falling", { 3, 3, 4, 2, 2, 2 }, 6, TRUE, 2.0, 10.0 / 3 },
  /* Never on fewer than six. */
  { "five", { 4, 4, 2, 2, 2 }, 5, FALSE },
  { "none", { 0 }, 0, FALSE },
  /* Where the first-and-last arrows misled (docs/numbers.md): three low
   * meetings after a good one read steady, ... */
  { "low after one high", { 3, 2, 4, 2, 2, 2 }, 6, TRUE, 2.0, 3.0 },
  /* ... the last move up hides nothing, ... */
  { "last move up", { 5, 5, 5, 2, 2, 3 }, 6, TRUE, 7.0 / 3, 5.0 },
  /* ... and one low meeting among good ones is no decline. */
  { "one odd meeting", { 3, 5, 2, 4, 3, 4 }, 6, FALSE },
  { "by half a point only", { 4, 4, 4, 4, 3, 4 }, 6, FALSE },
  { "rising", { 1, 2, 1, 4, 4, 5 }, 6, FALSE },
  /* Only the last six count. */
  { "old lows", { 1, 1, 1, 4, 4, 4, 4, 4, 4 }, 9, FALSE },
  { "old highs", { 5, 5, 5, 4, 4, 4, 3, 3, 3 }, 9, TRUE, 3.0, 4.0 },
};

static void
test_mood_alert (gconstpointer data)
{
  const MoodCase *c = data;
  g_autoptr(RapportAlert) alert = rapport_alert_new_mood (7, c->moods, c->n);

  if (!c->alert)
    {
      g_assert_null (alert);
      return;
    }
  g_assert_nonnull (alert);
  g_assert_cmpint (rapport_alert_get_kind (alert), ==, RAPPORT_ALERT_MOOD_FALLING);
  g_assert_cmpint (rapport_alert_get_person_id (alert), ==, 7);
  g_assert_cmpfloat_with_epsilon (rapport_alert_get_recent (alert), c->recent, 1e-9);
  g_assert_cmpfloat_with_epsilon (rapport_alert_get_earlier (alert), c->earlier, 1e-9);
  g_assert_cmpstr (rapport_alert_get_short_text (alert), ==, "mood falling");
  g_assert_true (g_str_has_prefix (rapport_alert_get_text (alert), "Mood falling: the last 3 moods average "));
}

typedef struct
{
  const char *name;
  const char *ticked; /* oldest first, '1' ticked */
  const char *text;   /* NULL: no alert */
} HabitCase;

static const HabitCase habit_cases[] = {
  { "three then one", "111100", "Listen: ticked in 1 of the last 3 1:1s, 3 of the 3 before" },
  { "two then none", "110000", "Listen: ticked in 0 of the last 3 1:1s, 2 of the 3 before" },
  { "three then none", "111000", "Listen: ticked in 0 of the last 3 1:1s, 3 of the 3 before" },
  /* One meeting less is within the threshold. */
  { "two then one", "110100", NULL },
  { "three then two", "111011", NULL },
  { "never", "000000", NULL },
  { "five only", "11100", NULL },
  { "older ones do not count", "000111001", "Listen: ticked in 1 of the last 3 1:1s, 3 of the 3 before" },
  { "rising", "000111", NULL },
};

static void
test_habit_alert (gconstpointer data)
{
  const HabitCase *c = data;
  gboolean         ticked[16];
  gsize            n = strlen (c->ticked);
  g_autoptr(RapportAlert) alert = NULL;

  for (gsize i = 0; i < n; i++)
    ticked[i] = c->ticked[i] == '1';
  alert = rapport_alert_new_habit (7, 1, "Listen", ticked, n);
  if (c->text == NULL)
    {
      g_assert_null (alert);
      return;
    }
  g_assert_nonnull (alert);
  g_assert_cmpint (rapport_alert_get_kind (alert), ==, RAPPORT_ALERT_HABIT_FALLING);
  g_assert_cmpint (rapport_alert_get_habit_id (alert), ==, 1);
  g_assert_cmpstr (rapport_alert_get_habit_label (alert), ==, "Listen");
  g_assert_cmpstr (rapport_alert_get_text (alert), ==, c->text);
  g_assert_cmpstr (rapport_alert_get_short_text (alert), ==, "Listen slipping");
}

/* ---- a small team in the store ---- */

typedef TestCoreDb Fixture;

/* Every 7 days, the default. */
static gint64
person (Fixture    *f,
        const char *name)
{
  return test_core_insert_person_every (f->store, name, 7);
}

/* Six weekly meetings ending on @last, with @moods (or none) and the
 * checklist @specs (one per meeting, see test_core_insert_meeting()). */
static gint64
six_meetings (Fixture    *f,
              gint64      who,
              const char *last,
              const int  *moods,
              const char *specs)
{
  GDate  day;
  int    y, m, d;
  gint64 meeting = 0;

  sscanf (last, "%4d-%2d-%2d", &y, &m, &d);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, d, m, y);
  g_date_subtract_days (&day, 35);
  for (guint i = 0; i < 6; i++, g_date_add_days (&day, 7))
    {
      char date[11];
      char spec[2] = { specs != NULL ? specs[i] : '\0', '\0' };

      g_snprintf (date, sizeof date, "%04d-%02d-%02d", g_date_get_year (&day),
                  g_date_get_month (&day), g_date_get_day (&day));
      meeting = test_core_insert_meeting (f->store, who, date, moods != NULL ? moods[i] : 0, spec, FALSE);
    }
  return meeting;
}

static void
test_team (Fixture      *f,
           gconstpointer data)
{
  static const int falling[] = { 4, 4, 4, 2, 2, 2 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) all = NULL;
  g_autoptr(RapportAttention) one = NULL;
  g_autoptr(RapportTalkingPoint) t1 = NULL;
  g_autoptr(RapportTalkingPoint) t2 = NULL;
  g_autoptr(GString) order = g_string_new (NULL);
  gint64 ada = person (f, "Ada"), bo = person (f, "Bo"), cy = person (f, "Cy"), di = person (f, "Di");
  gint64 eve = person (f, "eve"), fay = person (f, "Fay"), gus = person (f, "Gus");
  gint64 meeting;

  /* Ada: last 1:1 twelve days ago, weekly: 5 days late. */
  test_core_insert_meeting (f->store, ada, "2026-03-08", 0, "", FALSE);
  /* Bo: two of my promises late, one of theirs, one of mine not yet. */
  meeting = test_core_insert_meeting (f->store, bo, "2026-03-18", 0, "", FALSE);
  test_core_insert_commitment (f->store, bo, meeting, "me", "2026-03-19", NULL);
  test_core_insert_commitment (f->store, bo, meeting, "me", "2026-03-01", NULL);
  test_core_insert_commitment (f->store, bo, meeting, "them", "2026-03-01", NULL);
  test_core_insert_commitment (f->store, bo, meeting, "me", "2026-03-20", NULL);
  test_core_insert_commitment (f->store, bo, meeting, "me", "2026-03-01", "2026-03-02");
  /* Cy: moods 4 4 4 then 2 2 2. */
  six_meetings (f, cy, "2026-03-19", falling, NULL);
  /* Di: Listen (habit 1) ticked in three 1:1s, then in none. */
  six_meetings (f, di, "2026-03-18", NULL, "111000");
  /* eve: two topics waiting. */
  test_core_insert_meeting (f->store, eve, "2026-03-18", 0, "", FALSE);
  t1 = rapport_talking_point_add (f->store, eve, "Conference", RAPPORT_RAISED_BY_THEM, 0, RAPPORT_RECUR_NONE, NULL, &error);
  t2 = rapport_talking_point_add (f->store, eve, "Budget", RAPPORT_RAISED_BY_ME, 0, RAPPORT_RECUR_NONE, NULL, &error);
  g_assert_no_error (error);
  /* Fay: archived, long overdue. Gus: nothing. */
  test_core_insert_meeting (f->store, fay, "2025-03-08", 0, "", FALSE);
  test_core_exec (f->store, "UPDATE people SET archived = 1 WHERE name = 'Fay'");
  test_core_insert_meeting (f->store, gus, "2026-03-19", 0, "", FALSE);

  all = rapport_attention_load_all (f->store, TODAY, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(RapportAttention) item = g_list_model_get_item (G_LIST_MODEL (all), i);

      g_string_append_printf (order, "%s %d %s|", rapport_attention_get_name (item),
                              rapport_attention_get_score (item), rapport_attention_get_reason_text (item));
    }
  /* Di: a slipping habit (15) and the same habit neglected in the last
   * three (5). Names in the people list's order, case aside. */
  g_assert_cmpstr (order->str, ==,
                   "Ada 82 overdue 5 days|Bo 50 2 promises late|Cy 30 mood falling|"
                   "Di 20 Listen slipping|eve 6 2 talking points waiting|Gus 0 |Fay 0 |");

  one = rapport_attention_load (f->store, di, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_attention_get_score (one), ==, 20);
  g_assert_cmpuint (rapport_attention_get_facts (one)->n_neglected, ==, 1);
  g_assert_cmpstr (rapport_attention_get_facts (one)->neglected_habit, ==, "Listen");
  g_assert_cmpuint (g_list_model_get_n_items (rapport_attention_get_alerts (one)), ==, 1);
  g_clear_object (&one);

  one = rapport_attention_load (f->store, ada, TODAY, &error);
  g_assert_cmpint (rapport_attention_get_due_state (one), ==, RAPPORT_DUE_OVERDUE);
  g_assert_cmpstr (rapport_attention_get_cadence (one)->due_date, ==, "2026-03-15");
  g_clear_object (&one);

  /* An archived habit raises nothing; a hidden meeting is not read. */
  test_core_exec (f->store, "UPDATE habits SET active = 0 WHERE id = 1");
  one = rapport_attention_load (f->store, di, TODAY, &error);
  g_assert_cmpint (rapport_attention_get_score (one), ==, 0);
  g_clear_object (&one);
  test_core_exec (f->store, "UPDATE meetings SET deleted = 1 WHERE person_id = (SELECT id FROM people WHERE name = 'Cy')"
                            " AND date = '2026-03-19'");
  one = rapport_attention_load (f->store, cy, TODAY, &error);
  g_assert_false (rapport_attention_get_facts (one)->mood_falling);
  g_assert_cmpuint (g_list_model_get_n_items (rapport_attention_get_alerts (one)), ==, 0);
  g_clear_object (&one);
  /* Nor are the promises made in a hidden meeting, for one or for all. */
  one = rapport_attention_load (f->store, bo, TODAY, &error);
  g_assert_cmpuint (rapport_attention_get_facts (one)->n_promises_late, ==, 2);
  g_clear_object (&one);
  test_core_exec (f->store, "UPDATE meetings SET deleted = 1 WHERE person_id = (SELECT id FROM people WHERE name = 'Bo')");
  one = rapport_attention_load (f->store, bo, TODAY, &error);
  g_assert_cmpuint (rapport_attention_get_facts (one)->n_promises_late, ==, 0);
  g_clear_object (&one);
  g_clear_object (&all);
  all = rapport_attention_load_all (f->store, TODAY, &error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(RapportAttention) item = g_list_model_get_item (G_LIST_MODEL (all), i);

      g_assert_cmpuint (rapport_attention_get_facts (item)->n_promises_late, ==, 0);
    }

  one = rapport_attention_load (f->store, 999, TODAY, &error);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_assert_null (one);
  g_clear_error (&error);
  g_assert_null (rapport_attention_load_all (f->store, "tomorrow", &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
}

/* Neglect as the brief counts it: only in each of the last three
 * meetings, and a meeting with an empty checklist breaks the run. */
static void
test_neglected (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportAttention) one = NULL;
  gint64 ada = person (f, "Ada");

  test_core_insert_meeting (f->store, ada, "2026-03-01", 0, "00", FALSE);
  test_core_insert_meeting (f->store, ada, "2026-03-08", 0, "01", FALSE);
  one = rapport_attention_load (f->store, ada, "2026-03-09", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_attention_get_facts (one)->n_neglected, ==, 0);
  g_clear_object (&one);

  test_core_insert_meeting (f->store, ada, "2026-03-15", 0, "00", FALSE);
  one = rapport_attention_load (f->store, ada, "2026-03-16", &error);
  g_assert_cmpuint (rapport_attention_get_facts (one)->n_neglected, ==, 1);
  g_assert_cmpstr (rapport_attention_get_reason_text (one), ==, "Listen neglected");
  g_clear_object (&one);

  test_core_insert_meeting (f->store, ada, "2026-03-16", 0, "", FALSE);
  one = rapport_attention_load (f->store, ada, "2026-03-16", &error);
  g_assert_cmpuint (rapport_attention_get_facts (one)->n_neglected, ==, 0);
}

/* Neglect is the brief's: on the checklist of each of the last 3 1:1s
 * and ticked in none, whatever older 1:1s had (a gap before an older
 * 1:1 with the habit once hid it). */
static void
test_neglected_gap (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportAttention) one = NULL;
  g_autoptr(RapportPerson) ada_person = NULL;
  g_autoptr(RapportBrief) brief = NULL;
  gint64      ada = person (f, "Ada");
  GListModel *neglected;

  test_core_insert_meeting (f->store, ada, "2026-02-08", 0, "1", FALSE);
  test_core_insert_meeting (f->store, ada, "2026-02-15", 0, "-1", FALSE);
  test_core_insert_meeting (f->store, ada, "2026-03-01", 0, "0", FALSE);
  test_core_insert_meeting (f->store, ada, "2026-03-08", 0, "0", FALSE);
  test_core_insert_meeting (f->store, ada, "2026-03-15", 0, "0", FALSE);

  ada_person = rapport_person_load (f->store, ada, &error);
  g_assert_no_error (error);
  brief = rapport_brief_load (f->store, ada_person, "2026-03-16", 0, &error);
  g_assert_no_error (error);
  neglected = rapport_brief_get_neglected_habits (brief);
  g_assert_cmpuint (g_list_model_get_n_items (neglected), ==, 1);

  one = rapport_attention_load (f->store, ada, "2026-03-16", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_attention_get_facts (one)->n_neglected, ==, 1);
  g_assert_cmpstr (rapport_attention_get_facts (one)->neglected_habit, ==, "Listen");
}

/* ---- the reading against a plain one, on random teams ---- */

#define REF_MEETINGS RAPPORT_ATTENTION_HABIT_MEETINGS
#define REF_HABITS 12

/* What the rules of rapport-attention.h and rapport-alert.h give for one
 * person, read the plain way: the last moods by themselves, the last
 * REF_MEETINGS 1:1s with their checklists sorted as the brief has them. */
typedef struct
{
  gboolean   mood_falling;
  guint      n_habit_alerts;
  char      *slipping;
  guint      n_neglected;
  char      *neglected;
  GPtrArray *alerts; /* RapportAlert */
} Reference;

static void
reference_clear (Reference *ref)
{
  g_clear_pointer (&ref->slipping, g_free);
  g_clear_pointer (&ref->neglected, g_free);
  g_clear_pointer (&ref->alerts, g_ptr_array_unref);
  memset (ref, 0, sizeof *ref);
}

static sqlite3_stmt *
reference_query (Fixture    *f,
                 const char *sql,
                 gint64      who,
                 const char *today)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (rapport_store_get_handle (f->store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_bind_parameter_count (stmt) == 2)
    {
      sqlite3_bind_int64 (stmt, 1, who);
      sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
    }
  return stmt;
}

static void
reference_read (Fixture    *f,
                gint64      who,
                const char *today,
                Reference  *ref)
{
  int           newest_first[RAPPORT_TREND_READINGS], moods[RAPPORT_TREND_READINGS];
  gboolean      ticked[REF_HABITS][REF_MEETINGS];
  guint         present[REF_HABITS][REF_MEETINGS]; /* the meetings that had it, newest first */
  guint         n[REF_HABITS] = { 0 };
  guint         n_moods = 0, n_meetings = 0;
  gint64        meeting = 0;
  sqlite3_stmt *stmt;
  g_autoptr(RapportAlert) mood = NULL;

  ref->alerts = g_ptr_array_new_with_free_func (g_object_unref);
  stmt = reference_query (f,
                          "SELECT mood FROM meetings WHERE person_id = ?1 AND deleted = 0"
                          " AND date <= ?2 AND mood IS NOT NULL ORDER BY date DESC, id DESC LIMIT 6",
                          who, today);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    newest_first[n_moods++] = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  for (guint i = 0; i < n_moods; i++)
    moods[i] = newest_first[n_moods - 1 - i];
  mood = rapport_alert_new_mood (who, moods, n_moods);
  if (mood != NULL)
    {
      ref->mood_falling = TRUE;
      g_ptr_array_add (ref->alerts, g_steal_pointer (&mood));
    }

  stmt = reference_query (f,
                          "WITH last AS MATERIALIZED (SELECT id, date FROM meetings"
                          " WHERE person_id = ?1 AND deleted = 0 AND date <= ?2"
                          " ORDER BY date DESC, id DESC LIMIT " G_STRINGIFY (REF_MEETINGS) ")"
                                                                                           " SELECT last.id, c.habit_id, c.ticked FROM last"
                                                                                           " LEFT JOIN checklist c ON c.meeting_id = last.id"
                                                                                           " ORDER BY last.date DESC, last.id DESC",
                          who, today);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 habit = sqlite3_column_int64 (stmt, 1);

      if (sqlite3_column_int64 (stmt, 0) != meeting)
        {
          meeting = sqlite3_column_int64 (stmt, 0);
          n_meetings++;
        }
      if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
        continue;
      g_assert_cmpint (habit, >, 0);
      g_assert_cmpint (habit, <, REF_HABITS);
      ticked[habit][n[habit]] = sqlite3_column_int (stmt, 2) != 0;
      present[habit][n[habit]] = n_meetings - 1;
      n[habit]++;
    }
  sqlite3_finalize (stmt);

  for (gint64 habit = 1; habit < REF_HABITS; habit++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT key, label, active FROM habits WHERE id = %" G_GINT64_FORMAT, habit);
      g_autofree char *label = NULL;
      gboolean         oldest_first[RAPPORT_TREND_READINGS];
      guint            k = MIN (n[habit], (guint) RAPPORT_TREND_READINGS);
      gboolean         active, in_last = n_meetings >= RAPPORT_BRIEF_DEFAULT_NEGLECT_WINDOW;
      RapportAlert    *alert;

      stmt = reference_query (f, sql, 0, today);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      label = g_strdup (rapport_habit_display_label ((const char *) sqlite3_column_text (stmt, 0),
                                                     (const char *) sqlite3_column_text (stmt, 1)));
      active = sqlite3_column_int (stmt, 2) != 0;
      sqlite3_finalize (stmt);
      if (!active)
        continue;

      for (guint i = 0; i < k; i++)
        oldest_first[i] = ticked[habit][k - 1 - i];
      alert = rapport_alert_new_habit (who, habit, label, oldest_first, k);
      if (alert != NULL)
        {
          if (ref->slipping == NULL)
            ref->slipping = g_strdup (label);
          ref->n_habit_alerts++;
          g_ptr_array_add (ref->alerts, alert);
        }
      for (guint i = 0; i < RAPPORT_BRIEF_DEFAULT_NEGLECT_WINDOW && in_last; i++)
        in_last = i < n[habit] && present[habit][i] == i && !ticked[habit][i];
      if (in_last)
        {
          if (ref->neglected == NULL)
            ref->neglected = g_strdup (label);
          ref->n_neglected++;
        }
    }
}

static void
assert_matches_reference (Fixture          *f,
                          RapportAttention *item,
                          const char       *today)
{
  const RapportAttentionFacts *facts = rapport_attention_get_facts (item);
  gint64                       who = rapport_attention_get_person_id (item);
  GListModel                  *alerts = rapport_attention_get_alerts (item);
  g_autoptr(GError) error = NULL;
  RapportCadenceStatus status;
  Reference            ref = { 0 };

  /* The due state as one person's is read. */
  g_assert_true (rapport_cadence_status_load (f->store, who, today, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (rapport_attention_get_cadence (item), sizeof status, &status, sizeof status);
  if (rapport_attention_get_archived (item))
    {
      g_assert_cmpint (rapport_attention_get_score (item), ==, 0);
      return;
    }

  reference_read (f, who, today, &ref);
  g_assert_cmpint (facts->mood_falling, ==, ref.mood_falling);
  g_assert_cmpuint (facts->n_habit_alerts, ==, ref.n_habit_alerts);
  g_assert_cmpstr (facts->slipping_habit, ==, ref.slipping);
  g_assert_cmpuint (facts->n_neglected, ==, ref.n_neglected);
  g_assert_cmpstr (facts->neglected_habit, ==, ref.neglected);
  g_assert_cmpuint (g_list_model_get_n_items (alerts), ==, ref.alerts->len);
  for (guint i = 0; i < ref.alerts->len; i++)
    {
      g_autoptr(RapportAlert) alert = g_list_model_get_item (alerts, i);
      RapportAlert *expected = g_ptr_array_index (ref.alerts, i);

      g_assert_cmpint (rapport_alert_get_kind (alert), ==, rapport_alert_get_kind (expected));
      g_assert_cmpint (rapport_alert_get_habit_id (alert), ==, rapport_alert_get_habit_id (expected));
      g_assert_cmpstr (rapport_alert_get_text (alert), ==, rapport_alert_get_text (expected));
    }
  reference_clear (&ref);
}

/* A team of people with random 1:1s: several on a day, moods often or
 * seldom recorded, habits always or sometimes on the checklist, hidden
 * and future 1:1s, skips, moves and next dates set by hand. Who needs
 * attention, read for the team (stopping early, one query a person) and
 * for one, must say what the plain reading says. */
static void
test_matches_reference (Fixture      *f,
                        gconstpointer data)
{
  static const char *const today = "2026-03-20";
  static const char *const habits = "0123456789a";
  static const char *const ties_days[] = { "2026-02-23", "2026-02-28", "2026-03-05", "2026-03-10", "2026-03-15" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) all = NULL;
  gint64 sparse, ties;
  GDate  now;

  g_date_clear (&now, 1);
  g_date_set_dmy (&now, 20, 3, 2026);
  /* More active habits than the three of the seed. */
  test_core_exec (f->store, "UPDATE habits SET active = 1 WHERE id IN (5, 9)");
  g_assert_true (rapport_store_begin (f->store, &error));
  for (guint p = 0; p < 40; p++)
    {
      g_autofree char *name = g_strdup_printf ("P%02u", p);
      gint64           who = test_core_insert_person_every (f->store, name, g_test_rand_int_range (1, 4) * 7);
      int              n_meetings = g_test_rand_int_range (0, 3) == 0 ? g_test_rand_int_range (0, 8)
                                                                      : g_test_rand_int_range (8, 60);
      int              spread = g_test_rand_int_range (0, 2) == 0 ? 30 : 400;
      int              mood_chance = (int[]){ 5, 50, 95 }[g_test_rand_int_range (0, 3)];
      int              habit_chance = g_test_rand_int_range (0, 2) == 0 ? 100 : 60;

      for (int m = 0; m < n_meetings; m++)
        {
          GDate day = now;
          char  date[11];
          char  spec[12] = { 0 };

          g_date_subtract_days (&day, g_test_rand_int_range (0, spread));
          if (g_test_rand_int_range (0, 20) == 0)
            g_date_add_days (&day, 40);
          g_snprintf (date, sizeof date, "%04d-%02d-%02d", g_date_get_year (&day),
                      g_date_get_month (&day), g_date_get_day (&day));
          for (guint h = 0; h < strlen (habits); h++)
            spec[h] = g_test_rand_int_range (0, 100) >= habit_chance ? '-'
                      : g_test_rand_int_range (0, 3) == 0            ? '1'
                                                                     : '0';
          test_core_insert_meeting (f->store, who, date,
                                    g_test_rand_int_range (0, 100) < mood_chance ? g_test_rand_int_range (1, 6) : 0,
                                    spec, g_test_rand_int_range (0, 10) == 0);
        }
      for (int k = g_test_rand_int_range (0, 3); k > 0; k--)
        {
          g_autoptr(RapportMissedMeeting) missed = NULL;
          GDate day = now;
          char  date[11], moved_to[11];
          int   kind = g_test_rand_int_range (0, 3);

          g_date_subtract_days (&day, g_test_rand_int_range (0, 60));
          g_snprintf (date, sizeof date, "%04d-%02d-%02d", g_date_get_year (&day),
                      g_date_get_month (&day), g_date_get_day (&day));
          g_date_add_days (&day, 10);
          g_snprintf (moved_to, sizeof moved_to, "%04d-%02d-%02d", g_date_get_year (&day),
                      g_date_get_month (&day), g_date_get_day (&day));
          missed = rapport_missed_meeting_record (f->store, who, date,
                                                  kind == 2 ? RAPPORT_MISSED_MOVED : RAPPORT_MISSED_SKIPPED,
                                                  kind == 0 ? RAPPORT_MISSED_REASON_LEAVE : RAPPORT_MISSED_REASON_OTHER,
                                                  NULL, kind == 2 ? moved_to : NULL, &error);
          g_assert_no_error (error);
        }
      if (g_test_rand_int_range (0, 8) == 0)
        g_assert_true (rapport_cadence_set_next_date (f->store, who, "2026-03-25", &error));
      if (g_test_rand_int_range (0, 8) == 0)
        {
          g_autofree char *sql = g_strdup_printf ("UPDATE people SET archived = 1 WHERE id = %" G_GINT64_FORMAT, who);
          test_core_exec (f->store, sql);
        }
    }
  /* Moods only in older 1:1s than the runs read: falling all the same. */
  sparse = test_core_insert_person_every (f->store, "Sparse", 7);
  for (int m = 0; m < 30; m++)
    {
      GDate day = now;
      char  date[11];

      g_date_subtract_days (&day, 7 * (30 - m));
      g_snprintf (date, sizeof date, "%04d-%02d-%02d", g_date_get_year (&day),
                  g_date_get_month (&day), g_date_get_day (&day));
      test_core_insert_meeting (f->store, sparse, date, m < 6 ? (m < 3 ? 4 : 2) : 0, "111", FALSE);
    }
  /* Two 1:1s on the sixth day back: the later one (mood 3) is among the
   * last six, not the one with the higher mood (5), which would make the
   * mood fall. */
  ties = test_core_insert_person_every (f->store, "Ties", 7);
  test_core_insert_meeting (f->store, ties, "2026-02-18", 5, "1", FALSE);
  test_core_insert_meeting (f->store, ties, "2026-02-18", 3, "0", FALSE);
  for (guint d = 0; d < G_N_ELEMENTS (ties_days); d++)
    test_core_insert_meeting (f->store, ties, ties_days[d], 3, "1", FALSE);
  g_assert_true (rapport_store_commit (f->store, &error));
  {
    Reference ref = { 0 };

    reference_read (f, sparse, today, &ref);
    g_assert_true (ref.mood_falling);
    reference_clear (&ref);
    reference_read (f, ties, today, &ref);
    g_assert_false (ref.mood_falling);
    reference_clear (&ref);
  }

  all = rapport_attention_load_all (f->store, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 42);
  for (guint i = 0; i < 42; i++)
    {
      g_autoptr(RapportAttention) item = g_list_model_get_item (G_LIST_MODEL (all), i);
      g_autoptr(RapportAttention) one = rapport_attention_load (f->store, rapport_attention_get_person_id (item),
                                                                 today, &error);

      g_assert_no_error (error);
      assert_matches_reference (f, item, today);
      assert_matches_reference (f, one, today);
      g_assert_cmpint (rapport_attention_get_score (one), ==, rapport_attention_get_score (item));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (score_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/attention/score/%s", score_cases[i].name);
      g_strdelimit (path + strlen ("/attention/score/"), " :", '-');
      g_test_add_data_func (path, &score_cases[i], test_score);
    }
  for (guint i = 0; i < G_N_ELEMENTS (mood_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/attention/mood-alert/%s", mood_cases[i].name);
      g_strdelimit (path + strlen ("/attention/mood-alert/"), " ", '-');
      g_test_add_data_func (path, &mood_cases[i], test_mood_alert);
    }
  for (guint i = 0; i < G_N_ELEMENTS (habit_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/attention/habit-alert/%s", habit_cases[i].name);
      g_strdelimit (path + strlen ("/attention/habit-alert/"), " ", '-');
      g_test_add_data_func (path, &habit_cases[i], test_habit_alert);
    }
#define ADD(name, func) \
  g_test_add ("/attention/" name, Fixture, NULL, test_core_db_fixture_set_up, func, test_core_db_fixture_tear_down)
  ADD ("team", test_team);
  ADD ("neglected", test_neglected);
  ADD ("neglected-gap", test_neglected_gap);
  ADD ("matches-reference", test_matches_reference);
#undef ADD

  return g_test_run ();
}
