/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes @data to @path for its owner only (0600), also over a file that
 * others could read, and atomically: a reader sees the old file or the
 * new one. Errors are in G_FILE_ERROR and name the file. */
gboolean rapport_file_write_private (const char  *path,
                                     const char  *data,
                                     gsize        length,
                                     GError     **error);

G_END_DECLS
