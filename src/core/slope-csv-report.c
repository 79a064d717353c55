/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-csv-report.c: the small things around the reader that callers
 * hold on to: the report of a load and its wording, the preview, and the
 * delimiter as a person types it.
 *
 * The wording is all here so that the window and slope-train say the same
 * thing in the same words, and translators find it in one place.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "slope-csv-private.h"

void
slope_csv_preview_free (SlopeCsvPreview *preview)
{
  if (preview == NULL)
    return;

  g_strfreev (preview->column_names);
  g_free (preview->numeric);
  g_clear_pointer (&preview->rows, g_ptr_array_unref);
  g_free (preview);
}

/* Report ------------------------------------------------------------------- */

void
slope_csv_skip_free (SlopeCsvSkip *skip)
{
  if (skip == NULL)
    return;
  g_free (skip->column_name);
  g_free (skip->text);
  g_free (skip->reason);
  g_free (skip);
}

void
slope_csv_report_free (SlopeCsvReport *report)
{
  if (report == NULL)
    return;

  for (guint i = 0; i < report->skips->len; i++)
    slope_csv_skip_free (g_ptr_array_index (report->skips, i));
  g_ptr_array_unref (report->skips);
  g_free (report->x_name);
  g_free (report->y_name);
  g_free (report);
}

/* “line 4, column 2 “y”: “abc” is not a number” */
char *
slope_csv_skip_describe (const SlopeCsvSkip *skip)
{
  g_return_val_if_fail (skip != NULL, NULL);

  if (skip->column_name)
    return g_strdup_printf (_("line %u, column %u “%s”: %s"),
                            skip->line, skip->column, skip->column_name, skip->reason);
  return g_strdup_printf (_("line %u, column %u: %s"), skip->line, skip->column, skip->reason);
}

/**
 * slope_csv_report_summary:
 *
 * Returns: “N rows read, M skipped”, then one line per described skip and
 * “… and K more” when there were more than were kept.
 */
char *
slope_csv_report_summary (const SlopeCsvReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gulong read, skipped, missing, invalid;
  g_autofree char *rows_read = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  read = (gulong) report->rows_read;
  skipped = (gulong) report->rows_skipped;
  missing = (gulong) report->rows_missing;
  invalid = skipped - missing;

  rows_read = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu row read", "%lu rows read", read),
                               read);
  if (skipped == 0)
    g_string_append (text, rows_read);
  else if (missing == 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s, %lu skipped", "%s, %lu skipped",
                                               skipped), rows_read, skipped);
  else
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "%s, %lu skipped (%lu with missing values)",
                                               "%s, %lu skipped (%lu with missing values)",
                                               skipped), rows_read, skipped, missing);

  for (guint i = 0; i < report->skips->len; i++)
    {
      g_autofree char *line = slope_csv_skip_describe (g_ptr_array_index (report->skips, i));

      g_string_append_printf (text, "\n%s", line);
    }
  if (invalid > report->skips->len)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "\n… and %lu more", "\n… and %lu more",
                                               invalid - report->skips->len),
                            invalid - report->skips->len);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * slope_csv_delimiter_from_string:
 * @text: comma, semicolon, tab, whitespace or auto, or the character
 *   itself: “,” “;” a tab or “\t”
 */
gboolean
slope_csv_delimiter_from_string (const char        *text,
                                 SlopeCsvDelimiter *delimiter)
{
  static const struct { const char *name; SlopeCsvDelimiter delimiter; } names[] = {
    { "auto", SLOPE_CSV_DELIMITER_AUTO },
    { "comma", SLOPE_CSV_DELIMITER_COMMA }, { ",", SLOPE_CSV_DELIMITER_COMMA },
    { "semicolon", SLOPE_CSV_DELIMITER_SEMICOLON }, { ";", SLOPE_CSV_DELIMITER_SEMICOLON },
    { "tab", SLOPE_CSV_DELIMITER_TAB }, { "\t", SLOPE_CSV_DELIMITER_TAB },
    { "\\t", SLOPE_CSV_DELIMITER_TAB },
    { "whitespace", SLOPE_CSV_DELIMITER_WHITESPACE }, { "space", SLOPE_CSV_DELIMITER_WHITESPACE },
    { " ", SLOPE_CSV_DELIMITER_WHITESPACE },
  };

  g_return_val_if_fail (delimiter != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i].name) == 0)
      {
        *delimiter = names[i].delimiter;
        return TRUE;
      }
  return FALSE;
}
