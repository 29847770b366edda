/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "rapport-exchange-private.h"

/* ------------------------------------------------------------------ *
 * Checking what a file says
 * ------------------------------------------------------------------ */


void
rapport_exchange_document_clear (Document *doc)
{
  g_clear_pointer (&doc->people, g_array_unref);
  g_clear_pointer (&doc->habits, g_array_unref);
  g_clear_pointer (&doc->meetings, g_array_unref);
  g_clear_pointer (&doc->ticks, g_array_unref);
  g_clear_pointer (&doc->commitments, g_array_unref);
  g_clear_pointer (&doc->uuids, g_hash_table_unref);
}

void
rapport_exchange_invalid (GError     **error,
                          const char  *path,
                          const char  *format,
                          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_INVALID,
               "%s: %s", path, message);
}

/* rapport_exchange_invalid() for the member @name of the object at @base.
 * Returns FALSE, for the caller to return. */
static gboolean invalid_member (GError     **error,
                                const char  *base,
                                const char  *name,
                                const char  *format,
                                ...) G_GNUC_PRINTF (4, 5);

static gboolean
invalid_member (GError     **error,
                const char  *base,
                const char  *name,
                const char  *format,
                ...)
{
  g_autofree char *path = g_strconcat (base, ".", name, NULL);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  rapport_exchange_invalid (error, path, "%s", message);
  return FALSE;
}

/* UUIDs compare without regard to case; the database holds lower case. */
guint
rapport_exchange_uuid_hash (gconstpointer key)
{
  guint h = 5381;

  for (const char *p = key; *p; p++)
    h = h * 33 + (guint) g_ascii_tolower (*p);
  return h;
}

gboolean
rapport_exchange_uuid_equal (gconstpointer a,
                             gconstpointer b)
{
  return g_ascii_strcasecmp (a, b) == 0;
}

const char *
rapport_exchange_lower_uuid (const char *uuid,
                             char        out[64])
{
  gsize i;

  for (i = 0; uuid[i] != '\0' && i < 63; i++)
    out[i] = g_ascii_tolower (uuid[i]);
  out[i] = '\0';
  return out;
}

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  return json_object_get_member (object, name);
}

static gboolean
is_digits (const char *s,
           guint       n)
{
  for (guint i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* YYYY-MM-DD, a real calendar day. */
static gboolean
is_date (const char *s)
{
  if (strlen (s) != 10 || !is_digits (s, 4) || s[4] != '-' ||
      !is_digits (s + 5, 2) || s[7] != '-' || !is_digits (s + 8, 2))
    return FALSE;
  return g_date_valid_dmy (atoi (s + 8), atoi (s + 5), atoi (s)) && atoi (s) >= 1;
}

/* YYYY-MM-DDTHH:MM:SS.mmmZ, as rapport_store_now() writes: this exact
 * shape sorts as it reads, which the merge rule relies on. */
static gboolean
is_timestamp (const char *s)
{
  if (strlen (s) != 24 || s[10] != 'T' || s[23] != 'Z')
    return FALSE;
  {
    char day[11];
    memcpy (day, s, 10);
    day[10] = '\0';
    if (!is_date (day))
      return FALSE;
  }
  return is_digits (s + 11, 2) && s[13] == ':' && is_digits (s + 14, 2) &&
         s[16] == ':' && is_digits (s + 17, 2) && s[19] == '.' &&
         is_digits (s + 20, 3) &&
         atoi (s + 11) < 24 && atoi (s + 14) < 60 && atoi (s + 17) < 60;
}

typedef enum
{
  REQUIRED,
  OPTIONAL,   /* missing means the default */
  NULLABLE,   /* missing or null means NULL */
} Presence;

static gboolean
get_string (JsonObject  *object,
            const char  *base,
            const char  *name,
            Presence     presence,
            const char  *fallback,
            gsize        max_chars,
            gsize        max_bytes,
            const char **out,
            GError     **error)
{
  JsonNode *node = member (object, name);
  const char *value;
  gsize bytes;

  if (node == NULL || (presence == NULLABLE && JSON_NODE_HOLDS_NULL (node)))
    {
      if (presence == REQUIRED)
        return invalid_member (error, base, name, _("missing"));
      *out = presence == NULLABLE ? NULL : fallback;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return invalid_member (error, base, name, _("not a string"));

  value = json_node_get_string (node);
  bytes = strlen (value);
  if (!g_utf8_validate (value, bytes, NULL))
    return invalid_member (error, base, name, _("not valid UTF-8 text"));
  if (max_bytes > 0 && bytes > max_bytes)
    return invalid_member (error, base, name, _("too long (%lu bytes; at most %lu)"),
                           (gulong) bytes, (gulong) max_bytes);
  if (max_chars > 0 && bytes > max_chars)
    {
      glong chars = g_utf8_strlen (value, bytes);
      if ((gsize) chars > max_chars)
        return invalid_member (error, base, name, _("too long (%ld characters; at most %lu)"),
                               chars, (gulong) max_chars);
    }

  *out = value;
  return TRUE;
}

static gboolean
get_int (JsonObject  *object,
         const char  *base,
         const char  *name,
         Presence     presence,
         gint64       fallback,
         gint64       min,
         gint64       max,
         gint64      *out,
         GError     **error)
{
  JsonNode *node = member (object, name);
  gint64 value;

  if (node == NULL || (presence == NULLABLE && JSON_NODE_HOLDS_NULL (node)))
    {
      if (presence == REQUIRED)
        return invalid_member (error, base, name, _("missing"));
      *out = fallback;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return invalid_member (error, base, name, _("not a whole number"));
  value = json_node_get_int (node);
  if (value < min || value > max)
    return invalid_member (error, base, name, _("%lld is out of range (%lld to %lld)"),
                           (long long) value, (long long) min, (long long) max);
  *out = value;
  return TRUE;
}

static gboolean
get_bool (JsonObject  *object,
          const char  *base,
          const char  *name,
          gboolean     fallback,
          gboolean    *out,
          GError     **error)
{
  JsonNode *node = member (object, name);

  if (node == NULL)
    {
      *out = fallback;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return invalid_member (error, base, name, _("not true or false"));
  *out = json_node_get_boolean (node);
  return TRUE;
}

/* A short string member (a date, a time, a UUID) that @valid accepts;
 * otherwise @what says what it is not. */
static gboolean
get_checked (JsonObject  *object,
             const char  *base,
             const char  *name,
             Presence     presence,
             gboolean   (*valid) (const char *),
             const char  *what,
             const char **out,
             GError     **error)
{
  if (!get_string (object, base, name, presence, NULL, 0, 64, out, error))
    return FALSE;
  if (*out != NULL && !valid (*out))
    return invalid_member (error, base, name, "%s", what);
  return TRUE;
}

static gboolean
get_date (JsonObject  *object,
          const char  *base,
          const char  *name,
          Presence     presence,
          const char **out,
          GError     **error)
{
  return get_checked (object, base, name, presence, is_date,
                      _("not a date (YYYY-MM-DD)"), out, error);
}

static gboolean
get_timestamp (JsonObject  *object,
               const char  *base,
               const char  *name,
               const char **out,
               GError     **error)
{
  return get_checked (object, base, name, REQUIRED, is_timestamp,
                      _("not a UTC time (YYYY-MM-DDTHH:MM:SS.mmmZ)"), out, error);
}

static gboolean
get_uuid_ref (JsonObject  *object,
              const char  *base,
              const char  *name,
              const char **out,
              GError     **error)
{
  return get_checked (object, base, name, REQUIRED, g_uuid_string_is_valid,
                      _("not a UUID"), out, error);
}

/* The row's own UUID: valid and not used by another row of the file. */
static gboolean
get_own_uuid (Document    *doc,
              JsonObject  *object,
              const char  *base,
              const char **out,
              GError     **error)
{
  const char *first;

  if (!get_uuid_ref (object, base, "uuid", out, error))
    return FALSE;
  first = g_hash_table_lookup (doc->uuids, *out);
  if (first != NULL)
    return invalid_member (error, base, "uuid", _("the UUID %s is used twice (first at %s)"),
                           *out, first);
  g_hash_table_insert (doc->uuids, (char *) *out, g_strdup (base));
  return TRUE;
}

static gboolean
get_timestamps (JsonObject  *object,
                const char  *base,
                const char **created,
                const char **updated,
                GError     **error)
{
  return get_timestamp (object, base, "created_at", created, error) &&
         get_timestamp (object, base, "updated_at", updated, error);
}

static JsonArray *
get_array (JsonObject  *object,
           const char  *base,
           const char  *name,
           GError     **error)
{
  JsonNode *node = member (object, name);
  static JsonArray *empty;

  if (node == NULL)
    {
      if (g_once_init_enter (&empty))
        g_once_init_leave (&empty, json_array_new ());
      return empty;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *path = g_strconcat (base, ".", name, NULL);
      rapport_exchange_invalid (error, path, _("not a list"));
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
get_element (JsonArray  *array,
             guint       i,
             const char *path,
             GError    **error)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      rapport_exchange_invalid (error, path, _("not an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

/* Reads the object @o, the element @index of a list, found at @base. */
typedef gboolean (*ReadElement) (Document   *doc,
                                 JsonObject *o,
                                 const char *base,
                                 guint       index,
                                 gpointer    user_data,
                                 GError    **error);

/* Calls @read_element on each element of @array, the list at @path; an
 * element that is not an object is an error. */
static gboolean
read_elements (Document    *doc,
               JsonArray   *array,
               const char  *path,
               ReadElement  read_element,
               gpointer     user_data,
               GError     **error)
{
  char base[96];

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o;

      g_snprintf (base, sizeof base, "%s[%u]", path, i);
      if ((o = get_element (array, i, base, error)) == NULL ||
          !read_element (doc, o, base, i, user_data, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_person (Document   *doc,
             JsonObject *o,
             const char *base,
             guint       index,
             gpointer    user_data,
             GError    **error)
{
  PersonRec r = { 0 };

  if (!get_own_uuid (doc, o, base, &r.uuid, error) ||
      !get_string (o, base, "name", REQUIRED, NULL, RAPPORT_EXCHANGE_MAX_NAME_CHARS, 0, &r.name, error) ||
      !get_string (o, base, "role", OPTIONAL, "", RAPPORT_EXCHANGE_MAX_NAME_CHARS, 0, &r.role, error) ||
      !get_int (o, base, "cadence_days", OPTIONAL, 7, 1, 366, &r.cadence, error) ||
      !get_bool (o, base, "archived", FALSE, &r.archived, error) ||
      !get_timestamps (o, base, &r.created, &r.updated, error))
    return FALSE;
  if (r.name[0] == '\0')
    return invalid_member (error, base, "name", _("empty"));
  g_array_append_val (doc->people, r);
  return TRUE;
}

static gboolean
is_habit_key (const char *key)
{
  if (key[0] == '\0')
    return FALSE;
  for (const char *p = key; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean
read_habit (Document   *doc,
            JsonObject *o,
            const char *base,
            guint       index,
            gpointer    user_data,
            GError    **error)
{
  HabitRec r = { 0 };

  if (!get_own_uuid (doc, o, base, &r.uuid, error) ||
      !get_string (o, base, "key", NULLABLE, NULL, 64, 0, &r.key, error) ||
      !get_string (o, base, "label", REQUIRED, NULL, RAPPORT_EXCHANGE_MAX_NAME_CHARS, 0, &r.label, error) ||
      !get_string (o, base, "hint", OPTIONAL, "", RAPPORT_EXCHANGE_MAX_HINT_CHARS, 0, &r.hint, error) ||
      !get_string (o, base, "kind", REQUIRED, NULL, 0, 64, &r.kind, error) ||
      !get_int (o, base, "position", OPTIONAL, 0, G_MININT32, G_MAXINT32, &r.position, error) ||
      !get_bool (o, base, "active", TRUE, &r.active, error) ||
      !get_timestamps (o, base, &r.created, &r.updated, error))
    return FALSE;
  if (r.key != NULL && !is_habit_key (r.key))
    return invalid_member (error, base, "key",
                           _("not a habit key (lower-case letters, digits and “-”)"));
  if (r.label[0] == '\0')
    return invalid_member (error, base, "label", _("empty"));
  if (strcmp (r.kind, "trust") != 0 && strcmp (r.kind, "structure") != 0)
    return invalid_member (error, base, "kind", _("neither “trust” nor “structure”"));
  for (guint j = 0; r.key != NULL && j < doc->habits->len; j++)
    {
      HabitRec *other = &g_array_index (doc->habits, HabitRec, j);
      if (other->key != NULL && strcmp (other->key, r.key) == 0)
        return invalid_member (error, base, "key",
                               _("the key “%s” is used twice (first at $.habits[%u])"), r.key, j);
    }
  g_array_append_val (doc->habits, r);
  return TRUE;
}

typedef struct
{
  guint meeting;  /* index of the meeting in $.meetings */
  guint first;    /* its first tick in doc->ticks */
} ChecklistContext;

static gboolean
read_tick (Document   *doc,
           JsonObject *o,
           const char *base,
           guint       index,
           gpointer    user_data,
           GError    **error)
{
  ChecklistContext *ctx = user_data;
  TickRec r = { 0 };

  if (!get_own_uuid (doc, o, base, &r.uuid, error) ||
      !get_uuid_ref (o, base, "habit", &r.habit, error) ||
      !get_bool (o, base, "ticked", FALSE, &r.ticked, error) ||
      !get_string (o, base, "evidence", OPTIONAL, "", RAPPORT_EXCHANGE_MAX_TEXT_CHARS, 0, &r.evidence, error) ||
      !get_timestamps (o, base, &r.created, &r.updated, error))
    return FALSE;
  for (guint j = ctx->first; j < doc->ticks->len; j++)
    if (g_ascii_strcasecmp (g_array_index (doc->ticks, TickRec, j).habit, r.habit) == 0)
      return invalid_member (error, base, "habit",
                             _("this habit is already on the meeting’s checklist"));
  r.meeting = ctx->meeting;
  r.index = index;
  g_array_append_val (doc->ticks, r);
  return TRUE;
}

static gboolean
read_checklist (Document   *doc,
                JsonObject *meeting,
                const char *meeting_base,
                guint       meeting_index,
                GError    **error)
{
  JsonArray *array = get_array (meeting, meeting_base, "checklist", error);
  ChecklistContext ctx = { meeting_index, doc->ticks->len };
  g_autofree char *path = g_strconcat (meeting_base, ".checklist", NULL);

  if (array == NULL)
    return FALSE;
  if (json_array_get_length (array) > RAPPORT_EXCHANGE_MAX_CHECKLIST)
    {
      rapport_exchange_invalid (error, path, _("more than %d habits"), RAPPORT_EXCHANGE_MAX_CHECKLIST);
      return FALSE;
    }
  return read_elements (doc, array, path, read_tick, &ctx, error);
}

static gboolean
read_meeting (Document   *doc,
              JsonObject *o,
              const char *base,
              guint       index,
              gpointer    user_data,
              GError    **error)
{
  MeetingRec r = { 0 };

  if (!get_own_uuid (doc, o, base, &r.uuid, error) ||
      !get_uuid_ref (o, base, "person", &r.person, error) ||
      !get_date (o, base, "date", REQUIRED, &r.date, error) ||
      !get_int (o, base, "mood", NULLABLE, 0, 1, 5, &r.mood, error) ||
      !get_string (o, base, "notes", OPTIONAL, "", 0, RAPPORT_EXCHANGE_MAX_NOTES_BYTES, &r.notes, error) ||
      !get_timestamps (o, base, &r.created, &r.updated, error) ||
      !read_checklist (doc, o, base, index, error))
    return FALSE;
  g_array_append_val (doc->meetings, r);
  return TRUE;
}

static gboolean
read_commitment (Document   *doc,
                 JsonObject *o,
                 const char *base,
                 guint       index,
                 gpointer    user_data,
                 GError    **error)
{
  CommitmentRec r = { 0 };

  if (!get_own_uuid (doc, o, base, &r.uuid, error) ||
      !get_uuid_ref (o, base, "person", &r.person, error) ||
      !get_uuid_ref (o, base, "meeting", &r.meeting, error) ||
      !get_string (o, base, "text", REQUIRED, NULL, RAPPORT_EXCHANGE_MAX_TEXT_CHARS, 0, &r.text, error) ||
      !get_string (o, base, "owner", REQUIRED, NULL, 0, 64, &r.owner, error) ||
      !get_date (o, base, "due", NULLABLE, &r.due, error) ||
      !get_date (o, base, "closed_on", NULLABLE, &r.closed, error) ||
      !get_timestamps (o, base, &r.created, &r.updated, error))
    return FALSE;
  if (strcmp (r.owner, "me") != 0 && strcmp (r.owner, "them") != 0)
    return invalid_member (error, base, "owner", _("neither “me” nor “them”"));
  g_array_append_val (doc->commitments, r);
  return TRUE;
}

/* The top-level list @name of @root, each element read by @read_element. */
static gboolean
read_list (Document    *doc,
           JsonObject  *root,
           const char  *name,
           ReadElement  read_element,
           GError     **error)
{
  JsonArray *array = get_array (root, "$", name, error);
  g_autofree char *path = g_strconcat ("$.", name, NULL);

  return array != NULL && read_elements (doc, array, path, read_element, NULL, error);
}

/* Line and column of byte @offset, both from 1, for messages. */
static void
locate (const char *data,
        gsize       offset,
        guint      *line,
        guint      *column)
{
  const char *line_start = data;

  *line = 1;
  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      {
        (*line)++;
        line_start = data + i + 1;
      }
  *column = (guint) (data + offset - line_start) + 1;
}

/* json-glib says "<data>:3:4: Parse error: unexpected…"; we say where in
 * the user's words and keep json-glib's description of the problem. */
static void
set_syntax_error (GError     **error,
                  const GError *json_error)
{
  const char *msg = json_error->message;
  guint line = 0, column = 0;
  const char *rest = NULL;

  if (g_str_has_prefix (msg, "<data>:"))
    {
      char *end = NULL;
      line = (guint) strtoul (msg + 7, &end, 10);
      if (end && *end == ':')
        column = (guint) strtoul (end + 1, &end, 10);
      if (end && *end == ':')
        rest = end + 1;
      while (rest && *rest == ' ')
        rest++;
      if (rest && g_str_has_prefix (rest, "Parse error: "))
        rest += strlen ("Parse error: ");
    }

  if (line > 0 && rest != NULL)
    g_set_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_SYNTAX,
                 _("Not valid JSON at line %u, column %u: %s"), line, column, rest);
  else
    g_set_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_SYNTAX,
                 _("Not valid JSON: %s"), msg);
}

gboolean
rapport_exchange_document_read (Document   *doc,
                                JsonParser *parser,
                                const char *data,
                                gsize       length,
                                GError    **error)
{
  g_autoptr(GError) json_error = NULL;
  const char *bad = NULL;
  JsonNode *root_node;
  JsonObject *root;
  const char *format = NULL;
  const char *exported = NULL;
  gint64 version = 0;

  if (length == 0)
    {
      g_set_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_SYNTAX,
                   _("The file is empty"));
      return FALSE;
    }
  if (length > RAPPORT_EXCHANGE_MAX_FILE_BYTES)
    {
      g_set_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_INVALID,
                   _("The file is too large (%lu MiB; at most %d MiB)"),
                   (gulong) (length / (1024 * 1024)), RAPPORT_EXCHANGE_MAX_FILE_BYTES / (1024 * 1024));
      return FALSE;
    }
  if (!g_utf8_validate (data, length, &bad))
    {
      guint line, column;
      locate (data, bad - data, &line, &column);
      if (*bad == '\0' && (gsize) (bad - data) < length)
        g_set_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_SYNTAX,
                     _("Not valid JSON at line %u, column %u: a NUL byte"), line, column);
      else
        g_set_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_SYNTAX,
                     _("Not valid JSON at line %u, column %u: the text is not UTF-8"),
                     line, column);
      return FALSE;
    }

  if (!json_parser_load_from_data (parser, data, (gssize) length, &json_error))
    {
      set_syntax_error (error, json_error);
      return FALSE;
    }

  root_node = json_parser_get_root (parser);
  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    {
      rapport_exchange_invalid (error, "$", _("not an object; this is not a Rapport export"));
      return FALSE;
    }
  root = json_node_get_object (root_node);

  if (!get_string (root, "$", "format", REQUIRED, NULL, 0, 256, &format, error))
    return FALSE;
  if (strcmp (format, RAPPORT_EXCHANGE_FORMAT_NAME) != 0)
    {
      rapport_exchange_invalid (error, "$.format", _("“%s” is not “%s”; this is not a Rapport export"),
                                format, RAPPORT_EXCHANGE_FORMAT_NAME);
      return FALSE;
    }
  if (!get_int (root, "$", "version", REQUIRED, 0, 1, G_MAXINT64, &version, error))
    return FALSE;
  if (version > RAPPORT_EXCHANGE_FORMAT_VERSION)
    {
      g_set_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_TOO_NEW,
                   _("$.version: the file was written by a newer version of Rapport "
                     "(format %lld; this version reads up to %d). "
                     "Update Rapport to import it."),
                   (long long) version, RAPPORT_EXCHANGE_FORMAT_VERSION);
      return FALSE;
    }
  if (member (root, "exported_at") != NULL &&
      !get_timestamp (root, "$", "exported_at", &exported, error))
    return FALSE;

  doc->people = g_array_new (FALSE, TRUE, sizeof (PersonRec));
  doc->habits = g_array_new (FALSE, TRUE, sizeof (HabitRec));
  doc->meetings = g_array_new (FALSE, TRUE, sizeof (MeetingRec));
  doc->ticks = g_array_new (FALSE, TRUE, sizeof (TickRec));
  doc->commitments = g_array_new (FALSE, TRUE, sizeof (CommitmentRec));
  doc->uuids = g_hash_table_new_full (rapport_exchange_uuid_hash, rapport_exchange_uuid_equal, NULL, g_free);

  return read_list (doc, root, "habits", read_habit, error) &&
         read_list (doc, root, "people", read_person, error) &&
         read_list (doc, root, "meetings", read_meeting, error) &&
         read_list (doc, root, "commitments", read_commitment, error);
}
