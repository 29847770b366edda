/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-person"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-person.h"
#include "rapport-store-rows.h"
#include "rapport-text.h"

struct _RapportPerson
{
  GObject  parent_instance;

  gint64   id;
  char    *uuid;
  char    *name;
  char    *role;
  int      cadence_days;
  gboolean archived;
};

G_DEFINE_FINAL_TYPE (RapportPerson, rapport_person, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_NAME,
  PROP_ROLE,
  PROP_CADENCE_DAYS,
  PROP_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_person_finalize (GObject *object)
{
  RapportPerson *self = RAPPORT_PERSON (object);

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->role, g_free);

  G_OBJECT_CLASS (rapport_person_parent_class)->finalize (object);
}

static void
rapport_person_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RapportPerson *self = RAPPORT_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_UUID: g_value_set_string (value, self->uuid); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_ROLE: g_value_set_string (value, self->role); break;
    case PROP_CADENCE_DAYS: g_value_set_int (value, self->cadence_days); break;
    case PROP_ARCHIVED: g_value_set_boolean (value, self->archived); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_person_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RapportPerson *self = RAPPORT_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID: self->id = g_value_get_int64 (value); break;
    case PROP_UUID: rapport_set_str (&self->uuid, g_value_get_string (value)); break;
    case PROP_NAME: rapport_person_set_name (self, g_value_get_string (value)); break;
    case PROP_ROLE: rapport_person_set_role (self, g_value_get_string (value)); break;
    case PROP_CADENCE_DAYS: rapport_person_set_cadence_days (self, g_value_get_int (value)); break;
    case PROP_ARCHIVED: rapport_person_set_archived (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_person_class_init (RapportPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_person_finalize;
  object_class->get_property = rapport_person_get_property;
  object_class->set_property = rapport_person_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CADENCE_DAYS] =
    g_param_spec_int ("cadence-days", NULL, NULL, 1, 366, 7,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_person_init (RapportPerson *self)
{
  self->name = g_strdup ("");
  self->role = g_strdup ("");
  self->cadence_days = 7;
}

gint64
rapport_person_get_id (RapportPerson *self)
{
  g_return_val_if_fail (RAPPORT_IS_PERSON (self), 0);
  return self->id;
}

const char *
rapport_person_get_uuid (RapportPerson *self)
{
  g_return_val_if_fail (RAPPORT_IS_PERSON (self), NULL);
  return self->uuid;
}

const char *
rapport_person_get_name (RapportPerson *self)
{
  g_return_val_if_fail (RAPPORT_IS_PERSON (self), NULL);
  return self->name;
}

void
rapport_person_set_name (RapportPerson *self,
                         const char    *name)
{
  g_return_if_fail (RAPPORT_IS_PERSON (self));
  if (rapport_set_str (&self->name, name ? name : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
rapport_person_get_role (RapportPerson *self)
{
  g_return_val_if_fail (RAPPORT_IS_PERSON (self), NULL);
  return self->role;
}

void
rapport_person_set_role (RapportPerson *self,
                         const char    *role)
{
  g_return_if_fail (RAPPORT_IS_PERSON (self));
  if (rapport_set_str (&self->role, role ? role : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

int
rapport_person_get_cadence_days (RapportPerson *self)
{
  g_return_val_if_fail (RAPPORT_IS_PERSON (self), 7);
  return self->cadence_days;
}

void
rapport_person_set_cadence_days (RapportPerson *self,
                                 int            days)
{
  g_return_if_fail (RAPPORT_IS_PERSON (self));
  days = CLAMP (days, 1, 366);
  if (self->cadence_days == days)
    return;
  self->cadence_days = days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CADENCE_DAYS]);
}

gboolean
rapport_person_get_archived (RapportPerson *self)
{
  g_return_val_if_fail (RAPPORT_IS_PERSON (self), FALSE);
  return self->archived;
}

void
rapport_person_set_archived (RapportPerson *self,
                             gboolean       archived)
{
  g_return_if_fail (RAPPORT_IS_PERSON (self));
  archived = !!archived;
  if (self->archived == archived)
    return;
  self->archived = archived;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED]);
}

#define PERSON_COLUMNS "id, uuid, name, role, cadence_days, archived"

static gboolean
check_person_text (const char *name,
                   const char *role,
                   GError    **error)
{
  if (*name == '\0')
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("A person needs a name"));
      return FALSE;
    }
  if (g_utf8_strlen (name, -1) > RAPPORT_MAX_NAME_CHARS ||
      (role != NULL && g_utf8_strlen (role, -1) > RAPPORT_MAX_NAME_CHARS))
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("Names and roles can have at most %d characters"), RAPPORT_MAX_NAME_CHARS);
      return FALSE;
    }
  return TRUE;
}

static gpointer
person_from_row (sqlite3_stmt *stmt,
                 gpointer      unused)
{
  return g_object_new (RAPPORT_TYPE_PERSON,
                       "id", (gint64) sqlite3_column_int64 (stmt, 0),
                       "uuid", rapport_store_column_text (stmt, 1),
                       "name", rapport_store_column_text (stmt, 2),
                       "role", rapport_store_column_text (stmt, 3),
                       "cadence-days", sqlite3_column_int (stmt, 4),
                       "archived", sqlite3_column_int (stmt, 5) != 0,
                       NULL);
}

RapportPerson *
rapport_person_create (RapportStore *store,
                       const char   *name,
                       const char   *role,
                       GError      **error)
{
  return rapport_person_create_full (store, name, role, 7, error);
}

/* One INSERT with every field: adding a person is one write, so a failure
 * never leaves a person with the default cadence behind. */
RapportPerson *
rapport_person_create_full (RapportStore *store,
                            const char   *name,
                            const char   *role,
                            int           cadence_days,
                            GError      **error)
{
  g_autofree char *uuid = rapport_store_new_uuid ();
  g_autofree char *now = rapport_store_now ();
  g_autofree char *clean_name = NULL;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  clean_name = rapport_text_single_line (name);
  if (!check_person_text (clean_name, role, error))
    return NULL;
  cadence_days = CLAMP (cadence_days, 1, 366);

  stmt = rapport_store_prepare (store,
                                "INSERT INTO people (uuid, name, role, cadence_days, created_at, updated_at)"
                                " VALUES (?1, ?2, ?3, ?5, ?4, ?4)",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, clean_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, role ? role : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, cadence_days);
  if (!rapport_store_step_done (store, stmt, error))
    return NULL;

  return g_object_new (RAPPORT_TYPE_PERSON,
                       "id", (gint64) sqlite3_last_insert_rowid (rapport_store_get_handle (store)),
                       "uuid", uuid,
                       "name", clean_name,
                       "role", role ? role : "",
                       "cadence-days", cadence_days,
                       NULL);
}

RapportPerson *
rapport_person_load (RapportStore *store,
                     gint64        id,
                     GError      **error)
{
  return rapport_rows_load_by_id (store, "SELECT " PERSON_COLUMNS " FROM people WHERE id = ?1",
                                  id, person_from_row, _("Could not read a person"), error,
                                  _("No person with id %lld"), (long long) id);
}

gboolean
rapport_person_save (RapportPerson *self,
                     RapportStore  *store,
                     GError       **error)
{
  g_autofree char *now = rapport_store_now ();
  g_autofree char *clean_name = NULL;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (RAPPORT_IS_PERSON (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  clean_name = rapport_text_single_line (self->name);
  if (!check_person_text (clean_name, self->role, error))
    return FALSE;

  stmt = rapport_store_prepare (store,
                                "UPDATE people SET name = ?2, role = ?3, cadence_days = ?4,"
                                " archived = ?5, updated_at = ?6 WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  sqlite3_bind_text (stmt, 2, clean_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, self->role, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, self->cadence_days);
  sqlite3_bind_int (stmt, 5, self->archived);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
  return rapport_store_step_done (store, stmt, error);
}

GListStore *
rapport_person_load_all (RapportStore *store,
                         GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  stmt = rapport_store_prepare (store,
                                "SELECT " PERSON_COLUMNS " FROM people"
                                " ORDER BY name COLLATE NOCASE, id",
                                error);
  if (stmt == NULL)
    return NULL;
  return rapport_rows_collect (store, stmt, RAPPORT_TYPE_PERSON, person_from_row, NULL,
                               _("Could not read the people"), error);
}
