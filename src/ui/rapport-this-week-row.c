/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-this-week-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-alert.h"
#include "rapport-avatar.h"
#include "rapport-attention.h"
#include "rapport-brief.h"
#include "rapport-commitment.h"
#include "rapport-meeting-row.h"
#include "rapport-talking-point-row.h"
#include "rapport-talking-point.h"
#include "rapport-text-column.h"
#include "rapport-this-week-row.h"

/* Not an AdwActionRow, for the cost of the first frame: the widgets and
 * style classes are an action row's (row > box.header > box.prefixes,
 * box.title with label.title and label.subtitle, box.suffixes), so Adwaita
 * draws it the same, but without the action row's own machinery.  The
 * title keeps a minimum of 12 characters (width-chars): its minimum is
 * otherwise a layout of one character a line, and the window's measure
 * asks for its height at that width too.  The subtitle, two lines at most
 * and ellipsized, needs none.  The text is in a RapportTextColumn, whose
 * width does not depend on the row's height (a vertical GtkBox made GTK
 * 4.8 search each label for its narrowest width at that height, 40 M
 * instructions of the first frame's 129 M), and not in a GtkGrid: GTK
 * 4.18's grid gives as its minimum height the height of its children at
 * their minimum widths, whatever width it is offered, which made these
 * rows twice as tall as their text on Debian 13. */
struct _RapportThisWeekRow
{
  GtkListBoxRow   parent_instance;

  /* Owned */
  GObject        *item;
  GSignalGroup   *signals; /* item's "notify" -> repaint */
  char           *person_name;
  char           *today;

  /* Template children */
  GtkLabel       *title;
  GtkLabel       *subtitle;
  GtkCheckButton *check;
  RapportAvatar  *avatar;
  GtkImage       *icon;
  GtkLabel       *badge;
};

G_DEFINE_FINAL_TYPE (RapportThisWeekRow, rapport_this_week_row, GTK_TYPE_LIST_BOX_ROW)

enum
{
  PROP_0,
  PROP_ITEM,
  PROP_PERSON_NAME,
  PROP_TODAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The title and the subtitle, each shown only when it says something. */
static void
set_text (RapportThisWeekRow *self,
          const char         *title,
          const char         *subtitle)
{
  gtk_label_set_label (self->title, title != NULL ? title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->title), title != NULL && *title != '\0');
  gtk_label_set_label (self->subtitle, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle), subtitle != NULL && *subtitle != '\0');
}

static void
set_badge (RapportThisWeekRow *self,
           const char         *text,
           const char         *style)
{
  gtk_widget_set_visible (GTK_WIDGET (self->badge), text != NULL);
  gtk_label_set_label (self->badge, text != NULL ? text : "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->badge), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->badge), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->badge), "accent");
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->badge), style);
}

/* "Overdue by 5 days", "Due today", "Next 1:1 Thu 10 Dec, set by hand",
 * with the main other reason to look at them. */
static char *
describe_due (RapportThisWeekRow *self,
              RapportAttention   *attention)
{
  const RapportCadenceStatus *status = rapport_attention_get_cadence (attention);
  const char                 *reason = rapport_attention_get_reason_text (attention);
  RapportAttentionReason      kind = rapport_attention_get_reason (attention);
  g_autofree char            *when = NULL;
  g_autofree char            *day = NULL;
  GString                    *text = g_string_new (NULL);

  if (status->due_date[0] != '\0')
    /* Translators: a day within the coming week or so, see strftime(3): "Thu 10 Dec". */
    day = rapport_format_date (status->due_date, _("%a %-d %b"));

  switch (status->state)
    {
    case RAPPORT_DUE_OVERDUE:
      /* Translators: how late a 1:1 is. */
      when = g_strdup_printf (ngettext ("Overdue by %d day", "Overdue by %d days", status->days_late),
                              status->days_late);
      break;
    case RAPPORT_DUE_DUE:
      if (!status->met)
        when = g_strdup (_("No 1:1 yet"));
      else if (status->days_late <= 0)
        when = g_strdup (_("Due today"));
      else
        /* Translators: a 1:1 due since a day, "Due since Thu 3 Dec". */
        when = g_strdup_printf (_("Due since %s"), day);
      break;
    case RAPPORT_DUE_NONE:
    default:
      if (!status->met && day != NULL)
        /* Translators: someone never met yet, and the day their first 1:1
         * is due, "No 1:1 yet, first due Thu 10 Dec". */
        when = g_strdup_printf (_("No 1:1 yet, first due %s"), day);
      else if (!status->met)
        when = g_strdup (_("No 1:1 yet"));
      else if (day != NULL)
        /* Translators: the day of the next 1:1, "Next 1:1 Thu 10 Dec". */
        when = g_strdup_printf (_("Next 1:1 %s"), day);
      break;
    }
  if (when != NULL)
    g_string_append (text, when);
  if (status->basis == RAPPORT_DUE_BASIS_NEXT_DATE)
    /* Translators: after the day of the next 1:1, when the user chose it. */
    g_string_append (text, _(", set by hand"));
  if (status->n_skipped > 0)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: 1:1s recorded as skipped since the last one held. */
      g_string_append_printf (text, ngettext ("%u skipped", "%u skipped", status->n_skipped), status->n_skipped);
    }
  /* The due state is said already; another reason is worth a mention. */
  if (reason != NULL && *reason != '\0' && kind != RAPPORT_ATTENTION_OVERDUE && kind != RAPPORT_ATTENTION_DUE)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, reason);
    }
  return g_string_free (text, FALSE);
}

static void
paint_due (RapportThisWeekRow *self,
           RapportAttention   *attention)
{
  const RapportCadenceStatus *status = rapport_attention_get_cadence (attention);
  g_autofree char            *subtitle = describe_due (self, attention);

  set_text (self, rapport_attention_get_name (attention), subtitle);
  rapport_avatar_set_text (self->avatar, rapport_attention_get_name (attention));
  gtk_widget_set_visible (GTK_WIDGET (self->avatar), TRUE);
  if (status->state == RAPPORT_DUE_OVERDUE)
    set_badge (self, C_("due state", "Overdue"), "warning");
  else if (status->state == RAPPORT_DUE_DUE)
    set_badge (self, C_("due state", "Due"), "accent");
  else
    set_badge (self, NULL, NULL);
}

static void
paint_commitment (RapportThisWeekRow *self,
                  RapportCommitment  *commitment)
{
  const char      *due = rapport_commitment_get_due (commitment);
  const char      *name = self->person_name != NULL ? self->person_name : "";
  gboolean         overdue = self->today != NULL && rapport_commitment_is_overdue (commitment, self->today);
  g_autofree char *subtitle = NULL;
  g_autofree char *check_name = NULL;

  if (due != NULL)
    {
      g_autofree char *day = rapport_brief_format_date (due, self->today);

      if (overdue)
        /* Translators: one of my commitments, to whom and since when it is late. */
        subtitle = g_strdup_printf (_("To %s · was due %s"), name, day);
      else
        /* Translators: one of my commitments, to whom and when it is due. */
        subtitle = g_strdup_printf (_("To %s · due %s"), name, day);
    }
  else
    {
      g_autofree char *day = rapport_brief_format_date (rapport_commitment_get_made_on (commitment), self->today);

      /* Translators: one of my commitments, to whom and in which 1:1. */
      subtitle = g_strdup_printf (_("To %s · promised %s"), name, day);
    }
  set_text (self, rapport_commitment_get_text (commitment), subtitle);

  gtk_widget_set_visible (GTK_WIDGET (self->check), TRUE);
  /* on_check_toggled() sees that nothing is to be asked. */
  gtk_check_button_set_active (self->check, rapport_commitment_get_closed (commitment));
  /* Translators: accessible name of the tick box of a commitment. */
  check_name = g_strdup_printf (_("Done: %s"), rapport_commitment_get_text (commitment));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check), GTK_ACCESSIBLE_PROPERTY_LABEL, check_name, -1);

  if (rapport_commitment_get_closed (commitment))
    {
      set_badge (self, C_("commitment", "Done"), NULL);
      gtk_widget_add_css_class (GTK_WIDGET (self), "closed");
    }
  else
    {
      set_badge (self, overdue ? C_("commitment", "Overdue") : NULL, "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "closed");
    }
}

static void
paint_talking_point (RapportThisWeekRow  *self,
                     RapportTalkingPoint *point)
{
  g_autofree char *rhythm = rapport_talking_point_row_describe_rhythm (rapport_talking_point_get_recur_every (point),
                                                                       rapport_talking_point_get_recur_unit (point));
  GString         *subtitle = g_string_new (self->person_name);

  if (subtitle->len > 0)
    g_string_append (subtitle, " · ");
  if (rapport_talking_point_get_raised_by (point) == RAPPORT_RAISED_BY_THEM)
    g_string_append (subtitle, _("raised by them"));
  else
    g_string_append (subtitle, _("raised by me"));
  if (rhythm != NULL)
    g_string_append_printf (subtitle, " · %s", rhythm);

  set_text (self, rapport_talking_point_get_text (point), subtitle->str);
  g_string_free (subtitle, TRUE);
  gtk_image_set_from_icon_name (self->icon, "user-available-symbolic");
  gtk_widget_set_visible (GTK_WIDGET (self->icon), TRUE);
  set_badge (self, NULL, NULL);
}

static void
paint_alert (RapportThisWeekRow *self,
             RapportAlert       *alert)
{
  set_text (self, rapport_alert_get_text (alert), self->person_name);
  gtk_image_set_from_icon_name (self->icon, "dialog-warning-symbolic");
  gtk_widget_add_css_class (GTK_WIDGET (self->icon), "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->icon), TRUE);
  set_badge (self, NULL, NULL);
}

static void
repaint (RapportThisWeekRow *self)
{
  if (self->item == NULL)
    return;
  if (RAPPORT_IS_ATTENTION (self->item))
    paint_due (self, RAPPORT_ATTENTION (self->item));
  else if (RAPPORT_IS_COMMITMENT (self->item))
    paint_commitment (self, RAPPORT_COMMITMENT (self->item));
  else if (RAPPORT_IS_TALKING_POINT (self->item))
    paint_talking_point (self, RAPPORT_TALKING_POINT (self->item));
  else if (RAPPORT_IS_ALERT (self->item))
    paint_alert (self, RAPPORT_ALERT (self->item));
  else
    g_assert_not_reached ();
}

static void
on_check_toggled (RapportThisWeekRow *self)
{
  g_autoptr(RapportThisWeekRow) hold = NULL;
  RapportCommitment *commitment;

  if (!RAPPORT_IS_COMMITMENT (self->item))
    return;
  commitment = RAPPORT_COMMITMENT (self->item);
  /* repaint() showing the commitment: nothing to ask. */
  if (gtk_check_button_get_active (self->check) == rapport_commitment_get_closed (commitment))
    return;

  hold = g_object_ref (self);
  gtk_widget_activate_action (GTK_WIDGET (self), RAPPORT_THIS_WEEK_ROW_ACTION_TOGGLE_CLOSED, "x",
                              rapport_commitment_get_id (commitment));
  /* Refused, or nobody to ask: show it as it is. */
  if (RAPPORT_IS_COMMITMENT (self->item) && self->check != NULL)
    gtk_check_button_set_active (self->check, rapport_commitment_get_closed (RAPPORT_COMMITMENT (self->item)));
}

/* Public ---------------------------------------------------------------- */

GtkWidget *
rapport_this_week_row_new (GObject    *item,
                           const char *person_name,
                           const char *today)
{
  g_return_val_if_fail (item == NULL || G_IS_OBJECT (item), NULL);

  return g_object_new (RAPPORT_TYPE_THIS_WEEK_ROW,
                       "person-name", person_name,
                       "today", today,
                       "item", item,
                       NULL);
}

GObject *
rapport_this_week_row_get_item (RapportThisWeekRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_THIS_WEEK_ROW (self), NULL);
  return self->item;
}

void
rapport_this_week_row_set_item (RapportThisWeekRow *self,
                                GObject            *item)
{
  g_return_if_fail (RAPPORT_IS_THIS_WEEK_ROW (self));
  g_return_if_fail (item == NULL || RAPPORT_IS_ATTENTION (item) || RAPPORT_IS_COMMITMENT (item) ||
                    RAPPORT_IS_TALKING_POINT (item) || RAPPORT_IS_ALERT (item));

  if (!g_set_object (&self->item, item))
    return;
  g_signal_group_set_target (self->signals, item);
  repaint (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

const char *
rapport_this_week_row_get_title (RapportThisWeekRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_THIS_WEEK_ROW (self), NULL);
  return gtk_label_get_label (self->title);
}

const char *
rapport_this_week_row_get_subtitle (RapportThisWeekRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_THIS_WEEK_ROW (self), NULL);
  return gtk_label_get_label (self->subtitle);
}

gint64
rapport_this_week_row_get_person_id (RapportThisWeekRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_THIS_WEEK_ROW (self), 0);

  if (RAPPORT_IS_ATTENTION (self->item))
    return rapport_attention_get_person_id (RAPPORT_ATTENTION (self->item));
  if (RAPPORT_IS_COMMITMENT (self->item))
    return rapport_commitment_get_person_id (RAPPORT_COMMITMENT (self->item));
  if (RAPPORT_IS_TALKING_POINT (self->item))
    return rapport_talking_point_get_person_id (RAPPORT_TALKING_POINT (self->item));
  if (RAPPORT_IS_ALERT (self->item))
    return rapport_alert_get_person_id (RAPPORT_ALERT (self->item));
  return 0;
}

gint64
rapport_this_week_row_get_meeting_id (RapportThisWeekRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_THIS_WEEK_ROW (self), 0);

  /* A commitment opens the 1:1 where it was made. */
  if (RAPPORT_IS_COMMITMENT (self->item))
    return rapport_commitment_get_meeting_id (RAPPORT_COMMITMENT (self->item));
  return 0;
}

/* GObject --------------------------------------------------------------- */

static void
rapport_this_week_row_dispose (GObject *object)
{
  RapportThisWeekRow *self = RAPPORT_THIS_WEEK_ROW (object);

  rapport_this_week_row_set_item (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_THIS_WEEK_ROW);
  g_clear_object (&self->signals);

  G_OBJECT_CLASS (rapport_this_week_row_parent_class)->dispose (object);
}

static void
rapport_this_week_row_finalize (GObject *object)
{
  RapportThisWeekRow *self = RAPPORT_THIS_WEEK_ROW (object);

  g_clear_pointer (&self->person_name, g_free);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (rapport_this_week_row_parent_class)->finalize (object);
}

static void
set_string (RapportThisWeekRow *self,
            char              **field,
            const char         *value,
            guint               prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  repaint (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
rapport_this_week_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RapportThisWeekRow *self = RAPPORT_THIS_WEEK_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM: g_value_set_object (value, self->item); break;
    case PROP_PERSON_NAME: g_value_set_string (value, self->person_name); break;
    case PROP_TODAY: g_value_set_string (value, self->today); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_this_week_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RapportThisWeekRow *self = RAPPORT_THIS_WEEK_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM: rapport_this_week_row_set_item (self, g_value_get_object (value)); break;
    case PROP_PERSON_NAME: set_string (self, &self->person_name, g_value_get_string (value), prop_id); break;
    case PROP_TODAY: set_string (self, &self->today, g_value_get_string (value), prop_id); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_this_week_row_class_init (RapportThisWeekRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_this_week_row_dispose;
  object_class->finalize = rapport_this_week_row_finalize;
  object_class->get_property = rapport_this_week_row_get_property;
  object_class->set_property = rapport_this_week_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_NAME] =
    g_param_spec_string ("person-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TODAY] =
    g_param_spec_string ("today", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RAPPORT_TYPE_AVATAR);
  g_type_ensure (RAPPORT_TYPE_TEXT_COLUMN);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapport/Rapport/ui/rapport-this-week-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportThisWeekRow, title);
  gtk_widget_class_bind_template_child (widget_class, RapportThisWeekRow, subtitle);
  gtk_widget_class_bind_template_child (widget_class, RapportThisWeekRow, check);
  gtk_widget_class_bind_template_child (widget_class, RapportThisWeekRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, RapportThisWeekRow, icon);
  gtk_widget_class_bind_template_child (widget_class, RapportThisWeekRow, badge);
  gtk_widget_class_bind_template_callback (widget_class, on_check_toggled);
}

static void
rapport_this_week_row_init (RapportThisWeekRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->signals = g_signal_group_new (G_TYPE_OBJECT);
  g_signal_group_connect_swapped (self->signals, "notify", G_CALLBACK (repaint), self);
}
