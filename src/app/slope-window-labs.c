/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-window-labs.c: the gradient-accumulation and autograd labs.
 *
 * They open in a window of their own beside the main one, so a class can
 * watch an experiment and, at the press of "Show it on the line", its
 * consequence in the main view at the same time.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "slope-accumulation-lab.h"
#include "slope-autograd-lab.h"
#include "slope-window-private.h"

static void
on_demonstrate (SlopeWindow *self)
{
  /* Accumulated gradients, seen on the line: no zero_grad, and play. */
  gtk_switch_set_active (self->zero_grad_switch, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.play", NULL);
  gtk_window_present (GTK_WINDOW (self));
}

static GtkWidget *
build_labs_window (SlopeWindow *self)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *switcher = gtk_stack_switcher_new ();
  GtkWidget *accumulation = slope_accumulation_lab_new ();
  GtkWidget *autograd = slope_autograd_lab_new ();

  gtk_window_set_title (GTK_WINDOW (window), _("Labs"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_hide_on_close (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 700);

  gtk_stack_add_titled (GTK_STACK (stack), accumulation, "accumulation",
                        _("Gradient Accumulation"));
  gtk_stack_add_titled (GTK_STACK (stack), autograd, "autograd", _("Autograd"));
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), GTK_STACK (stack));
  gtk_header_bar_set_title_widget (GTK_HEADER_BAR (header), switcher);
  gtk_window_set_titlebar (GTK_WINDOW (window), header);
  gtk_window_set_child (GTK_WINDOW (window), stack);

  g_signal_connect_object (accumulation, "demonstrate", G_CALLBACK (on_demonstrate),
                           self, G_CONNECT_SWAPPED);

  self->labs_stack = GTK_STACK (stack);
  self->accumulation_lab = SLOPE_ACCUMULATION_LAB (accumulation);
  self->autograd_lab = SLOPE_AUTOGRAD_LAB (autograd);
  return window;
}

/* @page: "accumulation" or "autograd" */
void
slope_window_show_lab (SlopeWindow *self,
                       const char  *page)
{
  if (self->labs_window == NULL)
    self->labs_window = GTK_WINDOW (build_labs_window (self));
  gtk_stack_set_visible_child_name (self->labs_stack, page);
  slope_window_labs_set_font_scale (self, self->presentation ? 1.4 : 1.0);
  gtk_window_present (self->labs_window);
}

void
slope_window_labs_set_font_scale (SlopeWindow *self,
                                  double       scale)
{
  if (self->labs_window == NULL)
    return;
  slope_accumulation_lab_set_font_scale (self->accumulation_lab, scale);
  slope_autograd_lab_set_font_scale (self->autograd_lab, scale);
}

void
slope_window_labs_dispose (SlopeWindow *self)
{
  if (self->labs_window != NULL)
    gtk_window_destroy (self->labs_window);
  self->labs_window = NULL;
  self->labs_stack = NULL;
  self->accumulation_lab = NULL;
  self->autograd_lab = NULL;
}
