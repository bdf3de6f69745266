package dev.obsidian.circuits.bn254;

import dev.obsidian.crypto.field.Fq;
import java.math.BigInteger;

/**
 * An element c0 + c1·u of Fq2 = Fq[u]/(u² + 1), the field of BN254's G2 coordinates (the tower used by EIP-197,
 * snarkjs and Aztec alike). Immutable.
 */
public record Fq2(Fq c0, Fq c1) {
  public static final Fq2 ZERO = new Fq2(Fq.ZERO, Fq.ZERO);
  public static final Fq2 ONE = new Fq2(Fq.ONE, Fq.ZERO);
  /** ξ = 9 + u, the non-residue that defines Fq6 and the sextic twist (BN254 parameters, EIP-197). */
  public static final Fq2 XI = new Fq2(Fq.of(9), Fq.ONE);

  public static Fq2 of(BigInteger c0, BigInteger c1) {
    return new Fq2(Fq.fromBigInteger(c0), Fq.fromBigInteger(c1));
  }

  public Fq2 add(Fq2 o) {
    return new Fq2(c0.add(o.c0), c1.add(o.c1));
  }

  public Fq2 sub(Fq2 o) {
    return new Fq2(c0.sub(o.c0), c1.sub(o.c1));
  }

  public Fq2 neg() {
    return new Fq2(c0.neg(), c1.neg());
  }

  public Fq2 dbl() {
    return add(this);
  }

  /** Karatsuba: three base-field products. */
  public Fq2 mul(Fq2 o) {
    Fq v0 = c0.mul(o.c0);
    Fq v1 = c1.mul(o.c1);
    Fq cross = c0.add(c1).mul(o.c0.add(o.c1));
    return new Fq2(v0.sub(v1), cross.sub(v0).sub(v1));
  }

  public Fq2 mulScalar(Fq k) {
    return new Fq2(c0.mul(k), c1.mul(k));
  }

  /** (a + bu)² = (a + b)(a - b) + 2ab·u. */
  public Fq2 square() {
    Fq ab = c0.mul(c1);
    return new Fq2(c0.add(c1).mul(c0.sub(c1)), ab.add(ab));
  }

  /** Multiplication by ξ = 9 + u: (a + bu)(9 + u) = (9a - b) + (a + 9b)u. */
  public Fq2 mulByXi() {
    Fq nineA = times9(c0);
    Fq nineB = times9(c1);
    return new Fq2(nineA.sub(c1), c0.add(nineB));
  }

  private static Fq times9(Fq x) {
    Fq x2 = x.add(x);
    Fq x4 = x2.add(x2);
    Fq x8 = x4.add(x4);
    return x8.add(x);
  }

  /** The conjugate a - bu, which is also the Frobenius map x ↦ x^p. */
  public Fq2 conjugate() {
    return new Fq2(c0, c1.neg());
  }

  /** 1/(a + bu) = (a - bu)/(a² + b²); {@link ArithmeticException} for zero. */
  public Fq2 inverse() {
    Fq norm = c0.square().add(c1.square());
    Fq inv = norm.inverse();
    return new Fq2(c0.mul(inv), c1.neg().mul(inv));
  }

  public Fq2 pow(BigInteger exponent) {
    Fq2 result = ONE;
    for (int i = exponent.bitLength() - 1; i >= 0; i--) {
      result = result.square();
      if (exponent.testBit(i)) {
        result = result.mul(this);
      }
    }
    return result;
  }

  public boolean isZero() {
    return c0.isZero() && c1.isZero();
  }

  @Override
  public String toString() {
    return "(" + c0.toBigInteger() + " + " + c1.toBigInteger() + "·u)";
  }
}
