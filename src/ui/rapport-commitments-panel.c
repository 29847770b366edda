/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-commitments"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-brief.h"
#include "rapport-calendar.h"
#include "rapport-commitment-row.h"
#include "rapport-commitment.h"
#include "rapport-commitments-panel.h"
#include "rapport-undo-toast.h"

struct _RapportCommitmentsPanel
{
  GtkWidget        parent_instance;

  RapportStore    *store;
  RapportMeeting  *meeting;
  GListStore      *items;
  AdwToastOverlay *toast_overlay;
  char            *new_due; /* due date chosen for the next new line */
  char            *today;
  guint            reveal_tick;
  gint64           reveal_until; /* frame time to stop looking at */

  GtkListBox      *list;
  GtkBox          *add_box;
  GtkEntry        *add_entry;
  GtkToggleButton *me_button;
  GtkToggleButton *them_button;
  GtkMenuButton   *due_button;
  GtkPopover      *due_popover;
  GtkCalendar     *due_calendar;
  GtkButton       *no_due_button;
};

G_DEFINE_FINAL_TYPE (RapportCommitmentsPanel, rapport_commitments_panel, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_MEETING,
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

static void
report (RapportCommitmentsPanel *self,
        const GError            *error)
{
  g_warning ("%s", error->message);
  g_signal_emit (self, signals[SAVE_FAILED], 0, error->message);
}

static void
changed (RapportCommitmentsPanel *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* What the rows ask ----------------------------------------------------- */

/* The commitment shown with the id in @parameter (alone or first in a
 * tuple), or NULL when it is no longer in the list. */
static RapportCommitment *
dup_item (RapportCommitmentsPanel *self,
          GVariant                *parameter,
          guint                   *position)
{
  gint64 id;
  guint  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  if (g_variant_is_of_type (parameter, G_VARIANT_TYPE_INT64))
    id = g_variant_get_int64 (parameter);
  else
    g_variant_get_child (parameter, 0, "x", &id);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportCommitment) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (rapport_commitment_get_id (item) != id)
        continue;
      if (position != NULL)
        *position = i;
      return g_steal_pointer (&item);
    }
  return NULL;
}

/* Reports a refused write, or tells that one was made. */
static void
written (RapportCommitmentsPanel *self,
         gboolean                 ok,
         GError                  *error)
{
  if (ok)
    changed (self);
  else
    report (self, error);
}

static void
toggle_closed_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RapportCommitmentsPanel *self = RAPPORT_COMMITMENTS_PANEL (widget);
  g_autoptr(RapportCommitment) item = dup_item (self, parameter, NULL);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (item == NULL || self->meeting == NULL)
    return;
  /* Closed "there": on the date of the meeting where it was ticked, so the
   * meeting shows it as closed and later ones no longer carry it. */
  if (!rapport_commitment_get_closed (item))
    ok = rapport_commitment_close (item, self->store, rapport_meeting_get_date (self->meeting), &error);
  else
    ok = rapport_commitment_reopen (item, self->store, &error);
  written (self, ok, error);
}

static void
set_text_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RapportCommitmentsPanel *self = RAPPORT_COMMITMENTS_PANEL (widget);
  g_autoptr(RapportCommitment) item = dup_item (self, parameter, NULL);
  g_autoptr(GError) error = NULL;
  const char *text;
  gboolean    ok;

  g_variant_get_child (parameter, 1, "&s", &text);
  if (item == NULL || g_strcmp0 (text, rapport_commitment_get_text (item)) == 0)
    return;
  ok = rapport_commitment_set_text (item, self->store, text, &error);
  written (self, ok, error);
}

static void
set_owner_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RapportCommitmentsPanel *self = RAPPORT_COMMITMENTS_PANEL (widget);
  g_autoptr(RapportCommitment) item = dup_item (self, parameter, NULL);
  g_autoptr(GError) error = NULL;
  RapportCommitmentOwner owner;
  const char            *text;
  gboolean               ok;

  g_variant_get_child (parameter, 1, "&s", &text);
  if (item == NULL || !rapport_commitment_owner_from_string (text, &owner) ||
      owner == rapport_commitment_get_owner (item))
    return;
  ok = rapport_commitment_set_owner (item, self->store, owner, &error);
  written (self, ok, error);
}

static void
set_due_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RapportCommitmentsPanel *self = RAPPORT_COMMITMENTS_PANEL (widget);
  g_autoptr(RapportCommitment) item = dup_item (self, parameter, NULL);
  g_autoptr(GError) error = NULL;
  const char *due;
  gboolean    ok;

  g_variant_get_child (parameter, 1, "&s", &due);
  if (item == NULL)
    return;
  /* "" is no due date. */
  ok = rapport_commitment_set_due (item, self->store, due, &error);
  written (self, ok, error);
}

/* The toast's Undo brought a deleted commitment back, or could not. */
static void
on_delete_undone (GtkWidget    *widget,
                  const GError *error)
{
  RapportCommitmentsPanel *self = RAPPORT_COMMITMENTS_PANEL (widget);

  if (error != NULL)
    {
      report (self, error);
      return;
    }
  rapport_commitments_panel_reload (self);
  changed (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportCommitmentsPanel *self = RAPPORT_COMMITMENTS_PANEL (widget);
  guint                    position;
  g_autoptr(RapportCommitment) item = dup_item (self, parameter, &position);
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;

  if (item == NULL)
    return;
  if (!rapport_commitment_hide (self->store, rapport_commitment_get_id (item), TRUE, &error))
    {
      report (self, error);
      return;
    }

  toast = rapport_undo_toast_new (_("Commitment deleted"), self->store, rapport_commitment_get_id (item),
                                  rapport_commitment_hide, rapport_commitment_purge, GTK_WIDGET (self),
                                  on_delete_undone);

  g_list_store_remove (self->items, position);
  changed (self);
  rapport_toast_offer (GTK_WIDGET (self), self->toast_overlay, signals[SHOW_TOAST], toast);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  RapportCommitmentsPanel *self = user_data;

  return rapport_commitment_row_new (item, self->today);
}

/* Adding ---------------------------------------------------------------- */

/* Brings the line to add with into the view of the scrolled column that
 * holds the panel: a new row pushes the entry down, and GtkViewport only
 * follows a change of focus; a folded column that was just revealed is
 * still sliding in and changing width. So look at every frame for a
 * moment, and scroll when the entry is out of view. */
#define REVEAL_USEC (600 * G_USEC_PER_SEC / 1000)

static gboolean
reveal_add_box_tick (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  RapportCommitmentsPanel *self = RAPPORT_COMMITMENTS_PANEL (widget);
  GtkWidget               *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  gint64                   now = gdk_frame_clock_get_frame_time (clock);
  GtkAdjustment           *adjustment;
  graphene_rect_t          bounds;
  double                   page, value, bottom;

  if (self->reveal_until == 0)
    self->reveal_until = now + REVEAL_USEC;
  if (now > self->reveal_until || scrolled == NULL)
    {
      self->reveal_tick = 0;
      return G_SOURCE_REMOVE;
    }
  if (!gtk_widget_compute_bounds (GTK_WIDGET (self->add_box), scrolled, &bounds))
    return G_SOURCE_CONTINUE;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  page = gtk_adjustment_get_page_size (adjustment);
  value = gtk_adjustment_get_value (adjustment);
  bottom = bounds.origin.y + bounds.size.height + 12;
  if (bottom > page)
    gtk_adjustment_set_value (adjustment, value + bottom - page);
  else if (bounds.origin.y < 0)
    gtk_adjustment_set_value (adjustment, value + bounds.origin.y - 12);
  return G_SOURCE_CONTINUE;
}

static void
reveal_add_box (RapportCommitmentsPanel *self)
{
  self->reveal_until = 0;
  if (self->reveal_tick == 0)
    self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_add_box_tick, NULL, NULL);
}

static void
set_new_due (RapportCommitmentsPanel *self,
             const char              *due)
{
  g_free (self->new_due);
  self->new_due = g_strdup (due);

  if (due != NULL)
    {
      g_autofree char *day = rapport_brief_format_date (due, self->today);
      g_autofree char *tooltip = g_strdup_printf (_("Due %s"), day);
      /* Translators: accessible name of the due date of a new commitment. */
      g_autofree char *name = g_strdup_printf (_("Due date: %s"), day);

      gtk_menu_button_set_label (self->due_button, day);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->due_button), tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->due_button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  else
    {
      gtk_menu_button_set_icon_name (self->due_button, "x-office-calendar-symbolic");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->due_button), _("Due Date"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->due_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Due date: none"), -1);
    }
}

static void
on_due_day_selected (RapportCommitmentsPanel *self)
{
  g_autofree char *date = rapport_calendar_get_iso_date (self->due_calendar);

  set_new_due (self, date);
  gtk_popover_popdown (self->due_popover);
}

static void
on_due_cleared (RapportCommitmentsPanel *self)
{
  set_new_due (self, NULL);
  gtk_popover_popdown (self->due_popover);
}

static void
on_add (RapportCommitmentsPanel *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportCommitment) item = NULL;
  const char            *text = gtk_editable_get_text (GTK_EDITABLE (self->add_entry));
  g_autofree char       *stripped = g_strstrip (g_strdup (text));
  RapportCommitmentOwner owner;

  /* An empty line is not worth an error message. */
  if (self->meeting == NULL || *stripped == '\0')
    return;

  owner = gtk_toggle_button_get_active (self->them_button)
            ? RAPPORT_COMMITMENT_OWNER_THEM
            : RAPPORT_COMMITMENT_OWNER_ME;
  item = rapport_commitment_create (self->store, rapport_meeting_get_id (self->meeting),
                                    text, owner, self->new_due, &error);
  if (item == NULL)
    {
      report (self, error);
      return;
    }
  g_list_store_append (self->items, item);
  gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
  set_new_due (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_entry));
  reveal_add_box (self);
  changed (self);
}

/* Public ---------------------------------------------------------------- */

GtkWidget *
rapport_commitments_panel_new (RapportStore *store)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  return g_object_new (RAPPORT_TYPE_COMMITMENTS_PANEL, "store", store, NULL);
}

void
rapport_commitments_panel_flush (RapportCommitmentsPanel *self)
{
  g_return_if_fail (RAPPORT_IS_COMMITMENTS_PANEL (self));

  /* A text being edited is written when editing stops. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (RAPPORT_IS_COMMITMENT_ROW (row))
      rapport_commitment_row_stop_editing (RAPPORT_COMMITMENT_ROW (row));
}

void
rapport_commitments_panel_reload (RapportCommitmentsPanel *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) loaded = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_if_fail (RAPPORT_IS_COMMITMENTS_PANEL (self));

  rapport_commitments_panel_flush (self);

  g_free (self->today);
  self->today = rapport_store_today ();

  if (self->meeting != NULL)
    {
      loaded = rapport_commitment_load_for_meeting (self->store, rapport_meeting_get_id (self->meeting), &error);
      if (loaded == NULL)
        report (self, error);
    }
  if (loaded != NULL)
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (loaded));
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (loaded), i));
    }
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_box), self->meeting != NULL);
}

void
rapport_commitments_panel_set_meeting (RapportCommitmentsPanel *self,
                                       RapportMeeting          *meeting)
{
  g_return_if_fail (RAPPORT_IS_COMMITMENTS_PANEL (self));
  g_return_if_fail (meeting == NULL || RAPPORT_IS_MEETING (meeting));

  if (meeting == NULL)
    {
      GtkRoot   *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      /* The meeting's page is going (the brief, another person): do not
       * keep the keyboard in an entry nobody sees, whose cursor would go
       * on blinking. */
      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
        gtk_root_set_focus (root, NULL);
    }
  if (g_set_object (&self->meeting, meeting))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING]);
  /* Selecting a day emits "day-selected", so clear the choice after. */
  if (meeting != NULL)
    rapport_calendar_select_iso_date (self->due_calendar, rapport_meeting_get_date (meeting));
  set_new_due (self, NULL);
  /* Every meeting starts with my own promise: the choice made with the
   * last person is not carried over to the next. */
  gtk_toggle_button_set_active (self->me_button, TRUE);
  rapport_commitments_panel_reload (self);
}

RapportMeeting *
rapport_commitments_panel_get_meeting (RapportCommitmentsPanel *self)
{
  g_return_val_if_fail (RAPPORT_IS_COMMITMENTS_PANEL (self), NULL);
  return self->meeting;
}

void
rapport_commitments_panel_set_toast_overlay (RapportCommitmentsPanel *self,
                                             AdwToastOverlay         *overlay)
{
  g_return_if_fail (RAPPORT_IS_COMMITMENTS_PANEL (self));
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
rapport_commitments_panel_get_model (RapportCommitmentsPanel *self)
{
  g_return_val_if_fail (RAPPORT_IS_COMMITMENTS_PANEL (self), NULL);
  return G_LIST_MODEL (self->items);
}

/* Ctrl+D (win.add-commitment) from anywhere in the meeting: the editor
 * brings a folded side column in first (rapport_meeting_editor_focus_
 * commitment_entry()), and the entry may be below the fold of its
 * scrolled column.  FALSE when there is no entry on screen to go to. */
gboolean
rapport_commitments_panel_focus_entry (RapportCommitmentsPanel *self)
{
  g_return_val_if_fail (RAPPORT_IS_COMMITMENTS_PANEL (self), FALSE);

  if (self->meeting == NULL || !gtk_widget_is_sensitive (GTK_WIDGET (self->add_box)))
    return FALSE;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->add_entry));
  reveal_add_box (self);
  return TRUE;
}

/* GObject --------------------------------------------------------------- */

static void
rapport_commitments_panel_dispose (GObject *object)
{
  RapportCommitmentsPanel *self = RAPPORT_COMMITMENTS_PANEL (object);
  GtkWidget               *child;

  rapport_commitments_panel_set_toast_overlay (self, NULL);
  if (self->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick);
  self->reveal_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_COMMITMENTS_PANEL);
  /* Template children without an id are not bound, so not cleared. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->meeting);
  g_clear_object (&self->items);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_commitments_panel_parent_class)->dispose (object);
}

static void
rapport_commitments_panel_finalize (GObject *object)
{
  RapportCommitmentsPanel *self = RAPPORT_COMMITMENTS_PANEL (object);

  g_clear_pointer (&self->new_due, g_free);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (rapport_commitments_panel_parent_class)->finalize (object);
}

static void
rapport_commitments_panel_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  RapportCommitmentsPanel *self = RAPPORT_COMMITMENTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_MEETING: g_value_set_object (value, self->meeting); break;
    case PROP_TOAST_OVERLAY: g_value_set_object (value, self->toast_overlay); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_commitments_panel_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  RapportCommitmentsPanel *self = RAPPORT_COMMITMENTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    case PROP_TOAST_OVERLAY: rapport_commitments_panel_set_toast_overlay (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_commitments_panel_constructed (GObject *object)
{
  RapportCommitmentsPanel *self = RAPPORT_COMMITMENTS_PANEL (object);

  G_OBJECT_CLASS (rapport_commitments_panel_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_STORE (self->store));
  rapport_commitments_panel_reload (self);
}

static void
rapport_commitments_panel_class_init (RapportCommitmentsPanelClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_commitments_panel_dispose;
  object_class->finalize = rapport_commitments_panel_finalize;
  object_class->constructed = rapport_commitments_panel_constructed;
  object_class->get_property = rapport_commitments_panel_get_property;
  object_class->set_property = rapport_commitments_panel_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, RAPPORT_TYPE_MEETING,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
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
  gtk_widget_class_set_css_name (widget_class, "commitments");
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapport/Rapport/ui/rapport-commitments-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportCommitmentsPanel, list);
  gtk_widget_class_bind_template_child (widget_class, RapportCommitmentsPanel, add_box);
  gtk_widget_class_bind_template_child (widget_class, RapportCommitmentsPanel, add_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportCommitmentsPanel, me_button);
  gtk_widget_class_bind_template_child (widget_class, RapportCommitmentsPanel, them_button);
  gtk_widget_class_bind_template_child (widget_class, RapportCommitmentsPanel, due_button);
  gtk_widget_class_bind_template_child (widget_class, RapportCommitmentsPanel, due_popover);
  gtk_widget_class_bind_template_child (widget_class, RapportCommitmentsPanel, due_calendar);
  gtk_widget_class_bind_template_child (widget_class, RapportCommitmentsPanel, no_due_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add);
  gtk_widget_class_bind_template_callback (widget_class, on_due_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_due_cleared);

  gtk_widget_class_install_action (widget_class, RAPPORT_COMMITMENT_ROW_ACTION_TOGGLE_CLOSED, "x",
                                   toggle_closed_action);
  gtk_widget_class_install_action (widget_class, RAPPORT_COMMITMENT_ROW_ACTION_SET_OWNER, "(xs)",
                                   set_owner_action);
  gtk_widget_class_install_action (widget_class, RAPPORT_COMMITMENT_ROW_ACTION_SET_TEXT, "(xs)",
                                   set_text_action);
  gtk_widget_class_install_action (widget_class, RAPPORT_COMMITMENT_ROW_ACTION_SET_DUE, "(xs)",
                                   set_due_action);
  gtk_widget_class_install_action (widget_class, RAPPORT_COMMITMENT_ROW_ACTION_DELETE, "x",
                                   delete_action);
}

static void
rapport_commitments_panel_init (RapportCommitmentsPanel *self)
{
  GtkWidget *empty_label;

  self->items = g_list_store_new (RAPPORT_TYPE_COMMITMENT);
  self->today = rapport_store_today ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  rapport_calendar_pick_on_enter (self->due_calendar);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  empty_label = gtk_label_new (_("Nothing promised yet"));
  gtk_widget_add_css_class (empty_label, "dim-label");
  gtk_widget_set_margin_top (empty_label, 12);
  gtk_widget_set_margin_bottom (empty_label, 12);
  gtk_list_box_set_placeholder (self->list, empty_label);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->items), create_row, self, NULL);

  /* The window binds it (win.add-commitment). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_entry),
                                  GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, "Control+D", -1);
  /* GTK 4.8 would read the label property and then the label child:
   * "No due date _No Due Date". One name. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->no_due_button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  set_new_due (self, NULL);
}
