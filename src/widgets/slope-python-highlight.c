/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-python-highlight.c: just enough Python for the lesson's lines:
 * keywords, builtins, numbers, strings and comments.
 *
 * It applies the buffer's tags named "keyword", "builtin", "number",
 * "string" and "comment"; a view leaves out a tag it does not style, and
 * that kind of token is then left plain.
 */
#include "config.h"

#include <string.h>

#include "slope-python-highlight.h"

static const char *const keywords[] = { "for", "in", "True", "False", "None" };
static const char *const builtins[] = { "range", "print" };

static gboolean
word_in (const char        *word,
         gsize              len,
         const char *const *words,
         gsize              n_words)
{
  for (gsize i = 0; i < n_words; i++)
    if (strlen (words[i]) == len && strncmp (word, words[i], len) == 0)
      return TRUE;
  return FALSE;
}

static void
tag_bytes (GtkTextBuffer *buffer,
           const char    *tag_name,
           int            line,
           gsize          start,
           gsize          end)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextIter a, b;

  if (gtk_text_tag_table_lookup (table, tag_name) == NULL)
    return;
  gtk_text_buffer_get_iter_at_line_index (buffer, &a, line, (int) start);
  gtk_text_buffer_get_iter_at_line_index (buffer, &b, line, (int) end);
  gtk_text_buffer_apply_tag_by_name (buffer, tag_name, &a, &b);
}

/* @text: the text of @line as it is in @buffer */
void
slope_python_highlight_line (GtkTextBuffer *buffer,
                             int            line,
                             const char    *text)
{
  gsize i = 0, len = strlen (text);

  while (i < len)
    {
      gsize start = i;

      if (text[i] == '#')
        {
          tag_bytes (buffer, "comment", line, i, len);
          return;
        }
      else if (text[i] == '\'')
        {
          for (i++; i < len && text[i] != '\''; i++)
            ;
          i = MIN (i + 1, len);
          tag_bytes (buffer, "string", line, start, i);
        }
      else if (g_ascii_isalpha (text[i]) || text[i] == '_')
        {
          while (i < len && (g_ascii_isalnum (text[i]) || text[i] == '_'))
            i++;
          if (word_in (text + start, i - start, keywords, G_N_ELEMENTS (keywords)))
            tag_bytes (buffer, "keyword", line, start, i);
          else if (word_in (text + start, i - start, builtins, G_N_ELEMENTS (builtins)))
            tag_bytes (buffer, "builtin", line, start, i);
        }
      else if (g_ascii_isdigit (text[i]))
        {
          while (i < len && (g_ascii_isdigit (text[i]) || text[i] == '.'))
            i++;
          tag_bytes (buffer, "number", line, start, i);
        }
      else
        i++;
    }
}
