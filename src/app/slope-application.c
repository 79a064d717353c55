/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-application.c: the AdwApplication.
 *
 * libadwaita makes every window follow the desktop's style: light or dark,
 * and high contrast, through AdwStyleManager.
 *
 * It reads the command line a teacher uses to prepare a lesson, owns the
 * application-wide actions (About, Quit) and opens windows.  It is unique:
 * `slope a.csv b.csv` opens a window for each file, and a second `slope
 * FILE` (or the file manager's "Open With") opens its window in the
 * running process, with the options given on that command line.  Each
 * window owns its runner, so windows never share a training thread.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "slope-application.h"
#include "slope-parse.h"
#include "slope-window.h"

struct _SlopeApplication
{
  AdwApplication     parent_instance;

  SlopeLaunchOptions options;        /* this process's command line */
  SlopeLaunchOptions remote_options; /* a second invocation's, while its request is handled */
  gboolean           remote;
};

G_DEFINE_FINAL_TYPE (SlopeApplication, slope_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "lr", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Learning rate (default: the last one used, first 0.01)"), N_("LR") },
  { "epochs", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Epochs per run (default 1000)"), N_("N") },
  { "no-zero-grad", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start with optimizer.zero_grad() left out"), NULL },
  { "speed", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Epochs per second; 0 for as fast as it goes"), N_("E") },
  { "autoplay", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start training at once"), NULL },
  { "quit-after-run", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Quit when the first run ends (for recorded demonstrations)"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

static int
option_error (const char *option,
              const char *value,
              const char *what)
{
  /* Translators: e.g. "slope: --lr must be a positive number, not “x”" */
  g_printerr (_("slope: %s must be %s, not “%s”\n"), option, what, value);
  return 2;
}

static int
slope_application_handle_local_options (GApplication *app,
                                        GVariantDict *dict)
{
  SlopeApplication *self = SLOPE_APPLICATION (app);
  SlopeLaunchOptions *o = &self->options;
  const char *text;

  if (g_variant_dict_contains (dict, "version"))
    {
      g_print ("slope %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (dict, "lr", "&s", &text))
    {
      if (!slope_parse_double (text, &o->lr) || !(o->lr > 0.0))
        return option_error ("--lr", text, _("a positive number"));
      o->has_lr = TRUE;
    }
  if (g_variant_dict_lookup (dict, "epochs", "&s", &text))
    {
      if (!slope_parse_epochs (text, &o->epochs))
        {
          g_autofree char *what = g_strdup_printf (_("a whole number from 1 to %u"),
                                                   SLOPE_MAX_EPOCHS);

          return option_error ("--epochs", text, what);
        }
      o->has_epochs = TRUE;
    }
  if (g_variant_dict_lookup (dict, "speed", "&s", &text))
    {
      if (!slope_parse_double (text, &o->speed) || o->speed < 0.0)
        return option_error ("--speed", text, _("a number of epochs per second, or 0"));
      o->has_speed = TRUE;
    }
  o->no_zero_grad = g_variant_dict_contains (dict, "no-zero-grad");
  o->autoplay = g_variant_dict_contains (dict, "autoplay");
  o->quit_after_run = g_variant_dict_contains (dict, "quit-after-run");

  return -1;
}

/* The options travel to the running instance with each request, as the
 * platform data's "slope-options" dictionary. */
static void
slope_application_add_platform_data (GApplication    *app,
                                     GVariantBuilder *builder)
{
  SlopeLaunchOptions *o = &SLOPE_APPLICATION (app)->options;
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (NULL);

  G_APPLICATION_CLASS (slope_application_parent_class)->add_platform_data (app, builder);

  if (o->has_lr)
    g_variant_dict_insert (&dict, "lr", "d", o->lr);
  if (o->has_epochs)
    g_variant_dict_insert (&dict, "epochs", "u", o->epochs);
  if (o->has_speed)
    g_variant_dict_insert (&dict, "speed", "d", o->speed);
  g_variant_dict_insert (&dict, "no-zero-grad", "b", o->no_zero_grad);
  g_variant_dict_insert (&dict, "autoplay", "b", o->autoplay);
  g_variant_dict_insert (&dict, "quit-after-run", "b", o->quit_after_run);
  g_variant_builder_add (builder, "{sv}", "slope-options", g_variant_dict_end (&dict));
}

/* A request from a second invocation: its windows get its options. */
static void
slope_application_before_emit (GApplication *app,
                               GVariant     *platform_data)
{
  SlopeApplication *self = SLOPE_APPLICATION (app);
  g_autoptr(GVariant) options = NULL;
  SlopeLaunchOptions *o = &self->remote_options;

  G_APPLICATION_CLASS (slope_application_parent_class)->before_emit (app, platform_data);

  options = g_variant_lookup_value (platform_data, "slope-options", G_VARIANT_TYPE_VARDICT);
  if (options == NULL)
    return;
  *o = (SlopeLaunchOptions) { 0 };
  o->has_lr = g_variant_lookup (options, "lr", "d", &o->lr) && o->lr > 0.0;
  o->has_epochs = g_variant_lookup (options, "epochs", "u", &o->epochs) && o->epochs >= 1;
  o->has_speed = g_variant_lookup (options, "speed", "d", &o->speed) && o->speed >= 0.0;
  g_variant_lookup (options, "no-zero-grad", "b", &o->no_zero_grad);
  g_variant_lookup (options, "autoplay", "b", &o->autoplay);
  g_variant_lookup (options, "quit-after-run", "b", &o->quit_after_run);
  self->remote = TRUE;
}

static void
slope_application_after_emit (GApplication *app,
                              GVariant     *platform_data)
{
  SLOPE_APPLICATION (app)->remote = FALSE;

  G_APPLICATION_CLASS (slope_application_parent_class)->after_emit (app, platform_data);
}

static SlopeWindow *
new_window (SlopeApplication *self)
{
  SlopeWindow *window = slope_window_new (self, self->remote ? &self->remote_options
                                                             : &self->options);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
slope_application_activate (GApplication *app)
{
  new_window (SLOPE_APPLICATION (app));
}

static void
slope_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  SlopeApplication *self = SLOPE_APPLICATION (app);
  SlopeLaunchOptions *o = self->remote ? &self->remote_options : &self->options;
  gboolean autoplay = o->autoplay;

  /* --autoplay FILE trains each file once loaded, not the lesson meanwhile. */
  o->autoplay = FALSE;
  for (int i = 0; i < n_files; i++)
    {
      SlopeWindow *window = new_window (self);

      slope_window_set_play_after_load (window, autoplay);
      slope_window_open_file (window, files[i]);
    }
  o->autoplay = autoplay;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  const char *developers[] = { _("The Slope developers"), NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  adw_show_about_window (parent,
                         "application-name", _("Slope"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Slope developers"),
                         "comments", _("Watch gradient descent fit a line, live: the points, "
                                       "the line moving toward them and the cost falling, "
                                       "computed exactly as PyTorch computes them."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         "translator-credits", _("translator-credits"),
                         "copyright", _("© 2026 The Slope developers"),
                         NULL);
}

/* Each window is asked to close, so unsaved edits get their question,
 * and a closed window is destroyed, which joins its training thread. */
static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
slope_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  G_APPLICATION_CLASS (slope_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  slope_window_set_accels (GTK_APPLICATION (app));

  /* style.css is loaded by AdwApplication, from the resource base path. */
  gtk_window_set_default_icon_name (APPLICATION_ID);
}

static void
slope_application_class_init (SlopeApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = slope_application_handle_local_options;
  app_class->startup = slope_application_startup;
  app_class->activate = slope_application_activate;
  app_class->open = slope_application_open;
  app_class->add_platform_data = slope_application_add_platform_data;
  app_class->before_emit = slope_application_before_emit;
  app_class->after_emit = slope_application_after_emit;
}

static void
slope_application_init (SlopeApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE.csv|FILE.slope…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
      _("Watch gradient descent fit a line, live."));
}

SlopeApplication *
slope_application_new (void)
{
  return g_object_new (SLOPE_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/slopelab/Slope",
                       NULL);
}
