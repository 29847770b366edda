/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-mood-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-mood-chart.h"
#include "rapport-trend.h"

#define CHART_HEIGHT 112
#define MIN_WIDTH 200
#define PAD 8
#define DOT_RADIUS 4.0

struct _RapportMoodChart
{
  GtkWidget         parent_instance;

  RapportBriefMood *moods;
  guint             n_moods;
  char             *today;
  RapportTrend      trend;
  char             *summary;

  GdkRGBA           accent;
  GdkRGBA           foreground;
};

G_DEFINE_FINAL_TYPE (RapportMoodChart, rapport_mood_chart, GTK_TYPE_WIDGET)

const char *
rapport_mood_chart_rule_text (void)
{
  return _("Trend: the average of the last 3 moods against the average of the 3 before them. "
            "Rising or falling when the two differ by more than half a point, otherwise steady. "
            "It takes 6 recorded moods; dashed lines show the two averages.");
}

static char *
summary_for (const RapportTrend *trend,
             guint               n)
{
  double recent = trend->recent_mean;
  double earlier = trend->earlier_mean;

  switch (trend->direction)
    {
    case RAPPORT_TREND_RISING:
      /* Translators: the mood trend; the numbers are averages on the 1 to 5 scale. */
      return g_strdup_printf (_("Rising: the last 3 moods average %.1f, the 3 before %.1f."), recent, earlier);
    case RAPPORT_TREND_FALLING:
      /* Translators: the mood trend; the numbers are averages on the 1 to 5 scale. */
      return g_strdup_printf (_("Falling: the last 3 moods average %.1f, the 3 before %.1f."), recent, earlier);
    case RAPPORT_TREND_STEADY:
      /* Translators: the mood trend; the numbers are averages on the 1 to 5 scale. */
      return g_strdup_printf (_("Steady: the last 3 moods average %.1f, the 3 before %.1f."), recent, earlier);
    case RAPPORT_TREND_NONE:
    default:
      return g_strdup_printf (ngettext ("No trend yet: it takes %u recorded moods, there is %u so far.",
                                        "No trend yet: it takes %u recorded moods, there are %u so far.", n),
                              (guint) RAPPORT_TREND_READINGS, n);
    }
}

static void
update_accessible (RapportMoodChart *self)
{
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(GString) dated = g_string_new (NULL);
  g_autofree char *label = NULL;

  for (guint i = 0; i < self->n_moods; i++)
    {
      g_autofree char *day = rapport_brief_format_date (self->moods[i].date, self->today);

      if (i > 0)
        {
          g_string_append (values, ", ");
          g_string_append (dated, ", ");
        }
      g_string_append_printf (values, "%d", self->moods[i].mood);
      /* Translators: one point of the mood chart, "3 Mar: 4". */
      g_string_append_printf (dated, _("%s: %d"), day, self->moods[i].mood);
    }

  /* Translators: the accessible name of the mood chart; %u is how many
   * moods, then their values, then the trend sentence. */
  label = g_strdup_printf (ngettext ("Mood of the last %u 1:1 with a mood, from 1 (low) to 5 (high), oldest first: %s. %s",
                                     "Mood of the last %u 1:1s with a mood, from 1 (low) to 5 (high), oldest first: %s. %s",
                                     self->n_moods),
                           self->n_moods, values->str, self->summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, dated->str,
                                  -1);
}

void
rapport_mood_chart_set_moods (RapportMoodChart       *self,
                              const RapportBriefMood *moods,
                              guint                   n,
                              const char             *today)
{
  g_autofree int *values = NULL;

  g_return_if_fail (RAPPORT_IS_MOOD_CHART (self));
  g_return_if_fail (moods != NULL || n == 0);

  g_clear_pointer (&self->moods, g_free);
  self->moods = g_memdup2 (moods, sizeof *moods * n);
  self->n_moods = n;
  g_free (self->today);
  self->today = g_strdup (today);

  values = g_new0 (int, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    values[i] = moods[i].mood;
  rapport_trend_of_moods (values, n, &self->trend);

  g_free (self->summary);
  self->summary = summary_for (&self->trend, n);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
rapport_mood_chart_get_summary (RapportMoodChart *self)
{
  g_return_val_if_fail (RAPPORT_IS_MOOD_CHART (self), NULL);
  return self->summary;
}

GtkWidget *
rapport_mood_chart_new (void)
{
  return g_object_new (RAPPORT_TYPE_MOOD_CHART, NULL);
}

/* Drawing ----------------------------------------------------------------- */

static void
read_colors (RapportMoodChart *self)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  /* GTK 4.8 has no other way to read a named colour of the theme. */
  if (!gtk_style_context_lookup_color (context, "accent_color", &self->accent))
    gdk_rgba_parse (&self->accent, "#1c71d8");
  gtk_style_context_get_color (context, &self->foreground);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
rapport_mood_chart_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (rapport_mood_chart_parent_class)->css_changed (widget, change);
  read_colors (RAPPORT_MOOD_CHART (widget));
  gtk_widget_queue_draw (widget);
}

static PangoLayout *
small_layout (RapportMoodChart *self,
              const char       *text)
{
  PangoLayout   *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *rgba,
            double         alpha)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha);
}

/* @align: 0 left, 0.5 centre, 1 right of @x; vertically centred on @y
 * unless @top. */
static void
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y,
           double       align,
           gboolean     top)
{
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - align * width, top ? y : y - height / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
draw (RapportMoodChart *self,
      cairo_t          *cr,
      int               width,
      int               height)
{
  g_autoptr(PangoLayout) high = small_layout (self, _("5 high"));
  g_autoptr(PangoLayout) middle = small_layout (self, "3");
  g_autoptr(PangoLayout) low = small_layout (self, _("1 low"));
  int    high_w, low_w, text_h;
  double gutter, top, bottom, left, right, plot_h;
  double last_label_end = -G_MAXDOUBLE;
  guint  n = self->n_moods;

#define X(i) (n > 1 ? left + (right - left) * (i) / (double) (n - 1) : (left + right) / 2)
#define Y(m) (top + plot_h * (5.0 - (m)) / 4.0)

  pango_layout_get_pixel_size (high, &high_w, &text_h);
  pango_layout_get_pixel_size (low, &low_w, NULL);
  gutter = MAX (high_w, low_w) + PAD;
  top = text_h / 2.0 + 2;
  bottom = height - text_h - 6;
  plot_h = bottom - top;
  left = gutter + PAD + DOT_RADIUS;
  right = width - PAD - DOT_RADIUS;
  if (plot_h <= 0 || right <= left)
    return;

  /* The scale: a faint line per step, three of them named. */
  cairo_set_line_width (cr, 1);
  for (int m = 1; m <= 5; m++)
    {
      set_source (cr, &self->foreground, m == 1 ? 0.3 : 0.12);
      cairo_move_to (cr, gutter + PAD / 2.0, Y (m) + 0.5);
      cairo_line_to (cr, width, Y (m) + 0.5);
      cairo_stroke (cr);
    }
  set_source (cr, &self->foreground, 1);
  draw_text (cr, high, gutter, Y (5), 1, FALSE);
  draw_text (cr, middle, gutter, Y (3), 1, FALSE);
  draw_text (cr, low, gutter, Y (1), 1, FALSE);

  /* The moods, oldest on the left. */
  set_source (cr, &self->accent, 1);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < n; i++)
    {
      if (i == 0)
        cairo_move_to (cr, X (i), Y (self->moods[i].mood));
      else
        cairo_line_to (cr, X (i), Y (self->moods[i].mood));
    }
  cairo_stroke (cr);
  for (guint i = 0; i < n; i++)
    {
      cairo_arc (cr, X (i), Y (self->moods[i].mood), DOT_RADIUS, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  /* What the trend rule compares: the mean of each group of three, over
   * the line so that it shows where they meet. */
  if (self->trend.direction != RAPPORT_TREND_NONE)
    {
      const double dash[] = { 4, 3 };
      double       means[] = { self->trend.earlier_mean, self->trend.recent_mean };

      cairo_save (cr);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_set_line_width (cr, 2);
      set_source (cr, &self->foreground, 0.7);
      for (guint g = 0; g < 2; g++)
        {
          guint first = n - RAPPORT_TREND_READINGS + g * RAPPORT_TREND_WINDOW;

          cairo_move_to (cr, X (first) - 2 * DOT_RADIUS, Y (means[g]));
          cairo_line_to (cr, X (first + RAPPORT_TREND_WINDOW - 1) + 2 * DOT_RADIUS, Y (means[g]));
          cairo_stroke (cr);
        }
      cairo_restore (cr);
    }

  /* The day of each point, leaving out those that would overlap. */
  set_source (cr, &self->foreground, 1);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *day = rapport_brief_format_date (self->moods[i].date, self->today);
      g_autoptr(PangoLayout) layout = small_layout (self, day);
      int    day_w;
      double x;

      pango_layout_get_pixel_size (layout, &day_w, NULL);
      x = CLAMP (X (i) - day_w / 2.0, gutter + PAD / 2.0, width - day_w);
      if (x < last_label_end + 8)
        continue;
      draw_text (cr, layout, x, bottom + 4, 0, TRUE);
      last_label_end = x + day_w;
    }
#undef X
#undef Y
}

static void
rapport_mood_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  RapportMoodChart *self = RAPPORT_MOOD_CHART (widget);
  int               width = gtk_widget_get_width (widget);
  int               height = gtk_widget_get_height (widget);
  cairo_t          *cr;

  if (width <= 0 || height <= 0 || self->n_moods == 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw (self, cr, width, height);
  cairo_destroy (cr);
}

static void
rapport_mood_chart_measure (GtkWidget     *widget,
                            GtkOrientation orientation,
                            int            for_size,
                            int           *minimum,
                            int           *natural,
                            int           *minimum_baseline,
                            int           *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = 2 * MIN_WIDTH;
    }
  else
    *minimum = *natural = CHART_HEIGHT;
}

static void
rapport_mood_chart_finalize (GObject *object)
{
  RapportMoodChart *self = RAPPORT_MOOD_CHART (object);

  g_clear_pointer (&self->moods, g_free);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (rapport_mood_chart_parent_class)->finalize (object);
}

static void
rapport_mood_chart_class_init (RapportMoodChartClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rapport_mood_chart_finalize;
  widget_class->snapshot = rapport_mood_chart_snapshot;
  widget_class->measure = rapport_mood_chart_measure;
  widget_class->css_changed = rapport_mood_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "moodchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rapport_mood_chart_init (RapportMoodChart *self)
{
  self->summary = summary_for (&self->trend, 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), rapport_mood_chart_rule_text ());
  read_colors (self);
}
