/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-history"

#include "config.h"

#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

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
  gboolean balance = show == RAPPORT_HISTORY_SHOW_KINDS;
  gboolean weekly;
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
                                       : _("%s — trust and structure over the last 3 months, by month"), name);
      /* Translators: an exported chart's title; %s is a person's name or “Team” */
      return g_strdup_printf (weekly ? _("%s — habits over the last 3 months, by week")
                                     : _("%s — habits over the last 3 months, by month"), name);
    case RAPPORT_HISTORY_RANGE_ALL:
      if (balance)
        /* Translators: an exported chart's title; %s is a person's name or “Team” */
        return g_strdup_printf (weekly ? _("%s — trust and structure over all time, by week")
                                       : _("%s — trust and structure over all time, by month"), name);
      /* Translators: an exported chart's title; %s is a person's name or “Team” */
      return g_strdup_printf (weekly ? _("%s — habits over all time, by week")
                                     : _("%s — habits over all time, by month"), name);
    case RAPPORT_HISTORY_RANGE_YEAR:
    default:
      if (balance)
        /* Translators: an exported chart's title; %s is a person's name or “Team” */
        return g_strdup_printf (weekly ? _("%s — trust and structure over the last year, by week")
                                       : _("%s — trust and structure over the last year, by month"), name);
      /* Translators: an exported chart's title; %s is a person's name or “Team” */
      return g_strdup_printf (weekly ? _("%s — habits over the last year, by week")
                                     : _("%s — habits over the last year, by month"), name);
    }
}

/* File names ------------------------------------------------------------- */

char *
rapport_history_slug (const char *text)
{
  g_autofree char *ascii = NULL;
  GString *slug;
  gboolean dash = FALSE;

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
      else if (*p != '\'')   /* "O'Brien" is "obrien" */
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

static gboolean
check_surface (cairo_surface_t  *surface,
               const char       *path,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not write the chart to “%s”: %s"), path, cairo_status_to_string (status));
  return FALSE;
}

/* Cairo draws text as glyph outlines: name the image in a <title>, which
 * viewers and screen readers show, and which a search can find. */
static gboolean
add_svg_title (const char  *path,
               const char  *title,
               GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr(GString) out = NULL;
  const char *root, *end;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  root = strstr (contents, "<svg");
  end = root != NULL ? strchr (root, '>') : NULL;
  if (end == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Could not write the chart to “%s”: %s"), path, _("not an SVG image"));
      return FALSE;
    }
  escaped = g_markup_escape_text (title, -1);
  out = g_string_new_len (contents, end + 1 - contents);
  g_string_append_printf (out, "\n<title>%s</title>", escaped);
  g_string_append (out, end + 1);
  return g_file_set_contents (path, out->str, out->len, error);
}

gboolean
rapport_history_export_png (const RapportHistorySeries  *series,
                            const RapportHistoryStyle   *style,
                            int                          width,
                            const char                  *path,
                            GError                     **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int height;

  g_return_val_if_fail (series != NULL && style != NULL && path != NULL, FALSE);

  width = MAX (width, rapport_history_minimum_width (series));
  height = rapport_history_natural_height (series, style);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * 2, height * 2);
  cairo_surface_set_device_scale (surface, 2, 2);
  cr = cairo_create (surface);
  rapport_history_draw (cr, series, style, width, height);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the chart to “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
rapport_history_export_svg (const RapportHistorySeries  *series,
                            const RapportHistoryStyle   *style,
                            int                          width,
                            const char                  *path,
                            GError                     **error)
{
  cairo_surface_t *surface;
  gboolean ok;
  cairo_t *cr;
  int height;

  g_return_val_if_fail (series != NULL && style != NULL && path != NULL, FALSE);

  width = MAX (width, rapport_history_minimum_width (series));
  height = rapport_history_natural_height (series, style);
  surface = cairo_svg_surface_create (path, width, height);
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
  if (ok && style->title != NULL)
    ok = add_svg_title (path, style->title, error);
  return ok;
}
