/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-next-meeting-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-cadence.h"
#include "rapport-calendar.h"
#include "rapport-meeting-row.h"
#include "rapport-next-meeting-bar.h"
#include "rapport-skip-dialog.h"
#include "rapport-undo-toast.h"
#include "rapport-platform.h"

struct _RapportNextMeetingBar
{
  GtkWidget            parent_instance;

  /* Owned */
  RapportStore        *store;
  RapportPerson       *person;
  char                *today;       /* set for tests; NULL: the real date */
  GCancellable        *cancellable; /* of the skip dialog on show */
  RapportCadenceStatus status;
  gboolean             showing; /* the calendar is being set from the status */

  /* Borrowed (weak pointer) */
  AdwToastOverlay     *toast_overlay;

  /* Template children */
  GtkMenuButton       *next_button;
  GtkLabel            *next_label;
  GtkPopover          *next_popover;
  GtkCalendar         *next_calendar;
  GtkButton           *cadence_button;
  GtkButton           *skip_button;
};

G_DEFINE_FINAL_TYPE (RapportNextMeetingBar, rapport_next_meeting_bar, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_PERSON,
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
dup_today (RapportNextMeetingBar *self)
{
  return self->today != NULL ? g_strdup (self->today) : rapport_store_today ();
}

static void
report (RapportNextMeetingBar *self,
        GError                *error)
{
  g_warning ("%s", error->message);
  g_signal_emit (self, signals[SAVE_FAILED], 0, error->message);
}

void
rapport_next_meeting_bar_refresh (RapportNextMeetingBar *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  g_autofree char *text = NULL;
  g_autofree char *day = NULL;

  g_return_if_fail (RAPPORT_IS_NEXT_MEETING_BAR (self));

  self->status = (RapportCadenceStatus){ 0 };
  today = dup_today (self);
  if (self->person != NULL &&
      !rapport_cadence_status_load (self->store, rapport_person_get_id (self->person), today, &self->status, &error))
    g_warning ("%s", error->message);

  if (self->status.due_date[0] != '\0')
    /* Translators: the day of the next 1:1, see strftime(3): "Thu 3 Dec". */
    day = rapport_format_date (self->status.due_date, _("%a %-d %b"));
  if (self->status.basis == RAPPORT_DUE_BASIS_NEXT_DATE)
    /* Translators: the next 1:1, on a day chosen by hand. */
    text = g_strdup_printf (_("Next 1:1 on %s"), day);
  else if (day != NULL)
    /* Translators: the next 1:1, on the day the cadence gives. */
    text = g_strdup_printf (_("Next 1:1 due %s"), day);
  else
    text = g_strdup (_("No next 1:1"));

  gtk_label_set_label (self->next_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), self->person != NULL && !rapport_person_get_archived (self->person));
  gtk_widget_set_sensitive (GTK_WIDGET (self->skip_button), self->person != NULL && !rapport_person_get_archived (self->person));
  gtk_widget_set_sensitive (GTK_WIDGET (self->cadence_button), self->status.next_date[0] != '\0');

  self->showing = TRUE;
  rapport_calendar_select_iso_date (self->next_calendar, day != NULL ? self->status.due_date : today);
  self->showing = FALSE;
}

static void
set_next_date (RapportNextMeetingBar *self,
               const char            *date)
{
  g_autoptr(GError) error = NULL;

  if (self->person == NULL)
    return;
  if (!rapport_cadence_set_next_date (self->store, rapport_person_get_id (self->person), date, &error))
    {
      report (self, error);
      return;
    }
  rapport_next_meeting_bar_refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_next_day_selected (RapportNextMeetingBar *self)
{
  g_autofree char *date = NULL;

  if (self->showing)
    return;
  date = rapport_calendar_get_iso_date (self->next_calendar);
  gtk_popover_popdown (self->next_popover);
  set_next_date (self, date);
}

static void
on_cadence_clicked (RapportNextMeetingBar *self)
{
  gtk_popover_popdown (self->next_popover);
  set_next_date (self, NULL);
}

/* After the toast's Undo took the missed 1:1 back. */
static void
on_undone (RapportNextMeetingBar *self)
{
  rapport_next_meeting_bar_refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_skip_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RapportNextMeetingBar) self = user_data;
  g_autoptr(RapportMissedMeeting) missed = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autoptr(GError) error = NULL;

  missed = rapport_skip_dialog_run_finish (result, &error);
  if (missed == NULL || self->store == NULL)
    return;
  toast = rapport_skip_dialog_new_toast (self->store, missed);
  /* After the dialog's own handler, which deletes it. */
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undone), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  rapport_next_meeting_bar_refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);
  rapport_toast_offer (GTK_WIDGET (self), self->toast_overlay, signals[SHOW_TOAST], toast);
}

static void
on_skip_clicked (RapportNextMeetingBar *self)
{
  GtkRoot         *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *today = NULL;

  if (self->person == NULL || !GTK_IS_WINDOW (root))
    return;
  today = dup_today (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  rapport_skip_dialog_run_async (GTK_WINDOW (root), self->store, rapport_person_get_id (self->person), today,
                                 self->cancellable, on_skip_done, g_object_ref (self));
}

/* Public ---------------------------------------------------------------- */

GtkWidget *
rapport_next_meeting_bar_new (RapportStore *store)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  return g_object_new (RAPPORT_TYPE_NEXT_MEETING_BAR, "store", store, NULL);
}

void
rapport_next_meeting_bar_set_person (RapportNextMeetingBar *self,
                                     RapportPerson         *person)
{
  g_return_if_fail (RAPPORT_IS_NEXT_MEETING_BAR (self));
  g_return_if_fail (person == NULL || RAPPORT_IS_PERSON (person));

  /* A dialog about someone else has nothing to do here any more. */
  if (self->person != person)
    g_cancellable_cancel (self->cancellable);
  if (g_set_object (&self->person, person))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
  rapport_next_meeting_bar_refresh (self);
}

RapportPerson *
rapport_next_meeting_bar_get_person (RapportNextMeetingBar *self)
{
  g_return_val_if_fail (RAPPORT_IS_NEXT_MEETING_BAR (self), NULL);
  return self->person;
}

void
rapport_next_meeting_bar_set_today (RapportNextMeetingBar *self,
                                    const char            *today)
{
  g_return_if_fail (RAPPORT_IS_NEXT_MEETING_BAR (self));

  if (g_strcmp0 (self->today, today) == 0)
    return;
  g_free (self->today);
  self->today = g_strdup (today);
  if (self->store != NULL)
    rapport_next_meeting_bar_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

void
rapport_next_meeting_bar_set_toast_overlay (RapportNextMeetingBar *self,
                                            AdwToastOverlay       *overlay)
{
  g_return_if_fail (RAPPORT_IS_NEXT_MEETING_BAR (self));
  g_return_if_fail (overlay == NULL || ADW_IS_TOAST_OVERLAY (overlay));

  if (self->toast_overlay == overlay)
    return;
  if (self->toast_overlay != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->toast_overlay), (gpointer *) &self->toast_overlay);
  self->toast_overlay = overlay;
  if (overlay != NULL)
    g_object_add_weak_pointer (G_OBJECT (overlay), (gpointer *) &self->toast_overlay);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOAST_OVERLAY]);
}

/* Layout ----------------------------------------------------------------- */

#define SPACING 6

/* Side by side when both fit at their natural widths, else one above the
 * other (a narrow window): a wrapping box of two. */
static gboolean
fits_side_by_side (RapportNextMeetingBar *self,
                   int                    width)
{
  int a, b;

  gtk_widget_measure (GTK_WIDGET (self->next_button), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &a, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->skip_button), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &b, NULL, NULL);
  return width < 0 || width >= a + SPACING + b;
}

static GtkSizeRequestMode
rapport_next_meeting_bar_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rapport_next_meeting_bar_measure (GtkWidget     *widget,
                                  GtkOrientation orientation,
                                  int            for_size,
                                  int           *minimum,
                                  int           *natural,
                                  int           *minimum_baseline,
                                  int           *natural_baseline)
{
  RapportNextMeetingBar *self = RAPPORT_NEXT_MEETING_BAR (widget);
  int                    min_a, nat_a, min_b, nat_b;

  gtk_widget_measure (GTK_WIDGET (self->next_button), orientation, -1, &min_a, &nat_a, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->skip_button), orientation, -1, &min_b, &nat_b, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (min_a, min_b);
      *natural = nat_a + SPACING + nat_b;
    }
  else if (fits_side_by_side (self, for_size))
    {
      *minimum = MAX (min_a, min_b);
      *natural = MAX (nat_a, nat_b);
    }
  else
    {
      *minimum = min_a + SPACING + min_b;
      *natural = nat_a + SPACING + nat_b;
    }
}

static void
allocate_child (GtkWidget *child,
                int        x,
                int        y,
                int        width,
                int        height)
{
  gtk_widget_size_allocate (child, &(GtkAllocation){ x, y, width, height }, -1);
}

static void
rapport_next_meeting_bar_size_allocate (GtkWidget *widget,
                                        int        width,
                                        int        height,
                                        int        baseline)
{
  RapportNextMeetingBar *self = RAPPORT_NEXT_MEETING_BAR (widget);
  GtkWidget             *a = GTK_WIDGET (self->next_button);
  GtkWidget             *b = GTK_WIDGET (self->skip_button);
  int                    nat_a, nat_b, h_a, h_b;
  gboolean               rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

  gtk_widget_measure (a, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat_a, NULL, NULL);
  gtk_widget_measure (b, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat_b, NULL, NULL);
  if (fits_side_by_side (self, width))
    {
      int x = (width - (nat_a + SPACING + nat_b)) / 2;

      allocate_child (a, rtl ? width - x - nat_a : x, 0, nat_a, height);
      allocate_child (b, rtl ? x : x + nat_a + SPACING, 0, nat_b, height);
      return;
    }
  nat_a = MIN (nat_a, width);
  nat_b = MIN (nat_b, width);
  gtk_widget_measure (a, GTK_ORIENTATION_VERTICAL, nat_a, NULL, &h_a, NULL, NULL);
  gtk_widget_measure (b, GTK_ORIENTATION_VERTICAL, nat_b, NULL, &h_b, NULL, NULL);
  allocate_child (a, (width - nat_a) / 2, 0, nat_a, h_a);
  allocate_child (b, (width - nat_b) / 2, MIN (h_a + SPACING, MAX (0, height - h_b)), nat_b, h_b);
}

/* GObject --------------------------------------------------------------- */

static void
rapport_next_meeting_bar_dispose (GObject *object)
{
  RapportNextMeetingBar *self = RAPPORT_NEXT_MEETING_BAR (object);
  GtkWidget             *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  rapport_next_meeting_bar_set_toast_overlay (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_NEXT_MEETING_BAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->person);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_next_meeting_bar_parent_class)->dispose (object);
}

static void
rapport_next_meeting_bar_finalize (GObject *object)
{
  RapportNextMeetingBar *self = RAPPORT_NEXT_MEETING_BAR (object);

  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (rapport_next_meeting_bar_parent_class)->finalize (object);
}

static void
rapport_next_meeting_bar_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  RapportNextMeetingBar *self = RAPPORT_NEXT_MEETING_BAR (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_PERSON: g_value_set_object (value, self->person); break;
    case PROP_TODAY: g_value_set_string (value, self->today); break;
    case PROP_TOAST_OVERLAY: g_value_set_object (value, self->toast_overlay); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_next_meeting_bar_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  RapportNextMeetingBar *self = RAPPORT_NEXT_MEETING_BAR (object);

  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    case PROP_TODAY: rapport_next_meeting_bar_set_today (self, g_value_get_string (value)); break;
    case PROP_TOAST_OVERLAY: rapport_next_meeting_bar_set_toast_overlay (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_next_meeting_bar_constructed (GObject *object)
{
  RapportNextMeetingBar *self = RAPPORT_NEXT_MEETING_BAR (object);

  G_OBJECT_CLASS (rapport_next_meeting_bar_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_STORE (self->store));
  rapport_next_meeting_bar_refresh (self);
}

static void
rapport_next_meeting_bar_class_init (RapportNextMeetingBarClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_next_meeting_bar_dispose;
  object_class->finalize = rapport_next_meeting_bar_finalize;
  object_class->constructed = rapport_next_meeting_bar_constructed;
  object_class->get_property = rapport_next_meeting_bar_get_property;
  object_class->set_property = rapport_next_meeting_bar_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, RAPPORT_TYPE_PERSON,
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

  widget_class->get_request_mode = rapport_next_meeting_bar_get_request_mode;
  widget_class->measure = rapport_next_meeting_bar_measure;
  widget_class->size_allocate = rapport_next_meeting_bar_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "nextmeeting");
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapport/Rapport/ui/rapport-next-meeting-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportNextMeetingBar, next_button);
  gtk_widget_class_bind_template_child (widget_class, RapportNextMeetingBar, next_label);
  gtk_widget_class_bind_template_child (widget_class, RapportNextMeetingBar, next_popover);
  gtk_widget_class_bind_template_child (widget_class, RapportNextMeetingBar, next_calendar);
  gtk_widget_class_bind_template_child (widget_class, RapportNextMeetingBar, cadence_button);
  gtk_widget_class_bind_template_child (widget_class, RapportNextMeetingBar, skip_button);
  gtk_widget_class_bind_template_callback (widget_class, on_next_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_cadence_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_skip_clicked);
}

static void
rapport_next_meeting_bar_init (RapportNextMeetingBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_keep_one_name (GTK_WIDGET (self));
  rapport_calendar_pick_on_enter (self->next_calendar);
  /* The popover is not a child in the widget tree until it opens. */
  rapport_keep_one_name (GTK_WIDGET (self->next_popover));
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}
