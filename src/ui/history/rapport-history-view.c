/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-history"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#ifdef __GLIBC__
#include <langinfo.h>
#include <malloc.h>
#endif

#include "rapport-cadence.h"
#include "rapport-history-chart.h"
#include "rapport-history-describe.h"
#include "rapport-history-export.h"
#include "rapport-history-view.h"
#include "rapport-person.h"
#include "rapport-platform.h"
#include "rapport-text.h"

struct _RapportHistoryView
{
  GtkWidget             parent_instance;

  /* owned */
  RapportStore         *store;
  RapportHistorySeries *series;
  char                 *today;              /* NULL: the real today */
  char                 *title;              /* who is shown: a name, or "Team" */
  char                 *subtitle;           /* what the range covers */
  GCancellable         *export_cancellable; /* while an export asks where to */

  /* borrowed (weak): template children, held by the widget tree */
  AdwToastOverlay      *toast_overlay;
  AdwBin               *switcher_slot;
  AdwViewSwitcherBar   *switcher_bar;
  GtkToggleButton      *team_button;
  GtkDropDown          *range_dropdown;
  GtkDropDown          *bucket_dropdown;
  GtkMenuButton        *export_button;
  GtkStack             *content_stack;
  AdwStatusPage        *status_page;
  GtkLabel             *range_label;
  AdwViewStack         *view_stack;
  GtkScrolledWindow    *chart_scroller;
  RapportHistoryChart  *chart;
  GtkLabel             *chart_status;
  GtkLabel             *adherence_label;
  GtkListBox           *summary_list;
  GtkColumnView        *table;
  GtkScrolledWindow    *balance_scroller;
  RapportHistoryChart  *balance_chart;
  GtkLabel             *balance_status;
  GtkListBox           *balance_list;

  /* state */
  gint64                person_id;
  gboolean              include_archived;
  gint64                range_subject;   /* whose range and grouping the dropdowns show; -1: none yet */
  guint                 trim_tick;       /* waiting for the window's transitions to end */
  gboolean              table_has_cells; /* filled while shown, see table_shown() */
};

G_DEFINE_FINAL_TYPE (RapportHistoryView, rapport_history_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_PERSON_ID,
  PROP_INCLUDE_ARCHIVED,
  PROP_TITLE,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Table columns before the habits. */
enum
{
  COL_PERIOD,
  COL_MEETINGS,
  COL_MOOD,
  N_FIXED_COLUMNS
};

/* The locale's first day of the week, 0 = Sunday. */
static int
locale_first_weekday (void)
{
/* _NL_TIME_FIRST_WEEKDAY is an enum constant, not a macro: test for glibc. */
#ifdef __GLIBC__
  union
  {
    unsigned int word;
    char        *string;
  } info;
  int week_1stday = 1;
  int first_weekday;

  info.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = info.string[0];
  info.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  if (info.word == 19971130) /* a Sunday */
    week_1stday = 0;
  else if (info.word == 19971201) /* a Monday */
    week_1stday = 1;
  return (week_1stday + first_weekday - 1 + 7) % 7;
#else
  return 1;
#endif
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_summary_row (GtkListBox               *list,
                 const RapportHistoryRate *rate,
                 gboolean                  archived)
{
  g_autofree char *summary = rapport_history_rate_summary (rate);
  g_autofree char *title = NULL;
  GtkWidget       *row = adw_action_row_new ();

  if (archived)
    /* Translators: a habit that is no longer on the checklist */
    title = g_strdup_printf (_("%s (off the checklist)"), rate->name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : rate->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
  gtk_list_box_append (list, row);
}

/* Table ------------------------------------------------------------------ */

static char *
cell_text (RapportHistoryView *self,
           int                 column,
           guint               bucket)
{
  RapportHistorySeries     *s = self->series;
  const RapportHistoryRate *rate;
  RapportHistoryCount       count;

  if (s == NULL || bucket >= s->n_buckets)
    return g_strdup ("");

  switch (column)
    {
    case COL_PERIOD:
      return rapport_history_series_bucket_label (s, bucket);
    case COL_MEETINGS:
      return g_strdup_printf ("%u", s->meetings[bucket]);
    case COL_MOOD:
      return isnan (s->mood[bucket]) ? g_strdup ("–") : g_strdup_printf ("%.1f", s->mood[bucket]);
    default:
      break;
    }

  column -= N_FIXED_COLUMNS;
  if (column < (int) s->habits->len)
    rate = &((RapportHistoryHabit *) g_ptr_array_index (s->habits, column))->rate;
  else if (column < (int) (s->habits->len + G_N_ELEMENTS (s->kinds)))
    rate = &s->kinds[column - s->habits->len];
  else
    rate = g_ptr_array_index (s->extras, column - s->habits->len - G_N_ELEMENTS (s->kinds));
  count = rate->buckets[bucket];
  if (count.total == 0)
    return g_strdup ("–");
  /* Translators: a table cell, "75 % (3 of 4)" */
  return g_strdup_printf (_("%d %% (%u of %u)"), rapport_history_count_percent (count),
                          count.ticked, count.total);
}

static void
cell_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  int        column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));

  gtk_label_set_xalign (GTK_LABEL (label), column == COL_PERIOD ? 0.0 : 1.0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
cell_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           RapportHistoryView       *self)
{
  int              column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkStringObject *row = gtk_list_item_get_item (item);
  guint            bucket = (guint) g_ascii_strtoull (gtk_string_object_get_string (row), NULL, 10);
  g_autofree char *text = cell_text (self, column, bucket);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

/* The table's rows are made for its model whether its page is shown or
 * not (GTK 4.8 makes a row per item up to a few hundred before the list
 * has a size): 17 labels a row, 3.8 MB for a year of the team's weeks.
 * So the columns have their factories, and so the rows their labels, only
 * when the table is filled while shown; it is filled again when it comes
 * into view (GTK 4.8 gives the rows made before no cells for a factory
 * set later). */
static gboolean
table_shown (RapportHistoryView *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "table") == 0;
}

static void
add_column (RapportHistoryView *self,
            int                 column,
            const char         *title)
{
  GtkListItemFactory  *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (cell_bind), self, 0);
  col = gtk_column_view_column_new (title, NULL);
  g_object_set_data_full (G_OBJECT (col), "rapport-factory", factory, g_object_unref);
  if (table_shown (self))
    gtk_column_view_column_set_factory (col, factory);
  gtk_column_view_column_set_resizable (col, TRUE);
  if (column == COL_PERIOD)
    gtk_column_view_column_set_expand (col, TRUE);
  gtk_column_view_append_column (self->table, col);
  g_object_unref (col);
}

static void
fill_table (RapportHistoryView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->table);
  g_autoptr(GtkStringList) rows = gtk_string_list_new (NULL);
  RapportHistorySeries *s = self->series;
  GtkNoSelection       *selection;

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) col = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->table, col);
    }

  if (s != NULL)
    {
      add_column (self, COL_PERIOD, _("Period"));
      add_column (self, COL_MEETINGS, _("Meetings"));
      /* In the chart's order: follow-through, mood, then the habits. */
      for (guint e = 0; e < s->extras->len; e++)
        add_column (self, N_FIXED_COLUMNS + s->habits->len + G_N_ELEMENTS (s->kinds) + e,
                    ((RapportHistoryRate *) g_ptr_array_index (s->extras, e))->name);
      add_column (self, COL_MOOD, _("Mood"));
      for (guint h = 0; h < s->habits->len; h++)
        add_column (self, N_FIXED_COLUMNS + h,
                    ((RapportHistoryHabit *) g_ptr_array_index (s->habits, h))->rate.name);
      for (guint k = 0; k < G_N_ELEMENTS (s->kinds); k++)
        add_column (self, N_FIXED_COLUMNS + s->habits->len + k, s->kinds[k].name);

      /* Newest first, as people read a log. */
      for (guint i = s->n_buckets; i > 0; i--)
        {
          char index[16];

          g_snprintf (index, sizeof index, "%u", i - 1);
          gtk_string_list_append (rows, index);
        }
    }

  self->table_has_cells = table_shown (self);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)));
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

static void
on_page_changed (RapportHistoryView *self)
{
  if (table_shown (self) && !self->table_has_cells)
    fill_table (self);
}

/* Refresh ---------------------------------------------------------------- */

/* 1:1s held against those expected over the series' range, or hidden
 * when there is nothing to say or it cannot be read. */
static void
update_adherence (RapportHistoryView   *self,
                  gint64                person_id,
                  RapportHistorySeries *series)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  RapportAdherence adherence;
  char             from[11], to[11], today[11];

  if (series != NULL && series->n_buckets > 0 &&
      g_date_valid (&series->first) && g_date_valid (&series->today))
    {
      g_date_strftime (from, sizeof from, "%Y-%m-%d", &series->first);
      g_date_strftime (to, sizeof to, "%Y-%m-%d", &series->starts[series->n_buckets]);
      g_date_strftime (today, sizeof today, "%Y-%m-%d", &series->today);
      if (rapport_cadence_adherence (self->store, person_id, from, to, today,
                                     person_id == 0 && self->include_archived, &adherence, &error))
        text = rapport_history_describe_adherence (&adherence);
      else
        g_warning ("Could not count the 1:1s held: %s", error->message);
    }
  gtk_label_set_text (self->adherence_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->adherence_label), text != NULL);
}

static void on_control_changed (RapportHistoryView *self);

static gint64
shown_person (RapportHistoryView *self)
{
  if (gtk_toggle_button_get_active (self->team_button))
    return 0;
  return self->person_id;
}

static char *
describe_subject (RapportHistoryView *self,
                  gint64              person_id,
                  gboolean            balance)
{
  g_autofree char *who = NULL;

  if (person_id != 0)
    {
      g_autoptr(RapportPerson) person = rapport_person_load (self->store, person_id, NULL);

      if (person != NULL)
        who = g_strdup (rapport_person_get_name (person));
    }
  if (who == NULL)
    return g_strdup (balance ? _("Balance of trust and structure habits with the whole team")
                             : _("Habits with the whole team over time"));
  /* Translators: %s is a person's name */
  return g_strdup_printf (balance ? _("Balance of trust and structure habits with %s")
                                  : _("Habits with %s over time"),
                          who);
}

/* The person's name, or NULL for the team or someone who is gone. */
static char *
subject_name (RapportHistoryView *self,
              gint64              person_id)
{
  g_autoptr(RapportPerson) person = NULL;

  if (person_id == 0)
    return NULL;
  person = rapport_person_load (self->store, person_id, NULL);
  return person != NULL ? g_strdup (rapport_person_get_name (person)) : NULL;
}

static void
set_can_export (RapportHistoryView *self,
                gboolean            can_export)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.export-png", can_export);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.export-svg", can_export);
}

static void
show_empty (RapportHistoryView *self,
            const char         *title,
            const char         *description)
{
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
  set_can_export (self, FALSE);
}

static void
set_string_property (RapportHistoryView *self,
                     char              **field,
                     const char         *value,
                     int                 prop)
{
  if (rapport_set_str (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* Who is shown and what the range covers, in the label above the pages
 * and in the title and subtitle properties (for the window's header). */
static void
update_titles (RapportHistoryView   *self,
               gint64                person_id,
               RapportHistorySeries *series)
{
  g_autofree char *who = subject_name (self, person_id);
  g_autofree char *span = NULL;
  g_autofree char *range = NULL;

  if (series != NULL)
    {
      span = rapport_history_series_span_text (series);
      range = rapport_history_series_range_text (series);
    }
  gtk_label_set_text (self->range_label, range != NULL ? range : "");
  gtk_widget_set_visible (GTK_WIDGET (self->range_label), range != NULL);
  /* Translators: the history's title when it shows the whole team */
  set_string_property (self, &self->title, person_id == 0 ? _("Team") : who, PROP_TITLE);
  set_string_property (self, &self->subtitle, span, PROP_SUBTITLE);
}

static void schedule_trim (RapportHistoryView *self);

void
rapport_history_view_refresh (RapportHistoryView *self)
{
  g_autoptr(RapportHistorySeries) series = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char    *subject = NULL;
  g_autofree char    *balance_subject = NULL;
  RapportHistoryQuery query;
  gint64              person_id;

  g_return_if_fail (RAPPORT_IS_HISTORY_VIEW (self));

  schedule_trim (self);
  person_id = shown_person (self);
  /* Archived people only matter to the team; the menu hides the item. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.include-archived", person_id == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->team_button), self->person_id != 0);

  rapport_history_query_init (&query, person_id,
                              (RapportHistoryRange) gtk_drop_down_get_selected (self->range_dropdown),
                              (RapportHistoryBucket) gtk_drop_down_get_selected (self->bucket_dropdown),
                              locale_first_weekday (), self->today);
  query.include_archived = self->include_archived;
  query.from_first_meeting = TRUE;

  /* A new subject opens on a range that suits its history (three months
   * for a newcomer, a year otherwise) and on a grouping that means
   * something for it (by month for one person, whose weeks hold one 1:1
   * each: see docs/numbers.md); what the user picks stays while they look
   * at the same person or the team. */
  if (person_id != self->range_subject)
    {
      RapportHistoryRange  range;
      RapportHistoryBucket bucket;

      self->range_subject = person_id;
      if (rapport_history_suggest_range (self->store, &query, &range, NULL) &&
          range != query.range)
        {
          query.range = range;
          g_signal_handlers_block_by_func (self->range_dropdown, on_control_changed, self);
          gtk_drop_down_set_selected (self->range_dropdown, range);
          g_signal_handlers_unblock_by_func (self->range_dropdown, on_control_changed, self);
        }
      if (rapport_history_suggest_bucket (self->store, &query, &bucket, NULL) &&
          bucket != query.bucket)
        {
          query.bucket = bucket;
          g_signal_handlers_block_by_func (self->bucket_dropdown, on_control_changed, self);
          gtk_drop_down_set_selected (self->bucket_dropdown, bucket);
          g_signal_handlers_unblock_by_func (self->bucket_dropdown, on_control_changed, self);
        }
    }
  series = rapport_history_compute (self->store, &query, &error);
  if (series != NULL &&
      (!rapport_history_series_add_follow_through (series, self->store, person_id, &error) ||
       !rapport_history_series_add_missed (series, self->store, person_id,
                                           person_id == 0 && self->include_archived, &error)))
    g_clear_pointer (&series, rapport_history_series_unref);

  g_clear_pointer (&self->series, rapport_history_series_unref);
  if (series != NULL)
    self->series = rapport_history_series_ref (series);

  /* Weeks over all time are grouped per month: say so in the control. */
  if (series != NULL && (guint) series->bucket != gtk_drop_down_get_selected (self->bucket_dropdown))
    {
      g_signal_handlers_block_by_func (self->bucket_dropdown, on_control_changed, self);
      gtk_drop_down_set_selected (self->bucket_dropdown, series->bucket);
      g_signal_handlers_unblock_by_func (self->bucket_dropdown, on_control_changed, self);
    }

  rapport_history_chart_set_series (self->chart, series);
  rapport_history_chart_set_series (self->balance_chart, series);
  subject = describe_subject (self, person_id, FALSE);
  balance_subject = describe_subject (self, person_id, TRUE);
  rapport_history_chart_set_subject (self->chart, subject);
  rapport_history_chart_set_subject (self->balance_chart, balance_subject);
  {
    g_autofree char *who = subject_name (self, person_id);
    g_autofree char *title = NULL;
    g_autofree char *balance_title = NULL;

    if (series != NULL)
      {
        title = rapport_history_export_title (who, series, RAPPORT_HISTORY_SHOW_HABITS);
        balance_title = rapport_history_export_title (who, series, RAPPORT_HISTORY_SHOW_KINDS);
      }

    rapport_history_chart_set_export_title (self->chart, title);
    rapport_history_chart_set_export_title (self->balance_chart, balance_title);
  }

  update_titles (self, person_id, series);
  update_adherence (self, person_id, series);
  clear_list (self->summary_list);
  clear_list (self->balance_list);
  fill_table (self);

  if (series == NULL)
    {
      show_empty (self, _("Could Not Read the History"), error->message);
      return;
    }
  if (series->range_meetings == 0)
    {
      show_empty (self, _("No Meetings in This Period"),
                  person_id != 0
                    ? _("Hold a 1:1 and tick the habits you practised; they will show up here. A longer range may show older meetings.")
                    : _("Once the team has 1:1s with ticked habits, they will show up here. A longer range may show older meetings."));
      return;
    }
  if (rapport_history_series_count_periods (series) < 2)
    {
      show_empty (self, _("Not Enough History Yet"),
                  series->bucket == RAPPORT_HISTORY_BUCKET_WEEK
                    ? _("A trend needs meetings in at least two different weeks. Come back after the next 1:1, or choose a longer range.")
                    : _("A trend needs meetings in at least two different months. Try weekly grouping or come back next month."));
      return;
    }

  for (guint e = 0; e < series->extras->len; e++)
    add_summary_row (self->summary_list, g_ptr_array_index (series->extras, e), FALSE);
  for (guint h = 0; h < series->habits->len; h++)
    {
      RapportHistoryHabit *habit = g_ptr_array_index (series->habits, h);
      add_summary_row (self->summary_list, &habit->rate, !habit->active);
    }
  for (guint k = 0; k < G_N_ELEMENTS (series->kinds); k++)
    if (series->kinds[k].range.total > 0)
      add_summary_row (self->balance_list, &series->kinds[k], FALSE);

  gtk_stack_set_visible_child_name (self->content_stack, "data");
  set_can_export (self, TRUE);
}

/* Export ----------------------------------------------------------------- */

/* An export waiting for its file: the view is weak, as the chooser may
 * outlive it. */
typedef struct
{
  GWeakRef                   view;
  RapportHistoryExportFormat format;
} ExportChoice;

static void
export_choice_free (ExportChoice *choice)
{
  g_weak_ref_clear (&choice->view);
  g_free (choice);
}

static void
on_export_chosen (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  ExportChoice *choice = data;
  g_autoptr(RapportHistoryView) self = g_weak_ref_get (&choice->view);
  RapportHistoryExportFormat format = choice->format;
  g_autoptr(GFile) file = rapport_file_choose_finish (result, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  export_choice_free (choice);
  if (self == NULL)
    return;
  g_clear_object (&self->export_cancellable);
  /* Dismissed or cancelled: nothing to say. */
  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("The chart can only be saved to a local file"));
  else
    rapport_history_view_export (self, path, format, &error);

  if (error != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: %s is a file name */
      g_autofree char *message = g_strdup_printf (_("Chart saved as “%s”"), name);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }
}

static void
export_chart (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RapportHistoryView *self = RAPPORT_HISTORY_VIEW (widget);
  gboolean            svg = g_str_equal (action_name, "history.export-svg");
  GtkRoot            *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autofree char *name = NULL;
  ExportChoice    *choice;

  if (self->export_cancellable != NULL || self->series == NULL)
    return;

  gtk_file_filter_set_name (filter, svg ? _("SVG images") : _("PNG images"));
  gtk_file_filter_add_mime_type (filter, svg ? "image/svg+xml" : "image/png");
  g_list_store_append (filters, filter);
  choice = g_new0 (ExportChoice, 1);
  g_weak_ref_init (&choice->view, self);
  choice->format = svg ? RAPPORT_HISTORY_EXPORT_SVG : RAPPORT_HISTORY_EXPORT_PNG;
  name = rapport_history_view_get_export_name (self, choice->format);
  self->export_cancellable = g_cancellable_new ();
  rapport_file_choose (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, RAPPORT_FILE_SAVE,
                       svg ? _("Export Chart as SVG") : _("Export Chart as PNG"), _("_Export"),
                       name, NULL, G_LIST_MODEL (filters), self->export_cancellable,
                       on_export_chosen, choice);
}

/* API -------------------------------------------------------------------- */

char *
rapport_history_view_get_export_name (RapportHistoryView        *self,
                                      RapportHistoryExportFormat format)
{
  g_autofree char *who = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (RAPPORT_IS_HISTORY_VIEW (self), NULL);

  who = subject_name (self, shown_person (self));
  today = self->today != NULL ? g_strdup (self->today) : rapport_store_today ();
  /* A person who is gone is named like the team would not be: "person". */
  if (who == NULL && shown_person (self) != 0)
    who = g_strdup ("");
  return rapport_history_export_file_name (who, today, format == RAPPORT_HISTORY_EXPORT_SVG ? "svg" : "png");
}

gboolean
rapport_history_view_export (RapportHistoryView        *self,
                             const char                *path,
                             RapportHistoryExportFormat format,
                             GError                   **error)
{
  RapportHistoryChart *chart = self->chart;

  g_return_val_if_fail (RAPPORT_IS_HISTORY_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "balance") == 0)
    chart = self->balance_chart;
  return rapport_history_chart_export (chart, path, format, error);
}

GtkWidget *
rapport_history_view_new (RapportStore *store)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  return g_object_new (RAPPORT_TYPE_HISTORY_VIEW, "store", store, NULL);
}

void
rapport_history_view_set_person (RapportHistoryView *self,
                                 gint64              person_id)
{
  g_return_if_fail (RAPPORT_IS_HISTORY_VIEW (self));
  g_return_if_fail (person_id >= 0);

  if (person_id == self->person_id)
    return;
  self->person_id = person_id;
  gtk_toggle_button_set_active (self->team_button, FALSE);
  rapport_history_view_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

gint64
rapport_history_view_get_person (RapportHistoryView *self)
{
  g_return_val_if_fail (RAPPORT_IS_HISTORY_VIEW (self), 0);
  return self->person_id;
}

const char *
rapport_history_view_get_title (RapportHistoryView *self)
{
  g_return_val_if_fail (RAPPORT_IS_HISTORY_VIEW (self), NULL);
  return self->title;
}

const char *
rapport_history_view_get_subtitle (RapportHistoryView *self)
{
  g_return_val_if_fail (RAPPORT_IS_HISTORY_VIEW (self), NULL);
  return self->subtitle;
}

RapportHistorySeries *
rapport_history_view_get_series (RapportHistoryView *self)
{
  g_return_val_if_fail (RAPPORT_IS_HISTORY_VIEW (self), NULL);
  return self->series;
}

void
rapport_history_view_set_today (RapportHistoryView *self,
                                const char         *today)
{
  g_return_if_fail (RAPPORT_IS_HISTORY_VIEW (self));

  if (rapport_set_str (&self->today, today))
    rapport_history_view_refresh (self);
}

/* Memory ------------------------------------------------------------------ */

/* Opening History cross-fades the window's pages: with the cairo
 * renderer every frame of the transition draws both pages into groups of
 * the window's size (2.6 MB each on a 1100 x 720 window), and glibc,
 * whose mmap threshold grows to the largest block freed, keeps those
 * freed blocks in its heap: 8 to 9 MB of resident memory that nothing
 * uses once History is shown (bench-memory, docs/performance.md). Give
 * them back once the transitions are over and History is painted; and
 * again after each refresh, whose drawing does the same on a smaller
 * scale (6 MB more for the team's history after a person's). */
static gboolean
trim_heap (gpointer unused)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
  return G_SOURCE_REMOVE;
}

static gboolean
transition_running (GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_STACK (w) && gtk_stack_get_transition_running (GTK_STACK (w)))
      return TRUE;
  return FALSE;
}

static gboolean
on_trim_tick (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       unused)
{
  RapportHistoryView *self = RAPPORT_HISTORY_VIEW (widget);

  if (transition_running (widget))
    return G_SOURCE_CONTINUE;
  self->trim_tick = 0;
  /* After this frame is painted. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, trim_heap, NULL, NULL);
  return G_SOURCE_REMOVE;
}

/* Once shown and after each refresh, which draws the whole view again
 * (the team's history, another range). */
static void
schedule_trim (RapportHistoryView *self)
{
  if (self->trim_tick == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->trim_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_trim_tick, NULL, NULL);
}

static void
rapport_history_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rapport_history_view_parent_class)->map (widget);
  schedule_trim (RAPPORT_HISTORY_VIEW (widget));
}

static void
rapport_history_view_unmap (GtkWidget *widget)
{
  RapportHistoryView *self = RAPPORT_HISTORY_VIEW (widget);

  if (self->trim_tick != 0)
    {
      gtk_widget_remove_tick_callback (widget, self->trim_tick);
      self->trim_tick = 0;
    }
  GTK_WIDGET_CLASS (rapport_history_view_parent_class)->unmap (widget);
}

/* GObject ---------------------------------------------------------------- */

/* The chart scrolls sideways in its own scroller, inside the page that
 * scrolls up and down. GTK 4.8's GtkScrolledWindow takes every wheel
 * event over it, also the vertical ones it has no use for, so the page
 * would not move under the pointer: vertical scrolling goes to the page,
 * horizontal scrolling and Shift+wheel stay with the chart. */
static gboolean
on_chart_scroll (GtkEventControllerScroll *controller,
                 double                    dx,
                 double                    dy,
                 RapportHistoryView       *self)
{
  GtkEventController *event_controller = GTK_EVENT_CONTROLLER (controller);
  GtkWidget          *scroller = gtk_event_controller_get_widget (event_controller);
  GtkWidget          *page;
  GtkAdjustment      *adjustment;
  double              step;

  if ((gtk_event_controller_get_current_event_state (event_controller) & GDK_SHIFT_MASK) != 0 ||
      dy == 0 || fabs (dx) >= fabs (dy))
    return GDK_EVENT_PROPAGATE;
  page = gtk_widget_get_ancestor (gtk_widget_get_parent (scroller), GTK_TYPE_SCROLLED_WINDOW);
  if (page == NULL)
    return GDK_EVENT_PROPAGATE;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page));
  /* A wheel's click moves as far as GtkScrolledWindow moves it; a
   * touchpad's deltas are pixels. */
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    step = pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);
  else
    step = 1.0;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy * step);
  return GDK_EVENT_STOP;
}

static void
pass_vertical_scroll (RapportHistoryView *self,
                      GtkScrolledWindow  *scroller)
{
  GtkEventController *controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);

  /* Before the scroller's own controller sees the event. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_chart_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (scroller), controller);
}

static void
on_control_changed (RapportHistoryView *self)
{
  if (self->store != NULL)
    rapport_history_view_refresh (self);
}

/* GTK 4.8 names a drop-down's own toggle button after its class
 * ("GtkToggleButton"); name it after the drop-down and its choice, as
 * "Time range: 1 Year". */
static void
name_dropdown_button (GtkDropDown *dropdown,
                      GParamSpec  *pspec,
                      const char  *label)
{
  GtkWidget       *toggle = NULL;
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);
  g_autofree char *accessible_name = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); child != NULL && toggle == NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      toggle = child;
  if (toggle == NULL || label == NULL)
    return;
  if (GTK_IS_STRING_OBJECT (item))
    /* Translators: a control's accessible name and its value, "Time range: 1 Year". */
    accessible_name = g_strdup_printf (_("%s: %s"), label, gtk_string_object_get_string (item));
  else
    accessible_name = g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
}

static void
rapport_history_view_constructed (GObject *object)
{
  RapportHistoryView *self = RAPPORT_HISTORY_VIEW (object);

  G_OBJECT_CLASS (rapport_history_view_parent_class)->constructed (object);
  g_return_if_fail (RAPPORT_IS_STORE (self->store));

  rapport_history_view_refresh (self);
}

static void
rapport_history_view_dispose (GObject *object)
{
  RapportHistoryView *self = RAPPORT_HISTORY_VIEW (object);

  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_HISTORY_VIEW);

  G_OBJECT_CLASS (rapport_history_view_parent_class)->dispose (object);
}

static void
rapport_history_view_finalize (GObject *object)
{
  RapportHistoryView *self = RAPPORT_HISTORY_VIEW (object);

  g_clear_pointer (&self->series, rapport_history_series_unref);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_history_view_parent_class)->finalize (object);
}

static void
rapport_history_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RapportHistoryView *self = RAPPORT_HISTORY_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_INCLUDE_ARCHIVED:
      g_value_set_boolean (value, self->include_archived);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_history_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RapportHistoryView *self = RAPPORT_HISTORY_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_PERSON_ID:
      if (self->store != NULL)
        rapport_history_view_set_person (self, g_value_get_int64 (value));
      else
        self->person_id = g_value_get_int64 (value);
      break;
    case PROP_INCLUDE_ARCHIVED:
      if (self->include_archived != g_value_get_boolean (value))
        {
          self->include_archived = g_value_get_boolean (value);
          if (self->store != NULL)
            rapport_history_view_refresh (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_history_view_class_init (RapportHistoryViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_history_view_constructed;
  object_class->dispose = rapport_history_view_dispose;
  object_class->finalize = rapport_history_view_finalize;
  object_class->get_property = rapport_history_view_get_property;
  object_class->set_property = rapport_history_view_set_property;
  widget_class->map = rapport_history_view_map;
  widget_class->unmap = rapport_history_view_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The team's history with archived people's meetings too. */
  properties[PROP_INCLUDE_ARCHIVED] =
    g_param_spec_boolean ("include-archived", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What is shown, for the window's header: the person's name, or "Team"
   * when the whole team is (NULL for someone who is gone)... */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* ...and what the range covers: "47 meetings from 3 Sep to 1 Dec 2025"
   * (NULL when the history could not be read). */
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RAPPORT_TYPE_HISTORY_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rapport/Rapport/ui/history/rapport-history-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportHistoryView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportHistoryView, switcher_slot);
  gtk_widget_class_bind_template_child (widget_class, RapportHistoryView, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, RapportHistoryView, team_button);
  gtk_widget_class_bind_template_child (widget_class, RapportHistoryView, range_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RapportHistoryView, bucket_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RapportHistoryView, export_button);
  gtk_widget_class_bind_template_child (widget_class, RapportHistoryView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportHistoryView, status_page);
  gtk_widget_class_bind_template_child (widget_class, RapportHistoryView, range_label);
  gtk_widget_class_bind_template_child (widget_class, RapportHistoryView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportHistoryView, chart_scroller);
  gtk_widget_class_bind_template_child (widget_class, RapportHistoryView, chart);
  gtk_widget_class_bind_template_child (widget_class, RapportHistoryView, chart_status);
  gtk_widget_class_bind_template_child (widget_class, RapportHistoryView, adherence_label);
  gtk_widget_class_bind_template_child (widget_class, RapportHistoryView, summary_list);
  gtk_widget_class_bind_template_child (widget_class, RapportHistoryView, table);
  gtk_widget_class_bind_template_child (widget_class, RapportHistoryView, balance_scroller);
  gtk_widget_class_bind_template_child (widget_class, RapportHistoryView, balance_chart);
  gtk_widget_class_bind_template_child (widget_class, RapportHistoryView, balance_status);
  gtk_widget_class_bind_template_child (widget_class, RapportHistoryView, balance_list);

  gtk_widget_class_install_property_action (widget_class, "history.include-archived", "include-archived");
  gtk_widget_class_install_action (widget_class, "history.export-png", NULL, export_chart);
  gtk_widget_class_install_action (widget_class, "history.export-svg", NULL, export_chart);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rapport_history_view_init (RapportHistoryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->range_subject = -1;

  g_object_bind_property (self->chart, "status", self->chart_status, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->balance_chart, "status", self->balance_status, "label", G_BINDING_SYNC_CREATE);
  adw_bin_set_child (self->switcher_slot, rapport_view_switcher_new (self->view_stack, self->switcher_bar));
  g_signal_connect_swapped (self->range_dropdown, "notify::selected", G_CALLBACK (on_control_changed), self);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child-name", G_CALLBACK (on_page_changed), self);
  /* The names the drop-downs have in the template. */
  g_signal_connect (self->range_dropdown, "notify::selected", G_CALLBACK (name_dropdown_button), _("Time range"));
  g_signal_connect (self->bucket_dropdown, "notify::selected", G_CALLBACK (name_dropdown_button), _("Group by"));
  name_dropdown_button (self->range_dropdown, NULL, _("Time range"));
  name_dropdown_button (self->bucket_dropdown, NULL, _("Group by"));
  /* Newer GTK would name them after the choice they show ("Weekly"). */
  rapport_accessible_set_label (GTK_WIDGET (self->range_dropdown), NULL);
  rapport_accessible_set_label (GTK_WIDGET (self->bucket_dropdown), NULL);
  g_signal_connect_swapped (self->bucket_dropdown, "notify::selected", G_CALLBACK (on_control_changed), self);
  g_signal_connect_swapped (self->team_button, "toggled", G_CALLBACK (on_control_changed), self);
  pass_vertical_scroll (self, self->chart_scroller);
  pass_vertical_scroll (self, self->balance_scroller);
}
