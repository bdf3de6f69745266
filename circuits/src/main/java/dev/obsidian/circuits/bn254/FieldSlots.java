package dev.obsidian.circuits.bn254;

/**
 * Allocation-free arithmetic on field elements stored in {@code long[]} slots (Montgomery limbs), so point
 * arithmetic and MSM can be written once for G1 (over Fq, 4 longs) and G2 (over Fq2, 8 longs). Instances may hold
 * scratch space: use one per thread.
 */
public interface FieldSlots {
  /** Longs per element. */
  int width();

  void add(long[] a, int ai, long[] b, int bi, long[] out, int oi);

  void sub(long[] a, int ai, long[] b, int bi, long[] out, int oi);

  void neg(long[] a, int ai, long[] out, int oi);

  void mul(long[] a, int ai, long[] b, int bi, long[] out, int oi);

  void square(long[] a, int ai, long[] out, int oi);

  /** out = 1/a; the caller rejects zero. */
  void inverse(long[] a, int ai, long[] out, int oi);

  void setOne(long[] out, int oi);

  default void dbl(long[] a, int ai, long[] out, int oi) {
    add(a, ai, a, ai, out, oi);
  }

  default boolean isZero(long[] a, int ai) {
    for (int i = 0; i < width(); i++) {
      if (a[ai + i] != 0) {
        return false;
      }
    }
    return true;
  }

  default void setZero(long[] out, int oi) {
    java.util.Arrays.fill(out, oi, oi + width(), 0L);
  }

  default void copy(long[] a, int ai, long[] out, int oi) {
    System.arraycopy(a, ai, out, oi, width());
  }

  default boolean equal(long[] a, int ai, long[] b, int bi) {
    return java.util.Arrays.equals(a, ai, ai + width(), b, bi, bi + width());
  }
}
