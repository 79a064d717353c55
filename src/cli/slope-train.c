/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-train.c: the notebook's training cell in a terminal.
 *
 * Each --epochs is one execution of the cell, continuing from where the
 * last left off, and every --log-every epochs it prints the notebook's line.
 * Divergence is part of the lesson: the run goes on and prints inf or nan.
 */
#include "config.h"

#include <errno.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "slope-csv.h"
#include "slope-data-plot.h"
#include "slope-dataset.h"
#include "slope-examples.h"
#include "slope-export.h"
#include "slope-history.h"
#include "slope-lesson.h"
#include "slope-log-csv.h"
#include "slope-parse.h"
#include "slope-script.h"
#include "slope-train-optim.h"
#include "slope-trainer.h"
#include "slope-train-advice.h"

typedef struct
{
  double    lr;
  GArray   *runs;          /* guint: the epochs of each execution */
  guint     log_every;
  gboolean  no_zero_grad;
  double    w0;
  double    b0;
  gboolean  version;
  char    **files;
  /* Reading FILE.csv */
  char              *x_column;
  char              *y_column;
  SlopeCsvDelimiter  delimiter;
  /* Other sources and outputs */
  char              *example;
  char              *plot;
  char              *log_csv;
  char              *export_script;
  char              *lesson;
  /* Real data */
  gboolean           lr_auto;
  SlopeScaleMode     scale;
} Options;

static Options opts = { SLOPE_DEFAULT_LR, NULL, SLOPE_DEFAULT_LOG_EVERY, FALSE, 0.0, 0.0 };

/* The first error writing the log lines to standard output, or 0. */
static int stdout_errno;

/* "--log-csv -": the CSV goes to standard output, alone. */
static gboolean
log_csv_to_stdout (void)
{
  return opts.log_csv != NULL && g_str_equal (opts.log_csv, "-");
}

static void
print_line (const char *line)
{
  if (puts (line) == EOF && stdout_errno == 0)
    stdout_errno = errno != 0 ? errno : EIO;
}

static int
stdout_failed (int saved_errno)
{
  g_printerr (_("slope-train: cannot write to standard output: %s\n"), g_strerror (saved_errno));
  return 1;
}

static gboolean
parse_lr (const char  *name,
          const char  *value,
          gpointer     data,
          GError     **error)
{
  opts.lr_auto = g_strcmp0 (value, "auto") == 0;
  if (opts.lr_auto)
    return TRUE;
  if (!slope_parse_double (value, &opts.lr) || !(opts.lr > 0.0))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--lr must be a positive number or auto, not “%s”"), value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_epochs (const char  *name,
              const char  *value,
              gpointer     data,
              GError     **error)
{
  guint n;

  if (!slope_parse_epochs (value, &n))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--epochs must be a whole number from 1 to %u, not “%s”"),
                   SLOPE_MAX_EPOCHS, value);
      return FALSE;
    }
  g_array_append_val (opts.runs, n);
  return TRUE;
}

static gboolean
parse_log_every (const char  *name,
                 const char  *value,
                 gpointer     data,
                 GError     **error)
{
  if (!slope_parse_uint (value, &opts.log_every) || opts.log_every < 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--log-every must be a whole number of at least 1, not “%s”"), value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_init (const char  *name,
            const char  *value,
            gpointer     data,
            GError     **error)
{
  if (!slope_parse_double_pair (value, &opts.w0, &opts.b0))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--init must be two numbers W,B such as 0,0, not “%s”"), value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_delimiter (const char  *name,
                 const char  *value,
                 gpointer     data,
                 GError     **error)
{
  if (!slope_csv_delimiter_from_string (value, &opts.delimiter))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--delimiter must be comma, semicolon, tab, whitespace or auto, not “%s”"),
                   value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_scale (const char  *name,
             const char  *value,
             gpointer     data,
             GError     **error)
{
  if (!slope_scale_mode_from_string (value, &opts.scale))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--scale must be none, center or standardize, not “%s”"), value);
      return FALSE;
    }
  return TRUE;
}

static const GOptionEntry entries[] = {
  { "lr", 0, 0, G_OPTION_ARG_CALLBACK, parse_lr,
    N_("Learning rate (default 0.01), or auto for 2/(λmin + λmax) of the data trained on"),
    N_("LR") },
  { "scale", 0, 0, G_OPTION_ARG_CALLBACK, parse_scale,
    N_("Train on x and y scaled: none (default), center, or standardize ((x − mean) / std)"),
    N_("MODE") },
  { "epochs", 0, 0, G_OPTION_ARG_CALLBACK, parse_epochs,
    N_("Epochs of one run (default 1000); repeat for more runs, each continuing from the last"), N_("N") },
  { "log-every", 0, 0, G_OPTION_ARG_CALLBACK, parse_log_every,
    N_("Print the notebook's log line every K epochs (default 100)"), N_("K") },
  { "no-zero-grad", 0, 0, G_OPTION_ARG_NONE, &opts.no_zero_grad,
    N_("Leave out optimizer.zero_grad(): gradients accumulate"), NULL },
  { "init", 0, 0, G_OPTION_ARG_CALLBACK, parse_init,
    N_("Initial W and b (default 0,0)"), N_("W,B") },
  { "x-column", 0, 0, G_OPTION_ARG_STRING, &opts.x_column,
    N_("The column of FILE.csv holding x: its name or number (default: the first numeric column)"),
    N_("COLUMN") },
  { "y-column", 0, 0, G_OPTION_ARG_STRING, &opts.y_column,
    N_("The column of FILE.csv holding y (default: the next numeric column)"), N_("COLUMN") },
  { "delimiter", 0, 0, G_OPTION_ARG_CALLBACK, parse_delimiter,
    N_("What separates the columns of FILE.csv: comma, semicolon, tab, whitespace or auto (default)"),
    N_("DELIMITER") },
  { "example", 0, 0, G_OPTION_ARG_STRING, &opts.example,
    N_("Train on a built-in example instead of FILE.csv: notebook, noisy-line, outliers, "
       "anscombe-1 … anscombe-4, large-x, notebook-runs (200, then 1000 epochs)"), N_("ID") },
  { "plot", 0, 0, G_OPTION_ARG_FILENAME, &opts.plot,
    N_("Draw the final data plot into FILE (.png, .svg or .pdf)"), N_("FILE") },
  { "log-csv", 0, 0, G_OPTION_ARG_FILENAME, &opts.log_csv,
    N_("Write every epoch (epoch, W, b, cost, dW, db, W.grad, b.grad) to FILE as CSV; "
       "- for standard output, instead of the log lines"),
    N_("FILE") },
  { "lesson", 0, 0, G_OPTION_ARG_FILENAME, &opts.lesson,
    N_("Train the lesson in FILE.slope: its data and its run's settings"), N_("FILE.slope") },
  { "export-script", 0, 0, G_OPTION_ARG_FILENAME, &opts.export_script,
    N_("Write the run as a PyTorch script to FILE.py, data included; it prints the same log"),
    N_("FILE.py") },
  { "version", 0, 0, G_OPTION_ARG_NONE, &opts.version,
    N_("Show the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opts.files,
    NULL, N_("[FILE.csv]") },
  { NULL }
};

/* @history: (nullable): receives every epoch, for --log-csv */
static void
train (SlopeTrainer     *trainer,
       SlopeHistory     *history,
       SlopeTrainAdvice *advice)
{
  char line[SLOPE_LOG_LINE_MAX];

  for (guint r = 0; r < opts.runs->len; r++)
    {
      guint n_epochs = g_array_index (opts.runs, guint, r);

      slope_trainer_begin_run (trainer, n_epochs);
      for (guint epoch = 1; epoch <= n_epochs; epoch++)
        {
          SlopeEpochRecord rec;

          slope_trainer_epoch (trainer, &rec);
          if (history != NULL)
            slope_history_append (history, &rec, 1);
          slope_train_advice_epoch (advice, &rec, stderr);
          if (epoch % opts.log_every == 0 && !log_csv_to_stdout ())
            {
              slope_format_log_line (line, sizeof line, rec.run_epoch, rec.run_length,
                                     rec.w, rec.b, rec.cost);
              print_line (line);
            }
        }
    }
}

static int
usage_error (const char *message)
{
  g_printerr ("slope-train: %s\n", message);
  return 2;
}

/* “N rows read, M skipped” and the first rows skipped, a line each. */
static void
print_csv_report (SlopeDataset         *dataset,
                  const SlopeCsvReport *report)
{
  g_autofree char *summary = slope_csv_report_summary (report);
  g_auto(GStrv) lines = g_strsplit (summary, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    g_printerr ("slope-train: %s: %s\n", slope_dataset_get_title (dataset), lines[i]);
}

/* The points to fit: FILE.csv when one is given, else the notebook's.
 * Returns NULL after saying why, with *status set to the exit status. */
static SlopeDataset *
load_dataset (int *status)
{
  SlopeCsvOptions csv = { opts.delimiter, opts.x_column, opts.y_column };
  g_autoptr(SlopeCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  SlopeDataset *dataset;

  if (opts.example != NULL)
    {
      if (opts.files != NULL && opts.files[0] != NULL)
        {
          *status = usage_error (_("give either --example or a FILE.csv, not both"));
          return NULL;
        }
      dataset = slope_examples_load (opts.example, &error);
      if (dataset == NULL)
        *status = usage_error (error->message);
      return dataset;
    }
  if (opts.files == NULL || opts.files[0] == NULL)
    {
      if (opts.x_column || opts.y_column || opts.delimiter != SLOPE_CSV_DELIMITER_AUTO)
        {
          *status = usage_error (_("--x-column, --y-column and --delimiter need a FILE.csv"));
          return NULL;
        }
      return slope_dataset_new_notebook ();
    }
  if (opts.files[1] != NULL)
    {
      g_autofree char *msg = g_strdup_printf (_("give one FILE.csv, not %u"),
                                              g_strv_length (opts.files));
      *status = usage_error (msg);
      return NULL;
    }

  file = g_file_new_for_commandline_arg (opts.files[0]);
  dataset = slope_csv_load (file, &csv, &report, NULL, NULL, NULL, &error);
  if (dataset == NULL)
    {
      g_printerr ("slope-train: %s\n", error->message);
      *status = 1;
      return NULL;
    }
  if (report->rows_skipped > 0)
    print_csv_report (dataset, report);
  return dataset;
}

/* --plot and --log-csv, after training.  Returns the exit status. */
static int
write_outputs (SlopeTrainer       *trainer,
               SlopeHistory       *history,
               SlopeDataset       *dataset,
               const SlopeScaling *scaling)
{
  g_autoptr(GError) error = NULL;

  if (log_csv_to_stdout ())
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      if (!slope_log_csv_write_stream (history, out, &error))
        {
          g_printerr (_("slope-train: cannot write to standard output: %s\n"), error->message);
          return 1;
        }
    }
  else if (opts.log_csv != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (opts.log_csv);

      if (!slope_log_csv_write (history, file, &error))
        {
          g_printerr ("slope-train: %s\n", error->message);
          return 1;
        }
    }

  if (opts.plot != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (opts.plot);
      SlopeTrainerState st;
      SlopeDataPlot plot;

      slope_trainer_get_state (trainer, &st);
      slope_data_plot_init (&plot);
      plot.dataset = dataset;
      slope_viewport_fit (&plot.view, dataset);
      slope_scaling_line_to_data (scaling, st.w, st.b, &plot.w, &plot.b);
      plot.show_line = TRUE;
      plot.show_residuals = TRUE;
      plot.show_equation = TRUE;
      plot.has_reference = slope_dataset_least_squares (dataset, &plot.reference_w,
                                                        &plot.reference_b, NULL);
      if (!slope_export_data_plot (file, &plot, 1000, 650, &error))
        {
          g_printerr ("slope-train: %s\n", error->message);
          return 1;
        }
    }

  return 0;
}

/* Everything the options say about the run, for --export-script. */
static gboolean
get_run_settings (const SlopeTrainOptim  *optim,
                  SlopeRunSettings       *rs,
                  GError                **error)
{
  slope_run_settings_init (rs);
  if (opts.runs->len > SLOPE_MAX_RUNS)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--export-script takes at most %u --epochs, not %u"),
                   SLOPE_MAX_RUNS, opts.runs->len);
      return FALSE;
    }
  rs->lr = opts.lr;
  rs->zero_grad = !opts.no_zero_grad;
  rs->w0 = opts.w0;
  rs->b0 = opts.b0;
  rs->optimizer = optim->optimizer;
  rs->batch_size = (guint) optim->batch_size;
  rs->shuffle = optim->shuffle;
  rs->seed = optim->seed;
  rs->log_every = opts.log_every;
  rs->n_runs = opts.runs->len;
  for (guint r = 0; r < opts.runs->len; r++)
    rs->runs[r] = g_array_index (opts.runs, guint, r);
  return TRUE;
}

/* Whether the command line sets the run or the data, which a lesson
 * does: looked for before parsing, which consumes the options. */
static const char *
run_option_given (int    argc,
                  char **argv)
{
  static const char * const data_and_run[] = {
    "--lr", "--epochs", "--log-every", "--no-zero-grad", "--init", "--x-column", "--y-column",
    "--delimiter", "--example", "--scale",
  };

  for (int i = 1; i < argc && strcmp (argv[i], "--") != 0; i++)
    {
      const GOptionEntry *optim = slope_train_optim_entries ();

      for (guint k = 0; k < G_N_ELEMENTS (data_and_run); k++)
        {
          gsize len = strlen (data_and_run[k]);

          if (strncmp (argv[i], data_and_run[k], len) == 0 && (argv[i][len] == '\0' || argv[i][len] == '='))
            return argv[i];
        }
      for (guint k = 0; optim[k].long_name != NULL; k++)
        {
          gsize len = strlen (optim[k].long_name);

          if (g_str_has_prefix (argv[i], "--") && strncmp (argv[i] + 2, optim[k].long_name, len) == 0
              && (argv[i][2 + len] == '\0' || argv[i][2 + len] == '='))
            return argv[i];
        }
    }
  return NULL;
}

/* --lesson: the data and every setting of the run from FILE.slope. */
static SlopeDataset *
load_lesson (SlopeTrainOptim *optim,
             int             *status)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (opts.lesson);
  g_autoptr(SlopeLesson) lesson = NULL;
  g_autoptr(GError) error = NULL;
  SlopeRunSettings rs;

  if (opts.files != NULL && opts.files[0] != NULL)
    {
      *status = usage_error (_("give either --lesson or a FILE.csv, not both"));
      return NULL;
    }
  lesson = slope_lesson_load (file, &error);
  if (lesson == NULL)
    {
      g_printerr ("slope-train: %s\n", error->message);
      *status = 1;
      return NULL;
    }
  slope_lesson_get_run (lesson, &rs);
  opts.lr = rs.lr;
  opts.no_zero_grad = !rs.zero_grad;
  opts.w0 = rs.w0;
  opts.b0 = rs.b0;
  opts.log_every = rs.log_every;
  g_array_set_size (opts.runs, 0);
  g_array_append_vals (opts.runs, rs.runs, rs.n_runs);
  optim->optimizer = rs.optimizer;
  optim->batch_size = rs.batch_size;
  optim->shuffle = rs.shuffle;
  optim->seed = rs.seed;
  opts.scale = slope_lesson_get_scale_mode (lesson);
  return g_object_ref (slope_lesson_get_dataset (lesson));
}

/* --export-script, before training, so a diverging run is exported too. */
static int
export_script (SlopeDataset          *dataset,
               const SlopeScaling    *scaling,
               const SlopeTrainOptim *optim)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (opts.export_script);
  g_autoptr(GError) error = NULL;
  SlopeRunSettings rs;

  if (!get_run_settings (optim, &rs, &error))
    return usage_error (error->message);
  if (!slope_script_save_scaled (dataset, &rs, scaling, file, &error))
    {
      g_printerr ("slope-train: %s\n", error->message);
      return 1;
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlopeDataset) dataset = NULL;
  g_autoptr(SlopeTrainer) trainer = NULL;
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(SlopeHistory) history = NULL;
  SlopeTrainOptim optim;
  const char *given;
  g_autoptr(SlopeDataset) scaled = NULL;
  SlopeScaling scaling = SLOPE_SCALING_IDENTITY;
  SlopeTrainAdvice advice;
  int status = 0;

  setlocale (LC_ALL, "");
  /* SLOPE_LOCALEDIR: the build tree's translations, for running uninstalled and for tests */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SLOPE_LOCALEDIR") != NULL ? g_getenv ("SLOPE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  opts.runs = runs;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
      _("Train y = W·x + b by gradient descent as the lesson's PyTorch notebook does,\n"
        "printing its log line every K epochs."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, slope_train_optim_entries (), GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  given = run_option_given (argc, argv);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);

  if (opts.version)
    {
      g_print ("slope-train %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (!slope_train_optim_resolve (opts.lr, &optim, &error))
    return usage_error (error->message);

  if (opts.lesson != NULL && given != NULL)
    {
      g_autofree char *msg =
        g_strdup_printf (_("--lesson sets the data and the run, so %s cannot be given with it"), given);
      return usage_error (msg);
    }
  dataset = opts.lesson != NULL ? load_lesson (&optim, &status) : load_dataset (&status);
  if (dataset == NULL)
    return status;

  if (runs->len == 0 && opts.example != NULL
      && slope_examples_lookup (opts.example)->n_runs > 0)
    {
      /* --example notebook-runs: the cell executed as the notebook did. */
      const SlopeExample *example = slope_examples_lookup (opts.example);

      g_array_append_vals (runs, example->runs, example->n_runs);
    }
  if (runs->len == 0)
    {
      guint n = SLOPE_DEFAULT_EPOCHS;
      g_array_append_val (runs, n);
    }

  if (!slope_scaling_compute (dataset, opts.scale, &scaling, &error))
    {
      g_printerr ("slope-train: %s\n", error->message);
      return 1;
    }
  scaled = slope_scaling_apply (&scaling, dataset);
  if (opts.lr_auto)
    {
      if (!slope_dataset_suggested_lr (scaled, &opts.lr))
        return usage_error (_("--lr auto needs data with finite moments"));
      slope_train_advice_chosen_lr (opts.lr, stderr);
    }
  /* The stable limits it names are plain full-batch SGD's. */
  slope_train_advice_init (&advice, scaled, opts.scale, opts.lr_auto);
  advice.said = optim.optimizer.kind != SLOPE_OPTIMIZER_SGD || optim.optimizer.momentum != 0.0
                || (optim.batch_size != 0 && optim.batch_size < slope_dataset_get_n (scaled));

  if (opts.export_script != NULL && (status = export_script (scaled, &scaling, &optim)) != 0)
    return status;

  trainer = slope_trainer_new (scaled);
  slope_trainer_set_lr (trainer, opts.lr);
  slope_trainer_set_zero_grad (trainer, !opts.no_zero_grad);
  slope_trainer_set_initial (trainer, opts.w0, opts.b0);
  slope_trainer_set_optimizer (trainer, &optim.optimizer);
  slope_trainer_set_batching (trainer, optim.batch_size, optim.shuffle, optim.seed);
  slope_trainer_reset (trainer);

  if (opts.log_csv != NULL)
    history = slope_history_new_default ();
  train (trainer, history, &advice);
  if (scaling.mode != SLOPE_SCALE_NONE && !log_csv_to_stdout ())
    {
      SlopeTrainerState st;

      slope_trainer_get_state (trainer, &st);
      slope_train_advice_data_line (&scaling, st.w, st.b, stdout);
    }
  if (fflush (stdout) != 0 && stdout_errno == 0)
    stdout_errno = errno;
  if (stdout_errno != 0)
    return stdout_failed (stdout_errno);

  return write_outputs (trainer, history, dataset, &scaling);
}
