/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-attention"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-alert.h"
#include "rapport-attention.h"
#include "rapport-habit.h"
#include "rapport-meeting.h"
#include "rapport-talking-point.h"
#include "rapport-this-week-private.h"

struct _RapportAttention
{
  GObject                parent_instance;

  gint64                 person_id;
  char                  *name;
  char                  *sort_key;
  gboolean               archived;
  int                    score;
  RapportAttentionReason reason;
  char                  *reason_text;
  RapportAttentionFacts  facts;
  char                  *slipping_habit;
  char                  *neglected_habit;
  RapportCadenceStatus   cadence;
  GListStore            *alerts;
};

G_DEFINE_FINAL_TYPE (RapportAttention, rapport_attention, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PERSON_ID,
  PROP_NAME,
  PROP_SCORE,
  PROP_REASON,
  PROP_REASON_TEXT,
  PROP_DUE_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_attention_finalize (GObject *object)
{
  RapportAttention *self = RAPPORT_ATTENTION (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->sort_key, g_free);
  g_clear_pointer (&self->reason_text, g_free);
  g_clear_pointer (&self->slipping_habit, g_free);
  g_clear_pointer (&self->neglected_habit, g_free);
  g_clear_object (&self->alerts);

  G_OBJECT_CLASS (rapport_attention_parent_class)->finalize (object);
}

static void
rapport_attention_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RapportAttention *self = RAPPORT_ATTENTION (object);

  switch (prop_id)
    {
    case PROP_PERSON_ID: g_value_set_int64 (value, self->person_id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_SCORE: g_value_set_int (value, self->score); break;
    case PROP_REASON: g_value_set_enum (value, self->reason); break;
    case PROP_REASON_TEXT: g_value_set_string (value, self->reason_text); break;
    case PROP_DUE_STATE: g_value_set_enum (value, self->cadence.state); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_attention_class_init (RapportAttentionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_attention_finalize;
  object_class->get_property = rapport_attention_get_property;

  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCORE] =
    g_param_spec_int ("score", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON] =
    g_param_spec_enum ("reason", NULL, NULL, RAPPORT_TYPE_ATTENTION_REASON, RAPPORT_ATTENTION_NOTHING,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON_TEXT] =
    g_param_spec_string ("reason-text", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUE_STATE] =
    g_param_spec_enum ("due-state", NULL, NULL, RAPPORT_TYPE_DUE_STATE, RAPPORT_DUE_NONE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_attention_init (RapportAttention *self)
{
  self->alerts = g_list_store_new (RAPPORT_TYPE_ALERT);
  self->reason_text = g_strdup ("");
}

gint64
rapport_attention_get_person_id (RapportAttention *self)
{
  g_return_val_if_fail (RAPPORT_IS_ATTENTION (self), 0);
  return self->person_id;
}
const char *
rapport_attention_get_name (RapportAttention *self)
{
  g_return_val_if_fail (RAPPORT_IS_ATTENTION (self), NULL);
  return self->name;
}
gboolean
rapport_attention_get_archived (RapportAttention *self)
{
  g_return_val_if_fail (RAPPORT_IS_ATTENTION (self), FALSE);
  return self->archived;
}
int
rapport_attention_get_score (RapportAttention *self)
{
  g_return_val_if_fail (RAPPORT_IS_ATTENTION (self), 0);
  return self->score;
}
RapportAttentionReason
rapport_attention_get_reason (RapportAttention *self)
{
  g_return_val_if_fail (RAPPORT_IS_ATTENTION (self), 0);
  return self->reason;
}
const char *
rapport_attention_get_reason_text (RapportAttention *self)
{
  g_return_val_if_fail (RAPPORT_IS_ATTENTION (self), NULL);
  return self->reason_text;
}
const RapportAttentionFacts *
rapport_attention_get_facts (RapportAttention *self)
{
  g_return_val_if_fail (RAPPORT_IS_ATTENTION (self), NULL);
  return &self->facts;
}
const RapportCadenceStatus *
rapport_attention_get_cadence (RapportAttention *self)
{
  g_return_val_if_fail (RAPPORT_IS_ATTENTION (self), NULL);
  return &self->cadence;
}
RapportDueState
rapport_attention_get_due_state (RapportAttention *self)
{
  g_return_val_if_fail (RAPPORT_IS_ATTENTION (self), RAPPORT_DUE_NONE);
  return self->cadence.state;
}
GListModel *
rapport_attention_get_alerts (RapportAttention *self)
{
  g_return_val_if_fail (RAPPORT_IS_ATTENTION (self), NULL);
  return G_LIST_MODEL (self->alerts);
}

int
rapport_attention_score_for (const RapportAttentionFacts *facts,
                             RapportAttentionReason      *reason)
{
  int                    points[RAPPORT_ATTENTION_TOPICS_WAITING + 1] = { 0 };
  RapportAttentionReason best = RAPPORT_ATTENTION_NOTHING;
  int                    total = 0;

  g_return_val_if_fail (facts != NULL, 0);

  if (facts->due_state == RAPPORT_DUE_OVERDUE)
    {
      int cadence = MAX (facts->cadence_days, 1);

      points[RAPPORT_ATTENTION_OVERDUE] = RAPPORT_ATTENTION_POINTS_OVERDUE +
                                          RAPPORT_ATTENTION_POINTS_OVERDUE_GROWTH * MIN (MAX (facts->days_late, 0), cadence) / cadence;
    }
  else if (facts->due_state == RAPPORT_DUE_DUE)
    points[RAPPORT_ATTENTION_DUE] = RAPPORT_ATTENTION_POINTS_DUE;
  points[RAPPORT_ATTENTION_PROMISES_LATE] =
    RAPPORT_ATTENTION_POINTS_PROMISE * MIN (facts->n_promises_late, RAPPORT_ATTENTION_MAX_PROMISES);
  points[RAPPORT_ATTENTION_MOOD_FALLING] = facts->mood_falling ? RAPPORT_ATTENTION_POINTS_MOOD : 0;
  points[RAPPORT_ATTENTION_HABIT_SLIPPING] =
    RAPPORT_ATTENTION_POINTS_HABIT_ALERT * MIN (facts->n_habit_alerts, RAPPORT_ATTENTION_MAX_HABIT_ALERTS);
  points[RAPPORT_ATTENTION_HABITS_NEGLECTED] =
    RAPPORT_ATTENTION_POINTS_NEGLECTED * MIN (facts->n_neglected, RAPPORT_ATTENTION_MAX_NEGLECTED);
  points[RAPPORT_ATTENTION_TOPICS_WAITING] =
    RAPPORT_ATTENTION_POINTS_TOPIC * MIN (facts->n_topics, RAPPORT_ATTENTION_MAX_TOPICS);

  for (guint r = RAPPORT_ATTENTION_OVERDUE; r < G_N_ELEMENTS (points); r++)
    {
      total += points[r];
      if (points[r] > points[best])
        best = r;
    }
  if (reason != NULL)
    *reason = best;
  return total;
}

char *
rapport_attention_reason_text (const RapportAttentionFacts *facts,
                               RapportAttentionReason       reason)
{
  g_return_val_if_fail (facts != NULL, NULL);

  switch (reason)
    {
    case RAPPORT_ATTENTION_OVERDUE:
      /* Translators: why a person needs attention: their 1:1 is this
       * many days late. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "overdue %d day", "overdue %d days",
                                           facts->days_late),
                              facts->days_late);
    case RAPPORT_ATTENTION_PROMISES_LATE:
      /* Translators: why a person needs attention: commitments of mine
       * to them past their due date. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u promise late", "%u promises late",
                                           facts->n_promises_late),
                              facts->n_promises_late);
    case RAPPORT_ATTENTION_MOOD_FALLING:
      /* Translators: why a person needs attention. */
      return g_strdup (_("mood falling"));
    case RAPPORT_ATTENTION_HABIT_SLIPPING:
      if (facts->n_habit_alerts == 1 && facts->slipping_habit != NULL)
        /* Translators: why a person needs attention: a habit's name,
         * practised less and less with them. */
        return g_strdup_printf (_("%s slipping"), facts->slipping_habit);
      /* Translators: why a person needs attention. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u habit slipping", "%u habits slipping",
                                           facts->n_habit_alerts),
                              facts->n_habit_alerts);
    case RAPPORT_ATTENTION_DUE:
      if (!facts->met)
        /* Translators: why a person needs attention: the first 1:1 with
         * them is still to come. */
        return g_strdup (_("No 1:1 yet"));
      if (facts->days_late == 0)
        /* Translators: why a person needs attention. */
        return g_strdup (_("due today"));
      /* Translators: why a person needs attention: the 1:1 is due (in
       * its grace days). */
      return g_strdup (_("due"));
    case RAPPORT_ATTENTION_HABITS_NEGLECTED:
      if (facts->n_neglected == 1 && facts->neglected_habit != NULL)
        /* Translators: why a person needs attention: a habit's name, not
         * practised with them lately. */
        return g_strdup_printf (_("%s neglected"), facts->neglected_habit);
      /* Translators: why a person needs attention. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u habit neglected", "%u habits neglected",
                                           facts->n_neglected),
                              facts->n_neglected);
    case RAPPORT_ATTENTION_TOPICS_WAITING:
      /* Translators: why a person needs attention: talking points waiting
       * for the next 1:1. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u talking point waiting", "%u talking points waiting",
                                           facts->n_topics),
                              facts->n_topics);
    case RAPPORT_ATTENTION_NOTHING:
    default:
      return g_strdup ("");
    }
}

int
rapport_attention_compare (gconstpointer a,
                           gconstpointer b,
                           gpointer      unused)
{
  RapportAttention *x = RAPPORT_ATTENTION ((gpointer) a);
  RapportAttention *y = RAPPORT_ATTENTION ((gpointer) b);
  int               cmp;

  if (x->archived != y->archived)
    return x->archived ? 1 : -1;
  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  if (x->cadence.days_late != y->cadence.days_late)
    return x->cadence.days_late > y->cadence.days_late ? -1 : 1;
  cmp = strcmp (x->sort_key, y->sort_key);
  if (cmp != 0)
    return cmp;
  return x->person_id < y->person_id ? -1 : x->person_id > y->person_id;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  return rapport_attention_compare (*(gconstpointer *) a, *(gconstpointer *) b, NULL);
}

/* ------------------------------------------------------------------ *
 * Reading the facts
 * ------------------------------------------------------------------ */

/* My open commitments past their due date, per person, as the brief
 * counts them (open, not hidden, their meeting not hidden). Through
 * people and the (person_id, deleted, closed_on) index. The hidden
 * meetings are few and come from an index: looking up each commitment's
 * meeting row instead read a page of notes per open commitment (8 MB of
 * page cache at start-up with a decade of data). */
const char rapport_attention_promises_sql[] =
  "SELECT p.id, count(*) FROM people p CROSS JOIN commitments c"
  " WHERE (?2 = 0 OR p.id = ?2) AND c.person_id = p.id AND c.deleted = 0"
  " AND c.closed_on IS NULL AND c.owner = 'me' AND c.due < ?1"
  " AND c.meeting_id NOT IN (SELECT id FROM meetings WHERE deleted = 1)"
  " GROUP BY p.id";

/* The person's 1:1s up to today, newest first, each with its mood and
 * checklist (a meeting with none still gives a row): backwards through
 * the (person_id, deleted, date, mood) index, which holds every column
 * read, then the checklists' (meeting_id, habit_id, ticked) index. No
 * meeting row (and its notes) is read, nothing is sorted, and the
 * reader stops stepping once it has the meetings it needs. Within a
 * day the index orders by mood; the reader puts a day's meetings back
 * in id order. */
const char rapport_attention_recent_sql[] =
  "SELECT m.id, m.date, m.mood, c.habit_id, c.ticked FROM meetings m"
  " LEFT JOIN checklist c ON c.meeting_id = m.id"
  " WHERE m.person_id = ?1 AND m.deleted = 0 AND m.date <= ?2"
  " ORDER BY m.date DESC, m.mood DESC, m.id DESC";

/* The last moods recorded, newest first, when the last 1:1s read with
 * their checklists had fewer than the alert needs. */
const char rapport_attention_moods_sql[] =
  "SELECT mood FROM meetings WHERE person_id = ?1 AND deleted = 0"
  " AND date <= ?2 AND mood IS NOT NULL"
  " ORDER BY date DESC, id DESC LIMIT ?3";

typedef struct
{
  char    *label;
  gboolean active;
} Habit;

static void
habit_free (gpointer data)
{
  Habit *habit = data;

  g_free (habit->label);
  g_free (habit);
}

/* A habit's readings in the person's last 1:1s that had it on their
 * checklist, newest first. */
typedef struct
{
  gint64   habit_id;
  gboolean ticked[RAPPORT_ATTENTION_HABIT_MEETINGS];
  guint    n;
  gboolean in_last; /* present in each of the last few meetings read so far */
} HabitRun;

/* One meeting of the day being read, and where its checklist is in the
 * ticks read. */
typedef struct
{
  gint64 id;
  int    mood;  /* 0: none recorded */
  guint  first; /* its first Tick */
  guint  n_ticks;
} DayMeeting;

typedef struct
{
  gint64   habit_id;
  gboolean ticked;
} Tick;

/* What every person's reading shares: the habits, and the counts read
 * for the whole team at once. */
typedef struct
{
  RapportStore *store;
  const char   *today;
  GHashTable   *habits;   /* id -> Habit */
  GArray       *active;   /* the active habits' ids */
  GHashTable   *promises; /* person id -> my commitments past due */
  GHashTable   *topics;   /* person id -> talking points waiting */
  GHashTable   *cadence;  /* person id -> RapportCadenceStatus, for the team; or NULL */
  /* Each person's last 1:1s as they are read (see Recent), kept from one
   * person to the next. */
  GArray       *runs;  /* HabitRun */
  GArray       *day;   /* DayMeeting */
  GArray       *ticks; /* Tick */
} Reading;

static void
reading_clear (Reading *r)
{
  g_clear_pointer (&r->habits, g_hash_table_unref);
  g_clear_pointer (&r->active, g_array_unref);
  g_clear_pointer (&r->promises, g_hash_table_unref);
  g_clear_pointer (&r->topics, g_hash_table_unref);
  g_clear_pointer (&r->cadence, g_hash_table_unref);
  g_clear_pointer (&r->runs, g_array_unref);
  g_clear_pointer (&r->day, g_array_unref);
  g_clear_pointer (&r->ticks, g_array_unref);
}

static gboolean
read_habits (Reading *r,
             GError **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  r->habits = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, habit_free);
  r->active = g_array_new (FALSE, FALSE, sizeof (gint64));
  stmt = rapport_store_prepare (r->store, "SELECT id, label, active, key FROM habits", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Habit *habit = g_new0 (Habit, 1);

      habit->label = g_strdup (rapport_habit_display_label (rapport_store_column_text (stmt, 3),
                                                            rapport_store_column_text (stmt, 1)));
      habit->active = sqlite3_column_int (stmt, 2) != 0;
      if (habit->active)
        g_array_append_val (r->active, (gint64){ sqlite3_column_int64 (stmt, 0) });
      g_hash_table_insert (r->habits, g_memdup2 (&(gint64){ sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                           habit);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (r->store, error, _("Could not read the habits"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_promises (Reading *r,
               gint64   person_id,
               GError **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  r->promises = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  stmt = rapport_store_prepare (r->store, rapport_attention_promises_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, r->today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (r->promises, g_memdup2 (&(gint64){ sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         GUINT_TO_POINTER ((guint) sqlite3_column_int64 (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (r->store, error, _("Could not read the commitments"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
reading_init (Reading      *r,
              RapportStore *store,
              const char   *today,
              gint64        person_id,
              GError      **error)
{
  r->store = store;
  r->today = today;
  r->runs = g_array_new (FALSE, FALSE, sizeof (HabitRun));
  r->day = g_array_new (FALSE, FALSE, sizeof (DayMeeting));
  r->ticks = g_array_new (FALSE, FALSE, sizeof (Tick));
  if (!read_habits (r, error) || !read_promises (r, person_id, error))
    return FALSE;
  r->topics = rapport_talking_point_count_waiting (store, today, error);
  return r->topics != NULL;
}

/* What has been read of a person's last 1:1s up to today, newest first
 * (by day, then by id, as the brief orders them): the habits' runs over
 * the last RAPPORT_ATTENTION_HABIT_MEETINGS at most, and the last moods
 * recorded. */
typedef struct
{
  GArray *runs;       /* HabitRun, in the order first seen */
  guint   n_meetings; /* read into the runs */
  int     moods[RAPPORT_TREND_READINGS];
  guint   n_moods;
} Recent;

static HabitRun *
find_run (GArray *runs,
          gint64  habit_id)
{
  for (guint i = 0; i < runs->len; i++)
    if (g_array_index (runs, HabitRun, i).habit_id == habit_id)
      return &g_array_index (runs, HabitRun, i);
  return NULL;
}

/* Adds the next older meeting. */
static void
add_meeting (Recent           *recent,
             const DayMeeting *meeting,
             GArray           *ticks)
{
  if (meeting->mood != 0 && recent->n_moods < RAPPORT_TREND_READINGS)
    recent->moods[recent->n_moods++] = meeting->mood;
  if (recent->n_meetings == RAPPORT_ATTENTION_HABIT_MEETINGS)
    return;

  for (guint t = meeting->first; t < meeting->first + meeting->n_ticks; t++)
    {
      const Tick *tick = &g_array_index (ticks, Tick, t);
      HabitRun   *run = find_run (recent->runs, tick->habit_id);

      if (run == NULL)
        {
          HabitRun added = { tick->habit_id };

          /* Neglected needs the habit in each of the last few meetings,
           * from the newest on. */
          added.in_last = recent->n_meetings == 0;
          g_array_append_val (recent->runs, added);
          run = &g_array_index (recent->runs, HabitRun, recent->runs->len - 1);
        }
      /* Present in this meeting: its first readings are those of the
       * last few meetings only if it was in each one before. What comes
       * after them does not matter. */
      if (run->in_last && run->n < RAPPORT_BRIEF_DEFAULT_NEGLECT_WINDOW && run->n != recent->n_meetings)
        run->in_last = FALSE;
      /* Once a meeting at most (a checklist's habits are unique). */
      if (run->n < G_N_ELEMENTS (run->ticked))
        run->ticked[run->n++] = tick->ticked;
    }
  /* A meeting with an empty checklist still counts as a meeting. */
  recent->n_meetings++;
}

static int
compare_day_meetings (gconstpointer a,
                      gconstpointer b)
{
  const DayMeeting *x = a;
  const DayMeeting *y = b;

  return x->id < y->id ? 1 : x->id > y->id ? -1
                                           : 0;
}

/* Adds the meetings of one day, read in the index's order (by mood), in
 * the brief's (the later id first). */
static void
add_day (Recent *recent,
         GArray *day,
         GArray *ticks)
{
  if (day->len > 1)
    g_array_sort (day, compare_day_meetings);
  for (guint i = 0; i < day->len; i++)
    add_meeting (recent, &g_array_index (day, DayMeeting, i), ticks);
  g_array_set_size (day, 0);
  g_array_set_size (ticks, 0);
}

/* Whether older 1:1s could change nothing: the runs are full, or the
 * last few meetings (for neglect), each active habit's readings for its
 * alert and the moods are there. */
static gboolean
recent_is_enough (const Recent *recent,
                  Reading      *r)
{
  if (recent->n_meetings >= RAPPORT_ATTENTION_HABIT_MEETINGS)
    return TRUE;
  if (recent->n_moods < RAPPORT_TREND_READINGS || recent->n_meetings < RAPPORT_BRIEF_DEFAULT_NEGLECT_WINDOW)
    return FALSE;
  for (guint i = 0; i < r->active->len; i++)
    {
      const HabitRun *run = find_run (recent->runs, g_array_index (r->active, gint64, i));

      if (run == NULL || run->n < RAPPORT_TREND_READINGS)
        return FALSE;
    }
  return TRUE;
}

/* Reads the person's last 1:1s into @recent, one day at a time, until
 * older ones could change nothing. Sets @more when it stopped before the
 * oldest. */
static gboolean
read_recent (Reading          *r,
             RapportAttention *self,
             Recent           *recent,
             gboolean         *more,
             GError          **error)
{
  char          day_date[11] = "";
  sqlite3_stmt *stmt;
  int           rc;

  *more = FALSE;
  g_array_set_size (r->day, 0);
  g_array_set_size (r->ticks, 0);
  stmt = rapport_store_prepare (r->store, rapport_attention_recent_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->person_id);
  sqlite3_bind_text (stmt, 2, r->today, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64      id = sqlite3_column_int64 (stmt, 0);
      DayMeeting *meeting = r->day->len > 0 ? &g_array_index (r->day, DayMeeting, r->day->len - 1) : NULL;

      if (meeting == NULL || meeting->id != id)
        {
          const char *date = rapport_store_column_text (stmt, 1);
          DayMeeting  added = { id, 0, r->ticks->len, 0 };

          if (r->day->len > 0 && strcmp (date, day_date) != 0)
            {
              add_day (recent, r->day, r->ticks);
              added.first = 0;
              if (recent_is_enough (recent, r))
                {
                  *more = TRUE;
                  break;
                }
            }
          if (r->day->len == 0)
            g_strlcpy (day_date, date, sizeof day_date);
          if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
            added.mood = sqlite3_column_int (stmt, 2);
          g_array_append_val (r->day, added);
          meeting = &g_array_index (r->day, DayMeeting, r->day->len - 1);
        }
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        {
          Tick tick = { sqlite3_column_int64 (stmt, 3), sqlite3_column_int (stmt, 4) != 0 };

          g_array_append_val (r->ticks, tick);
          meeting->n_ticks++;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      rapport_store_set_error (r->store, error, _("Could not read the checklists"));
      return FALSE;
    }
  add_day (recent, r->day, r->ticks);
  return TRUE;
}

/* The mood alert from the last moods recorded: those read with the last
 * 1:1s, or, when they had too few and there are older 1:1s, from a query
 * of their own. */
static gboolean
read_moods (Reading          *r,
            RapportAttention *self,
            Recent           *recent,
            gboolean          more,
            GError          **error)
{
  int moods[RAPPORT_TREND_READINGS];
  g_autoptr(RapportAlert) alert = NULL;

  if (recent->n_moods < RAPPORT_TREND_READINGS && more)
    {
      sqlite3_stmt *stmt;
      int           rc;

      recent->n_moods = 0;
      stmt = rapport_store_prepare (r->store, rapport_attention_moods_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, self->person_id);
      sqlite3_bind_text (stmt, 2, r->today, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, RAPPORT_TREND_READINGS);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && recent->n_moods < RAPPORT_TREND_READINGS)
        recent->moods[recent->n_moods++] = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        {
          rapport_store_set_error (r->store, error, _("Could not read the meetings"));
          return FALSE;
        }
    }

  /* Oldest first. */
  for (guint i = 0; i < recent->n_moods; i++)
    moods[i] = recent->moods[recent->n_moods - 1 - i];
  alert = rapport_alert_new_mood (self->person_id, moods, recent->n_moods);
  if (alert != NULL)
    {
      self->facts.mood_falling = TRUE;
      g_list_store_append (self->alerts, alert);
    }
  return TRUE;
}

static int
compare_habit_ids (gconstpointer a,
                   gconstpointer b)
{
  const HabitRun *x = a;
  const HabitRun *y = b;

  return x->habit_id < y->habit_id ? -1 : x->habit_id > y->habit_id;
}

/* The habit alerts, and the habits unticked in each of the last 3 1:1s
 * (as the brief's "habits to practise", with its default window). */
static void
score_habit_runs (Reading          *r,
                  RapportAttention *self,
                  Recent           *recent)
{
  /* In a stable order: by habit, as the habits' own order is not read. */
  g_array_sort (recent->runs, compare_habit_ids);
  for (guint i = 0; i < recent->runs->len; i++)
    {
      HabitRun *run = &g_array_index (recent->runs, HabitRun, i);
      Habit    *habit = g_hash_table_lookup (r->habits, &run->habit_id);
      gboolean  oldest_first[RAPPORT_TREND_READINGS];
      guint     n = MIN (run->n, (guint) RAPPORT_TREND_READINGS);
      g_autoptr(RapportAlert) alert = NULL;
      gboolean any = FALSE;

      if (habit == NULL || !habit->active)
        continue;

      for (guint k = 0; k < n; k++)
        oldest_first[k] = run->ticked[n - 1 - k];
      alert = rapport_alert_new_habit (self->person_id, run->habit_id, habit->label, oldest_first, n);
      if (alert != NULL)
        {
          if (self->slipping_habit == NULL)
            self->slipping_habit = g_strdup (habit->label);
          self->facts.n_habit_alerts++;
          g_list_store_append (self->alerts, alert);
        }

      /* Unticked in each of the last few 1:1s, once there were that
       * many. */
      if (recent->n_meetings < RAPPORT_BRIEF_DEFAULT_NEGLECT_WINDOW || !run->in_last ||
          run->n < RAPPORT_BRIEF_DEFAULT_NEGLECT_WINDOW)
        continue;
      for (guint k = 0; k < RAPPORT_BRIEF_DEFAULT_NEGLECT_WINDOW; k++)
        any |= run->ticked[k];
      if (!any)
        {
          if (self->neglected_habit == NULL)
            self->neglected_habit = g_strdup (habit->label);
          self->facts.n_neglected++;
        }
    }
}

static RapportAttention *
attention_new (gint64      person_id,
               const char *name,
               gboolean    archived,
               int         cadence_days)
{
  RapportAttention *self = g_object_new (RAPPORT_TYPE_ATTENTION, NULL);
  g_autofree char  *folded = g_utf8_casefold (name, -1);

  self->person_id = person_id;
  self->name = g_strdup (name);
  self->sort_key = g_utf8_collate_key (folded, -1);
  self->archived = archived;
  self->facts.cadence_days = cadence_days;
  return self;
}

/* Reads what @self's score is made of and scores it. */
static gboolean
attention_read (RapportAttention *self,
                Reading          *r,
                GError          **error)
{
  const RapportCadenceStatus *known = NULL;

  if (r->cadence != NULL)
    known = g_hash_table_lookup (r->cadence, &self->person_id);
  if (known != NULL)
    self->cadence = *known;
  else if (!rapport_cadence_status_load (r->store, self->person_id, r->today, &self->cadence, error))
    return FALSE;
  if (!self->archived)
    {
      self->facts.due_state = self->cadence.state;
      self->facts.days_late = self->cadence.days_late;
      self->facts.met = self->cadence.met;
      self->facts.n_promises_late = GPOINTER_TO_UINT (g_hash_table_lookup (r->promises, &self->person_id));
      self->facts.n_topics = GPOINTER_TO_UINT (g_hash_table_lookup (r->topics, &self->person_id));
      Recent   recent = { r->runs };
      gboolean more;

      g_array_set_size (r->runs, 0);
      if (!read_recent (r, self, &recent, &more, error) ||
          !read_moods (r, self, &recent, more, error))
        return FALSE;
      score_habit_runs (r, self, &recent);
      self->facts.slipping_habit = self->slipping_habit;
      self->facts.neglected_habit = self->neglected_habit;
      self->score = rapport_attention_score_for (&self->facts, &self->reason);
    }
  g_free (self->reason_text);
  self->reason_text = rapport_attention_reason_text (&self->facts, self->reason);
  return TRUE;
}

static gboolean
check_today (const char *today,
             GError    **error)
{
  if (rapport_date_is_valid (today))
    return TRUE;
  g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
               _("“%s” is not a date (expected YYYY-MM-DD)"), today ? today : "");
  return FALSE;
}

GListStore *
rapport_attention_load_all (RapportStore *store,
                            const char   *today,
                            GError      **error)
{
  g_autoptr(GListStore) list = g_list_store_new (RAPPORT_TYPE_ATTENTION);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  Reading       r = { 0 };
  sqlite3_stmt *stmt;
  gboolean      ok = FALSE;
  int           rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  if (!check_today (today, error) || !reading_init (&r, store, today, 0, error))
    goto out;
  /* Everyone's due state in two statements rather than two a person. */
  r.cadence = rapport_cadence_status_load_all (store, today, error);
  if (r.cadence == NULL)
    goto out;

  stmt = rapport_store_prepare (store, "SELECT id, name, archived, cadence_days FROM people", error);
  if (stmt == NULL)
    goto out;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, attention_new (sqlite3_column_int64 (stmt, 0),
                                           rapport_store_column_text (stmt, 1),
                                           sqlite3_column_int (stmt, 2) != 0,
                                           sqlite3_column_int (stmt, 3)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not read the people"));
      goto out;
    }

  for (guint i = 0; i < items->len; i++)
    if (!attention_read (g_ptr_array_index (items, i), &r, error))
      goto out;
  g_ptr_array_sort (items, compare_items);
  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  ok = TRUE;

out:
  reading_clear (&r);
  return ok ? g_steal_pointer (&list) : NULL;
}

RapportAttention *
rapport_attention_load (RapportStore *store,
                        gint64        person_id,
                        const char   *today,
                        GError      **error)
{
  g_autoptr(RapportAttention) self = NULL;
  Reading       r = { 0 };
  sqlite3_stmt *stmt;
  gboolean      ok = FALSE;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  if (!check_today (today, error) || !reading_init (&r, store, today, person_id, error))
    goto out;
  stmt = rapport_store_prepare (store, "SELECT id, name, archived, cadence_days FROM people WHERE id = ?1",
                                error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (!rapport_store_step_row (store, stmt, _("Could not read a person"), error,
                               _("No person with id %lld"), (long long) person_id))
    goto out;
  self = attention_new (person_id, rapport_store_column_text (stmt, 1),
                        sqlite3_column_int (stmt, 2) != 0, sqlite3_column_int (stmt, 3));
  sqlite3_reset (stmt);
  ok = attention_read (self, &r, error);

out:
  reading_clear (&r);
  return ok ? g_steal_pointer (&self) : NULL;
}
