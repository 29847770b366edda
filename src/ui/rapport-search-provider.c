/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-search-provider"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rapport-brief.h"
#include "rapport-platform.h"
#include "rapport-search-panel.h"
#include "rapport-search-provider.h"
#include "rapport-search.h"
#include "rapport-store.h"
#include "rapport-window.h"

#define INTERFACE_NAME "org.gnome.Shell.SearchProvider2"

/* What GetResultMetas tells of one result: kept from the search that
 * found it, since the shell asks right after. */
typedef struct
{
  char       *name;
  char       *description;
  const char *icon_name;
} Meta;

struct _RapportSearchProvider
{
  GObject          parent_instance;

  GtkApplication  *application; /* not owned: the application owns us */
  char            *database_path;
  GSettings       *settings;

  /* Read-only, opened on first use and again when the file at
   * database_path is another one (a restore puts a new file there). */
  RapportStore    *store;
  dev_t            store_dev;
  ino_t            store_ino;

  GDBusConnection *connection;
  guint            registration_id;
  GHashTable      *metas; /* result id → Meta */
};

G_DEFINE_FINAL_TYPE (RapportSearchProvider, rapport_search_provider, G_TYPE_OBJECT)

static void
meta_free (gpointer data)
{
  Meta *meta = data;

  g_free (meta->name);
  g_free (meta->description);
  g_free (meta);
}

/* The first letter of a result's identifier: its kind; 0 for a kind this
 * provider does not offer. */
static char
kind_letter (RapportSearchKind kind)
{
  switch (kind)
    {
    case RAPPORT_SEARCH_KIND_NOTE: return 'n';
    case RAPPORT_SEARCH_KIND_COMMITMENT: return 'c';
    case RAPPORT_SEARCH_KIND_EVIDENCE: return 'e';
    case RAPPORT_SEARCH_KIND_PERSON: return 'p';
    case RAPPORT_SEARCH_KIND_TALKING_POINT: return 't';
    default: return 0;
    }
}

/* A result's identifier says what to open: its kind and row, the person,
 * the meeting (0 for a name or a waiting talking point) and where the
 * words are in the notes. NULL for a kind not offered. */
static char *
result_id (RapportSearchResult *result)
{
  char letter = kind_letter (rapport_search_result_get_kind (result));

  if (letter == 0)
    return NULL;
  return g_strdup_printf ("%c%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%d:%d",
                          letter,
                          rapport_search_result_get_source_id (result),
                          rapport_search_result_get_person_id (result),
                          rapport_search_result_get_meeting_id (result),
                          rapport_search_result_get_match_offset (result),
                          rapport_search_result_get_match_length (result));
}

static gboolean
parse_result_id (const char *id,
                 gint64     *person_id,
                 gint64     *meeting_id,
                 int        *offset,
                 int        *length)
{
  /* person, meeting, offset, length: the smallest each may be */
  static const gint64 minimum[] = { 1, 0, -1, 0 };
  g_auto (GStrv) parts = NULL;
  gint64 values[4];

  if (id == NULL || id[0] == '\0' || strchr ("ncept", id[0]) == NULL)
    return FALSE;
  parts = g_strsplit (id + 1, ":", -1);
  if (g_strv_length (parts) != 5)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    if (!g_ascii_string_to_signed (parts[i + 1], 10, minimum[i], i < 2 ? G_MAXINT64 : G_MAXINT,
                                   &values[i], NULL))
      return FALSE;
  *person_id = values[0];
  *meeting_id = values[1];
  *offset = (int) values[2];
  *length = (int) values[3];
  return TRUE;
}

/* The snippet as one line of plain text: the shell marks the terms itself. */
static char *
plain_snippet (const char *snippet)
{
  GString *out = g_string_new (NULL);

  for (const char *p = snippet; p != NULL && *p != '\0'; p++)
    if (*p != RAPPORT_SEARCH_MARK_START[0] && *p != RAPPORT_SEARCH_MARK_END[0])
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static Meta *
meta_for (RapportSearchResult *result,
          const char          *today)
{
  Meta            *meta = g_new0 (Meta, 1);
  g_autofree char *snippet = plain_snippet (rapport_search_result_get_snippet (result));
  const char      *date = rapport_search_result_get_date (result);
  g_autofree char *day = date != NULL ? rapport_brief_format_date (date, today) : NULL;

  meta->name = g_strdup (rapport_search_result_get_person_name (result));
  switch (rapport_search_result_get_kind (result))
    {
    case RAPPORT_SEARCH_KIND_PERSON:
      meta->description = g_strdup (_("Person on your team"));
      meta->icon_name = "avatar-default-symbolic";
      return meta;
    case RAPPORT_SEARCH_KIND_TALKING_POINT:
      meta->icon_name = "mail-mark-important-symbolic";
      if (day == NULL)
        {
          /* Translators: a search result in the desktop's search: a
           * topic waiting for the next 1:1. */
          meta->description = g_strdup_printf (_("To talk about: %s"), snippet);
          return meta;
        }
      break;
    case RAPPORT_SEARCH_KIND_COMMITMENT:
      meta->icon_name = "object-select-symbolic";
      break;
    case RAPPORT_SEARCH_KIND_NOTE:
    case RAPPORT_SEARCH_KIND_EVIDENCE:
    default:
      meta->icon_name = "document-edit-symbolic";
      break;
    }
  /* Translators: a search result in the desktop's search: the date of
   * the 1:1 and the words around the match. */
  meta->description = g_strdup_printf (_("%s: %s"), day != NULL ? day : "", snippet);
  return meta;
}

static RapportStore *
get_store (RapportSearchProvider *self)
{
  GStatBuf st;
  g_autoptr(GError) error = NULL;

  if (g_stat (self->database_path, &st) != 0)
    {
      /* No journal yet: nothing to find, and nothing is made here. */
      g_clear_object (&self->store);
      return NULL;
    }
  if (self->store != NULL && (st.st_dev != self->store_dev || st.st_ino != self->store_ino))
    g_clear_object (&self->store);
  if (self->store == NULL)
    {
      self->store = rapport_store_open_read_only (self->database_path, &error);
      if (self->store == NULL)
        {
          g_debug ("Not searching: %s", error->message);
          return NULL;
        }
      self->store_dev = st.st_dev;
      self->store_ino = st.st_ino;
    }
  return self->store;
}

GStrv
rapport_search_provider_search (RapportSearchProvider *self,
                                const char *const     *terms)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GListStore) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *today = NULL;
  RapportStore    *store;
  guint            n;

  g_return_val_if_fail (RAPPORT_IS_SEARCH_PROVIDER (self), NULL);
  g_return_val_if_fail (terms != NULL, NULL);

  if (!g_settings_get_boolean (self->settings, "show-in-system-search") ||
      (store = get_store (self)) == NULL)
    return g_strv_builder_end (ids);

  text = g_strjoinv (" ", (char **) terms);
  results = rapport_search_run (store, text, RAPPORT_SEARCH_PROVIDER_LIMIT, &error);
  if (results == NULL)
    {
      g_debug ("Search for the desktop failed: %s", error->message);
      return g_strv_builder_end (ids);
    }

  /* Only the newest search's results are asked about. */
  g_hash_table_remove_all (self->metas);
  today = rapport_store_today ();
  n = g_list_model_get_n_items (G_LIST_MODEL (results));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportSearchResult) result = g_list_model_get_item (G_LIST_MODEL (results), i);
      char *id = result_id (result);

      if (id == NULL)
        continue;
      g_strv_builder_add (ids, id);
      g_hash_table_replace (self->metas, id, meta_for (result, today));
    }
  return g_strv_builder_end (ids);
}

static GVariant *
get_result_metas (RapportSearchProvider *self,
                  const char *const     *ids)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  if (!g_settings_get_boolean (self->settings, "show-in-system-search"))
    return g_variant_builder_end (&builder);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      Meta *meta = g_hash_table_lookup (self->metas, ids[i]);
      g_autoptr(GIcon) icon = NULL;

      /* An identifier of an older search, or made up: not ours to name. */
      if (meta == NULL)
        continue;
      icon = g_themed_icon_new (meta->icon_name);
      g_variant_builder_open (&builder, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&builder, "{sv}", "id", g_variant_new_string (ids[i]));
      g_variant_builder_add (&builder, "{sv}", "name", g_variant_new_string (meta->name));
      g_variant_builder_add (&builder, "{sv}", "description", g_variant_new_string (meta->description));
      g_variant_builder_add (&builder, "{sv}", "gicon", g_icon_serialize (icon));
      g_variant_builder_close (&builder);
    }
  return g_variant_builder_end (&builder);
}

/* The journal's window, opened (as the app's icon would) if need be. */
static RapportWindow *
present_window (GtkApplication *application,
                guint32         timestamp)
{
  g_application_activate (G_APPLICATION (application));
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (RAPPORT_IS_WINDOW (l->data))
      {
        rapport_window_present_at (l->data, timestamp);
        return l->data;
      }
  /* The database could not be opened: that window says why. */
  return NULL;
}

void
rapport_search_provider_open (GtkApplication *application,
                              gint64          person_id,
                              gint64          meeting_id,
                              int             offset,
                              int             length,
                              guint32         timestamp)
{
  RapportWindow *window;
  GtkWidget     *panel;

  g_return_if_fail (GTK_IS_APPLICATION (application));
  g_return_if_fail (person_id > 0 && meeting_id >= 0);

  window = present_window (application, timestamp);
  if (window == NULL)
    return;
  panel = rapport_window_get_search_panel (window);

  /* Opened as a result of the window's own search is: the meeting with
   * the words selected, or the person's brief for a name. */
  g_object_set (window, "history-mode", FALSE, NULL);
  g_signal_emit_by_name (panel, "open-result", person_id, meeting_id, offset, length);
}

static void
activate_result (RapportSearchProvider *self,
                 const char            *id,
                 guint32                timestamp)
{
  gint64 person_id, meeting_id;
  int    offset, length;

  if (!parse_result_id (id, &person_id, &meeting_id, &offset, &length))
    {
      g_debug ("Not a result of ours: %s", id);
      return;
    }
  rapport_search_provider_open (self->application, person_id, meeting_id, offset, length, timestamp);
}

static void
launch_search (RapportSearchProvider *self,
               const char *const     *terms,
               guint32                timestamp)
{
  RapportWindow   *window = present_window (self->application, timestamp);
  g_autofree char *text = g_strjoinv (" ", (char **) terms);
  GtkWidget       *panel;

  if (window == NULL)
    return;
  panel = rapport_window_get_search_panel (window);
  g_object_set (window, "search-mode", TRUE, NULL);
  rapport_search_panel_set_text (RAPPORT_SEARCH_PANEL (panel), text);
  rapport_search_panel_refresh (RAPPORT_SEARCH_PANEL (panel));
}

static void
method_call (GDBusConnection       *connection,
             const char            *sender,
             const char            *object_path,
             const char            *interface_name,
             const char            *method_name,
             GVariant              *parameters,
             GDBusMethodInvocation *invocation,
             gpointer               user_data)
{
  RapportSearchProvider *self = user_data;
  GApplication          *app = G_APPLICATION (self->application);

  /* A service started for the shell stays while it is being asked. */
  g_application_hold (app);

  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      g_autofree const char **terms = NULL;
      g_auto (GStrv) ids = NULL;

      g_variant_get (parameters, "(^a&s)", &terms);
      ids = rapport_search_provider_search (self, terms);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", ids));
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      g_autofree const char **previous = NULL;
      g_autofree const char **terms = NULL;
      g_auto (GStrv) ids = NULL;

      /* More words narrow the search; running it again is as quick as
       * filtering, and ranks the narrower matches afresh. */
      g_variant_get (parameters, "(^a&s^a&s)", &previous, &terms);
      ids = rapport_search_provider_search (self, terms);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", ids));
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_autofree const char **ids = NULL;

      g_variant_get (parameters, "(^a&s)", &ids);
      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(@aa{sv})", get_result_metas (self, ids)));
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      const char             *id;
      g_autofree const char **terms = NULL;
      guint32                 timestamp;

      g_variant_get (parameters, "(&s^a&su)", &id, &terms, &timestamp);
      activate_result (self, id, timestamp);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_autofree const char **terms = NULL;
      guint32                 timestamp;

      g_variant_get (parameters, "(^a&su)", &terms, &timestamp);
      launch_search (self, terms, timestamp);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                           "No method %s", method_name);

  g_application_release (app);
}

static const GDBusInterfaceVTable vtable = { method_call, NULL, NULL, { 0 } };

gboolean
rapport_search_provider_register (RapportSearchProvider *self,
                                  GDBusConnection       *connection,
                                  const char            *object_path,
                                  GError               **error)
{
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GDBusNodeInfo) node = NULL;
  GDBusInterfaceInfo *info;

  g_return_val_if_fail (RAPPORT_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), FALSE);
  g_return_val_if_fail (self->registration_id == 0, FALSE);

  xml = g_resources_lookup_data ("/io/github/rapport/Rapport/ui/org.gnome.Shell.SearchProvider2.xml",
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (xml == NULL)
    return FALSE;
  node = g_dbus_node_info_new_for_xml (g_bytes_get_data (xml, NULL), error);
  if (node == NULL)
    return FALSE;
  info = g_dbus_node_info_lookup_interface (node, INTERFACE_NAME);
  g_assert (info != NULL);

  self->registration_id = g_dbus_connection_register_object (connection, object_path, info,
                                                             &vtable, self, NULL, error);
  if (self->registration_id == 0)
    return FALSE;
  self->connection = g_object_ref (connection);
  return TRUE;
}

void
rapport_search_provider_unregister (RapportSearchProvider *self)
{
  g_return_if_fail (RAPPORT_IS_SEARCH_PROVIDER (self));

  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
  g_clear_object (&self->connection);
}

static void
rapport_search_provider_dispose (GObject *object)
{
  RapportSearchProvider *self = RAPPORT_SEARCH_PROVIDER (object);

  rapport_search_provider_unregister (self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rapport_search_provider_parent_class)->dispose (object);
}

static void
rapport_search_provider_finalize (GObject *object)
{
  RapportSearchProvider *self = RAPPORT_SEARCH_PROVIDER (object);

  g_clear_pointer (&self->metas, g_hash_table_unref);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (rapport_search_provider_parent_class)->finalize (object);
}

static void
rapport_search_provider_class_init (RapportSearchProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_search_provider_dispose;
  object_class->finalize = rapport_search_provider_finalize;
}

static void
rapport_search_provider_init (RapportSearchProvider *self)
{
  self->metas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, meta_free);
  self->settings = g_settings_new (APP_ID);
}

RapportSearchProvider *
rapport_search_provider_new (GtkApplication *application,
                             const char     *database_path)
{
  RapportSearchProvider *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (database_path != NULL, NULL);

  self = g_object_new (RAPPORT_TYPE_SEARCH_PROVIDER, NULL);
  self->application = application;
  self->database_path = g_strdup (database_path);
  return self;
}
