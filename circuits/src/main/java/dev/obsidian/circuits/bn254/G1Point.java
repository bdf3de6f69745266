package dev.obsidian.circuits.bn254;

import dev.obsidian.crypto.field.Fq;
import dev.obsidian.crypto.field.Fr;
import java.math.BigInteger;

/**
 * An affine point of BN254's G1: y² = x³ + 3 over Fq; (0, 0) is the point at infinity. Immutable. The curve has
 * prime order r, so every point on the curve is in G1.
 */
public record G1Point(Fq x, Fq y) {
  public static final Fq B = Fq.of(3);
  public static final G1Point INFINITY = new G1Point(Fq.ZERO, Fq.ZERO);
  /** The standard generator (1, 2) (EIP-196). */
  public static final G1Point GENERATOR = new G1Point(Fq.ONE, Fq.of(2));
  private static final FqSlots FIELD = new FqSlots();

  /** Checked construction: on the curve (or (0, 0)), else {@link IllegalArgumentException}. */
  public static G1Point of(BigInteger x, BigInteger y) {
    G1Point point = new G1Point(Fq.fromBigInteger(x), Fq.fromBigInteger(y));
    if (!point.isOnCurve()) {
      throw new IllegalArgumentException("G1 point (" + x + ", " + y + ") is not on y^2 = x^3 + 3");
    }
    return point;
  }

  public boolean isInfinity() {
    return x.isZero() && y.isZero();
  }

  public boolean isOnCurve() {
    return isInfinity() || y.square().equals(x.square().mul(x).add(B));
  }

  public G1Point negate() {
    return new G1Point(x, y.neg());
  }

  public G1Point add(G1Point other) {
    JacobianSlots curve = new JacobianSlots(FIELD);
    long[] t = new long[12 + 8];
    curve.fromAffine(toSlots(), 0, t, 0);
    curve.addAffine(t, 0, other.toSlots(), 0, t, 0);
    curve.toAffine(t, 0, t, 12);
    return fromSlots(t, 12);
  }

  public G1Point mul(Fr scalar) {
    return mul(scalar.toBigInteger());
  }

  public G1Point mul(BigInteger scalar) {
    JacobianSlots curve = new JacobianSlots(FIELD);
    long[] t = new long[12 + 8];
    curve.scalarMul(toSlots(), 0, limbs(scalar.mod(Fr.MODULUS)), t, 0);
    curve.toAffine(t, 0, t, 12);
    return fromSlots(t, 12);
  }

  /** Eight longs: x then y Montgomery limbs. */
  public long[] toSlots() {
    long[] out = new long[8];
    toSlots(out, 0);
    return out;
  }

  public void toSlots(long[] out, int offset) {
    x.copyMontgomeryLimbs(out, offset);
    y.copyMontgomeryLimbs(out, offset + 4);
  }

  public static G1Point fromSlots(long[] slots, int offset) {
    return new G1Point(Fq.fromMontgomeryLimbs(slots, offset), Fq.fromMontgomeryLimbs(slots, offset + 4));
  }

  static long[] limbs(BigInteger nonNegative) {
    long[] limbs = new long[4];
    for (int i = 0; i < 4; i++) {
      limbs[i] = nonNegative.shiftRight(64 * i).longValue();
    }
    return limbs;
  }

  @Override
  public String toString() {
    return isInfinity() ? "G1(infinity)" : "G1(" + x.toBigInteger() + ", " + y.toBigInteger() + ")";
  }
}
