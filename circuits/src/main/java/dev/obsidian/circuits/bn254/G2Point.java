package dev.obsidian.circuits.bn254;

import dev.obsidian.crypto.field.Fr;
import java.math.BigInteger;

/**
 * An affine point of BN254's G2 on the sextic D-type twist y² = x³ + 3/ξ over Fq2 (ξ = 9 + u); (0, 0) is the point
 * at infinity. Immutable. The twist's group order is a multiple of r, so points read from outside must pass
 * {@link #isInSubgroup()}.
 */
public record G2Point(Fq2 x, Fq2 y) {
  /** b' = 3/ξ. */
  public static final Fq2 B = Fq2.XI.inverse().mulScalar(dev.obsidian.crypto.field.Fq.of(3));
  public static final G2Point INFINITY = new G2Point(Fq2.ZERO, Fq2.ZERO);
  /** The standard generator (EIP-197; the same point snarkjs and Ethereum's precompile use). */
  public static final G2Point GENERATOR = new G2Point(
      Fq2.of(new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
          new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634")),
      Fq2.of(new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
          new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531")));

  /** Checked construction: on the twist and in the order-r subgroup (or infinity), else {@link IllegalArgumentException}. */
  public static G2Point of(Fq2 x, Fq2 y) {
    G2Point point = new G2Point(x, y);
    if (!point.isOnCurve()) {
      throw new IllegalArgumentException("G2 point " + point + " is not on the twist y^2 = x^3 + 3/(9+u)");
    }
    if (!point.isInSubgroup()) {
      throw new IllegalArgumentException("G2 point " + point + " is not in the order-r subgroup");
    }
    return point;
  }

  public boolean isInfinity() {
    return x.isZero() && y.isZero();
  }

  public boolean isOnCurve() {
    return isInfinity() || y.square().equals(x.square().mul(x).add(B));
  }

  public boolean isInSubgroup() {
    return mulUnreduced(Fr.MODULUS).isInfinity();
  }

  public G2Point negate() {
    return new G2Point(x, y.neg());
  }

  public G2Point add(G2Point other) {
    JacobianSlots curve = new JacobianSlots(new Fq2Slots());
    long[] t = new long[24 + 16];
    curve.fromAffine(toSlots(), 0, t, 0);
    curve.addAffine(t, 0, other.toSlots(), 0, t, 0);
    curve.toAffine(t, 0, t, 24);
    return fromSlots(t, 24);
  }

  public G2Point mul(Fr scalar) {
    return mulUnreduced(scalar.toBigInteger());
  }

  public G2Point mul(BigInteger scalar) {
    return mulUnreduced(scalar.mod(Fr.MODULUS));
  }

  private G2Point mulUnreduced(BigInteger scalar) {
    JacobianSlots curve = new JacobianSlots(new Fq2Slots());
    long[] t = new long[24 + 16];
    curve.scalarMul(toSlots(), 0, G1Point.limbs(scalar), t, 0);
    curve.toAffine(t, 0, t, 24);
    return fromSlots(t, 24);
  }

  /** Sixteen longs: x.c0, x.c1, y.c0, y.c1 Montgomery limbs. */
  public long[] toSlots() {
    long[] out = new long[16];
    toSlots(out, 0);
    return out;
  }

  public void toSlots(long[] out, int offset) {
    x.c0().copyMontgomeryLimbs(out, offset);
    x.c1().copyMontgomeryLimbs(out, offset + 4);
    y.c0().copyMontgomeryLimbs(out, offset + 8);
    y.c1().copyMontgomeryLimbs(out, offset + 12);
  }

  public static G2Point fromSlots(long[] s, int offset) {
    return new G2Point(
        new Fq2(dev.obsidian.crypto.field.Fq.fromMontgomeryLimbs(s, offset),
            dev.obsidian.crypto.field.Fq.fromMontgomeryLimbs(s, offset + 4)),
        new Fq2(dev.obsidian.crypto.field.Fq.fromMontgomeryLimbs(s, offset + 8),
            dev.obsidian.crypto.field.Fq.fromMontgomeryLimbs(s, offset + 12)));
  }

  @Override
  public String toString() {
    return isInfinity() ? "G2(infinity)" : "G2(" + x + ", " + y + ")";
  }
}
