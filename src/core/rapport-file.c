/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rapport-file.h"

/* Notes are private, and so is every file made from them. The file is
 * written under a new name made 0600 beside @path, synced, and renamed
 * over it. g_file_set_contents_full() is not used: from GLib 2.84 on, it
 * keeps the mode of the file it replaces, so an export written over a
 * file readable by others stayed readable by others. */
gboolean
rapport_file_write_private (const char *path,
                            const char *data,
                            gsize       length,
                            GError    **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autofree char *tmp = NULL;
  int              saved;
  int              fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  name = g_strdup_printf (".%s-XXXXXX", base);
  tmp = g_build_filename (dir, name, NULL);

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        goto failed;
      data += written;
      length -= (gsize) written;
    }
  if (fchmod (fd, 0600) != 0 || fsync (fd) != 0)
    goto failed;
  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;
  if (g_rename (tmp, path) != 0)
    goto failed;
  return TRUE;

failed:
  saved = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
               _("Could not write “%s”: %s"), path, g_strerror (saved));
  return FALSE;
}
