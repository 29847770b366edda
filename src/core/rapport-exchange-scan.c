/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-exchange-private.h"

/* ------------------------------------------------------------------ *
 * A validating pass over the bytes, before anything is built
 *
 * json-glib parses recursively (100,000 "[" overflow the stack), builds a
 * node of some 50 bytes for a two-byte "0," (a file of zeros took 40
 * times its size), lets a second member of the same name replace the
 * first, reads \u0000 as the end of a string and integers beyond 64 bits
 * as -1. So the whole file is checked here first, iteratively and without
 * building anything: strict JSON (RFC 8259), a bounded depth, bounded
 * objects, no NUL, no duplicate names, integers that fit. Along the way it
 * notes where the root's members lie, so that the importer can decode one
 * element of a list at a time (below) and only that element is ever in
 * memory besides the file. Decoding checked bytes needs no error paths;
 * it is also some four times faster than json-glib, which mattered: the
 * import of the decade data set should take no more than twice the time
 * of its export.
 * ------------------------------------------------------------------ */

/* Member names an object may hold before they go into a hash table. */
#define FEW_MEMBERS 16

typedef struct
{
  gsize    start;   /* after the opening quote */
  gsize    length;  /* up to the closing quote, raw */
  gboolean escaped; /* holds a backslash: compare decoded */
} Name;

typedef struct
{
  char        kind;        /* '{' or '[' */
  int         list;        /* the list this array is (a ListKind), or -1 */
  guint       count;       /* elements begun or names read so far */
  gsize       value_start; /* where the current element or member value began */
  Name        names[FEW_MEMBERS];
  GHashTable *many; /* decoded names, past FEW_MEMBERS */
} Frame;

typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
  int         depth; /* open containers */
  Frame       frames[RAPPORT_EXCHANGE_MAX_DEPTH + 1];
  Outline    *outline;
  GError    **error;
  guint       element_values; /* in the current list element */
} Scan;

static const char *const list_names[N_LISTS] = {
  "habits",
  "people",
  "meetings",
  "commitments",
  "talking_points",
  "missed_meetings",
};

const char *
rapport_exchange_list_name (ListKind list)
{
  g_assert (list < N_LISTS);
  return list_names[list];
}

/* Line and column of byte @offset, both from 1, for messages. */
void
rapport_exchange_locate (const char *data,
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
  /* Columns count characters, not bytes. */
  *column = (guint) g_utf8_strlen (line_start, data + offset - line_start) + 1;
}

static gboolean syntax_error (Scan       *s,
                              gsize       offset,
                              const char *format,
                              ...) G_GNUC_PRINTF (3, 4);

static gboolean
syntax_error (Scan       *s,
              gsize       offset,
              const char *format,
              ...)
{
  g_autofree char *what = NULL;
  guint            line, column;
  va_list          args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  rapport_exchange_locate (s->data, MIN (offset, s->length), &line, &column);
  g_set_error (s->error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_SYNTAX,
               _("Not valid JSON at line %u, column %u: %s"), line, column, what);
  return FALSE;
}

static gboolean
is_hex4 (const char *p)
{
  return g_ascii_isxdigit (p[0]) && g_ascii_isxdigit (p[1]) &&
         g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]);
}

static guint
hex4 (const char *p)
{
  return (guint) (g_ascii_xdigit_value (p[0]) << 12 | g_ascii_xdigit_value (p[1]) << 8 |
                  g_ascii_xdigit_value (p[2]) << 4 | g_ascii_xdigit_value (p[3]));
}

/* One character of a string's raw text at @p (an escape or a UTF-8
 * sequence, both already checked), decoded; returns where the next one
 * starts. */
static const char *
next_char (const char *p,
           gunichar   *c)
{
  if (*p != '\\')
    {
      *c = g_utf8_get_char (p);
      return g_utf8_next_char (p);
    }
  switch (p[1])
    {
    case 'b': *c = '\b'; return p + 2;
    case 'f': *c = '\f'; return p + 2;
    case 'n': *c = '\n'; return p + 2;
    case 'r': *c = '\r'; return p + 2;
    case 't': *c = '\t'; return p + 2;
    case 'u':
      {
        gunichar u = hex4 (p + 2);

        if (u >= 0xd800 && u <= 0xdbff)
          {
            *c = 0x10000 + ((u - 0xd800) << 10) + (hex4 (p + 8) - 0xdc00);
            return p + 12;
          }
        *c = u;
        return p + 6;
      }
    default:
      *c = (guchar) p[1];
      return p + 2;
    }
}

/* The decoded text of a checked string, for names that hold escapes. */
static char *
decode (const char *raw,
        gsize       length)
{
  GString    *out = g_string_sized_new (length);
  const char *end = raw + length;

  for (const char *p = raw; p < end;)
    {
      gunichar c;

      p = next_char (p, &c);
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
name_equal (const char *data,
            const Name *a,
            const Name *b)
{
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;

  if (!a->escaped && !b->escaped)
    return a->length == b->length && memcmp (data + a->start, data + b->start, a->length) == 0;
  x = decode (data + a->start, a->length);
  y = decode (data + b->start, b->length);
  return strcmp (x, y) == 0;
}

/* Whether the (checked) name @n is @word. */
static gboolean
name_is (const char *data,
         const Name *n,
         const char *word)
{
  g_autofree char *decoded = NULL;

  if (!n->escaped)
    return n->length == strlen (word) && memcmp (data + n->start, word, n->length) == 0;
  decoded = decode (data + n->start, n->length);
  return strcmp (decoded, word) == 0;
}

/* The name of the member being read in the object @f. */
static const Name *
current_name (const Frame *f)
{
  g_assert (f->kind == '{' && f->count > 0);
  /* Past FEW_MEMBERS, names[0] holds the current one (see add_name()). */
  return &f->names[f->count > FEW_MEMBERS ? 0 : f->count - 1];
}

/* The JSON path of what is being read, down to depth @depth:
 * $.meetings[12].notes */
static char *
path_to (Scan *s,
         int   depth)
{
  GString *path = g_string_new ("$");

  for (int d = 1; d <= depth; d++)
    {
      Frame *f = &s->frames[d];

      if (f->kind == '[')
        g_string_append_printf (path, "[%u]", f->count > 0 ? f->count - 1 : 0);
      else if (f->count > 0)
        {
          const Name      *n = current_name (f);
          g_autofree char *name = decode (s->data + n->start, n->length);

          if (g_utf8_strlen (name, -1) > 40)
            {
              *g_utf8_offset_to_pointer (name, 40) = '\0';
              g_string_append_printf (path, ".%s…", name);
            }
          else
            g_string_append_printf (path, ".%s", name);
        }
    }
  return g_string_free (path, FALSE);
}

static gboolean invalid_at (Scan       *s,
                            int         depth,
                            const char *format,
                            ...) G_GNUC_PRINTF (3, 4);

/* A RAPPORT_EXCHANGE_ERROR_INVALID error at the path down to @depth. */
static gboolean
invalid_at (Scan       *s,
            int         depth,
            const char *format,
            ...)
{
  g_autofree char *path = path_to (s, depth);
  g_autofree char *what = NULL;
  va_list          args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  rapport_exchange_invalid (s->error, path, "%s", what);
  return FALSE;
}

static void
skip_space (Scan *s)
{
  while (s->pos < s->length)
    {
      char c = s->data[s->pos];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
        break;
      s->pos++;
    }
}

/* The bytes a string may hold without a second look: not its end, not an
 * escape, not a control character. */
static gboolean plain[256];

static void
init_plain (void)
{
  for (guint c = 0; c < 256; c++)
    plain[c] = c >= 0x20 && c != '"' && c != '\\';
}

/* Checks the string starting at the quote at s->pos (a member's name if
 * @is_name) and moves past it. *@escaped says whether it holds a
 * backslash. */
static gboolean
scan_string (Scan     *s,
             gboolean  is_name,
             gboolean *escaped)
{
  gsize       open = s->pos;
  const char *d = s->data;

  *escaped = FALSE;
  s->pos++;
  for (;;)
    {
      guchar c;

      /* Eight bytes at a time while none of them is a quote, a
       * backslash or a control character (each test below finds every
       * such byte, and may flag a plain one after it, which the byte
       * loop then reads): the notes of the decade are 51 MB of text, and
       * this loop took a tenth of the instructions of reading the file. */
      while (s->pos + 8 <= s->length)
        {
          const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
          const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
          guint64       x, quote, backslash;

          memcpy (&x, d + s->pos, 8);
          quote = x ^ (ones * '"');
          backslash = x ^ (ones * '\\');
          if ((((x - ones * 0x20) & ~x) | ((quote - ones) & ~quote) |
               ((backslash - ones) & ~backslash)) &
              highs)
            break;
          s->pos += 8;
        }
      while (s->pos < s->length && plain[(guchar) d[s->pos]])
        s->pos++;
      if (s->pos >= s->length)
        return syntax_error (s, open, _("a text (string) that starts here is never closed"));
      c = (guchar) d[s->pos];
      if (c == '"')
        {
          s->pos++;
          return TRUE;
        }
      if (c < 0x20)
        return syntax_error (s, s->pos, _("a control character (U+%04X) inside a text must be "
                                           "written as an escape"),
                             c);
      /* A backslash. */
      *escaped = TRUE;
      if (s->pos + 1 >= s->length)
        return syntax_error (s, open, _("a text (string) that starts here is never closed"));
      switch (d[s->pos + 1])
        {
        case '"':
        case '\\':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
          s->pos += 2;
          break;
        case 'u':
          {
            guint u;

            if (s->pos + 6 > s->length || !is_hex4 (d + s->pos + 2))
              return syntax_error (s, s->pos, _("“\\u” must be followed by four hexadecimal digits"));
            u = hex4 (d + s->pos + 2);
            if (u == 0 && is_name)
              {
                /* The path is the object's: the name is not read yet. */
                s->frames[s->depth].count = 0;
                return invalid_at (s, s->depth, _("a member name contains a NUL character (\\u0000)"));
              }
            if (u == 0)
              return invalid_at (s, s->depth,
                                 _("contains a NUL character (\\u0000); Rapport refuses it "
                                    "rather than cut the text there"));
            if (u >= 0xdc00 && u <= 0xdfff)
              return syntax_error (s, s->pos, _("a lone low surrogate (\\u%04X)"), u);
            if (u >= 0xd800 && u <= 0xdbff)
              {
                if (s->pos + 12 > s->length || d[s->pos + 6] != '\\' || d[s->pos + 7] != 'u' ||
                    !is_hex4 (d + s->pos + 8) ||
                    hex4 (d + s->pos + 8) < 0xdc00 || hex4 (d + s->pos + 8) > 0xdfff)
                  return syntax_error (s, s->pos, _("a high surrogate (\\u%04X) without its low half"), u);
                s->pos += 12;
              }
            else
              s->pos += 6;
          }
          break;
        default:
          return syntax_error (s, s->pos, _("“\\%c” is not an escape JSON knows"),
                               g_ascii_isgraph (d[s->pos + 1]) ? d[s->pos + 1] : '?');
        }
    }
}

static gboolean
scan_number (Scan *s)
{
  const char *d = s->data;
  gsize       start = s->pos, digits_start, digits;
  gboolean    negative = FALSE, whole = TRUE;

  if (d[s->pos] == '-')
    {
      negative = TRUE;
      s->pos++;
    }
  digits_start = s->pos;
  if (s->pos >= s->length || !g_ascii_isdigit (d[s->pos]))
    return syntax_error (s, s->pos, _("a digit was expected after “-”"));
  if (d[s->pos] == '0')
    {
      s->pos++;
      if (s->pos < s->length && g_ascii_isdigit (d[s->pos]))
        return syntax_error (s, start, _("a number may not start with 0"));
    }
  else
    while (s->pos < s->length && g_ascii_isdigit (d[s->pos]))
      s->pos++;
  digits = s->pos - digits_start;

  if (s->pos < s->length && d[s->pos] == '.')
    {
      whole = FALSE;
      s->pos++;
      if (s->pos >= s->length || !g_ascii_isdigit (d[s->pos]))
        return syntax_error (s, s->pos, _("a digit was expected after “.”"));
      while (s->pos < s->length && g_ascii_isdigit (d[s->pos]))
        s->pos++;
    }
  if (s->pos < s->length && (d[s->pos] == 'e' || d[s->pos] == 'E'))
    {
      whole = FALSE;
      s->pos++;
      if (s->pos < s->length && (d[s->pos] == '+' || d[s->pos] == '-'))
        s->pos++;
      if (s->pos >= s->length || !g_ascii_isdigit (d[s->pos]))
        return syntax_error (s, s->pos, _("a digit was expected in the exponent"));
      while (s->pos < s->length && g_ascii_isdigit (d[s->pos]))
        s->pos++;
    }

  /* json-glib reads a whole number into 64 bits and turns one that does
   * not fit into -1 or the largest value, without a word. */
  if (whole &&
      (digits > 19 ||
       (digits == 19 && memcmp (d + digits_start,
                                negative ? "9223372036854775808" : "9223372036854775807",
                                19) > 0)))
    {
      if (s->pos - start > 40)
        return invalid_at (s, s->depth, _("the number %.30s… (%lu digits) does not fit in 64 bits"),
                           d + start, (gulong) digits);
      return invalid_at (s, s->depth, _("the number %.*s does not fit in 64 bits"),
                         (int) (s->pos - start), d + start);
    }
  return TRUE;
}

static gboolean
scan_literal (Scan       *s,
              const char *word)
{
  gsize n = strlen (word);

  if (s->length - s->pos < n || memcmp (s->data + s->pos, word, n) != 0)
    return FALSE;
  s->pos += n;
  return TRUE;
}

/* Opens the container at s->pos. */
static gboolean
push (Scan *s,
      char  kind)
{
  Frame *f;

  if (s->depth >= RAPPORT_EXCHANGE_MAX_DEPTH)
    {
      guint line, column;

      rapport_exchange_locate (s->data, s->pos, &line, &column);
      g_set_error (s->error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_INVALID,
                   _("Nested deeper than %d levels at line %u, column %u "
                      "(a Rapport export is %d deep)"),
                   RAPPORT_EXCHANGE_MAX_DEPTH, line, column, RAPPORT_EXCHANGE_DEPTH);
      return FALSE;
    }
  f = &s->frames[++s->depth];
  f->kind = kind;
  f->list = -1;
  f->count = 0;
  f->many = NULL;

  /* A list of the root object: the importer parses its elements one at a
   * time, so each must be bounded. */
  if (kind == '[' && s->depth == 2 && s->frames[1].kind == '{')
    {
      const Name *n = current_name (&s->frames[1]);

      for (int l = 0; l < N_LISTS; l++)
        if (name_is (s->data, n, list_names[l]))
          f->list = l;
    }
  s->pos++;
  return TRUE;
}

static void
pop (Scan *s)
{
  Frame *f = &s->frames[s->depth];

  if (f->list >= 0)
    s->outline->lists[f->list].count = f->count;
  g_clear_pointer (&f->many, g_hash_table_unref);
  s->depth--;
}

/* Records a member's name in the current object; a second member of the
 * same name is refused, as json-glib would keep only the last. */
static gboolean
add_name (Scan    *s,
          gsize    start,
          gsize    length,
          gboolean escaped)
{
  Frame *f = &s->frames[s->depth];
  Name   name = { start, length, escaped };

  if (f->count >= RAPPORT_EXCHANGE_MAX_MEMBERS)
    return invalid_at (s, s->depth - 1, _("more than %d members in one object"),
                       RAPPORT_EXCHANGE_MAX_MEMBERS);

  if (f->count < FEW_MEMBERS)
    {
      f->names[f->count++] = name;
      for (guint i = 0; i + 1 < f->count; i++)
        if (name_equal (s->data, &f->names[i], &name))
          return invalid_at (s, s->depth, _("a second member of this name in the same object "
                                             "(one of them would be lost)"));
      return TRUE;
    }

  if (f->many == NULL)
    {
      f->many = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < FEW_MEMBERS; i++)
        g_hash_table_add (f->many, decode (s->data + f->names[i].start, f->names[i].length));
    }
  f->names[0] = name;
  f->count++;
  if (!g_hash_table_add (f->many, decode (s->data + start, length)))
    return invalid_at (s, s->depth, _("a second member of this name in the same object "
                                       "(one of them would be lost)"));
  return TRUE;
}

/* Reads `"name" :` after the `{` or `,` of an object. */
static gboolean
read_name (Scan *s)
{
  gboolean escaped;
  gsize    start;

  skip_space (s);
  if (s->pos >= s->length)
    return syntax_error (s, s->pos, _("the file ends inside an object"));
  if (s->data[s->pos] != '"')
    return syntax_error (s, s->pos, _("a member name in quotes was expected"));
  start = s->pos + 1;
  if (!scan_string (s, TRUE, &escaped) ||
      !add_name (s, start, s->pos - 1 - start, escaped))
    return FALSE;
  skip_space (s);
  if (s->pos >= s->length || s->data[s->pos] != ':')
    return syntax_error (s, s->pos, _("“:” was expected after a member name"));
  s->pos++;
  return TRUE;
}

/* As each value begins: where it is, and the bounds of list elements. */
static gboolean
value_begins (Scan *s)
{
  Frame *f;

  if (s->depth == 0)
    {
      s->outline->root = s->data[s->pos];
      return TRUE;
    }
  f = &s->frames[s->depth];
  f->value_start = s->pos;
  if (f->kind == '[')
    f->count++;
  if (s->depth >= 2 && s->frames[2].list >= 0)
    {
      if (s->depth == 2)
        s->element_values = 0;
      if (++s->element_values > RAPPORT_EXCHANGE_MAX_ELEMENT_VALUES)
        return invalid_at (s, 2, _("more than %d values in one element"),
                           RAPPORT_EXCHANGE_MAX_ELEMENT_VALUES);
    }
  return TRUE;
}

/* As each value ends: notes where the root's members lie. */
static void
value_ends (Scan *s)
{
  Frame      *root = &s->frames[1];
  const Name *n;
  Span       *span = NULL;

  if (s->depth != 1 || root->kind != '{')
    return;
  n = current_name (root);
  if (name_is (s->data, n, "format"))
    span = &s->outline->format;
  else if (name_is (s->data, n, "version"))
    span = &s->outline->version;
  else if (name_is (s->data, n, "exported_at"))
    span = &s->outline->exported_at;
  else
    for (int l = 0; l < N_LISTS; l++)
      if (name_is (s->data, n, list_names[l]))
        span = &s->outline->lists[l];
  if (span != NULL)
    {
      span->present = TRUE;
      span->start = root->value_start;
      span->end = s->pos;
    }
}

gboolean
rapport_exchange_scan (const char *data,
                       gsize       length,
                       Outline    *outline,
                       GError    **error)
{
  static gsize plain_ready;
  Scan         s = { 0 };
  gboolean     ok = FALSE;

  if (g_once_init_enter (&plain_ready))
    {
      init_plain ();
      g_once_init_leave (&plain_ready, 1);
    }

  memset (outline, 0, sizeof *outline);
  s.data = data;
  s.length = length;
  s.outline = outline;
  s.error = error;

  /* Each turn reads one value, then whatever follows it up to the start
   * of the next value. */
  for (;;)
    {
      char c;

      skip_space (&s);
      if (s.pos >= s.length)
        {
          syntax_error (&s, s.pos, _("the file ends where a value should be"));
          goto out;
        }
      if (!value_begins (&s))
        goto out;
      c = data[s.pos];

      if (c == '{' || c == '[')
        {
          if (!push (&s, c))
            goto out;
          skip_space (&s);
          if (s.pos < s.length && data[s.pos] == (c == '{' ? '}' : ']'))
            {
              s.pos++;
              pop (&s);
            }
          else if (c == '{' && !read_name (&s))
            goto out;
          else
            continue;
        }
      else if (c == '"')
        {
          gboolean escaped;

          if (!scan_string (&s, FALSE, &escaped))
            goto out;
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          if (!scan_number (&s))
            goto out;
        }
      else if (!scan_literal (&s, "true") && !scan_literal (&s, "false") &&
               !scan_literal (&s, "null"))
        {
          if (g_ascii_isgraph (c))
            syntax_error (&s, s.pos, _("unexpected “%c”; a value was expected"), c);
          else
            syntax_error (&s, s.pos, _("a value was expected"));
          goto out;
        }

      /* After a value: the end of containers, then a comma. */
      for (;;)
        {
          Frame *f;
          char   close;

          value_ends (&s);
          skip_space (&s);
          if (s.depth == 0)
            {
              if (s.pos < s.length)
                {
                  syntax_error (&s, s.pos, _("more follows the end of the data"));
                  goto out;
                }
              ok = TRUE;
              goto out;
            }
          f = &s.frames[s.depth];
          close = f->kind == '{' ? '}' : ']';
          if (s.pos >= s.length)
            {
              syntax_error (&s, s.pos, f->kind == '{' ? _("the file ends inside an object") : _("the file ends inside a list"));
              goto out;
            }
          if (data[s.pos] != close)
            break;
          s.pos++;
          pop (&s);
        }

      if (data[s.pos] != ',')
        {
          if (s.frames[s.depth].kind == '{')
            syntax_error (&s, s.pos, _("“,” or “}” was expected"));
          else
            syntax_error (&s, s.pos, _("“,” or “]” was expected"));
          goto out;
        }
      s.pos++;
      if (s.frames[s.depth].kind == '{' && !read_name (&s))
        goto out;
    }

out:
  while (s.depth > 0)
    pop (&s);
  return ok;
}

/* ------------------------------------------------------------------ *
 * Walking a list the scan found
 * ------------------------------------------------------------------ */

void
rapport_exchange_cursor_init (ListCursor *cursor,
                              const char *data,
                              const Span *list)
{
  cursor->data = data;
  cursor->pos = list->start + 1; /* past the "[" */
  cursor->end = list->end - 1;   /* at the "]" */
  cursor->index = 0;
}

/* Moves past the string that starts at @p (checked: it is closed, with
 * no NUL inside). */
static const char *
skip_string (const char *p)
{
  for (p++;;)
    {
      p += strcspn (p, "\"\\");
      if (*p == '"')
        return p + 1;
      p += 2;
    }
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

gboolean
rapport_exchange_cursor_next (ListCursor *cursor,
                              gsize      *start,
                              gsize      *end)
{
  const char *d = cursor->data;
  const char *p = d + cursor->pos;
  const char *stop = d + cursor->end;
  int         depth = 0;

  while (p < stop && (is_space (*p) || *p == ','))
    p++;
  if (p >= stop)
    return FALSE;
  *start = (gsize) (p - d);
  /* The text was checked: brackets balance outside strings. */
  do
    {
      if (*p == '"')
        p = skip_string (p);
      else
        {
          if (*p == '{' || *p == '[')
            depth++;
          else if (*p == '}' || *p == ']')
            depth--;
          p++;
        }
    }
  while (depth > 0 || (p < stop && !is_space (*p) && *p != ',' && p[-1] != '"' &&
                       p[-1] != '}' && p[-1] != ']'));
  *end = (gsize) (p - d);
  cursor->pos = *end;
  return TRUE;
}

/* ------------------------------------------------------------------ *
 * Decoding one element of a list, once the scan has checked it all
 *
 * The values of one element go into blocks that are used again for the
 * next, and their texts into one buffer: no allocation per value, and
 * only one element decoded at any time.
 * ------------------------------------------------------------------ */

#define BLOCK_VALUES 256

void
rapport_exchange_decoder_init (Decoder *decoder)
{
  memset (decoder, 0, sizeof *decoder);
  decoder->blocks = g_ptr_array_new_with_free_func (g_free);
}

void
rapport_exchange_decoder_reset (Decoder *decoder,
                                gsize    bytes)
{
  decoder->block = 0;
  decoder->used = 0;
  decoder->text_used = 0;
  if (decoder->text_size < bytes)
    {
      g_free (decoder->text);
      decoder->text = g_malloc (bytes);
      decoder->text_size = bytes;
    }
}

void
rapport_exchange_decoder_clear (Decoder *decoder)
{
  g_clear_pointer (&decoder->blocks, g_ptr_array_unref);
  g_clear_pointer (&decoder->text, g_free);
  decoder->text_size = decoder->text_used = 0;
}

static Value *
new_value (Decoder *decoder,
           char     kind)
{
  Value *value;

  if (decoder->blocks->len == 0 || decoder->used == BLOCK_VALUES)
    {
      if (decoder->blocks->len > 0)
        decoder->block++;
      if (decoder->block >= decoder->blocks->len)
        g_ptr_array_add (decoder->blocks, g_new (Value, BLOCK_VALUES));
      decoder->used = 0;
    }
  value = (Value *) decoder->blocks->pdata[decoder->block] + decoder->used++;
  memset (value, 0, sizeof *value);
  value->kind = kind;
  return value;
}

/* Decodes the checked string at @p (its opening quote) into the text
 * buffer; returns where it ends. */
static const char *
decode_string (Decoder     *decoder,
               const char  *p,
               const char **text,
               gsize       *length)
{
  char *out = decoder->text + decoder->text_used;
  char *o = out;

  p++;
  for (;;)
    {
      /* A checked string has its closing quote, and no NUL before it. */
      gsize run = strcspn (p, "\"\\");

      memcpy (o, p, run);
      o += run;
      p += run;
      if (*p == '"')
        break;
      switch (p[1])
        {
        case 'b':
          *o++ = '\b';
          p += 2;
          break;
        case 'f':
          *o++ = '\f';
          p += 2;
          break;
        case 'n':
          *o++ = '\n';
          p += 2;
          break;
        case 'r':
          *o++ = '\r';
          p += 2;
          break;
        case 't':
          *o++ = '\t';
          p += 2;
          break;
        case 'u':
          {
            gunichar c;

            p = next_char (p, &c);
            o += g_unichar_to_utf8 (c, o);
          }
          break;
        default: /* " \ / */
          *o++ = p[1];
          p += 2;
          break;
        }
    }
  *o = '\0';
  *length = (gsize) (o - out);
  decoder->text_used += *length + 1;
  *text = out;
  return p + 1;
}

static const char *
skip_blank (const char *p)
{
  while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
    p++;
  return p;
}

/* The value at @p; returns where it ends. Depth is bounded by the scan. */
static const char *
decode_value (Decoder    *decoder,
              const char *p,
              Value     **out)
{
  Value *value;

  p = skip_blank (p);
  switch (*p)
    {
    case '{':
    case '[':
      {
        char    close = *p == '{' ? '}' : ']';
        Value **link;

        value = new_value (decoder, *p);
        link = &value->first;
        p = skip_blank (p + 1);
        while (*p != close)
          {
            const char *name = NULL;
            gsize       name_length;
            Value      *child;

            if (value->kind == '{')
              {
                p = decode_string (decoder, p, &name, &name_length);
                p = skip_blank (p) + 1; /* the ":" */
              }
            p = decode_value (decoder, p, &child);
            child->name = name;
            *link = child;
            link = &child->next;
            value->n++;
            p = skip_blank (p);
            if (*p == ',')
              p = skip_blank (p + 1);
          }
        p++;
      }
      break;
    case '"':
      value = new_value (decoder, '"');
      p = decode_string (decoder, p, &value->text, &value->length);
      break;
    case 't':
      value = new_value (decoder, 't');
      p += 4;
      break;
    case 'f':
      value = new_value (decoder, 'f');
      p += 5;
      break;
    case 'n':
      value = new_value (decoder, 'n');
      p += 4;
      break;
    default:
      {
        const char *start = p;
        gboolean    whole = TRUE;

        if (*p == '-')
          p++;
        while (g_ascii_isdigit (*p) || *p == '.' || *p == 'e' || *p == 'E' ||
               ((*p == '+' || *p == '-') && (p[-1] == 'e' || p[-1] == 'E')))
          {
            if (!g_ascii_isdigit (*p))
              whole = FALSE;
            p++;
          }
        value = new_value (decoder, whole ? '0' : '.');
        /* The scan checked that a whole number fits. */
        if (whole)
          value->number = g_ascii_strtoll (start, NULL, 10);
      }
      break;
    }
  *out = value;
  return p;
}

Value *
rapport_exchange_decode (Decoder    *decoder,
                         const char *data,
                         gsize       start,
                         gsize       end)
{
  Value *value;

  /* A text decodes to no more bytes than it takes in the file with its
   * quotes, NUL included. */
  g_assert (decoder->text_size - decoder->text_used >= end - start + 1);
  decode_value (decoder, data + start, &value);
  return value;
}

Value *
rapport_exchange_value_member (const Value *object,
                               const char  *name)
{
  for (Value *v = object->first; v != NULL; v = v->next)
    if (strcmp (v->name, name) == 0)
      return v;
  return NULL;
}
