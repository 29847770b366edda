/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-data"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-backup.h"
#include "rapport-data-actions.h"
#include "rapport-exchange.h"
#include "rapport-platform.h"
#include "rapport-search.h"

/* A progress dialog for work shorter than this would only flash. */
#define PROGRESS_DELAY_MS 300

struct _RapportDataJob
{
  GObject            parent_instance;

  RapportDataJobKind kind;
  GtkWindow         *parent;
  RapportStore      *store;
  AdwToastOverlay   *toasts;
  char              *person_uuid;
  char              *person_name;
  GFile             *file;
  GCancellable      *cancellable;
  GtkWidget         *progress_dialog;
  GtkProgressBar    *progress_bar;
  double             fraction;
  guint              progress_id;
  gboolean           running;
  gboolean           finished;
};

G_DEFINE_FINAL_TYPE (RapportDataJob, rapport_data_job, G_TYPE_OBJECT)

enum
{
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void  on_progress_response (GtkWidget      *dialog,
                                   const char     *response,
                                   RapportDataJob *self);

/* Closes the progress dialog without it answering "cancel". */
static void
close_progress (RapportDataJob *self)
{
  GtkWidget *dialog = g_steal_pointer (&self->progress_dialog);

  self->progress_bar = NULL;
  if (dialog == NULL)
    return;
  g_signal_handlers_disconnect_by_func (dialog, on_progress_response, self);
  rapport_alert_close (dialog);
}

static void
rapport_data_job_dispose (GObject *object)
{
  RapportDataJob *self = RAPPORT_DATA_JOB (object);

  g_clear_handle_id (&self->progress_id, g_source_remove);
  close_progress (self);
  g_clear_object (&self->parent);
  g_clear_object (&self->store);
  g_clear_object (&self->toasts);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rapport_data_job_parent_class)->dispose (object);
}

static void
rapport_data_job_finalize (GObject *object)
{
  RapportDataJob *self = RAPPORT_DATA_JOB (object);

  g_free (self->person_uuid);
  g_free (self->person_name);

  G_OBJECT_CLASS (rapport_data_job_parent_class)->finalize (object);
}

static void
rapport_data_job_class_init (RapportDataJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_data_job_dispose;
  object_class->finalize = rapport_data_job_finalize;

  /**
   * RapportDataJob::finished:
   * @success: the work was done (FALSE also when the user cancelled)
   * @data_changed: the database content changed (import, restore)
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_BOOLEAN);
}

static void
rapport_data_job_init (RapportDataJob *self)
{
  self->cancellable = g_cancellable_new ();
}

RapportDataJobKind
rapport_data_job_get_kind (RapportDataJob *self)
{
  g_return_val_if_fail (RAPPORT_IS_DATA_JOB (self), 0);
  return self->kind;
}

gboolean
rapport_data_job_get_running (RapportDataJob *self)
{
  g_return_val_if_fail (RAPPORT_IS_DATA_JOB (self), FALSE);
  return self->running;
}

void
rapport_data_job_cancel (RapportDataJob *self)
{
  g_return_if_fail (RAPPORT_IS_DATA_JOB (self));
  g_cancellable_cancel (self->cancellable);
}

/* The job holds a reference on itself from creation to "finished". */
static RapportDataJob *
job_new (RapportDataJobKind kind,
         GtkWindow         *parent,
         RapportStore      *store,
         AdwToastOverlay   *toasts)
{
  RapportDataJob *self = g_object_new (RAPPORT_TYPE_DATA_JOB, NULL);

  self->kind = kind;
  self->parent = parent ? g_object_ref (parent) : NULL;
  self->store = g_object_ref (store);
  self->toasts = toasts ? g_object_ref (toasts) : NULL;
  return self;
}

/* A toast's own title is markup cut to one line: a folder's path would
 * be lost, and an "&" in a file name would break it. Plain text here,
 * wrapped. */
static void
toast (RapportDataJob *self,
       const char     *message)
{
  g_autofree char *escaped = NULL;
  GtkWidget       *label;
  AdwToast        *item;

  if (self->toasts == NULL)
    {
      g_message ("%s", message);
      return;
    }
  escaped = g_markup_escape_text (message, -1);
  item = adw_toast_new (escaped);
  label = gtk_label_new (message);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "heading");
  adw_toast_set_custom_title (item, label);
  adw_toast_overlay_add_toast (self->toasts, item);
}

/* The folder of @path as people read it: ~/… under the home folder. */
static char *
display_folder_of (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  const char      *home = g_get_home_dir ();
  gsize            n = home != NULL ? strlen (home) : 0;

  if (n > 1 && g_str_has_prefix (folder, home) && (folder[n] == '/' || folder[n] == '\0'))
    {
      g_autofree char *rest = g_filename_display_name (folder + n);
      return g_strconcat ("~", rest, NULL);
    }
  return g_filename_display_name (folder);
}

static void
show_error (RapportDataJob *self,
            const char     *heading,
            const GError   *error)
{
  GtkWidget *dialog = rapport_alert_new (heading, error->message);

  rapport_alert_add_responses (dialog, "close", _("_Close"), NULL);
  rapport_alert_present (dialog, GTK_WIDGET (self->parent));
}

static void
finish (RapportDataJob *self,
        gboolean        success,
        gboolean        data_changed)
{
  g_assert (!self->finished);

  self->finished = TRUE;
  self->running = FALSE;
  g_clear_handle_id (&self->progress_id, g_source_remove);
  close_progress (self);

  g_signal_emit (self, signals[FINISHED], 0, success, data_changed);
  g_object_unref (self);
}

/* Reports an error unless the user cancelled; returns FALSE either way. */
static gboolean
report (RapportDataJob *self,
        const char     *heading,
        const char     *cancelled,
        const GError   *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (self, cancelled);
  else
    show_error (self, heading, error);
  return FALSE;
}

static char *
display_name (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                                  G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    return g_strdup (g_file_info_get_display_name (info));
  return g_file_get_basename (file);
}

/* ---- progress ---- */

static void
on_progress_response (GtkWidget      *dialog,
                      const char     *response,
                      RapportDataJob *self)
{
  if (g_strcmp0 (response, "cancel") == 0)
    g_cancellable_cancel (self->cancellable);
  /* The dialog closes itself on a response; finish() must not touch it. */
  self->progress_dialog = NULL;
  self->progress_bar = NULL;
}

static const char *
progress_heading (RapportDataJob *self)
{
  switch (self->kind)
    {
    case RAPPORT_DATA_JOB_EXPORT: return _("Exporting…");
    case RAPPORT_DATA_JOB_IMPORT: return _("Importing…");
    case RAPPORT_DATA_JOB_BACKUP: return _("Backing Up…");
    case RAPPORT_DATA_JOB_RESTORE: return _("Restoring…");
    case RAPPORT_DATA_JOB_EXPORT_PERSON:
    default: return _("Exporting…");
    }
}

static gboolean
show_progress (gpointer data)
{
  RapportDataJob *self = data;
  GtkWidget      *dialog;
  GtkWidget      *bar;

  self->progress_id = 0;
  dialog = rapport_alert_new (progress_heading (self), NULL);
  bar = gtk_progress_bar_new ();
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), self->fraction);
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (bar), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, progress_heading (self), -1);
  rapport_alert_set_extra_child (dialog, bar);
  rapport_alert_add_responses (dialog, "cancel", _("_Cancel"), NULL);
  rapport_alert_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_progress_response), self, 0);

  self->progress_dialog = dialog;
  self->progress_bar = GTK_PROGRESS_BAR (bar);
  rapport_alert_present (dialog, GTK_WIDGET (self->parent));
  return G_SOURCE_REMOVE;
}

static void
on_progress (double   fraction,
             gpointer data)
{
  RapportDataJob *self = data;

  self->fraction = fraction;
  if (self->progress_bar != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
set_running (RapportDataJob *self)
{
  self->running = TRUE;
  self->fraction = 0.0;
  self->progress_id = g_timeout_add (PROGRESS_DELAY_MS, show_progress, self);
}

/* ---- the work ---- */

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  RapportDataJob *self = data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = rapport_exchange_export_finish (RAPPORT_STORE (source), result, &error);
  if (ok)
    {
      g_autofree char *name = display_name (self->file);
      g_autofree char *message = g_strdup_printf (_("Exported everything to “%s”"), name);
      toast (self, message);
    }
  else
    report (self, _("Could Not Export"), _("Export cancelled"), error);
  finish (self, ok, FALSE);
}

/* The search indexes a large import left waiting, filled once its rows are
 * in and its dialog has closed; meanwhile search says it is indexing. */
static void
on_indexed (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(GError) error = NULL;

  if (!rapport_search_index_pending_finish (RAPPORT_STORE (source), result, &error))
    g_warning ("Could not index the imported notes for search: %s", error->message);
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  RapportDataJob *self = data;
  g_autoptr(GError) error = NULL;
  RapportExchangeStats stats = { 0 };
  gboolean             ok;

  ok = rapport_exchange_import_finish (RAPPORT_STORE (source), result, &stats, &error);
  if (ok && rapport_search_is_indexing (RAPPORT_STORE (source)))
    rapport_search_index_pending_async (RAPPORT_STORE (source), NULL, on_indexed, NULL);
  if (ok)
    {
      g_autofree char *message = NULL;

      if (stats.added == 0 && stats.updated == 0)
        message = g_strdup (_("Nothing new to import: everything in the file is here already"));
      else
        {
          /* Translators: the first half of a toast after an import, e.g.
           * "Imported 12 new items, 3 updated". */
          g_autofree char *added = g_strdup_printf (g_dngettext (NULL, "Imported %u new item",
                                                                 "Imported %u new items", stats.added),
                                                    stats.added);
          /* Translators: the second half; %s is the first half. */
          message = g_strdup_printf (g_dngettext (NULL, "%s, %u updated", "%s, %u updated", stats.updated),
                                     added, stats.updated);
        }
      toast (self, message);
    }
  else
    report (self, _("Could Not Import"), _("Import cancelled; nothing was changed"), error);
  finish (self, ok, ok && (stats.added > 0 || stats.updated > 0));
}

static void
on_backup_done (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  RapportDataJob *self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  path = rapport_backup_now_finish (RAPPORT_STORE (source), result, &error);
  if (path != NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *folder = display_folder_of (path);
      /* Translators: "Backed up to “rapport-2026-03-02.db” in ~/.local/share/rapport/backups". */
      g_autofree char *message = g_strdup_printf (_("Backed up to “%s” in %s"), name, folder);
      toast (self, message);
    }
  else
    report (self, _("Could Not Back Up"), _("Backup cancelled"), error);
  finish (self, path != NULL, FALSE);
}

static void
on_restore_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  RapportDataJob *self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *safety = NULL;

  safety = rapport_backup_restore_finish (RAPPORT_STORE (source), result, &error);
  if (safety != NULL)
    {
      g_autofree char *name = g_filename_display_basename (safety);
      g_autofree char *folder = display_folder_of (safety);
      /* Translators: the second %s is a folder, "~/.local/share/rapport/backups". */
      g_autofree char *message = g_strdup_printf (_("Restored. The data from before is kept as “%s” in %s"),
                                                  name, folder);
      toast (self, message);
    }
  else
    report (self, _("Could Not Restore"), _("Restore cancelled; nothing was changed"), error);
  finish (self, safety != NULL, safety != NULL);
}

static void
export_person (RapportDataJob *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (self->file);

  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Rapport can only write to local files"));
    }
  /* One person's history is small: no need to leave the main thread. */
  if (error == NULL &&
      rapport_exchange_person_markdown_to_file (self->store, self->person_uuid, path, &error))
    {
      g_autofree char *name = display_name (self->file);
      g_autofree char *message = g_strdup_printf (_("Saved the history to “%s”"), name);
      toast (self, message);
      finish (self, TRUE, FALSE);
      return;
    }
  show_error (self, _("Could Not Export"), error);
  finish (self, FALSE, FALSE);
}

static void
start (RapportDataJob *self)
{
  g_autofree char *path = self->file ? g_file_get_path (self->file) : NULL;

  if (self->file != NULL && path == NULL)
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                              _("Rapport can only use local files"));
      show_error (self, _("Could Not Use the File"), error);
      finish (self, FALSE, FALSE);
      return;
    }

  switch (self->kind)
    {
    case RAPPORT_DATA_JOB_EXPORT:
      set_running (self);
      rapport_exchange_export_async (self->store, path, self->cancellable, on_progress, self,
                                     on_export_done, self);
      break;
    case RAPPORT_DATA_JOB_IMPORT:
      set_running (self);
      rapport_exchange_import_async (self->store, path, self->cancellable, on_progress, self,
                                     on_import_done, self);
      break;
    case RAPPORT_DATA_JOB_BACKUP:
      set_running (self);
      rapport_backup_now_async (self->store, NULL, self->cancellable, on_progress, self,
                                on_backup_done, self);
      break;
    case RAPPORT_DATA_JOB_RESTORE:
      set_running (self);
      rapport_backup_restore_async (self->store, path, self->cancellable, on_progress, self,
                                    on_restore_done, self);
      break;
    case RAPPORT_DATA_JOB_EXPORT_PERSON:
      export_person (self);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
start_cb (gpointer data)
{
  start (data);
  return G_SOURCE_REMOVE;
}

/* From the main loop, so that the caller gets the job back alive and can
 * connect to "finished" even when the work ends at once. */
static RapportDataJob *
start_soon (RapportDataJob *self)
{
  self->running = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, start_cb, g_object_ref (self), g_object_unref);
  return self;
}

/* ---- asking ---- */

static void
on_confirm_restore (GObject      *dialog,
                    GAsyncResult *result,
                    gpointer      data)
{
  RapportDataJob *self = data;
  const char     *response = rapport_alert_choose_finish (GTK_WIDGET (dialog), result);

  if (g_strcmp0 (response, "restore") == 0)
    start (self);
  else
    finish (self, FALSE, FALSE);
}

static void
confirm_restore (RapportDataJob *self)
{
  g_autofree char *name = display_name (self->file);
  GtkWidget       *dialog;

  dialog = rapport_alert_new (_("Restore This Backup?"), NULL);
  rapport_alert_format_body (dialog,
                             _("All notes, people and habits will be replaced by those in "
                                "“%s”. What is here now is first saved in the backups "
                                "folder, so you can go back."),
                             name);
  rapport_alert_add_responses (dialog,
                               "cancel", _("_Cancel"),
                               "restore", _("_Restore"),
                               NULL);
  rapport_alert_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  rapport_alert_set_default_response (dialog, "cancel");
  rapport_alert_set_close_response (dialog, "cancel");
  /* The job keeps itself alive until "finished"; cancelling it answers
   * "cancel". */
  rapport_alert_choose (dialog, GTK_WIDGET (self->parent), self->cancellable, on_confirm_restore, self);
}

static void
on_file_chosen (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  RapportDataJob *self = data;
  g_autoptr(GError) error = NULL;

  self->file = rapport_file_choose_finish (result, &error);
  if (self->file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Choose a File"), error);
      finish (self, FALSE, FALSE);
    }
  else if (self->kind == RAPPORT_DATA_JOB_RESTORE)
    confirm_restore (self);
  else
    start (self);
}

/* A filter for the job's files, selected, and one for all files. */
static GListModel *
filters_new (const char *name,
             const char *pattern,
             const char *mime_type)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  g_list_store_append (filters, filter);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, all);
  return G_LIST_MODEL (filters);
}

static void
choose (RapportDataJob   *self,
        RapportFileAction action,
        const char       *title,
        const char       *accept,
        const char       *suggested_name,
        const char       *folder)
{
  g_autoptr(GListModel) filters = NULL;
  g_autoptr(GFile) dir = NULL;

  if (folder != NULL && g_file_test (folder, G_FILE_TEST_IS_DIR))
    dir = g_file_new_for_path (folder);

  switch (self->kind)
    {
    case RAPPORT_DATA_JOB_EXPORT:
    case RAPPORT_DATA_JOB_IMPORT:
      filters = filters_new (_("Rapport Exports (JSON)"), "*.json", "application/json");
      break;
    case RAPPORT_DATA_JOB_EXPORT_PERSON:
      filters = filters_new (_("Markdown"), "*.md", "text/markdown");
      break;
    case RAPPORT_DATA_JOB_RESTORE:
      filters = filters_new (_("Rapport Backups"), "*.db", NULL);
      break;
    case RAPPORT_DATA_JOB_BACKUP:
    default:
      break;
    }

  /* Cancelling the job closes the chooser. */
  rapport_file_choose (self->parent, action, title, accept, suggested_name, dir, filters,
                       self->cancellable, on_file_chosen, self);
}

static char *
dated_name (const char *stem,
            const char *extension)
{
  g_autofree char *today = rapport_store_today ();
  return g_strdup_printf ("%s-%s.%s", stem, today, extension);
}

RapportDataJob *
rapport_data_actions_export (GtkWindow       *parent,
                             RapportStore    *store,
                             AdwToastOverlay *toasts)
{
  RapportDataJob  *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  self = job_new (RAPPORT_DATA_JOB_EXPORT, parent, store, toasts);
  /* TRANSLATORS: start of the suggested file name of an export */
  name = dated_name (_("rapport-export"), "json");
  choose (self, RAPPORT_FILE_SAVE, _("Export Everything"), _("_Export"), name, NULL);
  return self;
}

RapportDataJob *
rapport_data_actions_import (GtkWindow       *parent,
                             RapportStore    *store,
                             AdwToastOverlay *toasts)
{
  RapportDataJob *self;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  self = job_new (RAPPORT_DATA_JOB_IMPORT, parent, store, toasts);
  choose (self, RAPPORT_FILE_OPEN, _("Import an Export"), _("_Import"), NULL, NULL);
  return self;
}

RapportDataJob *
rapport_data_actions_export_person (GtkWindow       *parent,
                                    RapportStore    *store,
                                    const char      *person_uuid,
                                    const char      *person_name,
                                    AdwToastOverlay *toasts)
{
  RapportDataJob  *self;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (person_uuid != NULL, NULL);

  self = job_new (RAPPORT_DATA_JOB_EXPORT_PERSON, parent, store, toasts);
  self->person_uuid = g_strdup (person_uuid);
  self->person_name = g_strdup (person_name ? person_name : "");
  stem = g_strdup (*self->person_name ? self->person_name : _("history"));
  g_strdelimit (stem, "/\\:", '-');
  name = g_strdup_printf ("%s.md", stem);
  choose (self, RAPPORT_FILE_SAVE, _("Export History as Markdown"), _("_Export"),
          name, NULL);
  return self;
}

RapportDataJob *
rapport_data_actions_backup_now (GtkWindow       *parent,
                                 RapportStore    *store,
                                 AdwToastOverlay *toasts)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  return start_soon (job_new (RAPPORT_DATA_JOB_BACKUP, parent, store, toasts));
}

RapportDataJob *
rapport_data_actions_restore (GtkWindow       *parent,
                              RapportStore    *store,
                              AdwToastOverlay *toasts)
{
  RapportDataJob  *self;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  self = job_new (RAPPORT_DATA_JOB_RESTORE, parent, store, toasts);
  folder = rapport_backup_default_folder (rapport_store_get_path (store));
  choose (self, RAPPORT_FILE_OPEN, _("Restore from Backup"), _("_Open"), NULL, folder);
  return self;
}

static RapportDataJob *
job_new_for_file (RapportDataJobKind kind,
                  GtkWindow         *parent,
                  RapportStore      *store,
                  AdwToastOverlay   *toasts,
                  GFile             *file)
{
  RapportDataJob *self = job_new (kind, parent, store, toasts);

  self->file = g_object_ref (file);
  return self;
}

RapportDataJob *
rapport_data_actions_export_to_file (GtkWindow       *parent,
                                     RapportStore    *store,
                                     AdwToastOverlay *toasts,
                                     GFile           *file)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return start_soon (job_new_for_file (RAPPORT_DATA_JOB_EXPORT, parent, store, toasts, file));
}

RapportDataJob *
rapport_data_actions_import_file (GtkWindow       *parent,
                                  RapportStore    *store,
                                  AdwToastOverlay *toasts,
                                  GFile           *file)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return start_soon (job_new_for_file (RAPPORT_DATA_JOB_IMPORT, parent, store, toasts, file));
}

RapportDataJob *
rapport_data_actions_export_person_to_file (GtkWindow       *parent,
                                            RapportStore    *store,
                                            const char      *person_uuid,
                                            AdwToastOverlay *toasts,
                                            GFile           *file)
{
  RapportDataJob *self;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (person_uuid != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = job_new_for_file (RAPPORT_DATA_JOB_EXPORT_PERSON, parent, store, toasts, file);
  self->person_uuid = g_strdup (person_uuid);
  return start_soon (self);
}

RapportDataJob *
rapport_data_actions_restore_file (GtkWindow       *parent,
                                   RapportStore    *store,
                                   AdwToastOverlay *toasts,
                                   GFile           *file,
                                   gboolean         confirm)
{
  RapportDataJob *self;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = job_new_for_file (RAPPORT_DATA_JOB_RESTORE, parent, store, toasts, file);
  if (!confirm)
    return start_soon (self);
  confirm_restore (self);
  return self;
}
