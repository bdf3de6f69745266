package dev.obsidian.circuits.msm;

import dev.obsidian.circuits.bn254.FieldSlots;
import dev.obsidian.circuits.bn254.JacobianSlots;

/**
 * One window's buckets kept in affine form, filled by batched affine additions: the additions scheduled in a batch
 * touch distinct buckets, and all their slope denominators are inverted together with Montgomery's trick (one
 * field inversion per batch), so an addition costs about 6 field products instead of the 11 of a mixed Jacobian
 * addition.
 */
final class AffineBuckets {
  private final JacobianSlots curve;
  private final FieldSlots f;
  private final int w;
  private final int aw;
  private final int bucketCount;
  private final long[] buckets;
  private final boolean[] filled;
  private final int[] busyStamp;
  private int stamp = 1;
  private final long[] overflow;
  private final boolean[] overflowUsed;
  private final long[] single;

  private final int batchCapacity;
  private final int[] batchBucket;
  private final long[] batchPoint;
  private final boolean[] batchDoubling;
  private final boolean[] batchCancels;
  private final long[] denominators;
  private final long[] prefix;
  private int batchSize;
  private final long[] t;

  AffineBuckets(JacobianSlots curve, int bucketCount) {
    this.curve = curve;
    this.f = curve.field();
    this.w = f.width();
    this.aw = 2 * w;
    this.bucketCount = bucketCount;
    this.buckets = new long[bucketCount * aw];
    this.filled = new boolean[bucketCount];
    this.busyStamp = new int[bucketCount];
    this.overflow = new long[bucketCount * curve.jacobianWidth()];
    this.overflowUsed = new boolean[bucketCount];
    this.single = new long[aw];
    this.batchCapacity = Math.max(16, Math.min(1024, bucketCount / 4));
    this.batchBucket = new int[batchCapacity];
    this.batchPoint = new long[batchCapacity * aw];
    this.batchDoubling = new boolean[batchCapacity];
    this.batchCancels = new boolean[batchCapacity];
    this.denominators = new long[batchCapacity * w];
    this.prefix = new long[batchCapacity * w];
    this.t = new long[6 * w];
  }

  /**
   * Adds ±bases[i] into bucket |digit| - 1 for every point i with a non-zero digit in this window. A point whose
   * bucket already has an addition in the current batch goes into that bucket's Jacobian overflow accumulator
   * instead (a mixed addition), so skewed digit distributions (such as the top window's) cost no extra batches.
   *
   * @param digits digits by window: digits[window·count + i]
   */
  void accumulate(long[] bases, int[] digits, int count, int windows, int window) {
    for (int i = 0; i < count; i++) {
      int digit = digits[window * count + i];
      if (digit == 0 || curve.isAffineInfinity(bases, i * aw)) {
        continue;
      }
      int bucket = Math.abs(digit) - 1;
      if (busyStamp[bucket] == stamp) {
        addToOverflow(bucket, bases, i * aw, digit < 0);
      } else if (!filled[bucket]) {
        copyPoint(bases, i * aw, digit < 0, buckets, bucket * aw);
        filled[bucket] = true;
      } else {
        schedule(bucket, bases, i * aw, digit < 0);
      }
    }
    flush();
  }

  private void addToOverflow(int bucket, long[] bases, int offset, boolean negate) {
    int jw = curve.jacobianWidth();
    if (!overflowUsed[bucket]) {
      curve.setInfinity(overflow, bucket * jw);
      overflowUsed[bucket] = true;
    }
    copyPoint(bases, offset, negate, single, 0);
    curve.addAffine(overflow, bucket * jw, single, 0, overflow, bucket * jw);
  }

  /** Σ (b + 1)·bucket[b] by a running sum, as a Jacobian point. */
  void reduce(long[] out, int offset) {
    int jw = curve.jacobianWidth();
    long[] running = new long[jw];
    curve.setInfinity(running, 0);
    curve.setInfinity(out, offset);
    for (int b = bucketCount - 1; b >= 0; b--) {
      if (filled[b]) {
        curve.addAffine(running, 0, buckets, b * aw, running, 0);
      }
      if (overflowUsed[b]) {
        curve.add(running, 0, overflow, b * jw, running, 0);
      }
      curve.add(out, offset, running, 0, out, offset);
    }
  }

  private void copyPoint(long[] src, int si, boolean negate, long[] dst, int di) {
    f.copy(src, si, dst, di);
    if (negate) {
      f.neg(src, si + w, dst, di + w);
    } else {
      f.copy(src, si + w, dst, di + w);
    }
  }

  private void schedule(int bucket, long[] bases, int offset, boolean negate) {
    int k = batchSize++;
    batchBucket[k] = bucket;
    busyStamp[bucket] = stamp;
    copyPoint(bases, offset, negate, batchPoint, k * aw);
    if (batchSize == batchCapacity) {
      flush();
    }
  }

  /** Completes every scheduled addition: bucket ← bucket + point, with one inversion for the whole batch. */
  private void flush() {
    int n = batchSize;
    if (n == 0) {
      stamp++;
      return;
    }
    // denominators: x_p - x_b for an addition, 2·y_b for a doubling, 1 when the sum is infinity
    for (int k = 0; k < n; k++) {
      int b = batchBucket[k] * aw;
      int p = k * aw;
      f.sub(batchPoint, p, buckets, b, denominators, k * w);
      batchDoubling[k] = false;
      batchCancels[k] = false;
      if (f.isZero(denominators, k * w)) {
        if (f.equal(batchPoint, p + w, buckets, b + w) && !f.isZero(buckets, b + w)) {
          batchDoubling[k] = true;
          f.dbl(buckets, b + w, denominators, k * w);
        } else {
          batchCancels[k] = true;
          f.setOne(denominators, k * w);
        }
      }
    }
    f.copy(denominators, 0, prefix, 0);
    for (int k = 1; k < n; k++) {
      f.mul(prefix, (k - 1) * w, denominators, k * w, prefix, k * w);
    }
    int inv = 0;
    int slope = w;
    int tmp = 2 * w;
    int x3 = 3 * w;
    int one = 4 * w;
    f.inverse(prefix, (n - 1) * w, t, inv);
    for (int k = n - 1; k >= 0; k--) {
      // t[one] = 1/den_k; then t[inv] becomes 1/(den_0 ... den_{k-1})
      if (k > 0) {
        f.mul(t, inv, prefix, (k - 1) * w, t, one);
        f.mul(t, inv, denominators, k * w, t, inv);
      } else {
        f.copy(t, inv, t, one);
      }
      int bucket = batchBucket[k];
      int b = bucket * aw;
      int p = k * aw;
      if (batchCancels[k]) {
        filled[bucket] = false;
        continue;
      }
      if (batchDoubling[k]) {
        f.square(buckets, b, t, tmp);
        f.add(t, tmp, t, tmp, t, slope);
        f.add(t, slope, t, tmp, t, slope); // 3x²
      } else {
        f.sub(batchPoint, p + w, buckets, b + w, t, slope); // y_p - y_b
      }
      f.mul(t, slope, t, one, t, slope); // λ
      f.square(t, slope, t, x3);
      f.sub(t, x3, buckets, b, t, x3);
      f.sub(t, x3, batchPoint, p, t, x3); // x3 = λ² - x_b - x_p
      f.sub(buckets, b, t, x3, t, tmp);
      f.mul(t, slope, t, tmp, t, tmp);
      f.sub(t, tmp, buckets, b + w, buckets, b + w); // y3 = λ(x_b - x3) - y_b
      f.copy(t, x3, buckets, b);
    }
    batchSize = 0;
    stamp++;
  }
}
