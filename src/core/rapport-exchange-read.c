/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "rapport-exchange-private.h"

/* ------------------------------------------------------------------ *
 * Checking what a file says, one element at a time
 * ------------------------------------------------------------------ */

/* The reading of one file. */
typedef struct
{
  const char       *data;
  const RecordSink *sink;
  gpointer          sink_data;
  Decoder           decoder;
  UuidTable         uuids; /* every row's own UUID -> where (see where()) */
  GHashTable       *keys;  /* habit key -> its index in $.habits */
  GArray           *ticks; /* TickRec of the meeting being read */
} Document;

void
rapport_exchange_invalid (GError    **error,
                          const char *path,
                          const char *format,
                          ...)
{
  g_autofree char *message = NULL;
  va_list          args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_INVALID,
               "%s: %s", path, message);
}

/* rapport_exchange_invalid() for the member @name of the object at @base.
 * Returns FALSE, for the caller to return. */
static gboolean invalid_member (GError    **error,
                                const char *base,
                                const char *name,
                                const char *format,
                                ...) G_GNUC_PRINTF (4, 5);

static gboolean
invalid_member (GError    **error,
                const char *base,
                const char *name,
                const char *format,
                ...)
{
  g_autofree char *path = g_strconcat (base, ".", name, NULL);
  g_autofree char *message = NULL;
  va_list          args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  rapport_exchange_invalid (error, path, "%s", message);
  return FALSE;
}

/* ---- a compact set of UUIDs ---- */

struct UuidSlot
{
  guint64 hi, lo;
  guint64 value; /* bit 63 set: in use */
};

#define SLOT_USED (G_GUINT64_CONSTANT (1) << 63)

void
rapport_exchange_uuid_table_init (UuidTable *table)
{
  table->mask = 255;
  table->used = 0;
  table->slots = g_new0 (struct UuidSlot, table->mask + 1);
}

void
rapport_exchange_uuid_table_clear (UuidTable *table)
{
  g_clear_pointer (&table->slots, g_free);
  table->mask = table->used = 0;
}

/* Each character's value as a hex digit plus one; 0 for any other: a
 * load for each of the 32 digits of each of the 450,000 UUIDs the
 * decade's file has and refers to, where three ranges were tested. */
static const guint8 hex_digit[256] = {
  ['0'] = 1,
  ['1'] = 2,
  ['2'] = 3,
  ['3'] = 4,
  ['4'] = 5,
  ['5'] = 6,
  ['6'] = 7,
  ['7'] = 8,
  ['8'] = 9,
  ['9'] = 10,
  ['a'] = 11,
  ['b'] = 12,
  ['c'] = 13,
  ['d'] = 14,
  ['e'] = 15,
  ['f'] = 16,
  ['A'] = 11,
  ['B'] = 12,
  ['C'] = 13,
  ['D'] = 14,
  ['E'] = 15,
  ['F'] = 16,
};

/* The 128 bits of a valid UUID's text, case folded: its 32 digits as one
 * number, each shifted into the low half, whose top digit moves into the
 * high half. In locals and through a table, not through @hi and @lo
 * with a test of each character: this runs for every UUID of the file
 * and every reference to one (325,000 calls for the decade, 0.26 G
 * instructions before). */
static void
uuid_bits (const char *uuid,
           guint64    *hi,
           guint64    *lo)
{
  guint64 h = 0, l = 0;

  for (const guchar *p = (const guchar *) uuid; *p != '\0'; p++)
    {
      guint v = hex_digit[*p];

      if (v != 0)
        {
          h = h << 4 | l >> 60;
          l = l << 4 | (v - 1);
        }
    }
  *hi = h;
  *lo = l;
}

static struct UuidSlot *
find_slot (UuidTable *table,
           guint64    hi,
           guint64    lo)
{
  /* A UUID's bits are mostly random already; mix them anyway, as
   * hand-made ones (a000…0001) are not. */
  guint64 h = (hi ^ (lo * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)));
  gsize   i;

  h ^= h >> 29;
  for (i = (gsize) h & table->mask;; i = (i + 1) & table->mask)
    {
      struct UuidSlot *slot = &table->slots[i];

      if (!(slot->value & SLOT_USED) || (slot->hi == hi && slot->lo == lo))
        return slot;
    }
}

gboolean
rapport_exchange_uuid_table_add (UuidTable  *table,
                                 const char *uuid,
                                 guint64     value,
                                 guint64    *old)
{
  struct UuidSlot *slot;
  guint64          hi, lo;

  uuid_bits (uuid, &hi, &lo);
  slot = find_slot (table, hi, lo);
  if (slot->value & SLOT_USED)
    {
      if (old != NULL)
        *old = slot->value & ~SLOT_USED;
      return FALSE;
    }
  slot->hi = hi;
  slot->lo = lo;
  slot->value = value | SLOT_USED;
  if (++table->used * 2 > table->mask)
    {
      struct UuidSlot *old_slots = table->slots;
      gsize            old_size = table->mask + 1;

      table->mask = old_size * 2 - 1;
      table->slots = g_new0 (struct UuidSlot, old_size * 2);
      for (gsize i = 0; i < old_size; i++)
        if (old_slots[i].value & SLOT_USED)
          *find_slot (table, old_slots[i].hi, old_slots[i].lo) = old_slots[i];
      g_free (old_slots);
    }
  return TRUE;
}

gboolean
rapport_exchange_uuid_table_get (UuidTable  *table,
                                 const char *uuid,
                                 guint64    *value)
{
  struct UuidSlot *slot;
  guint64          hi, lo;

  uuid_bits (uuid, &hi, &lo);
  slot = find_slot (table, hi, lo);
  if (!(slot->value & SLOT_USED))
    return FALSE;
  *value = slot->value & ~SLOT_USED;
  return TRUE;
}

const char *
rapport_exchange_lower_uuid (const char *uuid,
                             char        out[64])
{
  gsize i;

  for (i = 0; uuid[i] != '\0' && i < 63; i++)
    out[i] = uuid[i] >= 'A' && uuid[i] <= 'Z' ? uuid[i] - 'A' + 'a' : uuid[i];
  out[i] = '\0';
  return out;
}

static Value *
member (const Value *object,
        const char  *name)
{
  return rapport_exchange_value_member (object, name);
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

/* The number the @n digits at @s write (is_digits() said they are). */
static int
digits_value (const char *s,
              guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    value = value * 10 + (s[i] - '0');
  return value;
}

/* The first ten characters of @s are YYYY-MM-DD, a real calendar day.
 * The numbers are read here, not with atoi(): the decade's file has two
 * million of them, and strtol() took 0.3 G instructions of its import. */
static gboolean
is_day (const char *s)
{
  int year;

  if (!is_digits (s, 4) || s[4] != '-' || !is_digits (s + 5, 2) || s[7] != '-' ||
      !is_digits (s + 8, 2))
    return FALSE;
  year = digits_value (s, 4);
  return year >= 1 && g_date_valid_dmy (digits_value (s + 8, 2), digits_value (s + 5, 2), year);
}

/* YYYY-MM-DD, a real calendar day. */
static gboolean
is_date (const char *s)
{
  return strlen (s) == 10 && is_day (s);
}

/* YYYY-MM-DDTHH:MM:SS.mmmZ, as rapport_store_now() writes: this exact
 * shape sorts as it reads, which the merge rule relies on. */
static gboolean
is_timestamp (const char *s)
{
  if (strlen (s) != 24 || s[10] != 'T' || s[23] != 'Z' || !is_day (s))
    return FALSE;
  return is_digits (s + 11, 2) && s[13] == ':' && is_digits (s + 14, 2) &&
         s[16] == ':' && is_digits (s + 17, 2) && s[19] == '.' &&
         is_digits (s + 20, 3) &&
         digits_value (s + 11, 2) < 24 && digits_value (s + 14, 2) < 60 &&
         digits_value (s + 17, 2) < 60;
}

/* A UUID's text: 8-4-4-4-12 hex digits, either case (as
 * g_uuid_string_is_valid(), in a sixth of its instructions). Group by
 * group, through the table of digits, each byte read only when those
 * before it were right, so that nothing past the end of a shorter text
 * is read. */
static gboolean
is_uuid (const char *s)
{
  static const guint8 groups[] = { 8, 4, 4, 4, 12 };
  const guchar       *u = (const guchar *) s;

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      if (g > 0 && *u++ != '-')
        return FALSE;
      for (guint k = 0; k < groups[g]; k++)
        if (hex_digit[*u++] == 0)
          return FALSE;
    }
  return *u == '\0';
}

/* Two valid UUIDs' texts are the same but for case: their characters
 * are hex digits and '-', which only differ in the 0x20 bit by case. */
static gboolean
same_uuid (const char *a,
           const char *b)
{
  for (gsize i = 0; i < 36; i++)
    if ((a[i] | 0x20) != (b[i] | 0x20))
      return FALSE;
  return TRUE;
}

typedef enum
{
  REQUIRED,
  OPTIONAL, /* missing means the default */
  NULLABLE, /* missing or null means NULL */
} Presence;

static gboolean
get_string (const Value *object,
            const char  *base,
            const char  *name,
            Presence     presence,
            const char  *fallback,
            gsize        max_chars,
            gsize        max_bytes,
            const char **out,
            GError     **error)
{
  Value      *node = member (object, name);
  const char *value;
  gsize       bytes;

  if (node == NULL || (presence == NULLABLE && node->kind == 'n'))
    {
      if (presence == REQUIRED)
        return invalid_member (error, base, name, _("missing"));
      *out = presence == NULLABLE ? NULL : fallback;
      return TRUE;
    }

  if (node->kind != '"')
    return invalid_member (error, base, name, _("not a string"));

  /* Valid UTF-8 without NUL: the scan saw to both. */
  value = node->text;
  bytes = node->length;
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
get_int (const Value *object,
         const char  *base,
         const char  *name,
         Presence     presence,
         gint64       fallback,
         gint64       min,
         gint64       max,
         gint64      *out,
         GError     **error)
{
  Value *node = member (object, name);
  gint64 value;

  if (node == NULL || (presence == NULLABLE && node->kind == 'n'))
    {
      if (presence == REQUIRED)
        return invalid_member (error, base, name, _("missing"));
      *out = fallback;
      return TRUE;
    }
  if (node->kind != '0')
    return invalid_member (error, base, name, _("not a whole number"));
  value = node->number;
  if (value < min || value > max)
    return invalid_member (error, base, name, _("%lld is out of range (%lld to %lld)"),
                           (long long) value, (long long) min, (long long) max);
  *out = value;
  return TRUE;
}

static gboolean
get_bool (const Value *object,
          const char  *base,
          const char  *name,
          gboolean     fallback,
          gboolean    *out,
          GError     **error)
{
  Value *node = member (object, name);

  if (node == NULL)
    {
      *out = fallback;
      return TRUE;
    }
  if (node->kind != 't' && node->kind != 'f')
    return invalid_member (error, base, name, _("not true or false"));
  *out = node->kind == 't';
  return TRUE;
}

/* A short string member (a date, a time, a UUID) that @valid accepts;
 * otherwise @what (marked with N_(), translated only then) says what it
 * is not: looking the translation up for every member the file has took
 * 0.3 G instructions of the 10.8 G of importing the decade. */
static gboolean
get_checked (const Value *object,
             const char  *base,
             const char  *name,
             Presence     presence,
             gboolean (*valid) (const char *),
             const char  *what,
             const char **out,
             GError     **error)
{
  if (!get_string (object, base, name, presence, NULL, 0, 64, out, error))
    return FALSE;
  if (*out != NULL && !valid (*out))
    return invalid_member (error, base, name, "%s", _(what));
  return TRUE;
}

static gboolean
get_date (const Value *object,
          const char  *base,
          const char  *name,
          Presence     presence,
          const char **out,
          GError     **error)
{
  return get_checked (object, base, name, presence, is_date,
                      N_("not a date (YYYY-MM-DD)"), out, error);
}

static gboolean
get_timestamp (const Value *object,
               const char  *base,
               const char  *name,
               const char **out,
               GError     **error)
{
  return get_checked (object, base, name, REQUIRED, is_timestamp,
                      N_("not a UTC time (YYYY-MM-DDTHH:MM:SS.mmmZ)"), out, error);
}

static gboolean
get_uuid_ref (const Value *object,
              const char  *base,
              const char  *name,
              const char **out,
              GError     **error)
{
  return get_checked (object, base, name, REQUIRED, is_uuid,
                      N_("not a UUID"), out, error);
}

/* Where a row is, in the 63 bits a UuidTable keeps: its list, its index
 * and, for a checklist row, its index in the meeting's checklist. */
static guint64
where (ListKind list,
       guint    index,
       int      tick)
{
  return (guint64) list << 56 | (guint64) (tick + 1) << 32 | index;
}

static char *
where_path (guint64 w)
{
  ListKind list = (ListKind) (w >> 56);
  int      tick = (int) ((w >> 32) & 0xffffff) - 1;
  guint    index = (guint) (w & 0xffffffff);

  if (tick >= 0)
    return g_strdup_printf ("$.%s[%u].checklist[%d]", rapport_exchange_list_name (list), index, tick);
  return g_strdup_printf ("$.%s[%u]", rapport_exchange_list_name (list), index);
}

/* The row's own UUID: valid and not used by another row of the file. */
static gboolean
get_own_uuid (Document    *doc,
              const Value *object,
              const char  *base,
              guint64      here,
              const char **out,
              GError     **error)
{
  guint64 first;

  if (!get_uuid_ref (object, base, "uuid", out, error))
    return FALSE;
  if (!rapport_exchange_uuid_table_add (&doc->uuids, *out, here, &first))
    {
      g_autofree char *first_path = where_path (first);
      return invalid_member (error, base, "uuid", _("the UUID %s is used twice (first at %s)"),
                             *out, first_path);
    }
  return TRUE;
}

static gboolean
get_timestamps (const Value *object,
                const char  *base,
                const char **created,
                const char **updated,
                GError     **error)
{
  return get_timestamp (object, base, "created_at", created, error) &&
         get_timestamp (object, base, "updated_at", updated, error);
}

static gboolean
read_person (Document    *doc,
             const Value *o,
             const char  *base,
             guint        index,
             GError     **error)
{
  PersonRec r = { 0 };

  if (!get_own_uuid (doc, o, base, where (LIST_PEOPLE, index, -1), &r.uuid, error) ||
      !get_string (o, base, "name", REQUIRED, NULL, RAPPORT_EXCHANGE_MAX_NAME_CHARS, 0, &r.name, error) ||
      !get_string (o, base, "role", OPTIONAL, "", RAPPORT_EXCHANGE_MAX_NAME_CHARS, 0, &r.role, error) ||
      !get_int (o, base, "cadence_days", OPTIONAL, 7, 1, 366, &r.cadence, error) ||
      !get_bool (o, base, "archived", FALSE, &r.archived, error) ||
      !get_date (o, base, "next_date", NULLABLE, &r.next_date, error) ||
      !get_timestamps (o, base, &r.created, &r.updated, error))
    return FALSE;
  if (r.name[0] == '\0')
    return invalid_member (error, base, "name", _("empty"));
  return doc->sink->person (doc->sink_data, &r, index, error);
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
read_habit (Document    *doc,
            const Value *o,
            const char  *base,
            guint        index,
            GError     **error)
{
  HabitRec r = { 0 };
  gpointer first;

  if (!get_own_uuid (doc, o, base, where (LIST_HABITS, index, -1), &r.uuid, error) ||
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
  if (r.key != NULL)
    {
      if (g_hash_table_lookup_extended (doc->keys, r.key, NULL, &first))
        return invalid_member (error, base, "key",
                               _("the key “%s” is used twice (first at $.habits[%u])"),
                               r.key, GPOINTER_TO_UINT (first));
      g_hash_table_insert (doc->keys, g_strdup (r.key), GUINT_TO_POINTER (index));
    }
  return doc->sink->habit (doc->sink_data, &r, index, error);
}

/* "@prefix[@index]" into @out, of @size bytes, as g_snprintf() would
 * write it: by hand, as it is written for every element and every tick
 * of a file before anything is wrong (142,000 times for the decade,
 * 0.14 G instructions through g_snprintf()). */
static void
indexed_path (char       *out,
              gsize       size,
              const char *prefix,
              guint       index)
{
  char  digits[16];
  gsize n = 0, length = strlen (prefix);
  guint rest = index;

  do
    digits[n++] = (char) ('0' + rest % 10);
  while ((rest /= 10) != 0);
  if (length + n + 2 >= size)
    {
      g_snprintf (out, size, "%s[%u]", prefix, index);
      return;
    }
  memcpy (out, prefix, length);
  out[length++] = '[';
  while (n > 0)
    out[length++] = digits[--n];
  out[length++] = ']';
  out[length] = '\0';
}

static gboolean
read_tick (Document    *doc,
           const Value *o,
           const char  *base,
           guint        meeting,
           guint        index,
           GError     **error)
{
  TickRec r = { 0 };

  if (!get_own_uuid (doc, o, base, where (LIST_MEETINGS, meeting, (int) index), &r.uuid, error) ||
      !get_uuid_ref (o, base, "habit", &r.habit, error) ||
      !get_bool (o, base, "ticked", FALSE, &r.ticked, error) ||
      !get_string (o, base, "evidence", OPTIONAL, "", RAPPORT_EXCHANGE_MAX_TEXT_CHARS, 0, &r.evidence, error) ||
      !get_timestamps (o, base, &r.created, &r.updated, error))
    return FALSE;
  for (guint j = 0; j < doc->ticks->len; j++)
    if (same_uuid (g_array_index (doc->ticks, TickRec, j).habit, r.habit))
      return invalid_member (error, base, "habit",
                             _("this habit is already on the meeting’s checklist"));
  r.index = index;
  g_array_append_val (doc->ticks, r);
  return TRUE;
}

static gboolean
read_checklist (Document    *doc,
                const Value *meeting,
                const char  *meeting_base,
                guint        meeting_index,
                GError     **error)
{
  g_autofree char *path = g_strconcat (meeting_base, ".checklist", NULL);
  Value           *node = member (meeting, "checklist");
  char             base[128];
  guint            i = 0;

  g_array_set_size (doc->ticks, 0);
  if (node == NULL)
    return TRUE;
  if (node->kind != '[')
    {
      rapport_exchange_invalid (error, path, _("not a list"));
      return FALSE;
    }
  if (node->n > RAPPORT_EXCHANGE_MAX_CHECKLIST)
    {
      rapport_exchange_invalid (error, path, _("more than %d habits"), RAPPORT_EXCHANGE_MAX_CHECKLIST);
      return FALSE;
    }
  for (Value *element = node->first; element != NULL; element = element->next, i++)
    {
      indexed_path (base, sizeof base, path, i);
      if (element->kind != '{')
        {
          rapport_exchange_invalid (error, base, _("not an object"));
          return FALSE;
        }
      if (!read_tick (doc, element, base, meeting_index, i, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_meeting (Document    *doc,
              const Value *o,
              const char  *base,
              guint        index,
              GError     **error)
{
  MeetingRec r = { 0 };

  if (!get_own_uuid (doc, o, base, where (LIST_MEETINGS, index, -1), &r.uuid, error) ||
      !get_uuid_ref (o, base, "person", &r.person, error) ||
      !get_date (o, base, "date", REQUIRED, &r.date, error) ||
      !get_int (o, base, "mood", NULLABLE, 0, 1, 5, &r.mood, error) ||
      !get_string (o, base, "notes", OPTIONAL, "", 0, RAPPORT_EXCHANGE_MAX_NOTES_BYTES, &r.notes, error) ||
      !get_timestamps (o, base, &r.created, &r.updated, error) ||
      !read_checklist (doc, o, base, index, error))
    return FALSE;
  return doc->sink->meeting (doc->sink_data, &r, (TickRec *) (gpointer) doc->ticks->data,
                             doc->ticks->len, index, error);
}

static gboolean
read_commitment (Document    *doc,
                 const Value *o,
                 const char  *base,
                 guint        index,
                 GError     **error)
{
  CommitmentRec r = { 0 };

  if (!get_own_uuid (doc, o, base, where (LIST_COMMITMENTS, index, -1), &r.uuid, error) ||
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
  return doc->sink->commitment (doc->sink_data, &r, index, error);
}

static gboolean
read_talking_point (Document    *doc,
                    const Value *o,
                    const char  *base,
                    guint        index,
                    GError     **error)
{
  TalkingPointRec r = { 0 };
  Value          *discussed = member (o, "discussed_in");
  Value          *series = member (o, "series");

  if (!get_own_uuid (doc, o, base, where (LIST_TALKING_POINTS, index, -1), &r.uuid, error) ||
      !get_uuid_ref (o, base, "person", &r.person, error) ||
      !get_string (o, base, "text", REQUIRED, NULL, RAPPORT_EXCHANGE_MAX_TEXT_CHARS, 0, &r.text, error) ||
      !get_string (o, base, "raised_by", OPTIONAL, "me", 0, 64, &r.raised_by, error) ||
      !get_int (o, base, "position", OPTIONAL, 0, G_MININT32, G_MAXINT32, &r.position, error) ||
      (discussed != NULL && discussed->kind != 'n' &&
       !get_uuid_ref (o, base, "discussed_in", &r.discussed_in, error)) ||
      !get_int (o, base, "recur_every", NULLABLE, 0, 1, 366, &r.recur_every, error) ||
      !get_string (o, base, "recur_unit", NULLABLE, NULL, 0, 64, &r.recur_unit, error) ||
      (series != NULL && series->kind != 'n' &&
       !get_uuid_ref (o, base, "series", &r.series, error)) ||
      !get_date (o, base, "next_due", NULLABLE, &r.next_due, error) ||
      !get_timestamps (o, base, &r.created, &r.updated, error))
    return FALSE;
  if (r.text[0] == '\0')
    return invalid_member (error, base, "text", _("empty"));
  if (strcmp (r.raised_by, "me") != 0 && strcmp (r.raised_by, "them") != 0)
    return invalid_member (error, base, "raised_by", _("neither “me” nor “them”"));
  if (r.recur_unit != NULL && strcmp (r.recur_unit, "days") != 0 && strcmp (r.recur_unit, "weeks") != 0)
    return invalid_member (error, base, "recur_unit", _("neither “days” nor “weeks”"));
  if ((r.recur_unit == NULL) != (r.recur_every == 0))
    return invalid_member (error, base, r.recur_unit == NULL ? "recur_unit" : "recur_every",
                           _("a recurring point needs both recur_every and recur_unit"));
  if (r.recur_unit != NULL && strcmp (r.recur_unit, "weeks") == 0 && r.recur_every * 7 > 366)
    return invalid_member (error, base, "recur_every", _("more than a year"));
  if (r.recur_unit != NULL && r.series == NULL)
    return invalid_member (error, base, "series", _("missing for a recurring point"));
  return doc->sink->talking_point (doc->sink_data, &r, index, error);
}

static gboolean
read_missed_meeting (Document    *doc,
                     const Value *o,
                     const char  *base,
                     guint        index,
                     GError     **error)
{
  MissedMeetingRec r = { 0 };

  if (!get_own_uuid (doc, o, base, where (LIST_MISSED_MEETINGS, index, -1), &r.uuid, error) ||
      !get_uuid_ref (o, base, "person", &r.person, error) ||
      !get_date (o, base, "date", REQUIRED, &r.date, error) ||
      !get_string (o, base, "kind", REQUIRED, NULL, 0, 64, &r.kind, error) ||
      !get_string (o, base, "reason", OPTIONAL, "", RAPPORT_EXCHANGE_MAX_TEXT_CHARS, 0, &r.reason, error) ||
      !get_string (o, base, "reason_kind", OPTIONAL, "other", 0, 64, &r.reason_kind, error) ||
      !get_date (o, base, "moved_to", NULLABLE, &r.moved_to, error) ||
      !get_timestamps (o, base, &r.created, &r.updated, error))
    return FALSE;
  if (strcmp (r.kind, "skipped") != 0 && strcmp (r.kind, "moved") != 0)
    return invalid_member (error, base, "kind", _("neither “skipped” nor “moved”"));
  if (strcmp (r.reason_kind, "leave") != 0 && strcmp (r.reason_kind, "other") != 0)
    return invalid_member (error, base, "reason_kind", _("neither “leave” nor “other”"));
  if (r.moved_to != NULL && strcmp (r.kind, "moved") != 0)
    return invalid_member (error, base, "moved_to", _("only a moved 1:1 has a new date"));
  return doc->sink->missed_meeting (doc->sink_data, &r, index, error);
}

typedef gboolean (*ReadElement) (Document    *doc,
                                 const Value *o,
                                 const char  *base,
                                 guint        index,
                                 GError     **error);

/* The most a root member other than a list may take. */
#define HEADER_MAX_BYTES 256

/* Each element of the list @list, decoded alone and read by @read. */
static gboolean
read_list (Document   *doc,
           const Span *span,
           ListKind    list,
           ReadElement read,
           GError    **error)
{
  ListCursor cursor;
  gsize      start, end;
  char       name[48], base[64];
  guint      index = 0;

  if (!span->present)
    return TRUE;
  g_snprintf (name, sizeof name, "$.%s", rapport_exchange_list_name (list));
  if (doc->data[span->start] != '[')
    {
      rapport_exchange_invalid (error, name, _("not a list"));
      return FALSE;
    }

  rapport_exchange_cursor_init (&cursor, doc->data, span);
  for (; rapport_exchange_cursor_next (&cursor, &start, &end); index++)
    {
      indexed_path (base, sizeof base, name, index);
      if (doc->data[start] != '{')
        {
          rapport_exchange_invalid (error, base, _("not an object"));
          return FALSE;
        }
      /* The values of the element before are let go here: one at a time. */
      rapport_exchange_decoder_reset (&doc->decoder, end - start + 1);
      if (!read (doc, rapport_exchange_decode (&doc->decoder, doc->data, start, end), base, index, error) ||
          !doc->sink->step (doc->sink_data, end, error))
        return FALSE;
    }
  return TRUE;
}

/* g_utf8_validate() with a fast way through ASCII, which is most of an
 * export (GLib's looks at each byte in turn: 0.9 of the 12 G
 * instructions that importing the decade data set took): eight bytes at
 * a time while none has its high bit set or is NUL, and GLib's own check
 * for each run of other bytes, up to the next ASCII byte (which a valid
 * sequence cannot run into, so the run is judged as in the whole). */
static gboolean
validate_utf8 (const char  *data,
               gsize        length,
               const char **bad)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  gsize         i = 0;

  while (i < length)
    {
      gsize end;

      for (; i + 8 <= length; i += 8)
        {
          guint64 w;

          memcpy (&w, data + i, 8);
          /* A byte >= 0x80, or a zero byte. */
          if ((w & high) != 0 || ((w - ones) & ~w & high) != 0)
            break;
        }
      while (i < length && (guchar) data[i] < 0x80 && data[i] != '\0')
        i++;
      if (i >= length)
        break;
      if (data[i] == '\0')
        {
          *bad = data + i;
          return FALSE;
        }
      for (end = i; end < length && (guchar) data[end] >= 0x80; end++)
        ;
      if (!g_utf8_validate (data + i, (gssize) (end - i), bad))
        return FALSE;
      i = end;
    }
  return TRUE;
}

static gboolean
check_utf8 (const char *data,
            gsize       length,
            GError    **error)
{
  const char *bad = NULL;
  guint       line, column;

  if (validate_utf8 (data, length, &bad))
    return TRUE;
  rapport_exchange_locate (data, bad - data, &line, &column);
  if (*bad == '\0' && (gsize) (bad - data) < length)
    g_set_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_SYNTAX,
                 _("Not valid JSON at line %u, column %u: a NUL byte"), line, column);
  else
    g_set_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_SYNTAX,
                 _("Not valid JSON at line %u, column %u: the text is not UTF-8"),
                 line, column);
  return FALSE;
}

static gboolean
read_document (Document *doc,
               gsize     length,
               GError  **error)
{
  static const char *const header[] = { "format", "version", "exported_at" };
  Outline                  outline;
  const Span              *spans[G_N_ELEMENTS (header)];
  /* The root's short members, each decoded alone, make an object of
   * their own: the root itself is never decoded whole. */
  Value                    root = { '{', 0, NULL, NULL, 0, 0, NULL, NULL };
  Value                  **link = &root.first;
  const char              *format = NULL;
  const char              *exported = NULL;
  gint64                   version = 0;

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
  if (!check_utf8 (doc->data, length, error) ||
      !rapport_exchange_scan (doc->data, length, &outline, error))
    return FALSE;

  if (outline.root != '{')
    {
      rapport_exchange_invalid (error, "$", _("not an object; this is not a Rapport export"));
      return FALSE;
    }

  spans[0] = &outline.format;
  spans[1] = &outline.version;
  spans[2] = &outline.exported_at;
  rapport_exchange_decoder_reset (&doc->decoder, G_N_ELEMENTS (header) * (HEADER_MAX_BYTES + 1));
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    {
      Value *value;

      if (!spans[i]->present)
        continue;
      if (spans[i]->end - spans[i]->start > HEADER_MAX_BYTES)
        {
          g_autofree char *path = g_strconcat ("$.", header[i], NULL);
          rapport_exchange_invalid (error, path, _("too long (%lu bytes)"),
                                    (gulong) (spans[i]->end - spans[i]->start));
          return FALSE;
        }
      value = rapport_exchange_decode (&doc->decoder, doc->data, spans[i]->start, spans[i]->end);
      value->name = header[i];
      *link = value;
      link = &value->next;
    }

  if (!get_string (&root, "$", "format", REQUIRED, NULL, 0, 256, &format, error))
    return FALSE;
  if (strcmp (format, RAPPORT_EXCHANGE_FORMAT_NAME) != 0)
    {
      rapport_exchange_invalid (error, "$.format", _("“%s” is not “%s”; this is not a Rapport export"),
                                format, RAPPORT_EXCHANGE_FORMAT_NAME);
      return FALSE;
    }
  if (!get_int (&root, "$", "version", REQUIRED, 0, 1, G_MAXINT64, &version, error))
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
  if (member (&root, "exported_at") != NULL &&
      !get_timestamp (&root, "$", "exported_at", &exported, error))
    return FALSE;

  return doc->sink->begin (doc->sink_data, &outline, error) &&
         read_list (doc, &outline.lists[LIST_HABITS], LIST_HABITS, read_habit, error) &&
         read_list (doc, &outline.lists[LIST_PEOPLE], LIST_PEOPLE, read_person, error) &&
         read_list (doc, &outline.lists[LIST_MEETINGS], LIST_MEETINGS, read_meeting, error) &&
         read_list (doc, &outline.lists[LIST_COMMITMENTS], LIST_COMMITMENTS, read_commitment, error) &&
         read_list (doc, &outline.lists[LIST_TALKING_POINTS], LIST_TALKING_POINTS, read_talking_point, error) &&
         read_list (doc, &outline.lists[LIST_MISSED_MEETINGS], LIST_MISSED_MEETINGS, read_missed_meeting,
                    error);
}

gboolean
rapport_exchange_document_read (const char       *data,
                                gsize             length,
                                const RecordSink *sink,
                                gpointer          sink_data,
                                GError          **error)
{
  Document doc = { 0 };
  gboolean ok;

  doc.data = data;
  doc.sink = sink;
  doc.sink_data = sink_data;
  rapport_exchange_decoder_init (&doc.decoder);
  rapport_exchange_uuid_table_init (&doc.uuids);
  doc.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  doc.ticks = g_array_new (FALSE, TRUE, sizeof (TickRec));

  ok = read_document (&doc, length, error);

  g_array_unref (doc.ticks);
  g_hash_table_unref (doc.keys);
  rapport_exchange_uuid_table_clear (&doc.uuids);
  rapport_exchange_decoder_clear (&doc.decoder);
  return ok;
}
