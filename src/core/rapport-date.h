/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Days as the database stores them: YYYY-MM-DD, which compares as it
 * reads. RapportDateText holds one with its NUL. */
typedef char RapportDateText[11];

gboolean  rapport_date_is_valid   (const char      *date);
gboolean  rapport_date_parse      (const char      *text,
                                   GDate           *date);
void      rapport_date_format     (const GDate     *date,
                                   RapportDateText  out);
char     *rapport_date_add_days   (const char      *date,
                                   int              days);

G_END_DECLS
