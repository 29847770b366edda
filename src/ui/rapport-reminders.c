/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-reminders"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rapport-reminder.h"
#include "rapport-reminders.h"
#include "rapport-store.h"

/* After start, so as not to slow it; then every hour. */
#define FIRST_CHECK_SECONDS 3
#define CHECK_EVERY_SECONDS 3600
/* Marks the autostart entry as ours, so only ours is ever removed. */
#define AUTOSTART_MARK "X-Rapport-Reminders"

struct _RapportReminders
{
  GObject       parent_instance;

  GApplication *application; /* not owned: the application owns us */
  char         *database_path;
  GSettings    *settings;
  gboolean      held;
  /* The portal said no to running in the background: not held again
   * until the setting is switched on anew. */
  gboolean      background_refused;
  guint         first_check;
  guint         hourly_check;
  guint         portal_response;
};

G_DEFINE_FINAL_TYPE (RapportReminders, rapport_reminders, G_TYPE_OBJECT)

/* GLib's own rule for when to go through portals. */
static gboolean
use_portal (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS) ||
         g_strcmp0 (g_getenv ("GIO_USE_PORTALS"), "1") == 0;
}

static char *
autostart_path (void)
{
  g_autofree char *name = g_strconcat (APP_ID, ".desktop", NULL);

  return g_build_filename (g_get_user_config_dir (), "autostart", name, NULL);
}

/* An argument of a desktop file's Exec line, quoted as the Desktop Entry
 * specification says when it has to be (g_shell_quote()'s single quotes
 * are not understood there). */
static char *
exec_quote (const char *arg)
{
  GString *out;

  if (strpbrk (arg, " \t\n\"'\\><~|&;$*?#()`") == NULL)
    return g_strdup (arg);
  out = g_string_new ("\"");
  for (const char *p = arg; *p != '\0'; p++)
    {
      if (strchr ("\"`$\\", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

static void
write_autostart (void)
{
  g_autofree char *path = autostart_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *quoted = exec_quote (exe != NULL ? exe : "rapport");
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *exec = g_strdup_printf ("%s --gapplication-service", quoted);
  const char      *group = G_KEY_FILE_DESKTOP_GROUP;

  g_key_file_set_string (file, group, G_KEY_FILE_DESKTOP_KEY_TYPE, G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  g_key_file_set_string (file, group, G_KEY_FILE_DESKTOP_KEY_NAME, _("Rapport"));
  g_key_file_set_string (file, group, G_KEY_FILE_DESKTOP_KEY_COMMENT, _("Reminds you of due 1:1s"));
  g_key_file_set_string (file, group, G_KEY_FILE_DESKTOP_KEY_EXEC, exec);
  g_key_file_set_string (file, group, G_KEY_FILE_DESKTOP_KEY_ICON, APP_ID);
  g_key_file_set_boolean (file, group, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (file, group, "X-GNOME-Autostart-enabled", TRUE);
  g_key_file_set_boolean (file, group, AUTOSTART_MARK, TRUE);

  if (g_mkdir_with_parents (dir, 0700) != 0 || !g_key_file_save_to_file (file, path, &error))
    g_warning ("Could not write %s, so reminders will not start with the session: %s",
               path, error != NULL ? error->message : g_strerror (errno));
}

static void
remove_autostart (void)
{
  g_autofree char *path = autostart_path ();
  g_autoptr(GKeyFile) file = g_key_file_new ();

  /* Someone else's entry of that name is left alone. */
  if (g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL) &&
      g_key_file_get_boolean (file, G_KEY_FILE_DESKTOP_GROUP, AUTOSTART_MARK, NULL))
    g_unlink (path);
}

static void
release (RapportReminders *self)
{
  if (!self->held)
    return;
  self->held = FALSE;
  g_application_release (self->application);
}

static void
on_portal_response (GDBusConnection *connection,
                    const char      *sender,
                    const char      *path,
                    const char      *interface,
                    const char      *signal,
                    GVariant        *parameters,
                    gpointer         user_data)
{
  RapportReminders *self = user_data;
  g_autoptr(GVariant) results = NULL;
  gboolean background = FALSE;
  guint32  response;

  g_dbus_connection_signal_unsubscribe (connection, self->portal_response);
  self->portal_response = 0;
  g_variant_get (parameters, "(u@a{sv})", &response, &results);
  g_variant_lookup (results, "background", "b", &background);
  if (response == 0 && background)
    return;

  /* Refused: remind while the window is open, and go when it closes. */
  g_message ("Running in the background was not allowed; reminders come while Rapport is open");
  self->background_refused = TRUE;
  release (self);
}

/* The portal's Background request; @run_in_background FALSE takes the
 * autostart back. */
static void
request_from_portal (RapportReminders *self,
                     gboolean          run_in_background)
{
  GDBusConnection *connection = g_application_get_dbus_connection (self->application);
  g_autofree char *token = g_strdup_printf ("rapport%u", g_random_int ());
  g_autofree char *sender = NULL;
  g_autofree char *handle = NULL;
  const char      *commandline[] = { "rapport", "--gapplication-service", NULL };
  GVariantBuilder  options;

  if (connection == NULL)
    return;

  /* The request's path is known before the call: listen first. */
  sender = g_strdup (g_dbus_connection_get_unique_name (connection) + 1);
  g_strdelimit (sender, ".", '_');
  handle = g_strdup_printf ("/org/freedesktop/portal/desktop/request/%s/%s", sender, token);
  if (run_in_background && self->portal_response == 0)
    self->portal_response =
      g_dbus_connection_signal_subscribe (connection, "org.freedesktop.portal.Desktop",
                                          "org.freedesktop.portal.Request", "Response", handle,
                                          NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                          on_portal_response, self, NULL);

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("To remind you of due 1:1s after the window is closed")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (run_in_background));
  g_variant_builder_add (&options, "{sv}", "commandline", g_variant_new_strv (commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));
  g_dbus_connection_call (connection, "org.freedesktop.portal.Desktop",
                          "/org/freedesktop/portal/desktop", "org.freedesktop.portal.Background",
                          "RequestBackground", g_variant_new ("(sa{sv})", "", &options),
                          G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL, NULL);
}

static gboolean
on_first_check (gpointer data)
{
  RapportReminders *self = data;

  self->first_check = 0;
  rapport_reminders_check (self);
  return G_SOURCE_REMOVE;
}

static gboolean
on_hourly_check (gpointer data)
{
  rapport_reminders_check (data);
  return G_SOURCE_CONTINUE;
}

static void
update (RapportReminders *self)
{
  gboolean on = g_settings_get_boolean (self->settings, "remind-due");

  if (on && self->hourly_check == 0)
    {
      if (!self->background_refused && !self->held)
        {
          self->held = TRUE;
          g_application_hold (self->application);
        }
      if (use_portal ())
        request_from_portal (self, TRUE);
      else
        write_autostart ();
      self->first_check = g_timeout_add_seconds (FIRST_CHECK_SECONDS, on_first_check, self);
      self->hourly_check = g_timeout_add_seconds (CHECK_EVERY_SECONDS, on_hourly_check, self);
    }
  else if (!on && self->hourly_check != 0)
    {
      g_clear_handle_id (&self->first_check, g_source_remove);
      g_clear_handle_id (&self->hourly_check, g_source_remove);
      g_application_withdraw_notification (self->application, RAPPORT_REMINDERS_NOTIFICATION_ID);
      if (use_portal ())
        request_from_portal (self, FALSE);
      else
        remove_autostart ();
      self->background_refused = FALSE;
      release (self);
    }
}

gboolean
rapport_reminders_check (RapportReminders *self)
{
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportReminder) reminder = NULL;
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GIcon) icon = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (RAPPORT_IS_REMINDERS (self), FALSE);

  if (!g_settings_get_boolean (self->settings, "remind-due"))
    return FALSE;
  today = rapport_store_today ();
  last = g_settings_get_string (self->settings, "last-reminder");
  if (g_str_equal (today, last) || !g_file_test (self->database_path, G_FILE_TEST_EXISTS))
    return FALSE;

  /* Read-only: a reminder never writes to, creates or migrates the
   * journal, and never waits for the window's writes. */
  store = rapport_store_open_read_only (self->database_path, &error);
  if (store != NULL)
    reminder = rapport_reminder_compute (store, today, &error);
  if (error != NULL)
    {
      g_debug ("No reminder: %s", error->message);
      return FALSE;
    }
  /* Nothing due yet: a promise for today may still be added. */
  if (reminder == NULL)
    return FALSE;

  notification = g_notification_new (rapport_reminder_get_title (reminder));
  g_notification_set_body (notification, rapport_reminder_get_body (reminder));
  icon = g_themed_icon_new (APP_ID);
  g_notification_set_icon (notification, icon);
  g_notification_set_default_action_and_target (notification, "app.show-person", "x",
                                                rapport_reminder_get_person_id (reminder));
  g_application_send_notification (self->application, RAPPORT_REMINDERS_NOTIFICATION_ID, notification);
  g_settings_set_string (self->settings, "last-reminder", today);
  return TRUE;
}

static void
rapport_reminders_dispose (GObject *object)
{
  RapportReminders *self = RAPPORT_REMINDERS (object);

  g_clear_handle_id (&self->first_check, g_source_remove);
  g_clear_handle_id (&self->hourly_check, g_source_remove);
  if (self->portal_response != 0)
    {
      GDBusConnection *connection = g_application_get_dbus_connection (self->application);

      if (connection != NULL)
        g_dbus_connection_signal_unsubscribe (connection, self->portal_response);
      self->portal_response = 0;
    }
  release (self);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rapport_reminders_parent_class)->dispose (object);
}

static void
rapport_reminders_finalize (GObject *object)
{
  RapportReminders *self = RAPPORT_REMINDERS (object);

  g_free (self->database_path);

  G_OBJECT_CLASS (rapport_reminders_parent_class)->finalize (object);
}

static void
rapport_reminders_class_init (RapportRemindersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_reminders_dispose;
  object_class->finalize = rapport_reminders_finalize;
}

static void
rapport_reminders_init (RapportReminders *self)
{
  self->settings = g_settings_new (APP_ID);
}

RapportReminders *
rapport_reminders_new (GApplication *application,
                       const char   *database_path)
{
  RapportReminders *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (database_path != NULL, NULL);

  self = g_object_new (RAPPORT_TYPE_REMINDERS, NULL);
  self->application = application;
  self->database_path = g_strdup (database_path);
  g_signal_connect_object (self->settings, "changed::remind-due", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  /* Opening the app in the morning is a good moment too. */
  g_signal_connect_object (application, "activate", G_CALLBACK (rapport_reminders_check), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  update (self);
  return self;
}
