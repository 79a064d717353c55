/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-window-batch.c: mini-batches — the batch size (all points by
 * default, the notebook's way), shuffling with a seed, and each batch's
 * cost and step read from the runner once per frame for the cost plot
 * and the landscape.
 *
 * The batches shown are the newest BATCHES_SHOWN, in arrays the views
 * borrow; they are read under the runner's lock only while copying.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "slope-window-private.h"

#define BATCHES_SHOWN  65536
#define READ_CHUNK     4096

static void
give_views (SlopeWindow *self)
{
  gboolean shown = self->batch_len > 0;

  slope_cost_view_set_batches (self->cost_view, shown ? self->batch_x : NULL,
                               shown ? self->batch_cost : NULL, self->batch_len);
  slope_landscape_widget_set_batch_path (self->landscape_view, shown ? self->batch_w : NULL,
                                         shown ? self->batch_b : NULL, self->batch_len);
}

static void
forget_batches (SlopeWindow *self)
{
  self->batch_len = 0;
  give_views (self);
}

/* Room for @n more: the oldest half goes when full. */
static void
make_room (SlopeWindow *self,
           gsize        n)
{
  gsize drop;

  if (self->batch_x == NULL)
    {
      self->batch_x = g_new (double, 4 * BATCHES_SHOWN);
      self->batch_cost = self->batch_x + BATCHES_SHOWN;
      self->batch_w = self->batch_cost + BATCHES_SHOWN;
      self->batch_b = self->batch_w + BATCHES_SHOWN;
    }
  if (self->batch_len + n <= BATCHES_SHOWN)
    return;
  drop = MIN (self->batch_len, MAX (self->batch_len / 2, self->batch_len + n - BATCHES_SHOWN));
  self->batch_len -= drop;
  memmove (self->batch_x, self->batch_x + drop, self->batch_len * sizeof (double));
  memmove (self->batch_cost, self->batch_cost + drop, self->batch_len * sizeof (double));
  memmove (self->batch_w, self->batch_w + drop, self->batch_len * sizeof (double));
  memmove (self->batch_b, self->batch_b + drop, self->batch_len * sizeof (double));
}

/**
 * slope_window_batch_refresh:
 *
 * Called once per frame: takes the batches the runner recorded since the
 * last frame.  With one batch per epoch there is nothing to add to the
 * epochs' own curve and path, and none are kept.
 */
void
slope_window_batch_refresh (SlopeWindow *self)
{
  SlopeBatchRecord *records = self->batch_records;
  gboolean changed = FALSE;
  gsize n;

  if (records == NULL)
    return;

  if (self->snapshot.resets != self->batch_resets)
    {
      self->batch_resets = self->snapshot.resets;
      forget_batches (self);
    }
  while ((n = slope_runner_read_batches (self->runner, &self->batch_cursor, records, READ_CHUNK)) > 0)
    {
      gsize kept = 0;

      make_room (self, MIN (n, (gsize) BATCHES_SHOWN));
      for (gsize i = 0; i < n; i++)
        {
          const SlopeBatchRecord *r = &records[i];
          gsize at = self->batch_len + kept;

          if (r->n_batches < 2 || at >= BATCHES_SHOWN)
            continue;
          self->batch_x[at] = (double) r->epoch - 1.0
                              + (double) (r->batch + 1) / (double) r->n_batches;
          self->batch_cost[at] = r->cost;
          self->batch_w[at] = r->w;
          self->batch_b[at] = r->b;
          kept++;
        }
      self->batch_len += kept;
      changed |= kept > 0;
      if (n < READ_CHUNK)
        break;
    }
  if (changed)
    give_views (self);
}

/* ---- Controls ---------------------------------------------------------- */

static void
save_and_post (SlopeWindow *self)
{
  g_settings_set_uint (self->settings, "batch-size", self->batch_size);
  g_settings_set_boolean (self->settings, "shuffle", self->shuffle);
  g_settings_set_uint64 (self->settings, "shuffle-seed", self->seed);
  slope_runner_set_batching (self->runner, self->batch_size, self->shuffle, self->seed);
}

static void
show_batching (SlopeWindow *self)
{
  self->updating_controls++;
  gtk_spin_button_set_value (self->batch_spin, self->batch_size);
  gtk_check_button_set_active (self->shuffle_check, self->shuffle);
  gtk_spin_button_set_value (self->seed_spin, (double) self->seed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->seed_spin), self->shuffle);
  /* A value that did not change is not written out again. */
  if (self->batch_size == 0)
    gtk_editable_set_text (GTK_EDITABLE (self->batch_spin), _("all"));
  self->updating_controls--;
}

/**
 * slope_window_set_batching:
 * @batch_size: points per optimizer step, 0 for all of them
 * @shuffle: a new order every epoch, drawn from @seed
 *
 * As a person would set them; the epoch in progress starts over.
 */
void
slope_window_set_batching (SlopeWindow *self,
                           guint        batch_size,
                           gboolean     shuffle,
                           guint64      seed)
{
  g_return_if_fail (SLOPE_IS_WINDOW (self));

  self->batch_size = batch_size;
  self->shuffle = !!shuffle;
  /* The seed's control counts in doubles: exact up to 2⁵³. */
  self->seed = MIN (seed, (guint64) 1 << 53);
  show_batching (self);
  save_and_post (self);
  slope_window_controls_update_limits (self);
}

static void
on_batching_changed (SlopeWindow *self)
{
  if (self->updating_controls || self->runner == NULL)
    return;
  slope_window_set_batching (self, (guint) gtk_spin_button_get_value_as_int (self->batch_spin),
                             gtk_check_button_get_active (self->shuffle_check),
                             (guint64) gtk_spin_button_get_value (self->seed_spin));
}

/* 0 reads "all": all points in one batch. */
static gboolean
on_batch_output (GtkSpinButton *spin,
                 gpointer       user_data)
{
  if (gtk_spin_button_get_value_as_int (spin) != 0)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (spin), _("all"));
  return TRUE;
}

static int
on_batch_input (GtkSpinButton *spin,
                double        *value,
                gpointer       user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));

  if (g_utf8_collate (text, _("all")) != 0 && g_ascii_strcasecmp (text, "all") != 0)
    return FALSE;
  *value = 0.0;
  return TRUE;
}

static GtkWidget *
build_section (SlopeWindow *self)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *label = gtk_label_new_with_mnemonic (_("Batch si_ze"));
  GtkWidget *seed_label = gtk_label_new_with_mnemonic (_("see_d"));

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_widget_add_css_class (grid, "batch-section");

  self->batch_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 100000000, 1));
  gtk_widget_set_hexpand (GTK_WIDGET (self->batch_spin), TRUE);
  /* Letters too: 0 reads "all". */
  gtk_spin_button_set_numeric (self->batch_spin, FALSE);
  /* Not as wide as the largest value: the panel stays narrow. */
  gtk_editable_set_width_chars (GTK_EDITABLE (self->batch_spin), 4);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->batch_spin),
                               _("Points per optimizer.step(), as DataLoader’s batch_size; "
                                 "“all” is the notebook’s one batch"));
  g_signal_connect (self->batch_spin, "output", G_CALLBACK (on_batch_output), NULL);
  g_signal_connect (self->batch_spin, "input", G_CALLBACK (on_batch_input), NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->batch_spin));
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->batch_spin), 1, 0, 1, 1);

  self->shuffle_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("S_huffle")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->shuffle_check),
                               _("A new order of the points every epoch, as DataLoader’s shuffle=True"));
  self->seed_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 9007199254740992.0, 1));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->seed_spin), 3);
  gtk_label_set_mnemonic_widget (GTK_LABEL (seed_label), GTK_WIDGET (self->seed_spin));
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

    gtk_widget_set_hexpand (GTK_WIDGET (self->seed_spin), TRUE);
    gtk_box_append (GTK_BOX (box), seed_label);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->seed_spin));
    gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->shuffle_check), 0, 1, 1, 1);
    gtk_grid_attach (GTK_GRID (grid), box, 1, 1, 1, 1);
  }

  g_signal_connect_swapped (self->batch_spin, "value-changed", G_CALLBACK (on_batching_changed), self);
  g_signal_connect_swapped (self->shuffle_check, "toggled", G_CALLBACK (on_batching_changed), self);
  g_signal_connect_swapped (self->seed_spin, "value-changed", G_CALLBACK (on_batching_changed), self);
  return grid;
}

void
slope_window_batch_init (SlopeWindow *self)
{
  GtkWidget *parent = gtk_widget_get_parent (self->optim_section);

  /* A group of the side panel after the optimizer's. */
  self->batch_section = build_section (self);
  gtk_widget_add_css_class (self->batch_section, "panel-group");
  if (GTK_IS_BOX (parent))
    gtk_box_insert_child_after (GTK_BOX (parent), self->batch_section, self->optim_section);
  else
    gtk_grid_attach_next_to (self->settings_grid, self->batch_section, NULL, GTK_POS_BOTTOM, 2, 1);

  /* Read into once per frame; too large for the stack. */
  self->batch_records = g_new (SlopeBatchRecord, READ_CHUNK);
  self->batch_size = g_settings_get_uint (self->settings, "batch-size");
  self->shuffle = g_settings_get_boolean (self->settings, "shuffle");
  self->seed = g_settings_get_uint64 (self->settings, "shuffle-seed");
  show_batching (self);
  slope_runner_set_batching (self->runner, self->batch_size, self->shuffle, self->seed);
  slope_window_controls_update_limits (self);
}

void
slope_window_batch_dispose (SlopeWindow *self)
{
  if (self->cost_view != NULL)
    slope_cost_view_set_batches (self->cost_view, NULL, NULL, 0);
  if (self->landscape_view != NULL)
    slope_landscape_widget_set_batch_path (self->landscape_view, NULL, NULL, 0);
  g_clear_pointer (&self->batch_x, g_free);
  g_clear_pointer (&self->batch_records, g_free);
  self->batch_cost = self->batch_w = self->batch_b = NULL;
  self->batch_len = 0;
}
