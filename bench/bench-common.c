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

/* The floor for a pass over two arrays: read every byte of both once and
 * add them up in eight independent lanes, compiled like the epoch's loop
 * (the same vector widths), so the comparison is the memory, not the
 * arithmetic. */
typedef double StreamLanes __attribute__ ((vector_size (8 * sizeof (double))));

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__GLIBC__)
__attribute__ ((target_clones ("avx512f", "avx2", "default")))
#endif
double
stream_read (const double *x,
             const double *y,
             gsize         n)
{
  StreamLanes acc = { 0 };
  double lanes[8], sum = 0.0;
  gsize i = 0;

  for (; i + 8 <= n; i += 8)
    {
      StreamLanes a, b;

      memcpy (&a, x + i, sizeof a);
      memcpy (&b, y + i, sizeof b);
      acc += a + b;
    }
  memcpy (lanes, &acc, sizeof lanes);
  for (guint j = 0; j < 8; j++)
    sum += lanes[j];
  for (; i < n; i++)
    sum += x[i] + y[i];
  return sum;
}
