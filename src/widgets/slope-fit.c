/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-fit.c: see slope-fit.h. */
#include "config.h"

#include <math.h>

#include "slope-fit.h"

double
slope_fit_scale (int    width,
                 int    natural_width,
                 double min_scale)
{
  if (natural_width <= 0 || width >= natural_width)
    return 1.0;
  return MAX ((double) width / natural_width, min_scale);
}

void
slope_fit_measure (GtkWidget      *child,
                   int             natural_width,
                   double          min_scale,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int child_min = 0;

      gtk_widget_measure (child, orientation, -1, &child_min, NULL, NULL, NULL);
      *natural = MAX (natural_width, child_min);
      *minimum = (int) ceil (*natural * min_scale);
    }
  else
    {
      double scale = for_size >= 0 ? slope_fit_scale (for_size, natural_width, min_scale) : 1.0;
      int child_for = for_size >= 0 ? (int) floor (for_size / scale) : -1;
      int child_min = 0, child_nat = 0;

      gtk_widget_measure (child, orientation, child_for, &child_min, &child_nat, NULL, NULL);
      /* With no width given, the width may yet shrink the child: its
       * height may be as small as the smallest scale makes it. */
      *minimum = (int) ceil (child_min * (for_size >= 0 ? scale : min_scale));
      *natural = (int) ceil (child_nat * scale);
    }
}

/* A fitted child's height depends on the width it is given (the scale);
 * a parent that asked without a width would under-count it and clip the
 * last lines, so the widget says so. */
GtkSizeRequestMode
slope_fit_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

void
slope_fit_allocate (GtkWidget *child,
                    int        natural_width,
                    double     min_scale,
                    int        width,
                    int        height)
{
  double scale = slope_fit_scale (width, natural_width, min_scale);
  GskTransform *transform = NULL;

  if (scale < 1.0)
    transform = gsk_transform_scale (NULL, (float) scale, (float) scale);
  /* width / scale is the natural width when the scale came from it, but
   * in floating point it can land a hair under: floor() would then give
   * the child one pixel less than its minimum. */
  gtk_widget_allocate (child, (int) floor (width / scale + 1e-6),
                       (int) floor (height / scale + 1e-6), -1, transform);
}
