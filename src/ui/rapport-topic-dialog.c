/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-topic-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-person.h"
#include "rapport-topic-dialog.h"
#include "rapport-platform.h"

struct _RapportTopicDialog
{
  RapportDialogBase   parent_instance;

  /* Owned */
  RapportStore       *store;
  GTask              *task;   /* until it returned */
  GtkFilterListModel *people; /* those not archived */

  /* Template children */
  GtkButton          *add_button;
  GtkDropDown        *person_dropdown;
  AdwEntryRow        *text_row;
  GtkToggleButton    *me_button;
  GtkToggleButton    *them_button;
  GtkLabel           *message_label;
};

G_DEFINE_FINAL_TYPE (RapportTopicDialog, rapport_topic_dialog, RAPPORT_TYPE_DIALOG_BASE)

static RapportPerson *
selected_person (RapportTopicDialog *self)
{
  return gtk_drop_down_get_selected_item (self->person_dropdown);
}

static void
update_sensitivity (RapportTopicDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text_row))));

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), selected_person (self) != NULL && *text != '\0');
}

static void
say (RapportTopicDialog *self,
     const char         *message)
{
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

/* Ends the task, once. */
static void
end_task (RapportTopicDialog  *self,
          RapportTalkingPoint *point)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  if (task == NULL)
    return;
  if (point != NULL)
    g_task_return_pointer (task, g_object_ref (point), g_object_unref);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("Closed without adding"));
}

static void
on_add (RapportTopicDialog *self)
{
  g_autoptr(RapportTalkingPoint) point = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text_row))));
  RapportPerson   *person = selected_person (self);
  RapportRaisedBy  raised_by;

  /* Enter on an empty line, or nobody to add it for: nothing to say. */
  if (person == NULL || *text == '\0')
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  raised_by = gtk_toggle_button_get_active (self->them_button) ? RAPPORT_RAISED_BY_THEM : RAPPORT_RAISED_BY_ME;
  point = rapport_talking_point_add (self->store, rapport_person_get_id (person), text, raised_by,
                                     0, RAPPORT_RECUR_NONE, NULL, &error);
  if (point == NULL)
    {
      /* The text stays, to try again or copy. */
      g_warning ("%s", error->message);
      say (self, error->message);
      return;
    }
  end_task (self, point);
  rapport_dialog_close (GTK_WIDGET (self));
}

static void
on_cancelled (RapportTopicDialog *self)
{
  rapport_dialog_close (GTK_WIDGET (self));
}

static void
on_cancel_clicked (RapportTopicDialog *self)
{
  rapport_dialog_close (GTK_WIDGET (self));
}

/* Closed, however: nothing added if nothing was. */
static void
on_closed (RapportTopicDialog *self)
{
  end_task (self, NULL);
}

static void
select_person (RapportTopicDialog *self,
               gint64              person_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->people));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportPerson) person = g_list_model_get_item (G_LIST_MODEL (self->people), i);

      if (rapport_person_get_id (person) == person_id)
        {
          gtk_drop_down_set_selected (self->person_dropdown, i);
          return;
        }
    }
}

static void
load_people (RapportTopicDialog *self)
{
  g_autoptr(GListStore) all = NULL;
  g_autoptr(GError) error = NULL;

  all = rapport_person_load_all (self->store, &error);
  if (all == NULL)
    {
      g_warning ("%s", error->message);
      say (self, error->message);
      return;
    }
  gtk_filter_list_model_set_model (self->people, G_LIST_MODEL (all));
  if (g_list_model_get_n_items (G_LIST_MODEL (self->people)) == 0)
    say (self, _("Add a person first: talking points wait for a 1:1 with someone."));
}

void
rapport_topic_dialog_run_async (GtkWindow          *parent,
                                RapportStore       *store,
                                gint64              person_id,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  RapportTopicDialog *self;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_topic_dialog_run_async);
  if (g_task_return_error_if_cancelled (task))
    return;

  self = g_object_new (RAPPORT_TYPE_TOPIC_DIALOG, NULL);
  rapport_dialog_set_size (GTK_WIDGET (self), 440, -1);
  self->store = g_object_ref (store);
  self->task = g_steal_pointer (&task);
  rapport_dialog_connect_closed (GTK_WIDGET (self), G_CALLBACK (on_closed), self);
  load_people (self);
  if (person_id != 0)
    select_person (self, person_id);
  update_sensitivity (self);

  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (on_cancelled), self, G_CONNECT_SWAPPED);
  rapport_dialog_close_with_parent (GTK_WIDGET (self), parent);

  rapport_dialog_present (GTK_WIDGET (self), GTK_WIDGET (parent));
  rapport_dialog_set_focus (GTK_WIDGET (self), GTK_WIDGET (self->text_row));
}

RapportTalkingPoint *
rapport_topic_dialog_run_finish (GAsyncResult *result,
                                 GError      **error)
{
  g_return_val_if_fail (g_async_result_is_tagged (result, rapport_topic_dialog_run_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* GObject --------------------------------------------------------------- */

static void
rapport_topic_dialog_dispose (GObject *object)
{
  RapportTopicDialog *self = RAPPORT_TOPIC_DIALOG (object);

  /* Closed, or its parent gone: nothing added. */
  end_task (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_TOPIC_DIALOG);
  g_clear_object (&self->people);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_topic_dialog_parent_class)->dispose (object);
}

static void
rapport_topic_dialog_class_init (RapportTopicDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_topic_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapport/Rapport/ui/rapport-topic-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportTopicDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, RapportTopicDialog, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RapportTopicDialog, text_row);
  gtk_widget_class_bind_template_child (widget_class, RapportTopicDialog, me_button);
  gtk_widget_class_bind_template_child (widget_class, RapportTopicDialog, them_button);
  gtk_widget_class_bind_template_child (widget_class, RapportTopicDialog, message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_add);
  gtk_widget_class_bind_template_callback (widget_class, update_sensitivity);

  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  rapport_dialog_class_init (widget_class);
}

static void
rapport_topic_dialog_init (RapportTopicDialog *self)
{
  GtkBoolFilter *live;
  GtkExpression *name;

  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_keep_one_name (GTK_WIDGET (self));
  /* Named as their template says ("Raised by me", "For"), not by the word
   * or the person they show. */
  rapport_accessible_set_label (GTK_WIDGET (self->me_button), NULL);
  rapport_accessible_set_label (GTK_WIDGET (self->them_button), NULL);
  rapport_accessible_set_label (GTK_WIDGET (self->person_dropdown), NULL);

  /* Archived people have no 1:1 to wait for. */
  live = gtk_bool_filter_new (gtk_property_expression_new (RAPPORT_TYPE_PERSON, NULL, "archived"));
  gtk_bool_filter_set_invert (live, TRUE);
  self->people = gtk_filter_list_model_new (NULL, GTK_FILTER (live));

  /* Shown, and searched as one types in the drop-down's popover. */
  name = gtk_property_expression_new (RAPPORT_TYPE_PERSON, NULL, "name");
  gtk_drop_down_set_expression (self->person_dropdown, name);
  gtk_expression_unref (name);
  gtk_drop_down_set_model (self->person_dropdown, G_LIST_MODEL (self->people));
}
