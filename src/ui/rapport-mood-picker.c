/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-mood-picker"

#include "config.h"

#include "rapport-mood-picker.h"

#define N_MOODS 5

struct _RapportMoodPicker
{
  GtkWidget        parent_instance;

  /* Template children */
  GtkToggleButton *buttons[N_MOODS];

  /* State */
  int              mood;
  gboolean         syncing; /* the buttons are being set to "mood" */
};

G_DEFINE_FINAL_TYPE (RapportMoodPicker, rapport_mood_picker, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_MOOD,
  N_PROPS
};

enum
{
  MOOD_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static void
sync_buttons (RapportMoodPicker *self)
{
  self->syncing = TRUE;
  for (int i = 0; i < N_MOODS; i++)
    gtk_toggle_button_set_active (self->buttons[i], self->mood == i + 1);
  self->syncing = FALSE;
}

int
rapport_mood_picker_get_mood (RapportMoodPicker *self)
{
  g_return_val_if_fail (RAPPORT_IS_MOOD_PICKER (self), 0);
  return self->mood;
}

void
rapport_mood_picker_set_mood (RapportMoodPicker *self,
                              int                mood)
{
  g_return_if_fail (RAPPORT_IS_MOOD_PICKER (self));
  g_return_if_fail (mood >= 0 && mood <= N_MOODS);

  if (self->mood == mood)
    return;
  self->mood = mood;
  sync_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOOD]);
}

static void
on_button_toggled (RapportMoodPicker *self,
                   GtkToggleButton   *button)
{
  int value = 0;

  if (self->syncing)
    return;
  for (int i = 0; i < N_MOODS; i++)
    if (self->buttons[i] == button)
      value = i + 1;
  g_assert (value > 0);

  rapport_mood_picker_set_mood (self, gtk_toggle_button_get_active (button) ? value : 0);
  /* Pressing the chosen one again keeps it pressed until it is 0. */
  sync_buttons (self);
  g_signal_emit (self, signals[MOOD_CHOSEN], 0, self->mood);
}

static void
rapport_mood_picker_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RAPPORT_TYPE_MOOD_PICKER);

  G_OBJECT_CLASS (rapport_mood_picker_parent_class)->dispose (object);
}

static void
rapport_mood_picker_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RapportMoodPicker *self = RAPPORT_MOOD_PICKER (object);

  switch (prop_id)
    {
    case PROP_MOOD: g_value_set_int (value, self->mood); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_mood_picker_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RapportMoodPicker *self = RAPPORT_MOOD_PICKER (object);

  switch (prop_id)
    {
    case PROP_MOOD: rapport_mood_picker_set_mood (self, g_value_get_int (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_mood_picker_class_init (RapportMoodPickerClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_mood_picker_dispose;
  object_class->get_property = rapport_mood_picker_get_property;
  object_class->set_property = rapport_mood_picker_set_property;

  properties[PROP_MOOD] =
    g_param_spec_int ("mood", NULL, NULL, 0, N_MOODS, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RapportMoodPicker::mood-chosen:
   * @mood: the mood the user chose, 0 for none
   *
   * The user pressed one of the buttons (setting "mood" does not emit it).
   */
  signals[MOOD_CHOSEN] =
    g_signal_new ("mood-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapport/Rapport/ui/rapport-mood-picker.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "button1", FALSE,
                                             G_STRUCT_OFFSET (RapportMoodPicker, buttons[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "button2", FALSE,
                                             G_STRUCT_OFFSET (RapportMoodPicker, buttons[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "button3", FALSE,
                                             G_STRUCT_OFFSET (RapportMoodPicker, buttons[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "button4", FALSE,
                                             G_STRUCT_OFFSET (RapportMoodPicker, buttons[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "button5", FALSE,
                                             G_STRUCT_OFFSET (RapportMoodPicker, buttons[4]));
  gtk_widget_class_bind_template_callback (widget_class, on_button_toggled);
}

static void
rapport_mood_picker_init (RapportMoodPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), TRUE);
}

GtkWidget *
rapport_mood_picker_new (void)
{
  return g_object_new (RAPPORT_TYPE_MOOD_PICKER, NULL);
}
