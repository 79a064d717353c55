/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-dataset.h: the (x, y) points being fitted.
 *
 * A dataset never changes after it is made: an edit makes a new one.  That
 * lets the training thread keep reading its points while the window builds
 * the next version, with no lock around the arrays.
 */
#pragma once

#include <glib-object.h>

#include "slope-types.h"

G_BEGIN_DECLS

#define SLOPE_TYPE_DATASET (slope_dataset_get_type ())

G_DECLARE_FINAL_TYPE (SlopeDataset, slope_dataset, SLOPE, DATASET, GObject)

/* Sums over the points, computed once when the dataset is made. */
typedef struct
{
  gsize  n;
  double sum_x;
  double sum_y;
  double sum_xx;
  double sum_xy;
  double sum_yy;
  double x_min;
  double x_max;
  double y_min;
  double y_max;
} SlopeMoments;

SlopeDataset       *slope_dataset_new            (const double  *x,
                                                  const double  *y,
                                                  gsize          n,
                                                  const char    *title);
SlopeDataset       *slope_dataset_new_take       (double        *x,
                                                  double        *y,
                                                  gsize          n,
                                                  const char    *title);
SlopeDataset       *slope_dataset_new_notebook   (void);
gsize               slope_dataset_get_n          (SlopeDataset  *self);
const double       *slope_dataset_get_x          (SlopeDataset  *self);
const double       *slope_dataset_get_y          (SlopeDataset  *self);
const char         *slope_dataset_get_title      (SlopeDataset  *self);
void                slope_dataset_set_names      (SlopeDataset  *self,
                                                  const char    *x_name,
                                                  const char    *y_name);
const char         *slope_dataset_get_x_name     (SlopeDataset  *self);
const char         *slope_dataset_get_y_name     (SlopeDataset  *self);
gboolean            slope_dataset_has_names      (SlopeDataset  *self);
const SlopeMoments *slope_dataset_get_moments    (SlopeDataset  *self);
gboolean            slope_dataset_least_squares  (SlopeDataset  *self,
                                                  double        *w,
                                                  double        *b,
                                                  double        *r_squared);
gboolean            slope_dataset_moments_overflow (SlopeDataset *self);
gboolean            slope_dataset_moments_underflow (SlopeDataset *self);
gboolean            slope_dataset_stable_lr      (SlopeDataset  *self,
                                                  double        *lr_zero_grad,
                                                  double        *lr_accumulating);
SlopeDataset       *slope_dataset_with_point     (SlopeDataset  *self,
                                                  gssize         index,
                                                  double         x,
                                                  double         y);
SlopeDataset       *slope_dataset_without_point  (SlopeDataset  *self,
                                                  gsize          index);
SlopeDataset       *slope_dataset_with_moved_point (SlopeDataset *self,
                                                  gsize          index,
                                                  double         x,
                                                  double         y);

G_END_DECLS
