/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-talking-point"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "rapport-date.h"
#include "rapport-meeting.h"
#include "rapport-store-rows.h"
#include "rapport-talking-point.h"
#include "rapport-text.h"

struct _RapportTalkingPoint
{
  GObject          parent_instance;

  gint64           id;
  char            *uuid;
  gint64           person_id;
  char            *text;
  RapportRaisedBy  raised_by;
  gint64           position;
  gint64           discussed_in;
  char            *discussed_on;
  int              recur_every;
  RapportRecurUnit recur_unit;
  char            *series;
  char            *next_due;
  char            *created_at;
  char            *updated_at;
};

G_DEFINE_FINAL_TYPE (RapportTalkingPoint, rapport_talking_point, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_PERSON_ID,
  PROP_TEXT,
  PROP_RAISED_BY,
  PROP_POSITION,
  PROP_DISCUSSED_IN,
  PROP_DISCUSSED_ON,
  PROP_DISCUSSED,
  PROP_RECUR_EVERY,
  PROP_RECUR_UNIT,
  PROP_RECURRING,
  PROP_NEXT_DUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_talking_point_finalize (GObject *object)
{
  RapportTalkingPoint *self = RAPPORT_TALKING_POINT (object);

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->discussed_on, g_free);
  g_clear_pointer (&self->series, g_free);
  g_clear_pointer (&self->next_due, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);

  G_OBJECT_CLASS (rapport_talking_point_parent_class)->finalize (object);
}

static void
rapport_talking_point_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RapportTalkingPoint *self = RAPPORT_TALKING_POINT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_PERSON_ID: g_value_set_int64 (value, self->person_id); break;
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    case PROP_RAISED_BY: g_value_set_enum (value, self->raised_by); break;
    case PROP_POSITION: g_value_set_int64 (value, self->position); break;
    case PROP_DISCUSSED_IN: g_value_set_int64 (value, self->discussed_in); break;
    case PROP_DISCUSSED_ON: g_value_set_string (value, self->discussed_on); break;
    case PROP_DISCUSSED: g_value_set_boolean (value, self->discussed_in != 0); break;
    case PROP_RECUR_EVERY: g_value_set_int (value, self->recur_every); break;
    case PROP_RECUR_UNIT: g_value_set_enum (value, self->recur_unit); break;
    case PROP_RECURRING: g_value_set_boolean (value, self->recur_unit != RAPPORT_RECUR_NONE); break;
    case PROP_NEXT_DUE: g_value_set_string (value, self->next_due); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_talking_point_class_init (RapportTalkingPointClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_talking_point_finalize;
  object_class->get_property = rapport_talking_point_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RAISED_BY] =
    g_param_spec_enum ("raised-by", NULL, NULL,
                       RAPPORT_TYPE_RAISED_BY, RAPPORT_RAISED_BY_ME,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_int64 ("position", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISCUSSED_IN] =
    g_param_spec_int64 ("discussed-in", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISCUSSED_ON] =
    g_param_spec_string ("discussed-on", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISCUSSED] =
    g_param_spec_boolean ("discussed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECUR_EVERY] =
    g_param_spec_int ("recur-every", NULL, NULL, 0, RAPPORT_TALKING_POINT_MAX_RECUR_DAYS, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECUR_UNIT] =
    g_param_spec_enum ("recur-unit", NULL, NULL,
                       RAPPORT_TYPE_RECUR_UNIT, RAPPORT_RECUR_NONE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECURRING] =
    g_param_spec_boolean ("recurring", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEXT_DUE] =
    g_param_spec_string ("next-due", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_talking_point_init (RapportTalkingPoint *self)
{
}

gint64
rapport_talking_point_get_id (RapportTalkingPoint *self)
{
  g_return_val_if_fail (RAPPORT_IS_TALKING_POINT (self), 0);
  return self->id;
}
const char *
rapport_talking_point_get_uuid (RapportTalkingPoint *self)
{
  g_return_val_if_fail (RAPPORT_IS_TALKING_POINT (self), NULL);
  return self->uuid;
}
gint64
rapport_talking_point_get_person_id (RapportTalkingPoint *self)
{
  g_return_val_if_fail (RAPPORT_IS_TALKING_POINT (self), 0);
  return self->person_id;
}
const char *
rapport_talking_point_get_text (RapportTalkingPoint *self)
{
  g_return_val_if_fail (RAPPORT_IS_TALKING_POINT (self), NULL);
  return self->text;
}
RapportRaisedBy
rapport_talking_point_get_raised_by (RapportTalkingPoint *self)
{
  g_return_val_if_fail (RAPPORT_IS_TALKING_POINT (self), 0);
  return self->raised_by;
}
gint64
rapport_talking_point_get_position (RapportTalkingPoint *self)
{
  g_return_val_if_fail (RAPPORT_IS_TALKING_POINT (self), 0);
  return self->position;
}
gint64
rapport_talking_point_get_discussed_in (RapportTalkingPoint *self)
{
  g_return_val_if_fail (RAPPORT_IS_TALKING_POINT (self), 0);
  return self->discussed_in;
}
const char *
rapport_talking_point_get_discussed_on (RapportTalkingPoint *self)
{
  g_return_val_if_fail (RAPPORT_IS_TALKING_POINT (self), NULL);
  return self->discussed_on;
}
gboolean
rapport_talking_point_get_discussed (RapportTalkingPoint *self)
{
  g_return_val_if_fail (RAPPORT_IS_TALKING_POINT (self), FALSE);
  return self->discussed_in != 0;
}
int
rapport_talking_point_get_recur_every (RapportTalkingPoint *self)
{
  g_return_val_if_fail (RAPPORT_IS_TALKING_POINT (self), 0);
  return self->recur_every;
}
RapportRecurUnit
rapport_talking_point_get_recur_unit (RapportTalkingPoint *self)
{
  g_return_val_if_fail (RAPPORT_IS_TALKING_POINT (self), RAPPORT_RECUR_NONE);
  return self->recur_unit;
}
gboolean
rapport_talking_point_get_recurring (RapportTalkingPoint *self)
{
  g_return_val_if_fail (RAPPORT_IS_TALKING_POINT (self), FALSE);
  return self->recur_unit != RAPPORT_RECUR_NONE;
}
const char *
rapport_talking_point_get_series (RapportTalkingPoint *self)
{
  g_return_val_if_fail (RAPPORT_IS_TALKING_POINT (self), NULL);
  return self->series;
}
const char *
rapport_talking_point_get_next_due (RapportTalkingPoint *self)
{
  g_return_val_if_fail (RAPPORT_IS_TALKING_POINT (self), NULL);
  return self->next_due;
}
const char *
rapport_talking_point_get_created_at (RapportTalkingPoint *self)
{
  g_return_val_if_fail (RAPPORT_IS_TALKING_POINT (self), NULL);
  return self->created_at;
}
const char *
rapport_talking_point_get_updated_at (RapportTalkingPoint *self)
{
  g_return_val_if_fail (RAPPORT_IS_TALKING_POINT (self), NULL);
  return self->updated_at;
}

int
rapport_talking_point_get_recur_days (RapportTalkingPoint *self)
{
  g_return_val_if_fail (RAPPORT_IS_TALKING_POINT (self), 0);

  switch (self->recur_unit)
    {
    case RAPPORT_RECUR_DAYS: return self->recur_every;
    case RAPPORT_RECUR_WEEKS: return self->recur_every * 7;
    case RAPPORT_RECUR_NONE:
    default: return 0;
    }
}

gboolean
rapport_talking_point_is_due (RapportTalkingPoint *self,
                              const char          *today)
{
  g_return_val_if_fail (RAPPORT_IS_TALKING_POINT (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  /* YYYY-MM-DD compares as it reads. */
  return self->discussed_in == 0 && (self->next_due == NULL || strcmp (self->next_due, today) <= 0);
}

const char *
rapport_raised_by_to_string (RapportRaisedBy raised_by)
{
  return raised_by == RAPPORT_RAISED_BY_THEM ? "them" : "me";
}

gboolean
rapport_raised_by_from_string (const char      *text,
                               RapportRaisedBy *raised_by)
{
  if (g_strcmp0 (text, "me") == 0)
    *raised_by = RAPPORT_RAISED_BY_ME;
  else if (g_strcmp0 (text, "them") == 0)
    *raised_by = RAPPORT_RAISED_BY_THEM;
  else
    return FALSE;
  return TRUE;
}

const char *
rapport_recur_unit_to_string (RapportRecurUnit unit)
{
  switch (unit)
    {
    case RAPPORT_RECUR_DAYS: return "days";
    case RAPPORT_RECUR_WEEKS: return "weeks";
    case RAPPORT_RECUR_NONE:
    default: return NULL;
    }
}

gboolean
rapport_recur_unit_from_string (const char       *text,
                                RapportRecurUnit *unit)
{
  if (text == NULL)
    *unit = RAPPORT_RECUR_NONE;
  else if (strcmp (text, "days") == 0)
    *unit = RAPPORT_RECUR_DAYS;
  else if (strcmp (text, "weeks") == 0)
    *unit = RAPPORT_RECUR_WEEKS;
  else
    return FALSE;
  return TRUE;
}

/* The interval in days, or 0 when @every and @unit are no recurrence
 * (NONE with 0) and -1 when they are not a valid one. */
static int
interval_days (int              every,
               RapportRecurUnit unit)
{
  int days;

  if (unit == RAPPORT_RECUR_NONE)
    return every == 0 ? 0 : -1;
  if (unit != RAPPORT_RECUR_DAYS && unit != RAPPORT_RECUR_WEEKS)
    return -1;
  if (every < 1 || every > RAPPORT_TALKING_POINT_MAX_RECUR_DAYS)
    return -1;
  days = unit == RAPPORT_RECUR_WEEKS ? every * 7 : every;
  return days <= RAPPORT_TALKING_POINT_MAX_RECUR_DAYS ? days : -1;
}

char *
rapport_talking_point_date_after (const char      *date,
                                  int              every,
                                  RapportRecurUnit unit)
{
  int days = interval_days (every, unit);

  if (days <= 0)
    return NULL;
  return rapport_date_add_days (date, days);
}

/* Every query that builds objects selects these, "m" being the meeting
 * it was discussed in (a LEFT JOIN), or NULL in its place. */
#define POINT_COLUMNS(date)                                                               \
  "t.id, t.uuid, t.person_id, t.text, t.raised_by, t.position, t.discussed_in, " date "," \
  " t.recur_every, t.recur_unit, t.series, t.next_due, t.created_at, t.updated_at"

static gpointer
point_from_row (sqlite3_stmt *stmt,
                gpointer      unused)
{
  RapportTalkingPoint *self = g_object_new (RAPPORT_TYPE_TALKING_POINT, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->uuid = g_strdup (rapport_store_column_text (stmt, 1));
  self->person_id = sqlite3_column_int64 (stmt, 2);
  self->text = g_strdup (rapport_store_column_text (stmt, 3));
  if (!rapport_raised_by_from_string (rapport_store_column_text (stmt, 4), &self->raised_by))
    self->raised_by = RAPPORT_RAISED_BY_ME;
  self->position = sqlite3_column_int64 (stmt, 5);
  self->discussed_in = sqlite3_column_int64 (stmt, 6);
  self->discussed_on = self->discussed_in != 0 ? rapport_rows_dup_text_or_null (stmt, 7) : NULL;
  self->recur_every = sqlite3_column_int (stmt, 8);
  if (!rapport_recur_unit_from_string ((const char *) sqlite3_column_text (stmt, 9), &self->recur_unit) ||
      interval_days (self->recur_every, self->recur_unit) < 0)
    {
      self->recur_every = 0;
      self->recur_unit = RAPPORT_RECUR_NONE;
    }
  self->series = rapport_rows_dup_text_or_null (stmt, 10);
  self->next_due = rapport_rows_dup_text_or_null (stmt, 11);
  self->created_at = g_strdup (rapport_store_column_text (stmt, 12));
  self->updated_at = g_strdup (rapport_store_column_text (stmt, 13));
  return self;
}

static gboolean
check_text (const char *text,
            char      **clean,
            GError    **error)
{
  return rapport_rows_check_text (text, clean, _("A talking point needs some text"), error,
                                  _("A talking point can have at most %d characters"),
                                  RAPPORT_MAX_TEXT_CHARS);
}

static gboolean
check_recurrence (int              every,
                  RapportRecurUnit unit,
                  GError         **error)
{
  if (interval_days (every, unit) >= 0)
    return TRUE;
  g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
               _("A talking point can come back every 1 to %d days (or up to %d weeks)"),
               RAPPORT_TALKING_POINT_MAX_RECUR_DAYS, RAPPORT_TALKING_POINT_MAX_RECUR_DAYS / 7);
  return FALSE;
}

static void
bind_recurrence (sqlite3_stmt    *stmt,
                 int              column,
                 int              every,
                 RapportRecurUnit unit)
{
  if (unit == RAPPORT_RECUR_NONE)
    {
      sqlite3_bind_null (stmt, column);
      sqlite3_bind_null (stmt, column + 1);
    }
  else
    {
      sqlite3_bind_int (stmt, column, every);
      sqlite3_bind_text (stmt, column + 1, rapport_recur_unit_to_string (unit), -1, SQLITE_STATIC);
    }
}

RapportTalkingPoint *
rapport_talking_point_load (RapportStore *store,
                            gint64        id,
                            GError      **error)
{
  return rapport_rows_load_by_id (store,
                                  "SELECT " POINT_COLUMNS ("m.date") " FROM talking_points t LEFT JOIN meetings m ON m.id = t.discussed_in"
                                                                     " WHERE t.id = ?1 AND t.deleted = 0",
                                  id, point_from_row, _("Could not read a talking point"), error,
                                  _("No talking point with id %lld"), (long long) id);
}

RapportTalkingPoint *
rapport_talking_point_add (RapportStore    *store,
                           gint64           person_id,
                           const char      *text,
                           RapportRaisedBy  raised_by,
                           int              every,
                           RapportRecurUnit unit,
                           const char      *first_due,
                           GError         **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt    *stmt;
  gint64           id;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (raised_by == RAPPORT_RAISED_BY_ME || raised_by == RAPPORT_RAISED_BY_THEM, NULL);

  if (!check_text (text, &clean, error) ||
      !check_recurrence (every, unit, error) ||
      !rapport_rows_check_optional_date (first_due, error))
    return NULL;

  uuid = rapport_store_new_uuid ();
  now = rapport_store_now ();
  if (!rapport_store_begin (store, error))
    return NULL;
  /* At the end of the queue; the person must be there and not archived.
   * The position is read through the index of waiting points. */
  stmt = rapport_store_prepare (store,
                                "INSERT INTO talking_points (uuid, person_id, text, raised_by, position,"
                                " recur_every, recur_unit, series, next_due, created_at, updated_at)"
                                " SELECT ?1, p.id, ?3, ?4,"
                                "  coalesce ((SELECT max (t.position) + 1 FROM talking_points t"
                                "             WHERE t.person_id = p.id AND t.deleted = 0"
                                "             AND t.discussed_in IS NULL), 0),"
                                "  ?5, ?6, ?7, ?8, ?9, ?9"
                                " FROM people p WHERE p.id = ?2 AND p.archived = 0",
                                error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_text (stmt, 3, clean, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, rapport_raised_by_to_string (raised_by), -1, SQLITE_STATIC);
  bind_recurrence (stmt, 5, every, unit);
  if (unit != RAPPORT_RECUR_NONE)
    {
      sqlite3_bind_text (stmt, 7, uuid, -1, SQLITE_TRANSIENT);
      rapport_rows_bind_text_or_null (stmt, 8, first_due);
    }
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_TRANSIENT);
  if (!rapport_rows_step_changed_one (store, stmt, error,
                                      _("No person with id %lld on the team"), (long long) person_id))
    goto fail;
  id = sqlite3_last_insert_rowid (rapport_store_get_handle (store));
  if (!rapport_store_commit (store, error))
    return NULL;
  return rapport_talking_point_load (store, id, error);

fail:
  rapport_store_rollback (store);
  return NULL;
}

/* One UPDATE of a waiting or discussed row that is not hidden, ?1 its id,
 * ?2 the value, ?3 the time. */
static gboolean
update_column (RapportTalkingPoint *self,
               RapportStore        *store,
               const char          *sql,
               const char          *value,
               GError             **error)
{
  g_autofree char *now = rapport_store_now ();

  if (!rapport_rows_update_column (store, sql, self->id, value, now,
                                   _("The talking point was deleted"), error))
    return FALSE;
  rapport_set_str (&self->updated_at, now);
  return TRUE;
}

gboolean
rapport_talking_point_set_text (RapportTalkingPoint *self,
                                RapportStore        *store,
                                const char          *text,
                                GError             **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (RAPPORT_IS_TALKING_POINT (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (!check_text (text, &clean, error))
    return FALSE;
  if (g_strcmp0 (clean, self->text) == 0)
    return TRUE;
  if (!update_column (self, store,
                      "UPDATE talking_points SET text = ?2, updated_at = ?3 WHERE id = ?1 AND deleted = 0",
                      clean, error))
    return FALSE;
  rapport_set_str (&self->text, clean);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  return TRUE;
}

gboolean
rapport_talking_point_set_raised_by (RapportTalkingPoint *self,
                                     RapportStore        *store,
                                     RapportRaisedBy      raised_by,
                                     GError             **error)
{
  g_return_val_if_fail (RAPPORT_IS_TALKING_POINT (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (raised_by == RAPPORT_RAISED_BY_ME || raised_by == RAPPORT_RAISED_BY_THEM, FALSE);

  if (self->raised_by == raised_by)
    return TRUE;
  if (!update_column (self, store,
                      "UPDATE talking_points SET raised_by = ?2, updated_at = ?3 WHERE id = ?1 AND deleted = 0",
                      rapport_raised_by_to_string (raised_by), error))
    return FALSE;
  self->raised_by = raised_by;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RAISED_BY]);
  return TRUE;
}

static gboolean
refuse_if_discussed (RapportTalkingPoint *self,
                     GError             **error)
{
  if (self->discussed_in == 0)
    return TRUE;
  g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
               _("This talking point was discussed already; only a waiting one can change"));
  return FALSE;
}

gboolean
rapport_talking_point_set_recurrence (RapportTalkingPoint *self,
                                      RapportStore        *store,
                                      int                  every,
                                      RapportRecurUnit     unit,
                                      GError             **error)
{
  g_autofree char *now = NULL;
  const char      *series;
  gboolean         was_recurring;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (RAPPORT_IS_TALKING_POINT (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (!check_recurrence (every, unit, error) || !refuse_if_discussed (self, error))
    return FALSE;
  if (unit == RAPPORT_RECUR_NONE)
    every = 0;
  if (self->recur_unit == unit && self->recur_every == every)
    return TRUE;

  /* A point that starts to recur starts a series of its own; one that
   * stops keeps its series (its discussed rows still belong to it) and
   * waits in the queue at once. */
  series = self->series != NULL ? self->series : self->uuid;
  now = rapport_store_now ();
  stmt = rapport_store_prepare (store,
                                "UPDATE talking_points SET recur_every = ?2, recur_unit = ?3,"
                                " series = coalesce (series, ?4),"
                                " next_due = CASE WHEN ?3 IS NULL THEN NULL ELSE next_due END,"
                                " updated_at = ?5"
                                " WHERE id = ?1 AND deleted = 0 AND discussed_in IS NULL",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  bind_recurrence (stmt, 2, every, unit);
  sqlite3_bind_text (stmt, 4, series, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  if (!rapport_rows_step_changed_one (store, stmt, error, "%s",
                                      _("The talking point was deleted or discussed meanwhile")))
    return FALSE;

  was_recurring = self->recur_unit != RAPPORT_RECUR_NONE;
  rapport_set_str (&self->updated_at, now);
  if (self->series == NULL)
    self->series = g_strdup (series);
  if (self->recur_every != every)
    {
      self->recur_every = every;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECUR_EVERY]);
    }
  if (self->recur_unit != unit)
    {
      self->recur_unit = unit;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECUR_UNIT]);
    }
  if (was_recurring != (unit != RAPPORT_RECUR_NONE))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECURRING]);
  if (unit == RAPPORT_RECUR_NONE && self->next_due != NULL)
    {
      g_clear_pointer (&self->next_due, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_DUE]);
    }
  return TRUE;
}

gboolean
rapport_talking_point_set_next_due (RapportTalkingPoint *self,
                                    RapportStore        *store,
                                    const char          *date,
                                    GError             **error)
{
  g_return_val_if_fail (RAPPORT_IS_TALKING_POINT (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (!rapport_rows_check_optional_date (date, error) || !refuse_if_discussed (self, error))
    return FALSE;
  if (date != NULL && *date == '\0')
    date = NULL;
  if (date != NULL && self->recur_unit == RAPPORT_RECUR_NONE)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("Only a recurring talking point waits for a day"));
      return FALSE;
    }
  if (g_strcmp0 (date, self->next_due) == 0)
    return TRUE;
  if (!update_column (self, store,
                      "UPDATE talking_points SET next_due = ?2, updated_at = ?3"
                      " WHERE id = ?1 AND deleted = 0 AND discussed_in IS NULL",
                      date, error))
    return FALSE;
  rapport_set_str (&self->next_due, date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_DUE]);
  return TRUE;
}

gboolean
rapport_talking_point_reorder (RapportStore *store,
                               gint64        person_id,
                               const gint64 *ids,
                               guint         n_ids,
                               GError      **error)
{
  g_autofree char *now = rapport_store_now ();
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (!rapport_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    {
      stmt = rapport_store_prepare (store,
                                    "UPDATE talking_points SET position = ?3, updated_at = ?4"
                                    " WHERE id = ?1 AND person_id = ?2 AND deleted = 0",
                                    error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      sqlite3_bind_int64 (stmt, 2, person_id);
      sqlite3_bind_int64 (stmt, 3, i);
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
      if (!rapport_rows_step_changed_one (store, stmt, error, "%s",
                                          _("A talking point to reorder was deleted meanwhile")))
        goto fail;
    }
  return rapport_store_commit (store, error);

fail:
  rapport_store_rollback (store);
  return FALSE;
}

static void
set_discussed (RapportTalkingPoint *self,
               gint64               meeting_id,
               const char          *date,
               const char          *now)
{
  gboolean was = self->discussed_in != 0;

  rapport_set_str (&self->updated_at, now);
  if (self->discussed_in != meeting_id)
    {
      self->discussed_in = meeting_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISCUSSED_IN]);
    }
  if (rapport_set_str (&self->discussed_on, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISCUSSED_ON]);
  if (was != (meeting_id != 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISCUSSED]);
}

gboolean
rapport_talking_point_mark_discussed (RapportTalkingPoint *self,
                                      RapportStore        *store,
                                      gint64               meeting_id,
                                      GError             **error)
{
  g_autofree char *now = NULL;
  g_autofree char *date = NULL;
  g_autofree char *next = NULL;
  g_autofree char *uuid = NULL;
  sqlite3_stmt    *stmt;
  gint64           meeting_person;

  g_return_val_if_fail (RAPPORT_IS_TALKING_POINT (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (self->discussed_in == meeting_id)
    return TRUE;
  if (!refuse_if_discussed (self, error))
    return FALSE;

  if (!rapport_store_begin (store, error))
    return FALSE;
  if (!rapport_rows_read_meeting (store, meeting_id, &meeting_person, &date, error))
    goto fail;
  if (meeting_person != self->person_id)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("The talking point is for another person than this meeting"));
      goto fail;
    }

  now = rapport_store_now ();
  stmt = rapport_store_prepare (store,
                                "UPDATE talking_points SET discussed_in = ?2, updated_at = ?3"
                                " WHERE id = ?1 AND deleted = 0 AND discussed_in IS NULL",
                                error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, self->id);
  sqlite3_bind_int64 (stmt, 2, meeting_id);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (!rapport_rows_step_changed_one (store, stmt, error, "%s",
                                      _("The talking point was deleted or discussed meanwhile")))
    goto fail;

  /* The next time it comes up: a row of its own, waiting from the
   * interval after this meeting, in the same place in the queue. */
  next = rapport_talking_point_date_after (date, self->recur_every, self->recur_unit);
  if (next != NULL)
    {
      uuid = rapport_store_new_uuid ();
      stmt = rapport_store_prepare (store,
                                    "INSERT INTO talking_points (uuid, person_id, text, raised_by, position,"
                                    " recur_every, recur_unit, series, next_due, created_at, updated_at)"
                                    " SELECT ?2, person_id, text, raised_by, position, recur_every, recur_unit,"
                                    "  coalesce (series, uuid), ?3, ?4, ?4"
                                    " FROM talking_points WHERE id = ?1",
                                    error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, self->id);
      sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, next, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
      if (!rapport_store_step_done (store, stmt, error))
        goto fail;
    }
  if (!rapport_store_commit (store, error))
    return FALSE;

  set_discussed (self, meeting_id, date, now);
  return TRUE;

fail:
  rapport_store_rollback (store);
  return FALSE;
}

gboolean
rapport_talking_point_unmark_discussed (RapportTalkingPoint *self,
                                        RapportStore        *store,
                                        GError             **error)
{
  g_autofree char *now = NULL;
  g_autofree char *text = NULL;
  sqlite3_stmt    *stmt;
  gint64           next_id = 0;
  int              rc;

  g_return_val_if_fail (RAPPORT_IS_TALKING_POINT (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (self->discussed_in == 0)
    return TRUE;

  now = rapport_store_now ();
  if (!rapport_store_begin (store, error))
    return FALSE;

  /* The row the tick added for the next time, if the series has one
   * waiting: it goes, and an edit made to it stays on this one. */
  if (self->series != NULL)
    {
      stmt = rapport_store_prepare (store,
                                    "SELECT id, text FROM talking_points"
                                    " WHERE series = ?1 AND discussed_in IS NULL AND deleted = 0 AND id <> ?2"
                                    " ORDER BY id DESC LIMIT 1",
                                    error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, self->series, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, self->id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          next_id = sqlite3_column_int64 (stmt, 0);
          text = g_strdup (rapport_store_column_text (stmt, 1));
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          rapport_store_set_error (store, error, _("Could not read the talking points"));
          goto fail;
        }
      if (next_id != 0)
        {
          stmt = rapport_store_prepare (store, "DELETE FROM talking_points WHERE id = ?1", error);
          if (stmt == NULL)
            goto fail;
          sqlite3_bind_int64 (stmt, 1, next_id);
          if (!rapport_store_step_done (store, stmt, error))
            goto fail;
        }
    }

  stmt = rapport_store_prepare (store,
                                "UPDATE talking_points SET discussed_in = NULL, text = coalesce (?2, text),"
                                " updated_at = ?3 WHERE id = ?1 AND deleted = 0",
                                error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, self->id);
  rapport_rows_bind_text_or_null (stmt, 2, text);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (!rapport_rows_step_changed_one (store, stmt, error, "%s", _("The talking point was deleted")))
    goto fail;
  if (!rapport_store_commit (store, error))
    return FALSE;

  set_discussed (self, 0, NULL, now);
  if (text != NULL && rapport_set_str (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  return TRUE;

fail:
  rapport_store_rollback (store);
  return FALSE;
}

gboolean
rapport_talking_point_hide (RapportStore *store,
                            gint64        id,
                            gboolean      hidden,
                            GError      **error)
{
  return rapport_store_set_deleted (store, "talking_points", id, hidden, error);
}

gboolean
rapport_talking_point_purge (RapportStore *store,
                             gint64        id,
                             GError      **error)
{
  return rapport_store_purge (store, "talking_points", id, error);
}

static GListStore *
collect (RapportStore *store,
         sqlite3_stmt *stmt,
         GError      **error)
{
  return rapport_rows_collect (store, stmt, RAPPORT_TYPE_TALKING_POINT, point_from_row, NULL,
                               _("Could not read the talking points"), error);
}

/* Waiting and due: through the partial index of waiting points, already
 * in queue order. */
#define DUE "(t.next_due IS NULL OR t.next_due <= ?2)"
static const char queue_sql[] =
  "SELECT " POINT_COLUMNS ("NULL") " FROM talking_points t"
                                   " WHERE t.person_id = ?1 AND t.deleted = 0 AND t.discussed_in IS NULL AND " DUE
                                   " ORDER BY t.position, t.id";

/* Every person's, through people: one search of that index per person. */
static const char waiting_sql[] =
  "SELECT " POINT_COLUMNS ("NULL") " FROM people p CROSS JOIN talking_points t"
                                   " WHERE p.archived = 0 AND t.person_id = p.id AND t.deleted = 0 AND t.discussed_in IS NULL"
                                   " AND (t.next_due IS NULL OR t.next_due <= ?1)"
                                   " ORDER BY p.name COLLATE NOCASE, p.id, t.position, t.id";

const char *
rapport_talking_point_get_queue_sql (void)
{
  return queue_sql;
}

const char *
rapport_talking_point_get_waiting_sql (void)
{
  return waiting_sql;
}

/* One person's waiting points by @sql, with ?1 the person, ?2 today. */
static GListStore *
load_waiting_for (RapportStore *store,
                  const char   *sql,
                  gint64        person_id,
                  const char   *today,
                  GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  stmt = rapport_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  return collect (store, stmt, error);
}

GListStore *
rapport_talking_point_load_queue (RapportStore *store,
                                  gint64        person_id,
                                  const char   *today,
                                  GError      **error)
{
  return load_waiting_for (store, queue_sql, person_id, today, error);
}

GListStore *
rapport_talking_point_load_scheduled (RapportStore *store,
                                      gint64        person_id,
                                      const char   *today,
                                      GError      **error)
{
  return load_waiting_for (store,
                           "SELECT " POINT_COLUMNS ("NULL") " FROM talking_points t"
                                                            " WHERE t.person_id = ?1 AND t.deleted = 0 AND t.discussed_in IS NULL"
                                                            " AND t.next_due > ?2"
                                                            " ORDER BY t.next_due, t.position, t.id",
                           person_id, today, error);
}

GListStore *
rapport_talking_point_load_for_meeting (RapportStore *store,
                                        gint64        meeting_id,
                                        GError      **error)
{
  g_autofree char *date = NULL;
  sqlite3_stmt    *stmt;
  gint64           person_id;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  if (!rapport_rows_read_meeting (store, meeting_id, &person_id, &date, error))
    return NULL;

  stmt = rapport_store_prepare (store,
                                "SELECT " POINT_COLUMNS ("m.date") " FROM talking_points t CROSS JOIN meetings m"
                                                                   " WHERE t.discussed_in = ?3 AND t.deleted = 0 AND m.id = t.discussed_in"
                                                                   " UNION ALL "
                                                                   "SELECT " POINT_COLUMNS ("NULL") " FROM talking_points t"
                                                                                                    " WHERE t.person_id = ?1 AND t.deleted = 0 AND t.discussed_in IS NULL AND " DUE
                                                                                                    " ORDER BY 6, 1",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, meeting_id);
  return collect (store, stmt, error);
}
#undef DUE

GListStore *
rapport_talking_point_load_waiting (RapportStore *store,
                                    const char   *today,
                                    GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  stmt = rapport_store_prepare (store, waiting_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  return collect (store, stmt, error);
}

GHashTable *
rapport_talking_point_count_waiting (RapportStore *store,
                                     const char   *today,
                                     GError      **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  stmt = rapport_store_prepare (store,
                                "SELECT p.id, count(*) FROM people p CROSS JOIN talking_points t"
                                " WHERE t.person_id = p.id AND t.deleted = 0 AND t.discussed_in IS NULL"
                                " AND (t.next_due IS NULL OR t.next_due <= ?1)"
                                " GROUP BY p.id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (counts, g_memdup2 (&(gint64){ sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         GUINT_TO_POINTER ((guint) sqlite3_column_int64 (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not read the talking points"));
      return NULL;
    }
  return g_steal_pointer (&counts);
}

gboolean
rapport_talking_point_count_discussed (RapportStore      *store,
                                       gint64             person_id,
                                       const char        *series,
                                       const char *const *bounds,
                                       guint              n_buckets,
                                       guint             *counts,
                                       GError           **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (bounds != NULL && n_buckets > 0, FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, n_buckets * sizeof (guint));
  /* Three shapes, each through its own index: one series, one person, or
   * every discussed point (by the meetings' index). */
  if (series != NULL)
    stmt = rapport_store_prepare (store,
                                  "SELECT m.date FROM talking_points t CROSS JOIN meetings m"
                                  " WHERE t.series = ?1 AND t.discussed_in IS NOT NULL AND t.deleted = 0"
                                  " AND (?2 = 0 OR t.person_id = ?2)"
                                  " AND m.id = t.discussed_in AND m.deleted = 0"
                                  " AND m.date >= ?3 AND m.date < ?4",
                                  error);
  else if (person_id != 0)
    stmt = rapport_store_prepare (store,
                                  "SELECT m.date FROM talking_points t CROSS JOIN meetings m"
                                  " WHERE t.person_id = ?2 AND t.deleted = 0 AND t.discussed_in IS NOT NULL"
                                  " AND m.id = t.discussed_in AND m.deleted = 0"
                                  " AND m.date >= ?3 AND m.date < ?4",
                                  error);
  else
    stmt = rapport_store_prepare (store,
                                  "SELECT m.date FROM talking_points t CROSS JOIN meetings m"
                                  " WHERE t.discussed_in IS NOT NULL AND t.deleted = 0"
                                  " AND m.id = t.discussed_in AND m.deleted = 0"
                                  " AND m.date >= ?3 AND m.date < ?4",
                                  error);
  if (stmt == NULL)
    return FALSE;
  /* Parameters a shape does not use are left unbound (SQLITE_RANGE). */
  rapport_rows_bind_text_or_null (stmt, 1, series);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_text (stmt, 3, bounds[0], -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, bounds[n_buckets], -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *date = rapport_store_column_text (stmt, 0);
      guint       lo = 0, hi = n_buckets;

      /* The bucket whose start is the last one on or before the date. */
      while (hi - lo > 1)
        {
          guint mid = (lo + hi) / 2;

          if (strcmp (bounds[mid], date) <= 0)
            lo = mid;
          else
            hi = mid;
        }
      counts[lo]++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not read the talking points"));
      return FALSE;
    }
  return TRUE;
}
