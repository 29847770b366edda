/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-this-week-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-alert.h"
#include "rapport-commitment.h"
#include "rapport-meeting-row.h"
#include "rapport-talking-point.h"
#include "rapport-this-week-row.h"
#include "rapport-this-week-view.h"
#include "rapport-platform.h"

/* Lines a section shows before its "Show All" button. */
#define SECTION_LINES 8

/* At least how tall, in pixels, the parts of the page are (from the
 * template and Adwaita's style), to tell which rows the first frame can
 * show: the page's top (margin, heading), a section's heading, a row,
 * the "Show All" button, the space between sections. */
#define TOP_MIN_PX 82
#define HEADING_MIN_PX 20
#define ROW_MIN_PX 52
#define MORE_MIN_PX 30
#define GAP_PX 24

enum
{
  SECTION_DUE,
  SECTION_COMMITMENTS,
  SECTION_TOPICS,
  SECTION_ALERTS,
  N_SECTIONS
};

typedef struct
{
  /* Template children */
  GtkBox     *box;
  GtkLabel   *caption;
  GtkListBox *list;
  GtkButton  *more;
  /* Borrowed: the snapshot's list, and the rows the list box holds */
  GListModel *model;
  GPtrArray  *rows;
  gboolean    expanded;
} Section;

struct _RapportThisWeekView
{
  GtkWidget        parent_instance;

  /* Owned */
  RapportStore    *store;
  RapportThisWeek *this_week;
  char            *today; /* set for tests; NULL: the real date */
  gint64           load_time;
  /* Start-up: how tall the first frame may be (0: no limit), and whether
   * rows below it are still to be made (after the page is first drawn). */
  int              first_frame_height;
  gboolean         deferring;
  guint            complete_source;
  Section          sections[N_SECTIONS];

  /* Template children */
  GtkStack        *stack;
  GtkLabel        *date_label;
  AdwStatusPage   *empty_page;
};

G_DEFINE_FINAL_TYPE (RapportThisWeekView, rapport_this_week_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_TODAY,
  PROP_EMPTY,
  PROP_FIRST_FRAME_HEIGHT,
  N_PROPS
};

enum
{
  OPEN_PERSON,
  OPEN_MEETING,
  CHANGED,
  SAVE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static char *
dup_today (RapportThisWeekView *self)
{
  return self->today != NULL ? g_strdup (self->today) : rapport_store_today ();
}

static const char *
person_name_of (RapportThisWeekView *self,
                gpointer             item)
{
  const char *name = NULL;
  gint64      person_id = 0;

  if (RAPPORT_IS_COMMITMENT (item))
    person_id = rapport_commitment_get_person_id (item);
  else if (RAPPORT_IS_TALKING_POINT (item))
    person_id = rapport_talking_point_get_person_id (item);
  else if (RAPPORT_IS_ALERT (item))
    person_id = rapport_alert_get_person_id (item);
  if (person_id != 0 && self->this_week != NULL)
    name = rapport_this_week_get_person_name (self->this_week, person_id);
  return name;
}

/* @budget: with rows still to come after the first frame, the pixels of
 * the first frame left (at least) for this section and those below it:
 * only the rows that begin within them are made now. */
static void
update_section (RapportThisWeekView *self,
                Section             *section,
                int                 *budget)
{
  guint       n = section->model != NULL ? g_list_model_get_n_items (section->model) : 0;
  guint       shown = section->expanded ? n : MIN (n, SECTION_LINES);
  const char *today = self->this_week != NULL ? rapport_this_week_get_today (self->this_week) : NULL;

  if (budget != NULL && n > 0)
    {
      guint fit;

      *budget -= HEADING_MIN_PX;
      fit = *budget > 0 ? (guint) (*budget + ROW_MIN_PX - 1) / ROW_MIN_PX : 0;
      *budget -= (int) shown * ROW_MIN_PX + (n > SECTION_LINES ? MORE_MIN_PX : 0) + GAP_PX;
      shown = MIN (shown, fit);
    }

  /* The rows on show take the new items: a reload makes no widget anew
   * (and keeps the focus where it was) unless a list grew. */
  for (guint i = 0; i < shown; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (section->model, i);
      const char *name = person_name_of (self, item);

      if (i < section->rows->len)
        {
          RapportThisWeekRow *row = g_ptr_array_index (section->rows, i);

          g_object_set (row, "person-name", name, "today", today, NULL);
          rapport_this_week_row_set_item (row, item);
        }
      else
        {
          GtkWidget *row = rapport_this_week_row_new (item, name, today);

          gtk_list_box_append (section->list, row);
          g_ptr_array_add (section->rows, row);
        }
    }
  while (section->rows->len > shown)
    {
      gtk_list_box_remove (section->list, g_ptr_array_index (section->rows, section->rows->len - 1));
      g_ptr_array_set_size (section->rows, section->rows->len - 1);
    }

  gtk_widget_set_visible (GTK_WIDGET (section->box), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (section->more), n > SECTION_LINES);
  if (section->expanded)
    gtk_button_set_label (section->more, _("Show Fewer"));
  else
    {
      /* Translators: the button under a long list of This Week. */
      g_autofree char *label = g_strdup_printf (_("Show All %u"), n);

      gtk_button_set_label (section->more, label);
    }
}

/* "2 overdue" beside my open commitments, counted from what is shown so
 * that a tick here takes one off. */
static void
update_commitments_caption (RapportThisWeekView *self)
{
  Section         *section = &self->sections[SECTION_COMMITMENTS];
  GListModel      *model = section->model;
  g_autofree char *today = dup_today (self);
  guint            n = model != NULL ? g_list_model_get_n_items (model) : 0;
  guint            n_overdue = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportCommitment) item = g_list_model_get_item (model, i);

      if (!rapport_commitment_get_closed (item) && rapport_commitment_is_overdue (item, today))
        n_overdue++;
    }
  if (n_overdue > 0)
    {
      /* Translators: how many of my open commitments are late. */
      g_autofree char *text = g_strdup_printf (ngettext ("%u overdue", "%u overdue", n_overdue), n_overdue);

      gtk_label_set_label (section->caption, text);
      gtk_widget_add_css_class (GTK_WIDGET (section->caption), "error");
    }
  gtk_widget_set_visible (GTK_WIDGET (section->caption), n_overdue > 0);
}

void
rapport_this_week_view_reload (RapportThisWeekView *self)
{
  g_autoptr(RapportThisWeek) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  g_autofree char *date = NULL;
  gboolean         was_empty, empty;
  gint64           start;

  g_return_if_fail (RAPPORT_IS_THIS_WEEK_VIEW (self));

  was_empty = rapport_this_week_view_get_empty (self);
  today = dup_today (self);
  start = g_get_monotonic_time ();
  loaded = rapport_this_week_load (self->store, today, &error);
  self->load_time = g_get_monotonic_time () - start;
  g_debug ("This Week read in %.1f ms", self->load_time / 1000.0);
  if (loaded == NULL)
    g_warning ("%s", error->message);

  /* Rows are made from the new snapshot: swap it in first. */
  g_set_object (&self->this_week, loaded);
  self->sections[SECTION_DUE].model = loaded ? rapport_this_week_get_due (loaded) : NULL;
  self->sections[SECTION_COMMITMENTS].model = loaded ? rapport_this_week_get_commitments (loaded) : NULL;
  self->sections[SECTION_TOPICS].model = loaded ? rapport_this_week_get_talking_points (loaded) : NULL;
  self->sections[SECTION_ALERTS].model = loaded ? rapport_this_week_get_alerts (loaded) : NULL;
  {
    int budget = self->first_frame_height - TOP_MIN_PX;

    for (guint i = 0; i < N_SECTIONS; i++)
      update_section (self, &self->sections[i], self->deferring ? &budget : NULL);
  }
  update_commitments_caption (self);

  /* Translators: today's date under "This Week", see strftime(3). */
  date = rapport_format_date (today, _("%A %-d %B"));
  gtk_label_set_label (self->date_label, date);

  empty = rapport_this_week_view_get_empty (self);
  if (empty && loaded != NULL && g_list_model_get_n_items (rapport_this_week_get_attention (loaded)) == 0)
    adw_status_page_set_description (self->empty_page,
                                     _("Add the people you hold one-on-ones with; who is due, what you "
                                        "promised and what is waiting will show here."));
  else
    adw_status_page_set_description (self->empty_page,
                                     _("No 1:1 is due this week, every promise is kept and no topic is "
                                        "waiting. A talking point added now will be here for the next 1:1."));
  /* The icon is set only when the page is shown: Adwaita has it as an
   * SVG at the status page's size, and reading one loads librsvg (6 MB
   * resident, and its parsing) into a window that may never show it. */
  if (empty)
    adw_status_page_set_icon_name (self->empty_page, "weather-clear-symbolic");
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "content");
  if (empty != was_empty)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
}

/* Start-up: the rows below the first frame, made once it is drawn. */
static gboolean
complete_rows (gpointer data)
{
  RapportThisWeekView *self = data;

  self->complete_source = 0;
  if (!self->deferring)
    return G_SOURCE_REMOVE;
  self->deferring = FALSE;
  for (guint i = 0; i < N_SECTIONS; i++)
    update_section (self, &self->sections[i], NULL);
  return G_SOURCE_REMOVE;
}

/* The first frame's update: what it shows is made; the rest waits until
 * it is drawn (an idle runs after the frame's layout and paint). */
static gboolean
on_first_tick (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  RapportThisWeekView *self = RAPPORT_THIS_WEEK_VIEW (widget);

  if (self->deferring && self->complete_source == 0)
    self->complete_source = g_idle_add (complete_rows, self);
  return G_SOURCE_REMOVE;
}

static void
on_map (RapportThisWeekView *self)
{
  g_signal_handlers_disconnect_by_func (self, on_map, NULL);
  if (self->deferring)
    gtk_widget_add_tick_callback (GTK_WIDGET (self), on_first_tick, NULL, NULL);
}

/* Callbacks ------------------------------------------------------------- */

static void
on_row_activated (RapportThisWeekView *self,
                  GtkListBoxRow       *row)
{
  RapportThisWeekRow *line;
  gint64              person_id, meeting_id;

  if (!RAPPORT_IS_THIS_WEEK_ROW (row))
    return;
  line = RAPPORT_THIS_WEEK_ROW (row);
  person_id = rapport_this_week_row_get_person_id (line);
  meeting_id = rapport_this_week_row_get_meeting_id (line);
  if (person_id == 0)
    return;
  if (meeting_id != 0)
    g_signal_emit (self, signals[OPEN_MEETING], 0, person_id, meeting_id);
  else
    g_signal_emit (self, signals[OPEN_PERSON], 0, person_id);
}

static void
on_more_clicked (RapportThisWeekView *self,
                 GtkButton           *button)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      Section *section = &self->sections[i];

      if (section->more != button)
        continue;
      section->expanded = !section->expanded;
      update_section (self, section, NULL);
    }
}

static void
toggle_closed_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RapportThisWeekView *self = RAPPORT_THIS_WEEK_VIEW (widget);
  gint64               id = g_variant_get_int64 (parameter);
  GListModel          *model;
  g_autoptr(RapportCommitment) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  guint            n;
  gboolean         ok;

  if (self->this_week == NULL)
    return;
  model = rapport_this_week_get_commitments (self->this_week);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n && item == NULL; i++)
    {
      g_autoptr(RapportCommitment) candidate = g_list_model_get_item (model, i);

      if (rapport_commitment_get_id (candidate) == id)
        item = g_steal_pointer (&candidate);
    }
  if (item == NULL)
    return;

  /* Closed today: kept on show, struck through, so that a tick by
   * mistake can be taken back; the next reload leaves it out. */
  today = dup_today (self);
  if (!rapport_commitment_get_closed (item))
    ok = rapport_commitment_close (item, self->store, today, &error);
  else
    ok = rapport_commitment_reopen (item, self->store, &error);
  if (!ok)
    {
      g_warning ("%s", error->message);
      g_signal_emit (self, signals[SAVE_FAILED], 0, error->message);
      return;
    }
  update_commitments_caption (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Public ---------------------------------------------------------------- */

GtkWidget *
rapport_this_week_view_new (RapportStore *store)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  return g_object_new (RAPPORT_TYPE_THIS_WEEK_VIEW, "store", store, NULL);
}

void
rapport_this_week_view_set_today (RapportThisWeekView *self,
                                  const char          *today)
{
  g_return_if_fail (RAPPORT_IS_THIS_WEEK_VIEW (self));

  if (g_strcmp0 (self->today, today) == 0)
    return;
  g_free (self->today);
  self->today = g_strdup (today);
  if (self->store != NULL)
    rapport_this_week_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

RapportThisWeek *
rapport_this_week_view_get_this_week (RapportThisWeekView *self)
{
  g_return_val_if_fail (RAPPORT_IS_THIS_WEEK_VIEW (self), NULL);
  return self->this_week;
}

gboolean
rapport_this_week_view_get_empty (RapportThisWeekView *self)
{
  g_return_val_if_fail (RAPPORT_IS_THIS_WEEK_VIEW (self), FALSE);
  return self->this_week == NULL || rapport_this_week_is_empty (self->this_week);
}

gint64
rapport_this_week_view_get_load_time (RapportThisWeekView *self)
{
  g_return_val_if_fail (RAPPORT_IS_THIS_WEEK_VIEW (self), 0);
  return self->load_time;
}

/* GObject --------------------------------------------------------------- */

static void
rapport_this_week_view_dispose (GObject *object)
{
  RapportThisWeekView *self = RAPPORT_THIS_WEEK_VIEW (object);
  GtkWidget           *child;

  g_clear_handle_id (&self->complete_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_THIS_WEEK_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      self->sections[i].model = NULL;
      g_clear_pointer (&self->sections[i].rows, g_ptr_array_unref);
    }
  g_clear_object (&self->this_week);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_this_week_view_parent_class)->dispose (object);
}

static void
rapport_this_week_view_finalize (GObject *object)
{
  RapportThisWeekView *self = RAPPORT_THIS_WEEK_VIEW (object);

  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (rapport_this_week_view_parent_class)->finalize (object);
}

static void
rapport_this_week_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RapportThisWeekView *self = RAPPORT_THIS_WEEK_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_TODAY: g_value_set_string (value, self->today); break;
    case PROP_EMPTY: g_value_set_boolean (value, rapport_this_week_view_get_empty (self)); break;
    case PROP_FIRST_FRAME_HEIGHT: g_value_set_int (value, self->first_frame_height); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_this_week_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RapportThisWeekView *self = RAPPORT_THIS_WEEK_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    case PROP_TODAY: rapport_this_week_view_set_today (self, g_value_get_string (value)); break;
    case PROP_FIRST_FRAME_HEIGHT:
      self->first_frame_height = g_value_get_int (value);
      self->deferring = self->first_frame_height > 0;
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_this_week_view_constructed (GObject *object)
{
  RapportThisWeekView *self = RAPPORT_THIS_WEEK_VIEW (object);

  G_OBJECT_CLASS (rapport_this_week_view_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_STORE (self->store));
  if (self->deferring)
    g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  rapport_this_week_view_reload (self);
}

#define BIND_SECTION(klass, name, index)                                                                                                                         \
  gtk_widget_class_bind_template_child_full (klass, #name "_box", FALSE,                                                                                         \
                                             G_STRUCT_OFFSET (RapportThisWeekView, sections) + (index) * sizeof (Section) + G_STRUCT_OFFSET (Section, box));     \
  gtk_widget_class_bind_template_child_full (klass, #name "_caption", FALSE,                                                                                     \
                                             G_STRUCT_OFFSET (RapportThisWeekView, sections) + (index) * sizeof (Section) + G_STRUCT_OFFSET (Section, caption)); \
  gtk_widget_class_bind_template_child_full (klass, #name "_list", FALSE,                                                                                        \
                                             G_STRUCT_OFFSET (RapportThisWeekView, sections) + (index) * sizeof (Section) + G_STRUCT_OFFSET (Section, list));    \
  gtk_widget_class_bind_template_child_full (klass, #name "_more", FALSE,                                                                                        \
                                             G_STRUCT_OFFSET (RapportThisWeekView, sections) + (index) * sizeof (Section) + G_STRUCT_OFFSET (Section, more))

static void
rapport_this_week_view_class_init (RapportThisWeekViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_this_week_view_dispose;
  object_class->finalize = rapport_this_week_view_finalize;
  object_class->constructed = rapport_this_week_view_constructed;
  object_class->get_property = rapport_this_week_view_get_property;
  object_class->set_property = rapport_this_week_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TODAY] =
    g_param_spec_string ("today", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Start-up: how tall the first frame may be, in pixels; rows below it
   * are made once the page is first drawn (0: all at once). */
  properties[PROP_FIRST_FRAME_HEIGHT] =
    g_param_spec_int ("first-frame-height", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_PERSON] =
    g_signal_new ("open-person", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[OPEN_MEETING] =
    g_signal_new ("open-meeting", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "thisweek");
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapport/Rapport/ui/rapport-this-week-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportThisWeekView, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportThisWeekView, date_label);
  gtk_widget_class_bind_template_child (widget_class, RapportThisWeekView, empty_page);
  BIND_SECTION (widget_class, due, SECTION_DUE);
  BIND_SECTION (widget_class, commitments, SECTION_COMMITMENTS);
  BIND_SECTION (widget_class, topics, SECTION_TOPICS);
  BIND_SECTION (widget_class, alerts, SECTION_ALERTS);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_more_clicked);

  gtk_widget_class_install_action (widget_class, RAPPORT_THIS_WEEK_ROW_ACTION_TOGGLE_CLOSED, "x",
                                   toggle_closed_action);
}

static void
rapport_this_week_view_init (RapportThisWeekView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_keep_one_name (GTK_WIDGET (self));

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      Section *section = &self->sections[i];

      section->rows = g_ptr_array_new ();
    }
}
