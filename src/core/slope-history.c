/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-history.c: a run of any length in memory fixed at creation.
 *
 * Two stores, both allocated once:
 *  - a ring of the most recent epochs, exact, for rewinding a little;
 *  - buckets covering every epoch since reset.  A bucket spans `width`
 *    epochs; when they are all used, neighbours merge pairwise and the width
 *    doubles.  Each keeps the min and max cost over its span, so the cost
 *    plot's envelope never hides a spike, and its last epoch's record.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "slope-history.h"

#define DEFAULT_RECENT  (1u << 16)
#define DEFAULT_BUCKETS (1u << 17)

typedef struct
{
  guint64          first_epoch;
  double           cost_min;       /* over finite costs; +inf if none */
  double           cost_max;       /* +inf when any cost was inf or nan */
  double           max_finite;     /* -inf if none */
  double           min_positive;   /* for log axes; +inf if none */
  SlopeEpochRecord last;
} Bucket;

struct _SlopeHistory
{
  GObject           parent_instance;

  GMutex            lock;

  SlopeEpochRecord *recent;
  gsize             n_recent;
  gsize             recent_len;    /* how many of the ring are in use */
  gsize             recent_head;   /* where the next record goes */

  Bucket           *buckets;
  gsize             n_buckets;
  gsize             buckets_len;
  guint64           width;

  guint64           last_epoch;
  guint64           serial;
};

G_DEFINE_FINAL_TYPE (SlopeHistory, slope_history, G_TYPE_OBJECT)

static void
slope_history_finalize (GObject *object)
{
  SlopeHistory *self = SLOPE_HISTORY (object);

  g_clear_pointer (&self->recent, g_free);
  g_clear_pointer (&self->buckets, g_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (slope_history_parent_class)->finalize (object);
}

static void
slope_history_class_init (SlopeHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = slope_history_finalize;
}

static void
slope_history_init (SlopeHistory *self)
{
  g_mutex_init (&self->lock);
  self->width = 1;
}

/**
 * slope_history_new:
 * @n_recent: epochs kept exactly (at least 1)
 * @n_buckets: buckets for the whole run (an even number, at least 2)
 */
SlopeHistory *
slope_history_new (gsize n_recent,
                   gsize n_buckets)
{
  SlopeHistory *self;

  g_return_val_if_fail (n_recent >= 1, NULL);
  g_return_val_if_fail (n_buckets >= 2 && n_buckets % 2 == 0, NULL);

  self = g_object_new (SLOPE_TYPE_HISTORY, NULL);
  self->n_recent = n_recent;
  self->n_buckets = n_buckets;
  self->recent = g_new0 (SlopeEpochRecord, n_recent);
  self->buckets = g_new0 (Bucket, n_buckets);

  return self;
}

/* About 25 MB: 65 536 exact epochs and 131 072 buckets. */
SlopeHistory *
slope_history_new_default (void)
{
  return slope_history_new (DEFAULT_RECENT, DEFAULT_BUCKETS);
}

gsize
slope_history_get_memory_size (SlopeHistory *self)
{
  g_return_val_if_fail (SLOPE_IS_HISTORY (self), 0);

  return sizeof *self
         + self->n_recent * sizeof (SlopeEpochRecord)
         + self->n_buckets * sizeof (Bucket);
}

void
slope_history_clear (SlopeHistory *self)
{
  g_return_if_fail (SLOPE_IS_HISTORY (self));

  g_mutex_lock (&self->lock);
  self->recent_len = 0;
  self->recent_head = 0;
  self->buckets_len = 0;
  self->width = 1;
  self->last_epoch = 0;
  self->serial++;
  g_mutex_unlock (&self->lock);
}

static void
bucket_start (Bucket                 *bucket,
              const SlopeEpochRecord *rec)
{
  bucket->first_epoch = rec->epoch;
  bucket->cost_min = INFINITY;
  bucket->cost_max = -INFINITY;
  bucket->max_finite = -INFINITY;
  bucket->min_positive = INFINITY;
}

static void
bucket_add (Bucket                 *bucket,
            const SlopeEpochRecord *rec)
{
  double c = rec->cost;

  if (isfinite (c))
    {
      bucket->cost_min = MIN (bucket->cost_min, c);
      bucket->cost_max = MAX (bucket->cost_max, c);
      bucket->max_finite = MAX (bucket->max_finite, c);
      if (c > 0.0)
        bucket->min_positive = MIN (bucket->min_positive, c);
    }
  else
    bucket->cost_max = INFINITY;
  bucket->last = *rec;
}

static void
buckets_halve (SlopeHistory *self)
{
  gsize j = 0;

  for (gsize i = 0; i < self->buckets_len; i += 2, j++)
    {
      Bucket merged = self->buckets[i];

      if (i + 1 < self->buckets_len)
        {
          const Bucket *next = &self->buckets[i + 1];

          merged.cost_min = MIN (merged.cost_min, next->cost_min);
          merged.cost_max = MAX (merged.cost_max, next->cost_max);
          merged.max_finite = MAX (merged.max_finite, next->max_finite);
          merged.min_positive = MIN (merged.min_positive, next->min_positive);
          merged.last = next->last;
        }
      self->buckets[j] = merged;
    }
  self->buckets_len = j;
  self->width *= 2;
}

static void
append_one (SlopeHistory           *self,
            const SlopeEpochRecord *rec)
{
  guint64 index;

  self->recent[self->recent_head] = *rec;
  self->recent_head = (self->recent_head + 1) % self->n_recent;
  self->recent_len = MIN (self->recent_len + 1, self->n_recent);

  /* Bucket k holds epochs k·width + 1 … (k + 1)·width. */
  index = (rec->epoch - 1) / self->width;
  while (index >= self->n_buckets)
    {
      buckets_halve (self);
      index = (rec->epoch - 1) / self->width;
    }

  if (index >= self->buckets_len)
    {
      bucket_start (&self->buckets[self->buckets_len], rec);
      self->buckets_len++;
    }
  bucket_add (&self->buckets[self->buckets_len - 1], rec);
  self->last_epoch = rec->epoch;
}

/**
 * slope_history_append:
 *
 * Adds records whose epochs follow the last one (1, 2, 3, … after a
 * clear).  Never allocates.
 */
void
slope_history_append (SlopeHistory           *self,
                      const SlopeEpochRecord *records,
                      gsize                   n_records)
{
  g_return_if_fail (SLOPE_IS_HISTORY (self));

  if (n_records == 0)
    return;

  g_mutex_lock (&self->lock);
  for (gsize i = 0; i < n_records; i++)
    {
      if (G_UNLIKELY (records[i].epoch != self->last_epoch + 1))
        {
          g_mutex_unlock (&self->lock);
          g_critical ("History expected epoch %" G_GUINT64_FORMAT ", got %" G_GUINT64_FORMAT,
                      self->last_epoch + 1, records[i].epoch);
          return;
        }
      append_one (self, &records[i]);
    }
  self->serial++;
  g_mutex_unlock (&self->lock);
}

guint64
slope_history_get_last_epoch (SlopeHistory *self)
{
  guint64 last;

  g_return_val_if_fail (SLOPE_IS_HISTORY (self), 0);

  g_mutex_lock (&self->lock);
  last = self->last_epoch;
  g_mutex_unlock (&self->lock);

  return last;
}

/* Changes whenever the contents change: a view redraws only then. */
guint64
slope_history_get_serial (SlopeHistory *self)
{
  guint64 serial;

  g_return_val_if_fail (SLOPE_IS_HISTORY (self), 0);

  g_mutex_lock (&self->lock);
  serial = self->serial;
  g_mutex_unlock (&self->lock);

  return serial;
}

/**
 * slope_history_lookup:
 *
 * The record of @epoch when it is recent enough to be kept exactly;
 * otherwise the stored epoch nearest to it (the last of its bucket).
 * Returns %FALSE for epoch 0 or an epoch not yet run.
 */
gboolean
slope_history_lookup (SlopeHistory     *self,
                      guint64           epoch,
                      SlopeEpochRecord *record)
{
  gboolean found = FALSE;

  g_return_val_if_fail (SLOPE_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  g_mutex_lock (&self->lock);
  if (epoch >= 1 && epoch <= self->last_epoch)
    {
      guint64 back = self->last_epoch - epoch;

      if (back < self->recent_len)
        {
          gsize slot = (self->recent_head + self->n_recent - 1 - back) % self->n_recent;

          *record = self->recent[slot];
        }
      else
        {
          guint64 index = MIN ((epoch - 1) / self->width, self->buckets_len - 1);

          *record = self->buckets[index].last;
        }
      found = TRUE;
    }
  g_mutex_unlock (&self->lock);

  return found;
}

/**
 * slope_history_cost_range:
 * @min_positive: (out): the smallest cost above zero (+inf if every
 *   finite cost is exactly zero)
 * @max_finite: (out): the largest finite cost
 *
 * What a cost axis must span.  Returns %FALSE when no finite cost exists.
 */
gboolean
slope_history_cost_range (SlopeHistory *self,
                          double       *min_positive,
                          double       *max_finite)
{
  double lo = INFINITY, hi = -INFINITY;

  g_return_val_if_fail (SLOPE_IS_HISTORY (self), FALSE);

  g_mutex_lock (&self->lock);
  for (gsize i = 0; i < self->buckets_len; i++)
    {
      const Bucket *bucket = &self->buckets[i];

      lo = MIN (lo, bucket->min_positive);
      hi = MAX (hi, bucket->max_finite);
    }
  g_mutex_unlock (&self->lock);

  if (!isfinite (hi))
    return FALSE;
  if (min_positive)
    *min_positive = lo;
  if (max_finite)
    *max_finite = hi;
  return TRUE;
}

/**
 * slope_history_envelope:
 * @lo: (out caller-allocates) (array length=n_columns)
 * @hi: (out caller-allocates) (array length=n_columns)
 *
 * Splits epochs @first_epoch … @last_epoch into @n_columns equal columns
 * and gives each the min and max cost of the buckets starting in it.  An
 * empty column gets NaN in both; a column with an inf or nan cost gets
 * +inf in @hi.  Returns the number of non-empty columns.
 */
gsize
slope_history_envelope (SlopeHistory *self,
                        guint64       first_epoch,
                        guint64       last_epoch,
                        gsize         n_columns,
                        double       *lo,
                        double       *hi)
{
  gsize filled = 0;
  double span;

  g_return_val_if_fail (SLOPE_IS_HISTORY (self), 0);
  g_return_val_if_fail (n_columns == 0 || (lo != NULL && hi != NULL), 0);

  for (gsize c = 0; c < n_columns; c++)
    lo[c] = hi[c] = NAN;
  if (n_columns == 0 || last_epoch < first_epoch)
    return 0;

  span = (double) (last_epoch - first_epoch) + 1.0;

  g_mutex_lock (&self->lock);
  for (gsize i = 0; i < self->buckets_len; i++)
    {
      const Bucket *bucket = &self->buckets[i];
      gsize c;

      if (bucket->last.epoch < first_epoch || bucket->first_epoch > last_epoch)
        continue;

      c = (gsize) ((double) (MAX (bucket->first_epoch, first_epoch) - first_epoch) / span
                   * (double) n_columns);
      c = MIN (c, n_columns - 1);
      if (isnan (lo[c]))
        {
          lo[c] = bucket->cost_min;
          hi[c] = bucket->cost_max;
          filled++;
        }
      else
        {
          lo[c] = MIN (lo[c], bucket->cost_min);
          hi[c] = MAX (hi[c], bucket->cost_max);
        }
    }
  g_mutex_unlock (&self->lock);

  return filled;
}

/**
 * slope_history_path:
 *
 * At most @max_points (W, b) pairs along the run: the path drawn on the
 * landscape.  They are every s-th bucket from the first, s the smallest
 * power of two that keeps them within @max_points, and the last bucket,
 * so the path ends at the last epoch.  As the run grows, the points
 * already given stay where they were (s only doubles), and a plot that
 * keys its picture on them draws it again only when it has changed.
 */
gsize
slope_history_path (SlopeHistory *self,
                    gsize         max_points,
                    double       *w,
                    double       *b)
{
  gsize n = 0;

  g_return_val_if_fail (SLOPE_IS_HISTORY (self), 0);

  g_mutex_lock (&self->lock);
  if (self->buckets_len > 0 && max_points > 0)
    {
      gsize last = self->buckets_len - 1;
      gsize stride = 1;

      /* Points at 0, s, 2s, … ≤ last, and last itself if not among them. */
      while (max_points > 1 && last / stride + 1 + (last % stride != 0) > max_points)
        stride *= 2;
      for (gsize i = max_points > 1 ? 0 : last; i <= last; i += stride)
        {
          w[n] = self->buckets[i].last.w;
          b[n] = self->buckets[i].last.b;
          n++;
        }
      if (n > 0 && max_points > 1 && last % stride != 0)
        {
          w[n] = self->buckets[last].last.w;
          b[n] = self->buckets[last].last.b;
          n++;
        }
    }
  g_mutex_unlock (&self->lock);

  return n;
}
