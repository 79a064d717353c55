/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-wrap.c: see slope-wrap.h. */
#include "config.h"

#include <string.h>

#include "slope-wrap.h"

/* Operators that bind the words on either side of them. */
static gboolean
is_operator (gunichar c)
{
  switch (c)
    {
    case '=': case '+': case '-': case '*': case '/': case '<': case '>':
    case 0x2212: /* − */
    case 0x00B7: /* · */
    case 0x00D7: /* × */
    case 0x2248: /* ≈ */
    case 0x2190: /* ← */
    case 0x2264: /* ≤ */
    case 0x2265: /* ≥ */
      return TRUE;
    default:
      return FALSE;
    }
}

static gunichar
char_before (const char *text,
             const char *p)
{
  return p > text ? g_utf8_get_char (g_utf8_prev_char (p)) : 0;
}

/* Whether a line may break after the space at @p. */
static gboolean
breakable_space (const char *text,
                 const char *p,
                 int         depth)
{
  gunichar before = char_before (text, p);
  gunichar after = g_utf8_get_char (g_utf8_next_char (p));

  return depth == 0 && before != ' ' && after != ' ' && after != 0
         && !is_operator (before) && !is_operator (after);
}

/**
 * slope_wrap_attributes:
 *
 * Returns: attributes forbidding every line break in @text except after
 *   a space between two words (and at newlines, which always break).
 */
PangoAttrList *
slope_wrap_attributes (const char *text)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  const char *start = text;
  int depth = 0;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean end = c == 0 || c == '\n' || (c == ' ' && breakable_space (text, p, depth));

      if (c == '(' || c == '[')
        depth++;
      else if ((c == ')' || c == ']') && depth > 0)
        depth--;
      else if (c == '\n')
        depth = 0;

      if (end)
        {
          /* The segment up to the space: the break opportunity after
           * the space, outside every range, stays. */
          if (p > start)
            {
              PangoAttribute *keep = pango_attr_allow_breaks_new (FALSE);

              keep->start_index = (guint) (start - text);
              keep->end_index = (guint) (p - text);
              pango_attr_list_insert (attrs, keep);
            }
          start = c != 0 ? p + 1 : p;
        }
      if (c == 0)
        break;
    }

  return attrs;
}

static void
apply (GtkLabel *label)
{
  g_autoptr(PangoAttrList) attrs = slope_wrap_attributes (gtk_label_get_text (label));

  gtk_label_set_attributes (label, attrs);
}

static void
on_label_changed (GtkLabel   *label,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  apply (label);
}

/* Keeps @label's words whole now and whenever its text changes.  For
 * plain-text labels: the attributes replace any set before. */
void
slope_wrap_keep_words (GtkLabel *label)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD);
  g_signal_connect (label, "notify::label", G_CALLBACK (on_label_changed), NULL);
  apply (label);
}

/* Every wrapping plain-text label under @root. */
void
slope_wrap_keep_words_in (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_label_get_wrap (GTK_LABEL (child))
          && !gtk_label_get_use_markup (GTK_LABEL (child))
          && gtk_label_get_attributes (GTK_LABEL (child)) == NULL)
        slope_wrap_keep_words (GTK_LABEL (child));
      slope_wrap_keep_words_in (child);
    }
}
