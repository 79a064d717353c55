/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-math-view.c: the math panel, a selectable markup label laid out as
 * a table with tab stops.
 *
 * The text comes from slope-math-text.c, one row per line and one cell per
 * tab.  The tab stops are measured from the cells and only ever widen
 * until the training starts over, so the columns stand still while the
 * numbers change sixty times a second.  A row never wraps inside a
 * formula: in a pane narrower than the table the rows are stacked (the
 * numbers under the formula, the note under them); narrower still, the
 * value goes under the numbers too, so the table keeps one column of
 * text beside the names and is drawn as large as it can be; and if that
 * is still too wide it is drawn scaled down to fit (slope-fit.c).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slope-dataset.h"
#include "slope-fit.h"
#include "slope-math-text.h"
#include "slope-math-view.h"

/* Readable from the back of a classroom even before presentation mode. */
#define BASE_SCALE   1.2
/* Cells per row (name, formula, numbers, value, note): four tab stops. */
#define N_STOPS      4
/* Room between rows, so subscripts do not touch the line below, and more
 * above each heading to set the sections apart. */
#define ROW_HEIGHT      1.2
#define HEADING_HEIGHT  1.9
#define MAX_REMEMBERED_CELLS 512
/* Smaller than this, at font scale 1, the pane must make room instead;
 * a larger font scale may shrink further, to the same size of type. */
#define MIN_FIT_SCALE 0.45
#define MIN_FIT(self) (MIN_FIT_SCALE / MAX ((self)->font_scale, 1.0))

/* One way of setting the table: a label, its text and its columns. */
typedef struct
{
  GtkLabel     *label;
  char         *markup;
  char         *plain;
  int           column_width[N_STOPS];
} Table;

struct _SlopeMathView
{
  GtkWidget     parent_instance;

  /* Each row on one line; and stacked for a narrow pane, the numbers
   * under the formula and the note under the value. */
  Table         wide;
  Table         stacked;
  Table         narrow;       /* stacked, the value under the numbers too */
  char         *markup;
  char         *plain;
  double        font_scale;
  SlopeDataset *dataset;
  GHashTable   *cell_widths;     /* cell markup → width in pixels */
};

G_DEFINE_FINAL_TYPE (SlopeMathView, slope_math_view, GTK_TYPE_WIDGET)

/* The theme's font size times ours.  A size rather than a scale, since the
 * label's attributes replace the markup's of the same kind and the title's
 * "x-large" is a scale. */
static PangoAttribute *
size_attribute (SlopeMathView *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *desc = pango_context_get_font_description (context);
  double factor = BASE_SCALE * self->font_scale;
  int size = desc != NULL ? pango_font_description_get_size (desc) : 0;

  if (size <= 0)
    return pango_attr_size_new ((int) (11 * PANGO_SCALE * factor));
  if (pango_font_description_get_size_is_absolute (desc))
    return pango_attr_size_new_absolute ((int) (size * factor));
  return pango_attr_size_new ((int) (size * factor));
}

/* The label's attributes over the markup's: the size for everyone, and
 * the line heights, which go by row (headings are the rows with no tab). */
static PangoAttrList *
label_attributes (SlopeMathView *self,
                  Table         *table)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  const char *row = table->plain;

  pango_attr_list_insert (attrs, size_attribute (self));

  for (guint r = 0; row != NULL && *row != '\0'; r++)
    {
      const char *end = strchr (row, '\n');
      gsize len = end != NULL ? (gsize) (end - row) : strlen (row);
      gboolean heading = r > 0 && memchr (row, '\t', len) == NULL;
      PangoAttribute *height = pango_attr_line_height_new (heading ? HEADING_HEIGHT
                                                                    : ROW_HEIGHT);

      height->start_index = (guint) (row - table->plain);
      height->end_index = height->start_index + (guint) len;
      pango_attr_list_insert (attrs, height);
      row = end != NULL ? end + 1 : row + len;
    }

  return attrs;
}

static void
update_table_attributes (SlopeMathView *self,
                         Table         *table)
{
  g_autoptr(PangoAttrList) attrs = label_attributes (self, table);

  gtk_label_set_attributes (table->label, attrs);
}

static void
update_attributes (SlopeMathView *self)
{
  update_table_attributes (self, &self->wide);
  update_table_attributes (self, &self->stacked);
  update_table_attributes (self, &self->narrow);
}

/* Measures @cell as the label would draw it.  Most cells (names,
 * formulas) are the same every frame, so widths are remembered. */
static int
cell_width (SlopeMathView  *self,
            PangoLayout   **layout,
            const char     *cell)
{
  g_autoptr(PangoAttrList) attrs = NULL;
  gpointer known;
  int width = 0;

  if (g_hash_table_lookup_extended (self->cell_widths, cell, NULL, &known))
    return GPOINTER_TO_INT (known);

  if (*layout == NULL)
    *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  pango_layout_set_markup (*layout, cell, -1);
  attrs = pango_attr_list_copy (pango_layout_get_attributes (*layout));
  if (attrs == NULL)
    attrs = pango_attr_list_new ();
  pango_attr_list_insert_before (attrs, size_attribute (self));
  pango_layout_set_attributes (*layout, attrs);
  pango_layout_get_pixel_size (*layout, &width, NULL);

  /* Playing makes new numbers every frame; keep the memory bounded. */
  if (g_hash_table_size (self->cell_widths) >= MAX_REMEMBERED_CELLS)
    g_hash_table_remove_all (self->cell_widths);
  g_hash_table_insert (self->cell_widths, g_strdup (cell), GINT_TO_POINTER (width));

  return width;
}

static void
update_table_tabs (SlopeMathView *self,
                   Table         *table)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoTabArray) tabs = NULL;
  g_auto(GStrv) rows = NULL;
  int x = 0, gap;

  if (table->markup == NULL)
    return;

  gap = cell_width (self, &layout, "MM");

  /* Headings have no tabs and must not widen the first column. */
  rows = g_strsplit (table->markup, "\n", -1);
  for (guint r = 0; rows[r] != NULL; r++)
    {
      g_auto(GStrv) cells = g_strsplit (rows[r], "\t", N_STOPS + 1);

      for (guint c = 0; c < N_STOPS && cells[c] != NULL && cells[c + 1] != NULL; c++)
        table->column_width[c] = MAX (table->column_width[c], cell_width (self, &layout, cells[c]));
    }

  tabs = pango_tab_array_new (N_STOPS, TRUE);
  for (guint c = 0; c < N_STOPS; c++)
    {
      x += table->column_width[c] + gap;
      pango_tab_array_set_tab (tabs, (int) c, PANGO_TAB_LEFT, x);
    }
  gtk_label_set_tabs (table->label, tabs);
}

static void
update_tabs (SlopeMathView *self)
{
  update_table_tabs (self, &self->wide);
  update_table_tabs (self, &self->stacked);
  update_table_tabs (self, &self->narrow);
}

/* A row of up to five cells (name, formula, numbers, value, note) as up to
 * three lines: name and formula; numbers and value under the formula; the
 * note under the numbers.  @narrow puts the value on a line of its own
 * under the numbers, so that all but the names is one column.  Markup and
 * plain text go through the same split, and every cell is well-formed
 * markup on its own. */
static char *
stack_rows (const char *text,
            gboolean    narrow)
{
  g_auto(GStrv) rows = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint r = 0; rows[r] != NULL; r++)
    {
      g_auto(GStrv) cells = g_strsplit (rows[r], "\t", N_STOPS + 1);
      guint n = g_strv_length (cells);

      if (r > 0)
        g_string_append_c (out, '\n');
      if (n <= 2)
        {
          g_string_append (out, rows[r]);
          continue;
        }
      /* A row of three cells ("and 35 more points") has no value cell. */
      g_string_append_printf (out, "%s\t%s", cells[0], cells[1]);
      /* Narrow, a row without numbers (the cost's) has no line for them:
       * an empty cell is empty in the markup and the plain text alike. */
      if (!narrow || n <= 3 || cells[2][0] != '\0')
        g_string_append_printf (out, "\n\t%s", cells[2]);
      if (n > 3)
        g_string_append_printf (out, narrow ? "\n\t%s" : "\t%s", cells[3]);
      if (n > 4)
        g_string_append_printf (out, "\n\t%s", cells[4]);
    }
  return g_string_free (out, FALSE);
}

static void
set_table_text (SlopeMathView *self,
                Table         *table,
                char          *markup,
                char          *plain)
{
  g_free (table->markup);
  table->markup = markup;
  g_free (table->plain);
  table->plain = plain;
  gtk_label_set_markup (table->label, table->markup);
  update_table_attributes (self, table);
  update_table_tabs (self, table);
}

/* The columns may shrink again: new data, a reset, another font. */
static void
forget_columns (SlopeMathView *self)
{
  memset (self->wide.column_width, 0, sizeof self->wide.column_width);
  memset (self->stacked.column_width, 0, sizeof self->stacked.column_width);
  memset (self->narrow.column_width, 0, sizeof self->narrow.column_width);
  g_hash_table_remove_all (self->cell_widths);
}

static void
slope_math_view_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  SlopeMathView *self = SLOPE_MATH_VIEW (widget);

  GTK_WIDGET_CLASS (slope_math_view_parent_class)->css_changed (widget, change);
  if (self->wide.label == NULL)
    return;
  forget_columns (self);
  update_attributes (self);
  update_tabs (self);
}

static int
natural_width (Table *table)
{
  int natural = 0;

  gtk_widget_measure (GTK_WIDGET (table->label), GTK_ORIENTATION_HORIZONTAL, -1,
                      NULL, &natural, NULL, NULL);
  return natural;
}

/* The wide table when it fits, else the stacked one when it fits, else
 * the narrowest, which is shrunk least (if at all). */
static Table *
table_for_width (SlopeMathView *self,
                 int            width)
{
  int stacked;

  if (width < 0 || width >= natural_width (&self->wide))
    return &self->wide;
  stacked = natural_width (&self->stacked);
  if (width >= stacked || stacked <= natural_width (&self->narrow))
    return &self->stacked;
  return &self->narrow;
}

static void
slope_math_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  SlopeMathView *self = SLOPE_MATH_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int stacked_min = 0, stacked_nat = 0, narrow_min = 0, narrow_nat = 0;

      slope_fit_measure (GTK_WIDGET (self->wide.label), natural_width (&self->wide), 1.0,
                         orientation, for_size, minimum, natural);
      slope_fit_measure (GTK_WIDGET (self->stacked.label), natural_width (&self->stacked),
                         MIN_FIT (self), orientation, for_size, &stacked_min, &stacked_nat);
      slope_fit_measure (GTK_WIDGET (self->narrow.label), natural_width (&self->narrow),
                         MIN_FIT (self), orientation, for_size, &narrow_min, &narrow_nat);
      *minimum = MIN (*minimum, MIN (stacked_min, narrow_min));
    }
  else
    {
      Table *table = table_for_width (self, for_size);

      slope_fit_measure (GTK_WIDGET (table->label), natural_width (table), MIN_FIT (self),
                         orientation, for_size, minimum, natural);
    }
}

static void
slope_math_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  SlopeMathView *self = SLOPE_MATH_VIEW (widget);
  Table *table = table_for_width (self, width);
  Table *all[] = { &self->wide, &self->stacked, &self->narrow };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    gtk_widget_set_child_visible (GTK_WIDGET (all[i]->label), all[i] == table);
  slope_fit_allocate (GTK_WIDGET (table->label), natural_width (table), MIN_FIT (self),
                      width, height);
}

static void
table_clear (Table *table)
{
  if (table->label != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (table->label));
      table->label = NULL;
    }
  g_clear_pointer (&table->markup, g_free);
  g_clear_pointer (&table->plain, g_free);
}

static void
table_init (Table         *table,
            SlopeMathView *self)
{
  table->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_selectable (table->label, TRUE);
  gtk_label_set_xalign (table->label, 0.0);
  gtk_label_set_yalign (table->label, 0.0);
  gtk_widget_set_valign (GTK_WIDGET (table->label), GTK_ALIGN_START);
  gtk_widget_set_halign (GTK_WIDGET (table->label), GTK_ALIGN_START);
  gtk_widget_set_margin_start (GTK_WIDGET (table->label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (table->label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (table->label), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (table->label), 8);
  gtk_widget_set_parent (GTK_WIDGET (table->label), GTK_WIDGET (self));
}

static void
slope_math_view_dispose (GObject *object)
{
  SlopeMathView *self = SLOPE_MATH_VIEW (object);

  table_clear (&self->wide);
  table_clear (&self->stacked);
  table_clear (&self->narrow);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (slope_math_view_parent_class)->dispose (object);
}

static void
slope_math_view_finalize (GObject *object)
{
  SlopeMathView *self = SLOPE_MATH_VIEW (object);

  g_clear_pointer (&self->markup, g_free);
  g_clear_pointer (&self->plain, g_free);
  g_clear_pointer (&self->cell_widths, g_hash_table_unref);

  G_OBJECT_CLASS (slope_math_view_parent_class)->finalize (object);
}

static void
slope_math_view_class_init (SlopeMathViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = slope_math_view_dispose;
  object_class->finalize = slope_math_view_finalize;
  widget_class->css_changed = slope_math_view_css_changed;
  widget_class->measure = slope_math_view_measure;
  widget_class->get_request_mode = slope_fit_get_request_mode;
  widget_class->size_allocate = slope_math_view_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "slope-math-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
slope_math_view_init (SlopeMathView *self)
{
  self->font_scale = 1.0;
  self->cell_widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  table_init (&self->wide, self);
  table_init (&self->stacked, self);
  table_init (&self->narrow, self);
  gtk_widget_set_child_visible (GTK_WIDGET (self->stacked.label), FALSE);
  gtk_widget_set_child_visible (GTK_WIDGET (self->narrow.label), FALSE);
  update_attributes (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The current epoch, step by step"),
                                  -1);
}

GtkWidget *
slope_math_view_new (void)
{
  return g_object_new (SLOPE_TYPE_MATH_VIEW, NULL);
}

/**
 * slope_math_view_update:
 * @w_before: W the epoch's hypotheses used: mid-epoch @state->w, between
 *   epochs the last SlopeEpochRecord's w_before
 * @b_before: likewise for b
 * @dataset: the points trained on (the scaled ones when @scaling is on)
 * @scaling: (nullable): how the data was scaled, see slope_math_text_build()
 *
 * Cheap when nothing changed, so it can be called every frame.
 */
void
slope_math_view_update (SlopeMathView           *self,
                        const SlopeTrainerState *state,
                        double                   w_before,
                        double                   b_before,
                        SlopeDataset            *dataset,
                        const SlopeScaling      *scaling)
{
  g_autofree char *markup = NULL;
  g_autofree char *plain = NULL;
  gboolean restart;

  g_return_if_fail (SLOPE_IS_MATH_VIEW (self));
  g_return_if_fail (state != NULL);

  restart = dataset != self->dataset || (state->epoch == 0 && state->line == SLOPE_LINE_NONE);
  if (restart)
    {
      g_set_object (&self->dataset, dataset);
      forget_columns (self);
    }

  slope_math_text_build (state, w_before, b_before, dataset, scaling, SLOPE_MATH_DEFAULT_MAX_POINTS,
                         &markup, &plain);
  if (!restart && g_strcmp0 (markup, self->markup) == 0)
    return;

  g_free (self->markup);
  self->markup = g_steal_pointer (&markup);
  g_free (self->plain);
  self->plain = g_steal_pointer (&plain);

  set_table_text (self, &self->wide, g_strdup (self->markup), g_strdup (self->plain));
  set_table_text (self, &self->stacked, stack_rows (self->markup, FALSE), stack_rows (self->plain, FALSE));
  set_table_text (self, &self->narrow, stack_rows (self->markup, TRUE), stack_rows (self->plain, TRUE));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->plain,
                                  -1);
}

/* Larger for a projector; 1 is the normal size. */
void
slope_math_view_set_font_scale (SlopeMathView *self,
                                double         scale)
{
  g_return_if_fail (SLOPE_IS_MATH_VIEW (self));
  g_return_if_fail (scale > 0.0);

  if (self->font_scale == scale)
    return;
  self->font_scale = scale;
  update_attributes (self);
  forget_columns (self);
  update_tabs (self);
}

double
slope_math_view_get_font_scale (SlopeMathView *self)
{
  g_return_val_if_fail (SLOPE_IS_MATH_VIEW (self), 1.0);

  return self->font_scale;
}

/* How much the table is shrunk to fit the width it has: 1 when it fits. */
double
slope_math_view_get_fit_scale (SlopeMathView *self)
{
  int width;
  Table *table;

  g_return_val_if_fail (SLOPE_IS_MATH_VIEW (self), 1.0);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  table = table_for_width (self, width);
  return slope_fit_scale (width, natural_width (table), MIN_FIT (self));
}

/* Whether the rows are stacked, for a narrow pane. */
gboolean
slope_math_view_get_stacked (SlopeMathView *self)
{
  g_return_val_if_fail (SLOPE_IS_MATH_VIEW (self), FALSE);

  return gtk_widget_get_child_visible (GTK_WIDGET (self->stacked.label))
         || gtk_widget_get_child_visible (GTK_WIDGET (self->narrow.label));
}

/* What is shown, without markup; NULL before the first update. */
const char *
slope_math_view_get_text (SlopeMathView *self)
{
  g_return_val_if_fail (SLOPE_IS_MATH_VIEW (self), NULL);

  return self->plain;
}
