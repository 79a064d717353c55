/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-script.c: the run as a PyTorch script a student can read and run.
 *
 * The script is the notebook's own cell, names and all (x_train, y_train,
 * W, b, optimizer, hypothesis, cost), with the data written out and the
 * run's settings filled in.  Run with PyTorch it prints what Slope prints:
 * every number is written as Python's repr(), which reads back to the
 * same double, and the tensors are float64 as Slope's numbers are.
 *
 * The text is the same in every locale: it is code, and a test compares
 * what it prints with slope-train's output byte for byte.
 */
#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "slope-dataset.h"
#include "slope-save.h"
#include "slope-script.h"

#define VALUES_PER_LINE 6

static void
append_float (GString *out,
              double   value)
{
  g_autofree char *text = slope_format_python_float (value);

  g_string_append (out, text);
}

/* x_train = torch.tensor([[1.0], [2.0], [3.0]]), wrapped for long data. */
static void
append_column (GString      *out,
               const char   *name,
               const double *values,
               gsize         n)
{
  g_string_append_printf (out, "%s = torch.tensor([", name);
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, i % VALUES_PER_LINE == 0 ? ",\n    " : ", ");
      g_string_append_c (out, '[');
      append_float (out, values[i]);
      g_string_append_c (out, ']');
    }
  g_string_append (out, "])\n");
}

static void
append_parameter (GString    *out,
                  const char *name,
                  double      value)
{
  if (value == 0.0 && !signbit (value))
    g_string_append_printf (out, "%s = torch.zeros(1, requires_grad=True)\n", name);
  else
    {
      g_string_append_printf (out, "%s = torch.tensor([", name);
      append_float (out, value);
      g_string_append (out, "], requires_grad=True)\n");
    }
}

static void
append_keyword (GString    *out,
                const char *keyword,
                double      value,
                double      default_value)
{
  if (value == default_value)
    return;
  g_string_append_printf (out, ", %s=", keyword);
  append_float (out, value);
}

/**
 * slope_optimizer_to_python:
 *
 * The constructor call, e.g. "optim.Adam([W, b], lr=0.1, amsgrad=True)":
 * lr always, the other keyword arguments where they differ from
 * torch.optim's defaults.
 */
char *
slope_optimizer_to_python (const SlopeOptimizerSettings *s,
                           double                        lr)
{
  SlopeOptimizerSettings d;
  GString *out = g_string_new (NULL);

  slope_optimizer_settings_init (&d, s->kind);
  g_string_append_printf (out, "optim.%s([W, b], lr=", slope_optimizer_kind_to_string (s->kind));
  append_float (out, lr);

  switch (s->kind)
    {
    case SLOPE_OPTIMIZER_SGD:
      append_keyword (out, "momentum", s->momentum, d.momentum);
      append_keyword (out, "dampening", s->dampening, d.dampening);
      append_keyword (out, "weight_decay", s->weight_decay, d.weight_decay);
      if (s->nesterov)
        g_string_append (out, ", nesterov=True");
      break;
    case SLOPE_OPTIMIZER_ADAM:
    case SLOPE_OPTIMIZER_ADAMW:
      if (s->beta1 != d.beta1 || s->beta2 != d.beta2)
        {
          g_string_append (out, ", betas=(");
          append_float (out, s->beta1);
          g_string_append (out, ", ");
          append_float (out, s->beta2);
          g_string_append_c (out, ')');
        }
      append_keyword (out, "eps", s->eps, d.eps);
      append_keyword (out, "weight_decay", s->weight_decay, d.weight_decay);
      if (s->amsgrad)
        g_string_append (out, ", amsgrad=True");
      break;
    case SLOPE_OPTIMIZER_RMSPROP:
      append_keyword (out, "alpha", s->alpha, d.alpha);
      append_keyword (out, "eps", s->eps, d.eps);
      append_keyword (out, "weight_decay", s->weight_decay, d.weight_decay);
      append_keyword (out, "momentum", s->momentum, d.momentum);
      if (s->centered)
        g_string_append (out, ", centered=True");
      break;
    case SLOPE_OPTIMIZER_ADAGRAD:
    default:
      append_keyword (out, "lr_decay", s->lr_decay, d.lr_decay);
      append_keyword (out, "weight_decay", s->weight_decay, d.weight_decay);
      append_keyword (out, "initial_accumulator_value", s->initial_accumulator_value,
                      d.initial_accumulator_value);
      append_keyword (out, "eps", s->eps, d.eps);
      break;
    }
  g_string_append_c (out, ')');

  return g_string_free (out, FALSE);
}

/* x′ = (x − 4.895…) / 2.93…: the points below are not the file's. */
static void
append_scaling (GString            *out,
                const SlopeScaling *scaling)
{
  if (scaling == NULL || scaling->mode == SLOPE_SCALE_NONE)
    return;
  g_string_append_printf (out, "# Scaled (%s): x' = (x - ", slope_scale_mode_to_string (scaling->mode));
  append_float (out, scaling->x_shift);
  g_string_append (out, ") / ");
  append_float (out, scaling->x_scale);
  g_string_append (out, ", y' = (y - ");
  append_float (out, scaling->y_shift);
  g_string_append (out, ") / ");
  append_float (out, scaling->y_scale);
  g_string_append (out, ";\n#   x_train and y_train hold x' and y', which Slope trains on.\n");
}

/* The comment at the top: which Slope settings the script encodes. */
static void
append_header (GString                *out,
               SlopeDataset           *dataset,
               const SlopeRunSettings *s,
               const SlopeScaling     *scaling)
{
  g_autofree char *ctor = slope_optimizer_to_python (&s->optimizer, s->lr);
  g_autofree char *title = NULL;

  g_string_append (out, "# Exported from Slope " PACKAGE_VERSION ": the run it showed, as PyTorch code.\n");
  title = g_strdup (slope_dataset_get_title (dataset));
  /* A title is one line of the comment, whatever it holds. */
  g_strdelimit (title, "\r\n", ' ');
  g_string_append_printf (out, "# Data: %s%s%" G_GSIZE_FORMAT " points (written out below).\n",
                          title, *title ? ", " : "", slope_dataset_get_n (dataset));
  append_scaling (out, scaling);
  g_string_append_printf (out, "# Optimizer: %s\n", ctor);
  g_string_append_printf (out, "# optimizer.zero_grad(): %s\n",
                          s->zero_grad ? "on" : "off, so gradients accumulate");
  if (s->batch_size == 0)
    g_string_append (out, "# Batches: all points in one batch, as the notebook\n");
  else
    g_string_append_printf (out, "# Batches: %u points each, %s\n", s->batch_size,
                            s->shuffle ? "shuffled every epoch with Slope's seeded order"
                                       : "in order, as DataLoader(..., batch_size=K)");
  if (s->shuffle && s->batch_size != 0)
    g_string_append_printf (out, "# Seed: %" G_GUINT64_FORMAT "\n", s->seed);
  g_string_append (out, "# Start: W = ");
  append_float (out, s->w0);
  g_string_append (out, ", b = ");
  append_float (out, s->b0);
  g_string_append (out, "\n# Runs of");
  for (guint r = 0; r < s->n_runs; r++)
    g_string_append_printf (out, "%s %u", r == 0 ? "" : (r + 1 == s->n_runs ? " and" : ","),
                            s->runs[r]);
  g_string_append_printf (out, " epochs, each continuing from the last; a log line every %u.\n",
                          s->log_every);
  g_string_append (out, "# Slope computes in float64, so this script does too.\n");
}

/* Slope's shuffle (slope-trainer.c), written again in Python. */
static const char shuffle_code[] =
  "\n"
  "def slope_order(n, seed, epoch):\n"
  "    # The order Slope takes the points in: a Fisher-Yates shuffle drawn\n"
  "    # from SplitMix64, seeded by the seed and the epoch.\n"
  "    mask = (1 << 64) - 1\n"
  "    state = (seed + epoch * 0x9E3779B97F4A7C15) & mask\n"
  "    order = list(range(n))\n"
  "    for i in range(n - 1, 0, -1):\n"
  "        state = (state + 0x9E3779B97F4A7C15) & mask\n"
  "        z = state\n"
  "        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & mask\n"
  "        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask\n"
  "        z ^= z >> 31\n"
  "        j = z % (i + 1)\n"
  "        order[i], order[j] = order[j], order[i]\n"
  "    return order\n";

/* The body of one epoch: the notebook's five lines, once per batch when
 * there are batches.  @indent is where the epoch's body starts. */
static void
append_epoch (GString                *out,
              const SlopeRunSettings *s,
              const char             *indent)
{
  const char *zero_grad = s->zero_grad ? "optimizer.zero_grad()\n"
                                       : "# optimizer.zero_grad()  (off: gradients accumulate)\n";

  if (s->batch_size == 0)
    {
      g_string_append_printf (out,
                              "%shypothesis = x_train * W + b\n"
                              "%scost = torch.mean((hypothesis - y_train) ** 2)\n"
                              "%s%s"
                              "%scost.backward()\n"
                              "%soptimizer.step()\n",
                              indent, indent, indent, zero_grad, indent, indent);
      return;
    }

  g_string_append_printf (out, "%sepoch_cost = 0.0\n", indent);
  if (s->shuffle)
    {
      g_string_append_printf (out,
                              "%stotal_epochs += 1\n"
                              "%sorder = slope_order(len(x_train), seed, total_epochs)\n"
                              "%sbatches = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]\n"
                              "%sfor batch in batches:\n"
                              "%s    x_batch, y_batch = x_train[batch], y_train[batch]\n",
                              indent, indent, indent, indent, indent);
    }
  else
    g_string_append_printf (out, "%sfor x_batch, y_batch in dataloader:\n", indent);
  g_string_append_printf (out,
                          "%s    hypothesis = x_batch * W + b\n"
                          "%s    cost = torch.mean((hypothesis - y_batch) ** 2)\n"
                          "%s    %s"
                          "%s    cost.backward()\n"
                          "%s    optimizer.step()\n"
                          "%s    epoch_cost += cost.item()\n"
                          "%s# The epoch's cost: the mean of its batches' costs.\n"
                          "%sepoch_cost = epoch_cost / %s\n",
                          indent, indent, indent, zero_grad, indent, indent, indent, indent,
                          indent, s->shuffle ? "len(batches)" : "len(dataloader)");
}

/**
 * slope_script_python:
 *
 * A Python script that trains on @dataset with @settings as Slope does and
 * prints the same log lines.
 */
char *
slope_script_python (SlopeDataset           *dataset,
                     const SlopeRunSettings *s)
{
  return slope_script_python_scaled (dataset, s, NULL);
}

/**
 * slope_script_python_scaled:
 * @scaled: the points trained on, already scaled by @scaling
 * @scaling: (nullable): how they were scaled, said in the header
 *
 * As slope_script_python(), for data trained on scaled.
 */
char *
slope_script_python_scaled (SlopeDataset           *dataset,
                            const SlopeRunSettings *s,
                            const SlopeScaling     *scaling)
{
  g_autofree char *ctor = NULL;
  GString *out;
  gboolean batched;
  const char *indent;

  g_return_val_if_fail (SLOPE_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (s != NULL && s->n_runs > 0 && s->n_runs <= SLOPE_MAX_RUNS, NULL);

  batched = s->batch_size != 0;
  out = g_string_new (NULL);
  append_header (out, dataset, s, scaling);

  g_string_append (out, "\nimport torch\nimport torch.optim as optim\n");
  if (batched && !s->shuffle)
    g_string_append (out, "from torch.utils.data import DataLoader, TensorDataset\n");
  g_string_append (out, "\ntorch.set_default_dtype(torch.float64)\n");
  if (batched && s->shuffle)
    g_string_append (out, shuffle_code);
  g_string_append_c (out, '\n');

  append_column (out, "x_train", slope_dataset_get_x (dataset), slope_dataset_get_n (dataset));
  append_column (out, "y_train", slope_dataset_get_y (dataset), slope_dataset_get_n (dataset));
  g_string_append_c (out, '\n');
  append_parameter (out, "W", s->w0);
  append_parameter (out, "b", s->b0);
  ctor = slope_optimizer_to_python (&s->optimizer, s->lr);
  g_string_append_printf (out, "optimizer = %s\n", ctor);
  if (batched && s->shuffle)
    g_string_append_printf (out, "batch_size = %u\nseed = %" G_GUINT64_FORMAT "\ntotal_epochs = 0\n",
                            s->batch_size, s->seed);
  else if (batched)
    g_string_append_printf (out, "dataloader = DataLoader(TensorDataset(x_train, y_train), batch_size=%u)\n",
                            s->batch_size);
  g_string_append_c (out, '\n');

  if (s->n_runs == 1)
    {
      g_string_append_printf (out, "nb_epochs = %u\n", s->runs[0]);
      indent = "    ";
    }
  else
    {
      g_string_append (out, "# Each run continues from the last, as running the cell again does.\n");
      g_string_append (out, "for nb_epochs in [");
      for (guint r = 0; r < s->n_runs; r++)
        g_string_append_printf (out, "%s%u", r ? ", " : "", s->runs[r]);
      g_string_append (out, "]:\n");
      indent = "        ";
    }
  g_string_append_printf (out, "%sfor epoch in range(1, nb_epochs + 1):\n", indent + 4);
  append_epoch (out, s, indent);
  g_string_append_printf (out,
                          "%sif epoch %% %u == 0:\n"
                          "%s    print('Epoch {:4d}/{} W: {:.3f}, b: {:.3f} Cost: {:.6f}'.format(\n"
                          "%s        epoch, nb_epochs, W.item(), b.item(), %s\n"
                          "%s    ))\n",
                          indent, s->log_every, indent, indent,
                          batched ? "epoch_cost" : "cost.item()", indent);

  return g_string_free (out, FALSE);
}

/**
 * slope_script_save:
 *
 * Writes slope_script_python() to @file, replacing it only once the whole
 * script is written.
 */
gboolean
slope_script_save (SlopeDataset            *dataset,
                   const SlopeRunSettings  *settings,
                   GFile                   *file,
                   GError                 **error)
{
  return slope_script_save_scaled (dataset, settings, NULL, file, error);
}

gboolean
slope_script_save_scaled (SlopeDataset            *dataset,
                          const SlopeRunSettings  *settings,
                          const SlopeScaling      *scaling,
                          GFile                   *file,
                          GError                 **error)
{
  g_autofree char *text = slope_script_python_scaled (dataset, settings, scaling);

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return slope_save_bytes (file, text, strlen (text), NULL, error);
}
