/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rapport-exchange.h"

G_DEFINE_QUARK (rapport-exchange-error-quark, rapport_exchange_error)

/* ------------------------------------------------------------------ *
 * Checking what a file says
 * ------------------------------------------------------------------ */

/* Records point into the parsed JSON tree, which outlives them. */
typedef struct
{
  const char *uuid, *name, *role, *created, *updated;
  gint64      cadence;
  gboolean    archived;
} PersonRec;

typedef struct
{
  const char *uuid, *key, *label, *hint, *kind, *created, *updated;
  gint64      position;
  gboolean    active;
} HabitRec;

typedef struct
{
  const char *uuid, *habit, *evidence, *created, *updated;
  gboolean    ticked;
  guint       meeting;   /* index into meetings */
  guint       index;     /* within the meeting's checklist */
} TickRec;

typedef struct
{
  const char *uuid, *person, *date, *notes, *created, *updated;
  gint64      mood;      /* 0: none */
} MeetingRec;

typedef struct
{
  const char *uuid, *person, *meeting, *text, *owner, *due, *closed, *created, *updated;
} CommitmentRec;

typedef struct
{
  GArray     *people, *habits, *meetings, *ticks, *commitments;
  GHashTable *uuids;     /* uuid -> path where it was first seen (owned) */
} Document;

static void
document_clear (Document *doc)
{
  g_clear_pointer (&doc->people, g_array_unref);
  g_clear_pointer (&doc->habits, g_array_unref);
  g_clear_pointer (&doc->meetings, g_array_unref);
  g_clear_pointer (&doc->ticks, g_array_unref);
  g_clear_pointer (&doc->commitments, g_array_unref);
  g_clear_pointer (&doc->uuids, g_hash_table_unref);
}

G_GNUC_PRINTF (3, 4) static void
invalid (GError     **error,
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

/* UUIDs compare without regard to case; the database holds lower case. */
static guint
uuid_hash (gconstpointer key)
{
  guint h = 5381;

  for (const char *p = key; *p; p++)
    h = h * 33 + (guint) g_ascii_tolower (*p);
  return h;
}

static gboolean
uuid_equal (gconstpointer a,
            gconstpointer b)
{
  return g_ascii_strcasecmp (a, b) == 0;
}

static const char *
lower_uuid (const char *uuid,
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
  g_autofree char *path = NULL;
  const char *value;
  gsize bytes;

  if (node == NULL || (presence == NULLABLE && JSON_NODE_HOLDS_NULL (node)))
    {
      if (presence == REQUIRED)
        {
          path = g_strconcat (base, ".", name, NULL);
          invalid (error, path, _("missing"));
          return FALSE;
        }
      *out = presence == NULLABLE ? NULL : fallback;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      path = g_strconcat (base, ".", name, NULL);
      invalid (error, path, _("not a string"));
      return FALSE;
    }

  value = json_node_get_string (node);
  bytes = strlen (value);
  if (!g_utf8_validate (value, bytes, NULL))
    {
      path = g_strconcat (base, ".", name, NULL);
      invalid (error, path, _("not valid UTF-8 text"));
      return FALSE;
    }
  if (max_bytes > 0 && bytes > max_bytes)
    {
      path = g_strconcat (base, ".", name, NULL);
      invalid (error, path, _("too long (%" G_GSIZE_FORMAT " bytes; at most %" G_GSIZE_FORMAT ")"),
               bytes, max_bytes);
      return FALSE;
    }
  if (max_chars > 0 && bytes > max_chars)
    {
      glong chars = g_utf8_strlen (value, bytes);
      if ((gsize) chars > max_chars)
        {
          path = g_strconcat (base, ".", name, NULL);
          invalid (error, path, _("too long (%ld characters; at most %" G_GSIZE_FORMAT ")"),
                   chars, max_chars);
          return FALSE;
        }
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
  g_autofree char *path = NULL;
  gint64 value;

  if (node == NULL || (presence == NULLABLE && JSON_NODE_HOLDS_NULL (node)))
    {
      if (presence == REQUIRED)
        {
          path = g_strconcat (base, ".", name, NULL);
          invalid (error, path, _("missing"));
          return FALSE;
        }
      *out = fallback;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      path = g_strconcat (base, ".", name, NULL);
      invalid (error, path, _("not a whole number"));
      return FALSE;
    }
  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      path = g_strconcat (base, ".", name, NULL);
      invalid (error, path, _("%" G_GINT64_FORMAT " is out of range (%" G_GINT64_FORMAT
                              " to %" G_GINT64_FORMAT ")"), value, min, max);
      return FALSE;
    }
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
    {
      g_autofree char *path = g_strconcat (base, ".", name, NULL);
      invalid (error, path, _("not true or false"));
      return FALSE;
    }
  *out = json_node_get_boolean (node);
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
  if (!get_string (object, base, name, presence, NULL, 0, 64, out, error))
    return FALSE;
  if (*out != NULL && !is_date (*out))
    {
      g_autofree char *path = g_strconcat (base, ".", name, NULL);
      invalid (error, path, _("not a date (YYYY-MM-DD)"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
get_timestamp (JsonObject  *object,
               const char  *base,
               const char  *name,
               const char **out,
               GError     **error)
{
  if (!get_string (object, base, name, REQUIRED, NULL, 0, 64, out, error))
    return FALSE;
  if (!is_timestamp (*out))
    {
      g_autofree char *path = g_strconcat (base, ".", name, NULL);
      invalid (error, path, _("not a UTC time (YYYY-MM-DDTHH:MM:SS.mmmZ)"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
get_uuid_ref (JsonObject  *object,
              const char  *base,
              const char  *name,
              const char **out,
              GError     **error)
{
  if (!get_string (object, base, name, REQUIRED, NULL, 0, 64, out, error))
    return FALSE;
  if (!g_uuid_string_is_valid (*out))
    {
      g_autofree char *path = g_strconcat (base, ".", name, NULL);
      invalid (error, path, _("not a UUID"));
      return FALSE;
    }
  return TRUE;
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
    {
      g_autofree char *path = g_strconcat (base, ".uuid", NULL);
      invalid (error, path, _("the UUID %s is used twice (first at %s)"), *out, first);
      return FALSE;
    }
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
      invalid (error, path, _("not a list"));
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
      invalid (error, path, _("not an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
read_people (Document   *doc,
             JsonObject *root,
             GError    **error)
{
  JsonArray *array = get_array (root, "$", "people", error);
  char base[64];

  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      PersonRec r = { 0 };
      JsonObject *o;

      g_snprintf (base, sizeof base, "$.people[%u]", i);
      if ((o = get_element (array, i, base, error)) == NULL ||
          !get_own_uuid (doc, o, base, &r.uuid, error) ||
          !get_string (o, base, "name", REQUIRED, NULL, RAPPORT_EXCHANGE_MAX_NAME_CHARS, 0, &r.name, error) ||
          !get_string (o, base, "role", OPTIONAL, "", RAPPORT_EXCHANGE_MAX_NAME_CHARS, 0, &r.role, error) ||
          !get_int (o, base, "cadence_days", OPTIONAL, 7, 1, 366, &r.cadence, error) ||
          !get_bool (o, base, "archived", FALSE, &r.archived, error) ||
          !get_timestamps (o, base, &r.created, &r.updated, error))
        return FALSE;
      if (r.name[0] == '\0')
        {
          g_strlcat (base, ".name", sizeof base);
          invalid (error, base, _("empty"));
          return FALSE;
        }
      g_array_append_val (doc->people, r);
    }
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
read_habits (Document   *doc,
             JsonObject *root,
             GError    **error)
{
  JsonArray *array = get_array (root, "$", "habits", error);
  char base[64];

  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      HabitRec r = { 0 };
      JsonObject *o;

      g_snprintf (base, sizeof base, "$.habits[%u]", i);
      if ((o = get_element (array, i, base, error)) == NULL ||
          !get_own_uuid (doc, o, base, &r.uuid, error) ||
          !get_string (o, base, "key", NULLABLE, NULL, 64, 0, &r.key, error) ||
          !get_string (o, base, "label", REQUIRED, NULL, RAPPORT_EXCHANGE_MAX_NAME_CHARS, 0, &r.label, error) ||
          !get_string (o, base, "hint", OPTIONAL, "", RAPPORT_EXCHANGE_MAX_HINT_CHARS, 0, &r.hint, error) ||
          !get_string (o, base, "kind", REQUIRED, NULL, 0, 64, &r.kind, error) ||
          !get_int (o, base, "position", OPTIONAL, 0, G_MININT32, G_MAXINT32, &r.position, error) ||
          !get_bool (o, base, "active", TRUE, &r.active, error) ||
          !get_timestamps (o, base, &r.created, &r.updated, error))
        return FALSE;
      if (r.key != NULL && !is_habit_key (r.key))
        {
          g_strlcat (base, ".key", sizeof base);
          invalid (error, base, _("not a habit key (lower-case letters, digits and “-”)"));
          return FALSE;
        }
      if (r.label[0] == '\0')
        {
          g_strlcat (base, ".label", sizeof base);
          invalid (error, base, _("empty"));
          return FALSE;
        }
      if (strcmp (r.kind, "trust") != 0 && strcmp (r.kind, "structure") != 0)
        {
          g_strlcat (base, ".kind", sizeof base);
          invalid (error, base, _("neither “trust” nor “structure”"));
          return FALSE;
        }
      for (guint j = 0; r.key != NULL && j < doc->habits->len; j++)
        {
          HabitRec *other = &g_array_index (doc->habits, HabitRec, j);
          if (other->key != NULL && strcmp (other->key, r.key) == 0)
            {
              g_strlcat (base, ".key", sizeof base);
              invalid (error, base, _("the key “%s” is used twice (first at $.habits[%u])"),
                       r.key, j);
              return FALSE;
            }
        }
      g_array_append_val (doc->habits, r);
    }
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
  guint first = doc->ticks->len;
  guint n;
  char base[96];

  if (array == NULL)
    return FALSE;
  n = json_array_get_length (array);
  if (n > RAPPORT_EXCHANGE_MAX_CHECKLIST)
    {
      g_snprintf (base, sizeof base, "%s.checklist", meeting_base);
      invalid (error, base, _("more than %d habits"), RAPPORT_EXCHANGE_MAX_CHECKLIST);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      TickRec r = { 0 };
      JsonObject *o;

      g_snprintf (base, sizeof base, "%s.checklist[%u]", meeting_base, i);
      if ((o = get_element (array, i, base, error)) == NULL ||
          !get_own_uuid (doc, o, base, &r.uuid, error) ||
          !get_uuid_ref (o, base, "habit", &r.habit, error) ||
          !get_bool (o, base, "ticked", FALSE, &r.ticked, error) ||
          !get_string (o, base, "evidence", OPTIONAL, "", RAPPORT_EXCHANGE_MAX_TEXT_CHARS, 0, &r.evidence, error) ||
          !get_timestamps (o, base, &r.created, &r.updated, error))
        return FALSE;
      for (guint j = first; j < doc->ticks->len; j++)
        if (g_ascii_strcasecmp (g_array_index (doc->ticks, TickRec, j).habit, r.habit) == 0)
          {
            g_strlcat (base, ".habit", sizeof base);
            invalid (error, base, _("this habit is already on the meeting’s checklist"));
            return FALSE;
          }
      r.meeting = meeting_index;
      r.index = i;
      g_array_append_val (doc->ticks, r);
    }
  return TRUE;
}

static gboolean
read_meetings (Document   *doc,
               JsonObject *root,
               GError    **error)
{
  JsonArray *array = get_array (root, "$", "meetings", error);
  char base[64];

  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      MeetingRec r = { 0 };
      JsonObject *o;

      g_snprintf (base, sizeof base, "$.meetings[%u]", i);
      if ((o = get_element (array, i, base, error)) == NULL ||
          !get_own_uuid (doc, o, base, &r.uuid, error) ||
          !get_uuid_ref (o, base, "person", &r.person, error) ||
          !get_date (o, base, "date", REQUIRED, &r.date, error) ||
          !get_int (o, base, "mood", NULLABLE, 0, 1, 5, &r.mood, error) ||
          !get_string (o, base, "notes", OPTIONAL, "", 0, RAPPORT_EXCHANGE_MAX_NOTES_BYTES, &r.notes, error) ||
          !get_timestamps (o, base, &r.created, &r.updated, error) ||
          !read_checklist (doc, o, base, i, error))
        return FALSE;
      g_array_append_val (doc->meetings, r);
    }
  return TRUE;
}

static gboolean
read_commitments (Document   *doc,
                  JsonObject *root,
                  GError    **error)
{
  JsonArray *array = get_array (root, "$", "commitments", error);
  char base[64];

  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      CommitmentRec r = { 0 };
      JsonObject *o;

      g_snprintf (base, sizeof base, "$.commitments[%u]", i);
      if ((o = get_element (array, i, base, error)) == NULL ||
          !get_own_uuid (doc, o, base, &r.uuid, error) ||
          !get_uuid_ref (o, base, "person", &r.person, error) ||
          !get_uuid_ref (o, base, "meeting", &r.meeting, error) ||
          !get_string (o, base, "text", REQUIRED, NULL, RAPPORT_EXCHANGE_MAX_TEXT_CHARS, 0, &r.text, error) ||
          !get_string (o, base, "owner", REQUIRED, NULL, 0, 64, &r.owner, error) ||
          !get_date (o, base, "due", NULLABLE, &r.due, error) ||
          !get_date (o, base, "closed_on", NULLABLE, &r.closed, error) ||
          !get_timestamps (o, base, &r.created, &r.updated, error))
        return FALSE;
      if (strcmp (r.owner, "me") != 0 && strcmp (r.owner, "them") != 0)
        {
          g_strlcat (base, ".owner", sizeof base);
          invalid (error, base, _("neither “me” nor “them”"));
          return FALSE;
        }
      g_array_append_val (doc->commitments, r);
    }
  return TRUE;
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

static gboolean
read_document (Document   *doc,
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
                   _("The file is too large (%" G_GSIZE_FORMAT " MiB; at most %d MiB)"),
                   length / (1024 * 1024), RAPPORT_EXCHANGE_MAX_FILE_BYTES / (1024 * 1024));
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
      invalid (error, "$", _("not an object; this is not a Rapport export"));
      return FALSE;
    }
  root = json_node_get_object (root_node);

  if (!get_string (root, "$", "format", REQUIRED, NULL, 0, 256, &format, error))
    return FALSE;
  if (strcmp (format, RAPPORT_EXCHANGE_FORMAT_NAME) != 0)
    {
      invalid (error, "$.format", _("“%s” is not “%s”; this is not a Rapport export"),
               format, RAPPORT_EXCHANGE_FORMAT_NAME);
      return FALSE;
    }
  if (!get_int (root, "$", "version", REQUIRED, 0, 1, G_MAXINT64, &version, error))
    return FALSE;
  if (version > RAPPORT_EXCHANGE_FORMAT_VERSION)
    {
      g_set_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_TOO_NEW,
                   _("$.version: the file was written by a newer version of Rapport "
                     "(format %" G_GINT64_FORMAT "; this version reads up to %d). "
                     "Update Rapport to import it."),
                   version, RAPPORT_EXCHANGE_FORMAT_VERSION);
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
  doc->uuids = g_hash_table_new_full (uuid_hash, uuid_equal, NULL, g_free);

  return read_habits (doc, root, error) &&
         read_people (doc, root, error) &&
         read_meetings (doc, root, error) &&
         read_commitments (doc, root, error);
}

/* ------------------------------------------------------------------ *
 * Merging a checked file into the database
 * ------------------------------------------------------------------ */

typedef struct
{
  RapportStore         *store;
  RapportExchangeStats *stats;
  GCancellable         *cancellable;
  RapportProgressFunc   progress;
  gpointer              progress_data;
  guint                 done, total;
  /* file UUID -> database id, for the rows of the file */
  GHashTable           *people, *habits, *meetings;
  /* by index in the file: the meeting was not in the database before */
  GArray               *new_meetings;
} Merge;

static void
remember (GHashTable *map,
          const char *uuid,
          gint64      id)
{
  g_hash_table_insert (map, (char *) uuid, g_memdup2 (&id, sizeof id));
}

static gboolean
step (Merge    *m,
      GError  **error)
{
  m->done++;
  if ((m->done & 255) == 0)
    {
      if (g_cancellable_set_error_if_cancelled (m->cancellable, error))
        return FALSE;
      if (m->progress != NULL)
        m->progress (0.3 + 0.7 * m->done / MAX (m->total, 1), m->progress_data);
    }
  return TRUE;
}

/* Looks a row up with a statement whose first column is the id and whose
 * optional second column is updated_at. Returns FALSE on a database error;
 * *found says whether there was a row. */
static gboolean
lookup (Merge        *m,
        const char   *sql,
        const char   *text,
        gint64        number,
        gboolean     *found,
        gint64       *id,
        char          updated[32],
        GError      **error)
{
  sqlite3_stmt *stmt = rapport_store_prepare (m->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, number);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *found = TRUE;
      *id = sqlite3_column_int64 (stmt, 0);
      if (updated != NULL)
        g_strlcpy (updated, rapport_store_column_text (stmt, 1), 32);
    }
  else if (rc == SQLITE_DONE)
    *found = FALSE;
  else
    {
      rapport_store_set_error (m->store, error, _("Could not read the database"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* The database id of a row the file refers to: one of the file's own
 * rows, or else one the database already had. */
static gboolean
resolve (Merge       *m,
         GHashTable  *map,
         const char  *sql,
         const char  *uuid,
         const char  *path,
         const char  *what,
         gint64      *id,
         GError     **error)
{
  gint64 *known = g_hash_table_lookup (map, uuid);
  gboolean found = FALSE;
  char lower[64];

  if (known != NULL)
    {
      *id = *known;
      return TRUE;
    }
  if (!lookup (m, sql, lower_uuid (uuid, lower), 0, &found, id, NULL, error))
    return FALSE;
  if (!found)
    {
      /* TRANSLATORS: %s is "person", "meeting" or "habit" */
      invalid (error, path, _("no %s with the UUID %s in the file or in the database"),
               what, uuid);
      return FALSE;
    }
  return TRUE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           column,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, column);
}

static gboolean
write_row (Merge        *m,
           sqlite3_stmt *stmt,
           const char   *path,
           GError      **error)
{
  g_autoptr(GError) local = NULL;

  if (!rapport_store_step_done (m->store, stmt, &local))
    {
      invalid (error, path, "%s", local->message);
      return FALSE;
    }
  return TRUE;
}

/* Counts the row and tells whether the file's version should be written. */
static gboolean
file_wins (Merge      *m,
           gboolean    found,
           const char *db_updated,
           const char *file_updated)
{
  if (!found)
    {
      m->stats->added++;
      return TRUE;
    }
  if (strcmp (file_updated, db_updated) > 0)
    {
      m->stats->updated++;
      return TRUE;
    }
  m->stats->unchanged++;
  return FALSE;
}

static gboolean
merge_habits (Merge     *m,
              Document  *doc,
              GError   **error)
{
  char path[64], lower[64], updated[32];

  for (guint i = 0; i < doc->habits->len; i++)
    {
      HabitRec *r = &g_array_index (doc->habits, HabitRec, i);
      gboolean found = FALSE;
      gint64 id = 0;
      sqlite3_stmt *stmt;

      g_snprintf (path, sizeof path, "$.habits[%u]", i);
      if (!lookup (m, "SELECT id, updated_at FROM habits WHERE uuid = ?1",
                   lower_uuid (r->uuid, lower), 0, &found, &id, updated, error))
        return FALSE;
      /* Built-in habits are the same habit in every database, whatever
       * UUID a copy of Rapport gave them. */
      if (!found && r->key != NULL &&
          !lookup (m, "SELECT id, updated_at FROM habits WHERE key = ?1",
                   r->key, 0, &found, &id, updated, error))
        return FALSE;

      if (file_wins (m, found, updated, r->updated))
        {
          stmt = rapport_store_prepare (m->store, found
                                        ? "UPDATE habits SET key = ?2, label = ?3, hint = ?4,"
                                          " kind = ?5, position = ?6, active = ?7,"
                                          " created_at = ?8, updated_at = ?9 WHERE id = ?1"
                                        : "INSERT INTO habits (uuid, key, label, hint, kind,"
                                          " position, active, created_at, updated_at)"
                                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                        error);
          if (stmt == NULL)
            return FALSE;
          if (found)
            sqlite3_bind_int64 (stmt, 1, id);
          else
            sqlite3_bind_text (stmt, 1, lower, -1, SQLITE_STATIC);
          bind_text_or_null (stmt, 2, r->key);
          sqlite3_bind_text (stmt, 3, r->label, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, r->hint, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 5, r->kind, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 6, r->position);
          sqlite3_bind_int (stmt, 7, r->active ? 1 : 0);
          sqlite3_bind_text (stmt, 8, r->created, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 9, r->updated, -1, SQLITE_STATIC);
          if (!write_row (m, stmt, path, error))
            return FALSE;
          if (!found)
            id = sqlite3_last_insert_rowid (rapport_store_get_handle (m->store));
        }
      remember (m->habits, r->uuid, id);
      if (!step (m, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
merge_people (Merge     *m,
              Document  *doc,
              GError   **error)
{
  char path[64], lower[64], updated[32];

  for (guint i = 0; i < doc->people->len; i++)
    {
      PersonRec *r = &g_array_index (doc->people, PersonRec, i);
      gboolean found = FALSE;
      gint64 id = 0;
      sqlite3_stmt *stmt;

      g_snprintf (path, sizeof path, "$.people[%u]", i);
      if (!lookup (m, "SELECT id, updated_at FROM people WHERE uuid = ?1",
                   lower_uuid (r->uuid, lower), 0, &found, &id, updated, error))
        return FALSE;
      if (file_wins (m, found, updated, r->updated))
        {
          stmt = rapport_store_prepare (m->store, found
                                        ? "UPDATE people SET name = ?2, role = ?3,"
                                          " cadence_days = ?4, archived = ?5,"
                                          " created_at = ?6, updated_at = ?7 WHERE id = ?1"
                                        : "INSERT INTO people (uuid, name, role, cadence_days,"
                                          " archived, created_at, updated_at)"
                                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                        error);
          if (stmt == NULL)
            return FALSE;
          if (found)
            sqlite3_bind_int64 (stmt, 1, id);
          else
            sqlite3_bind_text (stmt, 1, lower, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, r->name, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, r->role, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 4, r->cadence);
          sqlite3_bind_int (stmt, 5, r->archived ? 1 : 0);
          sqlite3_bind_text (stmt, 6, r->created, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 7, r->updated, -1, SQLITE_STATIC);
          if (!write_row (m, stmt, path, error))
            return FALSE;
          if (!found)
            id = sqlite3_last_insert_rowid (rapport_store_get_handle (m->store));
        }
      remember (m->people, r->uuid, id);
      if (!step (m, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
merge_meetings (Merge     *m,
                Document  *doc,
                GError   **error)
{
  char path[64], lower[64], updated[32];

  for (guint i = 0; i < doc->meetings->len; i++)
    {
      MeetingRec *r = &g_array_index (doc->meetings, MeetingRec, i);
      gboolean found = FALSE, is_new;
      gint64 id = 0, person = 0;
      sqlite3_stmt *stmt;

      g_snprintf (path, sizeof path, "$.meetings[%u].person", i);
      if (!resolve (m, m->people, "SELECT id FROM people WHERE uuid = ?1",
                    r->person, path, _("person"), &person, error))
        return FALSE;
      g_snprintf (path, sizeof path, "$.meetings[%u]", i);
      if (!lookup (m, "SELECT id, updated_at FROM meetings WHERE uuid = ?1",
                   lower_uuid (r->uuid, lower), 0, &found, &id, updated, error))
        return FALSE;
      if (file_wins (m, found, updated, r->updated))
        {
          stmt = rapport_store_prepare (m->store, found
                                        ? "UPDATE meetings SET person_id = ?2, date = ?3,"
                                          " notes = ?4, mood = ?5, created_at = ?6,"
                                          " updated_at = ?7 WHERE id = ?1"
                                        : "INSERT INTO meetings (uuid, person_id, date, notes,"
                                          " mood, created_at, updated_at)"
                                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                        error);
          if (stmt == NULL)
            return FALSE;
          if (found)
            sqlite3_bind_int64 (stmt, 1, id);
          else
            sqlite3_bind_text (stmt, 1, lower, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 2, person);
          sqlite3_bind_text (stmt, 3, r->date, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, r->notes, -1, SQLITE_STATIC);
          if (r->mood > 0)
            sqlite3_bind_int64 (stmt, 5, r->mood);
          else
            sqlite3_bind_null (stmt, 5);
          sqlite3_bind_text (stmt, 6, r->created, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 7, r->updated, -1, SQLITE_STATIC);
          if (!write_row (m, stmt, path, error))
            return FALSE;
          if (!found)
            id = sqlite3_last_insert_rowid (rapport_store_get_handle (m->store));
        }
      remember (m->meetings, r->uuid, id);
      is_new = !found;
      g_array_append_val (m->new_meetings, is_new);
      if (!step (m, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
merge_ticks (Merge     *m,
             Document  *doc,
             GError   **error)
{
  char path[96], lower[64], updated[32];

  for (guint i = 0; i < doc->ticks->len; i++)
    {
      TickRec *r = &g_array_index (doc->ticks, TickRec, i);
      MeetingRec *meeting = &g_array_index (doc->meetings, MeetingRec, r->meeting);
      gboolean found = FALSE;
      gint64 id = 0, habit = 0, meeting_id = *(gint64 *) g_hash_table_lookup (m->meetings, meeting->uuid);
      sqlite3_stmt *stmt;

      g_snprintf (path, sizeof path, "$.meetings[%u].checklist[%u].habit", r->meeting, r->index);
      if (!resolve (m, m->habits, "SELECT id FROM habits WHERE uuid = ?1",
                    r->habit, path, _("habit"), &habit, error))
        return FALSE;
      g_snprintf (path, sizeof path, "$.meetings[%u].checklist[%u]", r->meeting, r->index);
      if (!lookup (m, "SELECT id, updated_at FROM checklist WHERE uuid = ?1",
                   lower_uuid (r->uuid, lower), 0, &found, &id, updated, error))
        return FALSE;
      if (!found && !g_array_index (m->new_meetings, gboolean, r->meeting))
        {
          /* The same habit on the same meeting is the same row. */
          stmt = rapport_store_prepare (m->store,
                                        "SELECT id, updated_at FROM checklist"
                                        " WHERE meeting_id = ?1 AND habit_id = ?2",
                                        error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, meeting_id);
          sqlite3_bind_int64 (stmt, 2, habit);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              found = TRUE;
              id = sqlite3_column_int64 (stmt, 0);
              g_strlcpy (updated, rapport_store_column_text (stmt, 1), sizeof updated);
            }
          sqlite3_reset (stmt);
        }
      if (file_wins (m, found, updated, r->updated))
        {
          stmt = rapport_store_prepare (m->store, found
                                        ? "UPDATE checklist SET meeting_id = ?2, habit_id = ?3,"
                                          " ticked = ?4, evidence = ?5, created_at = ?6,"
                                          " updated_at = ?7 WHERE id = ?1"
                                        : "INSERT INTO checklist (uuid, meeting_id, habit_id,"
                                          " ticked, evidence, created_at, updated_at)"
                                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                        error);
          if (stmt == NULL)
            return FALSE;
          if (found)
            sqlite3_bind_int64 (stmt, 1, id);
          else
            sqlite3_bind_text (stmt, 1, lower, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 2, meeting_id);
          sqlite3_bind_int64 (stmt, 3, habit);
          sqlite3_bind_int (stmt, 4, r->ticked ? 1 : 0);
          sqlite3_bind_text (stmt, 5, r->evidence, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 6, r->created, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 7, r->updated, -1, SQLITE_STATIC);
          if (!write_row (m, stmt, path, error))
            return FALSE;
        }
      if (!step (m, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
merge_commitments (Merge     *m,
                   Document  *doc,
                   GError   **error)
{
  char path[64], lower[64], updated[32];

  for (guint i = 0; i < doc->commitments->len; i++)
    {
      CommitmentRec *r = &g_array_index (doc->commitments, CommitmentRec, i);
      gboolean found = FALSE;
      gint64 id = 0, person = 0, meeting = 0, meeting_person = 0;
      sqlite3_stmt *stmt;

      g_snprintf (path, sizeof path, "$.commitments[%u].person", i);
      if (!resolve (m, m->people, "SELECT id FROM people WHERE uuid = ?1",
                    r->person, path, _("person"), &person, error))
        return FALSE;
      g_snprintf (path, sizeof path, "$.commitments[%u].meeting", i);
      if (!resolve (m, m->meetings, "SELECT id FROM meetings WHERE uuid = ?1",
                    r->meeting, path, _("meeting"), &meeting, error))
        return FALSE;
      if (!lookup (m, "SELECT person_id FROM meetings WHERE id = ?1",
                   NULL, meeting, &found, &meeting_person, NULL, error))
        return FALSE;
      if (meeting_person != person)
        {
          invalid (error, path, _("the meeting is with another person"));
          return FALSE;
        }

      g_snprintf (path, sizeof path, "$.commitments[%u]", i);
      if (!lookup (m, "SELECT id, updated_at FROM commitments WHERE uuid = ?1",
                   lower_uuid (r->uuid, lower), 0, &found, &id, updated, error))
        return FALSE;
      if (file_wins (m, found, updated, r->updated))
        {
          stmt = rapport_store_prepare (m->store, found
                                        ? "UPDATE commitments SET person_id = ?2, meeting_id = ?3,"
                                          " text = ?4, owner = ?5, due = ?6, closed_on = ?7,"
                                          " created_at = ?8, updated_at = ?9 WHERE id = ?1"
                                        : "INSERT INTO commitments (uuid, person_id, meeting_id,"
                                          " text, owner, due, closed_on, created_at, updated_at)"
                                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                        error);
          if (stmt == NULL)
            return FALSE;
          if (found)
            sqlite3_bind_int64 (stmt, 1, id);
          else
            sqlite3_bind_text (stmt, 1, lower, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 2, person);
          sqlite3_bind_int64 (stmt, 3, meeting);
          sqlite3_bind_text (stmt, 4, r->text, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 5, r->owner, -1, SQLITE_STATIC);
          bind_text_or_null (stmt, 6, r->due);
          bind_text_or_null (stmt, 7, r->closed);
          sqlite3_bind_text (stmt, 8, r->created, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 9, r->updated, -1, SQLITE_STATIC);
          if (!write_row (m, stmt, path, error))
            return FALSE;
        }
      if (!step (m, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
rapport_exchange_import_from_data (RapportStore         *store,
                                   const char           *data,
                                   gsize                 length,
                                   RapportExchangeStats *stats,
                                   GCancellable         *cancellable,
                                   RapportProgressFunc   progress,
                                   gpointer              progress_data,
                                   GError              **error)
{
  g_autoptr(JsonParser) parser = NULL;
  RapportExchangeStats local_stats = { 0 };
  Document doc = { 0 };
  Merge m = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (progress != NULL)
    progress (0.0, progress_data);
  parser = json_parser_new_immutable ();
  if (!read_document (&doc, parser, data ? data : "", length, error))
    goto out;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;
  if (progress != NULL)
    progress (0.3, progress_data);

  m.store = store;
  m.stats = &local_stats;
  m.cancellable = cancellable;
  m.progress = progress;
  m.progress_data = progress_data;
  m.total = doc.people->len + doc.habits->len + doc.meetings->len +
            doc.ticks->len + doc.commitments->len;
  m.people = g_hash_table_new_full (uuid_hash, uuid_equal, NULL, g_free);
  m.habits = g_hash_table_new_full (uuid_hash, uuid_equal, NULL, g_free);
  m.meetings = g_hash_table_new_full (uuid_hash, uuid_equal, NULL, g_free);
  m.new_meetings = g_array_sized_new (FALSE, FALSE, sizeof (gboolean), doc.meetings->len);

  /* The whole import is one transaction; a cache that holds it saves
   * writing pages to the WAL again and again. Up to 256 MiB (SQLite only
   * takes what it uses), only while importing. */
  rapport_store_exec (store, "PRAGMA cache_size = -262144", NULL);
  if (!rapport_store_begin (store, error))
    goto out;
  if (!merge_habits (&m, &doc, error) ||
      !merge_people (&m, &doc, error) ||
      !merge_meetings (&m, &doc, error) ||
      !merge_ticks (&m, &doc, error) ||
      !merge_commitments (&m, &doc, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !rapport_store_commit (store, error))
    {
      rapport_store_rollback (store);
      goto out;
    }

  if (stats != NULL)
    *stats = local_stats;
  if (progress != NULL)
    progress (1.0, progress_data);
  ok = TRUE;

out:
  if (m.store != NULL)
    rapport_store_exec (store, "PRAGMA cache_size = -2000", NULL);
  g_clear_pointer (&m.new_meetings, g_array_unref);
  g_clear_pointer (&m.people, g_hash_table_unref);
  g_clear_pointer (&m.habits, g_hash_table_unref);
  g_clear_pointer (&m.meetings, g_hash_table_unref);
  document_clear (&doc);
  return ok;
}

static char *
read_file (const char  *path,
           gsize       *length,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local = NULL;
  char *data = NULL;

  /* A missing file is reported by the read below. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  if (info != NULL && g_file_info_get_size (info) > RAPPORT_EXCHANGE_MAX_FILE_BYTES)
    {
      g_set_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_INVALID,
                   _("“%s” is too large to be a Rapport export (at most %d MiB)"),
                   path, RAPPORT_EXCHANGE_MAX_FILE_BYTES / (1024 * 1024));
      return NULL;
    }
  if (!g_file_get_contents (path, &data, length, &local))
    {
      g_set_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_IO,
                   "%s", local->message);
      return NULL;
    }
  return data;
}

gboolean
rapport_exchange_import_from_file (RapportStore         *store,
                                   const char           *path,
                                   RapportExchangeStats *stats,
                                   GCancellable         *cancellable,
                                   RapportProgressFunc   progress,
                                   gpointer              progress_data,
                                   GError              **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((data = read_file (path, &length, error)) == NULL)
    return FALSE;
  if (!rapport_exchange_import_from_data (store, data, length, stats, cancellable,
                                          progress, progress_data, error))
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_prefix_error (error, "%s: ", name);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ *
 * Export
 * ------------------------------------------------------------------ */

typedef struct
{
  RapportStore        *store;
  JsonBuilder         *builder;
  GCancellable        *cancellable;
  RapportProgressFunc  progress;
  gpointer             progress_data;
  guint                done, total;
} Export;

static void
add_text (JsonBuilder  *builder,
          const char   *name,
          sqlite3_stmt *stmt,
          int           column)
{
  json_builder_set_member_name (builder, name);
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, rapport_store_column_text (stmt, column));
}

static void
add_int (JsonBuilder  *builder,
         const char   *name,
         sqlite3_stmt *stmt,
         int           column)
{
  json_builder_set_member_name (builder, name);
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, column));
}

static void
add_bool (JsonBuilder  *builder,
          const char   *name,
          sqlite3_stmt *stmt,
          int           column)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, column) != 0);
}

static gboolean
export_step (Export  *e,
             GError **error)
{
  e->done++;
  if ((e->done & 255) == 0)
    {
      if (g_cancellable_set_error_if_cancelled (e->cancellable, error))
        return FALSE;
      if (e->progress != NULL)
        e->progress (0.9 * e->done / MAX (e->total, 1), e->progress_data);
    }
  return TRUE;
}

static gboolean
finish_query (Export        *e,
              sqlite3_stmt  *stmt,
              int            rc,
              GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      rapport_store_set_error (e->store, error, _("Could not read the database"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
export_habits (Export  *e,
               GError **error)
{
  sqlite3_stmt *stmt = rapport_store_prepare (e->store,
                                              "SELECT uuid, key, label, hint, kind, position,"
                                              " active, created_at, updated_at FROM habits"
                                              " ORDER BY position, uuid", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  json_builder_set_member_name (e->builder, "habits");
  json_builder_begin_array (e->builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (e->builder);
      add_text (e->builder, "uuid", stmt, 0);
      add_text (e->builder, "key", stmt, 1);
      add_text (e->builder, "label", stmt, 2);
      add_text (e->builder, "hint", stmt, 3);
      add_text (e->builder, "kind", stmt, 4);
      add_int (e->builder, "position", stmt, 5);
      add_bool (e->builder, "active", stmt, 6);
      add_text (e->builder, "created_at", stmt, 7);
      add_text (e->builder, "updated_at", stmt, 8);
      json_builder_end_object (e->builder);
      if (!export_step (e, error))
        break;
    }
  json_builder_end_array (e->builder);
  return finish_query (e, stmt, rc, error);
}

static gboolean
export_people (Export  *e,
               GError **error)
{
  sqlite3_stmt *stmt = rapport_store_prepare (e->store,
                                              "SELECT uuid, name, role, cadence_days, archived,"
                                              " created_at, updated_at FROM people"
                                              " ORDER BY created_at, uuid", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  json_builder_set_member_name (e->builder, "people");
  json_builder_begin_array (e->builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (e->builder);
      add_text (e->builder, "uuid", stmt, 0);
      add_text (e->builder, "name", stmt, 1);
      add_text (e->builder, "role", stmt, 2);
      add_int (e->builder, "cadence_days", stmt, 3);
      add_bool (e->builder, "archived", stmt, 4);
      add_text (e->builder, "created_at", stmt, 5);
      add_text (e->builder, "updated_at", stmt, 6);
      json_builder_end_object (e->builder);
      if (!export_step (e, error))
        break;
    }
  json_builder_end_array (e->builder);
  return finish_query (e, stmt, rc, error);
}

static gboolean
export_checklist (Export  *e,
                  gint64   meeting_id,
                  GError **error)
{
  sqlite3_stmt *stmt = rapport_store_prepare (e->store,
                                              "SELECT c.uuid, h.uuid, c.ticked, c.evidence,"
                                              " c.created_at, c.updated_at"
                                              " FROM checklist c JOIN habits h ON h.id = c.habit_id"
                                              " WHERE c.meeting_id = ?1"
                                              " ORDER BY h.position, h.uuid", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  json_builder_set_member_name (e->builder, "checklist");
  json_builder_begin_array (e->builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (e->builder);
      add_text (e->builder, "uuid", stmt, 0);
      add_text (e->builder, "habit", stmt, 1);
      add_bool (e->builder, "ticked", stmt, 2);
      add_text (e->builder, "evidence", stmt, 3);
      add_text (e->builder, "created_at", stmt, 4);
      add_text (e->builder, "updated_at", stmt, 5);
      json_builder_end_object (e->builder);
      e->done++;
    }
  json_builder_end_array (e->builder);
  return finish_query (e, stmt, rc, error);
}

static gboolean
export_meetings (Export  *e,
                 GError **error)
{
  /* Its own statement, not a cached one: export_checklist() runs while
   * this one is still stepping. */
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (rapport_store_get_handle (e->store),
                          "SELECT m.id, m.uuid, p.uuid, m.date, m.mood, m.notes,"
                          " m.created_at, m.updated_at"
                          " FROM meetings m JOIN people p ON p.id = m.person_id"
                          " WHERE m.deleted = 0"
                          " ORDER BY m.date, m.created_at, m.uuid",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      rapport_store_set_error (e->store, error, _("Could not read the database"));
      return FALSE;
    }
  json_builder_set_member_name (e->builder, "meetings");
  json_builder_begin_array (e->builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (e->builder);
      add_text (e->builder, "uuid", stmt, 1);
      add_text (e->builder, "person", stmt, 2);
      add_text (e->builder, "date", stmt, 3);
      add_int (e->builder, "mood", stmt, 4);
      add_text (e->builder, "notes", stmt, 5);
      add_text (e->builder, "created_at", stmt, 6);
      add_text (e->builder, "updated_at", stmt, 7);
      if (!export_checklist (e, sqlite3_column_int64 (stmt, 0), error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
      json_builder_end_object (e->builder);
      if (!export_step (e, error))
        break;
    }
  json_builder_end_array (e->builder);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    rapport_store_set_error (e->store, error, _("Could not read the database"));
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

static gboolean
export_commitments (Export  *e,
                    GError **error)
{
  sqlite3_stmt *stmt = rapport_store_prepare (e->store,
                                              "SELECT c.uuid, p.uuid, m.uuid, c.text, c.owner,"
                                              " c.due, c.closed_on, c.created_at, c.updated_at"
                                              " FROM commitments c"
                                              " JOIN people p ON p.id = c.person_id"
                                              " JOIN meetings m ON m.id = c.meeting_id"
                                              " WHERE c.deleted = 0 AND m.deleted = 0"
                                              " ORDER BY c.created_at, c.uuid", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  json_builder_set_member_name (e->builder, "commitments");
  json_builder_begin_array (e->builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (e->builder);
      add_text (e->builder, "uuid", stmt, 0);
      add_text (e->builder, "person", stmt, 1);
      add_text (e->builder, "meeting", stmt, 2);
      add_text (e->builder, "text", stmt, 3);
      add_text (e->builder, "owner", stmt, 4);
      add_text (e->builder, "due", stmt, 5);
      add_text (e->builder, "closed_on", stmt, 6);
      add_text (e->builder, "created_at", stmt, 7);
      add_text (e->builder, "updated_at", stmt, 8);
      json_builder_end_object (e->builder);
      if (!export_step (e, error))
        break;
    }
  json_builder_end_array (e->builder);
  return finish_query (e, stmt, rc, error);
}

static gboolean
count_rows (RapportStore  *store,
            guint         *total,
            GError       **error)
{
  sqlite3_stmt *stmt = rapport_store_prepare (store,
                                              "SELECT (SELECT count(*) FROM habits)"
                                              " + (SELECT count(*) FROM people)"
                                              " + (SELECT count(*) FROM meetings)"
                                              " + (SELECT count(*) FROM checklist)"
                                              " + (SELECT count(*) FROM commitments)", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      rapport_store_set_error (store, error, _("Could not read the database"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  *total = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

char *
rapport_exchange_export_to_data (RapportStore         *store,
                                 gsize                *length,
                                 GCancellable         *cancellable,
                                 RapportProgressFunc   progress,
                                 gpointer              progress_data,
                                 GError              **error)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *now = NULL;
  sqlite3 *db;
  gboolean own_txn;
  gboolean ok;
  Export e = { 0 };
  char *data;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = rapport_store_get_handle (store);
  if (progress != NULL)
    progress (0.0, progress_data);

  /* One read transaction, so the file is one consistent moment. */
  own_txn = sqlite3_get_autocommit (db);
  if (own_txn && !rapport_store_exec (store, "BEGIN", error))
    return NULL;

  builder = json_builder_new_immutable ();
  e.store = store;
  e.builder = builder;
  e.cancellable = cancellable;
  e.progress = progress;
  e.progress_data = progress_data;

  now = rapport_store_now ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, RAPPORT_EXCHANGE_FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, RAPPORT_EXCHANGE_FORMAT_VERSION);
  json_builder_set_member_name (builder, "exported_at");
  json_builder_add_string_value (builder, now);
  json_builder_set_member_name (builder, "generator");
  json_builder_add_string_value (builder, "Rapport " PACKAGE_VERSION);

  ok = count_rows (store, &e.total, error) &&
       export_habits (&e, error) &&
       export_people (&e, error) &&
       export_meetings (&e, error) &&
       export_commitments (&e, error);
  json_builder_end_object (builder);

  if (own_txn)
    sqlite3_exec (db, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
  if (!ok)
    return NULL;

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, length);
  if (progress != NULL)
    progress (0.95, progress_data);
  return data;
}

gboolean
rapport_exchange_export_to_file (RapportStore         *store,
                                 const char           *path,
                                 GCancellable         *cancellable,
                                 RapportProgressFunc   progress,
                                 gpointer              progress_data,
                                 GError              **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local = NULL;
  gsize length = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = rapport_exchange_export_to_data (store, &length, cancellable,
                                          progress, progress_data, error);
  if (data == NULL)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  /* The notes are private: the file is the owner's only. */
  if (!g_file_set_contents_full (path, data, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local))
    {
      g_set_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_IO,
                   "%s", local->message);
      return FALSE;
    }
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

/* ------------------------------------------------------------------ *
 * One person's history as Markdown
 * ------------------------------------------------------------------ */

/* Names and labels sit inside Markdown syntax: keep them on one line and
 * keep their punctuation from being read as formatting. */
static void
append_inline (GString    *out,
               const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        g_string_append_c (out, ' ');
      else
        {
          if (strchr ("\\`*_[]#<>|", *p) != NULL)
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
    }
}

static char *
format_day (const char *date)
{
  g_autoptr(GDateTime) dt = NULL;
  int y = 0, m = 0, d = 0;

  if (sscanf (date, "%d-%d-%d", &y, &m, &d) != 3 ||
      (dt = g_date_time_new_local (y, m, d, 12, 0, 0)) == NULL)
    return g_strdup (date);
  /* TRANSLATORS: a meeting's date in a printed history, see g_date_time_format() */
  return g_date_time_format (dt, _("%A, %-d %B %Y"));
}

static gboolean
markdown_meeting (RapportStore  *store,
                  GString       *out,
                  gint64         meeting_id,
                  GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean any = FALSE;
  int rc;

  stmt = rapport_store_prepare (store,
                                "SELECT h.label, c.evidence FROM checklist c"
                                " JOIN habits h ON h.id = c.habit_id"
                                " WHERE c.meeting_id = ?1 AND c.ticked = 1"
                                " ORDER BY h.position, h.uuid", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *evidence = rapport_store_column_text (stmt, 1);
      if (!any)
        g_string_append_printf (out, "**%s**\n\n", _("Habits practised"));
      any = TRUE;
      g_string_append (out, "- ");
      append_inline (out, rapport_store_column_text (stmt, 0));
      if (*evidence != '\0')
        {
          g_string_append (out, ": ");
          append_inline (out, evidence);
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not read the database"));
      return FALSE;
    }
  if (any)
    g_string_append_c (out, '\n');

  stmt = rapport_store_prepare (store,
                                "SELECT text, owner, due, closed_on FROM commitments"
                                " WHERE meeting_id = ?1 AND deleted = 0"
                                " ORDER BY created_at, uuid", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  any = FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *due = (const char *) sqlite3_column_text (stmt, 2);
      const char *closed = (const char *) sqlite3_column_text (stmt, 3);
      gboolean mine = g_str_equal (rapport_store_column_text (stmt, 1), "me");

      if (!any)
        g_string_append_printf (out, "**%s**\n\n", _("Commitments"));
      any = TRUE;
      g_string_append_printf (out, "- [%c] %s: ", closed ? 'x' : ' ',
                              mine ? _("Me") : _("Them"));
      append_inline (out, rapport_store_column_text (stmt, 0));
      if (due != NULL)
        g_string_append_printf (out, " (%s %s)", _("due"), due);
      if (closed != NULL)
        g_string_append_printf (out, " (%s %s)", _("done"), closed);
      g_string_append_c (out, '\n');
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not read the database"));
      return FALSE;
    }
  if (any)
    g_string_append_c (out, '\n');
  return TRUE;
}

char *
rapport_exchange_person_markdown (RapportStore  *store,
                                  const char    *person_uuid,
                                  GError       **error)
{
  g_autoptr(GString) out = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *today = NULL;
  gint64 person_id;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (person_uuid != NULL, NULL);

  stmt = rapport_store_prepare (store,
                                "SELECT id, name, role FROM people WHERE uuid = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, person_uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                   _("There is no such person in the database"));
      return NULL;
    }
  out = g_string_new ("# ");
  person_id = sqlite3_column_int64 (stmt, 0);
  append_inline (out, rapport_store_column_text (stmt, 1));
  g_string_append (out, "\n\n");
  if (*rapport_store_column_text (stmt, 2) != '\0')
    {
      append_inline (out, rapport_store_column_text (stmt, 2));
      g_string_append (out, "  \n");
    }
  sqlite3_reset (stmt);
  today = rapport_store_today ();
  /* TRANSLATORS: %s is a date, YYYY-MM-DD */
  g_string_append_printf (out, _("1:1 history exported from Rapport on %s"), today);
  g_string_append (out, "\n\n");

  /* Not a cached statement: markdown_meeting() prepares others meanwhile. */
  if (sqlite3_prepare_v2 (rapport_store_get_handle (store),
                          "SELECT id, date, mood, notes FROM meetings"
                          " WHERE person_id = ?1 AND deleted = 0"
                          " ORDER BY date DESC, id DESC", -1, &stmt, NULL) != SQLITE_OK)
    {
      rapport_store_set_error (store, error, _("Could not read the database"));
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *day = format_day (rapport_store_column_text (stmt, 1));
      const char *notes = rapport_store_column_text (stmt, 3);

      g_string_append_printf (out, "## %s\n\n", day);
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        {
          /* TRANSLATORS: mood of a meeting on a scale of 1 to 5 */
          g_string_append_printf (out, _("Mood: %d of 5"), sqlite3_column_int (stmt, 2));
          g_string_append (out, "\n\n");
        }
      if (!markdown_meeting (store, out, sqlite3_column_int64 (stmt, 0), error))
        {
          sqlite3_finalize (stmt);
          return NULL;
        }
      if (*notes != '\0')
        {
          g_autofree char *trimmed = g_strstrip (g_strdup (notes));
          g_string_append_printf (out, "**%s**\n\n%s\n\n", _("Notes"), trimmed);
        }
      g_string_append (out, "---\n\n");
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not read the database"));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
rapport_exchange_person_markdown_to_file (RapportStore  *store,
                                          const char    *person_uuid,
                                          const char    *path,
                                          GError       **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if ((text = rapport_exchange_person_markdown (store, person_uuid, error)) == NULL)
    return FALSE;
  if (!g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, &local))
    {
      g_set_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_IO,
                   "%s", local->message);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ *
 * Off the main thread
 * ------------------------------------------------------------------ */

typedef struct
{
  char                 *db_path;
  char                 *file_path;
  RapportProgressRelay *relay;
  RapportExchangeStats  stats;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->db_path);
  g_free (job->file_path);
  g_clear_pointer (&job->relay, rapport_progress_relay_unref);
  g_free (job);
}

static GTask *
job_task_new (RapportStore        *store,
              const char          *path,
              GCancellable        *cancellable,
              RapportProgressFunc  progress,
              gpointer             progress_data,
              GAsyncReadyCallback  callback,
              gpointer             user_data,
              gpointer             tag)
{
  GTask *task = g_task_new (store, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->db_path = g_strdup (rapport_store_get_path (store));
  job->file_path = g_strdup (path);
  job->relay = rapport_progress_relay_new (progress, progress_data);
  g_task_set_source_tag (task, tag);
  g_task_set_task_data (task, job, job_free);
  return task;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(RapportStore) store = NULL;
  GError *error = NULL;

  store = rapport_store_open_secondary (job->db_path, &error);
  if (store == NULL ||
      !rapport_exchange_export_to_file (store, job->file_path, cancellable,
                                        rapport_progress_relay_report, job->relay, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
rapport_exchange_export_async (RapportStore        *store,
                               const char          *path,
                               GCancellable        *cancellable,
                               RapportProgressFunc  progress,
                               gpointer             progress_data,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (path != NULL);

  task = job_task_new (store, path, cancellable, progress, progress_data,
                       callback, user_data, rapport_exchange_export_async);
  g_task_run_in_thread (task, export_thread);
}

gboolean
rapport_exchange_export_finish (RapportStore  *store,
                                GAsyncResult  *result,
                                GError       **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  job = g_task_get_task_data (G_TASK (result));
  rapport_progress_relay_finish (job->relay);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(RapportStore) store = NULL;
  GError *error = NULL;

  store = rapport_store_open_secondary (job->db_path, &error);
  if (store == NULL ||
      !rapport_exchange_import_from_file (store, job->file_path, &job->stats, cancellable,
                                          rapport_progress_relay_report, job->relay, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
rapport_exchange_import_async (RapportStore        *store,
                               const char          *path,
                               GCancellable        *cancellable,
                               RapportProgressFunc  progress,
                               gpointer             progress_data,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (path != NULL);

  task = job_task_new (store, path, cancellable, progress, progress_data,
                       callback, user_data, rapport_exchange_import_async);
  g_task_run_in_thread (task, import_thread);
}

gboolean
rapport_exchange_import_finish (RapportStore          *store,
                                GAsyncResult          *result,
                                RapportExchangeStats  *stats,
                                GError               **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  job = g_task_get_task_data (G_TASK (result));
  rapport_progress_relay_finish (job->relay);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (stats != NULL)
    *stats = job->stats;
  return TRUE;
}
