/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-commitments"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rapport-brief.h"
#include "rapport-commitment.h"
#include "rapport-commitments-panel.h"

struct _RapportCommitmentsPanel
{
  GtkWidget        parent_instance;

  RapportStore    *store;
  RapportMeeting  *meeting;
  GListStore      *items;
  AdwToastOverlay *toast_overlay;
  char            *new_due;     /* due date chosen for the next new line */
  char            *today;

  GtkListBox      *list;
  GtkBox          *add_box;
  GtkEntry        *add_entry;
  GtkToggleButton *me_button;
  GtkToggleButton *them_button;
  GtkMenuButton   *due_button;
  GtkPopover      *due_popover;
  GtkCalendar     *due_calendar;
};

G_DEFINE_FINAL_TYPE (RapportCommitmentsPanel, rapport_commitments_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MEETING,
  PROP_TOAST_OVERLAY,
  N_PROPS
};

enum {
  CHANGED,
  SAVE_FAILED,
  SHOW_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
report (RapportCommitmentsPanel *self,
        GError                  *error)
{
  g_warning ("%s", error->message);
  g_signal_emit (self, signals[SAVE_FAILED], 0, error->message);
}

static void
changed (RapportCommitmentsPanel *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static char *
calendar_date (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  return g_date_time_format (date, "%Y-%m-%d");
}

static void
calendar_select (GtkCalendar *calendar,
                 const char  *date)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return;
  dt = g_date_time_new_local (y, m, d, 12, 0, 0);
  if (dt != NULL)
    gtk_calendar_select_day (calendar, dt);
}

/* Rows ------------------------------------------------------------------ */

static void update_row (GtkWidget *row);

/* Rows live only inside their panel's list, so a plain pointer is safe. */
static RapportCommitmentsPanel *
row_panel (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "panel");
}

static RapportCommitment *
row_item (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "item");
}

static void
on_row_check_toggled (GtkCheckButton *check,
                      GtkWidget      *row)
{
  RapportCommitmentsPanel *self = row_panel (row);
  RapportCommitment *item = row_item (row);
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_check_button_get_active (check);
  gboolean ok;

  if (self == NULL || active == rapport_commitment_get_closed (item))
    return;

  /* Closed "there": on the date of the meeting where it was ticked, so the
   * meeting shows it as closed and later ones no longer carry it. */
  if (active)
    ok = rapport_commitment_close (item, self->store, rapport_meeting_get_date (self->meeting), &error);
  else
    ok = rapport_commitment_reopen (item, self->store, &error);
  if (!ok)
    {
      gtk_check_button_set_active (check, rapport_commitment_get_closed (item));
      report (self, error);
      return;
    }
  update_row (row);
  changed (self);
}

static void
on_row_text_editing (GtkEditableLabel *label,
                     GParamSpec       *pspec,
                     GtkWidget        *row)
{
  RapportCommitmentsPanel *self = row_panel (row);
  RapportCommitment *item = row_item (row);
  g_autoptr(GError) error = NULL;
  const char *text;

  if (self == NULL || gtk_editable_label_get_editing (label))
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (label));
  if (g_strcmp0 (text, rapport_commitment_get_text (item)) == 0)
    return;
  if (!rapport_commitment_set_text (item, self->store, text, &error))
    report (self, error);
  /* Show what is stored (cleaned up, or the old text when refused). */
  gtk_editable_set_text (GTK_EDITABLE (label), rapport_commitment_get_text (item));
  if (error == NULL)
    changed (self);
}

static void
on_row_owner_clicked (GtkButton *button,
                      GtkWidget *row)
{
  RapportCommitmentsPanel *self = row_panel (row);
  RapportCommitment *item = row_item (row);
  g_autoptr(GError) error = NULL;
  RapportCommitmentOwner owner;

  if (self == NULL)
    return;
  owner = rapport_commitment_get_owner (item) == RAPPORT_COMMITMENT_OWNER_ME
    ? RAPPORT_COMMITMENT_OWNER_THEM : RAPPORT_COMMITMENT_OWNER_ME;
  if (!rapport_commitment_set_owner (item, self->store, owner, &error))
    {
      report (self, error);
      return;
    }
  update_row (row);
  changed (self);
}

static void
set_row_due (GtkWidget  *row,
             const char *due)
{
  RapportCommitmentsPanel *self = row_panel (row);
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    return;
  if (!rapport_commitment_set_due (row_item (row), self->store, due, &error))
    {
      report (self, error);
      return;
    }
  update_row (row);
  changed (self);
}

static void
on_row_due_day_selected (GtkCalendar *calendar,
                         GtkWidget   *row)
{
  g_autofree char *date = calendar_date (calendar);

  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER)));
  set_row_due (row, date);
}

static void
on_row_due_cleared (GtkButton *button,
                    GtkWidget *row)
{
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER)));
  set_row_due (row, NULL);
}

typedef struct
{
  RapportStore            *store;
  GWeakRef                 panel;
  gint64                   id;
  gboolean                 undone;
} PendingDelete;

static void
pending_delete_free (gpointer data)
{
  PendingDelete *pending = data;

  g_clear_object (&pending->store);
  g_weak_ref_clear (&pending->panel);
  g_free (pending);
}

static void
on_toast_undo (AdwToast      *toast,
               PendingDelete *pending)
{
  g_autoptr(RapportCommitmentsPanel) self = g_weak_ref_get (&pending->panel);
  g_autoptr(GError) error = NULL;

  pending->undone = TRUE;
  if (!rapport_commitment_hide (pending->store, pending->id, FALSE, &error))
    {
      if (self != NULL)
        report (self, error);
      return;
    }
  if (self != NULL)
    {
      rapport_commitments_panel_reload (self);
      changed (self);
    }
}

static void
on_toast_dismissed (AdwToast      *toast,
                    PendingDelete *pending)
{
  g_autoptr(GError) error = NULL;

  if (!pending->undone && !rapport_commitment_purge (pending->store, pending->id, &error))
    g_warning ("%s", error->message);
}

static void
show_toast (RapportCommitmentsPanel *self,
            AdwToast                *toast)
{
  GtkWidget *overlay = GTK_WIDGET (self->toast_overlay);

  if (overlay == NULL && g_signal_has_handler_pending (self, signals[SHOW_TOAST], 0, FALSE))
    {
      g_signal_emit (self, signals[SHOW_TOAST], 0, toast);
      return;
    }
  if (overlay == NULL)
    overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (toast));
  else
    /* Nowhere to offer an undo: delete for good now. */
    g_signal_emit_by_name (toast, "dismissed");
}

static void
on_row_delete_clicked (GtkButton *button,
                       GtkWidget *row)
{
  RapportCommitmentsPanel *self = row_panel (row);
  RapportCommitment *item = row_item (row);
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;
  PendingDelete *pending;
  guint position;

  if (self == NULL)
    return;
  if (!rapport_commitment_hide (self->store, rapport_commitment_get_id (item), TRUE, &error))
    {
      report (self, error);
      return;
    }

  pending = g_new0 (PendingDelete, 1);
  pending->store = g_object_ref (self->store);
  g_weak_ref_init (&pending->panel, self);
  pending->id = rapport_commitment_get_id (item);

  toast = adw_toast_new (_("Commitment deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_toast_undo), pending);
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (on_toast_dismissed), pending,
                         (GClosureNotify) (void (*) (void)) pending_delete_free, 0);

  if (g_list_store_find (self->items, item, &position))
    g_list_store_remove (self->items, position);
  changed (self);
  show_toast (self, toast);
}

static GtkWidget *
popover_with_calendar (GtkWidget  *row,
                       const char *selected)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *calendar = gtk_calendar_new ();
  GtkWidget *clear = gtk_button_new_with_mnemonic (_("_No Due Date"));

  calendar_select (GTK_CALENDAR (calendar), selected);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (on_row_due_day_selected), row);
  g_signal_connect (clear, "clicked", G_CALLBACK (on_row_due_cleared), row);
  gtk_box_append (GTK_BOX (box), calendar);
  gtk_box_append (GTK_BOX (box), clear);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  return popover;
}

/* Brings a row's labels and styles in line with its commitment. */
static void
update_row (GtkWidget *row)
{
  RapportCommitmentsPanel *self = row_panel (row);
  RapportCommitment *item = row_item (row);
  GtkWidget *check = g_object_get_data (G_OBJECT (row), "check");
  GtkWidget *owner = g_object_get_data (G_OBJECT (row), "owner");
  GtkWidget *due = g_object_get_data (G_OBJECT (row), "due");
  GtkWidget *due_label = g_object_get_data (G_OBJECT (row), "due-label");
  gboolean mine = rapport_commitment_get_owner (item) == RAPPORT_COMMITMENT_OWNER_ME;
  const char *today = self ? self->today : NULL;
  g_autofree char *check_name = NULL;

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), rapport_commitment_get_closed (item));
  /* Translators: accessible name of the tick box of a commitment. */
  check_name = g_strdup_printf (_("Done: %s"), rapport_commitment_get_text (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, check_name, -1);

  gtk_button_set_label (GTK_BUTTON (owner), mine ? C_("owner", "Me") : C_("owner", "Them"));
  gtk_widget_set_tooltip_text (owner, mine ? _("Mine. Click to make it theirs")
                                           : _("Theirs. Click to make it mine"));

  if (rapport_commitment_get_due (item) != NULL)
    {
      g_autofree char *day = rapport_brief_format_date (rapport_commitment_get_due (item), today);
      /* Translators: a commitment's due date, e.g. "due 3 Mar". */
      g_autofree char *text = g_strdup_printf (_("due %s"), day);

      gtk_label_set_label (GTK_LABEL (due_label), text);
      gtk_widget_set_tooltip_text (due, _("Change the Due Date"));
    }
  else
    {
      gtk_label_set_label (GTK_LABEL (due_label), _("no due date"));
      gtk_widget_set_tooltip_text (due, _("Set a Due Date"));
    }

  if (today != NULL && rapport_commitment_is_overdue (item, today))
    gtk_widget_add_css_class (row, "overdue");
  else
    gtk_widget_remove_css_class (row, "overdue");
  if (rapport_commitment_get_closed (item))
    gtk_widget_add_css_class (row, "closed");
  else
    gtk_widget_remove_css_class (row, "closed");
}

static gboolean
release_widget (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
on_editable_focus_leave (GtkEventControllerFocus *controller,
                         GtkWidget               *label)
{
  /* GTK 4.8's GtkEditableLabel stops editing from a 100 ms timeout that
   * holds no reference: when the row goes away in between (switching
   * meeting), the timeout would touch freed memory. Keep it alive. */
  g_timeout_add (300, release_widget, g_object_ref (label));
}

static void
keep_alive_after_focus (GtkWidget *label)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (on_editable_focus_leave), label);
  gtk_widget_add_controller (label, focus);
}

/* GtkEditableLabel shows its text in a GtkLabel that never wraps; find it. */
static void
wrap_editable_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        {
          gtk_label_set_wrap (GTK_LABEL (child), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_xalign (GTK_LABEL (child), 0);
          gtk_label_set_max_width_chars (GTK_LABEL (child), 28);
          return;
        }
      wrap_editable_label (child);
    }
}

static GtkWidget *
create_row (gpointer item_ptr,
            gpointer user_data)
{
  RapportCommitmentsPanel *self = user_data;
  RapportCommitment *item = item_ptr;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *details = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *text = gtk_editable_label_new (rapport_commitment_get_text (item));
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *owner = gtk_button_new ();
  GtkWidget *due = gtk_menu_button_new ();
  GtkWidget *due_label = gtk_label_new (NULL);
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "commitment-row");
  g_object_set_data (G_OBJECT (row), "panel", self);
  g_object_set_data_full (G_OBJECT (row), "item", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data (G_OBJECT (row), "text", text);
  g_object_set_data (G_OBJECT (row), "owner", owner);
  g_object_set_data (G_OBJECT (row), "due", due);
  g_object_set_data (G_OBJECT (row), "due-label", due_label);

  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Done"));

  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (text, "text");
  gtk_widget_set_tooltip_text (text, _("Click to edit"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Commitment"), -1);
  g_signal_connect_object (text, "notify::editing", G_CALLBACK (on_row_text_editing), row, 0);
  keep_alive_after_focus (text);
  g_signal_connect (check, "toggled", G_CALLBACK (on_row_check_toggled), row);

  /* The side column is narrow: long commitments wrap instead of widening it. */
  wrap_editable_label (text);
  gtk_box_append (GTK_BOX (line), check);
  gtk_box_append (GTK_BOX (line), text);
  gtk_box_append (GTK_BOX (box), line);
  gtk_widget_set_margin_start (details, 26);
  gtk_box_append (GTK_BOX (box), details);

  if (rapport_commitment_get_carried_over (item))
    {
      g_autofree char *day = rapport_brief_format_date (rapport_commitment_get_made_on (item), self->today);
      /* Translators: badge of a commitment carried over from an earlier 1:1. */
      g_autofree char *label = g_strdup_printf (_("from %s"), day);
      g_autofree char *tooltip = g_strdup_printf (_("Made in the 1:1 of %s"), day);
      GtkWidget *badge = gtk_label_new (label);

      gtk_widget_add_css_class (badge, "badge");
      gtk_widget_add_css_class (badge, "carried-over");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (badge, tooltip);
      g_object_set_data (G_OBJECT (row), "badge", badge);
      gtk_box_append (GTK_BOX (details), badge);
    }

  gtk_widget_add_css_class (owner, "flat");
  gtk_widget_add_css_class (owner, "owner");
  gtk_widget_set_valign (owner, GTK_ALIGN_CENTER);
  g_signal_connect (owner, "clicked", G_CALLBACK (on_row_owner_clicked), row);
  gtk_box_append (GTK_BOX (details), owner);

  gtk_widget_add_css_class (due_label, "due");
  gtk_menu_button_set_child (GTK_MENU_BUTTON (due), due_label);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (due),
                               popover_with_calendar (row, rapport_commitment_get_due (item)));
  gtk_widget_add_css_class (due, "flat");
  gtk_widget_set_valign (due, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (details), due);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (details), spacer);

  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (delete, _("Delete Commitment"));
  g_signal_connect (delete, "clicked", G_CALLBACK (on_row_delete_clicked), row);
  gtk_box_append (GTK_BOX (details), delete);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  update_row (row);
  return row;
}

/* Adding ---------------------------------------------------------------- */

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

      gtk_menu_button_set_label (self->due_button, day);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->due_button), tooltip);
    }
  else
    {
      gtk_menu_button_set_icon_name (self->due_button, "x-office-calendar-symbolic");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->due_button), _("Due Date"));
    }
}

static void
on_due_day_selected (RapportCommitmentsPanel *self)
{
  g_autofree char *date = calendar_date (self->due_calendar);

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
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->add_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  RapportCommitmentOwner owner;

  /* An empty line is not worth an error message. */
  if (self->meeting == NULL || *stripped == '\0')
    return;

  owner = gtk_toggle_button_get_active (self->them_button)
    ? RAPPORT_COMMITMENT_OWNER_THEM : RAPPORT_COMMITMENT_OWNER_ME;
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
    {
      GtkWidget *text = g_object_get_data (G_OBJECT (row), "text");

      if (text != NULL && gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (text)))
        gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (text), TRUE);
    }
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

  if (g_set_object (&self->meeting, meeting))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING]);
  /* Selecting a day emits "day-selected", so clear the choice after. */
  if (meeting != NULL)
    calendar_select (self->due_calendar, rapport_meeting_get_date (meeting));
  set_new_due (self, NULL);
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

void
rapport_commitments_panel_focus_entry (RapportCommitmentsPanel *self)
{
  g_return_if_fail (RAPPORT_IS_COMMITMENTS_PANEL (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->add_entry));
}

/* GObject --------------------------------------------------------------- */

static void
rapport_commitments_panel_dispose (GObject *object)
{
  RapportCommitmentsPanel *self = RAPPORT_COMMITMENTS_PANEL (object);
  GtkWidget *child;

  rapport_commitments_panel_set_toast_overlay (self, NULL);
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
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
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
  gtk_widget_class_bind_template_callback (widget_class, on_add);
  gtk_widget_class_bind_template_callback (widget_class, on_due_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_due_cleared);
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
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  empty_label = gtk_label_new (_("Nothing promised yet"));
  gtk_widget_add_css_class (empty_label, "dim-label");
  gtk_widget_set_margin_top (empty_label, 12);
  gtk_widget_set_margin_bottom (empty_label, 12);
  gtk_list_box_set_placeholder (self->list, empty_label);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->items), create_row, self, NULL);
}
