/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-history"

#include "config.h"

#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "rapport-file.h"
#include "rapport-history-describe.h"
#include "rapport-history-draw.h"
#include "rapport-history-export.h"

/* Title ------------------------------------------------------------------ */

/* The line above an exported chart: who, what, the range and grouping,
 * one whole sentence per case for translators. */
char *
rapport_history_export_title (const char                 *who,
                              const RapportHistorySeries *series,
                              RapportHistoryShow          show)
{
  gboolean    balance = show == RAPPORT_HISTORY_SHOW_KINDS;
  gboolean    weekly;
  /* Translators: who an exported chart is about when it is the whole team */
  const char *name = who != NULL ? who : _("Team");

  g_return_val_if_fail (series != NULL, NULL);

  weekly = series->bucket == RAPPORT_HISTORY_BUCKET_WEEK;
  switch (series->range)
    {
    case RAPPORT_HISTORY_RANGE_3_MONTHS:
      if (balance)
        /* Translators: an exported chart's title; %s is a person's name or “Team” */
        return g_strdup_printf (weekly ? _("%s — trust and structure over the last 3 months, by week")
                                       : _("%s — trust and structure over the last 3 months, by month"),
                                name);
      /* Translators: an exported chart's title; %s is a person's name or “Team” */
      return g_strdup_printf (weekly ? _("%s — habits over the last 3 months, by week")
                                     : _("%s — habits over the last 3 months, by month"),
                              name);
    case RAPPORT_HISTORY_RANGE_ALL:
      if (balance)
        /* Translators: an exported chart's title; %s is a person's name or “Team” */
        return g_strdup_printf (weekly ? _("%s — trust and structure over all time, by week")
                                       : _("%s — trust and structure over all time, by month"),
                                name);
      /* Translators: an exported chart's title; %s is a person's name or “Team” */
      return g_strdup_printf (weekly ? _("%s — habits over all time, by week")
                                     : _("%s — habits over all time, by month"),
                              name);
    case RAPPORT_HISTORY_RANGE_YEAR:
    default:
      if (balance)
        /* Translators: an exported chart's title; %s is a person's name or “Team” */
        return g_strdup_printf (weekly ? _("%s — trust and structure over the last year, by week")
                                       : _("%s — trust and structure over the last year, by month"),
                                name);
      /* Translators: an exported chart's title; %s is a person's name or “Team” */
      return g_strdup_printf (weekly ? _("%s — habits over the last year, by week")
                                     : _("%s — habits over the last year, by month"),
                              name);
    }
}

/* File names ------------------------------------------------------------- */

char *
rapport_history_slug (const char *text)
{
  g_autofree char *ascii = NULL;
  GString         *slug;
  gboolean         dash = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  /* "C": the same transliteration whatever the user's locale. */
  ascii = g_str_to_ascii (text, "C");
  slug = g_string_new (NULL);
  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && slug->len > 0)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else if (*p != '\'') /* "O'Brien" is "obrien" */
        dash = TRUE;
    }
  return g_string_free (slug, FALSE);
}

char *
rapport_history_export_file_name (const char *who,
                                  const char *date,
                                  const char *extension)
{
  g_autofree char *slug = who != NULL ? rapport_history_slug (who) : NULL;

  g_return_val_if_fail (date != NULL && extension != NULL, NULL);

  /* A name of symbols only has no slug: the file is still named by date. */
  if (slug == NULL || *slug == '\0')
    {
      g_free (slug);
      slug = g_strdup (who != NULL ? "person" : "team");
    }
  return g_strdup_printf ("rapport-history-%s-%s.%s", slug, date, extension);
}

/* Writing ---------------------------------------------------------------- */

static void
set_write_error (GError    **error,
                 GQuark      domain,
                 int         code,
                 const char *path,
                 const char *reason)
{
  g_set_error (error, domain, code, _("Could not write the chart to “%s”: %s"), path, reason);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The notes are private, and so is what is drawn from them: like every
 * other export the chart is its owner's only (0600). */
static gboolean
write_private (const char *path,
               const char *data,
               gsize       length,
               GError    **error)
{
  g_autoptr(GError) local = NULL;

  if (rapport_file_write_private (path, data, length, &local))
    return TRUE;
  /* The message names the file and the reason already. */
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, local->message);
  return FALSE;
}

static gboolean
check_surface (cairo_surface_t *surface,
               const char      *path,
               GError         **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  set_write_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, path, cairo_status_to_string (status));
  return FALSE;
}

/* Cairo draws text as glyph outlines: name the image in a <title>, which
 * viewers and screen readers show, and which a search can find, and what
 * it covers in a <desc>. */
static GString *
add_svg_title (const GByteArray *svg,
               const char       *title,
               const char       *desc,
               const char       *path,
               GError          **error)
{
  const char      *contents = (const char *) svg->data;
  const char      *root, *end;
  g_autofree char *escaped = NULL;
  GString         *out;

  root = g_strstr_len (contents, svg->len, "<svg");
  end = root != NULL ? memchr (root, '>', svg->len - (root - contents)) : NULL;
  if (end == NULL)
    {
      set_write_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, path, _("not an SVG image"));
      return NULL;
    }
  out = g_string_new_len (contents, end + 1 - contents);
  if (title != NULL)
    {
      escaped = g_markup_escape_text (title, -1);
      g_string_append_printf (out, "\n<title>%s</title>", escaped);
      g_clear_pointer (&escaped, g_free);
    }
  if (desc != NULL)
    {
      escaped = g_markup_escape_text (desc, -1);
      g_string_append_printf (out, "\n<desc>%s</desc>", escaped);
    }
  g_string_append_len (out, end + 1, svg->len - (end + 1 - contents));
  return out;
}

gboolean
rapport_history_export_png (const RapportHistorySeries *series,
                            const RapportHistoryStyle  *style,
                            int                         width,
                            const char                 *path,
                            GError                    **error)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t   status;
  cairo_t         *cr;
  int              height;

  g_return_val_if_fail (series != NULL && style != NULL && path != NULL, FALSE);

  width = MAX (width, rapport_history_minimum_width (series));
  height = rapport_history_natural_height (series, style);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * 2, height * 2);
  cairo_surface_set_device_scale (surface, 2, 2);
  cr = cairo_create (surface);
  rapport_history_draw (cr, series, style, width, height);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png_stream (surface, append_bytes, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      set_write_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, path, cairo_status_to_string (status));
      return FALSE;
    }
  return write_private (path, (const char *) png->data, png->len, error);
}

gboolean
rapport_history_export_svg (const RapportHistorySeries *series,
                            const RapportHistoryStyle  *style,
                            int                         width,
                            const char                 *path,
                            GError                    **error)
{
  g_autoptr(GByteArray) svg = g_byte_array_new ();
  g_autoptr(GString) titled = NULL;
  g_autofree char *missed = NULL;
  g_autofree char *desc = NULL;
  cairo_surface_t *surface;
  gboolean         ok;
  cairo_t         *cr;
  int              height;

  g_return_val_if_fail (series != NULL && style != NULL && path != NULL, FALSE);

  width = MAX (width, rapport_history_minimum_width (series));
  height = rapport_history_natural_height (series, style);
  surface = cairo_svg_surface_create_for_stream (append_bytes, svg, width, height);
  if (!check_surface (surface, path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  cr = cairo_create (surface);
  rapport_history_draw (cr, series, style, width, height);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = check_surface (surface, path, error);
  cairo_surface_destroy (surface);
  if (!ok)
    return FALSE;
  /* The skipped 1:1s drawn on the time axis, in words too. */
  missed = rapport_history_describe_missed_range (series);
  if (missed != NULL && style->subtitle != NULL)
    desc = g_strdup_printf ("%s %s", style->subtitle, missed);
  else
    desc = g_strdup (missed != NULL ? missed : style->subtitle);
  if (style->title == NULL && desc == NULL)
    return write_private (path, (const char *) svg->data, svg->len, error);
  titled = add_svg_title (svg, style->title, desc, path, error);
  return titled != NULL && write_private (path, titled->str, titled->len, error);
}
