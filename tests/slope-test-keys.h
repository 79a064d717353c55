/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-test-keys.h: pressing real keys, turning the wheel and dragging in
 * tests, through the X server. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void slope_test_keys_focus_window (GtkWindow       *window);
void slope_test_keys_press        (GtkWindow       *window,
                                   guint            keyval,
                                   GdkModifierType  state);
void slope_test_keys_press_until  (GtkWindow       *window,
                                   guint            keyval,
                                   GdkModifierType  state,
                                   gboolean       (*done) (gpointer data),
                                   gpointer         data);
void slope_test_keys_move_pointer (GtkWindow       *window,
                                   GtkWidget       *widget,
                                   double           x,
                                   double           y);
void slope_test_keys_scroll       (GtkWindow       *window,
                                   GtkWidget       *widget,
                                   double           x,
                                   double           y,
                                   int              notches);
void slope_test_keys_drag         (GtkWindow       *window,
                                   GtkWidget       *widget,
                                   guint            button,
                                   double           x0,
                                   double           y0,
                                   double           x1,
                                   double           y1);
void slope_test_keys_click        (GtkWindow       *window,
                                   GtkWidget       *widget,
                                   double           x,
                                   double           y,
                                   guint            button);

G_END_DECLS
