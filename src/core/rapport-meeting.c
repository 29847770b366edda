/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "rapport-checklist-item.h"
#include "rapport-meeting.h"
#include "rapport-text.h"

struct _RapportMeeting
{
  GObject  parent_instance;

  gint64   id;
  char    *uuid;
  gint64   person_id;
  char    *date;
  char    *notes;
  int      mood;      /* 0: not recorded */
  gboolean dirty;
};

G_DEFINE_FINAL_TYPE (RapportMeeting, rapport_meeting, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DATE,
  PROP_NOTES,
  PROP_MOOD,
  PROP_DIRTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_meeting_finalize (GObject *object)
{
  RapportMeeting *self = RAPPORT_MEETING (object);

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (rapport_meeting_parent_class)->finalize (object);
}

static void
rapport_meeting_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RapportMeeting *self = RAPPORT_MEETING (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_DATE: g_value_set_string (value, self->date); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    case PROP_MOOD: g_value_set_int (value, self->mood); break;
    case PROP_DIRTY: g_value_set_boolean (value, self->dirty); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_meeting_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RapportMeeting *self = RAPPORT_MEETING (object);

  switch (prop_id)
    {
    case PROP_DATE: rapport_meeting_set_date (self, g_value_get_string (value)); break;
    case PROP_NOTES: rapport_meeting_set_notes (self, g_value_get_string (value)); break;
    case PROP_MOOD: rapport_meeting_set_mood (self, g_value_get_int (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_meeting_class_init (RapportMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_meeting_finalize;
  object_class->get_property = rapport_meeting_get_property;
  object_class->set_property = rapport_meeting_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MOOD] =
    g_param_spec_int ("mood", NULL, NULL, 0, 5, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_meeting_init (RapportMeeting *self)
{
  self->notes = g_strdup ("");
}

static void
set_dirty (RapportMeeting *self,
           gboolean        dirty)
{
  if (self->dirty == dirty)
    return;
  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

gint64 rapport_meeting_get_id (RapportMeeting *self) { g_return_val_if_fail (RAPPORT_IS_MEETING (self), 0); return self->id; }
const char *rapport_meeting_get_uuid (RapportMeeting *self) { g_return_val_if_fail (RAPPORT_IS_MEETING (self), NULL); return self->uuid; }
gint64 rapport_meeting_get_person_id (RapportMeeting *self) { g_return_val_if_fail (RAPPORT_IS_MEETING (self), 0); return self->person_id; }
const char *rapport_meeting_get_date (RapportMeeting *self) { g_return_val_if_fail (RAPPORT_IS_MEETING (self), NULL); return self->date; }
const char *rapport_meeting_get_notes (RapportMeeting *self) { g_return_val_if_fail (RAPPORT_IS_MEETING (self), NULL); return self->notes; }
int rapport_meeting_get_mood (RapportMeeting *self) { g_return_val_if_fail (RAPPORT_IS_MEETING (self), 0); return self->mood; }
gboolean rapport_meeting_get_dirty (RapportMeeting *self) { g_return_val_if_fail (RAPPORT_IS_MEETING (self), FALSE); return self->dirty; }

gboolean
rapport_date_is_valid (const char *date)
{
  int y, m, d;
  char tail;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  return strlen (date) == 10 && g_date_valid_dmy (d, m, y);
}

void
rapport_meeting_set_date (RapportMeeting *self,
                          const char     *date)
{
  g_return_if_fail (RAPPORT_IS_MEETING (self));
  g_return_if_fail (rapport_date_is_valid (date));

  if (rapport_set_str (&self->date, date))
    {
      set_dirty (self, TRUE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
    }
}

void
rapport_meeting_set_notes (RapportMeeting *self,
                           const char     *notes)
{
  g_return_if_fail (RAPPORT_IS_MEETING (self));

  if (rapport_set_str (&self->notes, notes ? notes : ""))
    {
      set_dirty (self, TRUE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
    }
}

void
rapport_meeting_set_mood (RapportMeeting *self,
                          int             mood)
{
  g_return_if_fail (RAPPORT_IS_MEETING (self));
  g_return_if_fail (mood >= 0 && mood <= 5);

  if (self->mood == mood)
    return;
  self->mood = mood;
  set_dirty (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOOD]);
}

#define MEETING_COLUMNS "id, uuid, person_id, date, notes, mood"

static gboolean
add_active_habits (RapportStore  *store,
                   gint64         meeting_id,
                   const char    *now,
                   GError       **error)
{
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;

  stmt = rapport_store_prepare (store, "SELECT id FROM habits WHERE active = 1", error);
  if (stmt == NULL)
    return FALSE;
  ids = rapport_store_step_ids (store, stmt, _("Could not read the habits"), error);
  if (ids == NULL)
    return FALSE;
  return rapport_checklist_add_habits (store, meeting_id, (const gint64 *) ids->data, ids->len,
                                       now, error);
}

RapportMeeting *
rapport_meeting_create (RapportStore  *store,
                        gint64         person_id,
                        const char    *date,
                        GError       **error)
{
  g_autofree char *uuid = rapport_store_new_uuid ();
  g_autofree char *now = rapport_store_now ();
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  if (!rapport_date_is_valid (date))
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("“%s” is not a date"), date ? date : "");
      return NULL;
    }

  if (!rapport_store_begin (store, error))
    return NULL;

  stmt = rapport_store_prepare (store,
                                "INSERT INTO meetings (uuid, person_id, date, created_at, updated_at)"
                                " VALUES (?1, ?2, ?3, ?4, ?4)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  if (!rapport_store_step_done (store, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (rapport_store_get_handle (store));

  /* The checklist this meeting is held with: the habits active now. */
  if (!add_active_habits (store, id, now, error))
    goto fail;

  if (!rapport_store_commit (store, error))
    goto fail;

  {
    RapportMeeting *self = g_object_new (RAPPORT_TYPE_MEETING, NULL);
    self->id = id;
    self->uuid = g_steal_pointer (&uuid);
    self->person_id = person_id;
    self->date = g_strdup (date);
    return self;
  }

fail:
  rapport_store_rollback (store);
  return NULL;
}

RapportMeeting *
rapport_meeting_load (RapportStore  *store,
                      gint64         id,
                      GError       **error)
{
  sqlite3_stmt *stmt;
  RapportMeeting *self = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  stmt = rapport_store_prepare (store,
                                "SELECT " MEETING_COLUMNS " FROM meetings"
                                " WHERE id = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (rapport_store_step_row (store, stmt, _("Could not read a meeting"), error,
                              _("No meeting with id %lld"), (long long) id))
    {
      self = g_object_new (RAPPORT_TYPE_MEETING, NULL);
      self->id = sqlite3_column_int64 (stmt, 0);
      self->uuid = g_strdup (rapport_store_column_text (stmt, 1));
      self->person_id = sqlite3_column_int64 (stmt, 2);
      self->date = g_strdup (rapport_store_column_text (stmt, 3));
      g_free (self->notes);
      self->notes = g_strdup (rapport_store_column_text (stmt, 4));
      self->mood = sqlite3_column_int (stmt, 5);
      sqlite3_reset (stmt);
    }
  return self;
}

gboolean
rapport_meeting_save (RapportMeeting  *self,
                      RapportStore    *store,
                      GError         **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_MEETING (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (!self->dirty)
    return TRUE;

  if (strlen (self->notes) > RAPPORT_MAX_NOTES_BYTES)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("The notes of one meeting can hold at most %d MB; these have %.1f MB. "
                     "Remove some text (it is still in the editor) so that they can be saved."),
                   RAPPORT_MAX_NOTES_BYTES / (1024 * 1024),
                   strlen (self->notes) / (1024.0 * 1024.0));
      return FALSE;
    }

  now = rapport_store_now ();
  stmt = rapport_store_prepare (store,
                                "UPDATE meetings SET date = ?2, notes = ?3, mood = ?4,"
                                " updated_at = ?5 WHERE id = ?1 AND uuid = ?6 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  sqlite3_bind_text (stmt, 2, self->date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, self->notes, -1, SQLITE_TRANSIENT);
  if (self->mood > 0)
    sqlite3_bind_int (stmt, 4, self->mood);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, self->uuid, -1, SQLITE_TRANSIENT);

  /* A single UPDATE is its own transaction in autocommit mode. */
  if (!rapport_store_step_done (store, stmt, error))
    return FALSE;
  /* The row must still be this meeting: deleted, or replaced by a restore
   * that reused its id, is not a place to write these notes. */
  if (sqlite3_changes (rapport_store_get_handle (store)) != 1)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                   _("The meeting of %s is no longer in the database (deleted or restored "
                     "from a backup), so its notes could not be saved"), self->date);
      return FALSE;
    }
  set_dirty (self, FALSE);
  return TRUE;
}

gboolean
rapport_meeting_hide (RapportStore  *store,
                      gint64         id,
                      gboolean       hidden,
                      GError       **error)
{
  return rapport_store_set_deleted (store, "meetings", id, hidden, error);
}

gboolean
rapport_meeting_purge (RapportStore  *store,
                       gint64         id,
                       GError       **error)
{
  return rapport_store_purge (store, "meetings", id, error);
}
