/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Memory of this process, for bench-memory and the empty window beside it:
 * header-only, as empty-window.c links neither Rapport nor bench-util. */
#pragma once

#include <glib.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

typedef struct
{
  long rss_kib;    /* VmRSS of /proc/self/status */
  long pss_kib;    /* Pss of /proc/self/smaps_rollup, -1 if there is none */
  long heap_kib;   /* malloc's bytes in use (mallinfo2: uordblks + hblkhd) */
  long arena_kib;  /* and those it holds, free ones included (arena + hblkhd) */
} BenchMemory;

static inline long
bench_memory_field (const char *text,
                    const char *name)
{
  const char *line = text;
  size_t len = strlen (name);

  while (line != NULL)
    {
      if (strncmp (line, name, len) == 0)
        return strtol (line + len, NULL, 10);
      line = strchr (line, '\n');
      if (line != NULL)
        line++;
    }
  return -1;
}

static inline BenchMemory
bench_memory_read (void)
{
  BenchMemory m = { -1, -1, -1, -1 };
  g_autofree char *status = NULL;
  g_autofree char *rollup = NULL;
  struct mallinfo2 info;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    m.rss_kib = bench_memory_field (status, "VmRSS:");
  if (g_file_get_contents ("/proc/self/smaps_rollup", &rollup, NULL, NULL))
    m.pss_kib = bench_memory_field (rollup, "Pss:");
  info = mallinfo2 ();
  m.heap_kib = (long) ((info.uordblks + info.hblkhd) / 1024);
  m.arena_kib = (long) ((info.arena + info.hblkhd) / 1024);
  return m;
}
