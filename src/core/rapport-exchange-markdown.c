/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "rapport-exchange.h"
#include "rapport-file.h"

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

/* Free text (a meeting's notes) as Markdown that renders as it was typed.
 * Each line keeps its break: lines of one paragraph end with two spaces (a
 * hard break, which leaves the raw file as readable as the notes), and
 * blank lines stay paragraph breaks (several count as one). What would
 * start a block (a heading, list item, quote, rule, fence, table, HTML, or
 * a setext underline turning the line above into a heading) is escaped
 * with a backslash, and leading indentation becomes no-break spaces so it
 * is kept without turning into a code block. Inline emphasis is left
 * alone: people type *this* meaning it. Returns FALSE when there was
 * nothing but blank lines. */
static gboolean
append_notes (GString    *out,
              const char *notes)
{
  g_auto (GStrv) lines = g_strsplit (notes, "\n", -1);
  gboolean in_paragraph = FALSE;
  gboolean pending_blank = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char       *line = lines[i];
      gsize       len = strlen (line);
      const char *p;

      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';
      g_strchomp (line);
      for (p = line; *p == ' ' || *p == '\t'; p++)
        ;
      if (*p == '\0')
        {
          pending_blank = in_paragraph;
          continue;
        }

      if (pending_blank)
        g_string_append (out, "\n\n");
      else if (in_paragraph)
        g_string_append (out, "  \n");
      pending_blank = FALSE;
      in_paragraph = TRUE;

      for (const char *q = line; q < p; q++)
        g_string_append (out, *q == '\t' ? "\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0" : "\xc2\xa0");

      if (strchr ("#-+*_=>`~|<", *p) != NULL)
        g_string_append_c (out, '\\');
      else if (g_ascii_isdigit (*p))
        {
          const char *q = p;

          /* "1." or "1)" opens an ordered list: escape the dot. */
          while (g_ascii_isdigit (*q))
            q++;
          if ((*q == '.' || *q == ')') && q - p <= 9)
            {
              g_string_append_len (out, p, q - p);
              g_string_append_c (out, '\\');
              p = q;
            }
        }
      g_string_append (out, p);
    }
  return in_paragraph;
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

/* Appends one row of a list, after its "- ". */
typedef void (*AppendItem) (GString      *out,
                            sqlite3_stmt *stmt);

/* A list under @heading of the rows @sql gives for the meeting; nothing
 * at all when there are none. */
static gboolean
append_list (RapportStore *store,
             GString      *out,
             const char   *sql,
             gint64        meeting_id,
             const char   *heading,
             AppendItem    append_item,
             GError      **error)
{
  sqlite3_stmt *stmt = rapport_store_prepare (store, sql, error);
  gboolean      any = FALSE;
  int           rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!any)
        g_string_append_printf (out, "**%s**\n\n", heading);
      any = TRUE;
      g_string_append (out, "- ");
      append_item (out, stmt);
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

/* label, evidence */
static void
append_habit (GString      *out,
              sqlite3_stmt *stmt)
{
  const char *evidence = rapport_store_column_text (stmt, 1);

  append_inline (out, rapport_store_column_text (stmt, 0));
  if (*evidence != '\0')
    {
      g_string_append (out, ": ");
      append_inline (out, evidence);
    }
}

/* text, owner, due, closed_on */
static void
append_commitment (GString      *out,
                   sqlite3_stmt *stmt)
{
  const char *due = (const char *) sqlite3_column_text (stmt, 2);
  const char *closed = (const char *) sqlite3_column_text (stmt, 3);
  gboolean    mine = g_str_equal (rapport_store_column_text (stmt, 1), "me");

  g_string_append_printf (out, "[%c] %s: ", closed ? 'x' : ' ', mine ? _("Me") : _("Them"));
  append_inline (out, rapport_store_column_text (stmt, 0));
  if (due != NULL)
    /* Translators: after a commitment in the Markdown export; %s is a date. */
    g_string_append_printf (out, _(" (due %s)"), due);
  if (closed != NULL)
    /* Translators: after a commitment in the Markdown export; %s is a date. */
    g_string_append_printf (out, _(" (done %s)"), closed);
}

/* text, raised_by, recur_every, recur_unit, next_due */
static void
append_talking_point (GString      *out,
                      sqlite3_stmt *stmt)
{
  int         every = sqlite3_column_int (stmt, 2);
  const char *unit = (const char *) sqlite3_column_text (stmt, 3);
  const char *next = (const char *) sqlite3_column_text (stmt, 4);

  append_inline (out, rapport_store_column_text (stmt, 0));
  if (g_str_equal (rapport_store_column_text (stmt, 1), "them"))
    /* Translators: after a talking point in the Markdown export. */
    g_string_append (out, _(" (raised by them)"));
  if (unit != NULL && g_str_equal (unit, "weeks"))
    /* Translators: after a talking point in the Markdown export. */
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, " (every %d week)", " (every %d weeks)", every), every);
  else if (unit != NULL)
    /* Translators: after a talking point in the Markdown export. */
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, " (every %d day)", " (every %d days)", every), every);
  if (next != NULL)
    /* Translators: after a recurring talking point in the Markdown
     * export; %s is a date. */
    g_string_append_printf (out, _(" (next from %s)"), next);
}

static gboolean
markdown_meeting (RapportStore *store,
                  GString      *out,
                  gint64        meeting_id,
                  GError      **error)
{
  return append_list (store, out,
                      "SELECT h.label, c.evidence FROM checklist c"
                      " JOIN habits h ON h.id = c.habit_id"
                      " WHERE c.meeting_id = ?1 AND c.ticked = 1"
                      " ORDER BY h.position, h.uuid",
                      meeting_id, _("Habits practised"), append_habit, error) &&
         append_list (store, out,
                      "SELECT text, owner, due, closed_on FROM commitments"
                      " WHERE meeting_id = ?1 AND deleted = 0"
                      " ORDER BY created_at, uuid",
                      meeting_id, _("Commitments"), append_commitment, error) &&
         append_list (store, out,
                      "SELECT text, raised_by, recur_every, recur_unit, NULL FROM talking_points"
                      " WHERE discussed_in = ?1 AND deleted = 0"
                      " ORDER BY position, id",
                      meeting_id, _("Talked about"), append_talking_point, error);
}

char *
rapport_exchange_person_markdown (RapportStore *store,
                                  const char   *person_uuid,
                                  GError      **error)
{
  g_autoptr(GString) out = NULL;
  sqlite3_stmt    *stmt = NULL;
  g_autofree char *today = NULL;
  gint64           person_id;
  int              rc;

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

  /* What waits for the next 1:1s, in queue order, the recurring ones
   * not due yet too. */
  if (!append_list (store, out,
                    "SELECT text, raised_by, recur_every, recur_unit, next_due FROM talking_points"
                    " WHERE person_id = ?1 AND deleted = 0 AND discussed_in IS NULL"
                    " ORDER BY position, id",
                    person_id, _("To talk about"), append_talking_point, error))
    return NULL;

  /* Not a cached statement: markdown_meeting() prepares others meanwhile. */
  if (sqlite3_prepare_v2 (rapport_store_get_handle (store),
                          "SELECT id, date, mood, notes FROM meetings"
                          " WHERE person_id = ?1 AND deleted = 0"
                          " ORDER BY date DESC, id DESC",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      rapport_store_set_error (store, error, _("Could not read the database"));
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *day = format_day (rapport_store_column_text (stmt, 1));
      const char      *notes = rapport_store_column_text (stmt, 3);

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
          gsize before = out->len;

          g_string_append_printf (out, "**%s**\n\n", _("Notes"));
          if (!append_notes (out, notes))
            g_string_truncate (out, before);
          else
            g_string_append (out, "\n\n");
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
rapport_exchange_person_markdown_to_file (RapportStore *store,
                                          const char   *person_uuid,
                                          const char   *path,
                                          GError      **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if ((text = rapport_exchange_person_markdown (store, person_uuid, error)) == NULL)
    return FALSE;
  if (!rapport_file_write_private (path, text, strlen (text), &local))
    {
      g_set_error (error, RAPPORT_EXCHANGE_ERROR, RAPPORT_EXCHANGE_ERROR_IO,
                   "%s", local->message);
      return FALSE;
    }
  return TRUE;
}
