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
  int      mood; /* 0: not recorded */
  gboolean dirty;

  /* The row as last read or written: its revision (meetings.revision, see
   * 005-row-revision.sql) and the values the unsaved changes were made
   * from, for the merge when someone else changed the row meanwhile.
   * base_notes is NULL while the notes are unchanged (they are the base). */
  gint64   revision;
  char    *base_notes;
  char    *base_date;
  int      base_mood;
};

G_DEFINE_FINAL_TYPE (RapportMeeting, rapport_meeting, G_TYPE_OBJECT)

enum
{
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
  g_clear_pointer (&self->base_notes, g_free);
  g_clear_pointer (&self->base_date, g_free);

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

gint64
rapport_meeting_get_id (RapportMeeting *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING (self), 0);
  return self->id;
}
const char *
rapport_meeting_get_uuid (RapportMeeting *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING (self), NULL);
  return self->uuid;
}
gint64
rapport_meeting_get_person_id (RapportMeeting *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING (self), 0);
  return self->person_id;
}
const char *
rapport_meeting_get_date (RapportMeeting *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING (self), NULL);
  return self->date;
}
const char *
rapport_meeting_get_notes (RapportMeeting *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING (self), NULL);
  return self->notes;
}
int
rapport_meeting_get_mood (RapportMeeting *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING (self), 0);
  return self->mood;
}
gboolean
rapport_meeting_get_dirty (RapportMeeting *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING (self), FALSE);
  return self->dirty;
}
gint64
rapport_meeting_get_revision (RapportMeeting *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING (self), 0);
  return self->revision;
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

  notes = notes ? notes : "";
  if (strcmp (self->notes, notes) == 0)
    return;
  /* The first change since the last save keeps what it changed. */
  if (self->base_notes == NULL)
    self->base_notes = g_steal_pointer (&self->notes);
  else
    g_free (self->notes);
  self->notes = g_strdup (notes);
  set_dirty (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
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

#define MEETING_COLUMNS "id, uuid, person_id, date, notes, mood, revision"

static gboolean
add_active_habits (RapportStore *store,
                   gint64        meeting_id,
                   const char   *now,
                   GError      **error)
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
rapport_meeting_create (RapportStore *store,
                        gint64        person_id,
                        const char   *date,
                        GError      **error)
{
  g_autofree char *uuid = rapport_store_new_uuid ();
  g_autofree char *now = rapport_store_now ();
  sqlite3_stmt    *stmt;
  gint64           id;

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
                                " VALUES (?1, ?2, ?3, ?4, ?4)",
                                error);
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
    self->base_date = g_strdup (date);
    return self;
  }

fail:
  rapport_store_rollback (store);
  return NULL;
}

RapportMeeting *
rapport_meeting_load (RapportStore *store,
                      gint64        id,
                      GError      **error)
{
  sqlite3_stmt   *stmt;
  RapportMeeting *self = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  stmt = rapport_store_prepare (store,
                                "SELECT " MEETING_COLUMNS " FROM meetings"
                                " WHERE id = ?1 AND deleted = 0",
                                error);
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
      self->revision = sqlite3_column_int64 (stmt, 6);
      self->base_date = g_strdup (self->date);
      self->base_mood = self->mood;
      sqlite3_reset (stmt);
    }
  return self;
}

gboolean
rapport_meeting_save (RapportMeeting *self,
                      RapportStore   *store,
                      GError        **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt    *stmt;

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
  /* Only over the version this object was read from: a row that another
   * writer changed since (a second window, an import) is left alone. */
  stmt = rapport_store_prepare (store,
                                "UPDATE meetings SET date = ?2, notes = ?3, mood = ?4,"
                                " updated_at = ?5, revision = revision + 1"
                                " WHERE id = ?1 AND uuid = ?6 AND deleted = 0 AND revision = ?7",
                                error);
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
  sqlite3_bind_int64 (stmt, 7, self->revision);

  /* A single UPDATE is its own transaction in autocommit mode. */
  if (!rapport_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (rapport_store_get_handle (store)) != 1)
    {
      gint64 revision;

      if (!rapport_meeting_read_revision (self, store, &revision, error))
        return FALSE;
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CONFLICT,
                   _("The meeting of %s was changed elsewhere since it was opened, "
                      "so these notes were not written over it"),
                   self->date);
      return FALSE;
    }
  self->revision++;
  g_clear_pointer (&self->base_notes, g_free);
  rapport_set_str (&self->base_date, self->date);
  self->base_mood = self->mood;
  set_dirty (self, FALSE);
  return TRUE;
}

gboolean
rapport_meeting_read_revision (RapportMeeting *self,
                               RapportStore   *store,
                               gint64         *revision,
                               GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_MEETING (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  stmt = rapport_store_prepare (store,
                                "SELECT revision FROM meetings"
                                " WHERE id = ?1 AND uuid = ?2 AND deleted = 0",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  sqlite3_bind_text (stmt, 2, self->uuid, -1, SQLITE_TRANSIENT);
  if (!rapport_store_step_row (store, stmt, _("Could not read a meeting"), error,
                               _("The meeting of %s is no longer in the database (deleted or "
                                  "restored from a backup), so its notes could not be saved"),
                               self->date))
    return FALSE;
  if (revision != NULL)
    *revision = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

/* "— Another copy of these notes, saved elsewhere on 1 Dec 2026 at 18:40 —"
 * for a row last updated at @updated_at (UTC, ISO 8601). */
static char *
conflict_heading (const char *updated_at)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;

  if (updated_at != NULL)
    utc = g_date_time_new_from_iso8601 (updated_at, NULL);
  if (utc == NULL)
    return g_strdup (_("— Another copy of these notes, saved elsewhere —"));

  local = g_date_time_to_local (utc);
  /* Translators: the day in "saved elsewhere on %s at %s", e.g. "1 Dec 2026";
   * see strftime(3) for the format. */
  day = g_date_time_format (local, _("%-d %b %Y"));
  /* Translators: the time in "saved elsewhere on %s at %s", e.g. "18:40". */
  time = g_date_time_format (local, _("%H:%M"));
  /* Translators: a line put into a meeting's notes above the text of
   * another copy of them that was saved in another window or program. */
  return g_strdup_printf (_("— Another copy of these notes, saved elsewhere on %s at %s —"),
                          g_strstrip (day), time);
}

char *
rapport_meeting_merge_notes (const char *base,
                             const char *mine,
                             const char *theirs,
                             const char *their_time,
                             gboolean   *kept_both)
{
  g_autofree char *heading = NULL;
  GString         *merged;

  g_return_val_if_fail (base != NULL && mine != NULL && theirs != NULL, NULL);

  if (kept_both != NULL)
    *kept_both = FALSE;
  /* Only one side changed the text, or both to the same. */
  if (strcmp (mine, theirs) == 0 || strcmp (theirs, base) == 0)
    return g_strdup (mine);
  if (strcmp (mine, base) == 0)
    return g_strdup (theirs);

  if (kept_both != NULL)
    *kept_both = TRUE;
  heading = conflict_heading (their_time);
  merged = g_string_new (mine);
  if (*mine != '\0')
    g_string_append (merged, g_str_has_suffix (mine, "\n") ? "\n" : "\n\n");
  g_string_append (merged, heading);
  g_string_append (merged, "\n\n");
  g_string_append (merged, theirs);
  return g_string_free (merged, FALSE);
}

gboolean
rapport_meeting_refresh (RapportMeeting        *self,
                         RapportStore          *store,
                         RapportMeetingRefresh *result,
                         GError               **error)
{
  sqlite3_stmt    *stmt;
  g_autofree char *date = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *updated_at = NULL;
  g_autofree char *merged = NULL;
  gint64           person_id, revision;
  gboolean         kept_both = FALSE;
  gboolean         date_changed, notes_changed, mood_changed;
  const char      *base_notes;
  int              mood, new_mood;
  const char      *new_date;

  g_return_val_if_fail (RAPPORT_IS_MEETING (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (result != NULL)
    *result = RAPPORT_MEETING_REFRESH_UNCHANGED;

  stmt = rapport_store_prepare (store,
                                "SELECT person_id, date, notes, mood, revision, updated_at"
                                " FROM meetings WHERE id = ?1 AND uuid = ?2 AND deleted = 0",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  sqlite3_bind_text (stmt, 2, self->uuid, -1, SQLITE_TRANSIENT);
  if (!rapport_store_step_row (store, stmt, _("Could not read a meeting"), error,
                               _("The meeting of %s is no longer in the database (deleted, or "
                                  "replaced by an import or a restore)"),
                               self->date))
    return FALSE;
  person_id = sqlite3_column_int64 (stmt, 0);
  date = g_strdup (rapport_store_column_text (stmt, 1));
  notes = g_strdup (rapport_store_column_text (stmt, 2));
  mood = sqlite3_column_int (stmt, 3);
  revision = sqlite3_column_int64 (stmt, 4);
  updated_at = g_strdup (rapport_store_column_text (stmt, 5));
  sqlite3_reset (stmt);

  if (revision == self->revision)
    return TRUE;

  /* Three-way, field by field: what this copy changed since its base is
   * kept, the rest is taken from the row. Notes both sides changed keep
   * both texts, this copy's first. */
  base_notes = self->base_notes ? self->base_notes : self->notes;
  if (self->dirty)
    {
      merged = rapport_meeting_merge_notes (base_notes, self->notes, notes, updated_at, &kept_both);
      new_date = g_strcmp0 (self->date, self->base_date) != 0 ? self->date : date;
      new_mood = self->mood != self->base_mood ? self->mood : mood;
    }
  else
    {
      merged = g_strdup (notes);
      new_date = date;
      new_mood = mood;
    }

  notes_changed = strcmp (merged, self->notes) != 0;
  date_changed = g_strcmp0 (new_date, self->date) != 0;
  mood_changed = new_mood != self->mood;

  /* The row just read is the new base. */
  self->person_id = person_id;
  self->revision = revision;
  rapport_set_str (&self->base_date, date);
  self->base_mood = mood;
  g_clear_pointer (&self->base_notes, g_free);
  if (strcmp (merged, notes) != 0)
    self->base_notes = g_steal_pointer (&notes);
  if (date_changed)
    rapport_set_str (&self->date, new_date);
  if (notes_changed)
    {
      g_free (self->notes);
      self->notes = g_steal_pointer (&merged);
    }
  self->mood = new_mood;

  if (result != NULL)
    {
      if (kept_both)
        *result = RAPPORT_MEETING_REFRESH_KEPT_BOTH;
      else if (self->dirty)
        *result = RAPPORT_MEETING_REFRESH_MERGED;
      else
        *result = RAPPORT_MEETING_REFRESH_TOOK_NEWER;
    }

  set_dirty (self, self->base_notes != NULL ||
                     g_strcmp0 (self->date, self->base_date) != 0 ||
                     self->mood != self->base_mood);
  if (result != NULL && *result == RAPPORT_MEETING_REFRESH_MERGED && !self->dirty)
    *result = RAPPORT_MEETING_REFRESH_TOOK_NEWER;

  if (date_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
  if (notes_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
  if (mood_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOOD]);
  return TRUE;
}

/* What counts as white space in notes and evidence left "empty": ASCII
 * white space, no-break space, line and paragraph separators, ideographic
 * space (a set for SQLite's trim()). */
#define BLANK_CHARS " \t\n\r\v\f\u00a0\u2028\u2029\u3000"

gboolean
rapport_meeting_discard_if_untouched (RapportMeeting *self,
                                      RapportStore   *store,
                                      gboolean       *discarded,
                                      GError        **error)
{
  sqlite3_stmt *stmt;
  gboolean      gone;

  g_return_val_if_fail (RAPPORT_IS_MEETING (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (discarded != NULL)
    *discarded = FALSE;
  /* Typed here but not on disk yet: not untouched. */
  if (self->dirty)
    return TRUE;

  if (!rapport_store_begin (store, error))
    return FALSE;
  /* One statement decides and deletes, on the row as it is now: notes a
   * second writer saved a moment ago keep it. Commitments and points are
   * counted even when hidden for an undo, which deleting the meeting
   * would make impossible. An earlier commitment of the person closed
   * (or changed) since the meeting was started counts too: ticking off
   * last week's promise is what a 1:1 that happened looks like. The checklist goes with it (ON DELETE
   * CASCADE); the triggers keep search and the history sums right. */
  stmt = rapport_store_prepare (store,
                                "DELETE FROM meetings"
                                " WHERE id = ?1 AND uuid = ?2 AND deleted = 0"
                                " AND trim (notes, ?3) = '' AND mood IS NULL"
                                " AND NOT EXISTS (SELECT 1 FROM checklist c"
                                "                  WHERE c.meeting_id = ?1"
                                "                    AND (c.ticked <> 0 OR trim (c.evidence, ?3) <> ''))"
                                " AND NOT EXISTS (SELECT 1 FROM commitments c WHERE c.meeting_id = ?1)"
                                " AND NOT EXISTS (SELECT 1 FROM commitments c"
                                "                  WHERE c.person_id = meetings.person_id"
                                "                    AND c.updated_at >= meetings.created_at)"
                                " AND NOT EXISTS (SELECT 1 FROM talking_points t"
                                "                  WHERE t.discussed_in = ?1)",
                                error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, self->id);
  sqlite3_bind_text (stmt, 2, self->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, BLANK_CHARS, -1, SQLITE_STATIC);
  if (!rapport_store_step_done (store, stmt, error))
    goto fail;
  gone = sqlite3_changes (rapport_store_get_handle (store)) == 1;
  if (!rapport_store_commit (store, error))
    return FALSE;
  if (discarded != NULL)
    *discarded = gone;
  return TRUE;

fail:
  rapport_store_rollback (store);
  return FALSE;
}

gboolean
rapport_meeting_hide (RapportStore *store,
                      gint64        id,
                      gboolean      hidden,
                      GError      **error)
{
  return rapport_store_set_deleted (store, "meetings", id, hidden, error);
}

gboolean
rapport_meeting_purge (RapportStore *store,
                       gint64        id,
                       GError      **error)
{
  return rapport_store_purge (store, "meetings", id, error);
}
