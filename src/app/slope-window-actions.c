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
  if (self->snapshot.playing || slope_window_compare_any_playing (self))
    {
      slope_runner_pause (self->runner);
      slope_window_compare_post (self, SLOPE_COMPARE_PAUSE);
    }
  else
    {
      slope_runner_play (self->runner);
      slope_window_compare_post (self, SLOPE_COMPARE_PLAY);
    }
}

static void
play (GtkWidget  *widget,
      const char *action_name,
      GVariant   *parameter)
{
  slope_window_end_rewind (SLOPE_WINDOW (widget));
  slope_runner_play (SLOPE_WINDOW (widget)->runner);
  slope_window_compare_post (SLOPE_WINDOW (widget), SLOPE_COMPARE_PLAY);
}

static void
pause_training (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  slope_runner_pause (SLOPE_WINDOW (widget)->runner);
  slope_window_compare_post (SLOPE_WINDOW (widget), SLOPE_COMPARE_PAUSE);
}

static void
step (GtkWidget  *widget,
      const char *action_name,
      GVariant   *parameter)
{
  slope_window_end_rewind (SLOPE_WINDOW (widget));
  slope_runner_step_epoch (SLOPE_WINDOW (widget)->runner);
  slope_window_compare_post (SLOPE_WINDOW (widget), SLOPE_COMPARE_STEP);
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
  slope_window_compare_post (self, SLOPE_COMPARE_STEP_LINE);
}

static void
reset (GtkWidget  *widget,
       const char *action_name,
       GVariant   *parameter)
{
  slope_window_end_rewind (SLOPE_WINDOW (widget));
  slope_runner_reset (SLOPE_WINDOW (widget)->runner);
  slope_window_compare_post (SLOPE_WINDOW (widget), SLOPE_COMPARE_RESET);
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

/* Keys, by the platform's rules.  The shortcuts window
 * (ui/help-overlay.ui) lists every one, and a test keeps it in step
 * with the tables here.
 *
 * The window's own keys are a shortcut controller in the bubble phase:
 * the focused widget sees a key first and keeps it when it means
 * something there.  An entry types S and R, a check box or button takes
 * Space, a slider takes the arrows; only keys it lets go reach these.
 * Ctrl+Z lives here too, not among the accelerators, so that while typing
 * a learning rate the entry's own undo wins.  → steps only from a plot
 * (see step_from_plot): on a button the arrows move the focus. */
typedef struct
{
  guint            keyval;
  GdkModifierType  modifiers;
  const char      *action;
} SlopeKey;

static const SlopeKey window_keys[] = {
  { GDK_KEY_space, 0, "win.toggle-play" },
  { GDK_KEY_s, 0, "win.step" },
  { GDK_KEY_r, 0, "win.reset" },
  { GDK_KEY_l, 0, "win.step-line" },
  { GDK_KEY_e, 0, "win.edit-mode" },
  { GDK_KEY_Escape, 0, "win.back-to-present" },
  { GDK_KEY_z, GDK_CONTROL_MASK, "win.undo" },
  { GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo" },
};

/* Application accelerators act in the capture phase, before any focused
 * widget: only keys that no control in the window uses. */
static const struct
{
  const char *action;
  const char *accels[2];
} window_accels[] = {
  { "win.show-explain", { "F9", NULL } },
  { "win.presentation", { "F11", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save-data", { "<Control><Shift>s", NULL } },
  { "win.open-lesson", { "<Control><Shift>o", NULL } },
  { "win.save-lesson-key", { "<Control>s", NULL } },
  { "win.export-script", { "<Control>e", NULL } },
};

/**
 * slope_window_set_accels:
 *
 * The window's application accelerators, set once at startup.
 */
void
slope_window_set_accels (GtkApplication *app)
{
  g_return_if_fail (GTK_IS_APPLICATION (app));

  for (guint i = 0; i < G_N_ELEMENTS (window_accels); i++)
    gtk_application_set_accels_for_action (app, window_accels[i].action,
                                           window_accels[i].accels);
}

static GtkEventController *
shortcut_controller (const char     *name,
                     const SlopeKey *keys,
                     guint           n_keys)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_static_name (controller, name);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_BUBBLE);
  for (guint i = 0; i < n_keys; i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval,
                                                                                    keys[i].modifiers),
                                                            gtk_named_action_new (keys[i].action)));
  return controller;
}

/* Delete and BackSpace in edit mode: only when a point is ringed. */
static gboolean
remove_point_key (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  return slope_window_edit_delete_highlighted (SLOPE_WINDOW (widget));
}

/* → steps an epoch from a plot that lets it go: the cost plot keeps it
 * while looking back, the data plot while editing (their own bindings
 * come first); other controls keep their arrows. */
static gboolean
step_from_plot (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  SlopeWindow *self = SLOPE_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != GTK_WIDGET (self->data_view) && focus != GTK_WIDGET (self->cost_view)
      && focus != GTK_WIDGET (self->landscape_view))
    return FALSE;
  return gtk_widget_activate_action (widget, "win.step", NULL);
}

static void
add_callback_keys (GtkShortcutController *controller,
                   const guint           *keyvals,
                   guint                  n_keyvals,
                   GtkShortcutFunc        callback)
{
  for (guint i = 0; i < n_keyvals; i++)
    gtk_shortcut_controller_add_shortcut (controller,
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keyvals[i], 0),
                                                            gtk_callback_action_new (callback,
                                                                                     NULL, NULL)));
}

/* A GtkSwitch of GTK 4.8 lets Space and Enter through, which would start
 * training instead: it gets the keys a check box has. */
static gboolean
toggle_switch (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  gtk_switch_set_active (GTK_SWITCH (widget), !gtk_switch_get_active (GTK_SWITCH (widget)));
  return TRUE;
}

static void
install_switch_keys (GtkWidget *sw)
{
  static const guint keyvals[] = { GDK_KEY_space, GDK_KEY_KP_Space, GDK_KEY_Return,
                                   GDK_KEY_ISO_Enter, GDK_KEY_KP_Enter };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_static_name (controller, "slope-switch-keys");
  for (guint i = 0; i < G_N_ELEMENTS (keyvals); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keyvals[i], 0),
                                                            gtk_callback_action_new (toggle_switch,
                                                                                     NULL, NULL)));
  gtk_widget_add_controller (sw, controller);
}

/* Enter (once the rate is good) and Escape leave the learning-rate entry
 * and give the keys back to the plots. */
static void
focus_plots (SlopeWindow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->data_view));
}

static void
on_lr_entry_activated (GtkEntry    *entry,
                       SlopeWindow *self)
{
  if (!gtk_widget_has_css_class (GTK_WIDGET (entry), "error"))
    focus_plots (self);
}

/* Escape: the typed text goes, the rate in use comes back. */
static gboolean
lr_entry_escape (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  SlopeWindow *self = user_data;

  slope_window_set_lr (self, g_settings_get_double (self->settings, "learning-rate"));
  focus_plots (self);
  return TRUE;
}

static void
install_entry_keys (SlopeWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_static_name (controller, "slope-entry-keys");
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_callback_action_new (lr_entry_escape,
                                                                                   self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->lr_entry), controller);
  g_signal_connect_after (self->lr_entry, "activate", G_CALLBACK (on_lr_entry_activated), self);
}

void
slope_window_install_key_controller (SlopeWindow *self)
{
  static const guint remove_keys[] = { GDK_KEY_Delete, GDK_KEY_KP_Delete, GDK_KEY_BackSpace };
  static const guint step_keys[] = { GDK_KEY_Right, GDK_KEY_KP_Right };
  GtkEventController *keys = shortcut_controller ("slope-window-keys", window_keys,
                                                  G_N_ELEMENTS (window_keys));

  add_callback_keys (GTK_SHORTCUT_CONTROLLER (keys), remove_keys, G_N_ELEMENTS (remove_keys),
                     remove_point_key);
  add_callback_keys (GTK_SHORTCUT_CONTROLLER (keys), step_keys, G_N_ELEMENTS (step_keys),
                     step_from_plot);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  install_switch_keys (GTK_WIDGET (self->zero_grad_switch));
  install_entry_keys (self);

  /* The keys start with the plots. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->data_view));
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
  gtk_widget_class_install_action (widget_class, "win.back-to-present", NULL, back_to_present);
  gtk_widget_class_install_action (widget_class, "win.show-lab", "s", show_lab);
  gtk_widget_class_install_action (widget_class, "win.open-example", "s", open_example);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export);
  gtk_widget_class_install_action (widget_class, "win.reset", NULL, reset);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_file);
  gtk_widget_class_install_action (widget_class, "win.cancel-load", NULL, cancel_load);
  gtk_widget_class_install_action (widget_class, "win.dismiss-notice", NULL, dismiss_notice);

  slope_window_edit_class_init (widget_class);
  slope_window_compare_class_init (widget_class);
}
