/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-text-column"

#include "config.h"

#include "rapport-text-column.h"

struct _RapportTextColumn
{
  GtkWidget parent_instance;

  int       spacing;
};

static void rapport_text_column_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RapportTextColumn, rapport_text_column, GTK_TYPE_WIDGET, G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, rapport_text_column_buildable_init))

enum
{
  PROP_0,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec        *properties[N_PROPS];
static GtkBuildableIface *parent_buildable;

static GtkSizeRequestMode
rapport_text_column_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rapport_text_column_measure (GtkWidget     *widget,
                             GtkOrientation orientation,
                             int            for_size,
                             int           *minimum,
                             int           *natural,
                             int           *minimum_baseline,
                             int           *natural_baseline)
{
  RapportTextColumn *self = RAPPORT_TEXT_COLUMN (widget);
  guint              n = 0;

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min = 0, nat = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      n++;
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          /* Whatever the height: see the header. */
          gtk_widget_measure (child, orientation, -1, &min, &nat, NULL, NULL);
          *minimum = MAX (*minimum, min);
          *natural = MAX (*natural, nat);
        }
      else
        {
          gtk_widget_measure (child, orientation, for_size, &min, &nat, NULL, NULL);
          *minimum += min;
          *natural += nat;
        }
    }
  if (orientation == GTK_ORIENTATION_VERTICAL && n > 1)
    {
      *minimum += (n - 1) * self->spacing;
      *natural += (n - 1) * self->spacing;
    }
}

static void
rapport_text_column_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  RapportTextColumn *self = RAPPORT_TEXT_COLUMN (widget);
  int                min_total, nat_total, y = 0;
  gboolean           natural;

  /* Each child its natural height when all fit, else its minimum. */
  rapport_text_column_measure (widget, GTK_ORIENTATION_VERTICAL, width, &min_total, &nat_total, NULL, NULL);
  natural = nat_total <= height;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min = 0, nat = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
      gtk_widget_allocate (child, width, natural ? nat : min, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, y)));
      y += (natural ? nat : min) + self->spacing;
    }
}

static void
rapport_text_column_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rapport_text_column_parent_class)->dispose (object);
}

static void
rapport_text_column_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RapportTextColumn *self = RAPPORT_TEXT_COLUMN (object);

  switch (prop_id)
    {
    case PROP_SPACING: g_value_set_int (value, self->spacing); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_text_column_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RapportTextColumn *self = RAPPORT_TEXT_COLUMN (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      if (self->spacing != g_value_get_int (value))
        {
          self->spacing = g_value_get_int (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_text_column_add_child (GtkBuildable *buildable,
                               GtkBuilder   *builder,
                               GObject      *child,
                               const char   *type)
{
  if (GTK_IS_WIDGET (child) && type == NULL)
    rapport_text_column_append (RAPPORT_TEXT_COLUMN (buildable), GTK_WIDGET (child));
  else
    parent_buildable->add_child (buildable, builder, child, type);
}

static void
rapport_text_column_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable = g_type_interface_peek_parent (iface);
  iface->add_child = rapport_text_column_add_child;
}

static void
rapport_text_column_class_init (RapportTextColumnClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_text_column_dispose;
  object_class->get_property = rapport_text_column_get_property;
  object_class->set_property = rapport_text_column_set_property;
  widget_class->get_request_mode = rapport_text_column_get_request_mode;
  widget_class->measure = rapport_text_column_measure;
  widget_class->size_allocate = rapport_text_column_size_allocate;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Drawn as the box it replaces: Adwaita styles "row > box.header >
   * box.title" and the labels in it. */
  gtk_widget_class_set_css_name (widget_class, "box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rapport_text_column_init (RapportTextColumn *self)
{
}

GtkWidget *
rapport_text_column_new (int spacing)
{
  return g_object_new (RAPPORT_TYPE_TEXT_COLUMN, "spacing", spacing, NULL);
}

void
rapport_text_column_append (RapportTextColumn *self,
                            GtkWidget         *child)
{
  g_return_if_fail (RAPPORT_IS_TEXT_COLUMN (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}
