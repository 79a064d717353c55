/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-frame.c: what one frame of the window costs while it trains.
 *
 * Opens the window at 1280×800 on N generated points (default 10⁷; 3 gives
 * the lesson's size), presses Play and, for each frame of the next SECONDS,
 * measures from the frame clock's "before-paint" to its "after-paint" (the
 * tick that reads the newest state, layout, snapshot and rendering): the
 * wall time, and the UI thread's own CPU time, which other programs on a
 * shared machine do not inflate.  Prints medians, percentiles, the largest
 * and how many frames took over 16 ms.  Needs a display (run it under
 * xvfb-run with GSK_RENDERER=cairo to match bench/compare).
 *
 *   bench-frame [N] [SECONDS]
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "slope-dataset.h"
#include "slope-window-private.h"

/* The first frames map the window and draw every layer for the first time. */
#define WARM_UP_FRAMES 30

typedef struct
{
  gint64  wall_start;
  double  cpu_start;
  guint   frames;
  GArray *wall_ms;
  GArray *cpu_ms;
} Frames;

static double
thread_cpu_ms (void)
{
  struct timespec t;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void
on_before_paint (GdkFrameClock *clock,
                 Frames        *f)
{
  f->wall_start = g_get_monotonic_time ();
  f->cpu_start = thread_cpu_ms ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Frames        *f)
{
  double wall = (g_get_monotonic_time () - f->wall_start) / 1e3;
  double cpu = thread_cpu_ms () - f->cpu_start;

  if (++f->frames <= WARM_UP_FRAMES)
    return;
  g_array_append_val (f->wall_ms, wall);
  g_array_append_val (f->cpu_ms, cpu);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        GArray     *ms)
{
  const double *t;
  guint n = ms->len, over = 0;

  if (n == 0)
    {
      printf ("%s: no frames\n", what);
      return;
    }
  g_array_sort (ms, compare_doubles);
  t = (const double *) (gconstpointer) ms->data;
  for (guint i = 0; i < n; i++)
    over += t[i] > 16.0;
  printf ("%s per frame: median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms; %u of %u over 16 ms\n",
          what, t[n / 2], t[n * 9 / 10], t[n * 99 / 100], t[n - 1], over, n);
}

static SlopeDataset *
make_points (gsize n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  double *x = g_new (double, n), *y = g_new (double, n);

  for (gsize i = 0; i < n; i++)
    {
      x[i] = g_rand_double_range (rand, -1.0, 1.0);
      y[i] = 2.0 * x[i] + 1.0 + g_rand_double_range (rand, -0.1, 0.1);
    }
  return slope_dataset_new_take (x, y, n, "bench-frame");
}

int
main (int   argc,
      char *argv[])
{
  gsize n = argc > 1 ? strtoull (argv[1], NULL, 10) : 10000000;
  double seconds = argc > 2 ? g_ascii_strtod (argv[2], NULL) : 20.0;
  /* Compared runs beside the main one (issue 13: six runs on 10⁷ points). */
  guint compared = argc > 3 ? MIN ((guint) strtoul (argv[3], NULL, 10), 5u) : 0;
  static const char * const comparisons[] = { "lr-times-10", "zero-grad-off", "adam", "copy", "copy" };
  Frames f = { 0 };
  g_autoptr(SlopeDataset) points = NULL;
  GdkFrameClock *clock;
  SlopeWindow *window;
  gint64 end;

  if (!gtk_init_check ())
    {
      g_printerr ("bench-frame: needs a display (xvfb-run)\n");
      return 77;
    }
  adw_init ();

  points = make_points (MAX (n, (gsize) 1));
  window = slope_window_new (NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  slope_window_set_dataset (window, points);
  while (gtk_widget_get_frame_clock (GTK_WIDGET (window)) == NULL)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < compared; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", "s", comparisons[i]);

  f.wall_ms = g_array_new (FALSE, FALSE, sizeof (double));
  f.cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &f);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &f);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-play", NULL);

  end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  printf ("N = %" G_GSIZE_FORMAT " points, %u compared runs, %.0f s playing, %" G_GUINT64_FORMAT
          " epochs trained, window %d×%d\n", n, compared, seconds, window->snapshot.state.epoch,
          gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)));
  report ("UI thread CPU", f.cpu_ms);
  report ("wall", f.wall_ms);

  g_signal_handlers_disconnect_by_data (clock, &f);
  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (f.wall_ms);
  g_array_unref (f.cpu_ms);
  return 0;
}
