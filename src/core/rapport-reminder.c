/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-reminder"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-brief.h"
#include "rapport-commitment.h"
#include "rapport-meeting.h"
#include "rapport-person.h"
#include "rapport-reminder.h"

struct _RapportReminder
{
  char  *title;
  char  *body;
  gint64 person_id;
  guint  n_people;
  guint  n_promises;
};

void
rapport_reminder_free (RapportReminder *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->body);
  g_free (self);
}

/* My open promises to @person that are due on @today, as body lines. */
static gboolean
add_promises (RapportStore  *store,
              RapportPerson *person,
              const char    *today,
              GPtrArray     *lines,
              guint         *n_promises,
              gint64        *first_person,
              GError       **error)
{
  g_autoptr(GListStore) open = rapport_commitment_load_open (store, rapport_person_get_id (person), error);
  guint n;

  if (open == NULL)
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (open));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportCommitment) commitment = g_list_model_get_item (G_LIST_MODEL (open), i);

      if (rapport_commitment_get_owner (commitment) != RAPPORT_COMMITMENT_OWNER_ME ||
          g_strcmp0 (rapport_commitment_get_due (commitment), today) != 0)
        continue;
      /* Translators: a line of the day's reminder: whom a promise due
       * today was made to, and the promise. */
      g_ptr_array_add (lines, g_strdup_printf (_("You promised %s: %s"),
                                               rapport_person_get_name (person),
                                               rapport_commitment_get_text (commitment)));
      (*n_promises)++;
      if (*first_person == 0)
        *first_person = rapport_person_get_id (person);
    }
  return TRUE;
}

RapportReminder *
rapport_reminder_compute (RapportStore *store,
                          const char   *today,
                          GError      **error)
{
  g_autoptr(GListStore) people = NULL;
  g_autoptr(GPtrArray) overdue = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) due = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) promises = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) body = g_string_new (NULL);
  RapportReminder *self;
  gint64           first_overdue = 0, first_due = 0, first_promise = 0;
  guint            n_promises = 0, n_lines = 0, shown = 0;
  guint            n;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (rapport_date_is_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  people = rapport_person_load_all (store, error);
  if (people == NULL)
    return NULL;
  n = g_list_model_get_n_items (G_LIST_MODEL (people));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportPerson) person = g_list_model_get_item (G_LIST_MODEL (people), i);
      const char *name = rapport_person_get_name (person);

      switch (rapport_brief_due_state (store, person, today))
        {
        case RAPPORT_DUE_OVERDUE:
          /* Translators: a line of the day's reminder. */
          g_ptr_array_add (overdue, g_strdup_printf (_("%s — overdue"), name));
          if (first_overdue == 0)
            first_overdue = rapport_person_get_id (person);
          break;
        case RAPPORT_DUE_DUE:
          /* Translators: a line of the day's reminder. */
          g_ptr_array_add (due, g_strdup_printf (_("%s — due"), name));
          if (first_due == 0)
            first_due = rapport_person_get_id (person);
          break;
        case RAPPORT_DUE_NONE:
        default:
          break;
        }
      if (!add_promises (store, person, today, promises, &n_promises, &first_promise, error))
        return NULL;
    }

  if (overdue->len + due->len + promises->len == 0)
    return NULL;

  self = g_new0 (RapportReminder, 1);
  self->n_people = overdue->len + due->len;
  self->n_promises = n_promises;
  self->person_id = first_overdue != 0 ? first_overdue : first_due != 0 ? first_due
                                                                        : first_promise;
  if (self->n_people > 0)
    self->title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u 1:1 is due", "%u 1:1s are due",
                                                self->n_people),
                                   self->n_people);
  else
    self->title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u promise is due today",
                                                "%u promises are due today", n_promises),
                                   n_promises);

  n_lines = overdue->len + due->len + promises->len;
  for (guint k = 0; k < 3; k++)
    {
      GPtrArray *lines = k == 0 ? overdue : k == 1 ? due
                                                   : promises;

      for (guint i = 0; i < lines->len; i++)
        {
          /* The last line left says how many more there are. */
          if (n_lines > RAPPORT_REMINDER_MAX_LINES && shown == RAPPORT_REMINDER_MAX_LINES - 1)
            break;
          if (body->len > 0)
            g_string_append_c (body, '\n');
          g_string_append (body, g_ptr_array_index (lines, i));
          shown++;
        }
    }
  if (shown < n_lines)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", n_lines - shown),
                              n_lines - shown);
    }
  self->body = g_string_free (g_steal_pointer (&body), FALSE);
  return self;
}

const char *
rapport_reminder_get_title (RapportReminder *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

const char *
rapport_reminder_get_body (RapportReminder *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->body;
}

gint64
rapport_reminder_get_person_id (RapportReminder *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->person_id;
}

guint
rapport_reminder_get_n_people (RapportReminder *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_people;
}

guint
rapport_reminder_get_n_promises (RapportReminder *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_promises;
}
