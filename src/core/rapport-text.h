/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Limits shared by what the app stores and what an export may hold, so
 * that whatever was saved can always be exported and imported again. */
#define RAPPORT_MAX_NAME_CHARS   200
#define RAPPORT_MAX_TEXT_CHARS   10000
#define RAPPORT_MAX_NOTES_BYTES  (8 * 1024 * 1024)

gboolean  rapport_set_str            (char       **dest,
                                      const char  *value);
char     *rapport_text_single_line   (const char  *text);
char     *rapport_text_excerpt       (const char  *text,
                                      gsize        max_chars);

G_END_DECLS
