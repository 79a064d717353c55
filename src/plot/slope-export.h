/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-export.h: the plots saved as PNG, SVG or PDF files.
 *
 * Teachers paste plots into slides and handouts: PNG for anything, SVG and
 * PDF to stay sharp when printed or projected.  The renderers are plain
 * functions of a cairo_t, so exporting is drawing them on a file's surface.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "slope-cost-plot.h"
#include "slope-data-plot.h"

G_BEGIN_DECLS

#define SLOPE_EXPORT_ERROR (slope_export_error_quark ())

typedef enum
{
  SLOPE_EXPORT_ERROR_UNKNOWN_FORMAT,   /* the name ends in none of .png, .svg, .pdf */
  SLOPE_EXPORT_ERROR_DRAWING,          /* Cairo failed, e.g. out of memory */
} SlopeExportError;

typedef enum
{
  SLOPE_EXPORT_FORMAT_AUTO,            /* from the file name's extension */
  SLOPE_EXPORT_FORMAT_PNG,
  SLOPE_EXPORT_FORMAT_SVG,
  SLOPE_EXPORT_FORMAT_PDF,
} SlopeExportFormat;

/* The share of the whole view's height given to the data plot. */
#define SLOPE_EXPORT_VIEW_DATA_SHARE 0.6

typedef void (*SlopeExportDrawFunc) (cairo_t  *cr,
                                     int       width,
                                     int       height,
                                     gpointer  user_data);

GQuark            slope_export_error_quark       (void);
SlopeExportFormat slope_export_format_from_name  (const char           *name);
gboolean          slope_export_draw              (const char           *path,
                                                  GFile                *file,
                                                  SlopeExportFormat     format,
                                                  int                   width,
                                                  int                   height,
                                                  SlopeExportDrawFunc   draw,
                                                  gpointer              user_data,
                                                  GError              **error);
void              slope_export_draw_view         (cairo_t              *cr,
                                                  int                   width,
                                                  int                   height,
                                                  const SlopeDataPlot  *data_plot,
                                                  const SlopeCostPlot  *cost_plot);
gboolean          slope_export_data_plot         (GFile                *file,
                                                  const SlopeDataPlot  *plot,
                                                  int                   width,
                                                  int                   height,
                                                  GError              **error);
gboolean          slope_export_cost_plot         (GFile                *file,
                                                  const SlopeCostPlot  *plot,
                                                  int                   width,
                                                  int                   height,
                                                  GError              **error);
gboolean          slope_export_view              (GFile                *file,
                                                  const SlopeDataPlot  *data_plot,
                                                  const SlopeCostPlot  *cost_plot,
                                                  int                   width,
                                                  int                   height,
                                                  GError              **error);

G_END_DECLS
