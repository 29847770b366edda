/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-this-week"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "rapport-alert.h"
#include "rapport-commitment.h"
#include "rapport-date.h"
#include "rapport-talking-point.h"
#include "rapport-this-week-private.h"
#include "rapport-this-week.h"

struct _RapportThisWeek
{
  GObject     parent_instance;

  char       *today;
  char       *week_end; /* the last day looked ahead */
  GListStore *due;
  GListStore *commitments;
  guint       n_overdue;
  GListStore *talking_points;
  GListStore *alerts;
  GListStore *attention;
  GHashTable *names; /* person id -> name */
};

G_DEFINE_FINAL_TYPE (RapportThisWeek, rapport_this_week, G_TYPE_OBJECT)

static void
rapport_this_week_finalize (GObject *object)
{
  RapportThisWeek *self = RAPPORT_THIS_WEEK (object);

  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->week_end, g_free);
  g_clear_object (&self->due);
  g_clear_object (&self->commitments);
  g_clear_object (&self->talking_points);
  g_clear_object (&self->alerts);
  g_clear_object (&self->attention);
  g_clear_pointer (&self->names, g_hash_table_unref);

  G_OBJECT_CLASS (rapport_this_week_parent_class)->finalize (object);
}

static void
rapport_this_week_class_init (RapportThisWeekClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_this_week_finalize;
}

static void
rapport_this_week_init (RapportThisWeek *self)
{
  self->due = g_list_store_new (RAPPORT_TYPE_ATTENTION);
  self->commitments = g_list_store_new (RAPPORT_TYPE_COMMITMENT);
  self->alerts = g_list_store_new (RAPPORT_TYPE_ALERT);
  self->names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

const char *
rapport_this_week_get_today (RapportThisWeek *self)
{
  g_return_val_if_fail (RAPPORT_IS_THIS_WEEK (self), NULL);
  return self->today;
}
GListModel *
rapport_this_week_get_due (RapportThisWeek *self)
{
  g_return_val_if_fail (RAPPORT_IS_THIS_WEEK (self), NULL);
  return G_LIST_MODEL (self->due);
}
GListModel *
rapport_this_week_get_commitments (RapportThisWeek *self)
{
  g_return_val_if_fail (RAPPORT_IS_THIS_WEEK (self), NULL);
  return G_LIST_MODEL (self->commitments);
}
guint
rapport_this_week_get_n_overdue_commitments (RapportThisWeek *self)
{
  g_return_val_if_fail (RAPPORT_IS_THIS_WEEK (self), 0);
  return self->n_overdue;
}
GListModel *
rapport_this_week_get_talking_points (RapportThisWeek *self)
{
  g_return_val_if_fail (RAPPORT_IS_THIS_WEEK (self), NULL);
  return G_LIST_MODEL (self->talking_points);
}
GListModel *
rapport_this_week_get_alerts (RapportThisWeek *self)
{
  g_return_val_if_fail (RAPPORT_IS_THIS_WEEK (self), NULL);
  return G_LIST_MODEL (self->alerts);
}
GListModel *
rapport_this_week_get_attention (RapportThisWeek *self)
{
  g_return_val_if_fail (RAPPORT_IS_THIS_WEEK (self), NULL);
  return G_LIST_MODEL (self->attention);
}

const char *
rapport_this_week_get_person_name (RapportThisWeek *self,
                                   gint64           person_id)
{
  g_return_val_if_fail (RAPPORT_IS_THIS_WEEK (self), NULL);
  return g_hash_table_lookup (self->names, &person_id);
}

gboolean
rapport_this_week_is_empty (RapportThisWeek *self)
{
  g_return_val_if_fail (RAPPORT_IS_THIS_WEEK (self), TRUE);

  return g_list_model_get_n_items (G_LIST_MODEL (self->due)) == 0 &&
         g_list_model_get_n_items (G_LIST_MODEL (self->commitments)) == 0 &&
         g_list_model_get_n_items (G_LIST_MODEL (self->talking_points)) == 0 &&
         g_list_model_get_n_items (G_LIST_MODEL (self->alerts)) == 0;
}

/* Overdue first, the latest first; then due; then coming up by day. */
static int
compare_due (gconstpointer a,
             gconstpointer b,
             gpointer      unused)
{
  const RapportCadenceStatus *x = rapport_attention_get_cadence (RAPPORT_ATTENTION ((gpointer) a));
  const RapportCadenceStatus *y = rapport_attention_get_cadence (RAPPORT_ATTENTION ((gpointer) b));
  int                         cmp;

  if (x->state != y->state)
    return x->state == RAPPORT_DUE_OVERDUE ? -1 : y->state == RAPPORT_DUE_OVERDUE ? 1
                                                : x->state == RAPPORT_DUE_DUE     ? -1
                                                                                  : 1;
  if (x->days_late != y->days_late)
    return x->days_late > y->days_late ? -1 : 1;
  cmp = strcmp (x->due_date, y->due_date);
  if (cmp != 0)
    return cmp;
  return rapport_attention_compare (a, b, NULL);
}

/* Overdue first by due date, then the others by due date, then those
 * without a due date by the day they were made. */
static int
compare_commitments (gconstpointer a,
                     gconstpointer b,
                     gpointer      data)
{
  RapportCommitment *x = RAPPORT_COMMITMENT ((gpointer) a);
  RapportCommitment *y = RAPPORT_COMMITMENT ((gpointer) b);
  const char        *today = data;
  gboolean           late_x = rapport_commitment_is_overdue (x, today);
  gboolean           late_y = rapport_commitment_is_overdue (y, today);
  const char        *due_x = rapport_commitment_get_due (x);
  const char        *due_y = rapport_commitment_get_due (y);
  gint64             id_x, id_y;
  int                cmp;

  if (late_x != late_y)
    return late_x ? -1 : 1;
  if ((due_x == NULL) != (due_y == NULL))
    return due_x == NULL ? 1 : -1;
  cmp = g_strcmp0 (due_x, due_y);
  if (cmp == 0)
    cmp = g_strcmp0 (rapport_commitment_get_made_on (x), rapport_commitment_get_made_on (y));
  if (cmp != 0)
    return cmp;
  id_x = rapport_commitment_get_id (x);
  id_y = rapport_commitment_get_id (y);
  return id_x < id_y ? -1 : id_x > id_y;
}

RapportThisWeek *
rapport_this_week_load (RapportStore *store,
                        const char   *today,
                        GError      **error)
{
  g_autoptr(RapportThisWeek) self = NULL;
  guint n;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  self = g_object_new (RAPPORT_TYPE_THIS_WEEK, NULL);
  /* Checks @today too. */
  self->attention = rapport_attention_load_all (store, today, error);
  if (self->attention == NULL)
    return NULL;
  self->today = g_strdup (today);
  self->week_end = rapport_date_add_days (today, RAPPORT_THIS_WEEK_DAYS - 1);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->attention));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportAttention) item = g_list_model_get_item (G_LIST_MODEL (self->attention), i);
      const RapportCadenceStatus *cadence = rapport_attention_get_cadence (item);
      gint64                      id = rapport_attention_get_person_id (item);
      GListModel                 *alerts = rapport_attention_get_alerts (item);
      g_autoptr(GListStore) open = NULL;
      guint n_open;

      g_hash_table_insert (self->names, g_memdup2 (&id, sizeof id),
                           g_strdup (rapport_attention_get_name (item)));
      if (rapport_attention_get_archived (item))
        continue;

      /* Due, or due within the week; and anyone not met yet, so that a
       * new manager's first week shows whom to hold a first 1:1 with. */
      if (cadence->state != RAPPORT_DUE_NONE || !cadence->met ||
          (cadence->due_date[0] != '\0' && strcmp (cadence->due_date, self->week_end) <= 0))
        g_list_store_append (self->due, item);

      for (guint k = 0; k < g_list_model_get_n_items (alerts); k++)
        {
          g_autoptr(RapportAlert) alert = g_list_model_get_item (alerts, k);
          g_list_store_append (self->alerts, alert);
        }

      /* Each person's open commitments, through their index; mine only. */
      open = rapport_commitment_load_open (store, id, error);
      if (open == NULL)
        return NULL;
      n_open = g_list_model_get_n_items (G_LIST_MODEL (open));
      for (guint k = 0; k < n_open; k++)
        {
          g_autoptr(RapportCommitment) commitment = g_list_model_get_item (G_LIST_MODEL (open), k);

          if (rapport_commitment_get_owner (commitment) != RAPPORT_COMMITMENT_OWNER_ME)
            continue;
          if (rapport_commitment_is_overdue (commitment, today))
            self->n_overdue++;
          g_list_store_append (self->commitments, commitment);
        }
    }
  g_list_store_sort (self->due, compare_due, NULL);
  g_list_store_sort (self->commitments, compare_commitments, self->today);

  self->talking_points = rapport_talking_point_load_waiting (store, today, error);
  if (self->talking_points == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

const char *const *
rapport_this_week_get_statements (void)
{
  static const char *statements[11];

  if (statements[0] == NULL)
    {
      const char *all[] = {
        rapport_attention_promises_sql,
        rapport_attention_moods_sql,
        rapport_attention_recent_sql,
        rapport_cadence_person_sql,
        rapport_cadence_missed_sql,
        rapport_cadence_people_sql,
        rapport_cadence_team_missed_sql,
        rapport_talking_point_get_waiting_sql (),
        rapport_talking_point_get_queue_sql (),
        NULL,
      };

      G_STATIC_ASSERT (G_N_ELEMENTS (all) <= G_N_ELEMENTS (statements));
      memcpy (statements, all, sizeof all);
    }
  return statements;
}
