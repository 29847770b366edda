/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-checklist"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-checklist-item.h"
#include "rapport-text.h"

struct _RapportChecklistItem
{
  GObject          parent_instance;

  gint64           id;
  gint64           habit_id;
  char            *label;
  char            *hint;
  RapportHabitKind kind;
  gboolean         ticked;
  char            *evidence;
};

G_DEFINE_FINAL_TYPE (RapportChecklistItem, rapport_checklist_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_LABEL,
  PROP_HINT,
  PROP_TICKED,
  PROP_EVIDENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_checklist_item_finalize (GObject *object)
{
  RapportChecklistItem *self = RAPPORT_CHECKLIST_ITEM (object);

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->hint, g_free);
  g_clear_pointer (&self->evidence, g_free);

  G_OBJECT_CLASS (rapport_checklist_item_parent_class)->finalize (object);
}

static void
rapport_checklist_item_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RapportChecklistItem *self = RAPPORT_CHECKLIST_ITEM (object);

  switch (prop_id)
    {
    case PROP_LABEL: g_value_set_string (value, self->label); break;
    case PROP_HINT: g_value_set_string (value, self->hint); break;
    case PROP_TICKED: g_value_set_boolean (value, self->ticked); break;
    case PROP_EVIDENCE: g_value_set_string (value, self->evidence); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_checklist_item_class_init (RapportChecklistItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_checklist_item_finalize;
  object_class->get_property = rapport_checklist_item_get_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HINT] =
    g_param_spec_string ("hint", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TICKED] =
    g_param_spec_boolean ("ticked", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVIDENCE] =
    g_param_spec_string ("evidence", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_checklist_item_init (RapportChecklistItem *self)
{
}

gint64
rapport_checklist_item_get_id (RapportChecklistItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_CHECKLIST_ITEM (self), 0);
  return self->id;
}
gint64
rapport_checklist_item_get_habit_id (RapportChecklistItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_CHECKLIST_ITEM (self), 0);
  return self->habit_id;
}
const char *
rapport_checklist_item_get_label (RapportChecklistItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_CHECKLIST_ITEM (self), NULL);
  return self->label;
}
const char *
rapport_checklist_item_get_hint (RapportChecklistItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_CHECKLIST_ITEM (self), NULL);
  return self->hint;
}
RapportHabitKind
rapport_checklist_item_get_kind (RapportChecklistItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_CHECKLIST_ITEM (self), 0);
  return self->kind;
}
gboolean
rapport_checklist_item_get_ticked (RapportChecklistItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_CHECKLIST_ITEM (self), FALSE);
  return self->ticked;
}
const char *
rapport_checklist_item_get_evidence (RapportChecklistItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_CHECKLIST_ITEM (self), NULL);
  return self->evidence;
}

gboolean
rapport_checklist_item_set_ticked (RapportChecklistItem *self,
                                   RapportStore         *store,
                                   gboolean              ticked,
                                   GError              **error)
{
  g_autofree char *now = rapport_store_now ();
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (RAPPORT_IS_CHECKLIST_ITEM (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  ticked = !!ticked;
  if (self->ticked == ticked)
    return TRUE;

  stmt = rapport_store_prepare (store,
                                "UPDATE checklist SET ticked = ?2, updated_at = ?3 WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  sqlite3_bind_int (stmt, 2, ticked);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (!rapport_store_step_done (store, stmt, error))
    return FALSE;

  self->ticked = ticked;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TICKED]);
  return TRUE;
}

gboolean
rapport_checklist_item_set_evidence (RapportChecklistItem *self,
                                     RapportStore         *store,
                                     const char           *evidence,
                                     GError              **error)
{
  g_autofree char *now = rapport_store_now ();
  g_autofree char *clean = NULL;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (RAPPORT_IS_CHECKLIST_ITEM (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  clean = rapport_text_single_line (evidence);
  if (g_strcmp0 (clean, self->evidence) == 0)
    return TRUE;
  if (g_utf8_strlen (clean, -1) > RAPPORT_MAX_TEXT_CHARS)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("A line of evidence can have at most %d characters"), RAPPORT_MAX_TEXT_CHARS);
      return FALSE;
    }

  stmt = rapport_store_prepare (store,
                                "UPDATE checklist SET evidence = ?2, updated_at = ?3 WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (!rapport_store_step_done (store, stmt, error))
    return FALSE;

  rapport_set_str (&self->evidence, clean);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVIDENCE]);
  return TRUE;
}

typedef struct
{
  gint64 id;
  int    inactive;
  int    position;
} HabitPlace;

static int
compare_places (gconstpointer a,
                gconstpointer b)
{
  const HabitPlace *x = a, *y = b;

  if (x->inactive != y->inactive)
    return x->inactive < y->inactive ? -1 : 1;
  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

gboolean
rapport_checklist_add_habits (RapportStore *store,
                              gint64        meeting_id,
                              const gint64 *habit_ids,
                              guint         n_habits,
                              const char   *now,
                              GError      **error)
{
  g_autoptr(GArray) ordered = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (habit_ids != NULL || n_habits == 0, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  /* Rows in checklist order: a meeting keeps the order it was held with
   * (rapport_checklist_load()), whatever the checklist's order later. */
  ordered = g_array_sized_new (FALSE, FALSE, sizeof (HabitPlace), n_habits);
  stmt = rapport_store_prepare (store, "SELECT active, position FROM habits WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_habits; i++)
    {
      HabitPlace place = { habit_ids[i], G_MAXINT, G_MAXINT };

      sqlite3_bind_int64 (stmt, 1, habit_ids[i]);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          place.inactive = sqlite3_column_int (stmt, 0) ? 0 : 1;
          place.position = sqlite3_column_int (stmt, 1);
        }
      sqlite3_reset (stmt);
      g_array_append_val (ordered, place);
    }
  g_array_sort (ordered, compare_places);

  stmt = rapport_store_prepare (store,
                                "INSERT INTO checklist (uuid, meeting_id, habit_id, created_at, updated_at)"
                                " VALUES (?1, ?2, ?3, ?4, ?4)",
                                error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_habits; i++)
    {
      g_autofree char *uuid = rapport_store_new_uuid ();

      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, meeting_id);
      sqlite3_bind_int64 (stmt, 3, g_array_index (ordered, HabitPlace, i).id);
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
      if (!rapport_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

GListStore *
rapport_checklist_load (RapportStore *store,
                        gint64        meeting_id,
                        GError      **error)
{
  g_autoptr(GListStore) list = g_list_store_new (RAPPORT_TYPE_CHECKLIST_ITEM);
  g_autofree char *today = rapport_store_today ();
  sqlite3_stmt    *stmt;
  int              rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  /* A meeting of an earlier day keeps the order it was held with, the
   * order its rows were written in, so that Alt+N there still means
   * what it meant; today's follows the checklist as it is now. */
  stmt = rapport_store_prepare (store,
                                "SELECT c.id, c.habit_id, h.label, h.hint, h.kind, c.ticked, c.evidence, h.key"
                                " FROM checklist c JOIN habits h ON h.id = c.habit_id"
                                " JOIN meetings m ON m.id = c.meeting_id"
                                " WHERE c.meeting_id = ?1"
                                " ORDER BY CASE WHEN m.date < ?2 THEN c.id ELSE 0 END,"
                                " h.active DESC, h.position, h.id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RapportChecklistItem) item = g_object_new (RAPPORT_TYPE_CHECKLIST_ITEM, NULL);

      item->id = sqlite3_column_int64 (stmt, 0);
      item->habit_id = sqlite3_column_int64 (stmt, 1);
      item->label = g_strdup (rapport_habit_display_label (rapport_store_column_text (stmt, 7),
                                                           rapport_store_column_text (stmt, 2)));
      item->hint = g_strdup (rapport_habit_display_hint (rapport_store_column_text (stmt, 7),
                                                         rapport_store_column_text (stmt, 3)));
      rapport_habit_kind_from_string (rapport_store_column_text (stmt, 4), &item->kind);
      item->ticked = sqlite3_column_int (stmt, 5) != 0;
      item->evidence = g_strdup (rapport_store_column_text (stmt, 6));
      g_list_store_append (list, item);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not read the checklist"));
      return NULL;
    }
  return g_steal_pointer (&list);
}
