/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-common.c: what every benchmark needs: the best and median of
 * repeated measurements, CPU time, and the process's peak memory. */
#include "config.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench-common.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

void
best_and_median (double *v,
                 guint   n,
                 double *best,
                 double *median)
{
  qsort (v, n, sizeof *v, compare_doubles);
  *best = v[0];
  *median = n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

/* CPU seconds used by the whole process, every thread: on a busy machine
 * the wall time includes waiting for a core, this does not. */
double
process_cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double) ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* A field of /proc/self/status such as "VmHWM", in kB; -1 if missing. */
gint64
proc_status_kb (const char *field)
{
  g_autofree char *status = NULL;
  gsize len = strlen (field);

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  for (const char *line = status; line != NULL && *line; )
    {
      const char *next = strchr (line, '\n');

      if (strncmp (line, field, len) == 0 && line[len] == ':')
        return g_ascii_strtoll (line + len + 1, NULL, 10);
      line = next ? next + 1 : NULL;
    }
  return -1;
}

/* Resets VmHWM to the current RSS (Linux 4.0 and later). */
gboolean
reset_peak_rss (void)
{
  FILE *f = fopen ("/proc/self/clear_refs", "w");
  gboolean ok;

  if (f == NULL)
    return FALSE;
  ok = fputs ("5", f) >= 0;
  return fclose (f) == 0 && ok;
}
