/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: starts Slope. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "slope-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SlopeApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* SLOPE_LOCALEDIR: the build tree's translations, for running uninstalled and for tests */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SLOPE_LOCALEDIR") != NULL ? g_getenv ("SLOPE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Slope"));
  app = slope_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
