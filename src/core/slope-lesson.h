/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-lesson.h: a lesson prepared at home and opened in class — the
 * data, the run's settings, the panels shown, a title and a note — in a
 * versioned text file (.slope, a GKeyFile; docs/LESSON-FORMAT.md).
 */
#pragma once

#include <gio/gio.h>

#include "slope-run-settings.h"
#include "slope-scaling.h"
#include "slope-types.h"

G_BEGIN_DECLS

/* The newest format this Slope writes and reads. */
#define SLOPE_LESSON_VERSION 2
/* Runs compared with the main one that a lesson holds (format 2). */
#define SLOPE_LESSON_MAX_COMPARED 5
#define SLOPE_LESSON_MIME_TYPE "application/x-slope-lesson"

#define SLOPE_LESSON_ERROR (slope_lesson_error_quark ())

typedef enum
{
  SLOPE_LESSON_ERROR_INVALID,         /* not a lesson, or a value that cannot be used */
  SLOPE_LESSON_ERROR_NEWER_VERSION,   /* written by a newer Slope */
  SLOPE_LESSON_ERROR_DATA,            /* the data it names cannot be loaded */
} SlopeLessonError;

/* Where a lesson's points come from. */
typedef enum
{
  SLOPE_LESSON_DATA_EMBEDDED,
  SLOPE_LESSON_DATA_FILE,             /* a CSV file, relative to the lesson's folder */
  SLOPE_LESSON_DATA_EXAMPLE,          /* a built-in example, by id */
} SlopeLessonDataKind;

#define SLOPE_TYPE_LESSON (slope_lesson_get_type ())

G_DECLARE_FINAL_TYPE (SlopeLesson, slope_lesson, SLOPE, LESSON, GObject)

GQuark               slope_lesson_error_quark     (void);
SlopeLesson         *slope_lesson_new             (SlopeDataset            *dataset,
                                                   const SlopeRunSettings  *run);
SlopeLesson         *slope_lesson_load            (GFile                   *file,
                                                   GError                 **error);
gboolean             slope_lesson_save            (SlopeLesson             *self,
                                                   GFile                   *file,
                                                   GError                 **error);
SlopeDataset        *slope_lesson_get_dataset     (SlopeLesson             *self);
void                 slope_lesson_get_run         (SlopeLesson             *self,
                                                   SlopeRunSettings        *run);
void                 slope_lesson_set_run         (SlopeLesson             *self,
                                                   const SlopeRunSettings  *run);
SlopeScaleMode       slope_lesson_get_scale_mode  (SlopeLesson             *self);
void                 slope_lesson_set_scale_mode  (SlopeLesson             *self,
                                                   SlopeScaleMode           mode);
const char          *slope_lesson_get_title       (SlopeLesson             *self);
void                 slope_lesson_set_title       (SlopeLesson             *self,
                                                   const char              *title);
const char          *slope_lesson_get_note        (SlopeLesson             *self);
void                 slope_lesson_set_note        (SlopeLesson             *self,
                                                   const char              *note);
const char * const  *slope_lesson_get_panels      (SlopeLesson             *self);
void                 slope_lesson_set_panels      (SlopeLesson             *self,
                                                   const char * const      *panels);
SlopeLessonDataKind  slope_lesson_get_data_kind   (SlopeLesson             *self);
const char          *slope_lesson_get_data_source (SlopeLesson             *self);
void                 slope_lesson_set_data_file   (SlopeLesson             *self,
                                                   const char              *path,
                                                   const char              *x_column,
                                                   const char              *y_column);
guint                slope_lesson_get_n_compared  (SlopeLesson             *self);
void                 slope_lesson_get_compared    (SlopeLesson             *self,
                                                   guint                    index,
                                                   SlopeRunSettings        *run,
                                                   gboolean                *hidden);
gboolean             slope_lesson_add_compared    (SlopeLesson             *self,
                                                   const SlopeRunSettings  *run,
                                                   gboolean                 hidden);
void                 slope_lesson_set_data_example (SlopeLesson            *self,
                                                   const char              *id);

G_END_DECLS
