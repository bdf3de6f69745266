package dev.obsidian.circuits.fft;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.field.MontgomeryKernel;
import java.util.stream.IntStream;

/**
 * The multiplicative subgroup {ω^i} of Fr of size n = 2^k, with radix-2 FFTs over it and over its coset g·{ω^i}.
 * Vectors are {@code long[4n]} of Montgomery limbs (see {@link MontgomeryKernel}); transforms work in place and run
 * each butterfly stage on all cores for large sizes. Immutable after construction, so shareable across threads.
 */
public final class Domain {
  private static final MontgomeryKernel K = MontgomeryKernel.BN254_FR;
  /** Below this size one thread does the whole transform: the fork/join cost would dominate. */
  private static final int PARALLEL_THRESHOLD = 1 << 12;
  /** The coset shift g = 7: not in any 2-power subgroup, so g^n ≠ 1 (any such element works). */
  public static final Fr COSET_SHIFT = Fr.of(7);

  private final int log2Size;
  private final int size;
  private final Fr generator;
  private final long[] twiddles;
  private final long[] inverseTwiddles;
  private final long[] sizeInverse = new long[4];
  private final boolean useNative;

  public Domain(int log2Size) {
    this(log2Size, true);
  }

  /** As {@link #Domain(int)}; {@code allowNative = false} forces the Java butterflies (for tests). */
  Domain(int log2Size, boolean allowNative) {
    if (log2Size < 0 || log2Size > Fr.TWO_ADICITY) {
      throw new IllegalArgumentException("domain log2Size must be in [0, 28], got " + log2Size);
    }
    this.log2Size = log2Size;
    this.size = 1 << log2Size;
    this.generator = Fr.rootOfUnity(log2Size);
    this.twiddles = powers(generator, Math.max(1, size / 2));
    this.inverseTwiddles = powers(generator.inverse(), Math.max(1, size / 2));
    Fr.of(size).inverse().copyMontgomeryLimbs(sizeInverse, 0);
    this.useNative = allowNative && NativeFft.available();
  }

  /** The smallest domain with at least {@code minimumSize} points. */
  public static Domain atLeast(long minimumSize) {
    int log2 = 0;
    while ((1L << log2) < minimumSize) {
      log2++;
    }
    return new Domain(log2);
  }

  public int size() {
    return size;
  }

  public int log2Size() {
    return log2Size;
  }

  /** ω, a primitive n-th root of unity. */
  public Fr generator() {
    return generator;
  }

  /** base^0 .. base^(count-1) as Montgomery limbs. */
  public static long[] powers(Fr base, int count) {
    long[] out = new long[4 * count];
    long[] b = new long[4];
    base.copyMontgomeryLimbs(b, 0);
    K.setOne(out, 0);
    for (int i = 1; i < count; i++) {
      K.mul(out, 4 * (i - 1), b, 0, out, 4 * i);
    }
    return out;
  }

  /** Coefficients → evaluations at ω^i. */
  public void fft(long[] values) {
    transform(values, twiddles);
  }

  /** Evaluations at ω^i → coefficients. */
  public void inverseFft(long[] values) {
    transform(values, inverseTwiddles);
    scaleAll(values, sizeInverse);
  }

  /** Coefficients → evaluations at g·ω^i. */
  public void cosetFft(long[] values) {
    multiplyByPowers(values, COSET_SHIFT, Fr.ONE);
    fft(values);
  }

  /** Evaluations at g·ω^i → coefficients. */
  public void inverseCosetFft(long[] values) {
    inverseCosetFft(values, Fr.ONE);
  }

  /**
   * Evaluations at g·ω^i → coefficients times {@code factor}: one inverse transform, then one pass multiplying
   * coefficient i by factor·g^-i/n (the 1/n, the coset shift and the factor fused).
   */
  public void inverseCosetFft(long[] values, Fr factor) {
    transform(values, inverseTwiddles);
    multiplyByPowers(values, COSET_SHIFT.inverse(), factor.mul(sizeInverseFr()));
  }

  /**
   * Evaluations at ω^i → evaluations at g·ω^i of the same polynomial: inverse transform, one pass multiplying
   * coefficient i by g^i/n (the 1/n and the coset shift fused), forward transform.
   */
  public void evaluationsToCoset(long[] values) {
    transform(values, inverseTwiddles);
    multiplyByPowers(values, COSET_SHIFT, sizeInverseFr());
    transform(values, twiddles);
  }

  private Fr sizeInverseFr() {
    return Fr.fromMontgomeryLimbs(sizeInverse, 0);
  }

  /** values[i] *= base^i. */
  static void multiplyByPowers(long[] values, Fr base) {
    multiplyByPowers(values, base, Fr.ONE);
  }

  /** values[i] *= factor·base^i, on all cores for large vectors. */
  static void multiplyByPowers(long[] values, Fr base, Fr factor) {
    int n = values.length / 4;
    int chunks = chunks(n);
    int per = (n + chunks - 1) / chunks;
    IntStream.range(0, chunks).parallel().forEach(chunk -> {
      int from = chunk * per;
      int to = Math.min(n, from + per);
      if (from >= to) {
        return;
      }
      long[] p = new long[8];
      base.pow(from).mul(factor).copyMontgomeryLimbs(p, 0);
      base.copyMontgomeryLimbs(p, 4);
      for (int i = from; i < to; i++) {
        K.mul(values, 4 * i, p, 0, values, 4 * i);
        K.mul(p, 0, p, 4, p, 0);
      }
    });
  }

  private void scaleAll(long[] values, long[] factor) {
    int n = values.length / 4;
    int chunks = chunks(n);
    int per = (n + chunks - 1) / chunks;
    IntStream.range(0, chunks).parallel().forEach(chunk -> {
      for (int i = chunk * per; i < Math.min(n, (chunk + 1) * per); i++) {
        K.mul(values, 4 * i, factor, 0, values, 4 * i);
      }
    });
  }

  private static int chunks(int n) {
    return n < PARALLEL_THRESHOLD ? 1 : Runtime.getRuntime().availableProcessors() * 4;
  }

  /**
   * Iterative decimation in time: bit-reversal, then log n stages of butterflies (u + ωv, u - ωv). For large sizes
   * the early stages, whose blocks fit in one of {@code chunks} contiguous slices, run slice by slice in parallel
   * with no synchronisation between stages; only the last log2(chunks) stages are split butterfly-wise.
   */
  private void transform(long[] a, long[] roots) {
    if (a.length != 4 * size) {
      throw new IllegalArgumentException("FFT input must have " + size + " elements, got " + a.length / 4);
    }
    bitReverse(a);
    int half = size / 2;
    int chunks = Integer.highestOneBit(chunks(size));
    if (chunks == 1) {
      stages(a, roots, 2, size, 0, half);
      return;
    }
    int slice = size / chunks;
    IntStream.range(0, chunks).parallel().forEach(chunk -> {
      int firstButterfly = chunk * (slice / 2);
      stages(a, roots, 2, slice, firstButterfly, firstButterfly + slice / 2);
    });
    for (int len = slice << 1; len <= size; len <<= 1) {
      int stage = len;
      int per = (half + chunks - 1) / chunks;
      IntStream.range(0, chunks).parallel().forEach(chunk ->
          stages(a, roots, stage, stage, chunk * per, Math.min(half, (chunk + 1) * per)));
    }
  }

  /** Stages fromLen..toLen (block lengths, powers of two), butterflies from..to-1 of each. */
  private void stages(long[] a, long[] roots, int fromLen, int toLen, int from, int to) {
    if (from >= to) {
      return;
    }
    if (useNative) {
      NativeFft.butterflies(a, roots, size, fromLen, toLen, from, to);
      return;
    }
    long[] t = new long[8];
    for (int len = fromLen; len <= toLen; len <<= 1) {
      butterflies(a, roots, len >>> 1, size / len, from, to, t);
    }
  }

  /** Butterflies number from..to-1 of a stage; butterfly k is position j = k mod half in block k / half. */
  private static void butterflies(long[] a, long[] roots, int half, int stride, int from, int to, long[] t) {
    for (int k = from; k < to; k++) {
      int j = k & (half - 1);
      int top = 4 * (((k - j) << 1) + j);
      int bottom = top + 4 * half;
      K.mul(a, bottom, roots, 4 * j * stride, t, 0);
      K.sub(a, top, t, 0, a, bottom);
      K.add(a, top, t, 0, a, top);
    }
  }

  private void bitReverse(long[] a) {
    int shift = 32 - log2Size;
    for (int i = 0; i < size; i++) {
      int j = log2Size == 0 ? 0 : Integer.reverse(i) >>> shift;
      if (i < j) {
        for (int l = 0; l < 4; l++) {
          long tmp = a[4 * i + l];
          a[4 * i + l] = a[4 * j + l];
          a[4 * j + l] = tmp;
        }
      }
    }
  }
}
