/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-brief"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "rapport-brief.h"
#include "rapport-cadence.h"
#include "rapport-commitment.h"
#include "rapport-date.h"
#include "rapport-follow-through.h"
#include "rapport-habit.h"
#include "rapport-meeting.h"

#define EXCERPT_LINES 3
#define EXCERPT_CHARS 280

struct _RapportBrief
{
  GObject         parent_instance;

  gint64          person_id;
  char           *today;
  int             cadence_days;
  gint64          last_meeting_id;
  char           *last_meeting_date;
  int             days_since;
  RapportDueState due_state;
  char           *notes_excerpt;
  GListStore     *open_commitments;
  guint           n_overdue;
  GListStore     *neglected;
  guint           neglect_window;
  GArray         *moods;
  RapportTrend    mood_trend;
  gint64          today_meeting_id;
  guint           follow_through_kept;
  guint           follow_through_due;
};

G_DEFINE_FINAL_TYPE (RapportBrief, rapport_brief, G_TYPE_OBJECT)

static void
rapport_brief_finalize (GObject *object)
{
  RapportBrief *self = RAPPORT_BRIEF (object);

  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->last_meeting_date, g_free);
  g_clear_pointer (&self->notes_excerpt, g_free);
  g_clear_object (&self->open_commitments);
  g_clear_object (&self->neglected);
  g_clear_pointer (&self->moods, g_array_unref);

  G_OBJECT_CLASS (rapport_brief_parent_class)->finalize (object);
}

static void
rapport_brief_class_init (RapportBriefClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_brief_finalize;
}

static void
rapport_brief_init (RapportBrief *self)
{
  self->days_since = -1;
  self->notes_excerpt = g_strdup ("");
  self->moods = g_array_new (FALSE, TRUE, sizeof (RapportBriefMood));
}

int
rapport_brief_grace_days (int cadence_days)
{
  return MAX (1, cadence_days / 4);
}

RapportDueState
rapport_brief_due_state_for (int cadence_days,
                             int days_since)
{
  g_return_val_if_fail (days_since >= 0, RAPPORT_DUE_NONE);

  if (days_since > cadence_days + rapport_brief_grace_days (cadence_days))
    return RAPPORT_DUE_OVERDUE;
  if (days_since >= cadence_days)
    return RAPPORT_DUE_DUE;
  return RAPPORT_DUE_NONE;
}

RapportDueState
rapport_brief_first_due_state_for (int cadence_days,
                                   int days_known)
{
  /* G_MININT (no date) is < 0 too. */
  if (days_known < 0 || days_known < cadence_days)
    return RAPPORT_DUE_NONE;
  return RAPPORT_DUE_DUE;
}

int
rapport_brief_days_between (const char *from,
                            const char *to)
{
  GDate a, b;

  if (!rapport_date_parse (from, &a) || !rapport_date_parse (to, &b))
    return G_MININT;
  return g_date_days_between (&a, &b);
}

char *
rapport_brief_format_date (const char *date,
                           const char *today)
{
  GDate day, now;
  g_autoptr(GDateTime) dt = NULL;

  if (!rapport_date_parse (date, &day))
    return g_strdup (date ? date : "");
  dt = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day), 12, 0, 0);
  if (rapport_date_parse (today, &now) && g_date_get_year (&now) == g_date_get_year (&day))
    /* Translators: a day in this year, see strftime(3): "3 Mar". */
    return g_date_time_format (dt, _("%-d %b"));
  /* Translators: a day in another year, see strftime(3): "3 Mar 2025". */
  return g_date_time_format (dt, _("%-d %b %Y"));
}

/* @met: whether there has been a 1:1 on or before @today. */
static RapportDueState
due_state (RapportStore  *store,
           RapportPerson *person,
           const char    *today,
           gboolean      *met)
{
  sqlite3_stmt    *stmt;
  g_autofree char *last = NULL;

  *met = FALSE;
  if (rapport_person_get_archived (person))
    return RAPPORT_DUE_NONE;

  stmt = rapport_store_prepare (store,
                                "SELECT date FROM meetings WHERE person_id = ?1 AND deleted = 0"
                                " AND date <= ?2 ORDER BY date DESC, id DESC LIMIT 1",
                                NULL);
  if (stmt == NULL)
    return RAPPORT_DUE_NONE;
  sqlite3_bind_int64 (stmt, 1, rapport_person_get_id (person));
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    last = g_strdup (rapport_store_column_text (stmt, 0));
  sqlite3_reset (stmt);

  *met = last != NULL;
  return rapport_cadence_due_state (store, rapport_person_get_id (person), today);
}

RapportDueState
rapport_brief_due_state (RapportStore  *store,
                         RapportPerson *person,
                         const char    *today)
{
  gboolean met;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), RAPPORT_DUE_NONE);
  g_return_val_if_fail (RAPPORT_IS_PERSON (person), RAPPORT_DUE_NONE);
  g_return_val_if_fail (rapport_date_is_valid (today), RAPPORT_DUE_NONE);

  return due_state (store, person, today, &met);
}

const char *
rapport_brief_due_badge (RapportStore    *store,
                         RapportPerson   *person,
                         const char      *today,
                         RapportDueState *state)
{
  RapportDueState result;
  gboolean        met;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (RAPPORT_IS_PERSON (person), NULL);
  g_return_val_if_fail (rapport_date_is_valid (today), NULL);

  result = due_state (store, person, today, &met);
  if (state != NULL)
    *state = result;
  if (rapport_person_get_archived (person))
    return NULL;
  if (!met)
    /* Translators: badge of a person in the list. */
    return _("No 1:1 yet");
  switch (result)
    {
    /* Translators: badge of a person in the list. */
    case RAPPORT_DUE_DUE: return _("due");
    /* Translators: badge of a person in the list. */
    case RAPPORT_DUE_OVERDUE: return _("overdue");
    case RAPPORT_DUE_NONE:
    default: return NULL;
    }
}

gboolean
rapport_brief_find_meeting_on (RapportStore *store,
                               gint64        person_id,
                               const char   *date,
                               gint64       *meeting_id,
                               GError      **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (meeting_id != NULL, FALSE);

  *meeting_id = 0;
  if (!rapport_date_is_valid (date))
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("“%s” is not a date (expected YYYY-MM-DD)"), date ? date : "");
      return FALSE;
    }
  stmt = rapport_store_prepare (store,
                                "SELECT id FROM meetings WHERE person_id = ?1 AND deleted = 0"
                                " AND date = ?2 ORDER BY id DESC LIMIT 1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *meeting_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not read the meetings"));
      return FALSE;
    }
  return TRUE;
}

/* The first few non-empty lines, trimmed, within EXCERPT_CHARS. */
static char *
notes_head (const char *notes)
{
  g_auto (GStrv) lines = g_strsplit (notes ? notes : "", "\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  guint    taken = 0;
  gboolean more = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line == '\0')
        continue;
      if (taken == EXCERPT_LINES)
        {
          more = TRUE;
          break;
        }
      if (taken > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, line);
      taken++;
    }

  if (g_utf8_strlen (out->str, -1) > EXCERPT_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (out->str, 0, EXCERPT_CHARS);
      g_string_assign (out, g_strstrip (cut));
      more = TRUE;
    }
  if (more)
    g_string_append (out, "…");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
load_last_meeting (RapportBrief *self,
                   RapportStore *store,
                   GError      **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  stmt = rapport_store_prepare (store,
                                "SELECT id, date, notes FROM meetings"
                                " WHERE person_id = ?1 AND deleted = 0 AND date <= ?2"
                                " ORDER BY date DESC, id DESC LIMIT 1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->person_id);
  sqlite3_bind_text (stmt, 2, self->today, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      self->last_meeting_id = sqlite3_column_int64 (stmt, 0);
      self->last_meeting_date = g_strdup (rapport_store_column_text (stmt, 1));
      g_free (self->notes_excerpt);
      self->notes_excerpt = notes_head (rapport_store_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not read the meetings"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_moods (RapportBrief *self,
            RapportStore *store,
            GError      **error)
{
  g_autoptr(GArray) newest_first = g_array_new (FALSE, TRUE, sizeof (RapportBriefMood));
  int           values[RAPPORT_BRIEF_MOOD_MEETINGS];
  sqlite3_stmt *stmt;
  int           rc;

  /* Served by the (person_id, deleted, date, id) index, read backwards
   * until enough meetings with a mood were seen. */
  stmt = rapport_store_prepare (store,
                                "SELECT date, mood FROM meetings"
                                " WHERE person_id = ?1 AND deleted = 0 AND date <= ?2 AND mood IS NOT NULL"
                                " ORDER BY date DESC, id DESC LIMIT ?3",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->person_id);
  sqlite3_bind_text (stmt, 2, self->today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, RAPPORT_BRIEF_MOOD_MEETINGS);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportBriefMood mood = { { 0 }, sqlite3_column_int (stmt, 1) };

      g_strlcpy (mood.date, rapport_store_column_text (stmt, 0), sizeof mood.date);
      g_array_append_val (newest_first, mood);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not read the meetings"));
      return FALSE;
    }

  for (guint i = newest_first->len; i > 0; i--)
    g_array_append_val (self->moods, g_array_index (newest_first, RapportBriefMood, i - 1));
  for (guint i = 0; i < self->moods->len; i++)
    values[i] = g_array_index (self->moods, RapportBriefMood, i).mood;
  rapport_trend_of_moods (values, self->moods->len, &self->mood_trend);
  return TRUE;
}

static gboolean
load_neglected (RapportBrief *self,
                RapportStore *store,
                GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int           rc;

  /* The window must be full: after two meetings nothing is "missing from
   * the last three" yet. */
  stmt = rapport_store_prepare (store,
                                "WITH last AS MATERIALIZED ("
                                " SELECT id FROM meetings"
                                " WHERE person_id = ?1 AND deleted = 0 AND date <= ?2"
                                " ORDER BY date DESC, id DESC LIMIT ?3)"
                                " SELECT c.habit_id FROM last CROSS JOIN checklist c CROSS JOIN habits h"
                                " WHERE c.meeting_id = last.id AND h.id = c.habit_id AND h.active = 1"
                                " GROUP BY c.habit_id"
                                " HAVING count(*) = ?3 AND max(c.ticked) = 0"
                                " ORDER BY min(h.position), c.habit_id",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->person_id);
  sqlite3_bind_text (stmt, 2, self->today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, self->neglect_window);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not read the checklists"));
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(RapportHabit) habit = rapport_habit_load (store, g_array_index (ids, gint64, i), error);

      if (habit == NULL)
        return FALSE;
      g_list_store_append (self->neglected, habit);
    }
  return TRUE;
}

RapportBrief *
rapport_brief_load (RapportStore  *store,
                    RapportPerson *person,
                    const char    *today,
                    guint          neglect_window,
                    GError       **error)
{
  g_autoptr(RapportBrief) self = NULL;
  guint n;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (RAPPORT_IS_PERSON (person), NULL);

  if (!rapport_date_is_valid (today))
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("“%s” is not a date (expected YYYY-MM-DD)"), today ? today : "");
      return NULL;
    }

  self = g_object_new (RAPPORT_TYPE_BRIEF, NULL);
  self->person_id = rapport_person_get_id (person);
  self->today = g_strdup (today);
  self->cadence_days = rapport_person_get_cadence_days (person);
  self->neglect_window = neglect_window > 0 ? neglect_window : RAPPORT_BRIEF_DEFAULT_NEGLECT_WINDOW;
  self->neglected = g_list_store_new (RAPPORT_TYPE_HABIT);

  if (!load_last_meeting (self, store, error) || !load_moods (self, store, error))
    return NULL;
  if (self->last_meeting_date != NULL)
    self->days_since = MAX (0, rapport_brief_days_between (self->last_meeting_date, today));
  self->due_state = rapport_person_get_archived (person)
                      ? RAPPORT_DUE_NONE
                      : rapport_cadence_due_state (store, self->person_id, today);
  if (!rapport_brief_find_meeting_on (store, self->person_id, today, &self->today_meeting_id, error))
    return NULL;

  self->open_commitments = rapport_commitment_load_open (store, self->person_id, error);
  if (self->open_commitments == NULL)
    return NULL;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->open_commitments));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportCommitment) item = g_list_model_get_item (G_LIST_MODEL (self->open_commitments), i);

      if (rapport_commitment_is_overdue (item, today))
        self->n_overdue++;
    }

  if (!load_neglected (self, store, error))
    return NULL;

  if (!rapport_follow_through_rate_at (store, self->person_id, NULL, NULL, today,
                                       &self->follow_through_kept,
                                       &self->follow_through_due, error))
    return NULL;

  return g_steal_pointer (&self);
}

gint64
rapport_brief_get_person_id (RapportBrief *self)
{
  g_return_val_if_fail (RAPPORT_IS_BRIEF (self), 0);
  return self->person_id;
}
const char *
rapport_brief_get_today (RapportBrief *self)
{
  g_return_val_if_fail (RAPPORT_IS_BRIEF (self), NULL);
  return self->today;
}
int
rapport_brief_get_cadence_days (RapportBrief *self)
{
  g_return_val_if_fail (RAPPORT_IS_BRIEF (self), 0);
  return self->cadence_days;
}
gint64
rapport_brief_get_last_meeting_id (RapportBrief *self)
{
  g_return_val_if_fail (RAPPORT_IS_BRIEF (self), 0);
  return self->last_meeting_id;
}
const char *
rapport_brief_get_last_meeting_date (RapportBrief *self)
{
  g_return_val_if_fail (RAPPORT_IS_BRIEF (self), NULL);
  return self->last_meeting_date;
}
int
rapport_brief_get_days_since (RapportBrief *self)
{
  g_return_val_if_fail (RAPPORT_IS_BRIEF (self), -1);
  return self->days_since;
}
RapportDueState
rapport_brief_get_due_state (RapportBrief *self)
{
  g_return_val_if_fail (RAPPORT_IS_BRIEF (self), RAPPORT_DUE_NONE);
  return self->due_state;
}
const char *
rapport_brief_get_notes_excerpt (RapportBrief *self)
{
  g_return_val_if_fail (RAPPORT_IS_BRIEF (self), NULL);
  return self->notes_excerpt;
}
GListModel *
rapport_brief_get_open_commitments (RapportBrief *self)
{
  g_return_val_if_fail (RAPPORT_IS_BRIEF (self), NULL);
  return G_LIST_MODEL (self->open_commitments);
}
guint
rapport_brief_get_n_overdue (RapportBrief *self)
{
  g_return_val_if_fail (RAPPORT_IS_BRIEF (self), 0);
  return self->n_overdue;
}
GListModel *
rapport_brief_get_neglected_habits (RapportBrief *self)
{
  g_return_val_if_fail (RAPPORT_IS_BRIEF (self), NULL);
  return G_LIST_MODEL (self->neglected);
}
guint
rapport_brief_get_neglect_window (RapportBrief *self)
{
  g_return_val_if_fail (RAPPORT_IS_BRIEF (self), 0);
  return self->neglect_window;
}
gint64
rapport_brief_get_today_meeting_id (RapportBrief *self)
{
  g_return_val_if_fail (RAPPORT_IS_BRIEF (self), 0);
  return self->today_meeting_id;
}
guint
rapport_brief_get_follow_through_kept (RapportBrief *self)
{
  g_return_val_if_fail (RAPPORT_IS_BRIEF (self), 0);
  return self->follow_through_kept;
}
guint
rapport_brief_get_follow_through_due (RapportBrief *self)
{
  g_return_val_if_fail (RAPPORT_IS_BRIEF (self), 0);
  return self->follow_through_due;
}

const RapportBriefMood *
rapport_brief_get_moods (RapportBrief *self,
                         guint        *n_moods)
{
  g_return_val_if_fail (RAPPORT_IS_BRIEF (self), NULL);

  if (n_moods != NULL)
    *n_moods = self->moods->len;
  return (const RapportBriefMood *) (gpointer) self->moods->data;
}

RapportTrendDirection
rapport_brief_get_mood_trend (RapportBrief *self,
                              RapportTrend *trend)
{
  g_return_val_if_fail (RAPPORT_IS_BRIEF (self), RAPPORT_TREND_NONE);

  if (trend != NULL)
    *trend = self->mood_trend;
  return self->mood_trend.direction;
}
