/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-column-dialog.c: the column picker.
 *
 * A file of heights, weights and ages, or one whose columns the reader
 * cannot sort out, should not be fitted on a guess the person never sees.
 * The dialog shows the start of the file as a table, with the chosen x and
 * y columns lit and the columns that do not hold numbers dimmed, and
 * reports the choice through ::columns-chosen; the window does the loading.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "slope-column-dialog.h"

/* Wider files still list every column in the drop-downs. */
#define MAX_TABLE_COLUMNS 60
/* Grid rows above the data: the names, then each column's role. */
#define TABLE_HEADER_ROWS 2

struct _SlopeColumnDialog
{
  GtkWindow        parent_instance;

  /* Template widgets */
  GtkLabel        *file_label;
  GtkLabel        *format_label;
  GtkDropDown     *x_dropdown;
  GtkDropDown     *y_dropdown;
  GtkGrid         *preview_grid;
  GtkLabel        *rows_label;
  GtkWidget       *warning_box;
  GtkLabel        *warning_label;

  GFile           *file;
  SlopeCsvPreview *preview;
  guint            n_table_columns;
};

G_DEFINE_FINAL_TYPE (SlopeColumnDialog, slope_column_dialog, GTK_TYPE_WINDOW)

enum {
  COLUMNS_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Table stripes are not in the theme; the window's style.css is loaded
 * only by the application, so the dialog brings its own, built on the
 * theme's colours so that it follows the dark style. */
static const char preview_css[] =
  ".column-preview > label { padding: 4px 12px; }\n"
  ".column-preview > label.column-name { font-weight: bold; padding-top: 8px; }\n"
  ".column-preview > label.column-role {\n"
  "  font-size: smaller; padding-bottom: 6px;\n"
  "  border-bottom: 1px solid alpha(currentColor, 0.15);\n"
  "}\n"
  ".column-preview > label.chosen { background-color: alpha(@theme_selected_bg_color, 0.22); }\n"
  ".column-preview > label.chosen.column-role {\n"
  "  color: mix(@theme_selected_bg_color, @theme_fg_color, 0.2); font-weight: bold;\n"
  "}\n"
  /* Not opacity, which would fade a chosen column's tint as well. */
  ".column-preview > label.text-column { color: alpha(currentColor, 0.55); }\n"
  ".column-preview > label.last-row { padding-bottom: 8px; }\n"
  ".column-warning image { color: @warning_color; }\n";

static void
ensure_style (GtkWidget *widget)
{
  static const char key[] = "slope-column-dialog-css";
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GtkCssProvider) provider = NULL;

  if (g_object_get_data (G_OBJECT (display), key) != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, preview_css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), key, g_steal_pointer (&provider), g_object_unref);
}

static const char *
describe_format (const SlopeCsvPreview *preview)
{
  /* Whole sentences, so that translators can order them freely. */
  switch (preview->delimiter)
    {
    case SLOPE_CSV_DELIMITER_SEMICOLON:
      return preview->has_header ? _("Semicolon-separated, with a header row")
                                 : _("Semicolon-separated, without a header row");
    case SLOPE_CSV_DELIMITER_TAB:
      return preview->has_header ? _("Tab-separated, with a header row")
                                 : _("Tab-separated, without a header row");
    case SLOPE_CSV_DELIMITER_WHITESPACE:
      return preview->has_header ? _("Space-separated, with a header row")
                                 : _("Space-separated, without a header row");
    case SLOPE_CSV_DELIMITER_AUTO:
    case SLOPE_CSV_DELIMITER_COMMA:
    default:
      return preview->has_header ? _("Comma-separated, with a header row")
                                 : _("Comma-separated, without a header row");
    }
}

static GListModel *
make_column_list (const SlopeCsvPreview *preview)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint c = 0; c < preview->n_columns; c++)
    {
      g_autofree char *item = NULL;

      if (preview->numeric[c])
        /* Translators: a column in a list, e.g. "3 · height" */
        item = g_strdup_printf (_("%u · %s"), c + 1, preview->column_names[c]);
      else
        /* Translators: a column that does not hold numbers, e.g. "2 · name (text)" */
        item = g_strdup_printf (_("%u · %s (text)"), c + 1, preview->column_names[c]);
      gtk_string_list_append (list, item);
    }
  return G_LIST_MODEL (list);
}

static GtkWidget *
make_cell (SlopeColumnDialog *self,
           const char        *text,
           guint              column,
           guint              row)
{
  GtkWidget *label = gtk_label_new (text);
  int length = text != NULL ? (int) g_utf8_strlen (text, -1) : 0;

  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  /* A wide file scrolls rather than squeezing every cell to “…”; only
   * long cells are shortened. */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (length, 12));
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  /* Numbers line up on the right, as in a spreadsheet. */
  gtk_label_set_xalign (GTK_LABEL (label), self->preview->numeric[column] ? 1.0 : 0.0);
  if (self->preview->numeric[column])
    gtk_widget_add_css_class (label, "numeric");
  else
    gtk_widget_add_css_class (label, "text-column");
  gtk_grid_attach (self->preview_grid, label, (int) column, (int) row, 1, 1);
  return label;
}

static void
fill_table (SlopeColumnDialog *self)
{
  const SlopeCsvPreview *preview = self->preview;
  guint n_rows = preview->rows->len;

  self->n_table_columns = MIN (preview->n_columns, MAX_TABLE_COLUMNS);
  for (guint c = 0; c < self->n_table_columns; c++)
    {
      GtkWidget *name = make_cell (self, preview->column_names[c], c, 0);
      GtkWidget *role = make_cell (self, NULL, c, 1);

      gtk_widget_add_css_class (name, "column-name");
      /* Narrow files spread across the table instead of huddling left. */
      gtk_widget_set_hexpand (name, TRUE);
      gtk_widget_set_tooltip_text (name, preview->column_names[c]);
      gtk_widget_add_css_class (role, "column-role");

      for (guint r = 0; r < n_rows; r++)
        {
          char **cells = g_ptr_array_index (preview->rows, r);
          GtkWidget *cell = make_cell (self, cells[c], c, r + TABLE_HEADER_ROWS);

          if (r + 1 == n_rows)
            gtk_widget_add_css_class (cell, "last-row");
        }
    }
}

static void
describe_shown (SlopeColumnDialog *self)
{
  const SlopeCsvPreview *preview = self->preview;
  g_autofree char *rows = NULL;

  /* The preview stops at SLOPE_COLUMN_DIALOG_PREVIEW_ROWS: fewer means
   * the file ended. */
  if (preview->rows->len < SLOPE_COLUMN_DIALOG_PREVIEW_ROWS)
    rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The whole file: %u row.",
                                         "The whole file: %u rows.",
                                         preview->rows->len),
                            preview->rows->len);
  else
    rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The first row of the file.",
                                         "The first %u rows of the file.",
                                         preview->rows->len),
                            preview->rows->len);
  if (self->n_table_columns < preview->n_columns)
    {
      g_autofree char *text = NULL;

      /* Translators: after "The first 20 rows of the file." */
      text = g_strdup_printf (_("%s The table shows %u of the %u columns; the lists have them all."),
                              rows, self->n_table_columns, preview->n_columns);
      gtk_label_set_text (self->rows_label, text);
    }
  else
    gtk_label_set_text (self->rows_label, rows);
}

/* Tints the chosen columns top to bottom and names their roles. */
static void
light_columns (SlopeColumnDialog *self,
               guint              x,
               guint              y)
{
  const SlopeCsvPreview *preview = self->preview;

  for (guint c = 0; c < self->n_table_columns; c++)
    {
      gboolean chosen = c + 1 == x || c + 1 == y;
      GtkWidget *role = gtk_grid_get_child_at (self->preview_grid, (int) c, 1);
      const char *role_text = "";

      if (c + 1 == x && c + 1 == y)
        role_text = "x = y";
      else if (c + 1 == x)
        role_text = "x";
      else if (c + 1 == y)
        role_text = "y";
      else if (!preview->numeric[c])
        role_text = _("text");
      gtk_label_set_text (GTK_LABEL (role), role_text);

      for (guint r = 0; r < preview->rows->len + TABLE_HEADER_ROWS; r++)
        {
          GtkWidget *cell = gtk_grid_get_child_at (self->preview_grid, (int) c, (int) r);

          if (chosen)
            gtk_widget_add_css_class (cell, "chosen");
          else
            gtk_widget_remove_css_class (cell, "chosen");
        }
    }
}

/* What is wrong with the choice, or NULL.  A text column is allowed, as
 * the guess that it is text comes from a few rows only. */
static char *
describe_problem (SlopeColumnDialog *self,
                  guint              x,
                  guint              y)
{
  const SlopeCsvPreview *preview = self->preview;
  guint text_column;

  if (x == y)
    return g_strdup (_("x and y must be two different columns."));
  if (preview->numeric[x - 1] && preview->numeric[y - 1])
    return NULL;

  text_column = preview->numeric[x - 1] ? y : x;
  /* Translators: %s is a column name */
  return g_strdup_printf (_("“%s” does not look like a column of numbers: rows without a number there are skipped."),
                          preview->column_names[text_column - 1]);
}

static void
update_choice (SlopeColumnDialog *self)
{
  g_autofree char *problem = NULL;
  guint x, y;

  slope_column_dialog_get_choice (self, &x, &y);
  /* Between setting the two drop-downs' models one has no selection. */
  if (x == 0 || y == 0 || x > self->preview->n_columns || y > self->preview->n_columns)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "columns.open", FALSE);
      return;
    }

  light_columns (self, x, y);
  problem = describe_problem (self, x, y);
  if (problem != NULL)
    gtk_label_set_text (self->warning_label, problem);
  gtk_widget_set_visible (self->warning_box, problem != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "columns.open", x != y);
}

static void
on_selected_notify (SlopeColumnDialog *self)
{
  if (self->preview != NULL)
    update_choice (self);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SlopeColumnDialog *self = SLOPE_COLUMN_DIALOG (widget);
  guint x, y;

  if (!slope_column_dialog_can_open (self))
    return;

  slope_column_dialog_get_choice (self, &x, &y);
  g_object_ref (self);
  g_signal_emit (self, signals[COLUMNS_CHOSEN], 0, x, y);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
slope_column_dialog_dispose (GObject *object)
{
  SlopeColumnDialog *self = SLOPE_COLUMN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SLOPE_TYPE_COLUMN_DIALOG);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (slope_column_dialog_parent_class)->dispose (object);
}

static void
slope_column_dialog_finalize (GObject *object)
{
  SlopeColumnDialog *self = SLOPE_COLUMN_DIALOG (object);

  g_clear_pointer (&self->preview, slope_csv_preview_free);

  G_OBJECT_CLASS (slope_column_dialog_parent_class)->finalize (object);
}

static void
slope_column_dialog_class_init (SlopeColumnDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = slope_column_dialog_dispose;
  object_class->finalize = slope_column_dialog_finalize;

  /**
   * SlopeColumnDialog::columns-chosen:
   * @x_column: 1-based
   * @y_column: 1-based, never @x_column
   *
   * Open was pressed; the dialog closes right after.  Cancelling emits
   * nothing.
   */
  signals[COLUMNS_CHOSEN] = g_signal_new ("columns-chosen",
                                          G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/slopelab/Slope/slope-column-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SlopeColumnDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, SlopeColumnDialog, format_label);
  gtk_widget_class_bind_template_child (widget_class, SlopeColumnDialog, x_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SlopeColumnDialog, y_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SlopeColumnDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, SlopeColumnDialog, rows_label);
  gtk_widget_class_bind_template_child (widget_class, SlopeColumnDialog, warning_box);
  gtk_widget_class_bind_template_child (widget_class, SlopeColumnDialog, warning_label);

  gtk_widget_class_install_action (widget_class, "columns.open", NULL, open_action);
  /* A plain GtkWindow, unlike GtkDialog, does not close on Escape. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
slope_column_dialog_init (SlopeColumnDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_style (GTK_WIDGET (self));

  g_signal_connect_swapped (self->x_dropdown, "notify::selected",
                            G_CALLBACK (on_selected_notify), self);
  g_signal_connect_swapped (self->y_dropdown, "notify::selected",
                            G_CALLBACK (on_selected_notify), self);
}

static void
setup_dropdown (GtkDropDown *dropdown,
                GListModel  *columns)
{
  g_autoptr(GtkExpression) expression = NULL;

  /* A file of fifty columns is easier to search than to scroll. */
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (dropdown, expression);
  gtk_drop_down_set_enable_search (dropdown, g_list_model_get_n_items (columns) > 8);
  gtk_drop_down_set_model (dropdown, columns);
}

/* The automatic choice, or failing that the first two columns: with
 * fewer than two numeric ones there is no better guess than the file's
 * own order. */
static void
initial_choice (const SlopeCsvPreview *preview,
                guint                 *x,
                guint                 *y)
{
  *x = preview->x_column;
  *y = preview->y_column;
  if (*x == 0 || *y == 0 || *x == *y)
    {
      *x = 1;
      *y = 2;
    }
}

/**
 * slope_column_dialog_new:
 * @parent: the window the file is for
 * @preview: (transfer full): the start of @file; at least two columns
 *
 * Returns: (transfer none): a modal dialog, not yet shown; like every
 * toplevel it belongs to GTK until it is destroyed.
 */
SlopeColumnDialog *
slope_column_dialog_new (GtkWindow       *parent,
                         GFile           *file,
                         SlopeCsvPreview *preview)
{
  SlopeColumnDialog *self;
  g_autoptr(GListModel) columns = NULL;
  g_autofree char *name = NULL;
  guint x, y;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (preview != NULL && preview->n_columns >= 2, NULL);

  self = g_object_new (SLOPE_TYPE_COLUMN_DIALOG, "transient-for", parent, NULL);
  self->file = g_object_ref (file);
  self->preview = preview;

  name = g_file_get_basename (file);
  gtk_label_set_text (self->file_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->file_label), g_file_peek_path (file));
  gtk_label_set_text (self->format_label, describe_format (preview));
  fill_table (self);
  describe_shown (self);

  columns = make_column_list (preview);
  setup_dropdown (self->x_dropdown, columns);
  setup_dropdown (self->y_dropdown, columns);

  initial_choice (preview, &x, &y);
  slope_column_dialog_choose (self, x, y);
  update_choice (self);

  return self;
}

GFile *
slope_column_dialog_get_file (SlopeColumnDialog *self)
{
  g_return_val_if_fail (SLOPE_IS_COLUMN_DIALOG (self), NULL);

  return self->file;
}

const SlopeCsvPreview *
slope_column_dialog_get_preview (SlopeColumnDialog *self)
{
  g_return_val_if_fail (SLOPE_IS_COLUMN_DIALOG (self), NULL);

  return self->preview;
}

/**
 * slope_column_dialog_choose:
 * @x_column: 1-based
 * @y_column: 1-based
 *
 * Selects the columns as if picked in the drop-downs.
 */
void
slope_column_dialog_choose (SlopeColumnDialog *self,
                            guint              x_column,
                            guint              y_column)
{
  g_return_if_fail (SLOPE_IS_COLUMN_DIALOG (self));
  g_return_if_fail (x_column >= 1 && x_column <= self->preview->n_columns);
  g_return_if_fail (y_column >= 1 && y_column <= self->preview->n_columns);

  gtk_drop_down_set_selected (self->x_dropdown, x_column - 1);
  gtk_drop_down_set_selected (self->y_dropdown, y_column - 1);
}

/**
 * slope_column_dialog_get_choice:
 * @x_column: (out): 1-based
 * @y_column: (out): 1-based
 */
void
slope_column_dialog_get_choice (SlopeColumnDialog *self,
                                guint             *x_column,
                                guint             *y_column)
{
  g_return_if_fail (SLOPE_IS_COLUMN_DIALOG (self));

  *x_column = gtk_drop_down_get_selected (self->x_dropdown) + 1;
  *y_column = gtk_drop_down_get_selected (self->y_dropdown) + 1;
}

/* Whether Open would report the choice: not when x and y are one column. */
gboolean
slope_column_dialog_can_open (SlopeColumnDialog *self)
{
  guint x, y;

  g_return_val_if_fail (SLOPE_IS_COLUMN_DIALOG (self), FALSE);

  slope_column_dialog_get_choice (self, &x, &y);
  return x != y
         && x >= 1 && x <= self->preview->n_columns
         && y >= 1 && y <= self->preview->n_columns;
}
