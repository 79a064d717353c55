/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-window-scaling.c: "Scale x and y" and "Suggest" in the side panel.
 *
 * With scaling on, training runs on the scaled points exactly as PyTorch
 * would on the scaled tensors: the runner, the landscape, the limits and
 * the readouts speak of the scaled W and b, while the data plot and its
 * legend show the line mapped back into the data's own units.  Switching
 * it is the lesson — the landscape goes from a thin valley to a round bowl
 * and the stable limit jumps — so the panel says so with the numbers.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "slope-axis.h"
#include "slope-window-private.h"

/* The data training sees: scaled, or the data itself. */
SlopeDataset *
slope_window_training_data (SlopeWindow *self)
{
  return self->train_dataset != NULL ? self->train_dataset : self->dataset;
}

void
slope_window_model_to_data (SlopeWindow *self,
                            double       w,
                            double       b,
                            double      *w_data,
                            double      *b_data)
{
  slope_scaling_line_to_data (&self->scaling, w, b, w_data, b_data);
}

static void
describe (SlopeWindow *self)
{
  char xs[32], xd[32], ys[32], yd[32], limit[32];
  g_autofree char *text = NULL;
  double lr_2 = NAN;

  if (self->scale_hint == NULL)
    return;
  slope_dataset_stable_lr (slope_window_training_data (self), &lr_2, NULL);
  slope_format_number_unicode (limit, sizeof limit, lr_2, 3);
  slope_format_number_unicode (xs, sizeof xs, self->scaling.x_shift, 5);
  slope_format_number_unicode (xd, sizeof xd, self->scaling.x_scale, 4);
  slope_format_number_unicode (ys, sizeof ys, self->scaling.y_shift, 5);
  slope_format_number_unicode (yd, sizeof yd, self->scaling.y_scale, 4);
  switch (self->scaling.mode)
    {
    case SLOPE_SCALE_CENTER:
      text = g_strdup_printf (_("x′ = x − %s, y′ = y − %s. Centred, b no longer has to climb "
                                "to the mean; the stable limit is now %s."), xs, ys, limit);
      break;
    case SLOPE_SCALE_STANDARDIZE:
      text = g_strdup_printf (_("x′ = (x − %s) / %s, y′ = (y − %s) / %s. Standardised, the "
                                "landscape is a round bowl and the stable limit jumps to %s; "
                                "the plot shows the line back in the data’s units."),
                              xs, xd, ys, yd, limit);
      break;
    case SLOPE_SCALE_NONE:
    default:
      text = g_strdup_printf (_("x and y as they are, as in the notebook; the stable limit "
                                "is %s."), limit);
      break;
    }
  gtk_label_set_text (self->scale_hint, text);
}

/* Works out the scaling of the current data.  A mode the data cannot take
 * (standardising equal values) falls back to none, saying why. */
void
slope_window_scaling_data_changed (SlopeWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->train_dataset);
  if (!slope_scaling_compute (self->dataset, self->scale_mode, &self->scaling, &error))
    {
      slope_window_show_notice (self, error->message);
      slope_scaling_compute (self->dataset, SLOPE_SCALE_NONE, &self->scaling, NULL);
    }
  if (self->scaling.mode != SLOPE_SCALE_NONE)
    self->train_dataset = slope_scaling_apply (&self->scaling, self->dataset);
  /* The data plot keeps the columns' names; the landscape is on x′, y′. */
  slope_landscape_widget_set_scaled (self->landscape_view, self->scaling.mode != SLOPE_SCALE_NONE);
  describe (self);
}

/**
 * slope_window_set_scale_mode:
 *
 * Scales the data as @mode says and starts training over on it.
 */
void
slope_window_set_scale_mode (SlopeWindow    *self,
                             SlopeScaleMode  mode)
{
  SlopeDataset *train;

  /* The advice to scale has been taken: it goes. */
  if (mode != SLOPE_SCALE_NONE && gtk_revealer_get_reveal_child (self->notice_revealer)
      && self->advice_dataset == self->dataset)
    slope_window_show_notice (self, NULL);
  self->scale_mode = mode;
  if (self->scale_drop_down != NULL
      && gtk_drop_down_get_selected (self->scale_drop_down) != (guint) mode)
    gtk_drop_down_set_selected (self->scale_drop_down, mode);
  slope_window_scaling_data_changed (self);
  train = slope_window_training_data (self);
  slope_runner_set_dataset (self->runner, train, TRUE);
  slope_window_compare_set_dataset (self, train, TRUE);
  slope_landscape_widget_set_dataset (self->landscape_view, train);
  slope_window_controls_update_limits (self);
  describe (self);
  slope_window_update_subtitle (self);
}

static void
on_scale_selected (GtkDropDown *drop_down,
                   GParamSpec  *pspec,
                   SlopeWindow *self)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (selected <= SLOPE_SCALE_STANDARDIZE && selected != (guint) self->scale_mode)
    slope_window_set_scale_mode (self, (SlopeScaleMode) selected);
}

/* Suggest: the fastest steady rate for the data trained on. */
void
slope_window_suggest_lr (SlopeWindow *self)
{
  double lr;

  if (slope_dataset_suggested_lr (slope_window_training_data (self), &lr) && lr > 0.0)
    slope_window_set_lr (self, lr);
}

void
slope_window_scaling_init (SlopeWindow *self)
{
  static const char * const modes[] = { N_("None"), N_("Centre"), N_("Standardise"), NULL };
  const char *shown[G_N_ELEMENTS (modes)];
  g_autofree char *tooltip = NULL;
  GtkWidget *row, *label;

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    shown[i] = modes[i] ? _(modes[i]) : NULL;

  /* The data group: "Scale x and y", its hint, then the residuals. */
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new_with_mnemonic (_("_Scale x and y"));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  self->scale_drop_down = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (shown));
  gtk_widget_set_valign (GTK_WIDGET (self->scale_drop_down), GTK_ALIGN_CENTER);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->scale_drop_down));
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->scale_drop_down));
  gtk_box_prepend (GTK_BOX (self->data_group), row);

  self->scale_hint = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->scale_hint, TRUE);
  gtk_label_set_xalign (self->scale_hint, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->scale_hint), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->scale_hint), "caption");
  gtk_box_insert_child_after (GTK_BOX (self->data_group), GTK_WIDGET (self->scale_hint), row);

  /* Suggest sits beside the learning rate it sets; why that rate is in
   * its tooltip and in the hint under the slider. */
  tooltip = g_strdup_printf ("%s\n%s", _("Set the learning rate to 2/(λmin + λmax)"),
                             _("2/(λmin + λmax) shrinks the error along the steepest and the "
                               "flattest direction alike: the fastest rate that is steady for both."));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->suggest_button), tooltip);
  g_signal_connect_swapped (self->suggest_button, "clicked",
                            G_CALLBACK (slope_window_suggest_lr), self);

  g_signal_connect (self->scale_drop_down, "notify::selected",
                    G_CALLBACK (on_scale_selected), self);
  self->scaling = (SlopeScaling) SLOPE_SCALING_IDENTITY;
  describe (self);
}

void
slope_window_scaling_dispose (SlopeWindow *self)
{
  g_clear_object (&self->train_dataset);
}
