/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-skip-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-cadence.h"
#include "rapport-calendar.h"
#include "rapport-meeting-row.h"
#include "rapport-person.h"
#include "rapport-skip-dialog.h"
#include "rapport-platform.h"

struct _RapportSkipDialog
{
  RapportDialogBase parent_instance;

  /* Owned */
  RapportStore     *store;
  GTask            *task; /* until it returned */
  gint64            person_id;
  char             *date;     /* the day it was due */
  char             *moved_to; /* NULL: not known */

  /* Template children */
  GtkButton        *save_button;
  GtkLabel         *intro_label;
  GtkToggleButton  *moved_button;
  GtkMenuButton    *date_button;
  GtkPopover       *date_popover;
  GtkCalendar      *date_calendar;
  AdwActionRow     *moved_row;
  GtkMenuButton    *moved_to_button;
  GtkPopover       *moved_to_popover;
  GtkCalendar      *moved_to_calendar;
  GtkToggleButton  *leave_button;
  GtkToggleButton  *other_button;
  AdwEntryRow      *reason_row;
  GtkLabel         *rule_label;
  GtkLabel         *message_label;
};

G_DEFINE_FINAL_TYPE (RapportSkipDialog, rapport_skip_dialog, RAPPORT_TYPE_DIALOG_BASE)

static char *
format_day (const char *date)
{
  /* Translators: a day in a form, see strftime(3): "Thu 3 Dec 2026". */
  return rapport_format_date (date, _("%a %-d %b %Y"));
}

static void
set_string (char      **field,
            const char *value)
{
  if (*field == value)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

/* Shows the choices made, and what they do to the cadence. */
static void
update (RapportSkipDialog *self)
{
  gboolean         moved = gtk_toggle_button_get_active (self->moved_button);
  gboolean         leave = gtk_toggle_button_get_active (self->leave_button);
  g_autofree char *day = format_day (self->date);
  const char      *rule;

  gtk_menu_button_set_label (self->date_button, day);
  gtk_widget_set_visible (GTK_WIDGET (self->moved_row), moved);
  if (self->moved_to != NULL)
    {
      g_autofree char *to = format_day (self->moved_to);

      gtk_menu_button_set_label (self->moved_to_button, to);
    }
  else
    gtk_menu_button_set_label (self->moved_to_button, _("Not known yet"));

  /* The rule of rapport-cadence.h, in words. */
  if (moved && self->moved_to != NULL)
    rule = _("They will be due on the new day.");
  else if (moved)
    rule = _("Nothing changes until the new day is known: they stay due as before.");
  else if (leave)
    rule = _("Leave starts the clock again from that day: they will not be overdue for it.");
  else
    rule = _("A skip is not a 1:1: they stay due, and become overdue in time. Choose Leave if one of you was away.");
  gtk_label_set_label (self->rule_label, rule);
}

static void
say (RapportSkipDialog *self,
     const char        *message)
{
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
end_task (RapportSkipDialog    *self,
          RapportMissedMeeting *missed)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  if (task == NULL)
    return;
  if (missed != NULL)
    g_task_return_pointer (task, g_object_ref (missed), g_object_unref);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("Closed without saving"));
}

static void
on_date_selected (RapportSkipDialog *self)
{
  g_autofree char *date = rapport_calendar_get_iso_date (self->date_calendar);

  gtk_popover_popdown (self->date_popover);
  set_string (&self->date, date);
  update (self);
}

static void
on_moved_to_selected (RapportSkipDialog *self)
{
  g_autofree char *date = rapport_calendar_get_iso_date (self->moved_to_calendar);

  gtk_popover_popdown (self->moved_to_popover);
  set_string (&self->moved_to, date);
  update (self);
}

static void
on_moved_to_cleared (RapportSkipDialog *self)
{
  gtk_popover_popdown (self->moved_to_popover);
  set_string (&self->moved_to, NULL);
  update (self);
}

static void
on_save (RapportSkipDialog *self)
{
  g_autoptr(RapportMissedMeeting) missed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));
  gboolean         moved = gtk_toggle_button_get_active (self->moved_button);

  missed = rapport_missed_meeting_record (self->store, self->person_id, self->date,
                                          moved ? RAPPORT_MISSED_MOVED : RAPPORT_MISSED_SKIPPED,
                                          gtk_toggle_button_get_active (self->leave_button)
                                            ? RAPPORT_MISSED_REASON_LEAVE
                                            : RAPPORT_MISSED_REASON_OTHER,
                                          reason, moved ? self->moved_to : NULL, &error);
  if (missed == NULL)
    {
      g_warning ("%s", error->message);
      say (self, error->message);
      return;
    }
  end_task (self, missed);
  rapport_dialog_close (GTK_WIDGET (self));
}

static void
on_cancelled (RapportSkipDialog *self)
{
  rapport_dialog_close (GTK_WIDGET (self));
}

static void
on_cancel_clicked (RapportSkipDialog *self)
{
  rapport_dialog_close (GTK_WIDGET (self));
}

/* Closed, however: nothing added if nothing was. */
static void
on_closed (RapportSkipDialog *self)
{
  end_task (self, NULL);
}

/* Offers the day the 1:1 was due, and its name in the intro. */
static void
load_person (RapportSkipDialog *self,
             const char        *today)
{
  g_autoptr(RapportPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  RapportCadenceStatus status = { 0 };
  const char          *name = NULL;
  g_autofree char     *intro = NULL;

  person = rapport_person_load (self->store, self->person_id, &error);
  if (person != NULL)
    name = rapport_person_get_name (person);
  else
    {
      g_warning ("%s", error->message);
      say (self, error->message);
      g_clear_error (&error);
    }
  if (rapport_cadence_status_load (self->store, self->person_id, today, &status, &error) && status.due_date[0] != '\0')
    set_string (&self->date, status.due_date);
  else
    set_string (&self->date, today);
  if (error != NULL)
    g_warning ("%s", error->message);

  /* Translators: the first line of the skipped or moved 1:1 form. */
  intro = g_strdup_printf (_("A 1:1 with %s that did not happen on its day. Nothing is added to the meetings."),
                           name != NULL ? name : "");
  gtk_label_set_label (self->intro_label, intro);
  /* Emits "day-selected", which shows it. */
  rapport_calendar_select_iso_date (self->date_calendar, self->date);
  rapport_calendar_select_iso_date (self->moved_to_calendar, self->date);
  set_string (&self->moved_to, NULL);
  update (self);
}

void
rapport_skip_dialog_run_async (GtkWindow          *parent,
                               RapportStore       *store,
                               gint64              person_id,
                               const char         *today,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char   *real_today = NULL;
  RapportSkipDialog *self;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (person_id > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_skip_dialog_run_async);
  if (g_task_return_error_if_cancelled (task))
    return;

  if (today == NULL)
    today = real_today = rapport_store_today ();
  self = g_object_new (RAPPORT_TYPE_SKIP_DIALOG, NULL);
  rapport_dialog_set_size (GTK_WIDGET (self), 460, -1);
  self->store = g_object_ref (store);
  self->person_id = person_id;
  self->task = g_steal_pointer (&task);
  rapport_dialog_connect_closed (GTK_WIDGET (self), G_CALLBACK (on_closed), self);
  load_person (self, today);

  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (on_cancelled), self, G_CONNECT_SWAPPED);
  rapport_dialog_close_with_parent (GTK_WIDGET (self), parent);

  rapport_dialog_present (GTK_WIDGET (self), GTK_WIDGET (parent));
  rapport_dialog_set_focus (GTK_WIDGET (self), GTK_WIDGET (self->save_button));
}

RapportMissedMeeting *
rapport_skip_dialog_run_finish (GAsyncResult *result,
                                GError      **error)
{
  g_return_val_if_fail (g_async_result_is_tagged (result, rapport_skip_dialog_run_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The undo toast ------------------------------------------------------------ */

typedef struct
{
  RapportStore *store;
  gint64        id;
} Recorded;

static void
recorded_free (gpointer  data,
               GClosure *closure)
{
  Recorded *recorded = data;

  g_clear_object (&recorded->store);
  g_free (recorded);
}

static void
on_undo (AdwToast *toast,
         Recorded *recorded)
{
  g_autoptr(GError) error = NULL;

  /* Hidden at once, so that nothing reads it; then gone. */
  if (!rapport_missed_meeting_hide (recorded->store, recorded->id, TRUE, &error) ||
      !rapport_missed_meeting_purge (recorded->store, recorded->id, &error))
    g_warning ("%s", error->message);
}

AdwToast *
rapport_skip_dialog_new_toast (RapportStore         *store,
                               RapportMissedMeeting *missed)
{
  AdwToast   *toast;
  Recorded   *recorded;
  const char *title;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (RAPPORT_IS_MISSED_MEETING (missed), NULL);

  if (rapport_missed_meeting_get_kind (missed) == RAPPORT_MISSED_MOVED)
    title = _("1:1 recorded as moved");
  else
    title = _("1:1 recorded as skipped");
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  recorded = g_new0 (Recorded, 1);
  recorded->store = g_object_ref (store);
  recorded->id = rapport_missed_meeting_get_id (missed);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo), recorded, recorded_free, 0);
  return toast;
}

/* GObject --------------------------------------------------------------- */

static void
rapport_skip_dialog_dispose (GObject *object)
{
  RapportSkipDialog *self = RAPPORT_SKIP_DIALOG (object);

  end_task (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_SKIP_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_skip_dialog_parent_class)->dispose (object);
}

static void
rapport_skip_dialog_finalize (GObject *object)
{
  RapportSkipDialog *self = RAPPORT_SKIP_DIALOG (object);

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->moved_to, g_free);

  G_OBJECT_CLASS (rapport_skip_dialog_parent_class)->finalize (object);
}

static void
rapport_skip_dialog_class_init (RapportSkipDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_skip_dialog_dispose;
  object_class->finalize = rapport_skip_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapport/Rapport/ui/rapport-skip-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportSkipDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, RapportSkipDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, RapportSkipDialog, moved_button);
  gtk_widget_class_bind_template_child (widget_class, RapportSkipDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, RapportSkipDialog, date_popover);
  gtk_widget_class_bind_template_child (widget_class, RapportSkipDialog, date_calendar);
  gtk_widget_class_bind_template_child (widget_class, RapportSkipDialog, moved_row);
  gtk_widget_class_bind_template_child (widget_class, RapportSkipDialog, moved_to_button);
  gtk_widget_class_bind_template_child (widget_class, RapportSkipDialog, moved_to_popover);
  gtk_widget_class_bind_template_child (widget_class, RapportSkipDialog, moved_to_calendar);
  gtk_widget_class_bind_template_child (widget_class, RapportSkipDialog, leave_button);
  gtk_widget_class_bind_template_child (widget_class, RapportSkipDialog, other_button);
  gtk_widget_class_bind_template_child (widget_class, RapportSkipDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, RapportSkipDialog, rule_label);
  gtk_widget_class_bind_template_child (widget_class, RapportSkipDialog, message_label);
  gtk_widget_class_bind_template_callback (widget_class, update);
  gtk_widget_class_bind_template_callback (widget_class, on_date_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_moved_to_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_moved_to_cleared);
  gtk_widget_class_bind_template_callback (widget_class, on_save);

  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  rapport_dialog_class_init (widget_class);
}

static void
rapport_skip_dialog_init (RapportSkipDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_keep_one_name (GTK_WIDGET (self));
  rapport_keep_one_name (GTK_WIDGET (self->moved_to_popover));
  /* Named longer than the word they show ("Leave: one of you was away"). */
  rapport_accessible_set_label (GTK_WIDGET (self->leave_button), NULL);
  rapport_accessible_set_label (GTK_WIDGET (self->other_button), NULL);
}
