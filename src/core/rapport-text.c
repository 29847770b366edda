/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-text"

#include "config.h"

#include <string.h>

#include "rapport-text.h"

/* g_set_str() arrived in GLib 2.76; Debian 12 has 2.74. */
gboolean
rapport_set_str (char      **dest,
                 const char *value)
{
  char *copy;

  if (*dest == value || (*dest != NULL && value != NULL && strcmp (*dest, value) == 0))
    return FALSE;
  copy = g_strdup (value);
  g_free (*dest);
  *dest = copy;
  return TRUE;
}

/* Names and labels are one line: newlines and tabs become spaces, ends are
 * trimmed, invalid UTF-8 is replaced rather than stored. */
char *
rapport_text_single_line (const char *text)
{
  char *valid = g_utf8_make_valid (text ? text : "", -1);

  for (char *p = valid; *p; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return g_strstrip (valid);
}

/* The first non-empty line of some notes, cut at a character boundary. */
char *
rapport_text_excerpt (const char *text,
                      gsize       max_chars)
{
  const char      *p = text ? text : "";
  const char      *end;
  g_autofree char *line = NULL;

  while (*p == '\n' || *p == '\r' || *p == ' ' || *p == '\t')
    p++;
  end = strchr (p, '\n');
  line = end ? g_strndup (p, end - p) : g_strdup (p);
  g_strstrip (line);

  if (g_utf8_strlen (line, -1) > (glong) max_chars)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, max_chars);
      return g_strconcat (g_strstrip (cut), "…", NULL);
    }
  return g_steal_pointer (&line);
}
