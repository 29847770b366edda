/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Results offered to the desktop's search at most; GNOME Shell shows a
 * few of them and refines as the user types. */
#define RAPPORT_SEARCH_PROVIDER_LIMIT 20

#define RAPPORT_TYPE_SEARCH_PROVIDER (rapport_search_provider_get_type ())
G_DECLARE_FINAL_TYPE (RapportSearchProvider, rapport_search_provider, RAPPORT, SEARCH_PROVIDER, GObject)

/* GNOME Shell's search in the Activities overview
 * (org.gnome.Shell.SearchProvider2), answered from the notes,
 * commitments, habit evidence and people's names of the database at
 * @database_path, through a read-only connection of its own (see
 * rapport_store_open_read_only()): the window's writes are never held up
 * and the file is never written, created or migrated from here. Nothing is
 * found while the "show-in-system-search" setting is off.
 *
 * Activating a result opens (or raises) @application's window on that
 * meeting with the words selected, or on the person's brief; "search in
 * the app" opens the window's search with the terms. */
RapportSearchProvider *rapport_search_provider_new        (GtkApplication         *application,
                                                           const char             *database_path);
/* Exports the interface at @object_path on @connection. */
gboolean               rapport_search_provider_register   (RapportSearchProvider  *self,
                                                           GDBusConnection        *connection,
                                                           const char             *object_path,
                                                           GError                **error);
void                   rapport_search_provider_unregister (RapportSearchProvider  *self);

/* What GetInitialResultSet answers for @terms: result identifiers, best
 * first; empty while the setting is off or the database cannot be read. */
GStrv                  rapport_search_provider_search     (RapportSearchProvider  *self,
                                                           const char * const     *terms);

/* Opens (or raises) @application's window on what a search result names,
 * as the window's own search does: meeting @meeting_id of @person_id with
 * @length characters from character @offset of its notes selected (-1:
 * none), or the person's brief when @meeting_id is 0. */
void                   rapport_search_provider_open       (GtkApplication         *application,
                                                           gint64                  person_id,
                                                           gint64                  meeting_id,
                                                           int                     offset,
                                                           int                     length,
                                                           guint32                 timestamp);

G_END_DECLS
