package dev.obsidian.circuits.bn254;

import dev.obsidian.crypto.field.MontgomeryKernel;

/** Fq2 = Fq[u]/(u² + 1) on eight longs (c0 limbs, then c1 limbs). Holds scratch space: one instance per thread. */
public final class Fq2Slots implements FieldSlots {
  private static final MontgomeryKernel K = MontgomeryKernel.BN254_FQ;
  private final long[] t = new long[16];

  @Override
  public int width() {
    return 8;
  }

  @Override
  public void add(long[] a, int ai, long[] b, int bi, long[] out, int oi) {
    K.add(a, ai, b, bi, out, oi);
    K.add(a, ai + 4, b, bi + 4, out, oi + 4);
  }

  @Override
  public void sub(long[] a, int ai, long[] b, int bi, long[] out, int oi) {
    K.sub(a, ai, b, bi, out, oi);
    K.sub(a, ai + 4, b, bi + 4, out, oi + 4);
  }

  @Override
  public void neg(long[] a, int ai, long[] out, int oi) {
    K.neg(a, ai, out, oi);
    K.neg(a, ai + 4, out, oi + 4);
  }

  /** Karatsuba: v0 = a0b0, v1 = a1b1, c1 = (a0 + a1)(b0 + b1) - v0 - v1, c0 = v0 - v1. */
  @Override
  public void mul(long[] a, int ai, long[] b, int bi, long[] out, int oi) {
    long[] s = t;
    K.mul(a, ai, b, bi, s, 0);
    K.mul(a, ai + 4, b, bi + 4, s, 4);
    K.add(a, ai, a, ai + 4, s, 8);
    K.add(b, bi, b, bi + 4, s, 12);
    K.mul(s, 8, s, 12, s, 8);
    K.sub(s, 8, s, 0, s, 8);
    K.sub(s, 8, s, 4, out, oi + 4);
    K.sub(s, 0, s, 4, out, oi);
  }

  /** (a + bu)² = (a + b)(a - b) + 2ab·u. */
  @Override
  public void square(long[] a, int ai, long[] out, int oi) {
    long[] s = t;
    K.add(a, ai, a, ai + 4, s, 0);
    K.sub(a, ai, a, ai + 4, s, 4);
    K.mul(a, ai, a, ai + 4, s, 8);
    K.mul(s, 0, s, 4, out, oi);
    K.add(s, 8, s, 8, out, oi + 4);
  }

  @Override
  public void inverse(long[] a, int ai, long[] out, int oi) {
    long[] s = t;
    K.square(a, ai, s, 0);
    K.square(a, ai + 4, s, 4);
    K.add(s, 0, s, 4, s, 0);
    K.inverse(s, 0, s, 0);
    K.mul(a, ai, s, 0, out, oi);
    K.neg(a, ai + 4, s, 4);
    K.mul(s, 4, s, 0, out, oi + 4);
  }

  @Override
  public void setOne(long[] out, int oi) {
    K.setOne(out, oi);
    java.util.Arrays.fill(out, oi + 4, oi + 8, 0L);
  }
}
