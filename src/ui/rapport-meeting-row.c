/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-meeting-row"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rapport-meeting-row.h"
#include "rapport-text.h"

struct _RapportMeetingRow
{
  GtkWidget       parent_instance;

  /* Owned */
  RapportMeeting *meeting;
  GSignalGroup   *signals; /* meeting's notes and date -> repaint */

  /* Borrowed (weak): children, held by the widget tree */
  GtkLabel       *date_label;
  GtkInscription *excerpt;
};

G_DEFINE_FINAL_TYPE (RapportMeetingRow, rapport_meeting_row, GTK_TYPE_WIDGET)

/* The start of the notes a row shows: more than the meetings column
 * shows (about 28 characters at its 200 px, 36 at the 260 px of newer
 * libadwaita), so that the end is cut with an ellipsis. */
#define EXCERPT_CHARS 60

char *
rapport_format_date (const char *date,
                     const char *format)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  if (date == NULL || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3)
    return g_strdup (date ? date : "");
  dt = g_date_time_new_local (y, m, d, 12, 0, 0);
  if (dt == NULL)
    return g_strdup (date);
  return g_strstrip (g_date_time_format (dt, format));
}

static void
update (RapportMeetingRow *self)
{
  g_autofree char *date = NULL;
  g_autofree char *excerpt = NULL;
  g_autofree char *accessible = NULL;

  if (self->meeting == NULL)
    return;

  /* Translators: a meeting in the list, e.g. "Tue 3 Mar 2026"; see strftime(3). */
  date = rapport_format_date (rapport_meeting_get_date (self->meeting), _("%a %-d %b %Y"));
  excerpt = rapport_text_excerpt (rapport_meeting_get_notes (self->meeting), EXCERPT_CHARS);
  /* Unchanged for a row that shows the same meeting again: nothing to
   * lay out again. */
  if (g_strcmp0 (gtk_label_get_label (self->date_label), date) != 0)
    gtk_label_set_label (self->date_label, date);
  gtk_inscription_set_text (self->excerpt, *excerpt ? excerpt : _("No notes"));

  accessible = g_strdup_printf ("%s: %s", date, *excerpt ? excerpt : _("No notes"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

void
rapport_meeting_row_set_meeting (RapportMeetingRow *self,
                                 RapportMeeting    *meeting)
{
  g_return_if_fail (RAPPORT_IS_MEETING_ROW (self));

  g_set_object (&self->meeting, meeting);
  g_signal_group_set_target (self->signals, meeting);
  update (self);
}

static void
rapport_meeting_row_dispose (GObject *object)
{
  RapportMeetingRow *self = RAPPORT_MEETING_ROW (object);
  GtkWidget         *child;

  if (self->signals != NULL)
    rapport_meeting_row_set_meeting (self, NULL);
  g_clear_object (&self->signals);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rapport_meeting_row_parent_class)->dispose (object);
}

static void
rapport_meeting_row_class_init (RapportMeetingRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rapport_meeting_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "meetingrow");
  /* A group, so that it may carry a name (its date and notes): newer GTK
   * gives none to a plain widget's generic role, as ARIA has it. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rapport_meeting_row_init (RapportMeetingRow *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  self->signals = g_signal_group_new (RAPPORT_TYPE_MEETING);
  g_signal_group_connect_swapped (self->signals, "notify::notes", G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->signals, "notify::date", G_CALLBACK (update), self);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 2);
  gtk_widget_add_css_class (GTK_WIDGET (self), "meeting-row");
  gtk_widget_set_margin_top (GTK_WIDGET (self), 4);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 4);

  self->date_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->date_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->date_label), "date");
  gtk_widget_set_parent (GTK_WIDGET (self->date_label), GTK_WIDGET (self));

  /* An inscription, not an ellipsized label: its height comes from the
   * font and it asks for no width (the column's is set), so measuring
   * the column lays out no notes; the text is laid out once, at the
   * width it is given. GTK 4.8 lays an ellipsized label out again, on a
   * copy, each time it is measured (five or six times a row for each
   * person shown). */
  self->excerpt = GTK_INSCRIPTION (gtk_inscription_new (NULL));
  gtk_inscription_set_xalign (self->excerpt, 0);
  gtk_inscription_set_text_overflow (self->excerpt, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (self->excerpt, 0);
  gtk_inscription_set_nat_chars (self->excerpt, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->excerpt), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->excerpt), "caption");
  gtk_widget_set_parent (GTK_WIDGET (self->excerpt), GTK_WIDGET (self));
}

GtkWidget *
rapport_meeting_row_new (void)
{
  return g_object_new (RAPPORT_TYPE_MEETING_ROW, NULL);
}
