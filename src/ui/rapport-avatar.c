/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rapport-avatar.h"

/* Adwaita's stylesheet has this many avatar colours, color1 to color14. */
#define N_COLORS 14

struct _RapportAvatar
{
  GtkWidget parent_instance;

  GtkLabel *label;
  char     *text;
  char     *color_class;
  int       size;
};

G_DEFINE_FINAL_TYPE (RapportAvatar, rapport_avatar, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_TEXT,
  PROP_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
rapport_avatar_dup_initials (const char *text)
{
  GString    *initials = g_string_new (NULL);
  const char *first = NULL, *last = NULL;
  gboolean    in_word = FALSE;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        in_word = FALSE;
      else if (!in_word)
        {
          in_word = TRUE;
          if (first == NULL)
            first = p;
          else
            last = p;
        }
    }
  if (first != NULL)
    g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (first)));
  if (last != NULL)
    g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (last)));
  return g_string_free (initials, FALSE);
}

void
rapport_avatar_set_text (RapportAvatar *self,
                         const char    *text)
{
  g_autofree char *initials = NULL;

  g_return_if_fail (RAPPORT_IS_AVATAR (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);

  initials = rapport_avatar_dup_initials (text);
  gtk_label_set_label (self->label, initials);

  /* The colour AdwAvatar gives the same text, so a person keeps theirs. */
  if (self->color_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self), self->color_class);
  g_free (self->color_class);
  self->color_class = g_strdup_printf ("color%u", g_str_hash (text != NULL ? text : "") % N_COLORS + 1);
  gtk_widget_add_css_class (GTK_WIDGET (self), self->color_class);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text != NULL ? text : "",
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
rapport_avatar_get_text (RapportAvatar *self)
{
  g_return_val_if_fail (RAPPORT_IS_AVATAR (self), NULL);
  return self->text;
}

static void
set_size (RapportAvatar *self,
          int            size)
{
  self->size = size;
  gtk_widget_set_size_request (GTK_WIDGET (self), size, size);
}

static void
rapport_avatar_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RapportAvatar *self = RAPPORT_AVATAR (object);

  switch (prop_id)
    {
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    case PROP_SIZE: g_value_set_int (value, self->size); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_avatar_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RapportAvatar *self = RAPPORT_AVATAR (object);

  switch (prop_id)
    {
    case PROP_TEXT: rapport_avatar_set_text (self, g_value_get_string (value)); break;
    case PROP_SIZE: set_size (self, g_value_get_int (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_avatar_dispose (GObject *object)
{
  RapportAvatar *self = RAPPORT_AVATAR (object);

  if (self->label != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->label));
      self->label = NULL;
    }
  G_OBJECT_CLASS (rapport_avatar_parent_class)->dispose (object);
}

static void
rapport_avatar_finalize (GObject *object)
{
  RapportAvatar *self = RAPPORT_AVATAR (object);

  g_free (self->text);
  g_free (self->color_class);
  G_OBJECT_CLASS (rapport_avatar_parent_class)->finalize (object);
}

static void
rapport_avatar_class_init (RapportAvatarClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = rapport_avatar_get_property;
  object_class->set_property = rapport_avatar_set_property;
  object_class->dispose = rapport_avatar_dispose;
  object_class->finalize = rapport_avatar_finalize;

  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIZE] = g_param_spec_int ("size", NULL, NULL, 1, G_MAXINT, 32,
                                            G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "avatar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rapport_avatar_init (RapportAvatar *self)
{
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_halign (GTK_WIDGET (self->label), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self->label), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "caption-heading");
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
rapport_avatar_new (int size)
{
  return g_object_new (RAPPORT_TYPE_AVATAR, "size", size, NULL);
}
