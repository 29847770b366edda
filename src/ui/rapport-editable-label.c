/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-editable-label"

#include "config.h"

#include "rapport-editable-label.h"

static gboolean
release_widget (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

/* GTK 4.8's GtkEditableLabel stops editing from a 100 ms timeout that
 * holds no reference: when the label goes away in between (switching
 * meeting, or the window holding it as its focus closing after the row
 * went), the timeout would touch freed memory. Keep it alive until after
 * that timeout: longer, and at a lower priority so that when the main
 * loop comes late to both, theirs runs first. Connected to the label
 * alone, as it may outlive its row. */
static void
on_focus_leave (GtkEventControllerFocus *controller)
{
  GtkWidget *label = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  g_timeout_add_full (G_PRIORITY_LOW, 300, release_widget, g_object_ref (label), NULL);
}

/* GtkEditableLabel shows its text in a GtkLabel that never wraps; find it. */
static gboolean
wrap_inner_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        {
          gtk_label_set_wrap (GTK_LABEL (child), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_xalign (GTK_LABEL (child), 0);
          gtk_label_set_max_width_chars (GTK_LABEL (child), 28);
          return TRUE;
        }
      if (wrap_inner_label (child))
        return TRUE;
    }
  return FALSE;
}

void
rapport_editable_label_prepare (GtkEditableLabel *label)
{
  GtkEventController *focus;

  g_return_if_fail (GTK_IS_EDITABLE_LABEL (label));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), NULL);
  gtk_widget_add_controller (GTK_WIDGET (label), focus);
  wrap_inner_label (GTK_WIDGET (label));
}
