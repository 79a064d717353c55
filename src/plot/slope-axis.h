/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-axis.h: tick positions and labels for linear and log axes.
 *
 * Linear axes step by 1, 2 or 5 times a power of ten; log axes put a tick
 * on every decade, or every k-th decade when there are too many, so labels
 * stay readable from 10⁻¹² to 10³⁰.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SLOPE_AXIS_MAX_TICKS 64
#define SLOPE_AXIS_MAX_MINOR 128

typedef struct
{
  gboolean log_scale;
  double   lo;           /* data value at the start of the axis (> 0 if log) */
  double   hi;
  guint    n_ticks;
  double   ticks[SLOPE_AXIS_MAX_TICKS];
  char     labels[SLOPE_AXIS_MAX_TICKS][32];   /* UTF-8, e.g. "0.5", "10⁻¹²" */
  guint    n_minor;      /* unlabelled ticks: 2…9 × 10ᵏ, or skipped decades */
  double   minor[SLOPE_AXIS_MAX_MINOR];
} SlopeAxis;

void     slope_axis_init_linear (SlopeAxis  *axis,
                                 double      lo,
                                 double      hi,
                                 guint       max_ticks);
/* Whether @axis's labels stand far enough apart: @strict first, then
 * loosened (merely not touching). */
typedef gboolean (*SlopeAxisSpaced) (const SlopeAxis *axis,
                                     gboolean         strict,
                                     gpointer         data);

void     slope_axis_ensure_two_ticks (SlopeAxis       *axis,
                                      double           lo,
                                      double           hi,
                                      guint            max_ticks,
                                      SlopeAxisSpaced  spaced,
                                      gpointer         data);
void     slope_axis_init_log    (SlopeAxis  *axis,
                                 double      lo,
                                 double      hi,
                                 guint       max_ticks);
double   slope_axis_fraction    (const SlopeAxis *axis,
                                 double           value);
double   slope_axis_value       (const SlopeAxis *axis,
                                 double           fraction);
double   slope_nice_step        (double      span,
                                 guint       max_ticks);
void     slope_format_number    (char       *buf,
                                 gsize       size,
                                 double      value,
                                 int         significant);
/* Strips trailing zeros from a %f-formatted number: "1.50" → "1.5",
 * "2.0" → "2", and turns "-0" into "0". */
void     slope_format_tidy      (char       *text);
/* As slope_format_number, for display: "−1.5×10⁻⁹" rather than "-1.5e-09". */
void     slope_format_number_unicode (char   *buf,
                                      gsize   size,
                                      double  value,
                                      int     significant);

G_END_DECLS
