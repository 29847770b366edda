/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The notification's identifier: a later one of the same day replaces it. */
#define RAPPORT_REMINDERS_NOTIFICATION_ID "due-today"

#define RAPPORT_TYPE_REMINDERS (rapport_reminders_get_type ())
G_DECLARE_FINAL_TYPE (RapportReminders, rapport_reminders, RAPPORT, REMINDERS, GObject)

/* While the "remind-due" setting is on (it is off unless the user turns it
 * on in Preferences), @application is held so that it keeps running after
 * its window is closed, asks to run in the background (the XDG Background
 * portal when sandboxed, else an autostart entry in
 * $XDG_CONFIG_HOME/autostart, removed again when the setting goes off),
 * and sends at most one notification a day (the "last-reminder" setting)
 * naming the 1:1s due or overdue and my promises due today
 * (rapport_reminder_compute() on a read-only connection to
 * @database_path). It looks a few seconds after start, every hour, and
 * whenever the app is activated. Activating the notification runs
 * "app.show-person" with the person's id. */
RapportReminders *rapport_reminders_new   (GApplication     *application,
                                           const char       *database_path);
/* Sends today's reminder now, unless it was sent today already, the
 * setting is off or nothing is due. TRUE if one was sent. */
gboolean          rapport_reminders_check (RapportReminders *self);

G_END_DECLS
