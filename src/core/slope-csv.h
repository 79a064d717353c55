/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-csv.h: reading people's CSV files into a dataset, and saving one.
 *
 * Users bring files from spreadsheets, pandas, R and hand editors, so the
 * reader guesses the delimiter and the header, skips the rows it cannot use
 * (and says which and why) instead of refusing the file, and reads numbers
 * the same whatever the desktop's locale.  It runs on a worker thread: all
 * state lives in the call, and it can be cancelled.
 */
#pragma once

#include <gio/gio.h>

#include "slope-dataset.h"

G_BEGIN_DECLS

#define SLOPE_CSV_ERROR (slope_csv_error_quark ())

/* Why a file could not be loaded at all. */
typedef enum
{
  SLOPE_CSV_ERROR_UNREADABLE,          /* missing, a folder, no permission, I/O error */
  SLOPE_CSV_ERROR_NOT_TEXT,            /* NUL bytes, UTF-16, or not valid UTF-8 */
  SLOPE_CSV_ERROR_UNTERMINATED_QUOTE,
  SLOPE_CSV_ERROR_TOO_FEW_COLUMNS,     /* fewer than two (numeric) columns */
  SLOPE_CSV_ERROR_NO_SUCH_COLUMN,      /* a requested x or y column */
  SLOPE_CSV_ERROR_TOO_FEW_ROWS,        /* fewer than two usable rows */
  SLOPE_CSV_ERROR_X_ALL_EQUAL,         /* no line can be fitted */
  SLOPE_CSV_ERROR_TOO_LARGE,           /* beyond what is read, or never ends */
} SlopeCsvError;

typedef enum
{
  SLOPE_CSV_DELIMITER_AUTO,
  SLOPE_CSV_DELIMITER_COMMA,
  SLOPE_CSV_DELIMITER_SEMICOLON,       /* also reads 3,14 as a decimal */
  SLOPE_CSV_DELIMITER_TAB,
  SLOPE_CSV_DELIMITER_WHITESPACE,      /* runs of spaces and tabs */
} SlopeCsvDelimiter;

typedef struct
{
  SlopeCsvDelimiter  delimiter;
  const char        *x_column;         /* a header name or a 1-based index as text; NULL: auto */
  const char        *y_column;
} SlopeCsvOptions;

/* At most this many skipped rows are described; the rest are counted. */
#define SLOPE_CSV_MAX_SKIPS 20

typedef enum
{
  SLOPE_CSV_SKIP_NOT_A_NUMBER,
  SLOPE_CSV_SKIP_NOT_FINITE,           /* inf, 1e999 */
  SLOPE_CSV_SKIP_SHORT_ROW,            /* the row ends before the column */
} SlopeCsvSkipKind;

/* A row left out for a reason worth showing (not an empty or NA cell). */
typedef struct
{
  SlopeCsvSkipKind  kind;
  guint             line;              /* 1-based line where the row starts */
  guint             column;            /* 1-based */
  char             *column_name;       /* from the header, or NULL */
  char             *text;              /* the cell, shortened to one line */
  char             *reason;            /* translated, e.g. “abc” is not a number */
} SlopeCsvSkip;

typedef struct
{
  gsize              rows_read;        /* the dataset's points */
  gsize              rows_skipped;     /* every data row left out */
  gsize              rows_missing;     /* of those, rows with an empty, NA, NaN or null cell */
  GPtrArray         *skips;            /* SlopeCsvSkip *: the first of the others */
  guint              x_column;         /* 1-based */
  guint              y_column;
  char              *x_name;           /* header name, or “Column 1” */
  char              *y_name;
  SlopeCsvDelimiter  delimiter;        /* the one used, never AUTO */
  gboolean           has_header;
} SlopeCsvReport;

/* The start of a file, for a column picker. */
typedef struct
{
  SlopeCsvDelimiter  delimiter;        /* detected or given, never AUTO */
  gboolean           has_header;
  guint              n_columns;
  char             **column_names;     /* n_columns, NULL-terminated */
  gboolean          *numeric;          /* n_columns */
  GPtrArray         *rows;             /* char ** of n_columns cells, NULL-terminated; each
                                        * row one block, owned by the array (not a GStrv) */
  guint              x_column;         /* 1-based automatic choice, 0 if none */
  guint              y_column;
} SlopeCsvPreview;

typedef void (*SlopeCsvProgress) (double   fraction,
                                  gpointer user_data);

GQuark           slope_csv_error_quark          (void);

SlopeDataset    *slope_csv_load                 (GFile                  *file,
                                                 const SlopeCsvOptions  *options,
                                                 SlopeCsvReport        **report,
                                                 GCancellable           *cancellable,
                                                 SlopeCsvProgress        progress,
                                                 gpointer                user_data,
                                                 GError                **error);
SlopeDataset    *slope_csv_load_bytes           (GBytes                 *bytes,
                                                 const char             *display_name,
                                                 const SlopeCsvOptions  *options,
                                                 SlopeCsvReport        **report,
                                                 GCancellable           *cancellable,
                                                 SlopeCsvProgress        progress,
                                                 gpointer                user_data,
                                                 GError                **error);

SlopeCsvPreview *slope_csv_preview              (GFile                  *file,
                                                 const SlopeCsvOptions  *options,
                                                 guint                   max_rows,
                                                 GError                **error);
SlopeCsvPreview *slope_csv_preview_bytes        (GBytes                 *bytes,
                                                 const char             *display_name,
                                                 const SlopeCsvOptions  *options,
                                                 guint                   max_rows,
                                                 GError                **error);
void             slope_csv_preview_free         (SlopeCsvPreview        *preview);

void             slope_csv_report_free          (SlopeCsvReport         *report);
char            *slope_csv_report_summary       (const SlopeCsvReport   *report);
char            *slope_csv_skip_describe        (const SlopeCsvSkip     *skip);

gboolean         slope_csv_save                 (SlopeDataset           *dataset,
                                                 GFile                  *file,
                                                 const char             *x_name,
                                                 const char             *y_name,
                                                 GCancellable           *cancellable,
                                                 GError                **error);
char            *slope_csv_format_number        (double                  value);
void             slope_csv_format_number_into   (char                    buffer[G_ASCII_DTOSTR_BUF_SIZE],
                                                 double                  value);

gboolean         slope_csv_parse_number         (const char             *text,
                                                 gsize                   len,
                                                 double                 *value);
gboolean         slope_csv_delimiter_from_string (const char            *text,
                                                 SlopeCsvDelimiter      *delimiter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlopeCsvReport, slope_csv_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlopeCsvPreview, slope_csv_preview_free)

G_END_DECLS
