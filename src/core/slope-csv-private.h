/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-csv-private.h: the pieces the CSV reader is made of, shared by
 * slope-csv.c (loading), slope-csv-scan.c (tokens and guessing the layout)
 * and slope-csv-number.c (cells), and visible to nothing else.
 */
#pragma once

#include "slope-csv.h"

G_BEGIN_DECLS

/* What one cell of a chosen column holds. */
typedef enum
{
  SLOPE_CSV_CELL_NUMBER,
  SLOPE_CSV_CELL_MISSING,      /* empty, NA, N/A, NaN, null, None */
  SLOPE_CSV_CELL_NOT_FINITE,   /* inf, Infinity, 1e999 */
  SLOPE_CSV_CELL_TEXT,
} SlopeCsvCell;

SlopeCsvCell slope_csv_classify (const char *text,
                                 gsize       len,
                                 gboolean    decimal_comma,
                                 double     *value);

const char  *slope_csv_number_prefix (const char *p,
                                      const char *end,
                                      char        point,
                                      double     *value);

/* A field of the file, pointing into the file's bytes.  For a quoted field
 * the text is what is between the quotes, doubled quotes still doubled. */
typedef struct
{
  const char *text;
  gsize       len;
  guint       quoted : 1;
  guint       escaped : 1;     /* contains "" */
} SlopeCsvField;

typedef enum
{
  SLOPE_CSV_FIELD_MORE,        /* a delimiter followed: the record goes on */
  SLOPE_CSV_FIELD_LAST,
  SLOPE_CSV_FIELD_UNTERMINATED,
} SlopeCsvFieldEnd;

typedef struct
{
  const char *p;
  const char *end;
  char        delimiter;       /* ',', ';', '\t', or ' ' for runs of blanks */
  guint       line;            /* 1-based physical line of p */
} SlopeCsvScanner;

void              slope_csv_scanner_init        (SlopeCsvScanner   *scanner,
                                                 const char        *data,
                                                 const char        *end,
                                                 char               delimiter,
                                                 guint              line);
gboolean          slope_csv_scanner_next_record (SlopeCsvScanner   *scanner);
SlopeCsvFieldEnd  slope_csv_scanner_next_field  (SlopeCsvScanner   *scanner,
                                                 SlopeCsvField     *field);
char             *slope_csv_field_dup           (const SlopeCsvField *field);
guint             slope_csv_line_of             (const char        *data,
                                                 const char        *position);

char              slope_csv_delimiter_char      (SlopeCsvDelimiter  delimiter);

/* Where the data is and how it is laid out, guessed from its first rows. */
typedef struct
{
  const char         *data;          /* after any byte-order mark */
  const char         *end;
  const char         *display_name;
  SlopeCsvDelimiter   delimiter;
  char                delimiter_char;
  gboolean            has_header;
  guint               n_columns;
  char              **names;         /* n_columns, NULL-terminated */
  gboolean           *numeric;       /* n_columns */
  GPtrArray          *rows;          /* char **: the sampled data rows, padded; one block each */
  const char         *body;          /* the first record after the header */
  guint               body_line;
  double              bytes_per_row; /* in the sample, for sizing arrays */
  const char         *sample_end;    /* where the sampled records end */
} SlopeCsvLayout;

gboolean slope_csv_check_text     (const char         *data,
                                   const char         *end,
                                   const char         *display_name,
                                   GCancellable       *cancellable,
                                   GError            **error);
gboolean slope_csv_layout_detect  (SlopeCsvLayout     *layout,
                                   GBytes             *bytes,
                                   const char         *display_name,
                                   SlopeCsvDelimiter   delimiter,
                                   guint               sample_rows,
                                   GError            **error);
void     slope_csv_layout_clear   (SlopeCsvLayout     *layout);
void     slope_csv_layout_guess_xy (const SlopeCsvLayout *layout,
                                    guint                *x,
                                    guint                *y);
guint    slope_csv_layout_find_column (const SlopeCsvLayout *layout,
                                       const char           *spec);

/* Beyond any CSV a person trains a line on (ten million rows are about
 * 200 MB); a source that never ends stops here. */
#define SLOPE_CSV_MAX_FILE_BYTES ((gsize) 1 << 30)

GBytes  *slope_csv_read_file      (GFile              *file,
                                   const char         *display_name,
                                   gsize               max_bytes,
                                   gsize               max_lines,
                                   GCancellable       *cancellable,
                                   GError            **error);

gboolean slope_csv_check_text_at  (const char         *line_start,
                                   guint               line,
                                   const char         *data,
                                   const char         *end,
                                   const char         *display_name,
                                   GError            **error);

void     slope_csv_skip_free      (SlopeCsvSkip       *skip);

/* Reading in blocks (slope-csv-read.c) ---------------------------------- */

/* The bytes not yet parsed, [start, end): in a buffer of bounded size
 * refilled with read(), or a window on bytes already in memory. */
typedef struct
{
  GInputStream *stream;        /* NULL: reading from memory */
  const char   *display_name;
  GCancellable *cancellable;
  const char   *memory;
  const char   *memory_end;
  char         *buffer;
  gsize         capacity;
  const char   *start;
  const char   *end;
  guint         start_line;    /* the line at start */
  const char   *checked;       /* the text is checked up to here */
  gboolean      eof;           /* end is the end of the data */
  guint64       consumed;      /* bytes before start */
  guint64       size;          /* the data's size when known, else 0 */
} SlopeCsvSource;

gboolean slope_csv_source_open    (SlopeCsvSource     *source,
                                   GFile              *file,
                                   const char         *display_name,
                                   GCancellable       *cancellable,
                                   GError            **error);
void     slope_csv_source_init_memory (SlopeCsvSource *source,
                                   const char         *data,
                                   const char         *end,
                                   const char         *display_name);
gboolean slope_csv_source_fill    (SlopeCsvSource     *source,
                                   gsize               wanted,
                                   GError            **error);
void     slope_csv_source_consume (SlopeCsvSource     *source,
                                   const char         *to,
                                   guint               line);
void     slope_csv_source_clear   (SlopeCsvSource     *source);

/* The rows of one stretch of records (slope-csv-rows.c) ----------------- */

typedef struct
{
  const SlopeCsvLayout *layout;   /* names and delimiter only */
  guint                 x_column;
  guint                 y_column;
  gboolean              decimal_comma;
} SlopeCsvColumns;

/* The points and skipped rows of one stretch, kept by one thread. */
typedef struct
{
  double    *x;
  double    *y;
  gsize      n;
  gsize      capacity;
  gsize      rows_skipped;
  gsize      rows_missing;
  GPtrArray *skips;            /* SlopeCsvSkip *, at most SLOPE_CSV_MAX_SKIPS */
} SlopeCsvRows;

typedef struct
{
  /* In: the records from p (at line) to end; with stop, only those that
   * start before stop. */
  const char *p;
  const char *end;
  guint       line;
  const char *stop;
  gboolean    final;           /* end is the end of the data */
  /* Out: p and line after the last whole record; with stop, whether the
   * records ended exactly at stop; an unclosed quote's line. */
  gboolean    met_stop;
  gboolean    unterminated;
  guint       unterminated_line;
} SlopeCsvSpan;

void     slope_csv_rows_init      (SlopeCsvRows       *rows,
                                   gsize               capacity);
void     slope_csv_rows_clear     (SlopeCsvRows       *rows);
void     slope_csv_rows_reserve   (SlopeCsvRows       *rows,
                                   gsize               more);
void     slope_csv_rows_prefault  (const SlopeCsvRows *rows,
                                   gsize               from,
                                   gsize               to);
void     slope_csv_rows_append    (SlopeCsvRows       *rows,
                                   SlopeCsvRows       *more,
                                   guint               line_offset);
void     slope_csv_rows_parse     (const SlopeCsvColumns *columns,
                                   SlopeCsvRows       *rows,
                                   SlopeCsvSpan       *span);

gsize    slope_csv_estimate_rows  (const SlopeCsvLayout *layout,
                                   double              bytes);
gsize    slope_csv_block_size     (const SlopeCsvSource *source);
gboolean slope_csv_read_blocks    (const SlopeCsvColumns *columns,
                                   SlopeCsvSource     *source,
                                   SlopeCsvRows       *rows,
                                   GCancellable       *cancellable,
                                   SlopeCsvProgress    progress,
                                   gpointer            user_data,
                                   GError            **error);

/* For tests: the block size (0 restores the default) and the smallest
 * block split between two threads. */
void     slope_csv_set_block_size (gsize               block_bytes,
                                   gsize               split_bytes);

G_END_DECLS
