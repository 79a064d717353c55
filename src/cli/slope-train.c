/* slope-train.c: the notebook's training cell in a terminal.
 *
 * Each --epochs is one execution of the cell, continuing from where the
 * last left off, and every --log-every epochs it prints the notebook's line.
 * Divergence is part of the lesson: the run goes on and prints inf or nan.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "slope-dataset.h"
#include "slope-parse.h"
#include "slope-trainer.h"

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
} Options;

static Options opts = { SLOPE_DEFAULT_LR, NULL, SLOPE_DEFAULT_LOG_EVERY, FALSE, 0.0, 0.0 };

static gboolean
parse_lr (const char  *name,
          const char  *value,
          gpointer     data,
          GError     **error)
{
  if (!slope_parse_double (value, &opts.lr) || !(opts.lr > 0.0))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--lr must be a positive number, not “%s”"), value);
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

  if (!slope_parse_uint (value, &n) || n < 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--epochs must be a whole number of at least 1, not “%s”"), value);
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

static const GOptionEntry entries[] = {
  { "lr", 0, 0, G_OPTION_ARG_CALLBACK, parse_lr,
    N_("Learning rate (default 0.01)"), N_("LR") },
  { "epochs", 0, 0, G_OPTION_ARG_CALLBACK, parse_epochs,
    N_("Epochs of one run (default 1000); repeat for more runs, each continuing from the last"), N_("N") },
  { "log-every", 0, 0, G_OPTION_ARG_CALLBACK, parse_log_every,
    N_("Print the notebook's log line every K epochs (default 100)"), N_("K") },
  { "no-zero-grad", 0, 0, G_OPTION_ARG_NONE, &opts.no_zero_grad,
    N_("Leave out optimizer.zero_grad(): gradients accumulate"), NULL },
  { "init", 0, 0, G_OPTION_ARG_CALLBACK, parse_init,
    N_("Initial W and b (default 0,0)"), N_("W,B") },
  { "version", 0, 0, G_OPTION_ARG_NONE, &opts.version,
    N_("Show the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opts.files,
    NULL, N_("[FILE.csv]") },
  { NULL }
};

static void
train (SlopeTrainer *trainer)
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
          if (epoch % opts.log_every == 0)
            {
              slope_format_log_line (line, sizeof line, rec.run_epoch, rec.run_length,
                                     rec.w, rec.b, rec.cost);
              puts (line);
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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlopeDataset) dataset = NULL;
  g_autoptr(SlopeTrainer) trainer = NULL;
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (guint));

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  opts.runs = runs;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
      _("Train y = W·x + b by gradient descent as the lesson's PyTorch notebook does,\n"
        "printing its log line every K epochs."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);

  if (opts.version)
    {
      g_print ("slope-train %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (opts.files != NULL && opts.files[0] != NULL)
    {
      g_autofree char *msg = g_strdup_printf (_("reading CSV files is not supported yet: %s"),
                                              opts.files[0]);
      g_strfreev (opts.files);
      return usage_error (msg);
    }

  if (runs->len == 0)
    {
      guint n = SLOPE_DEFAULT_EPOCHS;
      g_array_append_val (runs, n);
    }

  dataset = slope_dataset_new_notebook ();
  trainer = slope_trainer_new (dataset);
  slope_trainer_set_lr (trainer, opts.lr);
  slope_trainer_set_zero_grad (trainer, !opts.no_zero_grad);
  slope_trainer_set_initial (trainer, opts.w0, opts.b0);
  slope_trainer_reset (trainer);

  train (trainer);

  return fflush (stdout) == 0 ? 0 : 1;
}
