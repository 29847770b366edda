/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes the "decade" data set to a new database file, for benchmarks and
 * demos: make-decade PATH [LAST-DATE] */
#include "config.h"

#include <stdio.h>

#include "decade.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  DecadeStats stats = { 0 };

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s PATH [YYYY-MM-DD]\n", argv[0]);
      return 2;
    }
  if (!decade_build (argv[1], argc > 2 ? argv[2] : NULL, &stats, &error))
    {
      fprintf (stderr, "make-decade: %s\n", error->message);
      return 1;
    }
  printf ("%u people, %u meetings, %u checklist rows, %.1f MB of notes\n",
          stats.people, stats.meetings, stats.checklist_rows, stats.note_bytes / 1e6);
  return 0;
}
