/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-csv-scan.c: splitting a CSV file into records and fields in place,
 * and guessing its layout (delimiter, header, numeric columns) from the
 * first rows.
 *
 * The scanner never copies: a field points into the block being read, so
 * a file of ten million rows costs no memory beyond its block.  Only the few
 * rows sampled for guessing are copied into strings.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slope-csv-private.h"

#define SNIFF_BYTES   (64 * 1024)
#define SNIFF_RECORDS 50

static inline gboolean
is_blank (const SlopeCsvScanner *s,
          char                   c)
{
  return c == ' ' || (c == '\t' && s->delimiter != '\t');
}

static inline gboolean
is_newline (char c)
{
  return c == '\n' || c == '\r';
}

/* At a \n, \r or \r\n: step over it. */
static inline void
consume_newline (SlopeCsvScanner *s)
{
  if (s->p[0] == '\r' && s->p + 1 < s->end && s->p[1] == '\n')
    s->p++;
  s->p++;
  s->line++;
}

void
slope_csv_scanner_init (SlopeCsvScanner *scanner,
                        const char      *data,
                        const char      *end,
                        char             delimiter,
                        guint            line)
{
  scanner->p = data;
  scanner->end = end;
  scanner->delimiter = delimiter;
  scanner->line = line;
}

/* Steps over blank lines and # comments.  Returns FALSE at the end. */
gboolean
slope_csv_scanner_next_record (SlopeCsvScanner *s)
{
  for (;;)
    {
      const char *p = s->p;

      while (p < s->end && is_blank (s, *p))
        p++;
      s->p = p;
      if (p == s->end)
        return FALSE;
      if (*p == '#')
        {
          while (s->p < s->end && !is_newline (*s->p))
            s->p++;
          if (s->p == s->end)
            return FALSE;
        }
      else if (!is_newline (*p))
        return TRUE;
      consume_newline (s);
    }
}

/* From an opening quote: finds its closing quote, counting the lines in
 * between.  Returns NULL if there is none. */
static const char *
scan_quoted (SlopeCsvScanner *s,
             const char      *quote,
             SlopeCsvField   *field)
{
  const char *q = quote + 1;
  guint lines = 0;

  for (; q < s->end; q++)
    {
      if (*q == '"')
        {
          if (q + 1 < s->end && q[1] == '"')
            {
              field->escaped = TRUE;
              q++;
              continue;
            }
          field->text = quote + 1;
          field->len = (gsize) (q - field->text);
          field->quoted = TRUE;
          s->line += lines;
          return q + 1;
        }
      if (*q == '\n' || (*q == '\r' && !(q + 1 < s->end && q[1] == '\n')))
        lines++;
    }

  return NULL;
}

static inline const char *
scan_unquoted (const SlopeCsvScanner *s,
               const char            *p)
{
  if (s->delimiter == ' ')
    while (p < s->end && *p != ' ' && *p != '\t' && !is_newline (*p))
      p++;
  else
    while (p < s->end && *p != s->delimiter && !is_newline (*p))
      p++;
  return p;
}

/* Reads one field and what ends it.  On SLOPE_CSV_FIELD_UNTERMINATED the
 * scanner's line is the one where the quote opened. */
SlopeCsvFieldEnd
slope_csv_scanner_next_field (SlopeCsvScanner *s,
                              SlopeCsvField   *field)
{
  const char *p = s->p;

  while (p < s->end && is_blank (s, *p))
    p++;

  field->quoted = field->escaped = FALSE;
  if (p < s->end && *p == '"')
    {
      const char *quote = p;
      const char *closed;

      p = scan_quoted (s, quote, field);
      if (p == NULL)
        return SLOPE_CSV_FIELD_UNTERMINATED;
      closed = p;
      while (p < s->end && is_blank (s, *p))
        p++;
      /* Between whitespace-separated fields the blanks are the delimiter,
       * as in R's write.table: "1" 1.5 2.3. */
      if (p < s->end && !is_newline (*p) && *p != s->delimiter
          && !(s->delimiter == ' ' && (*p == '\t' || p > closed)))
        {
          /* "a"b is not CSV: keep all of it, quotes too, as plain text. */
          p = scan_unquoted (s, p);
          field->text = quote;
          field->len = (gsize) (p - quote);
          field->quoted = field->escaped = FALSE;
        }
    }
  else
    {
      field->text = p;
      p = scan_unquoted (s, p);
      field->len = (gsize) (p - field->text);
    }

  while (field->len > 0 && !field->quoted && is_blank (s, field->text[field->len - 1]))
    field->len--;

  if (s->delimiter == ' ')
    while (p < s->end && (*p == ' ' || *p == '\t'))
      p++;
  s->p = p;
  if (p == s->end)
    return SLOPE_CSV_FIELD_LAST;
  if (is_newline (*p))
    {
      consume_newline (s);
      return SLOPE_CSV_FIELD_LAST;
    }
  if (s->delimiter != ' ')
    s->p++;
  return SLOPE_CSV_FIELD_MORE;
}

/* The field as a string: quotes undone, spaces around it trimmed. */
char *
slope_csv_field_dup (const SlopeCsvField *field)
{
  GString *s = g_string_sized_new (field->len);

  for (gsize i = 0; i < field->len; i++)
    {
      g_string_append_c (s, field->text[i]);
      if (field->escaped && field->text[i] == '"')
        i++;
    }

  return g_strstrip (g_string_free (s, FALSE));
}

/* slope_csv_field_dup() into @out (room for field->len + 1 bytes).
 * Returns the length written, before the NUL. */
static gsize
field_copy (const SlopeCsvField *field,
            char                *out)
{
  gsize n = 0, start = 0;

  for (gsize i = 0; i < field->len; i++)
    {
      out[n++] = field->text[i];
      if (field->escaped && field->text[i] == '"')
        i++;
    }
  /* What g_strstrip() trims. */
  while (n > 0 && g_ascii_isspace (out[n - 1]))
    n--;
  while (start < n && g_ascii_isspace (out[start]))
    start++;
  memmove (out, out + start, n - start);
  out[n - start] = '\0';
  return n - start;
}

/* One record as a NULL-terminated array of its cells, pointers and text
 * in a single block freed with g_free(): a wide file's sample is millions
 * of cells, and one allocation each would cost several times their text. */
static char **
record_new (const SlopeCsvField *fields,
            guint                n_fields)
{
  gsize text_len = 0;
  char **row;
  char *text;

  for (guint i = 0; i < n_fields; i++)
    text_len += fields[i].len + 1;
  row = g_malloc ((n_fields + 1) * sizeof (char *) + text_len);
  text = (char *) (row + n_fields + 1);
  for (guint i = 0; i < n_fields; i++)
    {
      row[i] = text;
      text += field_copy (&fields[i], text) + 1;
    }
  row[n_fields] = NULL;
  return row;
}

/* @row (from record_new()) padded with empty cells to @n_columns. */
static char **
record_pad (char  **row,
            guint   n,
            guint   n_columns)
{
  gsize text_len = (gsize) (row[n - 1] + strlen (row[n - 1]) + 1 - row[0]);
  char **padded = g_malloc ((n_columns + 1) * sizeof (char *) + text_len);
  char *text = (char *) (padded + n_columns + 1);

  memcpy (text, row[0], text_len);
  for (guint c = 0; c < n; c++)
    padded[c] = text + (row[c] - row[0]);
  for (guint c = n; c < n_columns; c++)
    padded[c] = (char *) "";
  padded[n_columns] = NULL;
  return padded;
}

/* The 1-based line of @position: \n, \r\n and a lone \r each end a line. */
guint
slope_csv_line_of (const char *data,
                   const char *position)
{
  guint line = 1;

  for (const char *p = data; p < position; p++)
    if (*p == '\n' || (*p == '\r' && !(p + 1 < position && p[1] == '\n')))
      line++;

  return line;
}

char
slope_csv_delimiter_char (SlopeCsvDelimiter delimiter)
{
  switch (delimiter)
    {
    case SLOPE_CSV_DELIMITER_SEMICOLON:
      return ';';
    case SLOPE_CSV_DELIMITER_TAB:
      return '\t';
    case SLOPE_CSV_DELIMITER_WHITESPACE:
      return ' ';
    case SLOPE_CSV_DELIMITER_AUTO:
    case SLOPE_CSV_DELIMITER_COMMA:
    default:
      return ',';
    }
}

/* Text validation ------------------------------------------------------- */

static gboolean
set_not_text_error (const char  *line_start,
                    guint        first_line,
                    const char  *bad,
                    const char  *display_name,
                    GError     **error)
{
  guint line = first_line + slope_csv_line_of (line_start, bad) - 1;

  if (*bad == '\0')
    g_set_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_NOT_TEXT,
                 _("%s: line %u: not a text file (it contains NUL bytes)"),
                 display_name, line);
  else
    g_set_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_NOT_TEXT,
                 _("%s: line %u: not valid UTF-8 text; save the file as UTF-8"),
                 display_name, line);
  return FALSE;
}

/* The first byte at or after @p that is NUL or not ASCII, eight at a time:
 * a word has one exactly when ((w - 0x01…) | w) has a high bit set. */
static const char *
find_nul_or_non_ascii (const char *p,
                       const char *end)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);

  for (;;)
    {
      guint64 w;

      while (end - p >= 8)
        {
          memcpy (&w, p, 8);
          if (((w - ones) | w) & highs)
            break;
          p += 8;
        }
      for (guint i = 0; i < 8 && p < end; i++, p++)
        if (*p == '\0' || (guchar) *p >= 0x80)
          return p;
      if (p == end)
        return end;
    }
}

static gsize
utf8_sequence_length (guchar lead)
{
  if (lead >= 0xF0)
    return 4;
  if (lead >= 0xE0)
    return 3;
  if (lead >= 0xC0)
    return 2;
  return 1;
}

/**
 * slope_csv_check_text:
 *
 * Fails unless [@data, @end) is UTF-8 text without NUL bytes, naming the
 * line of the first bad byte.  ASCII goes by eight bytes at a time, so a
 * large file of numbers costs a few hundredths of a second.
 */
gboolean
slope_csv_check_text (const char    *data,
                      const char    *end,
                      const char    *display_name,
                      GCancellable  *cancellable,
                      GError       **error)
{
  const gsize chunk = 16 * 1024 * 1024;
  const char *p = data;

  if (end - data >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE)
                          || ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      g_set_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_NOT_TEXT,
                   _("%s: line 1: the file is UTF-16 text; save it as UTF-8"),
                   display_name);
      return FALSE;
    }

  while (p < end)
    {
      const char *stop = (gsize) (end - p) > chunk ? p + chunk : end;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      while ((p = find_nul_or_non_ascii (p, stop)) < stop)
        {
          gsize n = utf8_sequence_length ((guchar) *p);

          if (*p == '\0' || n > (gsize) (end - p) || !g_utf8_validate_len (p, n, NULL))
            return set_not_text_error (data, 1, p, display_name, error);
          p += n;
        }
      p = MAX (p, stop);
    }

  return TRUE;
}

/**
 * slope_csv_check_text_at:
 * @line_start: where @line begins, at or before @data
 *
 * slope_csv_check_text() on one block of a file read in blocks: [@data,
 * @end) must not cut a UTF-8 sequence, and a bad byte is named by its line
 * counted from @line at @line_start.
 */
gboolean
slope_csv_check_text_at (const char  *line_start,
                         guint        line,
                         const char  *data,
                         const char  *end,
                         const char  *display_name,
                         GError     **error)
{
  const char *p = data;

  while ((p = find_nul_or_non_ascii (p, end)) < end)
    {
      gsize n = utf8_sequence_length ((guchar) *p);

      if (*p == '\0' || n > (gsize) (end - p) || !g_utf8_validate_len (p, n, NULL))
        return set_not_text_error (line_start, line, p, display_name, error);
      p += n;
    }
  return TRUE;
}

/* Guessing the delimiter ------------------------------------------------- */

enum { GUESS_COMMA, GUESS_SEMICOLON, GUESS_TAB, GUESS_WHITESPACE, N_GUESSES };

typedef struct
{
  guint    n_records;
  guint    first[N_GUESSES];      /* count in the first record */
  gboolean consistent[N_GUESSES]; /* the same non-zero count in every record */
  guint    present[N_GUESSES];    /* records where it appears (≥ 2 tokens for whitespace) */
} DelimiterCounts;

static void
count_record (DelimiterCounts *counts,
              const guint      n[N_GUESSES])
{
  for (guint g = 0; g < N_GUESSES; g++)
    {
      guint needed = g == GUESS_WHITESPACE ? 2 : 1;

      if (counts->n_records == 0)
        {
          counts->first[g] = n[g];
          counts->consistent[g] = n[g] >= needed;
        }
      else if (n[g] != counts->first[g])
        counts->consistent[g] = FALSE;
      if (n[g] >= needed)
        counts->present[g]++;
    }
  counts->n_records++;
}

/* Counts delimiters outside quotes in the first records, skipping blank
 * and comment lines.  A record cut by the sniffing limit is left out. */
static void
count_delimiters (const char      *data,
                  const char      *end,
                  DelimiterCounts *counts)
{
  const char *limit = MIN (end, data + SNIFF_BYTES);
  SlopeCsvScanner s;

  memset (counts, 0, sizeof *counts);
  /* As if tab-delimited, so that a leading tab is counted, not skipped. */
  slope_csv_scanner_init (&s, data, limit, '\t', 1);
  while (counts->n_records < SNIFF_RECORDS && slope_csv_scanner_next_record (&s))
    {
      guint n[N_GUESSES] = { 0 };
      gboolean in_quotes = FALSE, in_token = FALSE;
      const char *p = s.p;

      for (; p < limit && (in_quotes || !is_newline (*p)); p++)
        {
          gboolean blank = *p == ' ' || *p == '\t';

          if (*p == '"')
            in_quotes = !in_quotes;
          if (in_quotes)
            continue;
          n[GUESS_COMMA] += *p == ',';
          n[GUESS_SEMICOLON] += *p == ';';
          n[GUESS_TAB] += *p == '\t';
          n[GUESS_WHITESPACE] += !blank && !in_token;
          in_token = !blank;
        }
      if (p == limit && limit < end && counts->n_records > 0)
        break;
      count_record (counts, n);
      s.p = p;
      if (p == limit)
        break;
      s.p++;
    }
}

static SlopeCsvDelimiter
guess_delimiter (const char *data,
                 const char *end)
{
  static const SlopeCsvDelimiter by_guess[N_GUESSES] = {
    SLOPE_CSV_DELIMITER_COMMA, SLOPE_CSV_DELIMITER_SEMICOLON,
    SLOPE_CSV_DELIMITER_TAB, SLOPE_CSV_DELIMITER_WHITESPACE,
  };
  DelimiterCounts c;
  guint best = GUESS_COMMA;

  count_delimiters (data, end, &c);

  /* Semicolons everywhere mean a file whose commas are decimal commas. */
  if (c.consistent[GUESS_SEMICOLON])
    return SLOPE_CSV_DELIMITER_SEMICOLON;
  if (c.consistent[GUESS_COMMA] || c.consistent[GUESS_TAB])
    {
      if (c.consistent[GUESS_TAB]
          && (!c.consistent[GUESS_COMMA] || c.first[GUESS_TAB] > c.first[GUESS_COMMA]))
        return SLOPE_CSV_DELIMITER_TAB;
      return SLOPE_CSV_DELIMITER_COMMA;
    }
  if (c.consistent[GUESS_WHITESPACE])
    return SLOPE_CSV_DELIMITER_WHITESPACE;

  /* A ragged file: whichever appears in the most records, comma on ties. */
  for (guint g = 0; g < N_GUESSES; g++)
    if (c.present[g] > c.present[best])
      best = g;
  return by_guess[best];
}

/* Guessing the header and the numeric columns -------------------------- */

typedef struct
{
  GPtrArray  *records;       /* char **, as in the file (record_new()) */
  const char *first;         /* where the first record starts */
  guint       first_line;
  const char *second;        /* where the record after it starts, or the end */
  guint       second_line;
  const char *end;           /* where the sample ends */
} Sample;

static gboolean
read_sample (const SlopeCsvLayout  *layout,
             guint                  max_records,
             Sample                *sample,
             GError               **error)
{
  g_autoptr(GArray) fields = g_array_new (FALSE, FALSE, sizeof (SlopeCsvField));
  SlopeCsvScanner s;

  slope_csv_scanner_init (&s, layout->data, layout->end, layout->delimiter_char, 1);
  sample->records = g_ptr_array_new_with_free_func (g_free);
  sample->first = sample->second = layout->end;
  sample->first_line = sample->second_line = 1;

  while (sample->records->len < max_records && slope_csv_scanner_next_record (&s))
    {
      SlopeCsvFieldEnd field_end;

      if (sample->records->len == 0)
        {
          sample->first = s.p;
          sample->first_line = s.line;
        }
      g_array_set_size (fields, 0);
      do
        {
          SlopeCsvField field;

          field_end = slope_csv_scanner_next_field (&s, &field);
          if (field_end == SLOPE_CSV_FIELD_UNTERMINATED)
            {
              g_set_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_UNTERMINATED_QUOTE,
                           _("%s: line %u: a quote opened here is never closed"),
                           layout->display_name, s.line);
              return FALSE;
            }
          g_array_append_val (fields, field);
        }
      while (field_end == SLOPE_CSV_FIELD_MORE);

      g_ptr_array_add (sample->records,
                       record_new ((const SlopeCsvField *) (gpointer) fields->data, fields->len));
      if (sample->records->len == 1)
        {
          sample->second = s.p;
          sample->second_line = s.line;
        }
    }

  sample->end = s.p;
  return TRUE;
}

static SlopeCsvCell
classify_string (const SlopeCsvLayout *layout,
                 const char           *text)
{
  double unused;

  return slope_csv_classify (text, strlen (text),
                             layout->delimiter == SLOPE_CSV_DELIMITER_SEMICOLON, &unused);
}

/* Counts numbers and text per column in records [from, to). */
static void
count_cells (const SlopeCsvLayout *layout,
             GPtrArray            *records,
             guint                 from,
             guint                 to,
             guint                *numbers,
             guint                *texts)
{
  for (guint r = from; r < to; r++)
    {
      char **cells = g_ptr_array_index (records, r);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          SlopeCsvCell cell = classify_string (layout, cells[c]);

          numbers[c] += cell == SLOPE_CSV_CELL_NUMBER;
          texts[c] += cell == SLOPE_CSV_CELL_TEXT;
        }
    }
}

/* A column is numeric when at least half its cells that are not empty or
 * NA are numbers: a bad value in every other row should be reported, not
 * make the column vanish from the choice. */
static inline gboolean
mostly_numbers (guint numbers,
                guint texts)
{
  return numbers > 0 && numbers >= texts;
}

/* A first row is a header when it has text where the rows below have
 * numbers; a file of one row, when it has text and no numbers. */
static gboolean
guess_header (const SlopeCsvLayout *layout,
              GPtrArray            *records,
              const guint          *numbers_below,
              const guint          *texts_below)
{
  char **first;
  guint n_numbers = 0, n_texts = 0;
  gboolean text_over_numbers = FALSE;

  if (records->len == 0)
    return FALSE;

  first = g_ptr_array_index (records, 0);
  for (guint c = 0; first[c] != NULL; c++)
    {
      SlopeCsvCell cell = classify_string (layout, first[c]);

      n_numbers += cell == SLOPE_CSV_CELL_NUMBER;
      n_texts += cell == SLOPE_CSV_CELL_TEXT;
      if (cell == SLOPE_CSV_CELL_TEXT && mostly_numbers (numbers_below[c], texts_below[c]))
        text_over_numbers = TRUE;
    }

  if (text_over_numbers)
    return TRUE;
  return n_texts > 0 && n_numbers == 0;
}

/* Linear in the columns: a header may have hundreds of thousands. */
static void
name_columns (SlopeCsvLayout *layout,
              char          **header)
{
  guint n_header = header != NULL ? g_strv_length (header) : 0;

  layout->names = g_new0 (char *, layout->n_columns + 1);
  for (guint c = 0; c < layout->n_columns; c++)
    {
      if (c < n_header && header[c][0] != '\0')
        layout->names[c] = g_strdup (header[c]);
      else
        layout->names[c] = g_strdup_printf (_("Column %u"), c + 1);
    }
}

/* The header's names, one to a column.  R's write.table leaves the row
 * names' column out of the header ("x" "y" over "1" 1.5 2.3), so a header
 * one short of every row names the columns after the first. */
static char **
header_names (GPtrArray *records,
              guint      n_columns)
{
  char **header = g_ptr_array_index (records, 0);
  guint n = g_strv_length (header);
  char **shifted;

  if (n + 1 != n_columns || records->len < 2)
    return g_strdupv (header);
  for (guint r = 1; r < records->len; r++)
    if (g_strv_length (g_ptr_array_index (records, r)) != n_columns)
      return g_strdupv (header);
  shifted = g_new0 (char *, n_columns + 1);
  shifted[0] = g_strdup ("");
  for (guint c = 0; c < n; c++)
    shifted[c + 1] = g_strdup (header[c]);
  return shifted;
}

/* Keeps the sampled data rows, each padded to n_columns cells: moved,
 * not copied, when already as wide. */
static void
keep_rows (SlopeCsvLayout *layout,
           GPtrArray      *records)
{
  layout->rows = g_ptr_array_new_with_free_func (g_free);
  for (guint r = layout->has_header ? 1 : 0; r < records->len; r++)
    {
      char **cells = g_ptr_array_index (records, r);
      guint n = g_strv_length (cells);

      if (n == layout->n_columns)
        {
          g_ptr_array_add (layout->rows, cells);
          records->pdata[r] = NULL;
        }
      else
        g_ptr_array_add (layout->rows, record_pad (cells, n, layout->n_columns));
    }
}

static void
describe_columns (SlopeCsvLayout *layout,
                  Sample         *sample)
{
  GPtrArray *records = sample->records;
  g_autofree guint *numbers = NULL;
  g_autofree guint *texts = NULL;
  g_auto(GStrv) header = NULL;
  guint n_data;

  layout->n_columns = 0;
  for (guint r = 0; r < records->len; r++)
    layout->n_columns = MAX (layout->n_columns, g_strv_length (g_ptr_array_index (records, r)));

  numbers = g_new0 (guint, layout->n_columns + 1);
  texts = g_new0 (guint, layout->n_columns + 1);
  count_cells (layout, records, 1, records->len, numbers, texts);
  layout->has_header = guess_header (layout, records, numbers, texts);
  if (!layout->has_header)
    count_cells (layout, records, 0, MIN (1, records->len), numbers, texts);

  layout->numeric = g_new0 (gboolean, layout->n_columns + 1);
  for (guint c = 0; c < layout->n_columns; c++)
    layout->numeric[c] = mostly_numbers (numbers[c], texts[c]);

  header = layout->has_header ? header_names (records, layout->n_columns) : NULL;
  name_columns (layout, header);
  keep_rows (layout, records);

  layout->body = layout->has_header ? sample->second : sample->first;
  layout->body_line = layout->has_header ? sample->second_line : sample->first_line;
  n_data = layout->rows->len;
  layout->bytes_per_row = n_data > 0 ? (double) (sample->end - layout->body) / n_data : 16.0;
  layout->sample_end = sample->end;
}

/* The end of the line holding @position, so that a check stops between
 * two characters. */
static const char *
end_of_line (const char *position,
             const char *end)
{
  while (position < end && !is_newline (*position))
    position++;
  return position;
}

/**
 * slope_csv_layout_detect:
 * @sample_rows: data rows to keep in layout->rows
 *
 * Checks the start of @bytes is text, then guesses its layout from the
 * first @sample_rows rows (at least).  Leaves the rest of the file unread.
 */
gboolean
slope_csv_layout_detect (SlopeCsvLayout     *layout,
                         GBytes             *bytes,
                         const char         *display_name,
                         SlopeCsvDelimiter   delimiter,
                         guint               sample_rows,
                         GError            **error)
{
  Sample sample = { 0 };
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  gboolean ok;

  memset (layout, 0, sizeof *layout);
  layout->data = data ? data : "";
  layout->end = layout->data + len;
  layout->display_name = display_name;
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    layout->data += 3;

  if (!slope_csv_check_text (layout->data,
                             end_of_line (MIN (layout->end, layout->data + SNIFF_BYTES), layout->end),
                             display_name, NULL, error))
    return FALSE;

  layout->delimiter = delimiter != SLOPE_CSV_DELIMITER_AUTO ? delimiter
                      : guess_delimiter (layout->data, layout->end);
  layout->delimiter_char = slope_csv_delimiter_char (layout->delimiter);

  ok = read_sample (layout, MAX (sample_rows, 1) + 1, &sample, error)
       && slope_csv_check_text (layout->data, sample.end, display_name, NULL, error);
  if (ok)
    describe_columns (layout, &sample);

  g_clear_pointer (&sample.records, g_ptr_array_unref);
  return ok;
}

void
slope_csv_layout_clear (SlopeCsvLayout *layout)
{
  g_clear_pointer (&layout->names, g_strfreev);
  g_clear_pointer (&layout->numeric, g_free);
  g_clear_pointer (&layout->rows, g_ptr_array_unref);
}

/**
 * slope_csv_layout_find_column:
 * @spec: a column name (exact, then ignoring case) or a 1-based index
 *
 * Returns: the 0-based column, or G_MAXUINT when there is none.
 */
guint
slope_csv_layout_find_column (const SlopeCsvLayout *layout,
                              const char           *spec)
{
  g_autofree char *wanted = g_strstrip (g_strdup (spec));
  g_autofree char *wanted_folded = g_utf8_casefold (wanted, -1);
  guint64 index;

  for (guint c = 0; c < layout->n_columns; c++)
    if (g_str_equal (layout->names[c], wanted))
      return c;

  for (guint c = 0; c < layout->n_columns; c++)
    {
      g_autofree char *folded = g_utf8_casefold (layout->names[c], -1);

      if (g_str_equal (folded, wanted_folded))
        return c;
    }

  if (layout->n_columns > 0
      && g_ascii_string_to_unsigned (wanted, 10, 1, layout->n_columns, &index, NULL))
    return (guint) index - 1;

  return G_MAXUINT;
}
