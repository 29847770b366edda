/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-search"

#include "config.h"

#include "rapport-search-result.h"

struct _RapportSearchResult
{
  GObject           parent_instance;

  RapportSearchKind kind;
  gint64            source_id;
  gint64            person_id;
  char             *person_name;
  gint64            meeting_id;
  char             *date;
  char             *snippet;
  int               match_offset;
  int               match_length;
  double            rank;
};

G_DEFINE_FINAL_TYPE (RapportSearchResult, rapport_search_result, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PERSON_NAME,
  PROP_DATE,
  PROP_SNIPPET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_search_result_finalize (GObject *object)
{
  RapportSearchResult *self = RAPPORT_SEARCH_RESULT (object);

  g_clear_pointer (&self->person_name, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->snippet, g_free);

  G_OBJECT_CLASS (rapport_search_result_parent_class)->finalize (object);
}

static void
rapport_search_result_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RapportSearchResult *self = RAPPORT_SEARCH_RESULT (object);

  switch (prop_id)
    {
    case PROP_PERSON_NAME: g_value_set_string (value, self->person_name); break;
    case PROP_DATE: g_value_set_string (value, self->date); break;
    case PROP_SNIPPET: g_value_set_string (value, self->snippet); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_search_result_class_init (RapportSearchResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_search_result_finalize;
  object_class->get_property = rapport_search_result_get_property;

  properties[PROP_PERSON_NAME] =
    g_param_spec_string ("person-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SNIPPET] =
    g_param_spec_string ("snippet", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_search_result_init (RapportSearchResult *self)
{
  self->match_offset = -1;
}

RapportSearchResult *
rapport_search_result_new (RapportSearchKind kind,
                           gint64            source_id,
                           gint64            person_id,
                           const char       *person_name,
                           gint64            meeting_id,
                           const char       *date,
                           const char       *snippet,
                           int               match_offset,
                           int               match_length,
                           double            rank)
{
  RapportSearchResult *self = g_object_new (RAPPORT_TYPE_SEARCH_RESULT, NULL);

  self->kind = kind;
  self->source_id = source_id;
  self->person_id = person_id;
  self->person_name = g_strdup (person_name ? person_name : "");
  self->meeting_id = meeting_id;
  self->date = g_strdup (date);
  self->snippet = g_strdup (snippet ? snippet : "");
  self->match_offset = match_offset;
  self->match_length = match_offset >= 0 ? match_length : 0;
  self->rank = rank;
  return self;
}

RapportSearchKind
rapport_search_result_get_kind (RapportSearchResult *self)
{
  g_return_val_if_fail (RAPPORT_IS_SEARCH_RESULT (self), RAPPORT_SEARCH_KIND_NOTE);
  return self->kind;
}

gint64
rapport_search_result_get_source_id (RapportSearchResult *self)
{
  g_return_val_if_fail (RAPPORT_IS_SEARCH_RESULT (self), 0);
  return self->source_id;
}

gint64
rapport_search_result_get_person_id (RapportSearchResult *self)
{
  g_return_val_if_fail (RAPPORT_IS_SEARCH_RESULT (self), 0);
  return self->person_id;
}

const char *
rapport_search_result_get_person_name (RapportSearchResult *self)
{
  g_return_val_if_fail (RAPPORT_IS_SEARCH_RESULT (self), NULL);
  return self->person_name;
}

gint64
rapport_search_result_get_meeting_id (RapportSearchResult *self)
{
  g_return_val_if_fail (RAPPORT_IS_SEARCH_RESULT (self), 0);
  return self->meeting_id;
}

const char *
rapport_search_result_get_date (RapportSearchResult *self)
{
  g_return_val_if_fail (RAPPORT_IS_SEARCH_RESULT (self), NULL);
  return self->date;
}

const char *
rapport_search_result_get_snippet (RapportSearchResult *self)
{
  g_return_val_if_fail (RAPPORT_IS_SEARCH_RESULT (self), NULL);
  return self->snippet;
}

int
rapport_search_result_get_match_offset (RapportSearchResult *self)
{
  g_return_val_if_fail (RAPPORT_IS_SEARCH_RESULT (self), -1);
  return self->match_offset;
}

int
rapport_search_result_get_match_length (RapportSearchResult *self)
{
  g_return_val_if_fail (RAPPORT_IS_SEARCH_RESULT (self), 0);
  return self->match_length;
}

double
rapport_search_result_get_rank (RapportSearchResult *self)
{
  g_return_val_if_fail (RAPPORT_IS_SEARCH_RESULT (self), 0.0);
  return self->rank;
}
