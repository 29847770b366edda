/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  rapport_set_str            (char       **dest,
                                      const char  *value);
char     *rapport_text_single_line   (const char  *text);
char     *rapport_text_excerpt       (const char  *text,
                                      gsize        max_chars);

G_END_DECLS
