/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-window-readout.c: the numbers that change with every epoch.
 *
 * A GtkLabel whose text changes asks for a new layout of the whole
 * window, and on X11 that costs a round trip to the server for the work
 * area, every frame, while training plays.  A GtkInscription is given its
 * size (a number of characters) and only repaints when its text changes,
 * so the readouts, the distance to the least-squares line and the
 * compared runs' numbers cost a repaint of their own rectangle and
 * nothing more.  Numbers read left to right in a right-to-left layout too.
 */
#include "config.h"

#include "slope-window-private.h"

/**
 * slope_window_readout_new:
 * @min_chars: the width it keeps, in characters (0: as wide as it is given)
 *
 * Returns: a right-aligned, one-line, left-to-right number display
 */
GtkWidget *
slope_window_readout_new (guint min_chars)
{
  GtkWidget *readout = gtk_inscription_new ("—");

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (readout), min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (readout), min_chars);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (readout), 1.0);
  gtk_inscription_set_wrap_mode (GTK_INSCRIPTION (readout), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_direction (readout, GTK_TEXT_DIR_LTR);
  gtk_accessible_update_property (GTK_ACCESSIBLE (readout),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "—", -1);
  return readout;
}

/**
 * slope_window_readout_set_text:
 *
 * Shows @text, and tells a screen reader, only when it differs from what
 * is shown: an unchanged number costs nothing.
 *
 * Returns: whether the text changed
 */
gboolean
slope_window_readout_set_text (GtkWidget  *readout,
                               const char *text)
{
  GtkInscription *inscription = GTK_INSCRIPTION (readout);

  if (g_strcmp0 (gtk_inscription_get_text (inscription), text) == 0)
    return FALSE;
  gtk_inscription_set_text (inscription, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (readout),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  return TRUE;
}

/**
 * slope_window_label_set_text:
 *
 * Sets a label's text only when it differs: a GtkLabel relays out the
 * window on every new text, even the same one.
 */
void
slope_window_label_set_text (GtkLabel   *label,
                             const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (label), text) != 0)
    gtk_label_set_text (label, text);
}
