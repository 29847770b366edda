/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>
#include <string.h>

#include "rapport-application.h"
#include "rapport-backup.h"
#include "rapport-cli.h"
#include "rapport-platform.h"
#include "rapport-preferences-window.h"
#include "rapport-reminders.h"
#include "rapport-search-provider.h"
#include "rapport-window-private.h"

struct _RapportApplication
{
  AdwApplication         parent_instance;

  char                  *database_path;
  RapportStore          *store;
  GCancellable          *cancellable;
  guint                  backup_source;
  RapportSearchProvider *search_provider;
  RapportReminders      *reminders;
  /* An action of the desktop file's (--this-week...) for the window
   * this instance is about to open, or NULL. */
  const char            *startup_action;
};

G_DEFINE_FINAL_TYPE (RapportApplication, rapport_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database at PATH instead of the default one"), N_("PATH") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export everything to a JSON file and exit"), N_("FILE") },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import a JSON export (merging by identity) and exit"), N_("FILE") },
  { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a backup copy of the database into a folder and exit"), N_("DIR") },
  { "add-topic", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Add a talking point for PERSON (a name; the words that follow are the point) and exit"),
    N_("PERSON") },
  { "this-week", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the window on This Week (the desktop file's action)"), NULL },
  { "new-talking-point", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the window to add a talking point (the desktop file's action)"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL, NULL, N_("[TEXT…]") },
  { NULL }
};

/* The profile's own folder: a development build (-Dprofile=development)
 * never opens, migrates or backs up the real journal. */
static char *
default_database_path (void)
{
  return g_build_filename (g_get_user_data_dir (), RAPPORT_DATA_FOLDER, "rapport.db", NULL);
}

static char *
resolve_database_path (GVariantDict *options)
{
  const char      *env = g_getenv ("RAPPORT_DATABASE");
  g_autofree char *option = NULL;

  if (g_variant_dict_lookup (options, "database", "^ay", &option) && option[0] != '\0')
    return g_canonicalize_filename (option, NULL);
  if (env != NULL && env[0] != '\0')
    return g_canonicalize_filename (env, NULL);
  return NULL;
}

static int
rapport_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  RapportApplication *self = RAPPORT_APPLICATION (app);
  g_autofree char    *export_file = NULL;
  g_autofree char    *import_file = NULL;
  g_autofree char    *backup_dir = NULL;
  g_autofree char    *topic_person = NULL;
  g_auto (GStrv) rest = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("rapport %s\n", PACKAGE_VERSION);
      return 0;
    }

  self->database_path = resolve_database_path (options);

  g_variant_dict_lookup (options, "export", "^ay", &export_file);
  g_variant_dict_lookup (options, "import", "^ay", &import_file);
  g_variant_dict_lookup (options, "backup", "^ay", &backup_dir);
  g_variant_dict_lookup (options, "add-topic", "s", &topic_person);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^as", &rest);

  if (topic_person != NULL)
    {
      g_autofree char *text = rest ? g_strjoinv (" ", rest) : g_strdup ("");

      if (self->database_path == NULL)
        self->database_path = default_database_path ();
      return rapport_cli_add_topic_main (self->database_path, topic_person, text);
    }
  if (rest != NULL && rest[0] != NULL)
    {
      /* TRANSLATORS: %s is what was typed after the options */
      g_printerr (_("rapport: “%s” is not an option; see rapport --help\n"), rest[0]);
      return RAPPORT_CLI_USAGE;
    }
  if (export_file != NULL || import_file != NULL || backup_dir != NULL)
    {
      if (self->database_path == NULL)
        self->database_path = default_database_path ();
      return rapport_cli_main (self->database_path, export_file, import_file, backup_dir);
    }

  if (self->database_path != NULL)
    {
      /* Another database is another instance: don't hand it over to a
       * running Rapport that has the default one open. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  else
    self->database_path = default_database_path ();

  /* The desktop file's actions (the dock's menu): the running Rapport
   * does it, else the window this one opens. */
  if (g_variant_dict_contains (options, "this-week") ||
      g_variant_dict_contains (options, "new-talking-point"))
    {
      const char *action = g_variant_dict_contains (options, "new-talking-point")
                             ? "new-talking-point"
                             : "show-this-week";
      g_autoptr(GError) error = NULL;

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("rapport: %s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (app))
        {
          GDBusConnection *connection = g_application_get_dbus_connection (app);

          g_action_group_activate_action (G_ACTION_GROUP (app), action, NULL);
          /* Sent before this process ends. */
          if (connection != NULL)
            g_dbus_connection_flush_sync (connection, NULL, NULL);
          return 0;
        }
      self->startup_action = action;
    }

  return -1;
}

/* A window of its own rather than a dialog without a parent: there is no
 * main window to show when the database cannot be opened. */
static void
show_open_error (RapportApplication *self,
                 GError             *error)
{
  GtkWidget       *window = adw_application_window_new (GTK_APPLICATION (self));
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget       *page = adw_status_page_new ();
  GtkWidget       *quit = gtk_button_new_with_mnemonic (_("_Quit"));
  g_autofree char *path = g_markup_escape_text (self->database_path, -1);
  g_autofree char *prefix = g_strconcat (self->database_path, ": ", NULL);
  g_autofree char *reason = g_markup_escape_text (g_str_has_prefix (error->message, prefix)
                                                    ? error->message + strlen (prefix)
                                                    : error->message,
                                                  -1);
  g_autofree char *body = NULL;
  const char      *title;

  g_printerr ("rapport: %s\n", error->message);

  body = g_strdup_printf (_("Rapport could not open its database at\n%s\n\n%s\n\n"
                             "The file has not been changed. You can start Rapport with "
                             "another file using --database PATH."),
                          path, reason);
  gtk_window_set_title (GTK_WINDOW (window), _("Rapport"));
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 520);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "dialog-error-symbolic");
  /* What stands in the way, when it is not the file. */
  if (g_error_matches (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_BUSY))
    title = _("Your Notes Are in Use");
  else if (g_error_matches (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DISK_FULL))
    title = _("The Disk Is Full");
  else if (g_error_matches (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_READ_ONLY))
    title = _("Your Notes Cannot Be Saved There");
  else
    title = _("Could Not Open Your Notes");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), body);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_widget_set_halign (quit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (quit, "pill");
  g_signal_connect_swapped (quit, "clicked", G_CALLBACK (gtk_window_destroy), window);
  adw_status_page_set_child (ADW_STATUS_PAGE (page), quit);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_daily_backup_done (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(RapportApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = rapport_backup_maybe_daily_finish (RAPPORT_STORE (source), result, &error);
  GtkWindow       *window;

  if (error == NULL)
    {
      if (path != NULL)
        g_debug ("Daily backup written to %s", path);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_printerr ("rapport: the daily backup failed: %s\n", error->message);
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (RAPPORT_IS_WINDOW (window))
    {
      g_autofree char *message = NULL;
      GtkWidget       *label;
      AdwToast        *toast;

      /* A damaged database is the one thing a backup exists for: said
       * in full, and until the user has seen it (no timeout). */
      if (g_error_matches (error, RAPPORT_BACKUP_ERROR, RAPPORT_BACKUP_ERROR_DAMAGED))
        message = g_strdup_printf (_("Today’s backup was not made. %s."), error->message);
      else
        message = g_strdup_printf (_("The daily backup failed: %s"), error->message);
      label = gtk_label_new (message);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      toast = adw_toast_new (message);
      adw_toast_set_custom_title (toast, label);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (RAPPORT_WINDOW (window)->toast_overlay, toast);
    }
}

/* Once the window is up, not before: start-up must stay quick. */
static gboolean
start_daily_backup (gpointer data)
{
  RapportApplication *self = data;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  self->backup_source = 0;
  if (self->store != NULL)
    rapport_backup_maybe_daily_async (self->store, g_settings_get_int (settings, "backup-keep"),
                                      self->cancellable, on_daily_backup_done,
                                      g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
rapport_application_activate (GApplication *app)
{
  RapportApplication *self = RAPPORT_APPLICATION (app);
  GtkWindow          *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(GError) error = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->store == NULL)
    {
      self->store = rapport_store_open (self->database_path, &error);
      if (self->store == NULL)
        {
          show_open_error (self, error);
          return;
        }
    }

  window = GTK_WINDOW (rapport_window_new (ADW_APPLICATION (app), self->store));
  gtk_window_present (window);
  if (self->startup_action != NULL)
    {
      const char *action = g_steal_pointer (&self->startup_action);

      g_action_group_activate_action (G_ACTION_GROUP (app), action, NULL);
    }

  if (g_getenv ("RAPPORT_NO_DAILY_BACKUP") == NULL && self->backup_source == 0)
    self->backup_source = g_timeout_add_seconds (5, start_daily_backup, self);
}

static void
rapport_application_shutdown (GApplication *app)
{
  RapportApplication *self = RAPPORT_APPLICATION (app);

  /* Windows flush their editors on close; make sure of it on Ctrl+Q too. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (RAPPORT_IS_WINDOW (l->data))
      rapport_window_flush (l->data);

  g_clear_handle_id (&self->backup_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->reminders);

  G_APPLICATION_CLASS (rapport_application_parent_class)->shutdown (app);
  g_clear_object (&self->store);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList          *windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing the windows ends the app once the last is gone; a window
   * with notes it could not save asks first instead of closing. */
  for (GList *l = windows; l; l = l->next)
    {
      /* Else a window closes only the dialog it shows (Preferences). */
      rapport_dialog_close_all (l->data);
      gtk_window_close (l->data);
    }
  g_list_free (windows);
  /* All closed: also end what would outlive the windows (a service
   * started for the desktop's search, or one kept for reminders). */
  if (gtk_application_get_windows (app) == NULL)
    g_application_quit (G_APPLICATION (app));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char     *developers[] = { _("The Rapport developers"), NULL };

  rapport_about_show (GTK_WIDGET (gtk_application_get_active_window (app)),
                      "application-name", _("Rapport"),
                      "application-icon", APP_ID,
                      "developer-name", _("The Rapport developers"),
                      "version", PACKAGE_VERSION,
                      "comments", _("A private journal for one-on-one meetings that helps you build trust with your team."),
                      "license-type", GTK_LICENSE_GPL_3_0,
                      "developers", developers,
                      "translator-credits", _("translator-credits"),
                      NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data);

/* A session ending or a Ctrl+C in a terminal: save what was typed, then go. */
static gboolean
on_quit_signal (gpointer user_data)
{
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);
  return G_SOURCE_CONTINUE;
}

static gboolean
reopen_database (gpointer data)
{
  RapportApplication *self = data;
  g_autoptr(GError) error = NULL;
  GList        *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  RapportStore *store;

  /* Hold on so that closing the last window does not end the app. */
  g_application_hold (G_APPLICATION (self));
  for (GList *l = windows; l; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);

  g_clear_object (&self->store);
  store = rapport_store_open (self->database_path, &error);
  if (store == NULL)
    show_open_error (self, error);
  else
    {
      RapportWindow *window = rapport_window_new (ADW_APPLICATION (self), store);

      self->store = store;
      gtk_window_present (GTK_WINDOW (window));
      rapport_window_add_toast (window, _("Restored from the backup. What was here before is "
                                           "kept in the backups folder."));
    }
  g_application_release (G_APPLICATION (self));
  return G_SOURCE_REMOVE;
}

static void
reopen_database_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  /* From an idle: the caller is usually inside the window being replaced. */
  g_idle_add_full (G_PRIORITY_DEFAULT, reopen_database, g_object_ref (user_data), g_object_unref);
}

/* A reminder's notification: that person's brief. */
static void
show_person_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  gint64 person_id = g_variant_get_int64 (parameter);

  if (person_id > 0)
    rapport_search_provider_open (GTK_APPLICATION (user_data), person_id, 0, -1, 0, GDK_CURRENT_TIME);
}

/* The desktop file's "This Week": the window, on its home page. */
static void
show_this_week_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GApplication *app = user_data;
  GtkWindow    *window;

  g_application_activate (app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (RAPPORT_IS_WINDOW (window))
    rapport_window_show_this_week (RAPPORT_WINDOW (window));
}

/* The desktop file's "New Talking Point": the window, and its quick-add
 * (Ctrl+T) over it. */
static void
new_talking_point_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GApplication *app = user_data;
  GtkWindow    *window;

  g_application_activate (app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (RAPPORT_IS_WINDOW (window))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.add-topic", NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "reopen-database", reopen_database_action },
  { "show-person", show_person_action, "x" },
  { "show-this-week", show_this_week_action },
  { "new-talking-point", new_talking_point_action },
};

/* libadwaita's development style (a striped header bar) on every window
 * of a development build, so it is never taken for the real journal. */
static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  gtk_widget_add_css_class (GTK_WIDGET (window), "devel");
}

static void
rapport_application_startup (GApplication *app)
{
  RapportApplication *self = RAPPORT_APPLICATION (app);

  G_APPLICATION_CLASS (rapport_application_parent_class)->startup (app);

  rapport_accessible_name_menu_items ();
  if (g_str_equal (PROFILE, "development"))
    g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  /* Started by D-Bus for the desktop's search (see the service file in
   * data/), or at login for reminders: stay a while for the next
   * keystroke's query, then go (unless reminders hold the app). */
  if (g_application_get_flags (app) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (app, 10000);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  if (self->database_path == NULL)
    self->database_path = default_database_path ();
  self->reminders = rapport_reminders_new (app, self->database_path);
  g_unix_signal_add (SIGTERM, on_quit_signal, app);
  g_unix_signal_add (SIGINT, on_quit_signal, app);
  g_unix_signal_add (SIGHUP, on_quit_signal, app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit",
                                         (const char *[]){ "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         (const char *[]){ "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close",
                                         (const char *[]){ "<Control>w", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         (const char *[]){ "<Control>question", NULL });
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  RapportApplication       *self = user_data;
  GtkWindow                *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  RapportPreferencesWindow *prefs;

  if (window == NULL || self->store == NULL)
    return;
  prefs = rapport_preferences_window_new (window, self->store);
  if (RAPPORT_IS_WINDOW (window))
    g_signal_connect_object (prefs, "habits-changed",
                             G_CALLBACK (rapport_window_habits_changed), window, G_CONNECT_SWAPPED);
  rapport_preferences_window_present (prefs);
}

/* GNOME Shell's search in the Activities overview: exported with the
 * application, at the path the search-provider .ini in data/ names. */
static gboolean
rapport_application_dbus_register (GApplication    *app,
                                   GDBusConnection *connection,
                                   const char      *object_path,
                                   GError         **error)
{
  RapportApplication *self = RAPPORT_APPLICATION (app);
  g_autofree char    *path = g_strconcat (object_path, "/SearchProvider", NULL);

  if (!G_APPLICATION_CLASS (rapport_application_parent_class)->dbus_register (app, connection, object_path, error))
    return FALSE;
  if (self->database_path == NULL)
    self->database_path = default_database_path ();
  self->search_provider = rapport_search_provider_new (GTK_APPLICATION (app), self->database_path);
  return rapport_search_provider_register (self->search_provider, connection, path, error);
}

static void
rapport_application_dbus_unregister (GApplication    *app,
                                     GDBusConnection *connection,
                                     const char      *object_path)
{
  RapportApplication *self = RAPPORT_APPLICATION (app);

  if (self->search_provider != NULL)
    rapport_search_provider_unregister (self->search_provider);
  g_clear_object (&self->search_provider);

  G_APPLICATION_CLASS (rapport_application_parent_class)->dbus_unregister (app, connection, object_path);
}

static void
rapport_application_finalize (GObject *object)
{
  RapportApplication *self = RAPPORT_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (rapport_application_parent_class)->finalize (object);
}

static void
rapport_application_class_init (RapportApplicationClass *klass)
{
  GObjectClass      *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = rapport_application_finalize;
  app_class->handle_local_options = rapport_application_handle_local_options;
  app_class->activate = rapport_application_activate;
  app_class->startup = rapport_application_startup;
  app_class->shutdown = rapport_application_shutdown;
  app_class->dbus_register = rapport_application_dbus_register;
  app_class->dbus_unregister = rapport_application_dbus_unregister;
}

static void
rapport_application_init (RapportApplication *self)
{
  self->cancellable = g_cancellable_new ();
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Prepare, hold and review your one-on-one meetings."));
}

RapportApplication *
rapport_application_new (void)
{
  return g_object_new (RAPPORT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/rapport/Rapport",
                       NULL);
}

RapportStore *
rapport_application_get_store (RapportApplication *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), NULL);
  return self->store;
}
