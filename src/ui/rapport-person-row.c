/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-person-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-brief.h"
#include "rapport-person-row.h"

struct _RapportPersonRow
{
  GtkListBoxRow     parent_instance;

  /* Owned */
  RapportStore     *store;
  RapportPerson    *person;
  RapportAttention *attention;
  GBindingGroup    *bindings; /* person -> name, role and "Archived" */
  GSignalGroup     *signals;  /* person's "notify" -> due badge, accessible name */

  /* Template children */
  GtkLabel         *name_label;
  GtkLabel         *role_label;
  GtkLabel         *archived_label;
  GtkLabel         *due_label;
  GtkLabel         *reason_label;
};

G_DEFINE_FINAL_TYPE (RapportPersonRow, rapport_person_row, GTK_TYPE_LIST_BOX_ROW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_PERSON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the bindings do not cover: the due badge, read from the store, and
 * the name a screen reader says. */
static void
repaint (RapportPersonRow *self)
{
  g_autofree char *today = NULL;
  g_autofree char *accessible = NULL;
  RapportDueState  state = RAPPORT_DUE_NONE;
  const char      *badge = NULL;
  const char      *reason = NULL;
  const char      *name;
  gboolean         never_met;

  if (self->person == NULL)
    return;

  name = rapport_person_get_name (self->person);
  if (self->store != NULL)
    {
      today = rapport_store_today ();
      badge = rapport_brief_due_badge (self->store, self->person, today, &state);
    }

  /* A quiet badge: "due" when the cadence has come round, "overdue" past
   * it, "No 1:1 yet" for someone never met (not overdue from day one:
   * the badge is the core's, whatever the state). */
  never_met = badge != NULL && g_strcmp0 (badge, _("No 1:1 yet")) == 0;
  if (never_met)
    state = RAPPORT_DUE_NONE;
  gtk_label_set_label (self->due_label, badge != NULL ? badge : "");
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), badge != NULL);
  if (badge != NULL && state == RAPPORT_DUE_OVERDUE)
    gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "overdue");

  /* Why they need attention, unless the badge says it already. */
  if (self->attention != NULL && !rapport_person_get_archived (self->person) &&
      rapport_attention_get_person_id (self->attention) == rapport_person_get_id (self->person) &&
      rapport_attention_get_reason (self->attention) != RAPPORT_ATTENTION_DUE)
    {
      reason = rapport_attention_get_reason_text (self->attention);
      if (reason != NULL && (*reason == '\0' || (badge != NULL && g_ascii_strcasecmp (reason, badge) == 0)))
        reason = NULL;
    }
  gtk_label_set_label (self->reason_label, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), reason != NULL);

  if (badge != NULL && state == RAPPORT_DUE_OVERDUE)
    /* Translators: accessible name of a person in the list; %s is the name. */
    accessible = g_strdup_printf (_("%s, 1:1 overdue"), name);
  else if (badge != NULL && state == RAPPORT_DUE_DUE)
    /* Translators: accessible name of a person in the list; %s is the name. */
    accessible = g_strdup_printf (_("%s, 1:1 due"), name);
  else if (badge != NULL)
    /* Translators: accessible name of a person in the list; the name, then
     * the badge ("No 1:1 yet"). */
    accessible = g_strdup_printf (_("%s, %s"), name, badge);
  else
    accessible = g_strdup (name);
  if (reason != NULL)
    {
      char *with_reason = g_strdup_printf ("%s, %s", accessible, reason);

      g_free (accessible);
      accessible = with_reason;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static gboolean
text_is_set (GBinding     *binding,
             const GValue *from,
             GValue       *to,
             gpointer      data)
{
  const char *text = g_value_get_string (from);

  g_value_set_boolean (to, text != NULL && *text != '\0');
  return TRUE;
}

RapportPerson *
rapport_person_row_get_person (RapportPersonRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_PERSON_ROW (self), NULL);
  return self->person;
}

void
rapport_person_row_set_person (RapportPersonRow *self,
                               RapportPerson    *person)
{
  g_return_if_fail (RAPPORT_IS_PERSON_ROW (self));
  g_return_if_fail (person == NULL || RAPPORT_IS_PERSON (person));

  if (!g_set_object (&self->person, person))
    return;
  g_binding_group_set_source (self->bindings, person);
  g_signal_group_set_target (self->signals, person);
  repaint (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}

void
rapport_person_row_refresh (RapportPersonRow *self)
{
  g_return_if_fail (RAPPORT_IS_PERSON_ROW (self));
  repaint (self);
}

void
rapport_person_row_set_attention (RapportPersonRow *self,
                                  RapportAttention *attention)
{
  g_return_if_fail (RAPPORT_IS_PERSON_ROW (self));
  g_return_if_fail (attention == NULL || RAPPORT_IS_ATTENTION (attention));

  if (g_set_object (&self->attention, attention))
    repaint (self);
}

RapportAttention *
rapport_person_row_get_attention (RapportPersonRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_PERSON_ROW (self), NULL);
  return self->attention;
}

static void
rapport_person_row_dispose (GObject *object)
{
  RapportPersonRow *self = RAPPORT_PERSON_ROW (object);

  if (self->bindings != NULL)
    g_binding_group_set_source (self->bindings, NULL);
  if (self->signals != NULL)
    g_signal_group_set_target (self->signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_PERSON_ROW);
  g_clear_object (&self->bindings);
  g_clear_object (&self->signals);
  g_clear_object (&self->person);
  g_clear_object (&self->attention);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_person_row_parent_class)->dispose (object);
}

static void
rapport_person_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RapportPersonRow *self = RAPPORT_PERSON_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_PERSON: g_value_set_object (value, self->person); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_person_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RapportPersonRow *self = RAPPORT_PERSON_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    case PROP_PERSON: rapport_person_row_set_person (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_person_row_class_init (RapportPersonRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_person_row_dispose;
  object_class->get_property = rapport_person_row_get_property;
  object_class->set_property = rapport_person_row_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, RAPPORT_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapport/Rapport/ui/rapport-person-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportPersonRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, RapportPersonRow, role_label);
  gtk_widget_class_bind_template_child (widget_class, RapportPersonRow, archived_label);
  gtk_widget_class_bind_template_child (widget_class, RapportPersonRow, due_label);
  gtk_widget_class_bind_template_child (widget_class, RapportPersonRow, reason_label);
}

static void
rapport_person_row_init (RapportPersonRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "name", self->name_label, "label", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "role", self->role_label, "label", G_BINDING_SYNC_CREATE);
  g_binding_group_bind_full (self->bindings, "role", self->role_label, "visible", G_BINDING_SYNC_CREATE,
                             text_is_set, NULL, NULL, NULL);
  g_binding_group_bind (self->bindings, "archived", self->archived_label, "visible", G_BINDING_SYNC_CREATE);

  self->signals = g_signal_group_new (RAPPORT_TYPE_PERSON);
  g_signal_group_connect_swapped (self->signals, "notify", G_CALLBACK (repaint), self);
}

GtkWidget *
rapport_person_row_new (RapportStore  *store,
                        RapportPerson *person)
{
  g_return_val_if_fail (store == NULL || RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (person == NULL || RAPPORT_IS_PERSON (person), NULL);

  return g_object_new (RAPPORT_TYPE_PERSON_ROW, "store", store, "person", person, NULL);
}
