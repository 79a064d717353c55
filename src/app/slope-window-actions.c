/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-window-actions.c: what the window can do, as actions, so buttons,
 * menus, keyboard shortcuts and tests all go through the same door. */
#include "config.h"

#include <glib/gi18n.h>

#include "slope-window-private.h"

static void
toggle_play (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SlopeWindow *self = SLOPE_WINDOW (widget);

  slope_window_end_rewind (self);
  /* Decide from the newest state, not from a frame ago. */
  slope_runner_read (self->runner, &self->snapshot);
  if (self->snapshot.playing)
    slope_runner_pause (self->runner);
  else
    slope_runner_play (self->runner);
}

static void
play (GtkWidget  *widget,
      const char *action_name,
      GVariant   *parameter)
{
  slope_window_end_rewind (SLOPE_WINDOW (widget));
  slope_runner_play (SLOPE_WINDOW (widget)->runner);
}

static void
pause_training (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  slope_runner_pause (SLOPE_WINDOW (widget)->runner);
}

static void
step (GtkWidget  *widget,
      const char *action_name,
      GVariant   *parameter)
{
  slope_window_end_rewind (SLOPE_WINDOW (widget));
  slope_runner_step_epoch (SLOPE_WINDOW (widget)->runner);
}

static void
step_line (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  SlopeWindow *self = SLOPE_WINDOW (widget);

  slope_window_end_rewind (self);
  /* Stepping line by line is what the code and math panels are for. */
  slope_window_set_show_explain (self, TRUE);
  slope_runner_step_line (self->runner);
}

static void
reset (GtkWidget  *widget,
       const char *action_name,
       GVariant   *parameter)
{
  slope_window_end_rewind (SLOPE_WINDOW (widget));
  slope_runner_reset (SLOPE_WINDOW (widget)->runner);
}

static void
open_file (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  slope_window_open_dialog (SLOPE_WINDOW (widget));
}

static void
cancel_load (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  slope_window_cancel_load (SLOPE_WINDOW (widget));
}

static void
dismiss_notice (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  slope_window_show_notice (SLOPE_WINDOW (widget), NULL);
}

/* Space, → , S and R drive training wherever the focus is, even on a
 * slider or a button, so a teacher never has to click into the plot
 * first; only a text field keeps them, for typing.  E toggles edit mode,
 * in which Delete and BackSpace remove the ringed point. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SlopeWindow           *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  const char *action = NULL;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_SHIFT_MASK))
    return FALSE;
  if (focus != NULL && GTK_IS_EDITABLE (focus))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_space:
      action = "win.toggle-play";
      break;
    case GDK_KEY_Right:
    case GDK_KEY_s:
      action = "win.step";
      break;
    case GDK_KEY_r:
      action = "win.reset";
      break;
    case GDK_KEY_l:
      action = "win.step-line";
      break;
    case GDK_KEY_e:
      action = "win.edit-mode";
      break;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      return slope_window_edit_delete_highlighted (self);
    default:
      return FALSE;
    }
  gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
  return TRUE;
}

void
slope_window_install_key_controller (SlopeWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

static void
show_lab (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  slope_window_show_lab (SLOPE_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
open_example (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!slope_window_open_example (SLOPE_WINDOW (widget), g_variant_get_string (parameter, NULL),
                                  &error))
    slope_window_show_notice (SLOPE_WINDOW (widget), error->message);
}

static void
export (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  slope_window_export_dialog (SLOPE_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Escape: back to the present from a rewound epoch, and out of
 * presentation mode. */
static void
back_to_present (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SlopeWindow *self = SLOPE_WINDOW (widget);

  if (slope_window_is_rewinding (self))
    slope_window_end_rewind (self);
  else
    slope_window_set_presentation (self, FALSE);
}

void
slope_window_update_actions (SlopeWindow *self)
{
  gboolean playing = self->snapshot.playing;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.play", !playing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.pause", playing);
}

void
slope_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.toggle-play", NULL, toggle_play);
  gtk_widget_class_install_action (widget_class, "win.play", NULL, play);
  gtk_widget_class_install_action (widget_class, "win.pause", NULL, pause_training);
  gtk_widget_class_install_action (widget_class, "win.step", NULL, step);
  gtk_widget_class_install_action (widget_class, "win.step-line", NULL, step_line);
  gtk_widget_class_install_property_action (widget_class, "win.show-explain", "show-explain");
  gtk_widget_class_install_property_action (widget_class, "win.presentation", "presentation");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.presentation", NULL);
  gtk_widget_class_install_action (widget_class, "win.back-to-present", NULL, back_to_present);
  gtk_widget_class_install_action (widget_class, "win.show-lab", "s", show_lab);
  gtk_widget_class_install_action (widget_class, "win.open-example", "s", open_example);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back-to-present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-explain", NULL);
  gtk_widget_class_install_action (widget_class, "win.reset", NULL, reset);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_file);
  gtk_widget_class_install_action (widget_class, "win.cancel-load", NULL, cancel_load);
  gtk_widget_class_install_action (widget_class, "win.dismiss-notice", NULL, dismiss_notice);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);

  slope_window_edit_class_init (widget_class);
}
