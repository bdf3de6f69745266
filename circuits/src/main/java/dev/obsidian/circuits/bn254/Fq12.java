package dev.obsidian.circuits.bn254;

import java.math.BigInteger;

/**
 * An element c0 + c1·w of Fq12 = Fq6[w]/(w² - v), the target group's field. Seen over Fq2 it is
 * Σ a_j·w^j (j = 0..5) with w⁶ = ξ: c0 = a0 + a2 v + a4 v², c1 = a1 + a3 v + a5 v². Immutable.
 */
public record Fq12(Fq6 c0, Fq6 c1) {
  public static final Fq12 ONE = new Fq12(Fq6.ONE, Fq6.ZERO);

  /** γ_j = ξ^(j(p-1)/6): (a_j w^j)^p = conj(a_j)·γ_j·w^j. Computed from ξ rather than tabulated. */
  private static final Fq2[] FROBENIUS_GAMMA = frobeniusGamma();

  private static Fq2[] frobeniusGamma() {
    BigInteger sixth = dev.obsidian.crypto.field.Fq.MODULUS.subtract(BigInteger.ONE).divide(BigInteger.valueOf(6));
    Fq2[] gamma = new Fq2[6];
    for (int j = 0; j < 6; j++) {
      gamma[j] = Fq2.XI.pow(sixth.multiply(BigInteger.valueOf(j)));
    }
    return gamma;
  }

  /** γ_j = ξ^(j(p-1)/6), j = 0..5. */
  static Fq2 frobeniusGamma(int j) {
    return FROBENIUS_GAMMA[j];
  }

  public Fq12 add(Fq12 o) {
    return new Fq12(c0.add(o.c0), c1.add(o.c1));
  }

  /** Karatsuba over Fq6 with w² = v. */
  public Fq12 mul(Fq12 o) {
    Fq6 v0 = c0.mul(o.c0);
    Fq6 v1 = c1.mul(o.c1);
    Fq6 cross = c0.add(c1).mul(o.c0.add(o.c1)).sub(v0).sub(v1);
    return new Fq12(v0.add(v1.mulByV()), cross);
  }

  /** (a + bw)² = (a + b)(a + vb) - ab - v·ab + 2ab·w. */
  public Fq12 square() {
    Fq6 ab = c0.mul(c1);
    Fq6 t = c0.add(c1).mul(c0.add(c1.mulByV())).sub(ab).sub(ab.mulByV());
    return new Fq12(t, ab.add(ab));
  }

  /** a - bw: the p⁶-power Frobenius, and the inverse of a unitary element (e.g. after the easy exponent). */
  public Fq12 conjugate() {
    return new Fq12(c0, c1.neg());
  }

  public Fq12 inverse() {
    Fq6 norm = c0.mul(c0).sub(c1.mul(c1).mulByV());
    Fq6 inv = norm.inverse();
    return new Fq12(c0.mul(inv), c1.neg().mul(inv));
  }

  /** x ↦ x^p. */
  public Fq12 frobenius() {
    Fq2[] a = coefficients();
    for (int j = 0; j < 6; j++) {
      a[j] = a[j].conjugate().mul(FROBENIUS_GAMMA[j]);
    }
    return fromCoefficients(a);
  }

  public Fq12 frobenius(int times) {
    Fq12 result = this;
    for (int i = 0; i < times; i++) {
      result = result.frobenius();
    }
    return result;
  }

  public Fq12 pow(BigInteger exponent) {
    Fq12 result = ONE;
    for (int i = exponent.bitLength() - 1; i >= 0; i--) {
      result = result.square();
      if (exponent.testBit(i)) {
        result = result.mul(this);
      }
    }
    return result;
  }

  /** The six Fq2 coefficients of w^0..w^5. */
  public Fq2[] coefficients() {
    return new Fq2[] {c0.c0(), c1.c0(), c0.c1(), c1.c1(), c0.c2(), c1.c2()};
  }

  public static Fq12 fromCoefficients(Fq2[] a) {
    return new Fq12(new Fq6(a[0], a[2], a[4]), new Fq6(a[1], a[3], a[5]));
  }

  public boolean isOne() {
    return equals(ONE);
  }
}
