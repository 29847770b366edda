/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-history"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rapport-history-chart.h"
#include "rapport-history-describe.h"
#include "rapport-history-draw.h"

struct _RapportHistoryChart
{
  GtkWidget             parent_instance;

  /* owned */
  RapportHistorySeries *series;
  char                 *subject;
  char                 *status;
  char                 *export_title;

  /* state */
  gboolean              show_kinds;
  RapportHistoryColor   accent; /* the theme's, read again when it changes */
  RapportHistoryColor   foreground;
  RapportHistoryColor   background;
  gboolean              high_contrast;
  int                   hover_bucket; /* -1: none */
  int                   hover_row;    /* -1: none */
  int                   focus_bucket; /* -1: none */
  int                   focus_row;
};

G_DEFINE_FINAL_TYPE (RapportHistoryChart, rapport_history_chart, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SERIES,
  PROP_SHOW_KINDS,
  PROP_SUBJECT,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
color_from_rgba (RapportHistoryColor *color,
                 const GdkRGBA       *rgba)
{
  color->red = rgba->red;
  color->green = rgba->green;
  color->blue = rgba->blue;
  color->alpha = rgba->alpha;
}

void
rapport_history_chart_get_style (RapportHistoryChart *self,
                                 RapportHistoryStyle *style)
{
  g_return_if_fail (RAPPORT_IS_HISTORY_CHART (self));

  rapport_history_style_init_light (style);
  style->accent = self->accent;
  style->foreground = self->foreground;
  style->background = self->background;
  style->fill_background = FALSE;
  style->high_contrast = self->high_contrast;
  style->show = self->show_kinds ? RAPPORT_HISTORY_SHOW_KINDS : RAPPORT_HISTORY_SHOW_HABITS;
  style->font = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  if (self->hover_bucket >= 0)
    {
      style->highlight_bucket = self->hover_bucket;
      style->highlight_row = self->hover_row;
    }
  else if (gtk_widget_has_focus (GTK_WIDGET (self)))
    {
      style->highlight_bucket = self->focus_bucket;
      style->highlight_row = self->focus_row;
    }
}

static void
read_colors (RapportHistoryChart *self)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA          rgba;

  /* GTK 4.8 has no other way to read a named colour of the theme. */
  if (!gtk_style_context_lookup_color (context, "accent_color", &rgba))
    gdk_rgba_parse (&rgba, "#1c71d8");
  color_from_rgba (&self->accent, &rgba);
  gtk_style_context_get_color (context, &rgba);
  color_from_rgba (&self->foreground, &rgba);
  if (!gtk_style_context_lookup_color (context, "window_bg_color", &rgba))
    gdk_rgba_parse (&rgba, "#ffffff");
  color_from_rgba (&self->background, &rgba);
  G_GNUC_END_IGNORE_DEPRECATIONS

  self->high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
}

static void
on_style_manager_changed (RapportHistoryChart *self)
{
  read_colors (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
rapport_history_chart_css_changed (GtkWidget         *widget,
                                   GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (rapport_history_chart_parent_class)->css_changed (widget, change);
  read_colors (RAPPORT_HISTORY_CHART (widget));
  gtk_widget_queue_draw (widget);
}

static void
with_layout (RapportHistoryChart  *self,
             RapportHistoryLayout *layout)
{
  RapportHistoryStyle style;

  rapport_history_chart_get_style (self, &style);
  rapport_history_layout_init (layout, self->series, &style,
                               gtk_widget_get_width (GTK_WIDGET (self)),
                               gtk_widget_get_height (GTK_WIDGET (self)));
}

static void
update_status (RapportHistoryChart *self)
{
  RapportHistoryLayout layout;
  g_autofree char     *status = NULL;

  with_layout (self, &layout);
  if (self->series != NULL && self->focus_bucket >= 0 &&
      self->focus_bucket < (int) self->series->n_buckets &&
      self->focus_row >= 0 && self->focus_row < (int) layout.n_rows)
    status = rapport_history_describe_point (self->series, &layout.rows[self->focus_row],
                                             self->focus_bucket);
  rapport_history_layout_clear (&layout);

  if (g_strcmp0 (status, self->status) == 0)
    return;
  g_free (self->status);
  self->status = g_steal_pointer (&status);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
update_accessible (RapportHistoryChart *self)
{
  g_autofree char *description = NULL;
  const char      *label = self->subject != NULL ? self->subject : _("History chart");

  if (self->series != NULL)
    description = rapport_history_describe_series (self->series,
                                                   self->show_kinds ? RAPPORT_HISTORY_SHOW_KINDS
                                                                    : RAPPORT_HISTORY_SHOW_HABITS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : "",
                                  -1);
}

static guint
n_focus_rows (RapportHistoryChart *self)
{
  RapportHistoryLayout layout;
  guint                n;

  with_layout (self, &layout);
  n = layout.n_rows;
  rapport_history_layout_clear (&layout);
  return n;
}

static void
reset_focus (RapportHistoryChart *self)
{
  self->focus_bucket = -1;
  self->focus_row = 0;
  self->hover_bucket = -1;
  self->hover_row = -1;
  if (self->series != NULL)
    {
      /* Start at the latest bucket with a meeting. */
      for (int i = (int) self->series->n_buckets - 1; i >= 0; i--)
        if (self->series->meetings[i] > 0)
          {
            self->focus_bucket = i;
            break;
          }
      if (self->focus_bucket < 0 && self->series->n_buckets > 0)
        self->focus_bucket = self->series->n_buckets - 1;
    }
}

/* Input ------------------------------------------------------------------ */

/* In a window too narrow for the whole chart, the view scrolls it
 * sideways: bring the bucket at the keyboard focus into sight. */
static void
scroll_to_focus (RapportHistoryChart *self)
{
  GtkWidget           *parent = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkAdjustment       *adjustment;
  RapportHistoryStyle  style;
  RapportHistoryLayout layout;
  double               x;

  if (!GTK_IS_SCROLLABLE (parent) || self->focus_bucket < 0)
    return;
  adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (parent));
  if (adjustment == NULL)
    return;
  rapport_history_chart_get_style (self, &style);
  rapport_history_layout_init (&layout, self->series, &style,
                               gtk_widget_get_width (GTK_WIDGET (self)),
                               gtk_widget_get_height (GTK_WIDGET (self)));
  x = rapport_history_layout_bucket_x (&layout, self->focus_bucket);
  rapport_history_layout_clear (&layout);
  /* The first and last weeks with the labels and values beside them. */
  gtk_adjustment_clamp_page (adjustment,
                             self->focus_bucket == 0 ? 0 : x - 24,
                             self->focus_bucket + 1 == (int) self->series->n_buckets
                               ? gtk_widget_get_width (GTK_WIDGET (self))
                               : x + 24);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                RapportHistoryChart   *self)
{
  int n_buckets, n_rows;

  if (self->series == NULL || self->series->n_buckets == 0)
    return FALSE;
  n_buckets = self->series->n_buckets;
  n_rows = n_focus_rows (self);

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      self->focus_bucket = MAX (0, self->focus_bucket - 1);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      self->focus_bucket = MIN (n_buckets - 1, self->focus_bucket + 1);
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      self->focus_row = MAX (0, self->focus_row - 1);
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      self->focus_row = MIN (n_rows - 1, self->focus_row + 1);
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      self->focus_bucket = 0;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      self->focus_bucket = n_buckets - 1;
      break;
    default:
      return FALSE;
    }
  self->hover_bucket = -1;
  update_status (self);
  scroll_to_focus (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           RapportHistoryChart      *self)
{
  RapportHistoryLayout layout;
  int                  bucket, row;

  if (self->series == NULL)
    return;
  with_layout (self, &layout);
  bucket = rapport_history_layout_bucket_at (&layout, self->series->n_buckets, x);
  row = rapport_history_layout_row_at (&layout, y);
  rapport_history_layout_clear (&layout);
  if (bucket == self->hover_bucket && row == self->hover_row)
    return;
  self->hover_bucket = bucket;
  self->hover_row = row;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_leave (GtkEventControllerMotion *controller,
          RapportHistoryChart      *self)
{
  self->hover_bucket = -1;
  self->hover_row = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_focus_changed (RapportHistoryChart *self)
{
  update_status (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
rapport_history_chart_query_tooltip (GtkWidget  *widget,
                                     int         x,
                                     int         y,
                                     gboolean    keyboard,
                                     GtkTooltip *tooltip)
{
  RapportHistoryChart *self = RAPPORT_HISTORY_CHART (widget);
  RapportHistoryLayout layout;
  g_autofree char     *text = NULL;
  int                  bucket, row;

  if (self->series == NULL || self->series->n_buckets == 0)
    return FALSE;
  if (keyboard)
    {
      if (self->status == NULL)
        return FALSE;
      gtk_tooltip_set_text (tooltip, self->status);
      return TRUE;
    }

  with_layout (self, &layout);
  bucket = rapport_history_layout_bucket_at (&layout, self->series->n_buckets, x);
  row = rapport_history_layout_row_at (&layout, y);
  if (bucket >= 0 && row >= 0)
    text = rapport_history_describe_point (self->series, &layout.rows[row], bucket);
  else if (bucket >= 0 && rapport_history_layout_lane_at (&layout, y) >= 0)
    {
      /* Over the lanes of skipped 1:1s: those of the week or month. */
      g_autofree char *when = rapport_history_series_bucket_label (self->series, bucket);
      g_autofree char *missed = rapport_history_describe_missed (self->series, bucket);

      if (missed != NULL)
        /* Translators: "Week of 9 Feb: skipped on 9 Feb, for leave" */
        text = g_strdup_printf (_("%s: %s"), when, missed);
    }
  rapport_history_layout_clear (&layout);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Drawing ---------------------------------------------------------------- */

static void
rapport_history_chart_measure (GtkWidget     *widget,
                               GtkOrientation orientation,
                               int            for_size,
                               int           *minimum,
                               int           *natural,
                               int           *minimum_baseline,
                               int           *natural_baseline)
{
  RapportHistoryChart *self = RAPPORT_HISTORY_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->series ? rapport_history_minimum_width (self->series) : 0;
      *natural = MAX (*minimum, 640);
    }
  else
    {
      RapportHistoryStyle style;

      rapport_history_chart_get_style (self, &style);
      *minimum = *natural = rapport_history_natural_height (self->series, &style);
    }
}

static void
rapport_history_chart_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  RapportHistoryChart *self = RAPPORT_HISTORY_CHART (widget);
  int                  width = gtk_widget_get_width (widget);
  int                  height = gtk_widget_get_height (widget);
  RapportHistoryStyle  style;
  cairo_t             *cr;

  if (self->series == NULL || width <= 0 || height <= 0)
    return;

  rapport_history_chart_get_style (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  rapport_history_draw (cr, self->series, &style, width, height);
  cairo_destroy (cr);
}

/* API -------------------------------------------------------------------- */

GtkWidget *
rapport_history_chart_new (void)
{
  return g_object_new (RAPPORT_TYPE_HISTORY_CHART, NULL);
}

RapportHistorySeries *
rapport_history_chart_get_series (RapportHistoryChart *self)
{
  g_return_val_if_fail (RAPPORT_IS_HISTORY_CHART (self), NULL);
  return self->series;
}

void
rapport_history_chart_set_series (RapportHistoryChart  *self,
                                  RapportHistorySeries *series)
{
  g_return_if_fail (RAPPORT_IS_HISTORY_CHART (self));

  if (series == self->series)
    return;
  if (series != NULL)
    rapport_history_series_ref (series);
  g_clear_pointer (&self->series, rapport_history_series_unref);
  self->series = series;

  reset_focus (self);
  update_status (self);
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERIES]);
}

gboolean
rapport_history_chart_get_show_kinds (RapportHistoryChart *self)
{
  g_return_val_if_fail (RAPPORT_IS_HISTORY_CHART (self), FALSE);
  return self->show_kinds;
}

void
rapport_history_chart_set_show_kinds (RapportHistoryChart *self,
                                      gboolean             show_kinds)
{
  g_return_if_fail (RAPPORT_IS_HISTORY_CHART (self));

  show_kinds = !!show_kinds;
  if (show_kinds == self->show_kinds)
    return;
  self->show_kinds = show_kinds;
  reset_focus (self);
  update_status (self);
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_KINDS]);
}

void
rapport_history_chart_set_subject (RapportHistoryChart *self,
                                   const char          *subject)
{
  g_return_if_fail (RAPPORT_IS_HISTORY_CHART (self));

  if (g_strcmp0 (subject, self->subject) == 0)
    return;
  g_free (self->subject);
  self->subject = g_strdup (subject);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBJECT]);
}

void
rapport_history_chart_set_export_title (RapportHistoryChart *self,
                                        const char          *title)
{
  g_return_if_fail (RAPPORT_IS_HISTORY_CHART (self));

  g_free (self->export_title);
  self->export_title = g_strdup (title);
}

const char *
rapport_history_chart_get_status (RapportHistoryChart *self)
{
  g_return_val_if_fail (RAPPORT_IS_HISTORY_CHART (self), NULL);
  return self->status;
}

gboolean
rapport_history_chart_export (RapportHistoryChart       *self,
                              const char                *path,
                              RapportHistoryExportFormat format,
                              GError                   **error)
{
  g_autofree char    *subtitle = NULL;
  RapportHistoryStyle style;
  int                 width;

  g_return_val_if_fail (RAPPORT_IS_HISTORY_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->series == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("There is no chart to export yet"));
      return FALSE;
    }

  /* Exports look like the light theme, whatever the screen shows. */
  rapport_history_style_init_light (&style);
  style.show = self->show_kinds ? RAPPORT_HISTORY_SHOW_KINDS : RAPPORT_HISTORY_SHOW_HABITS;
  style.font = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  style.title = self->export_title;
  /* What the range covers, with its dates and year: a file outlives the
   * day it was written on, and "the last 3 months" alone says nothing. */
  subtitle = rapport_history_series_range_text (self->series);
  style.subtitle = subtitle;
  width = gtk_widget_get_width (GTK_WIDGET (self));
  if (width <= 0)
    width = 800;

  if (format == RAPPORT_HISTORY_EXPORT_SVG)
    return rapport_history_export_svg (self->series, &style, width, path, error);
  return rapport_history_export_png (self->series, &style, width, path, error);
}

/* GObject ---------------------------------------------------------------- */

static void
rapport_history_chart_finalize (GObject *object)
{
  RapportHistoryChart *self = RAPPORT_HISTORY_CHART (object);

  g_clear_pointer (&self->series, rapport_history_series_unref);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->export_title, g_free);
  g_clear_pointer (&self->status, g_free);

  G_OBJECT_CLASS (rapport_history_chart_parent_class)->finalize (object);
}

static void
rapport_history_chart_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RapportHistoryChart *self = RAPPORT_HISTORY_CHART (object);

  switch (prop_id)
    {
    case PROP_SERIES:
      g_value_set_boxed (value, self->series);
      break;
    case PROP_SHOW_KINDS:
      g_value_set_boolean (value, self->show_kinds);
      break;
    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_history_chart_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RapportHistoryChart *self = RAPPORT_HISTORY_CHART (object);

  switch (prop_id)
    {
    case PROP_SERIES:
      rapport_history_chart_set_series (self, g_value_get_boxed (value));
      break;
    case PROP_SHOW_KINDS:
      rapport_history_chart_set_show_kinds (self, g_value_get_boolean (value));
      break;
    case PROP_SUBJECT:
      rapport_history_chart_set_subject (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_history_chart_class_init (RapportHistoryChartClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rapport_history_chart_finalize;
  object_class->get_property = rapport_history_chart_get_property;
  object_class->set_property = rapport_history_chart_set_property;

  widget_class->measure = rapport_history_chart_measure;
  widget_class->snapshot = rapport_history_chart_snapshot;
  widget_class->css_changed = rapport_history_chart_css_changed;
  widget_class->query_tooltip = rapport_history_chart_query_tooltip;

  properties[PROP_SERIES] =
    g_param_spec_boxed ("series", NULL, NULL, RAPPORT_TYPE_HISTORY_SERIES,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_KINDS] =
    g_param_spec_boolean ("show-kinds", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "historychart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rapport_history_chart_init (RapportHistoryChart *self)
{
  GtkEventController *controller;

  self->hover_bucket = -1;
  self->hover_row = -1;
  self->focus_bucket = -1;
  self->focus_row = 0;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (on_focus_changed), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_focus_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (on_style_manager_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_manager_changed), self, G_CONNECT_SWAPPED);

  read_colors (self);
  update_accessible (self);
}
