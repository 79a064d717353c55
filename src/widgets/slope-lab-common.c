/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-lab-common.c: the pieces the accumulation lab and the autograd lab
 * share.
 *
 * The labs sit next to a notebook the students have open, so every number
 * the notebook would print is printed exactly as Python prints it ("2.0",
 * "3.75", "1e-05"), and code is shown in the same highlighted monospace
 * block as the training loop.  Their text is sized in em under one root
 * font size, so scaling for a projector is one CSS rule on the lab itself.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "slope-lab-common.h"
#include "slope-python-highlight.h"
#include "slope-widget-style.h"

/* The code a little larger than the prose around it: it is what the
 * students compare with their own screens. */
#define CODE_SCALE 1.15

static const char lab_css[] =
  /* Readable from the back of a classroom before any projector scaling. */
  ".slope-lab { padding: 18px 24px; font-size: 1.2em; }\n"
  ".slope-lab .lab-heading { font-weight: bold; font-size: 1.4em; }\n"
  ".slope-lab .lab-caption { opacity: 0.75; }\n"
  ".slope-lab .lab-explanation { padding: 2px 0 2px 14px;"
  " border-left: 4px solid alpha(#0072b2, 0.7); }\n"
  ".slope-lab .lab-code { border: 1px solid alpha(currentColor, 0.18);"
  " border-radius: 8px; }\n"
  ".slope-lab .lab-code text { background-color: alpha(currentColor, 0.035); }\n"
  ".slope-lab .lab-readout { font-family: monospace; font-weight: bold;"
  " font-size: 1.9em; }\n"
  ".slope-lab .lab-output { font-family: monospace; font-size: 1.1em; }\n"
  ".slope-lab .lab-output-number { font-family: monospace; opacity: 0.55; }\n"
  ".slope-lab .lab-output-list { border: 1px solid alpha(currentColor, 0.18);"
  " border-radius: 8px; }\n"
  ".slope-lab .lab-output-list row { padding: 3px 12px; }\n"
  ".slope-lab .lab-graph { border: 1px solid alpha(currentColor, 0.18);"
  " border-radius: 8px; }\n"
  ".slope-lab button { padding: 6px 14px; }\n"
  ".slope-lab button.lab-code-button { font-family: monospace; font-weight: bold; }\n"
  ".slope-lab dropdown.lab-code-button { font-family: monospace; }\n";

/* Python's repr of a float: the shortest digits that read back as the
 * same double, fixed notation from 1e-4 up to 1e16, always with a decimal
 * point, scientific outside with at least two exponent digits. */
void
slope_lab_format_float (char   *buf,
                        gsize   size,
                        double  value)
{
  g_autoptr(GString) out = g_string_new (NULL);
  char sci[G_ASCII_DTOSTR_BUF_SIZE];
  char digits[32];
  gsize n = 0;
  int exponent;

  if (isnan (value) || isinf (value))
    {
      g_strlcpy (buf, isnan (value) ? "nan" : value > 0 ? "inf" : "-inf", size);
      return;
    }
  if (value == 0.0)
    {
      g_strlcpy (buf, signbit (value) ? "-0.0" : "0.0", size);
      return;
    }

  for (int precision = 0; precision <= 16; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%de", precision);
      g_ascii_formatd (sci, sizeof sci, format, value);
      if (g_ascii_strtod (sci, NULL) == value)
        break;
    }

  /* sci is "-d.ddde±xx": keep the digits, then read the exponent. */
  for (const char *p = sci; *p != 'e'; p++)
    if (g_ascii_isdigit (*p) && n < sizeof digits - 1)
      digits[n++] = *p;
  while (n > 1 && digits[n - 1] == '0')
    n--;
  digits[n] = '\0';
  exponent = atoi (strchr (sci, 'e') + 1);

  if (value < 0)
    g_string_append_c (out, '-');
  if (exponent >= 16 || exponent < -4)
    {
      g_string_append_c (out, digits[0]);
      if (n > 1)
        g_string_append_printf (out, ".%s", digits + 1);
      g_string_append_printf (out, "e%c%02d", exponent < 0 ? '-' : '+', abs (exponent));
    }
  else if (exponent < 0)
    {
      g_string_append (out, "0.");
      for (int i = -1; i > exponent; i--)
        g_string_append_c (out, '0');
      g_string_append (out, digits);
    }
  else
    {
      for (int i = 0; i <= exponent; i++)
        g_string_append_c (out, (gsize) i < n ? digits[i] : '0');
      g_string_append_c (out, '.');
      g_string_append (out, (gsize) exponent + 1 < n ? digits + exponent + 1 : "0");
    }

  g_strlcpy (buf, out->str, size);
}

/* Once per display, below the application's own stylesheet so that the
 * lead's style.css can still override any of it. */
void
slope_lab_ensure_style (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "slope-lab-css") != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, lab_css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION - 1);
  g_object_set_data_full (G_OBJECT (display), "slope-lab-css",
                          g_steal_pointer (&provider), g_object_unref);
}

/* Font size inherits in CSS and the labs size everything in em, so one
 * rule on the lab's own node scales all its text, popovers included. */
void
slope_lab_set_font_scale (GtkWidget       *lab,
                          GtkCssProvider **provider,
                          double           scale)
{
  char percent[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *css = NULL;

  g_return_if_fail (GTK_IS_WIDGET (lab));
  g_return_if_fail (scale > 0.0);

  if (*provider == NULL)
    {
      *provider = gtk_css_provider_new ();
      gtk_style_context_add_provider (gtk_widget_get_style_context (lab),
                                      GTK_STYLE_PROVIDER (*provider),
                                      GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
    }
  g_ascii_formatd (percent, sizeof percent, "%.1f", 100.0 * scale);
  css = g_strdup_printf ("* { font-size: %s%%; }", percent);
  gtk_css_provider_load_from_data (*provider, css, -1);
}

GtkWidget *
slope_lab_heading_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "lab-heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  return label;
}

/* ---- The code block -------------------------------------------------- */

struct _SlopeLabCode
{
  GtkWidget    parent_instance;

  GtkTextView *view;
};

G_DEFINE_FINAL_TYPE (SlopeLabCode, slope_lab_code, GTK_TYPE_WIDGET)

static void
set_tag_color (GtkTextBuffer *buffer,
               const char    *tag,
               const char    *property,
               const char    *spec)
{
  GtkTextTag *t = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag);
  GdkRGBA rgba;

  gdk_rgba_parse (&rgba, spec);
  g_object_set (t, property, &rgba, NULL);
}

/* The training loop's colours (slope-code-view.c), so the labs read as
 * the same notebook: GNOME's darker shades on light, lighter on dark. */
static void
update_colors (SlopeLabCode *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
  gboolean dark = slope_widget_is_dark (GTK_WIDGET (self));

  set_tag_color (buffer, "keyword", "foreground-rgba", dark ? "#dc8add" : "#813d9c");
  set_tag_color (buffer, "builtin", "foreground-rgba", dark ? "#99c1f1" : "#1a5fb4");
  set_tag_color (buffer, "number", "foreground-rgba", dark ? "#ffbe6f" : "#c64600");
  set_tag_color (buffer, "string", "foreground-rgba", dark ? "#8ff0a4" : "#26850f");
  set_tag_color (buffer, "lit", "paragraph-background-rgba",
                 dark ? "rgba(120,174,237,0.30)" : "rgba(53,132,228,0.22)");
}

/* Measured here, at layout time, with the text view's own font: by then
 * its style (and the lab's font scale) is resolved. */
static void
slope_lab_code_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  SlopeLabCode *self = SLOPE_LAB_CODE (widget);
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  PangoAttrList *attrs;
  int width;

  gtk_widget_measure (GTK_WIDGET (self->view), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
  if (orientation != GTK_ORIENTATION_HORIZONTAL)
    return;

  text = slope_lab_code_get_text (self);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->view), text);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_scale_new (CODE_SCALE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (layout, &width, NULL);

  /* The view's own measure is its margins and border. */
  *minimum += width;
  *natural += width;
}

static void
slope_lab_code_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  SlopeLabCode *self = SLOPE_LAB_CODE (widget);

  gtk_widget_allocate (GTK_WIDGET (self->view), width, height, baseline, NULL);
}

static void
slope_lab_code_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (slope_lab_code_parent_class)->css_changed (widget, change);
  update_colors (SLOPE_LAB_CODE (widget));
}

static void
slope_lab_code_dispose (GObject *object)
{
  SlopeLabCode *self = SLOPE_LAB_CODE (object);

  if (self->view != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->view));
      self->view = NULL;
    }

  G_OBJECT_CLASS (slope_lab_code_parent_class)->dispose (object);
}

static void
slope_lab_code_class_init (SlopeLabCodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = slope_lab_code_dispose;
  widget_class->measure = slope_lab_code_measure;
  widget_class->size_allocate = slope_lab_code_size_allocate;
  widget_class->css_changed = slope_lab_code_css_changed;

  gtk_widget_class_set_css_name (widget_class, "slope-lab-code");
}

/* A read-only text view rather than a label: the lit line's background
 * then spans the whole width, and screen readers can move through the
 * code line by line. */
static void
slope_lab_code_init (SlopeLabCode *self)
{
  GtkWidget *widget = gtk_text_view_new ();
  GtkTextBuffer *buffer;

  self->view = GTK_TEXT_VIEW (widget);
  buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_view_set_editable (self->view, FALSE);
  gtk_text_view_set_cursor_visible (self->view, FALSE);
  gtk_text_view_set_monospace (self->view, TRUE);
  gtk_text_view_set_wrap_mode (self->view, GTK_WRAP_NONE);
  gtk_text_view_set_pixels_above_lines (self->view, 3);
  gtk_text_view_set_pixels_below_lines (self->view, 3);
  gtk_text_view_set_top_margin (self->view, 12);
  gtk_text_view_set_bottom_margin (self->view, 12);
  gtk_text_view_set_left_margin (self->view, 16);
  gtk_text_view_set_right_margin (self->view, 16);
  gtk_widget_add_css_class (widget, "lab-code");
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_parent (widget, GTK_WIDGET (self));

  gtk_text_buffer_create_tag (buffer, "base", "scale", CODE_SCALE, NULL);
  gtk_text_buffer_create_tag (buffer, "keyword", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "builtin", NULL);
  gtk_text_buffer_create_tag (buffer, "number", NULL);
  gtk_text_buffer_create_tag (buffer, "string", NULL);
  /* Created last, so its background wins. */
  gtk_text_buffer_create_tag (buffer, "lit", NULL);
  update_colors (self);
}

/* @accessible_label: what screen readers call the code, e.g. "The
 * notebook's code" */
GtkWidget *
slope_lab_code_new (const char *accessible_label)
{
  SlopeLabCode *self = g_object_new (SLOPE_TYPE_LAB_CODE, NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  return GTK_WIDGET (self);
}

/* @lit_line: 0-based, or SLOPE_LAB_NO_LINE */
void
slope_lab_code_set (SlopeLabCode *self,
                    const char   *code,
                    int           lit_line)
{
  GtkTextBuffer *buffer;
  g_auto(GStrv) lines = NULL;
  GtkTextIter start, end;

  g_return_if_fail (SLOPE_IS_LAB_CODE (self));
  g_return_if_fail (code != NULL);

  buffer = gtk_text_view_get_buffer (self->view);
  lines = g_strsplit (code, "\n", -1);
  gtk_text_buffer_set_text (buffer, code, -1);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_apply_tag_by_name (buffer, "base", &start, &end);
  for (guint i = 0; lines[i] != NULL; i++)
    slope_python_highlight_line (buffer, (int) i, lines[i]);

  if (lit_line >= 0 && lit_line < gtk_text_buffer_get_line_count (buffer))
    {
      /* The newline too, so the highlight spans the whole width. */
      gtk_text_buffer_get_iter_at_line (buffer, &start, lit_line);
      end = start;
      gtk_text_iter_forward_line (&end);
      gtk_text_buffer_apply_tag_by_name (buffer, "lit", &start, &end);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Returns: (transfer full): the code shown */
char *
slope_lab_code_get_text (SlopeLabCode *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (SLOPE_IS_LAB_CODE (self), NULL);

  buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* ---- Buttons --------------------------------------------------------- */

/**
 * slope_lab_button_new:
 * @label: what the button says; Python code when @is_code, else a
 *   translated string with a mnemonic
 * @description: for the tooltip and screen readers: what pressing does
 *
 * Returns: (transfer floating): a button activating @action_name
 */
GtkWidget *
slope_lab_button_new (const char *label,
                      const char *action_name,
                      const char *description,
                      gboolean    is_code)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  /* Code such as w.grad.zero_() must not lose its underscore. */
  gtk_button_set_use_underline (GTK_BUTTON (button), !is_code);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_tooltip_text (button, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  if (is_code)
    gtk_widget_add_css_class (button, "lab-code-button");

  return button;
}
