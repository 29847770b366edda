/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-date"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "rapport-date.h"

gboolean
rapport_date_is_valid (const char *date)
{
  int  y, m, d;
  char tail;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  return strlen (date) == 10 && g_date_valid_dmy (d, m, y);
}

/* Sets @date to the day @text names, or returns FALSE where @text is not
 * a valid YYYY-MM-DD (@date is then left as it was). */
gboolean
rapport_date_parse (const char *text,
                    GDate      *date)
{
  int y, m, d;

  if (!rapport_date_is_valid (text))
    return FALSE;
  sscanf (text, "%4d-%2d-%2d", &y, &m, &d);
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

void
rapport_date_format (const GDate    *date,
                     RapportDateText out)
{
  g_snprintf (out, sizeof (RapportDateText), "%04d-%02d-%02d",
              g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/* The day @days (0 or more) after @date, or NULL where @date is not a
 * valid day. */
char *
rapport_date_add_days (const char *date,
                       int         days)
{
  RapportDateText out;
  GDate           day;

  g_return_val_if_fail (days >= 0, NULL);

  if (!rapport_date_parse (date, &day))
    return NULL;
  g_date_add_days (&day, days);
  rapport_date_format (&day, out);
  return g_strdup (out);
}
