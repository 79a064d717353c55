/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-lesson.c: reading and writing .slope lesson files.
 *
 * A lesson is read whole and checked whole before anything is returned,
 * so a damaged file, a value that cannot be used or a file from a newer
 * Slope gives one clear error and changes nothing.  Numbers are written
 * as the shortest text that reads back to the same double, with a '.' in
 * every locale, so a lesson trains the same after a round trip.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "slope-csv.h"
#include "slope-dataset.h"
#include "slope-examples.h"
#include "slope-lesson.h"
#include "slope-parse.h"
#include "slope-save.h"

#define GROUP_LESSON "Slope Lesson"
#define GROUP_DATA   "Data"
#define GROUP_RUN    "Run"
#define GROUP_PANELS "Panels"
#define GROUP_COMPARED_PREFIX "Compared Run "
#define GROUP_COMPARED_FORMAT GROUP_COMPARED_PREFIX "%u"

typedef struct
{
  SlopeRunSettings run;
  gboolean         hidden;
} SlopeLessonRun;

struct _SlopeLesson
{
  GObject              parent_instance;

  SlopeDataset        *dataset;
  SlopeRunSettings     run;
  SlopeScaleMode       scale_mode;     /* how x and y are scaled before training */
  char                *title;
  char                *note;
  GStrv                panels;
  SlopeLessonDataKind  data_kind;
  char                *data_source;    /* the file's path as written, or the example's id */
  char                *x_column;
  char                *y_column;
  SlopeLessonRun       compared[SLOPE_LESSON_MAX_COMPARED];
  guint                n_compared;
};

G_DEFINE_FINAL_TYPE (SlopeLesson, slope_lesson, G_TYPE_OBJECT)

G_DEFINE_QUARK (slope-lesson-error-quark, slope_lesson_error)

static void
slope_lesson_dispose (GObject *object)
{
  SlopeLesson *self = SLOPE_LESSON (object);

  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (slope_lesson_parent_class)->dispose (object);
}

static void
slope_lesson_finalize (GObject *object)
{
  SlopeLesson *self = SLOPE_LESSON (object);

  g_free (self->title);
  g_free (self->note);
  g_strfreev (self->panels);
  g_free (self->data_source);
  g_free (self->x_column);
  g_free (self->y_column);

  G_OBJECT_CLASS (slope_lesson_parent_class)->finalize (object);
}

static void
slope_lesson_class_init (SlopeLessonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = slope_lesson_dispose;
  object_class->finalize = slope_lesson_finalize;
}

static void
slope_lesson_init (SlopeLesson *self)
{
  slope_run_settings_init (&self->run);
  self->panels = g_new0 (char *, 1);
}

/* A lesson of @dataset, embedded, run with @run (NULL: the notebook's). */
SlopeLesson *
slope_lesson_new (SlopeDataset           *dataset,
                  const SlopeRunSettings *run)
{
  SlopeLesson *self;

  g_return_val_if_fail (SLOPE_IS_DATASET (dataset), NULL);

  self = g_object_new (SLOPE_TYPE_LESSON, NULL);
  self->dataset = g_object_ref (dataset);
  if (run != NULL)
    self->run = *run;
  return self;
}

SlopeDataset *
slope_lesson_get_dataset (SlopeLesson *self)
{
  g_return_val_if_fail (SLOPE_IS_LESSON (self), NULL);
  return self->dataset;
}

void
slope_lesson_get_run (SlopeLesson      *self,
                      SlopeRunSettings *run)
{
  g_return_if_fail (SLOPE_IS_LESSON (self));
  *run = self->run;
}

void
slope_lesson_set_run (SlopeLesson            *self,
                      const SlopeRunSettings *run)
{
  g_return_if_fail (SLOPE_IS_LESSON (self));
  self->run = *run;
}

SlopeScaleMode
slope_lesson_get_scale_mode (SlopeLesson *self)
{
  g_return_val_if_fail (SLOPE_IS_LESSON (self), SLOPE_SCALE_NONE);
  return self->scale_mode;
}

void
slope_lesson_set_scale_mode (SlopeLesson    *self,
                             SlopeScaleMode  mode)
{
  g_return_if_fail (SLOPE_IS_LESSON (self));
  g_return_if_fail (mode <= SLOPE_SCALE_STANDARDIZE);
  self->scale_mode = mode;
}

const char *
slope_lesson_get_title (SlopeLesson *self)
{
  g_return_val_if_fail (SLOPE_IS_LESSON (self), NULL);
  return self->title;
}

void
slope_lesson_set_title (SlopeLesson *self,
                        const char  *title)
{
  g_return_if_fail (SLOPE_IS_LESSON (self));
  g_free (self->title);
  self->title = g_strdup (title);
}

const char *
slope_lesson_get_note (SlopeLesson *self)
{
  g_return_val_if_fail (SLOPE_IS_LESSON (self), NULL);
  return self->note;
}

void
slope_lesson_set_note (SlopeLesson *self,
                       const char  *note)
{
  g_return_if_fail (SLOPE_IS_LESSON (self));
  g_free (self->note);
  self->note = g_strdup (note);
}

const char * const *
slope_lesson_get_panels (SlopeLesson *self)
{
  g_return_val_if_fail (SLOPE_IS_LESSON (self), NULL);
  return (const char * const *) self->panels;
}

void
slope_lesson_set_panels (SlopeLesson        *self,
                         const char * const *panels)
{
  g_return_if_fail (SLOPE_IS_LESSON (self));
  g_strfreev (self->panels);
  self->panels = panels ? g_strdupv ((char **) panels) : g_new0 (char *, 1);
}

SlopeLessonDataKind
slope_lesson_get_data_kind (SlopeLesson *self)
{
  g_return_val_if_fail (SLOPE_IS_LESSON (self), SLOPE_LESSON_DATA_EMBEDDED);
  return self->data_kind;
}

/* The CSV file's path as the lesson writes it, or the example's id. */
const char *
slope_lesson_get_data_source (SlopeLesson *self)
{
  g_return_val_if_fail (SLOPE_IS_LESSON (self), NULL);
  return self->data_source;
}

/* The lesson's points come from @path, relative to the lesson's folder
 * unless absolute; the dataset already held is what that file gives. */
void
slope_lesson_set_data_file (SlopeLesson *self,
                            const char  *path,
                            const char  *x_column,
                            const char  *y_column)
{
  g_return_if_fail (SLOPE_IS_LESSON (self));
  g_return_if_fail (path != NULL);

  self->data_kind = SLOPE_LESSON_DATA_FILE;
  g_free (self->data_source);
  self->data_source = g_strdup (path);
  g_free (self->x_column);
  self->x_column = g_strdup (x_column);
  g_free (self->y_column);
  self->y_column = g_strdup (y_column);
}

void
slope_lesson_set_data_example (SlopeLesson *self,
                               const char  *id)
{
  g_return_if_fail (SLOPE_IS_LESSON (self));
  g_return_if_fail (id != NULL);

  self->data_kind = SLOPE_LESSON_DATA_EXAMPLE;
  g_free (self->data_source);
  self->data_source = g_strdup (id);
}

guint
slope_lesson_get_n_compared (SlopeLesson *self)
{
  g_return_val_if_fail (SLOPE_IS_LESSON (self), 0);
  return self->n_compared;
}

/* The @index-th compared run: its settings (the main run's length and
 * log) and whether it is hidden. */
void
slope_lesson_get_compared (SlopeLesson      *self,
                           guint             index,
                           SlopeRunSettings *run,
                           gboolean         *hidden)
{
  g_return_if_fail (SLOPE_IS_LESSON (self));
  g_return_if_fail (index < self->n_compared);

  *run = self->compared[index].run;
  if (hidden != NULL)
    *hidden = self->compared[index].hidden;
}

/* Returns FALSE, adding nothing, when the lesson has as many as it holds. */
gboolean
slope_lesson_add_compared (SlopeLesson            *self,
                           const SlopeRunSettings *run,
                           gboolean                hidden)
{
  g_return_val_if_fail (SLOPE_IS_LESSON (self), FALSE);
  g_return_val_if_fail (run != NULL, FALSE);

  if (self->n_compared == SLOPE_LESSON_MAX_COMPARED)
    return FALSE;
  self->compared[self->n_compared].run = *run;
  self->compared[self->n_compared].hidden = !!hidden;
  self->n_compared++;
  return TRUE;
}

/* ---- Writing ----------------------------------------------------------- */

static void
set_number (GKeyFile   *kf,
            const char *group,
            const char *key,
            double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  slope_csv_format_number_into (buffer, value);
  g_key_file_set_value (kf, group, key, buffer);
}

static void
set_numbers (GKeyFile     *kf,
             const char   *key,
             const double *values,
             gsize         n)
{
  g_autoptr(GString) text = g_string_sized_new (n * 8);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (gsize i = 0; i < n; i++)
    {
      slope_csv_format_number_into (buffer, values[i]);
      g_string_append (text, buffer);
      g_string_append_c (text, ';');
    }
  g_key_file_set_value (kf, GROUP_DATA, key, text->str);
}

static void
write_run (GKeyFile               *kf,
           const char             *group,
           const SlopeRunSettings *r)
{
  const SlopeOptimizerSettings *o = &r->optimizer;
  g_autoptr(GString) epochs = g_string_new (NULL);
  char seed[32];

  g_key_file_set_string (kf, group, "Optimizer", slope_optimizer_kind_to_string (o->kind));
  set_number (kf, group, "LearningRate", r->lr);
  g_key_file_set_boolean (kf, group, "ZeroGrad", r->zero_grad);
  set_number (kf, group, "Momentum", o->momentum);
  set_number (kf, group, "Dampening", o->dampening);
  g_key_file_set_boolean (kf, group, "Nesterov", o->nesterov);
  set_number (kf, group, "WeightDecay", o->weight_decay);
  set_number (kf, group, "Beta1", o->beta1);
  set_number (kf, group, "Beta2", o->beta2);
  set_number (kf, group, "Eps", o->eps);
  g_key_file_set_boolean (kf, group, "AMSGrad", o->amsgrad);
  set_number (kf, group, "Alpha", o->alpha);
  g_key_file_set_boolean (kf, group, "Centered", o->centered);
  set_number (kf, group, "LrDecay", o->lr_decay);
  set_number (kf, group, "InitialAccumulatorValue", o->initial_accumulator_value);
  g_key_file_set_integer (kf, group, "BatchSize", (int) r->batch_size);
  g_key_file_set_boolean (kf, group, "Shuffle", r->shuffle);
  g_snprintf (seed, sizeof seed, "%" G_GUINT64_FORMAT, r->seed);
  g_key_file_set_value (kf, group, "Seed", seed);
  set_number (kf, group, "StartW", r->w0);
  set_number (kf, group, "StartB", r->b0);
  /* A compared run's length and log are the main run's. */
  if (!g_str_equal (group, GROUP_RUN))
    return;
  for (guint i = 0; i < r->n_runs; i++)
    g_string_append_printf (epochs, "%u;", r->runs[i]);
  g_key_file_set_value (kf, group, "Epochs", epochs->str);
  g_key_file_set_integer (kf, group, "LogEvery", (int) r->log_every);
}

static char *
to_data (SlopeLesson *self)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();

  /* Format 1 as long as it says everything: a Slope that knows only
   * format 1 opens lessons without compared runs still, and refuses,
   * rather than silently drops, the runs it cannot show. */
  g_key_file_set_integer (kf, GROUP_LESSON, "Version", self->n_compared > 0 ? 2 : 1);
  if (self->title != NULL)
    g_key_file_set_string (kf, GROUP_LESSON, "Title", self->title);
  if (self->note != NULL)
    g_key_file_set_string (kf, GROUP_LESSON, "Note", self->note);

  switch (self->data_kind)
    {
    case SLOPE_LESSON_DATA_FILE:
      g_key_file_set_string (kf, GROUP_DATA, "File", self->data_source);
      if (self->x_column != NULL)
        g_key_file_set_string (kf, GROUP_DATA, "XColumn", self->x_column);
      if (self->y_column != NULL)
        g_key_file_set_string (kf, GROUP_DATA, "YColumn", self->y_column);
      break;
    case SLOPE_LESSON_DATA_EXAMPLE:
      g_key_file_set_string (kf, GROUP_DATA, "Example", self->data_source);
      break;
    case SLOPE_LESSON_DATA_EMBEDDED:
    default:
      g_key_file_set_string (kf, GROUP_DATA, "Title", slope_dataset_get_title (self->dataset));
      set_numbers (kf, "X", slope_dataset_get_x (self->dataset), slope_dataset_get_n (self->dataset));
      set_numbers (kf, "Y", slope_dataset_get_y (self->dataset), slope_dataset_get_n (self->dataset));
      break;
    }

  write_run (kf, GROUP_RUN, &self->run);
  for (guint i = 0; i < self->n_compared; i++)
    {
      g_autofree char *group = g_strdup_printf (GROUP_COMPARED_FORMAT, i + 1);

      write_run (kf, group, &self->compared[i].run);
      g_key_file_set_boolean (kf, group, "Hidden", self->compared[i].hidden);
    }
  g_key_file_set_string (kf, GROUP_RUN, "Scale", slope_scale_mode_to_string (self->scale_mode));
  g_key_file_set_string_list (kf, GROUP_PANELS, "Shown", (const char * const *) self->panels,
                              g_strv_length (self->panels));

  return g_key_file_to_data (kf, NULL, NULL);
}

/**
 * slope_lesson_save:
 *
 * Writes the lesson in format %SLOPE_LESSON_VERSION.  The file is
 * replaced only once the whole lesson is written.
 */
gboolean
slope_lesson_save (SlopeLesson  *self,
                   GFile        *file,
                   GError      **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SLOPE_IS_LESSON (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = to_data (self);
  return slope_save_bytes (file, text, strlen (text), NULL, error);
}

/* ---- Reading ----------------------------------------------------------- */

/* What reading one lesson needs to say where a problem is. */
typedef struct
{
  GKeyFile   *kf;
  const char *name;       /* the file's display name */
  GError    **error;
} Reader;

static gboolean
bad_value (Reader     *r,
           const char *group,
           const char *key,
           const char *problem)
{
  g_set_error (r->error, SLOPE_LESSON_ERROR, SLOPE_LESSON_ERROR_INVALID,
               /* Translators: file name, [group] key, then what is wrong with its value */
               _("%s: [%s] %s: %s"), r->name, group, key, problem);
  return FALSE;
}

/* An optional number: absent keeps *out as it is. */
static gboolean
read_number (Reader     *r,
             const char *group,
             const char *key,
             double     *out)
{
  g_autofree char *text = g_key_file_get_value (r->kf, group, key, NULL);
  g_autofree char *problem = NULL;

  if (text == NULL)
    return TRUE;
  if (slope_parse_double (text, out))
    return TRUE;
  problem = g_strdup_printf (_("“%s” is not a number"), text);
  return bad_value (r, group, key, problem);
}

static gboolean
read_boolean (Reader     *r,
              const char *group,
              const char *key,
              gboolean   *out)
{
  g_autoptr(GError) local = NULL;
  gboolean value;

  if (!g_key_file_has_key (r->kf, group, key, NULL))
    return TRUE;
  value = g_key_file_get_boolean (r->kf, group, key, &local);
  if (local != NULL)
    return bad_value (r, group, key, _("must be true or false"));
  *out = value;
  return TRUE;
}

static gboolean
read_uint (Reader     *r,
           const char *group,
           const char *key,
           guint64     max,
           guint64    *out)
{
  g_autofree char *text = g_key_file_get_value (r->kf, group, key, NULL);
  g_autofree char *problem = NULL;
  char max_text[32];

  if (text == NULL)
    return TRUE;
  g_strstrip (text);
  if (g_ascii_string_to_unsigned (text, 10, 0, max, out, NULL))
    return TRUE;
  g_snprintf (max_text, sizeof max_text, "%" G_GUINT64_FORMAT, max);
  problem = g_strdup_printf (_("“%s” is not a whole number from 0 to %s"), text, max_text);
  return bad_value (r, group, key, problem);
}

static gboolean
read_epochs (Reader           *r,
             SlopeRunSettings *run)
{
  g_autofree char *text = g_key_file_get_value (r->kf, GROUP_RUN, "Epochs", NULL);
  g_auto(GStrv) parts = NULL;
  guint n = 0;

  if (text == NULL)
    return TRUE;
  parts = g_strsplit (text, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint epochs;

      if (*g_strstrip (parts[i]) == '\0' && parts[i + 1] == NULL)
        break;
      if (n == SLOPE_MAX_RUNS || !slope_parse_uint (parts[i], &epochs) || epochs < 1)
        {
          g_autofree char *problem =
            g_strdup_printf (_("must be from 1 to %u whole numbers of at least 1, separated by ';'"),
                             SLOPE_MAX_RUNS);
          return bad_value (r, GROUP_RUN, "Epochs", problem);
        }
      run->runs[n++] = epochs;
    }
  if (n == 0)
    return bad_value (r, GROUP_RUN, "Epochs", _("is empty"));
  run->n_runs = n;
  return TRUE;
}

static gboolean
read_optimizer (Reader                 *r,
                const char             *group,
                SlopeOptimizerSettings *o)
{
  g_autofree char *name = g_key_file_get_string (r->kf, group, "Optimizer", NULL);
  SlopeOptimizerKind kind = SLOPE_OPTIMIZER_SGD;

  if (name != NULL && !slope_optimizer_kind_from_string (name, &kind))
    {
      g_autofree char *problem =
        g_strdup_printf (_("“%s” is not SGD, Adam, AdamW, RMSprop or Adagrad"), name);
      return bad_value (r, group, "Optimizer", problem);
    }
  /* A compared run without an Optimizer keeps the main run's (in *o). */
  if (name != NULL || g_str_equal (group, GROUP_RUN))
    slope_optimizer_settings_init (o, kind);

  return read_number (r, group, "Momentum", &o->momentum)
         && read_number (r, group, "Dampening", &o->dampening)
         && read_boolean (r, group, "Nesterov", &o->nesterov)
         && read_number (r, group, "WeightDecay", &o->weight_decay)
         && read_number (r, group, "Beta1", &o->beta1)
         && read_number (r, group, "Beta2", &o->beta2)
         && read_number (r, group, "Eps", &o->eps)
         && read_boolean (r, group, "AMSGrad", &o->amsgrad)
         && read_number (r, group, "Alpha", &o->alpha)
         && read_boolean (r, group, "Centered", &o->centered)
         && read_number (r, group, "LrDecay", &o->lr_decay)
         && read_number (r, group, "InitialAccumulatorValue", &o->initial_accumulator_value);
}

/* [Run] Scale, added within format 1: absent, as in every lesson written
 * before it, means none, so those lessons train as they always did. */
static gboolean
read_scale (Reader         *r,
            SlopeScaleMode *mode)
{
  g_autofree char *text = g_key_file_get_value (r->kf, GROUP_RUN, "Scale", NULL);

  *mode = SLOPE_SCALE_NONE;
  if (text == NULL || slope_scale_mode_from_string (g_strstrip (text), mode))
    return TRUE;
  {
    g_autofree char *problem = g_strdup_printf (_("“%s” is not none, center or standardize"), text);

    return bad_value (r, GROUP_RUN, "Scale", problem);
  }
}

/* Scaling that the data cannot take (standardising equal values) is
 * refused here, not found out once the window has changed. */
static gboolean
check_scale (Reader      *r,
             SlopeLesson *lesson)
{
  g_autoptr(GError) local = NULL;
  SlopeScaling scaling;

  if (slope_scaling_compute (lesson->dataset, lesson->scale_mode, &scaling, &local))
    return TRUE;
  return bad_value (r, GROUP_RUN, "Scale", local->message);
}

/* [Run]: every key optional, the notebook's value when absent. */
static gboolean
read_run (Reader           *r,
          const char       *group,
          SlopeRunSettings *run)
{
  g_autoptr(GError) invalid = NULL;
  guint64 batch_size = run->batch_size, log_every = run->log_every;

  if (!read_optimizer (r, group, &run->optimizer)
      || !read_number (r, group, "LearningRate", &run->lr)
      || !read_boolean (r, group, "ZeroGrad", &run->zero_grad)
      || !read_uint (r, group, "BatchSize", G_MAXUINT, &batch_size)
      || !read_boolean (r, group, "Shuffle", &run->shuffle)
      || !read_uint (r, group, "Seed", G_MAXUINT64, &run->seed)
      || !read_number (r, group, "StartW", &run->w0)
      || !read_number (r, group, "StartB", &run->b0)
      || (g_str_equal (group, GROUP_RUN)
          && (!read_epochs (r, run)
              || !read_uint (r, group, "LogEvery", G_MAXUINT, &log_every))))
    return FALSE;
  run->batch_size = (guint) batch_size;
  run->log_every = (guint) log_every;

  if (!(run->lr > 0.0))
    return bad_value (r, group, "LearningRate", _("must be a positive number"));
  if (run->log_every < 1)
    return bad_value (r, group, "LogEvery", _("must be at least 1"));
  /* What torch.optim would refuse, in its words. */
  if (!slope_optimizer_settings_validate (&run->optimizer, run->lr, &invalid))
    return bad_value (r, group, "Optimizer", invalid->message);
  return TRUE;
}

/* [Compared Run 1] … [Compared Run 5], format 2: each key as in [Run],
 * the main run's value when absent, and Hidden.  A group past the fifth
 * is refused rather than dropped. */
static gboolean
read_compared (Reader      *r,
               SlopeLesson *lesson)
{
  g_auto(GStrv) groups = g_key_file_get_groups (r->kf, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      guint64 n = 0;

      if (!g_str_has_prefix (groups[i], GROUP_COMPARED_PREFIX))
        continue;
      if (!g_ascii_string_to_unsigned (groups[i] + strlen (GROUP_COMPARED_PREFIX), 10, 1,
                                       SLOPE_LESSON_MAX_COMPARED, &n, NULL))
        {
          g_set_error (r->error, SLOPE_LESSON_ERROR, SLOPE_LESSON_ERROR_INVALID,
                       /* Translators: file name, a [group], then the most compared runs */
                       _("%s: [%s]: compared runs are numbered from 1 to %u"),
                       r->name, groups[i], (guint) SLOPE_LESSON_MAX_COMPARED);
          return FALSE;
        }
      lesson->n_compared = MAX (lesson->n_compared, (guint) n);
    }
  for (guint i = 0; i < lesson->n_compared; i++)
    {
      g_autofree char *group = g_strdup_printf (GROUP_COMPARED_FORMAT, i + 1);
      SlopeLessonRun *run = &lesson->compared[i];

      if (!g_key_file_has_group (r->kf, group))
        {
          g_set_error (r->error, SLOPE_LESSON_ERROR, SLOPE_LESSON_ERROR_INVALID,
                       /* Translators: file name, then a missing [group] */
                       _("%s: [%s] is missing: compared runs are numbered without gaps"),
                       r->name, group);
          return FALSE;
        }
      run->run = lesson->run;
      run->hidden = FALSE;
      if (!read_run (r, group, &run->run) || !read_boolean (r, group, "Hidden", &run->hidden))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_column (Reader     *r,
             const char *key,
             GArray     *out)
{
  g_autofree char *text = g_key_file_get_value (r->kf, GROUP_DATA, key, NULL);
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return bad_value (r, GROUP_DATA, key, _("is missing"));
  parts = g_strsplit (text, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      double v;

      if (*g_strstrip (parts[i]) == '\0' && parts[i + 1] == NULL)
        break;
      if (!slope_parse_double (parts[i], &v))
        {
          g_autofree char *problem =
            g_strdup_printf (_("value %u, “%s”, is not a finite number"), i + 1, parts[i]);
          return bad_value (r, GROUP_DATA, key, problem);
        }
      g_array_append_val (out, v);
    }
  return TRUE;
}

static SlopeDataset *
read_embedded (Reader *r)
{
  g_autoptr(GArray) x = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) y = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *title = g_key_file_get_string (r->kf, GROUP_DATA, "Title", NULL);
  gboolean distinct = FALSE;

  if (!read_column (r, "X", x) || !read_column (r, "Y", y))
    return NULL;
  if (x->len != y->len)
    {
      g_autofree char *problem = g_strdup_printf (_("has %u values but X has %u"), y->len, x->len);
      bad_value (r, GROUP_DATA, "Y", problem);
      return NULL;
    }
  for (guint i = 1; i < x->len; i++)
    distinct |= g_array_index (x, double, i) != g_array_index (x, double, 0);
  if (!distinct)
    {
      bad_value (r, GROUP_DATA, "X", _("a line needs at least two different x values"));
      return NULL;
    }
  return slope_dataset_new ((const double *) x->data, (const double *) y->data, x->len,
                            title ? title : "");
}

/* The data: embedded, a CSV file next to the lesson, or an example. */
static SlopeDataset *
read_data (Reader      *r,
           GFile       *lesson_file,
           SlopeLesson *lesson)
{
  g_autofree char *path = g_key_file_get_string (r->kf, GROUP_DATA, "File", NULL);
  g_autofree char *example = g_key_file_get_string (r->kf, GROUP_DATA, "Example", NULL);
  g_autoptr(GError) local = NULL;
  SlopeDataset *dataset;

  if (path != NULL)
    {
      g_autoptr(GFile) dir = g_file_get_parent (lesson_file);
      g_autoptr(GFile) csv_file = g_path_is_absolute (path) || dir == NULL
                                  ? g_file_new_for_path (path) : g_file_resolve_relative_path (dir, path);
      g_autoptr(SlopeCsvReport) report = NULL;
      SlopeCsvOptions options = { SLOPE_CSV_DELIMITER_AUTO, NULL, NULL };

      lesson->x_column = g_key_file_get_string (r->kf, GROUP_DATA, "XColumn", NULL);
      lesson->y_column = g_key_file_get_string (r->kf, GROUP_DATA, "YColumn", NULL);
      options.x_column = lesson->x_column;
      options.y_column = lesson->y_column;
      dataset = slope_csv_load (csv_file, &options, &report, NULL, NULL, NULL, &local);
      lesson->data_kind = SLOPE_LESSON_DATA_FILE;
      lesson->data_source = g_steal_pointer (&path);
    }
  else if (example != NULL)
    {
      dataset = slope_examples_load (example, &local);
      lesson->data_kind = SLOPE_LESSON_DATA_EXAMPLE;
      lesson->data_source = g_steal_pointer (&example);
    }
  else
    return read_embedded (r);

  if (dataset == NULL)
    g_set_error (r->error, SLOPE_LESSON_ERROR, SLOPE_LESSON_ERROR_DATA,
                 _("%s: the lesson's data cannot be loaded: %s"), r->name, local->message);
  return dataset;
}

static gboolean
read_version (Reader *r,
              guint  *out)
{
  g_autofree char *text = g_key_file_get_value (r->kf, GROUP_LESSON, "Version", NULL);
  guint64 version = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (g_strstrip (text), 10, 1, G_MAXINT, &version, NULL))
    {
      g_set_error (r->error, SLOPE_LESSON_ERROR, SLOPE_LESSON_ERROR_INVALID,
                   _("%s: not a Slope lesson: it has no [%s] group with a Version"),
                   r->name, GROUP_LESSON);
      return FALSE;
    }
  if (version > SLOPE_LESSON_VERSION)
    {
      g_set_error (r->error, SLOPE_LESSON_ERROR, SLOPE_LESSON_ERROR_NEWER_VERSION,
                   _("%s was saved by a newer Slope (lesson format %u; this Slope reads up to "
                     "format %u): update Slope to open it"),
                   r->name, (guint) version, (guint) SLOPE_LESSON_VERSION);
      return FALSE;
    }
  *out = (guint) version;
  return TRUE;
}

/**
 * slope_lesson_load:
 *
 * Reads a lesson and the data it holds or names.  Either everything is
 * usable and a lesson is returned, or %NULL with one error that names the
 * file and, where there is one, the group and key at fault;
 * %SLOPE_LESSON_ERROR_NEWER_VERSION for a lesson from a newer Slope.
 */
SlopeLesson *
slope_lesson_load (GFile   *file,
                   GError **error)
{
  g_autoptr(SlopeLesson) lesson = NULL;
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(GError) local = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  gsize length;
  guint version;
  Reader r;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  base = g_file_get_basename (file);
  name = g_filename_display_name (base ? base : "");
  r.kf = kf;
  r.name = name;
  r.error = error;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local))
    {
      g_set_error (error, SLOPE_LESSON_ERROR, SLOPE_LESSON_ERROR_INVALID,
                   "%s: %s", name, local->message);
      return NULL;
    }
  if (!g_utf8_validate (contents, length, NULL)
      || !g_key_file_load_from_data (kf, contents, length, G_KEY_FILE_NONE, &local))
    {
      g_set_error (error, SLOPE_LESSON_ERROR, SLOPE_LESSON_ERROR_INVALID,
                   _("%s: not a Slope lesson: %s"), name,
                   local ? local->message : _("it is not UTF-8 text"));
      return NULL;
    }
  if (!read_version (&r, &version))
    return NULL;

  lesson = g_object_new (SLOPE_TYPE_LESSON, NULL);
  lesson->title = g_key_file_get_locale_string (kf, GROUP_LESSON, "Title", NULL, NULL);
  lesson->note = g_key_file_get_locale_string (kf, GROUP_LESSON, "Note", NULL, NULL);
  if (g_key_file_has_key (kf, GROUP_PANELS, "Shown", NULL))
    {
      g_strfreev (lesson->panels);
      lesson->panels = g_key_file_get_string_list (kf, GROUP_PANELS, "Shown", NULL, NULL);
      if (lesson->panels == NULL)
        lesson->panels = g_new0 (char *, 1);
    }
  if (!read_run (&r, GROUP_RUN, &lesson->run) || !read_scale (&r, &lesson->scale_mode))
    return NULL;
  if (version >= 2 && !read_compared (&r, lesson))
    return NULL;
  lesson->dataset = read_data (&r, file, lesson);
  if (lesson->dataset == NULL)
    return NULL;
  if (!check_scale (&r, lesson))
    return NULL;

  return g_steal_pointer (&lesson);
}
