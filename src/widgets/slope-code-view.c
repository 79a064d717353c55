/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-code-view.c: the training loop as the notebook writes it, in a
 * read-only text view, with the line that ran last lit.
 *
 * Students follow the Korean lesson, so the code is the notebook's code
 * character for character, comments included; turning zero_grad off
 * comments that line out, which is exactly the edit they would make.
 * Colours are translucent or chosen per light/dark style so the lit line
 * stays readable in both.  A line never wraps: in a pane narrower than the
 * code, the code is drawn scaled down to fit (slope-fit.c).  The
 * optimizer's line, which grows with every keyword argument given, is
 * broken between its arguments as Python allows, so that it is no wider
 * than the loop and does not shrink the whole code to fit.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slope-code-view.h"
#include "slope-fit.h"
#include "slope-python-highlight.h"
#include "slope-widget-style.h"

#define BASE_SCALE 1.2
/* Smaller than this, at font scale 1, the pane must make room instead;
 * a larger font scale may shrink further, to the same size of type. */
#define MIN_FIT_SCALE 0.45
#define MIN_FIT(self) (MIN_FIT_SCALE / MAX ((self)->font_scale, 1.0))

static const char *const loop_lines[] = {
  "for epoch in range(1, nb_epochs+1):",
  "  # 예측",
  "  hypothesis = x_train * W + b",
  "",
  "  # 손실 계산",
  "  cost = torch.mean((hypothesis - y_train) ** 2)",
  "",
  "  # 가중치 갱신",
  "  optimizer.zero_grad() # 그레디언트 초기화",
  "  cost.backward() # 역전파 연산 수행",
  "  optimizer.step()",
};

/* The optimizer's line is broken into lines of at most this many
 * characters, its continuations indented by four spaces. */
#define OPTIMIZER_COLUMNS 52

#define LINE_FOR        0
#define LINE_HYPOTHESIS 2
#define LINE_COST       5
#define LINE_ZERO_GRAD  8
#define LINE_BACKWARD   9
#define LINE_STEP       10

static const char zero_grad_off[] = "  # optimizer.zero_grad() # 그레디언트 초기화";

struct _SlopeCodeView
{
  GtkWidget      parent_instance;

  GtkTextView   *text_view;
  GtkTextBuffer *buffer;
  GtkTextTag    *base;
  GtkTextTag    *keyword;
  GtkTextTag    *builtin;
  GtkTextTag    *number;
  GtkTextTag    *comment;
  GtkTextTag    *disabled;
  GtkTextTag    *lit;

  SlopeLine      line;
  gboolean       zero_grad;
  char          *optimizer;       /* "optimizer = optim.SGD(…)" or NULL */
  char         **optimizer_lines; /* the same, broken between arguments */
  double         font_scale;
  int            content_width;   /* -1 until measured */
  int            content_height;
};

G_DEFINE_FINAL_TYPE (SlopeCodeView, slope_code_view, GTK_TYPE_WIDGET)

static int
line_index (SlopeLine line)
{
  switch (line)
    {
    case SLOPE_LINE_PREDICT:
      return LINE_HYPOTHESIS;
    case SLOPE_LINE_COST:
      return LINE_COST;
    case SLOPE_LINE_ZERO_GRAD:
      return LINE_ZERO_GRAD;
    case SLOPE_LINE_BACKWARD:
      return LINE_BACKWARD;
    case SLOPE_LINE_STEP:
      return LINE_STEP;
    case SLOPE_LINE_NONE:
    default:
      /* Between epochs the loop is about to go round again. */
      return LINE_FOR;
    }
}

/* Lines above the loop: the optimizer's and an empty one, when shown. */
static int
loop_offset (SlopeCodeView *self)
{
  return self->optimizer_lines != NULL ? (int) g_strv_length (self->optimizer_lines) + 1 : 0;
}

/* @line broken after the commas between the call's arguments (outside
 * any inner bracket: "[W, b]" and "betas=(0.9, 0.999)" stay whole), each
 * piece as long as fits OPTIMIZER_COLUMNS; a line that fits is kept. */
static char **
break_call (const char *line)
{
  GPtrArray *lines = g_ptr_array_new ();
  const char *start = line, *last_break = NULL;
  int depth = 0;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (*p == '(' || *p == '[')
        depth++;
      else if (*p == ')' || *p == ']')
        depth--;
      /* Characters, not bytes, though the line is ASCII. */
      if (last_break != NULL && g_utf8_strlen (start, p + 1 - start) + (start == line ? 0 : 4)
                                > OPTIMIZER_COLUMNS)
        {
          g_ptr_array_add (lines, g_strdup_printf ("%s%.*s", start == line ? "" : "    ",
                                                   (int) (last_break - start), start));
          start = last_break + 1;
          while (*start == ' ')
            start++;
          last_break = NULL;
        }
      if (*p == ',' && depth == 1)
        last_break = p + 1;
    }
  g_ptr_array_add (lines, g_strdup_printf ("%s%s", start == line ? "" : "    ", start));
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (lines, FALSE);
}

static void
tag_bytes (SlopeCodeView *self,
           GtkTextTag    *tag,
           int            line,
           gsize          start,
           gsize          end)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_line_index (self->buffer, &a, line, (int) start);
  gtk_text_buffer_get_iter_at_line_index (self->buffer, &b, line, (int) end);
  gtk_text_buffer_apply_tag (self->buffer, tag, &a, &b);
}

static void
fill_buffer (SlopeCodeView *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkTextIter start, end;
  int offset = loop_offset (self);

  for (guint i = 0; self->optimizer_lines != NULL && self->optimizer_lines[i] != NULL; i++)
    g_string_append_printf (text, "%s\n", self->optimizer_lines[i]);
  if (self->optimizer_lines != NULL)
    g_string_append_c (text, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (loop_lines); i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, i == LINE_ZERO_GRAD && !self->zero_grad ? zero_grad_off
                                                                       : loop_lines[i]);
    }
  gtk_text_buffer_set_text (self->buffer, text->str, (int) text->len);

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_apply_tag (self->buffer, self->base, &start, &end);
  for (guint i = 0; self->optimizer_lines != NULL && self->optimizer_lines[i] != NULL; i++)
    slope_python_highlight_line (self->buffer, (int) i, self->optimizer_lines[i]);
  for (guint i = 0; i < G_N_ELEMENTS (loop_lines); i++)
    {
      if (i == LINE_ZERO_GRAD && !self->zero_grad)
        tag_bytes (self, self->disabled, (int) i + offset, 2, strlen (zero_grad_off));
      else
        slope_python_highlight_line (self->buffer, (int) i + offset, loop_lines[i]);
    }
}

static void
light_line (SlopeCodeView *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->lit, &start, &end);

  /* The newline too, so the highlight spans the whole width. */
  gtk_text_buffer_get_iter_at_line (self->buffer, &start,
                                    line_index (self->line) + loop_offset (self));
  end = start;
  gtk_text_iter_forward_line (&end);
  gtk_text_buffer_apply_tag (self->buffer, self->lit, &start, &end);
}

static void
set_tag_color (GtkTextTag *tag,
               const char *property,
               const char *spec)
{
  GdkRGBA rgba;

  gdk_rgba_parse (&rgba, spec);
  g_object_set (tag, property, &rgba, NULL);
}

/* GNOME's palette: the darker shades on light, the lighter on dark. */
static void
update_colors (SlopeCodeView *self)
{
  gboolean dark = slope_widget_is_dark (GTK_WIDGET (self));

  set_tag_color (self->keyword, "foreground-rgba", dark ? "#dc8add" : "#813d9c");
  set_tag_color (self->builtin, "foreground-rgba", dark ? "#99c1f1" : "#1a5fb4");
  set_tag_color (self->number, "foreground-rgba", dark ? "#ffbe6f" : "#c64600");
  set_tag_color (self->comment, "foreground-rgba", dark ? "#8ff0a4" : "#26850f");
  set_tag_color (self->disabled, "foreground-rgba",
                 dark ? "rgba(255,255,255,0.38)" : "rgba(0,0,0,0.38)");
  set_tag_color (self->lit, "paragraph-background-rgba",
                 dark ? "rgba(120,174,237,0.30)" : "rgba(53,132,228,0.22)");
}

static void
invalidate_width (SlopeCodeView *self)
{
  self->content_width = -1;
  self->content_height = -1;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* A text view asks for no width of its own, meant as it is for scrolled
 * windows; the code should be seen whole, so ask for its longest line. */
static int
get_content_width (SlopeCodeView *self)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoAttrList) attrs = NULL;
  g_autofree char *text = NULL;
  int width = 0, height = 0, lines;

  if (self->content_width >= 0)
    return self->content_width;

  text = slope_code_view_get_text (self);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->text_view), text);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_scale_new (BASE_SCALE * self->font_scale));
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_get_pixel_size (layout, &width, &height);
  lines = pango_layout_get_line_count (layout);

  self->content_width = width + gtk_text_view_get_left_margin (self->text_view)
                        + gtk_text_view_get_right_margin (self->text_view);
  /* The text view lays its lines out bit by bit after it is shown, and
   * says it needs more height without asking its parent again: the
   * height is known here, from the same text, at once. */
  self->content_height = height + gtk_text_view_get_top_margin (self->text_view)
                         + gtk_text_view_get_bottom_margin (self->text_view)
                         + lines * (gtk_text_view_get_pixels_above_lines (self->text_view)
                                    + gtk_text_view_get_pixels_below_lines (self->text_view));
  return self->content_width;
}

static void
slope_code_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  SlopeCodeView *self = SLOPE_CODE_VIEW (widget);
  int content_width = get_content_width (self);

  slope_fit_measure (GTK_WIDGET (self->text_view), content_width, MIN_FIT (self),
                     orientation, for_size, minimum, natural);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      double scale = for_size >= 0 ? slope_fit_scale (for_size, content_width, MIN_FIT (self))
                                   : MIN_FIT (self);
      int height = (int) ceil (self->content_height * scale);

      *minimum = MAX (*minimum, height);
      *natural = MAX (*natural, for_size >= 0 ? height : self->content_height);
    }
}

static void
slope_code_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  SlopeCodeView *self = SLOPE_CODE_VIEW (widget);

  slope_fit_allocate (GTK_WIDGET (self->text_view), get_content_width (self), MIN_FIT (self),
                      width, height);
}

static void
slope_code_view_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  SlopeCodeView *self = SLOPE_CODE_VIEW (widget);

  GTK_WIDGET_CLASS (slope_code_view_parent_class)->css_changed (widget, change);
  if (self->text_view == NULL)
    return;
  update_colors (self);
  invalidate_width (self);
}

static void
slope_code_view_dispose (GObject *object)
{
  SlopeCodeView *self = SLOPE_CODE_VIEW (object);

  if (self->text_view != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->text_view));
      self->text_view = NULL;
    }
  g_clear_object (&self->buffer);

  G_OBJECT_CLASS (slope_code_view_parent_class)->dispose (object);
}

static void
slope_code_view_finalize (GObject *object)
{
  SlopeCodeView *self = SLOPE_CODE_VIEW (object);

  g_free (self->optimizer);
  g_strfreev (self->optimizer_lines);

  G_OBJECT_CLASS (slope_code_view_parent_class)->finalize (object);
}

static void
slope_code_view_class_init (SlopeCodeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = slope_code_view_dispose;
  object_class->finalize = slope_code_view_finalize;
  widget_class->css_changed = slope_code_view_css_changed;
  widget_class->measure = slope_code_view_measure;
  widget_class->get_request_mode = slope_fit_get_request_mode;
  widget_class->size_allocate = slope_code_view_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "slope-code-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
create_tags (SlopeCodeView *self)
{
  self->base = gtk_text_buffer_create_tag (self->buffer, NULL,
                                           "scale", BASE_SCALE * self->font_scale,
                                           NULL);
  /* Named: slope_python_highlight_line() applies them by name. */
  self->keyword = gtk_text_buffer_create_tag (self->buffer, "keyword",
                                              "weight", PANGO_WEIGHT_BOLD,
                                              NULL);
  self->builtin = gtk_text_buffer_create_tag (self->buffer, "builtin", NULL);
  self->number = gtk_text_buffer_create_tag (self->buffer, "number", NULL);
  self->comment = gtk_text_buffer_create_tag (self->buffer, "comment", NULL);
  self->disabled = gtk_text_buffer_create_tag (self->buffer, NULL, NULL);
  /* Created last, so it wins over the others. */
  self->lit = gtk_text_buffer_create_tag (self->buffer, NULL, NULL);
  update_colors (self);
}

static void
slope_code_view_init (SlopeCodeView *self)
{
  GtkWidget *view;

  self->font_scale = 1.0;
  self->content_width = -1;
  self->content_height = -1;
  self->zero_grad = TRUE;
  self->line = SLOPE_LINE_NONE;
  self->buffer = gtk_text_buffer_new (NULL);
  create_tags (self);

  view = gtk_text_view_new_with_buffer (self->buffer);
  self->text_view = GTK_TEXT_VIEW (view);
  gtk_text_view_set_editable (self->text_view, FALSE);
  gtk_text_view_set_cursor_visible (self->text_view, FALSE);
  gtk_text_view_set_monospace (self->text_view, TRUE);
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_NONE);
  gtk_text_view_set_pixels_above_lines (self->text_view, 2);
  gtk_text_view_set_pixels_below_lines (self->text_view, 2);
  gtk_text_view_set_top_margin (self->text_view, 10);
  gtk_text_view_set_bottom_margin (self->text_view, 10);
  gtk_text_view_set_left_margin (self->text_view, 14);
  gtk_text_view_set_right_margin (self->text_view, 14);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Training loop"),
                                  -1);
  gtk_widget_set_parent (view, GTK_WIDGET (self));

  fill_buffer (self);
  light_line (self);
}

GtkWidget *
slope_code_view_new (void)
{
  return g_object_new (SLOPE_TYPE_CODE_VIEW, NULL);
}

/**
 * slope_code_view_set_line:
 * @line: the last line the trainer ran; NONE lights the `for` line
 * @zero_grad: whether optimizer.zero_grad() runs; off comments it out
 */
void
slope_code_view_set_line (SlopeCodeView *self,
                          SlopeLine      line,
                          gboolean       zero_grad)
{
  g_return_if_fail (SLOPE_IS_CODE_VIEW (self));

  zero_grad = !!zero_grad;
  if (self->line == line && self->zero_grad == zero_grad)
    return;

  self->line = line;
  if (self->zero_grad != zero_grad)
    {
      self->zero_grad = zero_grad;
      fill_buffer (self);
      invalidate_width (self);
    }
  light_line (self);
}

/**
 * slope_code_view_set_optimizer:
 * @line: (nullable): the line that builds the optimizer, e.g.
 *   "optimizer = optim.Adam([W, b], lr=0.1)", shown above the loop; %NULL
 *   shows the loop alone
 */
void
slope_code_view_set_optimizer (SlopeCodeView *self,
                               const char    *line)
{
  g_return_if_fail (SLOPE_IS_CODE_VIEW (self));

  if (g_strcmp0 (self->optimizer, line) == 0)
    return;
  g_free (self->optimizer);
  self->optimizer = g_strdup (line);
  g_clear_pointer (&self->optimizer_lines, g_strfreev);
  if (line != NULL)
    self->optimizer_lines = break_call (line);
  fill_buffer (self);
  invalidate_width (self);
  light_line (self);
}

/* Larger for a projector; 1 is the normal size. */
void
slope_code_view_set_font_scale (SlopeCodeView *self,
                                double         scale)
{
  g_return_if_fail (SLOPE_IS_CODE_VIEW (self));
  g_return_if_fail (scale > 0.0);

  self->font_scale = scale;
  g_object_set (self->base, "scale", BASE_SCALE * scale, NULL);
  invalidate_width (self);
}

/* The 0-based line of the shown text that is lit, read back from the
 * buffer itself; -1 when none is. */
int
slope_code_view_get_lit_line (SlopeCodeView *self)
{
  GtkTextIter iter;

  g_return_val_if_fail (SLOPE_IS_CODE_VIEW (self), -1);

  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  if (!gtk_text_iter_has_tag (&iter, self->lit)
      && !gtk_text_iter_forward_to_tag_toggle (&iter, self->lit))
    return -1;

  return gtk_text_iter_get_line (&iter);
}

char *
slope_code_view_get_text (SlopeCodeView *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (SLOPE_IS_CODE_VIEW (self), NULL);

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  return gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
}
