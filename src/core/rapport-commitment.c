/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-commitment"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-commitment.h"
#include "rapport-meeting.h"
#include "rapport-store-rows.h"
#include "rapport-text.h"

struct _RapportCommitment
{
  GObject                parent_instance;

  gint64                 id;
  char                  *uuid;
  gint64                 person_id;
  gint64                 meeting_id;
  char                  *made_on;
  char                  *text;
  RapportCommitmentOwner owner;
  char                  *due;
  char                  *closed_on;
  gboolean               carried_over;
};

G_DEFINE_FINAL_TYPE (RapportCommitment, rapport_commitment, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_MEETING_ID,
  PROP_MADE_ON,
  PROP_TEXT,
  PROP_OWNER,
  PROP_DUE,
  PROP_CLOSED_ON,
  PROP_CLOSED,
  PROP_CARRIED_OVER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_commitment_finalize (GObject *object)
{
  RapportCommitment *self = RAPPORT_COMMITMENT (object);

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->made_on, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->due, g_free);
  g_clear_pointer (&self->closed_on, g_free);

  G_OBJECT_CLASS (rapport_commitment_parent_class)->finalize (object);
}

static void
rapport_commitment_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RapportCommitment *self = RAPPORT_COMMITMENT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_MEETING_ID: g_value_set_int64 (value, self->meeting_id); break;
    case PROP_MADE_ON: g_value_set_string (value, self->made_on); break;
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    case PROP_OWNER: g_value_set_enum (value, self->owner); break;
    case PROP_DUE: g_value_set_string (value, self->due); break;
    case PROP_CLOSED_ON: g_value_set_string (value, self->closed_on); break;
    case PROP_CLOSED: g_value_set_boolean (value, self->closed_on != NULL); break;
    case PROP_CARRIED_OVER: g_value_set_boolean (value, self->carried_over); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_commitment_class_init (RapportCommitmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_commitment_finalize;
  object_class->get_property = rapport_commitment_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING_ID] =
    g_param_spec_int64 ("meeting-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MADE_ON] =
    g_param_spec_string ("made-on", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OWNER] =
    g_param_spec_enum ("owner", NULL, NULL,
                       RAPPORT_TYPE_COMMITMENT_OWNER, RAPPORT_COMMITMENT_OWNER_ME,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUE] =
    g_param_spec_string ("due", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOSED_ON] =
    g_param_spec_string ("closed-on", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOSED] =
    g_param_spec_boolean ("closed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CARRIED_OVER] =
    g_param_spec_boolean ("carried-over", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_commitment_init (RapportCommitment *self)
{
}

gint64
rapport_commitment_get_id (RapportCommitment *self)
{
  g_return_val_if_fail (RAPPORT_IS_COMMITMENT (self), 0);
  return self->id;
}
const char *
rapport_commitment_get_uuid (RapportCommitment *self)
{
  g_return_val_if_fail (RAPPORT_IS_COMMITMENT (self), NULL);
  return self->uuid;
}
gint64
rapport_commitment_get_person_id (RapportCommitment *self)
{
  g_return_val_if_fail (RAPPORT_IS_COMMITMENT (self), 0);
  return self->person_id;
}
gint64
rapport_commitment_get_meeting_id (RapportCommitment *self)
{
  g_return_val_if_fail (RAPPORT_IS_COMMITMENT (self), 0);
  return self->meeting_id;
}
const char *
rapport_commitment_get_made_on (RapportCommitment *self)
{
  g_return_val_if_fail (RAPPORT_IS_COMMITMENT (self), NULL);
  return self->made_on;
}
const char *
rapport_commitment_get_text (RapportCommitment *self)
{
  g_return_val_if_fail (RAPPORT_IS_COMMITMENT (self), NULL);
  return self->text;
}
RapportCommitmentOwner
rapport_commitment_get_owner (RapportCommitment *self)
{
  g_return_val_if_fail (RAPPORT_IS_COMMITMENT (self), 0);
  return self->owner;
}
const char *
rapport_commitment_get_due (RapportCommitment *self)
{
  g_return_val_if_fail (RAPPORT_IS_COMMITMENT (self), NULL);
  return self->due;
}
const char *
rapport_commitment_get_closed_on (RapportCommitment *self)
{
  g_return_val_if_fail (RAPPORT_IS_COMMITMENT (self), NULL);
  return self->closed_on;
}
gboolean
rapport_commitment_get_closed (RapportCommitment *self)
{
  g_return_val_if_fail (RAPPORT_IS_COMMITMENT (self), FALSE);
  return self->closed_on != NULL;
}
gboolean
rapport_commitment_get_carried_over (RapportCommitment *self)
{
  g_return_val_if_fail (RAPPORT_IS_COMMITMENT (self), FALSE);
  return self->carried_over;
}

gboolean
rapport_commitment_is_overdue (RapportCommitment *self,
                               const char        *today)
{
  g_return_val_if_fail (RAPPORT_IS_COMMITMENT (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  /* YYYY-MM-DD compares as it reads. */
  return self->closed_on == NULL && self->due != NULL && strcmp (self->due, today) < 0;
}

const char *
rapport_commitment_owner_to_string (RapportCommitmentOwner owner)
{
  return owner == RAPPORT_COMMITMENT_OWNER_THEM ? "them" : "me";
}

gboolean
rapport_commitment_owner_from_string (const char             *text,
                                      RapportCommitmentOwner *owner)
{
  if (g_strcmp0 (text, "me") == 0)
    *owner = RAPPORT_COMMITMENT_OWNER_ME;
  else if (g_strcmp0 (text, "them") == 0)
    *owner = RAPPORT_COMMITMENT_OWNER_THEM;
  else
    return FALSE;
  return TRUE;
}

/* Every query that builds objects selects these, "m0" being the meeting
 * where the commitment was made. */
#define COMMITMENT_COLUMNS \
  "c.id, c.uuid, c.person_id, c.meeting_id, c.text, c.owner, c.due, c.closed_on, m0.date"

/* @context_meeting, where not NULL, points to the id of the meeting the
 * list is for: the commitments made in others are carried over. */
static gpointer
commitment_from_row (sqlite3_stmt *stmt,
                     gpointer      context_meeting)
{
  RapportCommitment *self = g_object_new (RAPPORT_TYPE_COMMITMENT, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->uuid = g_strdup (rapport_store_column_text (stmt, 1));
  self->person_id = sqlite3_column_int64 (stmt, 2);
  self->meeting_id = sqlite3_column_int64 (stmt, 3);
  self->text = g_strdup (rapport_store_column_text (stmt, 4));
  if (!rapport_commitment_owner_from_string (rapport_store_column_text (stmt, 5), &self->owner))
    self->owner = RAPPORT_COMMITMENT_OWNER_ME;
  self->due = rapport_rows_dup_text_or_null (stmt, 6);
  self->closed_on = rapport_rows_dup_text_or_null (stmt, 7);
  self->made_on = g_strdup (rapport_store_column_text (stmt, 8));
  if (context_meeting != NULL)
    self->carried_over = self->meeting_id != *(gint64 *) context_meeting;
  return self;
}

static gboolean
check_text (const char *text,
            char      **clean,
            GError    **error)
{
  return rapport_rows_check_text (text, clean, _("A commitment needs some text"), error,
                                  _("A commitment can have at most %d characters"),
                                  RAPPORT_MAX_TEXT_CHARS);
}

RapportCommitment *
rapport_commitment_load (RapportStore *store,
                         gint64        id,
                         GError      **error)
{
  return rapport_rows_load_by_id (store,
                                  "SELECT " COMMITMENT_COLUMNS
                                  " FROM commitments c JOIN meetings m0 ON m0.id = c.meeting_id"
                                  " WHERE c.id = ?1 AND c.deleted = 0",
                                  id, commitment_from_row, _("Could not read a commitment"), error,
                                  _("No commitment with id %lld"), (long long) id);
}

RapportCommitment *
rapport_commitment_create (RapportStore          *store,
                           gint64                 meeting_id,
                           const char            *text,
                           RapportCommitmentOwner owner,
                           const char            *due,
                           GError               **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (owner == RAPPORT_COMMITMENT_OWNER_ME ||
                          owner == RAPPORT_COMMITMENT_OWNER_THEM,
                        NULL);

  if (!check_text (text, &clean, error) || !rapport_rows_check_optional_date (due, error))
    return NULL;

  uuid = rapport_store_new_uuid ();
  now = rapport_store_now ();
  /* The person comes from the meeting, so the two cannot disagree. */
  stmt = rapport_store_prepare (store,
                                "INSERT INTO commitments (uuid, person_id, meeting_id, text, owner, due,"
                                " created_at, updated_at)"
                                " SELECT ?1, person_id, id, ?3, ?4, ?5, ?6, ?6 FROM meetings"
                                " WHERE id = ?2 AND deleted = 0",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, meeting_id);
  sqlite3_bind_text (stmt, 3, clean, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, rapport_commitment_owner_to_string (owner), -1, SQLITE_STATIC);
  rapport_rows_bind_text_or_null (stmt, 5, due);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
  if (!rapport_rows_step_changed_one (store, stmt, error,
                                      _("No meeting with id %lld"), (long long) meeting_id))
    return NULL;

  return rapport_commitment_load (store,
                                  sqlite3_last_insert_rowid (rapport_store_get_handle (store)),
                                  error);
}

/* One column, one UPDATE: each is its own transaction in autocommit mode. */
static gboolean
update_column (RapportCommitment *self,
               RapportStore      *store,
               const char        *sql,
               const char        *value,
               GError           **error)
{
  g_autofree char *now = rapport_store_now ();

  return rapport_rows_update_column (store, sql, self->id, value, now,
                                     _("The commitment was deleted"), error);
}

gboolean
rapport_commitment_set_text (RapportCommitment *self,
                             RapportStore      *store,
                             const char        *text,
                             GError           **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (RAPPORT_IS_COMMITMENT (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (!check_text (text, &clean, error))
    return FALSE;
  if (g_strcmp0 (clean, self->text) == 0)
    return TRUE;
  if (!update_column (self, store,
                      "UPDATE commitments SET text = ?2, updated_at = ?3 WHERE id = ?1 AND deleted = 0",
                      clean, error))
    return FALSE;
  rapport_set_str (&self->text, clean);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  return TRUE;
}

gboolean
rapport_commitment_set_owner (RapportCommitment     *self,
                              RapportStore          *store,
                              RapportCommitmentOwner owner,
                              GError               **error)
{
  g_return_val_if_fail (RAPPORT_IS_COMMITMENT (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (owner == RAPPORT_COMMITMENT_OWNER_ME ||
                          owner == RAPPORT_COMMITMENT_OWNER_THEM,
                        FALSE);

  if (self->owner == owner)
    return TRUE;
  if (!update_column (self, store,
                      "UPDATE commitments SET owner = ?2, updated_at = ?3 WHERE id = ?1 AND deleted = 0",
                      rapport_commitment_owner_to_string (owner), error))
    return FALSE;
  self->owner = owner;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER]);
  return TRUE;
}

gboolean
rapport_commitment_set_due (RapportCommitment *self,
                            RapportStore      *store,
                            const char        *due,
                            GError           **error)
{
  g_return_val_if_fail (RAPPORT_IS_COMMITMENT (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (!rapport_rows_check_optional_date (due, error))
    return FALSE;
  if (due != NULL && *due == '\0')
    due = NULL;
  if (g_strcmp0 (due, self->due) == 0)
    return TRUE;
  if (!update_column (self, store,
                      "UPDATE commitments SET due = ?2, updated_at = ?3 WHERE id = ?1 AND deleted = 0",
                      due, error))
    return FALSE;
  rapport_set_str (&self->due, due);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE]);
  return TRUE;
}

static gboolean
set_closed_on (RapportCommitment *self,
               RapportStore      *store,
               const char        *date,
               GError           **error)
{
  gboolean was_closed = self->closed_on != NULL;

  /* Always written: another object for the same row (the brief's, another
   * meeting's) may have changed it since this one was loaded. */
  if (!update_column (self, store,
                      "UPDATE commitments SET closed_on = ?2, updated_at = ?3 WHERE id = ?1 AND deleted = 0",
                      date, error))
    return FALSE;
  if (rapport_set_str (&self->closed_on, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOSED_ON]);
  if (was_closed != (date != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOSED]);
  return TRUE;
}

gboolean
rapport_commitment_close (RapportCommitment *self,
                          RapportStore      *store,
                          const char        *date,
                          GError           **error)
{
  g_return_val_if_fail (RAPPORT_IS_COMMITMENT (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (!rapport_rows_check_date (date, error))
    return FALSE;
  return set_closed_on (self, store, date, error);
}

gboolean
rapport_commitment_reopen (RapportCommitment *self,
                           RapportStore      *store,
                           GError           **error)
{
  g_return_val_if_fail (RAPPORT_IS_COMMITMENT (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  return set_closed_on (self, store, NULL, error);
}

gboolean
rapport_commitment_hide (RapportStore *store,
                         gint64        id,
                         gboolean      hidden,
                         GError      **error)
{
  return rapport_store_set_deleted (store, "commitments", id, hidden, error);
}

gboolean
rapport_commitment_purge (RapportStore *store,
                          gint64        id,
                          GError      **error)
{
  return rapport_store_purge (store, "commitments", id, error);
}

gboolean
rapport_commitment_purge_hidden (RapportStore *store,
                                 GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  /* Going through people lets the (person_id, deleted) index find them. */
  stmt = rapport_store_prepare (store,
                                "DELETE FROM commitments WHERE id IN"
                                " (SELECT c.id FROM people p CROSS JOIN commitments c"
                                "  WHERE c.person_id = p.id AND c.deleted = 1)",
                                error);
  if (stmt == NULL)
    return FALSE;
  return rapport_store_step_done (store, stmt, error);
}

/* @context_meeting_id: the meeting the list is for, or 0. */
static GListStore *
collect (RapportStore *store,
         sqlite3_stmt *stmt,
         gint64        context_meeting_id,
         GError      **error)
{
  return rapport_rows_collect (store, stmt, RAPPORT_TYPE_COMMITMENT, commitment_from_row,
                               context_meeting_id != 0 ? &context_meeting_id : NULL,
                               _("Could not read the commitments"), error);
}

GListStore *
rapport_commitment_load_for_meeting (RapportStore *store,
                                     gint64        meeting_id,
                                     GError      **error)
{
  g_autofree char *date = NULL;
  sqlite3_stmt    *stmt;
  gint64           person_id;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  if (!rapport_rows_read_meeting (store, meeting_id, &person_id, &date, error))
    return NULL;

    /* Three parts, each served by an index: made here (by meeting), carried
   * over and still open (person, deleted, closed_on IS NULL), carried over
   * and closed on or after this date (person, deleted, closed_on >= date).
   * "Earlier" is by date, then by id for two meetings on one day. */
#define EARLIER " AND m0.deleted = 0 AND (m0.date < ?3 OR (m0.date = ?3 AND m0.id < ?1))"
  stmt = rapport_store_prepare (store,
                                "SELECT " COMMITMENT_COLUMNS
                                " FROM commitments c CROSS JOIN meetings m0"
                                " WHERE c.meeting_id = ?1 AND c.deleted = 0 AND m0.id = c.meeting_id"
                                " UNION ALL"
                                " SELECT " COMMITMENT_COLUMNS
                                " FROM commitments c CROSS JOIN meetings m0"
                                " WHERE c.person_id = ?2 AND c.deleted = 0 AND c.closed_on IS NULL"
                                " AND m0.id = c.meeting_id" EARLIER
                                " UNION ALL"
                                " SELECT " COMMITMENT_COLUMNS
                                " FROM commitments c CROSS JOIN meetings m0"
                                " WHERE c.person_id = ?2 AND c.deleted = 0 AND c.closed_on >= ?3"
                                " AND m0.id = c.meeting_id" EARLIER
                                " ORDER BY 9, 1",
                                error);
#undef EARLIER
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  return collect (store, stmt, meeting_id, error);
}

GListStore *
rapport_commitment_load_open (RapportStore *store,
                              gint64        person_id,
                              GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  stmt = rapport_store_prepare (store,
                                "SELECT " COMMITMENT_COLUMNS
                                " FROM commitments c CROSS JOIN meetings m0"
                                " WHERE c.person_id = ?1 AND c.deleted = 0 AND c.closed_on IS NULL"
                                " AND m0.id = c.meeting_id AND m0.deleted = 0"
                                " ORDER BY c.owner, c.due IS NULL, c.due, m0.date, c.id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  return collect (store, stmt, 0, error);
}
