package dev.obsidian.circuits.bn254;

import dev.obsidian.crypto.field.MontgomeryKernel;

/** Fq on four Montgomery limbs: a thin view of the crypto module's kernel. Stateless, so shareable. */
public final class FqSlots implements FieldSlots {
  static final MontgomeryKernel K = MontgomeryKernel.BN254_FQ;

  @Override
  public int width() {
    return 4;
  }

  @Override
  public void add(long[] a, int ai, long[] b, int bi, long[] out, int oi) {
    K.add(a, ai, b, bi, out, oi);
  }

  @Override
  public void sub(long[] a, int ai, long[] b, int bi, long[] out, int oi) {
    K.sub(a, ai, b, bi, out, oi);
  }

  @Override
  public void neg(long[] a, int ai, long[] out, int oi) {
    K.neg(a, ai, out, oi);
  }

  @Override
  public void mul(long[] a, int ai, long[] b, int bi, long[] out, int oi) {
    K.mul(a, ai, b, bi, out, oi);
  }

  @Override
  public void square(long[] a, int ai, long[] out, int oi) {
    K.square(a, ai, out, oi);
  }

  @Override
  public void inverse(long[] a, int ai, long[] out, int oi) {
    K.inverse(a, ai, out, oi);
  }

  @Override
  public void setOne(long[] out, int oi) {
    K.setOne(out, oi);
  }

  @Override
  public boolean isZero(long[] a, int ai) {
    return MontgomeryKernel.isZero(a, ai);
  }
}
