/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-habit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-habit.h"
#include "rapport-store-rows.h"

struct _RapportHabit
{
  GObject          parent_instance;

  gint64           id;
  char            *uuid;
  char            *key;
  char            *label;
  char            *hint;
  RapportHabitKind kind;
  int              position;
  gboolean         active;
};

G_DEFINE_FINAL_TYPE (RapportHabit, rapport_habit, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_HINT,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_habit_finalize (GObject *object)
{
  RapportHabit *self = RAPPORT_HABIT (object);

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->hint, g_free);

  G_OBJECT_CLASS (rapport_habit_parent_class)->finalize (object);
}

static void
rapport_habit_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RapportHabit *self = RAPPORT_HABIT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_LABEL: g_value_set_string (value, self->label); break;
    case PROP_HINT: g_value_set_string (value, self->hint); break;
    case PROP_ACTIVE: g_value_set_boolean (value, self->active); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_habit_class_init (RapportHabitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_habit_finalize;
  object_class->get_property = rapport_habit_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HINT] =
    g_param_spec_string ("hint", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_habit_init (RapportHabit *self)
{
}

gint64
rapport_habit_get_id (RapportHabit *self)
{
  g_return_val_if_fail (RAPPORT_IS_HABIT (self), 0);
  return self->id;
}
const char *
rapport_habit_get_uuid (RapportHabit *self)
{
  g_return_val_if_fail (RAPPORT_IS_HABIT (self), NULL);
  return self->uuid;
}
const char *
rapport_habit_get_key (RapportHabit *self)
{
  g_return_val_if_fail (RAPPORT_IS_HABIT (self), NULL);
  return self->key;
}
const char *
rapport_habit_get_label (RapportHabit *self)
{
  g_return_val_if_fail (RAPPORT_IS_HABIT (self), NULL);
  return self->label;
}
const char *
rapport_habit_get_hint (RapportHabit *self)
{
  g_return_val_if_fail (RAPPORT_IS_HABIT (self), NULL);
  return self->hint;
}
RapportHabitKind
rapport_habit_get_kind (RapportHabit *self)
{
  g_return_val_if_fail (RAPPORT_IS_HABIT (self), 0);
  return self->kind;
}
int
rapport_habit_get_position (RapportHabit *self)
{
  g_return_val_if_fail (RAPPORT_IS_HABIT (self), 0);
  return self->position;
}
gboolean
rapport_habit_get_active (RapportHabit *self)
{
  g_return_val_if_fail (RAPPORT_IS_HABIT (self), FALSE);
  return self->active;
}

const char *
rapport_habit_kind_to_string (RapportHabitKind kind)
{
  return kind == RAPPORT_HABIT_STRUCTURE ? "structure" : "trust";
}

gboolean
rapport_habit_kind_from_string (const char       *text,
                                RapportHabitKind *kind)
{
  if (g_strcmp0 (text, "trust") == 0)
    *kind = RAPPORT_HABIT_TRUST;
  else if (g_strcmp0 (text, "structure") == 0)
    *kind = RAPPORT_HABIT_STRUCTURE;
  else
    return FALSE;
  return TRUE;
}

/* The built-in library is stored in English (resources/sql/002-seed-habits.sql),
 * so a database reads the same whatever the language it was made in. A
 * built-in habit whose label or hint is still that English text is shown
 * in the user's language; one the user has reworded is shown as written. */
static const struct
{
  const char *key;
  const char *label;
  const char *hint;
} builtin_habits[] = {
  { "listen", N_("Listen"),
    N_("Ask about their work and let them do most of the talking.") },
  { "transfer-authority", N_("Transfer authority"),
    N_("Hand over a decision along with the responsibility for it.") },
  { "explain-why", N_("Explain the why"),
    N_("Share the reason behind a request and the goal it serves.") },
  { "encourage-creativity", N_("Encourage creativity"),
    N_("Let them pick the approach and spot the risks themselves.") },
  { "big-picture", N_("Connect to the big picture"),
    N_("Show where their work lands in the product or strategy.") },
  { "recognise-work", N_("Recognise the work"),
    N_("Name one specific thing they did well.") },
  { "invest-growth", N_("Invest in growth"),
    N_("Talk about what they want to learn and where they want to go.") },
  { "show-empathy", N_("Show empathy"),
    N_("Ask how they are doing, as a person, and really hear the answer.") },
  { "clear-expectations", N_("Set clear expectations"),
    N_("Agree together what done looks like and when it is due.") },
  { "review-progress", N_("Review progress"),
    N_("Look at status early and adjust the plan side by side.") },
  { "follow-through", N_("Follow through"),
    N_("Close out what you promised at the last 1:1.") },
};

static gboolean
builtin_index (const char *key,
               guint      *index)
{
  if (key == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (builtin_habits); i++)
    if (strcmp (builtin_habits[i].key, key) == 0)
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

const char *
rapport_habit_display_label (const char *key,
                             const char *label)
{
  guint i;

  if (label != NULL && builtin_index (key, &i) && strcmp (label, builtin_habits[i].label) == 0)
    return _(builtin_habits[i].label);
  return label;
}

const char *
rapport_habit_display_hint (const char *key,
                            const char *hint)
{
  guint i;

  if (hint != NULL && builtin_index (key, &i) && strcmp (hint, builtin_habits[i].hint) == 0)
    return _(builtin_habits[i].hint);
  return hint;
}

#define HABIT_COLUMNS "id, uuid, key, label, hint, kind, position, active"

static gpointer
habit_from_row (sqlite3_stmt *stmt,
                gpointer      unused)
{
  RapportHabit *self = g_object_new (RAPPORT_TYPE_HABIT, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->uuid = g_strdup (rapport_store_column_text (stmt, 1));
  self->key = rapport_rows_dup_text_or_null (stmt, 2);
  self->label = g_strdup (rapport_habit_display_label (self->key, rapport_store_column_text (stmt, 3)));
  self->hint = g_strdup (rapport_habit_display_hint (self->key, rapport_store_column_text (stmt, 4)));
  rapport_habit_kind_from_string (rapport_store_column_text (stmt, 5), &self->kind);
  self->position = sqlite3_column_int (stmt, 6);
  self->active = sqlite3_column_int (stmt, 7) != 0;
  return self;
}

static GListStore *
load_list (RapportStore *store,
           const char   *sql,
           GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = rapport_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  return rapport_rows_collect (store, stmt, RAPPORT_TYPE_HABIT, habit_from_row, NULL,
                               _("Could not read the habits"), error);
}

GListStore *
rapport_habit_load_active (RapportStore *store,
                           GError      **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  return load_list (store,
                    "SELECT " HABIT_COLUMNS " FROM habits WHERE active = 1"
                    " ORDER BY position, id",
                    error);
}

GListStore *
rapport_habit_load_all (RapportStore *store,
                        GError      **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  return load_list (store,
                    "SELECT " HABIT_COLUMNS " FROM habits"
                    " ORDER BY active DESC, position, id",
                    error);
}

RapportHabit *
rapport_habit_load (RapportStore *store,
                    gint64        id,
                    GError      **error)
{
  return rapport_rows_load_by_id (store, "SELECT " HABIT_COLUMNS " FROM habits WHERE id = ?1",
                                  id, habit_from_row, _("Could not read a habit"), error,
                                  _("No habit with id %lld"), (long long) id);
}
