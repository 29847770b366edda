/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-platform"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-platform.h"

/* ---- alerts ---- */

#if RAPPORT_HAVE_ADW_DIALOG
#define ALERT(w) ADW_ALERT_DIALOG (w)
#else
#define ALERT(w) ADW_MESSAGE_DIALOG (w)
#endif

GtkWidget *
rapport_alert_new (const char *heading,
                   const char *body)
{
#if RAPPORT_HAVE_ADW_DIALOG
  return GTK_WIDGET (adw_alert_dialog_new (heading, body));
#else
  return adw_message_dialog_new (NULL, heading, body);
#endif
}

gboolean
rapport_alert_is_alert (GtkWidget *widget)
{
#if RAPPORT_HAVE_ADW_DIALOG
  return ADW_IS_ALERT_DIALOG (widget);
#else
  /* Forms are message dialogs here too. */
  return ADW_IS_MESSAGE_DIALOG (widget) && !rapport_form_is_form (widget);
#endif
}

#if RAPPORT_HAVE_ADW_DIALOG
#define CALL(name, ...) adw_alert_dialog_##name (__VA_ARGS__)
#else
#define CALL(name, ...) adw_message_dialog_##name (__VA_ARGS__)
#endif

const char *
rapport_alert_get_heading (GtkWidget *alert)
{
  g_return_val_if_fail (rapport_alert_is_alert (alert), NULL);
  return CALL (get_heading, ALERT (alert));
}

const char *
rapport_alert_get_body (GtkWidget *alert)
{
  g_return_val_if_fail (rapport_alert_is_alert (alert), NULL);
  return CALL (get_body, ALERT (alert));
}

void
rapport_alert_format_body (GtkWidget  *alert,
                           const char *format,
                           ...)
{
  g_autofree char *body = NULL;
  va_list          args;

  g_return_if_fail (rapport_alert_is_alert (alert));

  va_start (args, format);
  body = g_strdup_vprintf (format, args);
  va_end (args);
  CALL (set_body, ALERT (alert), body);
}

void
rapport_alert_set_extra_child (GtkWidget *alert,
                               GtkWidget *child)
{
  g_return_if_fail (rapport_alert_is_alert (alert));
  CALL (set_extra_child, ALERT (alert), child);
}

void
rapport_alert_add_responses (GtkWidget  *alert,
                             const char *first_id,
                             ...)
{
  va_list args;

  g_return_if_fail (rapport_alert_is_alert (alert));

  va_start (args, first_id);
  for (const char *id = first_id; id != NULL; id = va_arg (args, const char *))
    {
      const char *label = va_arg (args, const char *);

      g_return_if_fail (label != NULL);
      CALL (add_response, ALERT (alert), id, label);
    }
  va_end (args);
}

gboolean
rapport_alert_has_response (GtkWidget  *alert,
                            const char *response)
{
  g_return_val_if_fail (rapport_alert_is_alert (alert), FALSE);
  return CALL (has_response, ALERT (alert), response);
}

const char *
rapport_alert_get_response_label (GtkWidget  *alert,
                                  const char *response)
{
  g_return_val_if_fail (rapport_alert_is_alert (alert), NULL);
  return CALL (get_response_label, ALERT (alert), response);
}

AdwResponseAppearance
rapport_alert_get_response_appearance (GtkWidget  *alert,
                                       const char *response)
{
  g_return_val_if_fail (rapport_alert_is_alert (alert), ADW_RESPONSE_DEFAULT);
  return CALL (get_response_appearance, ALERT (alert), response);
}

void
rapport_alert_set_response_appearance (GtkWidget            *alert,
                                       const char           *response,
                                       AdwResponseAppearance appearance)
{
  g_return_if_fail (rapport_alert_is_alert (alert));
  CALL (set_response_appearance, ALERT (alert), response, appearance);
}

gboolean
rapport_alert_get_response_enabled (GtkWidget  *alert,
                                    const char *response)
{
  g_return_val_if_fail (rapport_alert_is_alert (alert), FALSE);
  return CALL (get_response_enabled, ALERT (alert), response);
}

void
rapport_alert_set_response_enabled (GtkWidget  *alert,
                                    const char *response,
                                    gboolean    enabled)
{
  g_return_if_fail (rapport_alert_is_alert (alert));
  CALL (set_response_enabled, ALERT (alert), response, enabled);
}

void
rapport_alert_set_default_response (GtkWidget  *alert,
                                    const char *response)
{
  g_return_if_fail (rapport_alert_is_alert (alert));
  CALL (set_default_response, ALERT (alert), response);
}

void
rapport_alert_set_close_response (GtkWidget  *alert,
                                  const char *response)
{
  g_return_if_fail (rapport_alert_is_alert (alert));
  CALL (set_close_response, ALERT (alert), response);
}

#if !RAPPORT_HAVE_ADW_DIALOG
static GtkWindow *
window_of (GtkWidget *parent)
{
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}
#endif

void
rapport_alert_present (GtkWidget *alert,
                       GtkWidget *parent)
{
  g_return_if_fail (rapport_alert_is_alert (alert));
  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));

#if RAPPORT_HAVE_ADW_DIALOG
  adw_dialog_present (ADW_DIALOG (alert), parent);
#else
  gtk_window_set_transient_for (GTK_WINDOW (alert), window_of (parent));
  gtk_window_set_modal (GTK_WINDOW (alert), TRUE);
  gtk_window_present (GTK_WINDOW (alert));
#endif
}

/* Both widgets answer through "response"; adw_alert_dialog_choose() would
 * neither close the dialog nor give the close response when cancelled. */
typedef struct
{
  GtkWidget    *alert;
  GCancellable *cancellable;
  gulong        response_id;
  gulong        cancelled_id;
} Choice;

static void
choice_free (Choice *choice)
{
  g_clear_object (&choice->alert);
  g_clear_object (&choice->cancellable);
  g_free (choice);
}

static void
on_choice_response (GtkWidget  *alert,
                    const char *response,
                    GTask      *task)
{
  Choice *choice = g_task_get_task_data (task);

  g_clear_signal_handler (&choice->response_id, alert);
  if (choice->cancellable != NULL)
    g_clear_signal_handler (&choice->cancelled_id, choice->cancellable);
#if !RAPPORT_HAVE_ADW_DIALOG
  /* The result holds the alert, and may outlive the parent window. */
  gtk_window_set_transient_for (GTK_WINDOW (alert), NULL);
#endif
  /* Interned, as AdwAlertDialog's responses are: valid for ever. */
  g_task_return_pointer (task, (gpointer) g_intern_string (response), NULL);
  g_object_unref (task);
}

static void
on_choice_cancelled (GCancellable *cancellable,
                     GTask        *task)
{
  Choice *choice = g_task_get_task_data (task);

  rapport_alert_close (choice->alert);
}

void
rapport_alert_choose (GtkWidget          *alert,
                      GtkWidget          *parent,
                      GCancellable       *cancellable,
                      GAsyncReadyCallback callback,
                      gpointer            user_data)
{
  Choice *choice;
  GTask  *task;

  g_return_if_fail (rapport_alert_is_alert (alert));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  choice = g_new0 (Choice, 1);
  choice->alert = g_object_ref_sink (alert);
  task = g_task_new (alert, NULL, callback, user_data);
  g_task_set_source_tag (task, rapport_alert_choose);
  g_task_set_task_data (task, choice, (GDestroyNotify) choice_free);

  choice->response_id = g_signal_connect (alert, "response", G_CALLBACK (on_choice_response), task);
  rapport_alert_present (alert, parent);
  if (cancellable != NULL)
    {
      choice->cancellable = g_object_ref (cancellable);
      if (g_cancellable_is_cancelled (cancellable))
        rapport_alert_close (alert);
      else
        choice->cancelled_id = g_signal_connect (cancellable, "cancelled",
                                                 G_CALLBACK (on_choice_cancelled), task);
    }
}

const char *
rapport_alert_choose_finish (GtkWidget    *alert,
                             GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, alert), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rapport_alert_choose, NULL);

  return g_task_propagate_pointer (G_TASK (result), NULL);
}

static gboolean
match_response_button (GtkWidget  *widget,
                       const char *label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (match_response_button (widget, label))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

void
rapport_alert_respond (GtkWidget  *alert,
                       const char *response)
{
  GtkWidget *button;

  g_return_if_fail (rapport_alert_is_alert (alert));
  g_return_if_fail (rapport_alert_has_response (alert, response));

  /* Neither widget can emit a response and close as its buttons do, so
   * press the button. */
  button = find_button (alert, rapport_alert_get_response_label (alert, response));
  g_return_if_fail (button != NULL);
  if (gtk_widget_is_sensitive (button))
    g_signal_emit_by_name (button, "clicked");
}

void
rapport_alert_close (GtkWidget *alert)
{
  g_return_if_fail (rapport_alert_is_alert (alert));

#if RAPPORT_HAVE_ADW_DIALOG
  adw_dialog_force_close (ADW_DIALOG (alert));
#else
  gtk_window_close (GTK_WINDOW (alert));
#endif
}

/* ---- forms ---- */

#define FORM_KEY "rapport-form"

typedef struct
{
  GtkWidget        *save_button;   /* AdwDialog only */
  GtkWidget        *cancel_button; /* AdwDialog only */
  GtkWidget        *focus;         /* weak */
  GtkWindow        *window;        /* weak: the parent's */
  GCancellable     *cancellable;
  gulong            cancelled_id;
  RapportFormAnswer answer;
  gpointer          user_data;
  GDestroyNotify    destroy;
  guint             ticks;
  gboolean          presented;
  gboolean          answered;
} Form;

static void
form_data_free (Form *form)
{
  if (form->cancellable != NULL)
    g_clear_signal_handler (&form->cancelled_id, form->cancellable);
  g_clear_object (&form->cancellable);
  g_clear_weak_pointer (&form->focus);
  g_clear_weak_pointer (&form->window);
  if (form->destroy != NULL)
    form->destroy (form->user_data);
  g_free (form);
}

static Form *
form_of (GtkWidget *widget)
{
  return widget != NULL ? g_object_get_data (G_OBJECT (widget), FORM_KEY) : NULL;
}

gboolean
rapport_form_is_form (GtkWidget *widget)
{
  return GTK_IS_WIDGET (widget) && form_of (widget) != NULL;
}

/* Gives the one answer, and lets go of what it was for. */
static void
form_answer (GtkWidget *widget,
             gboolean   save)
{
  Form             *form = form_of (widget);
  RapportFormAnswer answer;
  gpointer          user_data;
  GDestroyNotify    destroy;

  if (form == NULL || form->answered)
    return;
  form->answered = TRUE;
  if (form->cancellable != NULL)
    g_clear_signal_handler (&form->cancelled_id, form->cancellable);
  answer = g_steal_pointer (&form->answer);
  user_data = g_steal_pointer (&form->user_data);
  destroy = g_steal_pointer (&form->destroy);

  g_object_ref (widget);
  if (answer != NULL)
    answer (widget, save, user_data);
  if (destroy != NULL)
    destroy (user_data);
  g_object_unref (widget);
}

static void
on_form_destroy (GtkWidget *widget)
{
  form_answer (widget, FALSE);
}

#if RAPPORT_HAVE_ADW_DIALOG

/* A dialog that opens as a bottom sheet starts floating and moves its
 * content into the sheet a frame later, which loses the field that was to
 * have the focus (the first button gets it instead): give it again once
 * the sheet is in place, as libadwaita's own opening is done by then. */
static gboolean
on_form_opening_tick (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       data)
{
  Form *form = form_of (widget);

  if (form == NULL || form->answered)
    return G_SOURCE_REMOVE;
  if (!gtk_widget_get_mapped (widget) || ++form->ticks < 3)
    return G_SOURCE_CONTINUE;
  if (form->focus != NULL && gtk_widget_get_mapped (form->focus))
    adw_dialog_set_focus (ADW_DIALOG (widget), form->focus);
  return G_SOURCE_REMOVE;
}

static void
on_form_save_clicked (GtkWidget *widget)
{
  form_answer (widget, TRUE);
  adw_dialog_force_close (ADW_DIALOG (widget));
}

static void
on_form_cancel_clicked (GtkWidget *widget)
{
  form_answer (widget, FALSE);
  adw_dialog_force_close (ADW_DIALOG (widget));
}

static GtkWidget *
form_dialog_new (Form       *form,
                 const char *heading,
                 const char *body,
                 GtkWidget  *child,
                 const char *save_label)
{
  AdwDialog *dialog = adw_dialog_new ();
  GtkWidget *view = adw_toolbar_view_new ();
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  adw_dialog_set_title (dialog, heading);
  adw_dialog_set_content_width (dialog, 440);

  /* The answers take the place of the title buttons, as in GNOME's own
   * forms: Cancel at the start, the suggested one at the end. */
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  form->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), form->cancel_button);
  form->save_button = gtk_button_new_with_mnemonic (save_label);
  gtk_widget_add_css_class (form->save_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), form->save_button);
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (view), header);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  if (body != NULL)
    {
      GtkWidget *label = gtk_label_new (body);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_box_append (GTK_BOX (box), label);
    }
  if (child != NULL)
    gtk_box_append (GTK_BOX (box), child);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 480);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (view), scrolled);
  adw_dialog_set_child (dialog, view);
  adw_dialog_set_default_widget (dialog, form->save_button);

  g_signal_connect_swapped (form->save_button, "clicked", G_CALLBACK (on_form_save_clicked), dialog);
  g_signal_connect_swapped (form->cancel_button, "clicked", G_CALLBACK (on_form_cancel_clicked), dialog);
  /* Escape, or closed by rapport_form_close(). */
  g_signal_connect (dialog, "closed", G_CALLBACK (on_form_destroy), NULL);
  return GTK_WIDGET (dialog);
}

#else /* AdwMessageDialog */

static void
on_form_response (GtkWidget *widget,
                  const char *response)
{
  form_answer (widget, g_strcmp0 (response, "save") == 0);
}

static GtkWidget *
form_dialog_new (Form *form,
                 const char *heading,
                 const char *body,
                 GtkWidget *child,
                 const char *save_label)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, heading, body));

  adw_message_dialog_set_extra_child (dialog, child);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", save_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  /* Emitted before the dialog closes itself. */
  g_signal_connect (dialog, "response", G_CALLBACK (on_form_response), NULL);
  return GTK_WIDGET (dialog);
}

#endif

GtkWidget *
rapport_form_new (const char *heading,
                  const char *body,
                  GtkWidget  *child,
                  const char *save_label)
{
  Form      *form;
  GtkWidget *widget;

  g_return_val_if_fail (heading != NULL, NULL);
  g_return_val_if_fail (child == NULL || GTK_IS_WIDGET (child), NULL);
  g_return_val_if_fail (save_label != NULL, NULL);

  form = g_new0 (Form, 1);
  widget = form_dialog_new (form, heading, body, child, save_label);
  g_object_set_data_full (G_OBJECT (widget), FORM_KEY, form, (GDestroyNotify) form_data_free);
  /* The parent destroyed with the form in it, or the form never shown. */
  g_signal_connect (widget, "destroy", G_CALLBACK (on_form_destroy), NULL);
  return widget;
}

gboolean
rapport_form_is_open (GtkWidget *widget)
{
  Form *form = form_of (widget);

  g_return_val_if_fail (form != NULL, FALSE);
  return form->presented && !form->answered;
}

const char *
rapport_form_get_heading (GtkWidget *form)
{
  g_return_val_if_fail (rapport_form_is_form (form), NULL);
#if RAPPORT_HAVE_ADW_DIALOG
  return adw_dialog_get_title (ADW_DIALOG (form));
#else
  return adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (form));
#endif
}

gboolean
rapport_form_get_save_enabled (GtkWidget *widget)
{
  Form *form = form_of (widget);

  g_return_val_if_fail (form != NULL, FALSE);
#if RAPPORT_HAVE_ADW_DIALOG
  return gtk_widget_get_sensitive (form->save_button);
#else
  return adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (widget), "save");
#endif
}

void
rapport_form_set_save_enabled (GtkWidget *widget,
                               gboolean   enabled)
{
  Form *form = form_of (widget);

  g_return_if_fail (form != NULL);
#if RAPPORT_HAVE_ADW_DIALOG
  gtk_widget_set_sensitive (form->save_button, enabled);
#else
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (widget), "save", enabled);
#endif
}

void
rapport_form_set_focus (GtkWidget *widget,
                        GtkWidget *focus)
{
  Form *form = form_of (widget);

  g_return_if_fail (form != NULL);
  g_return_if_fail (focus == NULL || GTK_IS_WIDGET (focus));

  /* The text of an entry row, not the row: an AdwDialog gives the focus
   * to the very widget named, where typing goes nowhere. */
  while (GTK_IS_EDITABLE (focus) && gtk_editable_get_delegate (GTK_EDITABLE (focus)) != NULL)
    focus = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (focus)));

#if RAPPORT_HAVE_ADW_DIALOG
  adw_dialog_set_focus (ADW_DIALOG (widget), focus);
#else
  if (form->presented && focus != NULL)
    gtk_widget_grab_focus (focus);
#endif
  g_set_weak_pointer (&form->focus, focus);
}

/* The form's own window, if it has one, goes with the parent's; but a
 * parent held by a reference (as a task's source object) is only taken
 * off the list of toplevels when destroyed, and an AdwDialog in it would
 * stay: follow that list. */
static void
on_form_toplevels_changed (GtkWidget *widget)
{
  Form       *form = form_of (widget);
  GListModel *toplevels = gtk_window_get_toplevels ();

  if (form == NULL || !form->presented || form->answered)
    return;
  for (guint i = 0; form->window != NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window == form->window)
        return;
    }
  rapport_form_close (widget);
}

static void
on_form_cancelled (GCancellable *cancellable,
                   GtkWidget    *widget)
{
  rapport_form_close (widget);
}

void
rapport_form_present (GtkWidget        *widget,
                      GtkWidget        *parent,
                      GCancellable     *cancellable,
                      RapportFormAnswer answer,
                      gpointer          user_data,
                      GDestroyNotify    destroy)
{
  Form    *form = form_of (widget);
  GtkRoot *root;

  g_return_if_fail (form != NULL);
  g_return_if_fail (!form->presented);
  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  root = gtk_widget_get_root (parent);
  form->presented = TRUE;
  form->answer = answer;
  form->user_data = user_data;
  form->destroy = destroy;
  if (GTK_IS_WINDOW (root))
    g_set_weak_pointer (&form->window, GTK_WINDOW (root));

  if (cancellable != NULL && g_cancellable_is_cancelled (cancellable))
    {
      /* Never shown: answered, then gone. */
      g_object_ref_sink (widget);
      form_answer (widget, FALSE);
#if !RAPPORT_HAVE_ADW_DIALOG
      gtk_window_destroy (GTK_WINDOW (widget));
#endif
      g_object_unref (widget);
      return;
    }
  if (cancellable != NULL)
    {
      form->cancellable = g_object_ref (cancellable);
      form->cancelled_id = g_signal_connect (cancellable, "cancelled", G_CALLBACK (on_form_cancelled), widget);
    }
  g_signal_connect_object (gtk_window_get_toplevels (), "items-changed",
                           G_CALLBACK (on_form_toplevels_changed), widget, G_CONNECT_SWAPPED);

#if RAPPORT_HAVE_ADW_DIALOG
  adw_dialog_present (ADW_DIALOG (widget), parent);
  if (form->focus != NULL)
    gtk_widget_add_tick_callback (widget, on_form_opening_tick, NULL, NULL);
#else
  gtk_window_set_transient_for (GTK_WINDOW (widget), form->window);
  gtk_window_set_modal (GTK_WINDOW (widget), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (widget), TRUE);
  gtk_window_present (GTK_WINDOW (widget));
  if (form->focus != NULL)
    gtk_widget_grab_focus (form->focus);
#endif
}

GtkWindow *
rapport_form_get_window (GtkWidget *widget)
{
  g_return_val_if_fail (rapport_form_is_form (widget), NULL);

#if RAPPORT_HAVE_ADW_DIALOG
  {
    GtkRoot *root = gtk_widget_get_root (widget);

    if (!GTK_IS_WINDOW (root))
      return NULL;
    /* Over a window that cannot hold it, it has a window of its own. */
    if (gtk_window_get_child (GTK_WINDOW (root)) == widget)
      return gtk_window_get_transient_for (GTK_WINDOW (root));
    return GTK_WINDOW (root);
  }
#else
  return gtk_window_get_transient_for (GTK_WINDOW (widget));
#endif
}

void
rapport_form_respond (GtkWidget *widget,
                      gboolean   save)
{
  Form      *form = form_of (widget);
  GtkWidget *button;

  g_return_if_fail (form != NULL);

#if RAPPORT_HAVE_ADW_DIALOG
  button = save ? form->save_button : form->cancel_button;
#else
  button = find_button (widget, adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (widget),
                                                                       save ? "save" : "cancel"));
#endif
  g_return_if_fail (button != NULL);
  if (gtk_widget_is_sensitive (button))
    g_signal_emit_by_name (button, "clicked");
}

void
rapport_form_close (GtkWidget *widget)
{
  g_return_if_fail (rapport_form_is_form (widget));

#if RAPPORT_HAVE_ADW_DIALOG
  /* Answered at once, whether or not there is a closing animation. */
  form_answer (widget, FALSE);
  if (gtk_widget_get_parent (widget) != NULL)
    adw_dialog_force_close (ADW_DIALOG (widget));
#else
  gtk_window_destroy (GTK_WINDOW (widget));
#endif
}

/* ---- dialogs ---- */

void
rapport_dialog_present (GtkWidget *dialog,
                        GtkWidget *parent)
{
  g_return_if_fail (GTK_IS_WIDGET (dialog));
  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));

#if RAPPORT_HAVE_ADW_DIALOG
  if (ADW_IS_DIALOG (dialog))
    {
      adw_dialog_present (ADW_DIALOG (dialog), parent);
      return;
    }
#endif
  g_return_if_fail (GTK_IS_WINDOW (dialog));
  {
    GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

    if (GTK_IS_WINDOW (root))
      {
        gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
        gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
        gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
      }
    gtk_window_present (GTK_WINDOW (dialog));
  }
}

void
rapport_dialog_close (GtkWidget *dialog)
{
  g_return_if_fail (GTK_IS_WIDGET (dialog));

#if RAPPORT_HAVE_ADW_DIALOG
  if (ADW_IS_DIALOG (dialog))
    {
      adw_dialog_close (ADW_DIALOG (dialog));
      return;
    }
#endif
  g_return_if_fail (GTK_IS_WINDOW (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
}

void
rapport_dialog_close_all (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

#if RAPPORT_HAVE_ADW_DIALOG
  {
    AdwDialog *last = NULL;

    for (;;)
      {
        AdwDialog *dialog = NULL;

        if (ADW_IS_APPLICATION_WINDOW (window))
          dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
        else if (ADW_IS_WINDOW (window))
          dialog = adw_window_get_visible_dialog (ADW_WINDOW (window));
        /* One that will not close (its "can-close" is off) stays. */
        if (dialog == NULL || dialog == last)
          break;
        last = dialog;
        adw_dialog_close (dialog);
      }
  }
#endif
}

void
rapport_dialog_set_size (GtkWidget *dialog,
                         int        width,
                         int        height)
{
  g_return_if_fail (GTK_IS_WIDGET (dialog));

#if RAPPORT_HAVE_ADW_DIALOG
  if (ADW_IS_DIALOG (dialog))
    {
      adw_dialog_set_content_width (ADW_DIALOG (dialog), width);
      adw_dialog_set_content_height (ADW_DIALOG (dialog), height);
      return;
    }
#endif
  g_return_if_fail (GTK_IS_WINDOW (dialog));
  gtk_window_set_default_size (GTK_WINDOW (dialog), width, height);
}

void
rapport_dialog_class_init (GtkWidgetClass *widget_class)
{
  g_return_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (widget_class), RAPPORT_TYPE_DIALOG_BASE));

#if !RAPPORT_HAVE_ADW_DIALOG
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
#endif
}

void
rapport_dialog_connect_closed (GtkWidget *dialog,
                               GCallback  closed,
                               gpointer   data)
{
  g_return_if_fail (GTK_IS_WIDGET (dialog));
  g_return_if_fail (closed != NULL);

#if RAPPORT_HAVE_ADW_DIALOG
  if (ADW_IS_DIALOG (dialog))
    {
      g_signal_connect_swapped (dialog, "closed", closed, data);
      return;
    }
#endif
  /* A window closes by being destroyed. */
  g_signal_connect_swapped (dialog, "destroy", closed, data);
}

typedef struct
{
  GtkWidget *dialog; /* valid while the closure is: it is watched */
  GWeakRef   parent;
  gboolean   closed;
} FollowParent;

static void
follow_parent_free (gpointer  data,
                    GClosure *closure)
{
  FollowParent *follow = data;

  g_weak_ref_clear (&follow->parent);
  g_free (follow);
}

static void
on_dialog_closed (FollowParent *follow)
{
  follow->closed = TRUE;
}

static void
on_toplevels_changed (GListModel   *toplevels,
                      guint         position,
                      guint         removed,
                      guint         added,
                      FollowParent *follow)
{
  g_autoptr(GtkWindow) parent = g_weak_ref_get (&follow->parent);
  guint n = g_list_model_get_n_items (toplevels);

  if (follow->closed)
    return;
  for (guint i = 0; parent != NULL && i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window == parent)
        return;
    }
  follow->closed = TRUE;
  rapport_dialog_close (follow->dialog);
}

void
rapport_dialog_close_with_parent (GtkWidget *dialog,
                                  GtkWindow *parent)
{
  FollowParent *follow;
  GClosure     *closure;

  g_return_if_fail (GTK_IS_WIDGET (dialog));
  g_return_if_fail (GTK_IS_WINDOW (parent));

  follow = g_new0 (FollowParent, 1);
  follow->dialog = dialog;
  g_weak_ref_init (&follow->parent, parent);
  closure = g_cclosure_new (G_CALLBACK (on_toplevels_changed), follow, follow_parent_free);
  /* Gone with the dialog: never called on a finalized one. */
  g_object_watch_closure (G_OBJECT (dialog), closure);
  g_signal_connect_closure (gtk_window_get_toplevels (), "items-changed", closure, FALSE);
  rapport_dialog_connect_closed (dialog, G_CALLBACK (on_dialog_closed), follow);
}

GtkWindow *
rapport_dialog_get_window (GtkWidget *dialog)
{
  g_return_val_if_fail (GTK_IS_WIDGET (dialog), NULL);

#if RAPPORT_HAVE_ADW_DIALOG
  if (ADW_IS_DIALOG (dialog))
    {
      GtkRoot *root = gtk_widget_get_root (dialog);

      if (!GTK_IS_WINDOW (root))
        return NULL;
      /* Over a window that cannot hold it, it has a window of its own. */
      if (gtk_window_get_child (GTK_WINDOW (root)) == dialog)
        return gtk_window_get_transient_for (GTK_WINDOW (root));
      return GTK_WINDOW (root);
    }
#endif
  g_return_val_if_fail (GTK_IS_WINDOW (dialog), NULL);
  return gtk_window_get_transient_for (GTK_WINDOW (dialog));
}

#if RAPPORT_HAVE_ADW_DIALOG
#define DIALOG_FOCUS_KEY "rapport-dialog-focus"

typedef struct
{
  GWeakRef focus;
  guint    ticks;
} DialogFocus;

static void
dialog_focus_free (DialogFocus *pending)
{
  g_weak_ref_clear (&pending->focus);
  g_free (pending);
}

/* As for a form (see on_form_opening_tick()): a bottom sheet moves its
 * content a frame after it opens, losing the focus given before. */
static gboolean
on_dialog_opening_tick (GtkWidget     *widget,
                        GdkFrameClock *clock,
                        gpointer       data)
{
  DialogFocus *pending = g_object_get_data (G_OBJECT (widget), DIALOG_FOCUS_KEY);
  g_autoptr(GtkWidget) focus = pending != NULL ? g_weak_ref_get (&pending->focus) : NULL;

  if (focus == NULL)
    return G_SOURCE_REMOVE;
  if (!gtk_widget_get_mapped (widget) || ++pending->ticks < 3)
    return G_SOURCE_CONTINUE;
  if (gtk_widget_get_mapped (focus))
    adw_dialog_set_focus (ADW_DIALOG (widget), focus);
  g_object_set_data (G_OBJECT (widget), DIALOG_FOCUS_KEY, NULL);
  return G_SOURCE_REMOVE;
}
#endif

void
rapport_dialog_set_focus (GtkWidget *dialog,
                          GtkWidget *focus)
{
  g_return_if_fail (GTK_IS_WIDGET (dialog));
  g_return_if_fail (GTK_IS_WIDGET (focus));

  /* The text of an entry row, not the row (see rapport_form_set_focus()). */
  while (GTK_IS_EDITABLE (focus) && gtk_editable_get_delegate (GTK_EDITABLE (focus)) != NULL)
    focus = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (focus)));

#if RAPPORT_HAVE_ADW_DIALOG
  if (ADW_IS_DIALOG (dialog))
    {
      DialogFocus *pending = g_new0 (DialogFocus, 1);
      gboolean     waiting = g_object_get_data (G_OBJECT (dialog), DIALOG_FOCUS_KEY) != NULL;

      g_weak_ref_init (&pending->focus, focus);
      g_object_set_data_full (G_OBJECT (dialog), DIALOG_FOCUS_KEY, pending, (GDestroyNotify) dialog_focus_free);
      adw_dialog_set_focus (ADW_DIALOG (dialog), focus);
      if (!waiting)
        gtk_widget_add_tick_callback (dialog, on_dialog_opening_tick, NULL, NULL);
      return;
    }
#endif
  gtk_widget_grab_focus (focus);
}

/* ---- preferences ---- */

void
rapport_preferences_add_toast (RapportPreferencesBase *preferences,
                               AdwToast               *toast)
{
#if RAPPORT_HAVE_ADW_DIALOG
  adw_preferences_dialog_add_toast (preferences, toast);
#else
  adw_preferences_window_add_toast (preferences, toast);
#endif
}

/* ---- about ---- */

void
rapport_about_show (GtkWidget  *parent,
                    const char *first_property_name,
                    ...)
{
  GtkWidget *about;
  va_list    args;

  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));

  va_start (args, first_property_name);
#if RAPPORT_HAVE_ADW_DIALOG
  about = GTK_WIDGET (g_object_new_valist (ADW_TYPE_ABOUT_DIALOG, first_property_name, args));
#else
  about = GTK_WIDGET (g_object_new_valist (ADW_TYPE_ABOUT_WINDOW, first_property_name, args));
#endif
  va_end (args);
  rapport_dialog_present (about, parent);
}

/* ---- view switchers ---- */

#define VIEW_SWITCHER_KEY "rapport-view-switcher"

/* A switcher's buttons each show the page's icon beside its title, and
 * the icon is only that: out of the accessible tree, where libadwaita 1.2
 * would name it after its class ("GtkImage"). */
static void
hide_icons (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_IMAGE (child))
        gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      hide_icons (child);
    }
}

#if RAPPORT_HAVE_ADW_BREAKPOINTS

typedef struct
{
  AdwViewSwitcher    *switcher; /* weak: the bin's child */
  AdwViewSwitcherBar *bar;      /* weak: outside the bin */
  AdwBreakpoint      *narrow;   /* borrowed: the bin's */
  AdwBreakpoint      *none;     /* borrowed: the bin's */
  guint               reveal_source;
} ViewSwitcher;

static void
view_switcher_free (gpointer data)
{
  ViewSwitcher *view = data;

  g_clear_handle_id (&view->reveal_source, g_source_remove);
  g_clear_weak_pointer (&view->switcher);
  g_clear_weak_pointer (&view->bar);
  g_free (view);
}

/* The bar is outside the bin, and a breakpoint may change only what is
 * inside: set from its setters, during the bin's allocation, the bar was
 * revealed but given no room (libadwaita 1.7), with GTK criticals.  So it
 * follows the top switcher once the layout is done. */
static gboolean
reveal_bar (gpointer data)
{
  ViewSwitcher *view = data;

  view->reveal_source = 0;
  if (view->bar != NULL && view->switcher != NULL)
    adw_view_switcher_bar_set_reveal (view->bar, !gtk_widget_get_visible (GTK_WIDGET (view->switcher)));
  return G_SOURCE_REMOVE;
}

static void
on_switcher_visible (GObject      *switcher,
                     GParamSpec   *pspec,
                     ViewSwitcher *view)
{
  if (view->reveal_source == 0)
    view->reveal_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reveal_bar, view, NULL);
}

static int
switcher_width (AdwViewSwitcher      *switcher,
                AdwViewSwitcherPolicy policy)
{
  int natural = 0;

  adw_view_switcher_set_policy (switcher, policy);
  gtk_widget_measure (GTK_WIDGET (switcher), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

/* The widths the breakpoints fold at are the switcher's own, as measured
 * with the style and text of the window it is in: narrow below what the
 * wide one needs, none below what the narrow one needs. */
static void
on_view_switcher_realize (GtkWidget    *bin,
                          ViewSwitcher *view)
{
  AdwViewSwitcherPolicy policy = adw_view_switcher_get_policy (view->switcher);
  gboolean              visible = gtk_widget_get_visible (GTK_WIDGET (view->switcher));
  int                   wide, narrow;

  gtk_widget_set_visible (GTK_WIDGET (view->switcher), TRUE);
  wide = switcher_width (view->switcher, ADW_VIEW_SWITCHER_POLICY_WIDE);
  narrow = switcher_width (view->switcher, ADW_VIEW_SWITCHER_POLICY_NARROW);
  adw_view_switcher_set_policy (view->switcher, policy);
  gtk_widget_set_visible (GTK_WIDGET (view->switcher), visible);
  adw_breakpoint_set_condition (view->narrow,
                                adw_breakpoint_condition_new_length (ADW_BREAKPOINT_CONDITION_MAX_WIDTH,
                                                                     MAX (wide - 1, 1), ADW_LENGTH_UNIT_PX));
  adw_breakpoint_set_condition (view->none,
                                adw_breakpoint_condition_new_length (ADW_BREAKPOINT_CONDITION_MAX_WIDTH,
                                                                     MAX (narrow - 1, 1), ADW_LENGTH_UNIT_PX));
}

GtkWidget *
rapport_view_switcher_new (AdwViewStack       *stack,
                           AdwViewSwitcherBar *bar)
{
  GtkWidget    *bin;
  ViewSwitcher *view;

  g_return_val_if_fail (ADW_IS_VIEW_STACK (stack), NULL);
  g_return_val_if_fail (ADW_IS_VIEW_SWITCHER_BAR (bar), NULL);

  bin = adw_breakpoint_bin_new ();
  view = g_new0 (ViewSwitcher, 1);
  /* The bin warns without a size request; it takes the width left. */
  gtk_widget_set_size_request (bin, 1, 1);
  gtk_widget_set_hexpand (bin, TRUE);
  view->switcher = ADW_VIEW_SWITCHER (adw_view_switcher_new ());
  adw_view_switcher_set_stack (view->switcher, stack);
  adw_view_switcher_set_policy (view->switcher, ADW_VIEW_SWITCHER_POLICY_WIDE);
  gtk_widget_set_halign (GTK_WIDGET (view->switcher), GTK_ALIGN_START);
  adw_breakpoint_bin_set_child (ADW_BREAKPOINT_BIN (bin), GTK_WIDGET (view->switcher));
  adw_view_switcher_bar_set_reveal (bar, FALSE);
  hide_icons (GTK_WIDGET (view->switcher));
  hide_icons (GTK_WIDGET (bar));

  /* Until measured: never folded.  The last breakpoint that applies wins,
   * so the narrowest comes last. */
  view->narrow = adw_breakpoint_new (adw_breakpoint_condition_new_length (ADW_BREAKPOINT_CONDITION_MAX_WIDTH,
                                                                          0, ADW_LENGTH_UNIT_PX));
  adw_breakpoint_add_setters (view->narrow, G_OBJECT (view->switcher), "policy", ADW_VIEW_SWITCHER_POLICY_NARROW, NULL);
  adw_breakpoint_bin_add_breakpoint (ADW_BREAKPOINT_BIN (bin), view->narrow);
  view->none = adw_breakpoint_new (adw_breakpoint_condition_new_length (ADW_BREAKPOINT_CONDITION_MAX_WIDTH,
                                                                        0, ADW_LENGTH_UNIT_PX));
  adw_breakpoint_add_setters (view->none,
                              G_OBJECT (view->switcher), "policy", ADW_VIEW_SWITCHER_POLICY_NARROW,
                              G_OBJECT (view->switcher), "visible", FALSE,
                              NULL);
  adw_breakpoint_bin_add_breakpoint (ADW_BREAKPOINT_BIN (bin), view->none);
  g_set_weak_pointer (&view->bar, bar);
  g_object_add_weak_pointer (G_OBJECT (view->switcher), (gpointer *) &view->switcher);
  g_signal_connect (view->switcher, "notify::visible", G_CALLBACK (on_switcher_visible), view);

  g_object_set_data_full (G_OBJECT (bin), VIEW_SWITCHER_KEY, view, view_switcher_free);
  g_signal_connect (bin, "realize", G_CALLBACK (on_view_switcher_realize), view);
  return bin;
}

gboolean
rapport_view_switcher_get_shown (GtkWidget *widget)
{
  ViewSwitcher *view = g_object_get_data (G_OBJECT (widget), VIEW_SWITCHER_KEY);

  g_return_val_if_fail (view != NULL, FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (view->switcher));
}

#else /* AdwSqueezer */

typedef struct
{
  GtkWidget *none;         /* borrowed: the squeezer's child */
  AdwViewSwitcherBar *bar; /* borrowed */
} ViewSwitcher;

/* Too narrow for a switcher at the top: the bar at the bottom has it. */
static void
on_view_switcher_squeezed (AdwSqueezer *squeezer,
                           GParamSpec *pspec,
                           ViewSwitcher *view)
{
  adw_view_switcher_bar_set_reveal (view->bar, adw_squeezer_get_visible_child (squeezer) == view->none);
}

GtkWidget *
rapport_view_switcher_new (AdwViewStack *stack,
                           AdwViewSwitcherBar *bar)
{
  static const AdwViewSwitcherPolicy policies[] = { ADW_VIEW_SWITCHER_POLICY_WIDE, ADW_VIEW_SWITCHER_POLICY_NARROW };
  GtkWidget *squeezer;
  ViewSwitcher *view;

  g_return_val_if_fail (ADW_IS_VIEW_STACK (stack), NULL);
  g_return_val_if_fail (ADW_IS_VIEW_SWITCHER_BAR (bar), NULL);

  squeezer = adw_squeezer_new ();
  view = g_new0 (ViewSwitcher, 1);
  view->bar = bar;
  /* Only widget properties: halign start keeps the switcher at the start,
   * and the squeezer's own transition is none by default. */
  gtk_widget_set_hexpand (squeezer, TRUE);
  gtk_widget_set_halign (squeezer, GTK_ALIGN_START);
  /* A switcher whose labels would be cut ("C…", "T…") gives way to the
   * next: by its natural width, not the minimum of its ellipsized labels. */
  adw_squeezer_set_switch_threshold_policy (ADW_SQUEEZER (squeezer), ADW_FOLD_THRESHOLD_POLICY_NATURAL);
  for (guint i = 0; i < G_N_ELEMENTS (policies); i++)
    {
      GtkWidget *switcher = adw_view_switcher_new ();

      adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), stack);
      adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), policies[i]);
      adw_squeezer_add (ADW_SQUEEZER (squeezer), switcher);
      hide_icons (switcher);
    }
  hide_icons (GTK_WIDGET (bar));
  view->none = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), view->none);

  g_object_set_data_full (G_OBJECT (squeezer), VIEW_SWITCHER_KEY, view, g_free);
  g_signal_connect (squeezer, "notify::visible-child", G_CALLBACK (on_view_switcher_squeezed), view);
  return squeezer;
}

gboolean
rapport_view_switcher_get_shown (GtkWidget *widget)
{
  ViewSwitcher *view = g_object_get_data (G_OBJECT (widget), VIEW_SWITCHER_KEY);

  g_return_val_if_fail (view != NULL, FALSE);
  return adw_squeezer_get_visible_child (ADW_SQUEEZER (widget)) != view->none;
}

#endif

/* ---- files ---- */

static GError *
not_chosen (void)
{
  return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("No file was chosen"));
}

#if RAPPORT_HAVE_GTK_FILE_DIALOG

static void
on_file_dialog_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data)
{
  g_autoptr(GTask) task = data;
  g_autoptr(GError) error = NULL;
  GFile *file;

  if (GPOINTER_TO_INT (g_task_get_task_data (task)) == RAPPORT_FILE_SAVE)
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);
  else
    file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, &error);

  if (file != NULL)
    g_task_return_pointer (task, file, g_object_unref);
  else if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) ||
           g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    g_task_return_error (task, not_chosen ());
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

#else /* GtkFileChooserNative */

typedef struct
{
  GtkFileChooserNative *chooser;
  GCancellable *cancellable;
  gulong cancelled_id;
  gboolean done;
} FileChoice;

static void
file_choice_free (FileChoice *choice)
{
  if (choice->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (choice->chooser));
  g_clear_object (&choice->chooser);
  g_clear_object (&choice->cancellable);
  g_free (choice);
}

/* Ends the choice once, from the answer or the cancellable. */
static void
file_choice_end (GTask *task,
                 GFile *file)
{
  FileChoice *choice = g_task_get_task_data (task);

  if (choice->done)
    return;
  choice->done = TRUE;
  if (choice->cancellable != NULL)
    g_clear_signal_handler (&choice->cancelled_id, choice->cancellable);
  g_signal_handlers_disconnect_by_data (choice->chooser, task);
  gtk_native_dialog_hide (GTK_NATIVE_DIALOG (choice->chooser));

  if (file != NULL)
    g_task_return_pointer (task, file, g_object_unref);
  else
    g_task_return_error (task, not_chosen ());
  g_object_unref (task);
}

static void
on_native_response (GtkNativeDialog *chooser,
                    int response,
                    GTask *task)
{
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  file_choice_end (task, file);
}

static void
on_file_choice_cancelled (GCancellable *cancellable,
                          GTask *task)
{
  file_choice_end (task, NULL);
}

#endif

void
rapport_file_choose (GtkWindow          *parent,
                     RapportFileAction   action,
                     const char         *title,
                     const char         *accept_label,
                     const char         *initial_name,
                     GFile              *initial_folder,
                     GListModel         *filters,
                     GCancellable       *cancellable,
                     GAsyncReadyCallback callback,
                     gpointer            user_data)
{
  g_autoptr(GtkFileFilter) first = NULL;
  GTask *task;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (action == RAPPORT_FILE_OPEN || action == RAPPORT_FILE_SAVE);
  g_return_if_fail (initial_folder == NULL || G_IS_FILE (initial_folder));
  g_return_if_fail (filters == NULL || G_IS_LIST_MODEL (filters));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_file_choose);
  if (filters != NULL && g_list_model_get_n_items (filters) > 0)
    first = g_list_model_get_item (filters, 0);

#if RAPPORT_HAVE_GTK_FILE_DIALOG
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    g_task_set_task_data (task, GINT_TO_POINTER (action), NULL);
    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_accept_label (dialog, accept_label);
    gtk_file_dialog_set_modal (dialog, TRUE);
    if (filters != NULL)
      gtk_file_dialog_set_filters (dialog, filters);
    if (first != NULL)
      gtk_file_dialog_set_default_filter (dialog, first);
    if (initial_folder != NULL)
      gtk_file_dialog_set_initial_folder (dialog, initial_folder);
    if (action == RAPPORT_FILE_SAVE)
      {
        if (initial_name != NULL)
          gtk_file_dialog_set_initial_name (dialog, initial_name);
        gtk_file_dialog_save (dialog, parent, cancellable, on_file_dialog_done, task);
      }
    else
      gtk_file_dialog_open (dialog, parent, cancellable, on_file_dialog_done, task);
  }
#else
  {
    FileChoice *choice = g_new0 (FileChoice, 1);
    GtkFileChooser *chooser;

    g_task_set_task_data (task, choice, (GDestroyNotify) file_choice_free);
    choice->chooser = gtk_file_chooser_native_new (title, parent,
                                                   action == RAPPORT_FILE_SAVE ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                                               : GTK_FILE_CHOOSER_ACTION_OPEN,
                                                   accept_label, _("_Cancel"));
    chooser = GTK_FILE_CHOOSER (choice->chooser);
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (choice->chooser), TRUE);
    for (guint i = 0; filters != NULL && i < g_list_model_get_n_items (filters); i++)
      {
        g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);
        gtk_file_chooser_add_filter (chooser, filter);
      }
    if (first != NULL)
      gtk_file_chooser_set_filter (chooser, first);
    if (initial_folder != NULL)
      gtk_file_chooser_set_current_folder (chooser, initial_folder, NULL);
    if (action == RAPPORT_FILE_SAVE && initial_name != NULL)
      gtk_file_chooser_set_current_name (chooser, initial_name);

    if (g_task_return_error_if_cancelled (task))
      {
        g_object_unref (task);
        return;
      }
    g_signal_connect (choice->chooser, "response", G_CALLBACK (on_native_response), task);
    if (cancellable != NULL)
      {
        choice->cancellable = g_object_ref (cancellable);
        choice->cancelled_id = g_signal_connect (cancellable, "cancelled",
                                                 G_CALLBACK (on_file_choice_cancelled), task);
      }
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (choice->chooser));
  }
#endif
}

GFile *
rapport_file_choose_finish (GAsyncResult *result,
                            GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rapport_file_choose, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- URIs ---- */

static void
on_uri_launched (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(GTask) task = data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

#if RAPPORT_HAVE_GTK_FILE_DIALOG
  ok = gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error);
#else
  ok = gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error);
#endif
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
rapport_uri_launch (GtkWindow          *parent,
                    const char         *uri,
                    GCancellable       *cancellable,
                    GAsyncReadyCallback callback,
                    gpointer            user_data)
{
  GTask *task;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (uri != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_uri_launch);

#if RAPPORT_HAVE_GTK_FILE_DIALOG
  {
    g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);
    gtk_uri_launcher_launch (launcher, parent, cancellable, on_uri_launched, task);
  }
#else
  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, cancellable, on_uri_launched, task);
#endif
}

gboolean
rapport_uri_launch_finish (GAsyncResult *result,
                           GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rapport_uri_launch, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- windows ---- */

void
rapport_window_present_at (GtkWindow *window,
                           guint32    timestamp)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

#if GTK_CHECK_VERSION(4, 14, 0) && GDK_VERSION_MAX_ALLOWED >= GDK_VERSION_4_14
  gtk_window_present (window);
#else
  gtk_window_present_with_time (window, timestamp);
#endif
}

void
rapport_keep_one_name (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_button_get_use_underline (GTK_BUTTON (child)))
        gtk_accessible_reset_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      rapport_keep_one_name (child);
    }
}

void
rapport_accessible_set_label (GtkWidget  *widget,
                              const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static gboolean
is_menu_item (GtkWidget *widget)
{
  switch (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)))
    {
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The text an item shows: its first label with text (its accelerator
 * comes after). */
static const char *
shown_text (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = GTK_IS_LABEL (child) ? gtk_label_get_text (GTK_LABEL (child)) : shown_text (child);

      if (text != NULL && *text != '\0')
        return text;
    }
  return NULL;
}

static void
name_menu_items (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text;

      if (is_menu_item (child) && (text = shown_text (child)) != NULL)
        rapport_accessible_set_label (child, text);
      else
        name_menu_items (child);
    }
}

static gboolean
on_widget_mapped (GSignalInvocationHint *hint,
                  guint                  n_values,
                  const GValue          *values,
                  gpointer               data)
{
  GObject *object = g_value_get_object (&values[0]);

  /* Named each time it shows: a menu's items follow its model. */
  if (GTK_IS_POPOVER_MENU (object))
    name_menu_items (GTK_WIDGET (object));
  return TRUE;
}

void
rapport_accessible_name_menu_items (void)
{
  static gsize hooked = 0;

  if (g_once_init_enter (&hooked))
    {
      guint map;

      /* The signal is there once the class is. */
      g_type_class_unref (g_type_class_ref (GTK_TYPE_POPOVER_MENU));
      map = g_signal_lookup ("map", GTK_TYPE_WIDGET);
      g_signal_add_emission_hook (map, 0, on_widget_mapped, NULL, NULL);
      g_once_init_leave (&hooked, 1);
    }
}
