/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The one place that chooses between the widgets of the libraries found at
 * build time: today's where the build may use them, else those of Debian 12
 * (GTK 4.8, libadwaita 1.2).  A build pinned to older API (the *_MAX_ALLOWED
 * macros, see meson.build) takes the older widgets even on newer libraries.
 *
 *   alerts          AdwAlertDialog (libadwaita >= 1.5)  or AdwMessageDialog
 *   forms           AdwDialog with a header bar (>= 1.5) or AdwMessageDialog
 *   dialogs         AdwDialog (>= 1.5)                  or a modal GtkWindow
 *   preferences     AdwPreferencesDialog (>= 1.5)       or AdwPreferencesWindow
 *   about           AdwAboutDialog (>= 1.5)             or AdwAboutWindow
 *   view switchers  AdwBreakpoints (>= 1.4)             or AdwSqueezer
 *   file choosers   GtkFileDialog (GTK >= 4.10)         or GtkFileChooserNative
 *   opening URIs    GtkUriLauncher (GTK >= 4.10)        or gtk_show_uri_full()
 *   raising         gtk_window_present() (GTK >= 4.14)  or ..._present_with_time()
 *
 * Callers look the same on both: an alert is a GtkWidget, and the work that
 * waits for the user has an async/finish shape with a GCancellable. */

#if ADW_CHECK_VERSION (1, 5, 0) && ADW_VERSION_MAX_ALLOWED >= ADW_VERSION_1_5
# define RAPPORT_HAVE_ADW_DIALOG 1
#else
# define RAPPORT_HAVE_ADW_DIALOG 0
#endif

#if ADW_CHECK_VERSION (1, 4, 0) && ADW_VERSION_MAX_ALLOWED >= ADW_VERSION_1_4
# define RAPPORT_HAVE_ADW_BREAKPOINTS 1
#else
# define RAPPORT_HAVE_ADW_BREAKPOINTS 0
#endif

#if GTK_CHECK_VERSION (4, 10, 0) && GDK_VERSION_MAX_ALLOWED >= GDK_VERSION_4_10
# define RAPPORT_HAVE_GTK_FILE_DIALOG 1
#else
# define RAPPORT_HAVE_GTK_FILE_DIALOG 0
#endif

/* ---- alerts ----
 *
 * A message or a question with a heading, a body, an optional extra child
 * and responses, each a button.  Activating a response closes the alert and
 * emits its "response" signal (`void (GtkWidget *alert, const char *response,
 * gpointer data)`, detailed with the response); Escape and
 * rapport_alert_close() emit it with the close response ("close" unless
 * set).  The alert is floating until presented and destroys itself once
 * closed. */

GtkWidget            *rapport_alert_new                     (const char            *heading,
                                                             const char            *body);
gboolean              rapport_alert_is_alert                (GtkWidget             *widget);

const char           *rapport_alert_get_heading             (GtkWidget             *alert);
const char           *rapport_alert_get_body                (GtkWidget             *alert);
void                  rapport_alert_format_body             (GtkWidget             *alert,
                                                             const char            *format,
                                                             ...) G_GNUC_PRINTF (2, 3);
void                  rapport_alert_set_extra_child         (GtkWidget             *alert,
                                                             GtkWidget             *child);

/* Pairs of response id and mnemonic label, ended by NULL. */
void                  rapport_alert_add_responses           (GtkWidget             *alert,
                                                             const char            *first_id,
                                                             ...) G_GNUC_NULL_TERMINATED;
gboolean              rapport_alert_has_response            (GtkWidget             *alert,
                                                             const char            *response);
const char           *rapport_alert_get_response_label      (GtkWidget             *alert,
                                                             const char            *response);
AdwResponseAppearance rapport_alert_get_response_appearance (GtkWidget             *alert,
                                                             const char            *response);
void                  rapport_alert_set_response_appearance (GtkWidget             *alert,
                                                             const char            *response,
                                                             AdwResponseAppearance  appearance);
gboolean              rapport_alert_get_response_enabled    (GtkWidget             *alert,
                                                             const char            *response);
void                  rapport_alert_set_response_enabled    (GtkWidget             *alert,
                                                             const char            *response,
                                                             gboolean               enabled);
/* The response Enter gives. */
void                  rapport_alert_set_default_response    (GtkWidget             *alert,
                                                             const char            *response);
/* The response Escape and closing give. */
void                  rapport_alert_set_close_response      (GtkWidget             *alert,
                                                             const char            *response);

/* Shows @alert over @parent (a widget of the window it belongs to, or
 * NULL); the caller learns the answer from "response". */
void                  rapport_alert_present                 (GtkWidget             *alert,
                                                             GtkWidget             *parent);
/* Shows @alert over @parent and finishes with the response chosen;
 * cancelling @cancellable closes it with the close response. */
void                  rapport_alert_choose                  (GtkWidget             *alert,
                                                             GtkWidget             *parent,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
/* The response chosen; owned by the alert's quark table (never freed). */
const char           *rapport_alert_choose_finish           (GtkWidget             *alert,
                                                             GAsyncResult          *result);
/* Activates @response as a click on its button does: the alert closes and
 * "response" is emitted with it. */
void                  rapport_alert_respond                 (GtkWidget             *alert,
                                                             const char            *response);
/* Closes @alert at once, as Escape does ("response" with the close
 * response).  Disconnect first from what should not hear it. */
void                  rapport_alert_close                   (GtkWidget             *alert);

/* ---- forms ----
 *
 * A few fields to fill in: a heading, an optional body, the fields (@child)
 * and two answers, Cancel and @save_label (suggested, and the one Enter
 * gives).  On libadwaita >= 1.5 an AdwDialog with both answers in its
 * header bar, a bottom sheet on a narrow window; else an AdwMessageDialog
 * with them below the fields.  Escape cancels.  The form is floating until
 * presented and destroys itself once closed. */

GtkWidget            *rapport_form_new                      (const char            *heading,
                                                             const char            *body,
                                                             GtkWidget             *child,
                                                             const char            *save_label);
gboolean              rapport_form_is_form                  (GtkWidget             *widget);
/* Presented, and not yet answered or closed. */
gboolean              rapport_form_is_open                  (GtkWidget             *form);
const char           *rapport_form_get_heading              (GtkWidget             *form);
gboolean              rapport_form_get_save_enabled         (GtkWidget             *form);
void                  rapport_form_set_save_enabled         (GtkWidget             *form,
                                                             gboolean               enabled);
/* The field that has the keyboard once the form shows. */
void                  rapport_form_set_focus                (GtkWidget             *form,
                                                             GtkWidget             *focus);

/* How a form was answered: @save is TRUE when the user saved, with the
 * fields still there to read. */
typedef void (*RapportFormAnswer) (GtkWidget *form,
                                   gboolean   save,
                                   gpointer   user_data);

/* Shows @form modal over @parent (a widget of the window it belongs to)
 * and calls @answer exactly once: TRUE when the user saves; FALSE when
 * they cancel, or the form goes otherwise (rapport_form_close(),
 * @cancellable cancelled, or @parent's window destroyed, which closes the
 * form).  @destroy frees @user_data right after. */
void                  rapport_form_present                  (GtkWidget             *form,
                                                             GtkWidget             *parent,
                                                             GCancellable          *cancellable,
                                                             RapportFormAnswer      answer,
                                                             gpointer               user_data,
                                                             GDestroyNotify         destroy);
/* The window @form is modal over, once presented. */
GtkWindow            *rapport_form_get_window               (GtkWidget             *form);
/* Answers as a click on the button does (saving only when it is
 * enabled): the form closes. */
void                  rapport_form_respond                  (GtkWidget             *form,
                                                             gboolean               save);
/* Closes @form at once, without an answer (so, not saving). */
void                  rapport_form_close                    (GtkWidget             *form);

/* ---- dialogs ----
 *
 * A dialog of its own, made by a class that derives from one of the
 * *_BASE types below: an AdwDialog (libadwaita >= 1.5), a bottom sheet on
 * a narrow window, or a modal AdwWindow.  Its template names no parent,
 * sets only "title" (both have it) and gives its content as a <child>
 * (an AdwDialog's child, an AdwWindow's content); its class calls
 * rapport_dialog_class_init() and the code sets the size. */

#if RAPPORT_HAVE_ADW_DIALOG
# define RAPPORT_TYPE_DIALOG_BASE ADW_TYPE_DIALOG
typedef AdwDialog      RapportDialogBase;
typedef AdwDialogClass RapportDialogBaseClass;
#else
# define RAPPORT_TYPE_DIALOG_BASE ADW_TYPE_WINDOW
typedef AdwWindow      RapportDialogBase;
typedef AdwWindowClass RapportDialogBaseClass;
#endif
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportDialogBase, g_object_unref)

/* Escape closes the dialog (an AdwDialog does so itself). */
void                  rapport_dialog_class_init             (GtkWidgetClass        *widget_class);
/* Calls @closed (with @data as its only argument) once, when @dialog
 * closes however it does; it is still there to read. */
void                  rapport_dialog_connect_closed         (GtkWidget             *dialog,
                                                             GCallback              closed,
                                                             gpointer               data);
/* The window @dialog is shown over, once presented. */
GtkWindow            *rapport_dialog_get_window             (GtkWidget             *dialog);
/* Gives @focus the keyboard once @dialog shows (the text of an entry
 * row, when that is @focus); call after presenting. */
void                  rapport_dialog_set_focus              (GtkWidget             *dialog,
                                                             GtkWidget             *focus);

/* Shows @dialog modal over @parent (a widget of the window it belongs to,
 * or NULL). */
void                  rapport_dialog_present                (GtkWidget             *dialog,
                                                             GtkWidget             *parent);
/* Closes @dialog at once, as its close button does. */
void                  rapport_dialog_close                  (GtkWidget             *dialog);
/* Closes every dialog shown over @window, the topmost first.  A window
 * with an AdwDialog open closes that dialog instead of itself: call this
 * before closing the window for good (quitting). */
void                  rapport_dialog_close_all              (GtkWindow             *window);
/* Closes @dialog, while it is open, once @parent is no longer a toplevel:
 * "destroy-with-parent" for a dialog whose task holds its parent (so
 * that destroying the parent does not dispose it). */
void                  rapport_dialog_close_with_parent      (GtkWidget             *dialog,
                                                             GtkWindow             *parent);
/* The size it opens at (an AdwDialog's content size). */
void                  rapport_dialog_set_size               (GtkWidget             *dialog,
                                                             int                    width,
                                                             int                    height);

/* ---- preferences ----
 *
 * The parent of the Preferences: AdwPreferencesDialog or
 * AdwPreferencesWindow, with the same pages. */

#if RAPPORT_HAVE_ADW_DIALOG
# define RAPPORT_TYPE_PREFERENCES_BASE ADW_TYPE_PREFERENCES_DIALOG
typedef AdwPreferencesDialog      RapportPreferencesBase;
typedef AdwPreferencesDialogClass RapportPreferencesBaseClass;
#else
# define RAPPORT_TYPE_PREFERENCES_BASE ADW_TYPE_PREFERENCES_WINDOW
typedef AdwPreferencesWindow      RapportPreferencesBase;
typedef AdwPreferencesWindowClass RapportPreferencesBaseClass;
#endif
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportPreferencesBase, g_object_unref)

void                  rapport_preferences_add_toast         (RapportPreferencesBase *preferences,
                                                             AdwToast              *toast);

/* ---- about ----
 *
 * Shows the About dialog over @parent (or NULL), set with the properties
 * of AdwAboutDialog and AdwAboutWindow (they have the same ones), ended
 * by NULL. */
void                  rapport_about_show                    (GtkWidget             *parent,
                                                             const char            *first_property_name,
                                                             ...) G_GNUC_NULL_TERMINATED;

/* ---- view switchers ----
 *
 * The switcher between @stack's pages at the top of a view, for a place
 * that gives it the width the view has left: its pages wide (icon beside
 * label) when they fit, narrow (icon over label) when only that fits, and
 * none when even that does not: then @bar, at the view's bottom, is
 * revealed instead.  Breakpoints on a breakpoint bin (libadwaita >= 1.4),
 * set from what the switcher measures, or an AdwSqueezer. */
GtkWidget            *rapport_view_switcher_new             (AdwViewStack          *stack,
                                                             AdwViewSwitcherBar    *bar);
/* Whether the switcher shows at the top (else @bar has it). */
gboolean              rapport_view_switcher_get_shown       (GtkWidget             *switcher);

/* ---- files ---- */

typedef enum
{
  RAPPORT_FILE_OPEN,
  RAPPORT_FILE_SAVE,
} RapportFileAction;

/* Asks for a file to open or to save to, modal over @parent.  @filters is
 * a list of GtkFileFilter (the first one selected) or NULL; @initial_name
 * is the suggested name when saving; @initial_folder may be NULL.  The
 * user dismissing the chooser, like cancelling @cancellable, finishes with
 * G_IO_ERROR_CANCELLED. */
void                  rapport_file_choose                   (GtkWindow             *parent,
                                                             RapportFileAction      action,
                                                             const char            *title,
                                                             const char            *accept_label,
                                                             const char            *initial_name,
                                                             GFile                 *initial_folder,
                                                             GListModel            *filters,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
GFile                *rapport_file_choose_finish            (GAsyncResult          *result,
                                                             GError               **error);

/* ---- URIs ---- */

/* Opens @uri with the application the desktop has for it. */
void                  rapport_uri_launch                    (GtkWindow             *parent,
                                                             const char            *uri,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
gboolean              rapport_uri_launch_finish             (GAsyncResult          *result,
                                                             GError               **error);

/* ---- windows ---- */

/* Raises @window for a request that came with the user's @timestamp (a
 * search result or notification activated in the shell).  GTK 4.14 and
 * later take the activation token themselves and deprecate the timestamp. */
void                  rapport_window_present_at             (GtkWindow             *window,
                                                             guint32                timestamp);

/* GTK 4.8 names a button by its accessible label followed by the name
 * of its own label child ("Save _Save"): every button under @root with a
 * mnemonic keeps only its accessible label. */
void rapport_keep_one_name (GtkWidget *root);

/* Names @widget (a button, a drop-down, a row) for screen readers as
 * @label, or, with @label NULL, as the accessible label it was given
 * before (in its template), instead of the text it shows.  GTK says such
 * a widget is "labelled by" the label it shows (a mnemonic label on GTK
 * 4.8; any button's or drop-down's own label on newer GTK), and newer
 * GTK, computing the name as ARIA does, reads only that ("Restore" for
 * "Restore “Tea”", "Weekly" for "Group by"), where GTK 4.8 read both.
 * Call it once the widget has its label child (after its template). */
void rapport_accessible_set_label (GtkWidget  *widget,
                                   const char *label);

/* Newer GTK names a popover menu's items by their label only through a
 * relation to a label that is left out for screen readers, so they read
 * as nothing: every popover menu the application shows names its items
 * by their text (once, at start-up). */
void rapport_accessible_name_menu_items (void);

G_END_DECLS
