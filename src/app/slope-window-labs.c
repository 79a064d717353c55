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

/* As in the main window, → steps and Space plays: in the accumulation
 * lab, one z.backward() and the whole cell.  In the bubble phase, so a
 * focused button still takes Space for itself. */
static gboolean
lab_key (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  SlopeWindow *self = user_data;
  const char *page = gtk_stack_get_visible_child_name (self->labs_stack);

  if (g_strcmp0 (page, "accumulation") != 0)
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self->accumulation_lab),
                                     g_variant_get_string (args, NULL), NULL);
}

static void
install_lab_keys (SlopeWindow *self,
                  GtkWidget   *window)
{
  static const struct
  {
    guint       keyval;
    const char *action;
  } keys[] = {
    { GDK_KEY_Right, "accumulation.backward" },
    { GDK_KEY_KP_Right, "accumulation.backward" },
    { GDK_KEY_space, "accumulation.run" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_static_name (controller, "slope-lab-keys");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, 0),
                                                gtk_callback_action_new (lab_key, self, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (keys[i].action));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (window, controller);
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
  install_lab_keys (self, window);
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
  /* The keys start on the lab's first button, not in its code. */
  if (g_strcmp0 (page, "accumulation") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->accumulation_lab));
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
