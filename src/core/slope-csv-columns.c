/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-csv-columns.c: which two columns are x and y when nobody said.
 *
 * Files from spreadsheets, pandas and R often start with a row number or
 * an id: a column of numbers that is not data.  Taking it as x would fit
 * price against row number.  So a first column that looks like an index
 * (named like one, or whole numbers rising through the sample) is passed
 * over when two other numeric columns remain, and a header's names decide
 * between the rest: "price", "target" or "y" is most plausibly y, "size",
 * "area" or "x" most plausibly x.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "slope-csv-private.h"

static const char * const index_names[] = {
  "id", "index", "idx", "row", "rownames", "row.names", "no", "nr", "n", "#", "unnamed: 0",
};

/* Names for what is predicted, and for what predicts it; compared after
 * case folding, as whole names or as the first word ("price_eur"). */
static const char * const y_names[] = {
  "y", "target", "label", "price", "cost", "output", "response", "outcome",
  "value", "sales", "revenue", "score", "salary", "income", "weight", "charges",
};
static const char * const x_names[] = {
  "x", "size", "area", "sqft", "size_m2", "m2", "surface", "input", "feature",
  "predictor", "age", "year", "years", "height", "length", "time", "hours",
  "experience", "distance", "temperature", "population",
};

static gboolean
name_in (const char         *name,
         const char * const *list,
         gsize               n)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  gsize word = strcspn (folded, " _-.(/");

  g_strstrip (folded);
  for (gsize i = 0; i < n; i++)
    if (strcmp (folded, list[i]) == 0
        || (word > 0 && strlen (list[i]) == word && strncmp (folded, list[i], word) == 0))
      return TRUE;
  return FALSE;
}

/* Whole numbers rising through every sampled row: 0, 1, 2 … or 17, 18, 23. */
static gboolean
rising_whole_numbers (const SlopeCsvLayout *layout,
                      guint                 column)
{
  double prev = -INFINITY;
  guint seen = 0;

  for (guint r = 0; r < layout->rows->len; r++)
    {
      char **row = g_ptr_array_index (layout->rows, r);
      double v;

      if (slope_csv_classify (row[column], strlen (row[column]),
                              layout->delimiter == SLOPE_CSV_DELIMITER_SEMICOLON,
                              &v) != SLOPE_CSV_CELL_NUMBER)
        return FALSE;
      if (v != floor (v) || !(v > prev))
        return FALSE;
      prev = v;
      seen++;
    }
  return seen >= 3;
}

static gboolean
index_like (const SlopeCsvLayout *layout,
            guint                 column)
{
  const char *name = layout->names[column];

  /* An empty header cell over numbers is how R and pandas write row names. */
  if (layout->has_header && (name_in (name, index_names, G_N_ELEMENTS (index_names))
                             || g_str_has_prefix (name, "Unnamed")))
    return TRUE;
  /* Years rise too: a name that says what the numbers are keeps them. */
  if (layout->has_header && (name_in (name, x_names, G_N_ELEMENTS (x_names))
                             || name_in (name, y_names, G_N_ELEMENTS (y_names))))
    return FALSE;
  return rising_whole_numbers (layout, column);
}

/**
 * slope_csv_layout_guess_xy:
 * @except: a column already taken (0-based), or G_MAXUINT
 *
 * The automatic x and y (0-based), G_MAXUINT where there is none.
 */
void
slope_csv_layout_guess_xy (const SlopeCsvLayout *layout,
                           guint                *x,
                           guint                *y)
{
  g_autofree guint *candidates = g_new (guint, layout->n_columns + 1);
  guint n = 0, numeric = 0;

  *x = *y = G_MAXUINT;
  for (guint c = 0; c < layout->n_columns; c++)
    numeric += layout->numeric[c];

  for (guint c = 0; c < layout->n_columns; c++)
    {
      if (!layout->numeric[c])
        continue;
      if (c == 0 && numeric >= 3 && index_like (layout, c))
        continue;
      candidates[n++] = c;
    }
  if (n < 2)
    return;

  if (layout->has_header)
    {
      for (guint i = 0; i < n && *y == G_MAXUINT; i++)
        if (name_in (layout->names[candidates[i]], y_names, G_N_ELEMENTS (y_names)))
          *y = candidates[i];
      for (guint i = 0; i < n && *x == G_MAXUINT; i++)
        if (candidates[i] != *y
            && name_in (layout->names[candidates[i]], x_names, G_N_ELEMENTS (x_names)))
          *x = candidates[i];
    }
  /* The rest in the file's order: x before y. */
  for (guint i = 0; i < n && *x == G_MAXUINT; i++)
    if (candidates[i] != *y)
      *x = candidates[i];
  for (guint i = 0; i < n && *y == G_MAXUINT; i++)
    if (candidates[i] != *x)
      *y = candidates[i];
}
