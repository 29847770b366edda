/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-missed-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-meeting.h"
#include "rapport-missed-meeting.h"
#include "rapport-store-rows.h"
#include "rapport-text.h"

struct _RapportMissedMeeting
{
  GObject             parent_instance;

  gint64              id;
  char               *uuid;
  gint64              person_id;
  char               *date;
  RapportMissedKind   kind;
  RapportMissedReason reason_kind;
  char               *reason;
  char               *moved_to;
};

G_DEFINE_FINAL_TYPE (RapportMissedMeeting, rapport_missed_meeting, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_PERSON_ID,
  PROP_DATE,
  PROP_KIND,
  PROP_REASON_KIND,
  PROP_REASON,
  PROP_MOVED_TO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_missed_meeting_finalize (GObject *object)
{
  RapportMissedMeeting *self = RAPPORT_MISSED_MEETING (object);

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->moved_to, g_free);

  G_OBJECT_CLASS (rapport_missed_meeting_parent_class)->finalize (object);
}

static void
rapport_missed_meeting_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RapportMissedMeeting *self = RAPPORT_MISSED_MEETING (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_PERSON_ID: g_value_set_int64 (value, self->person_id); break;
    case PROP_DATE: g_value_set_string (value, self->date); break;
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_REASON_KIND: g_value_set_enum (value, self->reason_kind); break;
    case PROP_REASON: g_value_set_string (value, self->reason); break;
    case PROP_MOVED_TO: g_value_set_string (value, self->moved_to); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_missed_meeting_class_init (RapportMissedMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_missed_meeting_finalize;
  object_class->get_property = rapport_missed_meeting_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       RAPPORT_TYPE_MISSED_KIND, RAPPORT_MISSED_SKIPPED,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON_KIND] =
    g_param_spec_enum ("reason-kind", NULL, NULL,
                       RAPPORT_TYPE_MISSED_REASON, RAPPORT_MISSED_REASON_OTHER,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MOVED_TO] =
    g_param_spec_string ("moved-to", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_missed_meeting_init (RapportMissedMeeting *self)
{
}

gint64
rapport_missed_meeting_get_id (RapportMissedMeeting *self)
{
  g_return_val_if_fail (RAPPORT_IS_MISSED_MEETING (self), 0);
  return self->id;
}
const char *
rapport_missed_meeting_get_uuid (RapportMissedMeeting *self)
{
  g_return_val_if_fail (RAPPORT_IS_MISSED_MEETING (self), NULL);
  return self->uuid;
}
gint64
rapport_missed_meeting_get_person_id (RapportMissedMeeting *self)
{
  g_return_val_if_fail (RAPPORT_IS_MISSED_MEETING (self), 0);
  return self->person_id;
}
const char *
rapport_missed_meeting_get_date (RapportMissedMeeting *self)
{
  g_return_val_if_fail (RAPPORT_IS_MISSED_MEETING (self), NULL);
  return self->date;
}
RapportMissedKind
rapport_missed_meeting_get_kind (RapportMissedMeeting *self)
{
  g_return_val_if_fail (RAPPORT_IS_MISSED_MEETING (self), 0);
  return self->kind;
}
RapportMissedReason
rapport_missed_meeting_get_reason_kind (RapportMissedMeeting *self)
{
  g_return_val_if_fail (RAPPORT_IS_MISSED_MEETING (self), 0);
  return self->reason_kind;
}
const char *
rapport_missed_meeting_get_reason (RapportMissedMeeting *self)
{
  g_return_val_if_fail (RAPPORT_IS_MISSED_MEETING (self), NULL);
  return self->reason;
}
const char *
rapport_missed_meeting_get_moved_to (RapportMissedMeeting *self)
{
  g_return_val_if_fail (RAPPORT_IS_MISSED_MEETING (self), NULL);
  return self->moved_to;
}

const char *
rapport_missed_kind_to_string (RapportMissedKind kind)
{
  return kind == RAPPORT_MISSED_MOVED ? "moved" : "skipped";
}

gboolean
rapport_missed_kind_from_string (const char        *text,
                                 RapportMissedKind *kind)
{
  if (g_strcmp0 (text, "skipped") == 0)
    *kind = RAPPORT_MISSED_SKIPPED;
  else if (g_strcmp0 (text, "moved") == 0)
    *kind = RAPPORT_MISSED_MOVED;
  else
    return FALSE;
  return TRUE;
}

const char *
rapport_missed_reason_to_string (RapportMissedReason reason)
{
  return reason == RAPPORT_MISSED_REASON_LEAVE ? "leave" : "other";
}

gboolean
rapport_missed_reason_from_string (const char          *text,
                                   RapportMissedReason *reason)
{
  if (g_strcmp0 (text, "leave") == 0)
    *reason = RAPPORT_MISSED_REASON_LEAVE;
  else if (g_strcmp0 (text, "other") == 0)
    *reason = RAPPORT_MISSED_REASON_OTHER;
  else
    return FALSE;
  return TRUE;
}

#define MISSED_COLUMNS "s.id, s.uuid, s.person_id, s.date, s.kind, s.reason_kind, s.reason, s.moved_to"

static gpointer
missed_from_row (sqlite3_stmt *stmt,
                 gpointer      unused)
{
  RapportMissedMeeting *self = g_object_new (RAPPORT_TYPE_MISSED_MEETING, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->uuid = g_strdup (rapport_store_column_text (stmt, 1));
  self->person_id = sqlite3_column_int64 (stmt, 2);
  self->date = g_strdup (rapport_store_column_text (stmt, 3));
  if (!rapport_missed_kind_from_string (rapport_store_column_text (stmt, 4), &self->kind))
    self->kind = RAPPORT_MISSED_SKIPPED;
  if (!rapport_missed_reason_from_string (rapport_store_column_text (stmt, 5), &self->reason_kind))
    self->reason_kind = RAPPORT_MISSED_REASON_OTHER;
  self->reason = g_strdup (rapport_store_column_text (stmt, 6));
  self->moved_to = rapport_rows_dup_text_or_null (stmt, 7);
  return self;
}

RapportMissedMeeting *
rapport_missed_meeting_load (RapportStore *store,
                             gint64        id,
                             GError      **error)
{
  return rapport_rows_load_by_id (store,
                                  "SELECT " MISSED_COLUMNS " FROM missed_meetings s"
                                  " WHERE s.id = ?1 AND s.deleted = 0",
                                  id, missed_from_row, _("Could not read a skipped 1:1"), error,
                                  _("No skipped or moved 1:1 with id %lld"), (long long) id);
}

RapportMissedMeeting *
rapport_missed_meeting_record (RapportStore       *store,
                               gint64              person_id,
                               const char         *date,
                               RapportMissedKind   kind,
                               RapportMissedReason reason_kind,
                               const char         *reason,
                               const char         *moved_to,
                               GError            **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  g_autofree char *clean = NULL;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (kind == RAPPORT_MISSED_SKIPPED || kind == RAPPORT_MISSED_MOVED, NULL);
  g_return_val_if_fail (reason_kind == RAPPORT_MISSED_REASON_OTHER ||
                          reason_kind == RAPPORT_MISSED_REASON_LEAVE,
                        NULL);

  if (moved_to != NULL && *moved_to == '\0')
    moved_to = NULL;
  if (!rapport_rows_check_date (date, error) || !rapport_rows_check_optional_date (moved_to, error))
    return NULL;
  if (moved_to != NULL && kind != RAPPORT_MISSED_MOVED)
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                           _("Only a moved 1:1 has a new date"));
      return NULL;
    }
  clean = rapport_text_single_line (reason);
  if (g_utf8_strlen (clean, -1) > RAPPORT_MAX_TEXT_CHARS)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("A reason can have at most %d characters"), RAPPORT_MAX_TEXT_CHARS);
      return NULL;
    }

  uuid = rapport_store_new_uuid ();
  now = rapport_store_now ();
  stmt = rapport_store_prepare (store,
                                "INSERT INTO missed_meetings (uuid, person_id, date, kind, reason, reason_kind,"
                                " moved_to, created_at, updated_at)"
                                " SELECT ?1, id, ?3, ?4, ?5, ?6, ?7, ?8, ?8 FROM people"
                                " WHERE id = ?2 AND archived = 0",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, rapport_missed_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, clean, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, rapport_missed_reason_to_string (reason_kind), -1, SQLITE_STATIC);
  if (moved_to != NULL)
    sqlite3_bind_text (stmt, 7, moved_to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  if (!rapport_rows_step_changed_one (store, stmt, error,
                                      _("No person with id %lld on the team"), (long long) person_id))
    return NULL;
  return rapport_missed_meeting_load (store, sqlite3_last_insert_rowid (rapport_store_get_handle (store)),
                                      error);
}

gboolean
rapport_missed_meeting_hide (RapportStore *store,
                             gint64        id,
                             gboolean      hidden,
                             GError      **error)
{
  return rapport_store_set_deleted (store, "missed_meetings", id, hidden, error);
}

gboolean
rapport_missed_meeting_purge (RapportStore *store,
                              gint64        id,
                              GError      **error)
{
  return rapport_store_purge (store, "missed_meetings", id, error);
}

GListStore *
rapport_missed_meeting_load_range (RapportStore *store,
                                   gint64        person_id,
                                   const char   *from,
                                   const char   *to,
                                   GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  /* Through people and the (person_id, deleted, date) index, everyone's
   * or one person's. */
  stmt = rapport_store_prepare (store,
                                "SELECT " MISSED_COLUMNS " FROM people p CROSS JOIN missed_meetings s"
                                " WHERE (?1 = 0 OR p.id = ?1) AND s.person_id = p.id AND s.deleted = 0"
                                " AND s.date >= ?2 AND s.date < ?3"
                                " ORDER BY s.date, s.id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, from != NULL ? from : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to != NULL ? to : "9999-99-99", -1, SQLITE_TRANSIENT);
  return rapport_rows_collect (store, stmt, RAPPORT_TYPE_MISSED_MEETING, missed_from_row, NULL,
                               _("Could not read the skipped 1:1s"), error);
}
