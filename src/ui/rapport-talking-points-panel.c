/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-talking-points"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-talking-point-row.h"
#include "rapport-talking-point.h"
#include "rapport-talking-points-panel.h"
#include "rapport-undo-toast.h"

struct _RapportTalkingPointsPanel
{
  GtkWidget        parent_instance;

  /* Owned */
  RapportStore    *store;
  RapportMeeting  *meeting;   /* meeting mode when set */
  GListStore      *items;     /* the queue, or the meeting's points */
  GListStore      *scheduled; /* recurring points back on a later day */
  char            *today;     /* set for tests; NULL: the real date */
  gint64           person_id;

  /* Borrowed (weak pointer) */
  AdwToastOverlay *toast_overlay;

  /* Template children */
  GtkLabel        *heading;
  GtkListBox      *list;
  GtkBox          *add_box;
  GtkEntry        *add_entry;
  GtkToggleButton *me_button;
  GtkToggleButton *them_button;
  GtkBox          *scheduled_box;
  GtkListBox      *scheduled_list;
  GtkLabel        *placeholder;
};

G_DEFINE_FINAL_TYPE (RapportTalkingPointsPanel, rapport_talking_points_panel, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_PERSON_ID,
  PROP_MEETING,
  PROP_MEETING_MODE,
  PROP_TODAY,
  PROP_TOAST_OVERLAY,
  N_PROPS
};

enum
{
  CHANGED,
  SAVE_FAILED,
  SHOW_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static char *
dup_today (RapportTalkingPointsPanel *self)
{
  return self->today != NULL ? g_strdup (self->today) : rapport_store_today ();
}

static void
report (RapportTalkingPointsPanel *self,
        const GError              *error)
{
  g_warning ("%s", error->message);
  g_signal_emit (self, signals[SAVE_FAILED], 0, error->message);
}

static void
changed (RapportTalkingPointsPanel *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Reports a refused write, or tells that one was made. */
static void
written (RapportTalkingPointsPanel *self,
         gboolean                   ok,
         GError                    *error)
{
  if (ok)
    changed (self);
  else
    report (self, error);
}

/* The point with @id in @store, its position in *@position. */
static RapportTalkingPoint *
find_in (GListStore *store,
         gint64      id,
         guint      *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportTalkingPoint) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (rapport_talking_point_get_id (item) != id)
        continue;
      if (position != NULL)
        *position = i;
      return g_steal_pointer (&item);
    }
  return NULL;
}

/* The point shown with the id in @parameter (alone or first in a tuple),
 * or NULL when it is no longer on show. */
static RapportTalkingPoint *
dup_item (RapportTalkingPointsPanel *self,
          GVariant                  *parameter)
{
  RapportTalkingPoint *item;
  gint64               id;

  if (g_variant_is_of_type (parameter, G_VARIANT_TYPE_INT64))
    id = g_variant_get_int64 (parameter);
  else
    g_variant_get_child (parameter, 0, "x", &id);

  item = find_in (self->items, id, NULL);
  if (item == NULL)
    item = find_in (self->scheduled, id, NULL);
  return item;
}

/* Loading ---------------------------------------------------------------- */

static void
replace_all (GListStore *store,
             GListModel *loaded)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = loaded != NULL ? g_list_model_get_n_items (loaded) : 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (loaded, i));
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata, items->len);
}

/* The point whose row has the focus, 0 if none. */
static gint64
focused_point (RapportTalkingPointsPanel *self)
{
  GtkRoot   *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return 0;
  row = RAPPORT_IS_TALKING_POINT_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, RAPPORT_TYPE_TALKING_POINT_ROW);
  if (row == NULL || rapport_talking_point_row_get_talking_point (RAPPORT_TALKING_POINT_ROW (row)) == NULL)
    return 0;
  return rapport_talking_point_get_id (rapport_talking_point_row_get_talking_point (RAPPORT_TALKING_POINT_ROW (row)));
}

/* Takes the focus off a row about to be made anew, when it is there. */
static void
let_go_of_focus (RapportTalkingPointsPanel *self)
{
  GtkRoot   *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    gtk_root_set_focus (root, NULL);
}

static void
focus_point (GtkListBox *list,
             gint64      id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (RAPPORT_IS_TALKING_POINT_ROW (row) &&
        rapport_talking_point_row_get_talking_point (RAPPORT_TALKING_POINT_ROW (row)) != NULL &&
        rapport_talking_point_get_id (rapport_talking_point_row_get_talking_point (RAPPORT_TALKING_POINT_ROW (row))) == id)
      {
        gtk_widget_grab_focus (row);
        return;
      }
}

void
rapport_talking_points_panel_reload (RapportTalkingPointsPanel *self)
{
  g_autoptr(GListStore) loaded = NULL;
  g_autoptr(GListStore) later = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  const char      *placeholder;
  gint64           focused;

  g_return_if_fail (RAPPORT_IS_TALKING_POINTS_PANEL (self));

  /* A text being edited is written first, not lost with its row; the
   * row with the focus keeps it, made anew. */
  rapport_talking_points_panel_flush (self);
  focused = focused_point (self);
  today = dup_today (self);
  if (self->meeting != NULL)
    loaded = rapport_talking_point_load_for_meeting (self->store, rapport_meeting_get_id (self->meeting), &error);
  else if (self->person_id != 0)
    {
      loaded = rapport_talking_point_load_queue (self->store, self->person_id, today, &error);
      if (loaded != NULL)
        later = rapport_talking_point_load_scheduled (self->store, self->person_id, today, &error);
    }
  if (error != NULL)
    g_warning ("%s", error->message);

  replace_all (self->items, G_LIST_MODEL (loaded));
  replace_all (self->scheduled, G_LIST_MODEL (later));
  if (focused != 0)
    {
      focus_point (self->list, focused);
      focus_point (self->scheduled_list, focused);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->scheduled_box),
                          g_list_model_get_n_items (G_LIST_MODEL (self->scheduled)) > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_box), self->person_id != 0);
  placeholder = self->meeting != NULL ? _("Nothing was waiting for this 1:1") : _("Nothing to talk about yet");
  /* The same for every person: GTK 4.8 would lay it out again. */
  if (g_strcmp0 (gtk_label_get_label (self->placeholder), placeholder) != 0)
    gtk_label_set_label (self->placeholder, placeholder);
}

/* What the rows ask ----------------------------------------------------- */

static void
toggle_discussed_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RapportTalkingPointsPanel *self = RAPPORT_TALKING_POINTS_PANEL (widget);
  g_autoptr(RapportTalkingPoint) item = dup_item (self, parameter);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (item == NULL || self->meeting == NULL)
    return;
  if (!rapport_talking_point_get_discussed (item))
    ok = rapport_talking_point_mark_discussed (item, self->store, rapport_meeting_get_id (self->meeting), &error);
  else
    ok = rapport_talking_point_unmark_discussed (item, self->store, &error);
  written (self, ok, error);
}

static void
set_text_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RapportTalkingPointsPanel *self = RAPPORT_TALKING_POINTS_PANEL (widget);
  g_autoptr(RapportTalkingPoint) item = dup_item (self, parameter);
  g_autoptr(GError) error = NULL;
  const char *text;
  gboolean    ok;

  g_variant_get_child (parameter, 1, "&s", &text);
  if (item == NULL || g_strcmp0 (text, rapport_talking_point_get_text (item)) == 0)
    return;
  ok = rapport_talking_point_set_text (item, self->store, text, &error);
  written (self, ok, error);
}

static void
set_raised_by_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RapportTalkingPointsPanel *self = RAPPORT_TALKING_POINTS_PANEL (widget);
  g_autoptr(RapportTalkingPoint) item = dup_item (self, parameter);
  g_autoptr(GError) error = NULL;
  RapportRaisedBy raised_by;
  const char     *text;
  gboolean        ok;

  g_variant_get_child (parameter, 1, "&s", &text);
  if (item == NULL || !rapport_raised_by_from_string (text, &raised_by) ||
      raised_by == rapport_talking_point_get_raised_by (item))
    return;
  ok = rapport_talking_point_set_raised_by (item, self->store, raised_by, &error);
  written (self, ok, error);
}

static void
set_recurrence_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RapportTalkingPointsPanel *self = RAPPORT_TALKING_POINTS_PANEL (widget);
  g_autoptr(RapportTalkingPoint) item = dup_item (self, parameter);
  g_autoptr(GError) error = NULL;
  RapportRecurUnit unit;
  const char      *unit_text;
  gint64           id;
  int              every;

  g_variant_get (parameter, "(xi&s)", &id, &every, &unit_text);
  if (g_strcmp0 (unit_text, "none") == 0)
    unit = RAPPORT_RECUR_NONE;
  else if (!rapport_recur_unit_from_string (unit_text, &unit))
    return;
  if (item == NULL)
    return;
  if (!rapport_talking_point_set_recurrence (item, self->store, every, unit, &error))
    {
      report (self, error);
      return;
    }
  /* A point may go from the queue to the later ones and back (stopping
   * a scheduled point's rhythm puts it back in the queue). */
  rapport_talking_points_panel_reload (self);
  changed (self);
}

/* Writes the order of the list with the point at @from moved to @to. */
static void
move_item (RapportTalkingPointsPanel *self,
           guint                      from,
           guint                      to)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_autoptr(RapportTalkingPoint) moved = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;
  gint64         moved_id;

  g_assert (from < n && to < n);
  if (from == to)
    return;

  moved = g_list_model_get_item (G_LIST_MODEL (self->items), from);
  moved_id = rapport_talking_point_get_id (moved);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportTalkingPoint) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      gint64 id = rapport_talking_point_get_id (item);

      if (i == from)
        continue;
      if (i == to && to < from)
        g_array_append_val (ids, moved_id);
      g_array_append_val (ids, id);
      if (i == to && to > from)
        g_array_append_val (ids, moved_id);
    }
  g_assert (ids->len == n);

  if (!rapport_talking_point_reorder (self->store, self->person_id, (const gint64 *) ids->data, ids->len, &error))
    {
      report (self, error);
      return;
    }
  /* The row with the focus goes: let go of it first, or GTK 4.18 drops
   * the focus given to the new row too (as in the Preferences). */
  let_go_of_focus (self);
  g_list_store_remove (self->items, from);
  g_list_store_insert (self->items, to, moved);
  /* The row was made anew: keep the focus on it, for the next move. */
  row = gtk_list_box_get_row_at_index (self->list, to);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  changed (self);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportTalkingPointsPanel *self = RAPPORT_TALKING_POINTS_PANEL (widget);
  guint                      n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_autoptr(RapportTalkingPoint) item = NULL;
  guint  position;
  gint64 id;
  int    delta;

  g_variant_get (parameter, "(xi)", &id, &delta);
  item = find_in (self->items, id, &position);
  if (item == NULL || (delta < 0 && position == 0) || (delta > 0 && position + 1 >= n))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  move_item (self, position, delta < 0 ? position - 1 : position + 1);
}

static void
move_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RapportTalkingPointsPanel *self = RAPPORT_TALKING_POINTS_PANEL (widget);
  g_autoptr(RapportTalkingPoint) item = NULL;
  g_autoptr(RapportTalkingPoint) target = NULL;
  guint    from, at, to;
  gint64   id, target_id;
  gboolean after;

  g_variant_get (parameter, "(xxb)", &id, &target_id, &after);
  item = find_in (self->items, id, &from);
  target = find_in (self->items, target_id, &at);
  if (item == NULL || target == NULL || item == target)
    return;
  /* The target's place once the point is out of the list. */
  to = at > from ? at - 1 : at;
  if (after)
    to++;
  move_item (self, from, to);
}

/* The toast's Undo brought a deleted point back, or could not. */
static void
on_delete_undone (GtkWidget    *widget,
                  const GError *error)
{
  RapportTalkingPointsPanel *self = RAPPORT_TALKING_POINTS_PANEL (widget);

  if (error != NULL)
    {
      report (self, error);
      return;
    }
  rapport_talking_points_panel_reload (self);
  changed (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportTalkingPointsPanel *self = RAPPORT_TALKING_POINTS_PANEL (widget);
  g_autoptr(RapportTalkingPoint) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;
  GListStore *holder = self->items;
  guint       position;
  gint64      id = g_variant_get_int64 (parameter);

  item = find_in (holder, id, &position);
  if (item == NULL)
    {
      holder = self->scheduled;
      item = find_in (holder, id, &position);
    }
  if (item == NULL)
    return;
  if (!rapport_talking_point_hide (self->store, id, TRUE, &error))
    {
      report (self, error);
      return;
    }

  toast = rapport_undo_toast_new (_("Talking point deleted"), self->store, id, rapport_talking_point_hide,
                                  rapport_talking_point_purge, GTK_WIDGET (self), on_delete_undone);

  g_list_store_remove (holder, position);
  gtk_widget_set_visible (GTK_WIDGET (self->scheduled_box),
                          g_list_model_get_n_items (G_LIST_MODEL (self->scheduled)) > 0);
  changed (self);
  rapport_toast_offer (GTK_WIDGET (self), self->toast_overlay, signals[SHOW_TOAST], toast);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  RapportTalkingPointsPanel *self = user_data;
  g_autofree char           *today = dup_today (self);

  return rapport_talking_point_row_new (item, today, self->meeting != NULL);
}

static GtkWidget *
create_scheduled_row (gpointer item,
                      gpointer user_data)
{
  RapportTalkingPointsPanel *self = user_data;
  g_autofree char           *today = dup_today (self);

  return rapport_talking_point_row_new (item, today, FALSE);
}

/* Adding ---------------------------------------------------------------- */

static void
on_add (RapportTalkingPointsPanel *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportTalkingPoint) item = NULL;
  const char      *text = gtk_editable_get_text (GTK_EDITABLE (self->add_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  RapportRaisedBy  raised_by;

  /* An empty line is not worth an error message. */
  if (self->person_id == 0 || *stripped == '\0')
    return;

  raised_by = gtk_toggle_button_get_active (self->them_button) ? RAPPORT_RAISED_BY_THEM : RAPPORT_RAISED_BY_ME;
  item = rapport_talking_point_add (self->store, self->person_id, stripped, raised_by,
                                    0, RAPPORT_RECUR_NONE, NULL, &error);
  if (item == NULL)
    {
      /* The text stays in the entry. */
      report (self, error);
      return;
    }
  g_list_store_append (self->items, item);
  gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->add_entry));
  changed (self);
}

/* Public ---------------------------------------------------------------- */

GtkWidget *
rapport_talking_points_panel_new (RapportStore *store)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  return g_object_new (RAPPORT_TYPE_TALKING_POINTS_PANEL, "store", store, NULL);
}

static void
set_target (RapportTalkingPointsPanel *self,
            gint64                     person_id,
            RapportMeeting            *meeting)
{
  gboolean was_meeting_mode = self->meeting != NULL;

  rapport_talking_points_panel_flush (self);
  if (g_set_object (&self->meeting, meeting))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING]);
  if (self->person_id != person_id)
    {
      self->person_id = person_id;
      /* Each person starts with my own topic. */
      gtk_toggle_button_set_active (self->me_button, TRUE);
      gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
    }
  if (was_meeting_mode != (meeting != NULL))
    {
      /* The rows take the mode when made: make them again. */
      g_list_store_remove_all (self->items);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING_MODE]);
    }
  rapport_talking_points_panel_reload (self);
}

void
rapport_talking_points_panel_set_person (RapportTalkingPointsPanel *self,
                                         RapportPerson             *person)
{
  g_return_if_fail (RAPPORT_IS_TALKING_POINTS_PANEL (self));
  g_return_if_fail (person == NULL || RAPPORT_IS_PERSON (person));

  set_target (self, person != NULL ? rapport_person_get_id (person) : 0, NULL);
}

void
rapport_talking_points_panel_set_meeting (RapportTalkingPointsPanel *self,
                                          RapportMeeting            *meeting)
{
  g_return_if_fail (RAPPORT_IS_TALKING_POINTS_PANEL (self));
  g_return_if_fail (meeting == NULL || RAPPORT_IS_MEETING (meeting));

  set_target (self, meeting != NULL ? rapport_meeting_get_person_id (meeting) : 0, meeting);
}

gint64
rapport_talking_points_panel_get_person_id (RapportTalkingPointsPanel *self)
{
  g_return_val_if_fail (RAPPORT_IS_TALKING_POINTS_PANEL (self), 0);
  return self->person_id;
}

RapportMeeting *
rapport_talking_points_panel_get_meeting (RapportTalkingPointsPanel *self)
{
  g_return_val_if_fail (RAPPORT_IS_TALKING_POINTS_PANEL (self), NULL);
  return self->meeting;
}

gboolean
rapport_talking_points_panel_get_meeting_mode (RapportTalkingPointsPanel *self)
{
  g_return_val_if_fail (RAPPORT_IS_TALKING_POINTS_PANEL (self), FALSE);
  return self->meeting != NULL;
}

void
rapport_talking_points_panel_set_today (RapportTalkingPointsPanel *self,
                                        const char                *today)
{
  g_return_if_fail (RAPPORT_IS_TALKING_POINTS_PANEL (self));

  if (g_strcmp0 (self->today, today) == 0)
    return;
  g_free (self->today);
  self->today = g_strdup (today);
  g_list_store_remove_all (self->items);
  g_list_store_remove_all (self->scheduled);
  rapport_talking_points_panel_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

void
rapport_talking_points_panel_set_toast_overlay (RapportTalkingPointsPanel *self,
                                                AdwToastOverlay           *overlay)
{
  g_return_if_fail (RAPPORT_IS_TALKING_POINTS_PANEL (self));
  g_return_if_fail (overlay == NULL || ADW_IS_TOAST_OVERLAY (overlay));

  /* Not owned: the overlay is an ancestor or a sibling in the window. */
  if (self->toast_overlay == overlay)
    return;
  if (self->toast_overlay != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->toast_overlay), (gpointer *) &self->toast_overlay);
  self->toast_overlay = overlay;
  if (overlay != NULL)
    g_object_add_weak_pointer (G_OBJECT (overlay), (gpointer *) &self->toast_overlay);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOAST_OVERLAY]);
}

GListModel *
rapport_talking_points_panel_get_model (RapportTalkingPointsPanel *self)
{
  g_return_val_if_fail (RAPPORT_IS_TALKING_POINTS_PANEL (self), NULL);
  return G_LIST_MODEL (self->items);
}

GListModel *
rapport_talking_points_panel_get_scheduled (RapportTalkingPointsPanel *self)
{
  g_return_val_if_fail (RAPPORT_IS_TALKING_POINTS_PANEL (self), NULL);
  return G_LIST_MODEL (self->scheduled);
}

static void
flush_list (GtkListBox *list)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (RAPPORT_IS_TALKING_POINT_ROW (row))
      rapport_talking_point_row_stop_editing (RAPPORT_TALKING_POINT_ROW (row));
}

void
rapport_talking_points_panel_flush (RapportTalkingPointsPanel *self)
{
  g_return_if_fail (RAPPORT_IS_TALKING_POINTS_PANEL (self));

  flush_list (self->list);
  flush_list (self->scheduled_list);
}

void
rapport_talking_points_panel_focus_entry (RapportTalkingPointsPanel *self)
{
  g_return_if_fail (RAPPORT_IS_TALKING_POINTS_PANEL (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->add_entry));
}

/* GObject --------------------------------------------------------------- */

static void
rapport_talking_points_panel_dispose (GObject *object)
{
  RapportTalkingPointsPanel *self = RAPPORT_TALKING_POINTS_PANEL (object);
  GtkWidget                 *child;

  rapport_talking_points_panel_set_toast_overlay (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_TALKING_POINTS_PANEL);
  /* Template children without an id are not bound, so not cleared. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->meeting);
  g_clear_object (&self->items);
  g_clear_object (&self->scheduled);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_talking_points_panel_parent_class)->dispose (object);
}

static void
rapport_talking_points_panel_finalize (GObject *object)
{
  RapportTalkingPointsPanel *self = RAPPORT_TALKING_POINTS_PANEL (object);

  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (rapport_talking_points_panel_parent_class)->finalize (object);
}

static void
rapport_talking_points_panel_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  RapportTalkingPointsPanel *self = RAPPORT_TALKING_POINTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_PERSON_ID: g_value_set_int64 (value, self->person_id); break;
    case PROP_MEETING: g_value_set_object (value, self->meeting); break;
    case PROP_MEETING_MODE: g_value_set_boolean (value, self->meeting != NULL); break;
    case PROP_TODAY: g_value_set_string (value, self->today); break;
    case PROP_TOAST_OVERLAY: g_value_set_object (value, self->toast_overlay); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_talking_points_panel_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  RapportTalkingPointsPanel *self = RAPPORT_TALKING_POINTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    case PROP_TODAY: rapport_talking_points_panel_set_today (self, g_value_get_string (value)); break;
    case PROP_TOAST_OVERLAY: rapport_talking_points_panel_set_toast_overlay (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_talking_points_panel_constructed (GObject *object)
{
  RapportTalkingPointsPanel *self = RAPPORT_TALKING_POINTS_PANEL (object);

  G_OBJECT_CLASS (rapport_talking_points_panel_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_STORE (self->store));
  rapport_talking_points_panel_reload (self);
}

static void
rapport_talking_points_panel_class_init (RapportTalkingPointsPanelClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_talking_points_panel_dispose;
  object_class->finalize = rapport_talking_points_panel_finalize;
  object_class->constructed = rapport_talking_points_panel_constructed;
  object_class->get_property = rapport_talking_points_panel_get_property;
  object_class->set_property = rapport_talking_points_panel_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, RAPPORT_TYPE_MEETING,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING_MODE] =
    g_param_spec_boolean ("meeting-mode", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TODAY] =
    g_param_spec_string ("today", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOAST_OVERLAY] =
    g_param_spec_object ("toast-overlay", NULL, NULL, ADW_TYPE_TOAST_OVERLAY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SHOW_TOAST] =
    g_signal_new ("show-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "talkingpoints");
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapport/Rapport/ui/rapport-talking-points-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportTalkingPointsPanel, heading);
  gtk_widget_class_bind_template_child (widget_class, RapportTalkingPointsPanel, list);
  gtk_widget_class_bind_template_child (widget_class, RapportTalkingPointsPanel, add_box);
  gtk_widget_class_bind_template_child (widget_class, RapportTalkingPointsPanel, add_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportTalkingPointsPanel, me_button);
  gtk_widget_class_bind_template_child (widget_class, RapportTalkingPointsPanel, them_button);
  gtk_widget_class_bind_template_child (widget_class, RapportTalkingPointsPanel, scheduled_box);
  gtk_widget_class_bind_template_child (widget_class, RapportTalkingPointsPanel, scheduled_list);
  gtk_widget_class_bind_template_callback (widget_class, on_add);

  gtk_widget_class_install_action (widget_class, RAPPORT_TALKING_POINT_ROW_ACTION_TOGGLE_DISCUSSED, "x",
                                   toggle_discussed_action);
  gtk_widget_class_install_action (widget_class, RAPPORT_TALKING_POINT_ROW_ACTION_SET_TEXT, "(xs)",
                                   set_text_action);
  gtk_widget_class_install_action (widget_class, RAPPORT_TALKING_POINT_ROW_ACTION_SET_RAISED_BY, "(xs)",
                                   set_raised_by_action);
  gtk_widget_class_install_action (widget_class, RAPPORT_TALKING_POINT_ROW_ACTION_SET_RECURRENCE, "(xis)",
                                   set_recurrence_action);
  gtk_widget_class_install_action (widget_class, RAPPORT_TALKING_POINT_ROW_ACTION_MOVE, "(xi)",
                                   move_action);
  gtk_widget_class_install_action (widget_class, RAPPORT_TALKING_POINT_ROW_ACTION_MOVE_TO, "(xxb)",
                                   move_to_action);
  gtk_widget_class_install_action (widget_class, RAPPORT_TALKING_POINT_ROW_ACTION_DELETE, "x",
                                   delete_action);
}

static void
rapport_talking_points_panel_init (RapportTalkingPointsPanel *self)
{
  GtkLayoutManager *layout;

  self->items = g_list_store_new (RAPPORT_TYPE_TALKING_POINT);
  self->scheduled = g_list_store_new (RAPPORT_TYPE_TALKING_POINT);

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->placeholder = GTK_LABEL (gtk_label_new (_("Nothing to talk about yet")));
  gtk_widget_add_css_class (GTK_WIDGET (self->placeholder), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->placeholder), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->placeholder), 12);
  gtk_list_box_set_placeholder (self->list, GTK_WIDGET (self->placeholder));
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->items), create_row, self, NULL);
  gtk_list_box_bind_model (self->scheduled_list, G_LIST_MODEL (self->scheduled), create_scheduled_row, self, NULL);
}
