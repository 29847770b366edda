/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-meeting-list"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-meeting-list.h"

struct _RapportMeetingList
{
  GObject       parent_instance;

  RapportStore *store;
  gint64        person_id;
  GArray       *ids;    /* gint64, newest first */
  guint         limit;  /* how many of them the model shows */
  GHashTable   *loaded; /* id -> RapportMeeting, kept so a view and an
                            * editor share one object per meeting */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RapportMeetingList, rapport_meeting_list, G_TYPE_OBJECT, G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return RAPPORT_TYPE_MEETING;
}

static guint
n_shown (RapportMeetingList *self)
{
  return MIN (self->ids->len, self->limit);
}

static guint
get_n_items (GListModel *model)
{
  return n_shown (RAPPORT_MEETING_LIST (model));
}

/* Every shown meeting is loaded before the model says it is there, so
 * that get_item() never returns NULL below n_items (the GListModel
 * contract: a view would crash or show a hole). */
static gpointer
get_item (GListModel *model,
          guint       position)
{
  RapportMeetingList *self = RAPPORT_MEETING_LIST (model);
  RapportMeeting     *meeting;
  gint64              id;

  if (position >= n_shown (self))
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  meeting = g_hash_table_lookup (self->loaded, &id);
  g_return_val_if_fail (meeting != NULL, NULL);
  return g_object_ref (meeting);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
rapport_meeting_list_finalize (GObject *object)
{
  RapportMeetingList *self = RAPPORT_MEETING_LIST (object);

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->loaded, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_meeting_list_parent_class)->finalize (object);
}

static void
rapport_meeting_list_class_init (RapportMeetingListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_meeting_list_finalize;
}

static void
rapport_meeting_list_init (RapportMeetingList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->limit = RAPPORT_MEETING_LIST_PAGE;
  self->loaded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

static GArray *
query_ids (RapportMeetingList *self,
           GError            **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int           rc;

  stmt = rapport_store_prepare (self->store,
                                "SELECT id FROM meetings WHERE person_id = ?1 AND deleted = 0"
                                " ORDER BY date DESC, id DESC",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, self->person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (self->store, error, _("Could not list the meetings"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* Loads the shown meetings from position @from on that are not loaded
 * yet. One that cannot be read (deleted by another process since the ids
 * were read, or a read error) leaves the list, and the next one takes its
 * place. Emits nothing: the caller tells the views what changed. */
static void
load_shown (RapportMeetingList *self,
            guint               from)
{
  guint i = from;

  while (i < n_shown (self))
    {
      g_autoptr(GError) error = NULL;
      gint64          id = g_array_index (self->ids, gint64, i);
      RapportMeeting *meeting;
      gint64         *key;

      if (g_hash_table_contains (self->loaded, &id))
        {
          i++;
          continue;
        }
      meeting = rapport_meeting_load (self->store, id, &error);
      if (meeting == NULL)
        {
          if (g_error_matches (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND))
            g_debug ("Meeting %" G_GINT64_FORMAT " is gone: %s", id, error->message);
          else
            g_warning ("Meeting %" G_GINT64_FORMAT " could not be read: %s", id, error->message);
          g_array_remove_index (self->ids, i);
          continue;
        }
      key = g_new (gint64, 1);
      *key = id;
      g_hash_table_insert (self->loaded, key, meeting);
      i++;
    }
}

RapportMeetingList *
rapport_meeting_list_new (RapportStore *store,
                          gint64        person_id,
                          GError      **error)
{
  g_autoptr(RapportMeetingList) self = NULL;
  GArray *ids;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  self = g_object_new (RAPPORT_TYPE_MEETING_LIST, NULL);
  self->store = g_object_ref (store);
  self->person_id = person_id;
  ids = query_ids (self, error);
  if (ids == NULL)
    return NULL;
  g_array_unref (self->ids);
  self->ids = ids;
  load_shown (self, 0);
  return g_steal_pointer (&self);
}

gint64
rapport_meeting_list_get_person_id (RapportMeetingList *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING_LIST (self), 0);
  return self->person_id;
}

gboolean
rapport_meeting_list_reload (RapportMeetingList *self,
                             GError            **error)
{
  GArray        *ids;
  guint          old_len;
  GHashTableIter iter;
  gpointer       key;

  g_return_val_if_fail (RAPPORT_IS_MEETING_LIST (self), FALSE);

  ids = query_ids (self, error);
  if (ids == NULL)
    return FALSE;

  old_len = n_shown (self);
  g_array_unref (self->ids);
  self->ids = ids;

  /* Drop cached meetings that are gone; the others keep their identity. */
  g_hash_table_iter_init (&iter, self->loaded);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (rapport_meeting_list_find (self, *(gint64 *) key) == G_MAXUINT)
      g_hash_table_iter_remove (&iter);
  load_shown (self, 0);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, n_shown (self));
  return TRUE;
}

guint
rapport_meeting_list_find (RapportMeetingList *self,
                           gint64              meeting_id)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == meeting_id)
      return i;
  return G_MAXUINT;
}

guint
rapport_meeting_list_get_n_meetings (RapportMeetingList *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING_LIST (self), 0);
  return self->ids->len;
}

void
rapport_meeting_list_show_more (RapportMeetingList *self,
                                guint               at_least)
{
  guint before;

  g_return_if_fail (RAPPORT_IS_MEETING_LIST (self));

  before = n_shown (self);
  self->limit = MAX (self->limit, MIN (at_least, self->ids->len));
  load_shown (self, before);
  if (n_shown (self) > before)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, n_shown (self) - before);
}
