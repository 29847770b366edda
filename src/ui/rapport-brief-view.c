/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-brief"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-brief-view.h"
#include "rapport-checklist-item.h"
#include "rapport-commitment.h"
#include "rapport-habit.h"
#include "rapport-mood-chart.h"
#include "rapport-next-meeting-bar.h"
#include "rapport-talking-points-panel.h"
#include "rapport-text-column.h"

struct _RapportBriefView
{
  GtkWidget                  parent_instance;

  RapportStore              *store;
  RapportPerson             *person;
  RapportBrief              *brief;
  guint                      neglect_window;
  char                      *today; /* NULL: the real date */

  GtkLabel                  *name_label;
  GtkLabel                  *status_label;
  GtkButton                 *start_button;
  GtkListBox                *commitments_list;
  GtkLabel                  *follow_through_label;
  GtkWidget                 *last_box;
  GtkLabel                  *last_heading;
  GtkButton                 *open_button;
  GtkLabel                  *notes_label;
  GtkLabel                  *practised_label;
  GtkWidget                 *habits_box;
  GtkLabel                  *habits_caption;
  GtkListBox                *habits_list;
  GtkWidget                 *mood_box;
  RapportMoodChart          *mood_chart;
  GtkLabel                  *mood_label;
  GtkBox                    *next_slot;
  GtkBox                    *topics_slot;

  /* Borrowed: children of the slots above */
  RapportNextMeetingBar     *next_bar;
  RapportTalkingPointsPanel *topics;
};

G_DEFINE_FINAL_TYPE (RapportBriefView, rapport_brief_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_PERSON,
  PROP_NEGLECT_WINDOW,
  PROP_TODAY,
  N_PROPS
};

enum
{
  OPEN_MEETING,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

/* GTK 4.8 lays a label out again when given the text it has: most of
 * the brief's labels keep theirs from one person to the next. */
static void
set_label (GtkLabel   *label,
           const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_label (label, text);
}

/* The fewest characters a wrapping label of the brief is measured at.
 * GTK 4.8 finds a wrapping label's minimum width by laying its text out
 * at width 0: with "word-char" wrapping (the notes, and AdwActionRow's
 * titles and subtitles) one character a line, each one tried with a
 * hyphen, again for each person shown. At this width it takes a few
 * lines, and the brief still fits 360 px with large text. */
#define WRAP_MIN_CHARS 12

/* Gives the wrapping labels in @widget (an AdwActionRow's title and
 * subtitle) the minimum width above. */
static void
wrap_min_chars (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_label_get_wrap (GTK_LABEL (child)))
        gtk_label_set_width_chars (GTK_LABEL (child), WRAP_MIN_CHARS);
      else
        wrap_min_chars (child);
    }
}

/* Removes the rows from @first on. */
static void
clear_list_from (GtkListBox *list,
                 guint       first)
{
  GtkListBoxRow *row;

  /* Rows only: the empty-state label is a child too. */
  while ((row = gtk_list_box_get_row_at_index (list, first)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void
clear_list (GtkListBox *list)
{
  clear_list_from (list, 0);
}

static char *
status_text (RapportBrief *brief)
{
  int              days = rapport_brief_get_days_since (brief);
  g_autofree char *since = NULL;
  const char      *state = NULL;

  /* No 1:1 yet is never overdue; it becomes due one cadence after the
   * person was added. */
  if (days < 0)
    since = g_strdup (_("No 1:1 yet"));
  else if (days == 0)
    since = g_strdup (_("Last 1:1 today"));
  else if (days == 1)
    since = g_strdup (_("Last 1:1 yesterday"));
  else
    since = g_strdup_printf (ngettext ("Last 1:1 %d day ago", "Last 1:1 %d days ago", days), days);

  switch (rapport_brief_get_due_state (brief))
    {
    case RAPPORT_DUE_DUE: state = _("due"); break;
    case RAPPORT_DUE_OVERDUE: state = _("overdue"); break;
    case RAPPORT_DUE_NONE:
    default: break;
    }
  if (state == NULL)
    return g_steal_pointer (&since);
  /* Translators: "Last 1:1 12 days ago · due". */
  return g_strdup_printf (_("%s · %s"), since, state);
}

static void
on_commitment_toggled (GtkCheckButton *check,
                       GtkWidget      *row)
{
  RapportBriefView  *self = RAPPORT_BRIEF_VIEW (gtk_widget_get_ancestor (row, RAPPORT_TYPE_BRIEF_VIEW));
  RapportCommitment *item = g_object_get_data (G_OBJECT (row), "item");
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_check_button_get_active (check);
  gboolean ok;

  if (self == NULL || self->brief == NULL || active == rapport_commitment_get_closed (item))
    return;

  /* Ticked before the meeting: done by today. The row stays (struck
   * through) until the next refresh, so a slip can be unticked. */
  if (active)
    ok = rapport_commitment_close (item, self->store, rapport_brief_get_today (self->brief), &error);
  else
    ok = rapport_commitment_reopen (item, self->store, &error);
  if (!ok)
    {
      g_warning ("%s", error->message);
      gtk_check_button_set_active (check, rapport_commitment_get_closed (item));
      return;
    }
  if (active)
    gtk_widget_add_css_class (row, "closed");
  else
    gtk_widget_remove_css_class (row, "closed");
  g_signal_emit (self, signals[CHANGED], 0);
}

static GtkWidget *
commitment_row (RapportBriefView  *self,
                RapportCommitment *item)
{
  const char *today = rapport_brief_get_today (self->brief);
  GtkWidget  *row = adw_action_row_new ();
  GtkWidget  *check = gtk_check_button_new ();
  gboolean    mine = rapport_commitment_get_owner (item) == RAPPORT_COMMITMENT_OWNER_ME;
  gboolean    overdue = rapport_commitment_is_overdue (item, today);
  g_autoptr(GString) subtitle = g_string_new (mine ? _("Mine") : _("Theirs"));
  g_autofree char *made = rapport_brief_format_date (rapport_commitment_get_made_on (item), today);
  g_autofree char *check_name = g_strdup_printf (_("Done: %s"), rapport_commitment_get_text (item));

  if (rapport_commitment_get_due (item) != NULL)
    {
      g_autofree char *due = rapport_brief_format_date (rapport_commitment_get_due (item), today);

      g_string_append (subtitle, " · ");
      /* Translators: "overdue since 3 Mar" / "due 3 Mar". */
      g_string_append_printf (subtitle, overdue ? _("overdue since %s") : _("due %s"), due);
    }
  g_string_append (subtitle, " · ");
  /* Translators: the 1:1 where a commitment was made, "from 24 Feb". */
  g_string_append_printf (subtitle, _("from %s"), made);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rapport_commitment_get_text (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, check_name, -1);
  /* The row names its activatable widget after its title too, which a
   * screen reader would read after our label: keep one name. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_widget_add_css_class (row, "commitment-row");
  if (overdue)
    gtk_widget_add_css_class (row, "overdue");
  g_object_set_data_full (G_OBJECT (row), "item", g_object_ref (item), g_object_unref);
  g_signal_connect (check, "toggled", G_CALLBACK (on_commitment_toggled), row);
  wrap_min_chars (row);
  return row;
}

static void
fill_commitments (RapportBriefView *self)
{
  GListModel *open = rapport_brief_get_open_commitments (self->brief);
  guint       n = g_list_model_get_n_items (open);
  guint       kept = rapport_brief_get_follow_through_kept (self->brief);
  guint       due = rapport_brief_get_follow_through_due (self->brief);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportCommitment) item = g_list_model_get_item (open, i);
      gtk_list_box_append (self->commitments_list, commitment_row (self, item));
    }

  if (due > 0)
    {
      g_autofree char *text =
        /* Translators: "Follow-through: 80 % of your commitments kept on time (4 of 5)". */
        g_strdup_printf (ngettext ("Follow-through: %u %% of your commitments kept on time (%u of %u)",
                                   "Follow-through: %u %% of your commitments kept on time (%u of %u)", due),
                         (kept * 100 + due / 2) / due, kept, due);
      set_label (self->follow_through_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->follow_through_label), due > 0);
}

/* "Practised: Listen (let her choose the plan), Explain the why" */
static void
fill_practised (RapportBriefView *self,
                gint64            meeting_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) checklist = rapport_checklist_load (self->store, meeting_id, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = checklist ? g_list_model_get_n_items (G_LIST_MODEL (checklist)) : 0;

  if (checklist == NULL)
    g_warning ("Could not read the last checklist: %s", error->message);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportChecklistItem) item = g_list_model_get_item (G_LIST_MODEL (checklist), i);
      const char *evidence = rapport_checklist_item_get_evidence (item);

      if (!rapport_checklist_item_get_ticked (item))
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, rapport_checklist_item_get_label (item));
      if (*evidence != '\0')
        g_string_append_printf (text, " (%s)", evidence);
    }

  if (text->len > 0)
    {
      /* Translators: the habits ticked in the last 1:1, with their evidence. */
      g_autofree char *label = g_strdup_printf (_("Practised: %s"), text->str);
      set_label (self->practised_label, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->practised_label), text->len > 0);
}

static void
fill_last_meeting (RapportBriefView *self)
{
  const char      *date = rapport_brief_get_last_meeting_date (self->brief);
  const char      *excerpt = rapport_brief_get_notes_excerpt (self->brief);
  g_autofree char *day = NULL;
  g_autofree char *heading = NULL;

  gtk_widget_set_visible (self->last_box, date != NULL);
  if (date == NULL)
    return;

  day = rapport_brief_format_date (date, rapport_brief_get_today (self->brief));
  /* Translators: heading over the last meeting's notes, "Last 1:1, 3 Mar". */
  heading = g_strdup_printf (_("Last 1:1, %s"), day);
  set_label (self->last_heading, heading);
  fill_practised (self, rapport_brief_get_last_meeting_id (self->brief));
  if (*excerpt != '\0')
    {
      set_label (self->notes_label, excerpt);
      gtk_widget_remove_css_class (GTK_WIDGET (self->notes_label), "dim-label");
    }
  else
    {
      set_label (self->notes_label, _("No notes were taken."));
      gtk_widget_add_css_class (GTK_WIDGET (self->notes_label), "dim-label");
    }
}

/* The row of @list that shows the habit @id, and its index; NULL if
 * there is none. */
static GtkListBoxRow *
find_habit_row (GtkListBox *list,
                gint64      id,
                int        *index)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      gint64 *row_id = g_object_get_data (G_OBJECT (row), "habit-id");

      if (row_id != NULL && *row_id == id)
        {
          *index = i;
          return row;
        }
    }
  return NULL;
}

static GtkListBoxRow *
habit_row_new (gint64 id)
{
  GtkListBoxRow *row = GTK_LIST_BOX_ROW (adw_action_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  wrap_min_chars (GTK_WIDGET (row));
  g_object_set_data_full (G_OBJECT (row), "habit-id", g_memdup2 (&id, sizeof id), g_free);
  return row;
}

static void
fill_habits (RapportBriefView *self)
{
  GListModel      *habits = rapport_brief_get_neglected_habits (self->brief);
  guint            n = g_list_model_get_n_items (habits);
  guint            window = rapport_brief_get_neglect_window (self->brief);
  g_autofree char *caption = NULL;
  g_autoptr(GHashTable) shown = g_hash_table_new (NULL, NULL);
  GtkListBoxRow *row;
  int            last = -1;

  gtk_widget_set_visible (self->habits_box, n > 0);
  if (n > 0)
    {
      caption = g_strdup_printf (ngettext ("Not ticked in the last %u 1:1. A suggestion for this time:",
                                           "Not ticked in the last %u 1:1s. Suggestions for this time:", window),
                                 window);
      set_label (self->habits_caption, caption);
    }

  /* One row for each habit, kept from one person to the next and shown
   * when the habit is neglected: its text stays, so GTK 4.8 does not
   * lay its wrapping hint out again, at each width it is measured at,
   * as it would for a row given another habit's text. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportHabit) habit = g_list_model_get_item (habits, i);
      int index = -1;

      row = find_habit_row (self->habits_list, rapport_habit_get_id (habit), &index);
      if (row == NULL)
        {
          row = habit_row_new (rapport_habit_get_id (habit));
          index = last + 1;
          gtk_list_box_insert (self->habits_list, GTK_WIDGET (row), index);
        }
      else if (index < last)
        {
          /* The habits were put in another order: after the one above. */
          g_object_ref (row);
          gtk_list_box_remove (self->habits_list, GTK_WIDGET (row));
          index = last;
          gtk_list_box_insert (self->habits_list, GTK_WIDGET (row), index);
          g_object_unref (row);
        }
      last = index;
      /* Renamed since: set_title() and set_subtitle() do nothing if not. */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rapport_habit_get_label (habit));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rapport_habit_get_hint (habit));
      gtk_widget_set_visible (GTK_WIDGET (row), TRUE);
      g_hash_table_add (shown, row);
    }
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->habits_list, i)) != NULL; i++)
    if (!g_hash_table_contains (shown, row))
      gtk_widget_set_visible (GTK_WIDGET (row), FALSE);
}

static void
fill_mood (RapportBriefView *self)
{
  guint                   n = 0;
  const RapportBriefMood *moods = rapport_brief_get_moods (self->brief, &n);

  gtk_widget_set_visible (self->mood_box, n > 0);
  if (n == 0)
    return;

  rapport_mood_chart_set_moods (self->mood_chart, moods, n, rapport_brief_get_today (self->brief));
  set_label (self->mood_label, rapport_mood_chart_get_summary (self->mood_chart));
}

/* "Continue Today's 1:1" when there is one: Ctrl+N and this button open
 * it rather than start a second meeting the same day. */
static void
fill_start_button (RapportBriefView *self)
{
  gboolean    today = self->brief != NULL && rapport_brief_get_today_meeting_id (self->brief) != 0;
  const char *name = today ? _("Continue Today's 1:1") : _("Start 1:1");
  const char *label = today ? _("_Continue Today's 1:1") : _("_Start 1:1");

  /* Unchanged for most people: nothing to lay out again. */
  if (g_strcmp0 (gtk_button_get_label (self->start_button), label) != 0)
    {
      gtk_button_set_label (self->start_button, label);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->start_button),
                                   today ? _("Open Today's 1:1 (Ctrl+N)") : _("Start a New 1:1 (Ctrl+N)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->start_button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  /* GTK 4.8 reads a button's name as its label property followed by the
   * name of what labels it (its own label child): "Start 1:1 Start 1:1".
   * Keep one, without the mnemonic's underscore. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->start_button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* The queue and the next 1:1 follow the person and the day on show. */
static void
refresh_between_meetings (RapportBriefView *self)
{
  if (self->topics == NULL)
    return;
  rapport_talking_points_panel_set_today (self->topics, self->today);
  rapport_talking_points_panel_set_person (self->topics, self->person);
  rapport_next_meeting_bar_set_today (self->next_bar, self->today);
  rapport_next_meeting_bar_set_person (self->next_bar, self->person);
}

void
rapport_brief_view_refresh (RapportBriefView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *real_today = NULL;
  g_autofree char *status = NULL;
  GtkWidget       *status_widget;

  g_return_if_fail (RAPPORT_IS_BRIEF_VIEW (self));

  g_clear_object (&self->brief);
  clear_list (self->commitments_list);
  status_widget = GTK_WIDGET (self->status_label);
  gtk_widget_remove_css_class (status_widget, "warning");
  gtk_widget_remove_css_class (status_widget, "accent");
  refresh_between_meetings (self);

  if (self->person == NULL)
    {
      set_label (self->name_label, "");
      set_label (self->status_label, "");
      gtk_widget_set_visible (self->last_box, FALSE);
      gtk_widget_set_visible (self->habits_box, FALSE);
      clear_list (self->habits_list);
      gtk_widget_set_visible (self->mood_box, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->follow_through_label), FALSE);
      fill_start_button (self);
      return;
    }

  if (self->today == NULL)
    real_today = rapport_store_today ();
  self->brief = rapport_brief_load (self->store, self->person, self->today ? self->today : real_today,
                                    self->neglect_window, &error);
  set_label (self->name_label, rapport_person_get_name (self->person));
  if (self->brief == NULL)
    {
      g_warning ("%s", error->message);
      set_label (self->status_label, error->message);
      clear_list (self->habits_list);
      fill_start_button (self);
      return;
    }

  status = status_text (self->brief);
  set_label (self->status_label, status);
  if (rapport_brief_get_due_state (self->brief) == RAPPORT_DUE_OVERDUE)
    gtk_widget_add_css_class (status_widget, "warning");
  else if (rapport_brief_get_due_state (self->brief) == RAPPORT_DUE_DUE)
    gtk_widget_add_css_class (status_widget, "accent");

  fill_commitments (self);
  fill_last_meeting (self);
  fill_habits (self);
  fill_mood (self);
  fill_start_button (self);
}

static void
on_open_clicked (RapportBriefView *self)
{
  if (self->brief != NULL && rapport_brief_get_last_meeting_id (self->brief) != 0)
    g_signal_emit (self, signals[OPEN_MEETING], 0, rapport_brief_get_last_meeting_id (self->brief));
}

GtkWidget *
rapport_brief_view_new (RapportStore *store)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  return g_object_new (RAPPORT_TYPE_BRIEF_VIEW, "store", store, NULL);
}

void
rapport_brief_view_set_person (RapportBriefView *self,
                               RapportPerson    *person)
{
  g_return_if_fail (RAPPORT_IS_BRIEF_VIEW (self));
  g_return_if_fail (person == NULL || RAPPORT_IS_PERSON (person));

  if (g_set_object (&self->person, person))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
  rapport_brief_view_refresh (self);
}

RapportPerson *
rapport_brief_view_get_person (RapportBriefView *self)
{
  g_return_val_if_fail (RAPPORT_IS_BRIEF_VIEW (self), NULL);
  return self->person;
}

RapportBrief *
rapport_brief_view_get_brief (RapportBriefView *self)
{
  g_return_val_if_fail (RAPPORT_IS_BRIEF_VIEW (self), NULL);
  return self->brief;
}

void
rapport_brief_view_set_neglect_window (RapportBriefView *self,
                                       guint             window)
{
  g_return_if_fail (RAPPORT_IS_BRIEF_VIEW (self));
  g_return_if_fail (window >= 1 && window <= 20);

  if (self->neglect_window == window)
    return;
  self->neglect_window = window;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEGLECT_WINDOW]);
  if (self->person != NULL)
    rapport_brief_view_refresh (self);
}

void
rapport_brief_view_set_today (RapportBriefView *self,
                              const char       *today)
{
  g_return_if_fail (RAPPORT_IS_BRIEF_VIEW (self));

  g_free (self->today);
  self->today = g_strdup (today);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
  if (self->person != NULL)
    rapport_brief_view_refresh (self);
}

static void
rapport_brief_view_dispose (GObject *object)
{
  RapportBriefView *self = RAPPORT_BRIEF_VIEW (object);
  GtkWidget        *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_BRIEF_VIEW);
  /* Template children without an id are not bound, so not cleared. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->brief);
  g_clear_object (&self->person);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_brief_view_parent_class)->dispose (object);
}

static void
rapport_brief_view_finalize (GObject *object)
{
  RapportBriefView *self = RAPPORT_BRIEF_VIEW (object);

  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (rapport_brief_view_parent_class)->finalize (object);
}

static void
rapport_brief_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RapportBriefView *self = RAPPORT_BRIEF_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_PERSON: g_value_set_object (value, self->person); break;
    case PROP_NEGLECT_WINDOW: g_value_set_uint (value, self->neglect_window); break;
    case PROP_TODAY: g_value_set_string (value, self->today); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_brief_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RapportBriefView *self = RAPPORT_BRIEF_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    case PROP_NEGLECT_WINDOW: rapport_brief_view_set_neglect_window (self, g_value_get_uint (value)); break;
    case PROP_TODAY: rapport_brief_view_set_today (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A skip, or the next day set by hand, changes the due state shown. */
static void
on_next_meeting_changed (RapportBriefView *self)
{
  rapport_brief_view_refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The people list and This Week count the talking points waiting. */
static void
on_topics_changed (RapportBriefView *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
rapport_brief_view_constructed (GObject *object)
{
  RapportBriefView *self = RAPPORT_BRIEF_VIEW (object);

  G_OBJECT_CLASS (rapport_brief_view_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_STORE (self->store));
  self->next_bar = RAPPORT_NEXT_MEETING_BAR (rapport_next_meeting_bar_new (self->store));
  gtk_box_append (self->next_slot, GTK_WIDGET (self->next_bar));
  g_signal_connect_object (self->next_bar, "changed", G_CALLBACK (on_next_meeting_changed), self, G_CONNECT_SWAPPED);
  self->topics = RAPPORT_TALKING_POINTS_PANEL (rapport_talking_points_panel_new (self->store));
  gtk_box_append (self->topics_slot, GTK_WIDGET (self->topics));
  g_signal_connect_object (self->topics, "changed", G_CALLBACK (on_topics_changed), self, G_CONNECT_SWAPPED);
  rapport_brief_view_refresh (self);
}

static void
rapport_brief_view_class_init (RapportBriefViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_brief_view_dispose;
  object_class->finalize = rapport_brief_view_finalize;
  object_class->constructed = rapport_brief_view_constructed;
  object_class->get_property = rapport_brief_view_get_property;
  object_class->set_property = rapport_brief_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, RAPPORT_TYPE_PERSON,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEGLECT_WINDOW] =
    g_param_spec_uint ("neglect-window", NULL, NULL, 1, 20, RAPPORT_BRIEF_DEFAULT_NEGLECT_WINDOW,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TODAY] =
    g_param_spec_string ("today", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_MEETING] =
    g_signal_new ("open-meeting", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (RAPPORT_TYPE_MOOD_CHART);
  g_type_ensure (RAPPORT_TYPE_TEXT_COLUMN);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "brief");
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapport/Rapport/ui/rapport-brief-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportBriefView, name_label);
  gtk_widget_class_bind_template_child (widget_class, RapportBriefView, status_label);
  gtk_widget_class_bind_template_child (widget_class, RapportBriefView, start_button);
  gtk_widget_class_bind_template_child (widget_class, RapportBriefView, commitments_list);
  gtk_widget_class_bind_template_child (widget_class, RapportBriefView, follow_through_label);
  gtk_widget_class_bind_template_child (widget_class, RapportBriefView, last_box);
  gtk_widget_class_bind_template_child (widget_class, RapportBriefView, last_heading);
  gtk_widget_class_bind_template_child (widget_class, RapportBriefView, open_button);
  gtk_widget_class_bind_template_child (widget_class, RapportBriefView, notes_label);
  gtk_widget_class_bind_template_child (widget_class, RapportBriefView, practised_label);
  gtk_widget_class_bind_template_child (widget_class, RapportBriefView, habits_box);
  gtk_widget_class_bind_template_child (widget_class, RapportBriefView, habits_caption);
  gtk_widget_class_bind_template_child (widget_class, RapportBriefView, habits_list);
  gtk_widget_class_bind_template_child (widget_class, RapportBriefView, mood_box);
  gtk_widget_class_bind_template_child (widget_class, RapportBriefView, mood_chart);
  gtk_widget_class_bind_template_child (widget_class, RapportBriefView, mood_label);
  gtk_widget_class_bind_template_child (widget_class, RapportBriefView, next_slot);
  gtk_widget_class_bind_template_child (widget_class, RapportBriefView, topics_slot);
  gtk_widget_class_bind_template_callback (widget_class, on_open_clicked);
}

static void
on_selectable_pressed (GtkGestureClick *gesture,
                       int              n_press,
                       double           x,
                       double           y,
                       GtkWidget       *label)
{
  /* Before the label's own gesture grabs the focus for the selection. */
  gtk_widget_set_focusable (label, TRUE);
}

static void
on_selectable_focus_leave (GtkEventControllerFocus *focus,
                           GtkWidget               *label)
{
  gtk_widget_set_focusable (label, FALSE);
}

/* @label can be selected, and copied with Ctrl+C, after a click or a
 * drag, but Tab does not stop on it: it is text, not a control. */
static void
selectable_by_pointer (GtkLabel *label)
{
  GtkGesture         *click = gtk_gesture_click_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_label_set_selectable (label, TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (label), FALSE);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_selectable_pressed), label);
  gtk_widget_add_controller (GTK_WIDGET (label), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (focus, "leave", G_CALLBACK (on_selectable_focus_leave), label);
  gtk_widget_add_controller (GTK_WIDGET (label), focus);
}

static void
rapport_brief_view_init (RapportBriefView *self)
{
  GtkWidget *empty_label;

  self->neglect_window = RAPPORT_BRIEF_DEFAULT_NEGLECT_WINDOW;
  gtk_widget_init_template (GTK_WIDGET (self));

  empty_label = gtk_label_new (_("Nothing open. A clean slate."));
  gtk_widget_add_css_class (empty_label, "dim-label");
  gtk_widget_set_margin_top (empty_label, 12);
  gtk_widget_set_margin_bottom (empty_label, 12);
  gtk_list_box_set_placeholder (self->commitments_list, empty_label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->mood_label), rapport_mood_chart_rule_text ());
  selectable_by_pointer (self->notes_label);
  selectable_by_pointer (self->practised_label);
  /* One name, the one in the template (see fill_start_button()). */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->open_button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}
