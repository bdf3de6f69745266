package dev.obsidian.crypto.curve;

import dev.obsidian.crypto.field.Fq;
import dev.obsidian.crypto.field.Fr;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable affine point of the Grumpkin curve y^2 = x^3 - 17 over the BN254 scalar field Fr, or the point at
 * infinity. Every instance is on the curve: the public factories check it and throw {@link NotOnCurveException}.
 *
 * <p>Encodings follow {@code Point} in yarn-project/foundation/src/curves/grumpkin/point.ts (Aztec 4.1.2):
 * {@link #toBytes()} is x || y (64 bytes, no infinity flag), {@link #toFields()} is [x, y, isInfinite] with
 * infinity as (0, 0, 1) as in Noir's {@code EmbeddedCurvePoint}, and {@link #toCompressed()} is x with bit 255
 * set when y is "positive" (y &lt;= (p - 1) / 2).
 */
public final class GrumpkinPoint {

  /** Bytes of {@link #toBytes()}. */
  public static final int ENCODED_BYTES = 64;

  /** Bytes of {@link #toCompressed()}. */
  public static final int COMPRESSED_BYTES = 32;

  /** The point at infinity (the group identity), with Aztec's (0, 0) coordinates. */
  public static final GrumpkinPoint INFINITY = new GrumpkinPoint(Fr.ZERO, Fr.ZERO, true);

  static final Fr CURVE_B = Fr.of(-17);

  private static final BigInteger HALF_MODULUS = Fr.MODULUS.subtract(BigInteger.ONE).shiftRight(1);
  private static final BigInteger SIGN_BIT = BigInteger.ONE.shiftLeft(255);

  private final Fr x;
  private final Fr y;
  private final boolean infinity;

  private GrumpkinPoint(Fr x, Fr y, boolean infinity) {
    this.x = x;
    this.y = y;
    this.infinity = infinity;
  }

  /** A finite point; throws {@link NotOnCurveException} naming the coordinates if they are not on the curve. */
  public static GrumpkinPoint of(Fr x, Fr y) {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    if (!isOnCurve(x, y)) {
      throw new NotOnCurveException("point (x=" + x + ", y=" + y + ") is not on Grumpkin (y^2 = x^3 - 17)");
    }
    return new GrumpkinPoint(x, y, false);
  }

  /** Internal: arithmetic results are on the curve by construction. */
  static GrumpkinPoint trusted(Fr x, Fr y) {
    return new GrumpkinPoint(x, y, false);
  }

  public static boolean isOnCurve(Fr x, Fr y) {
    return y.square().equals(x.square().mul(x).add(CURVE_B));
  }

  /**
   * The point with this x whose y is "positive" (&lt;= (p - 1) / 2) if {@code positiveY}, else the other one, as
   * Aztec's {@code Point.fromXAndSign}. Throws {@link NotOnCurveException} if x^3 - 17 has no square root.
   */
  public static GrumpkinPoint fromXAndSign(Fr x, boolean positiveY) {
    Fr root = x.square().mul(x).add(CURVE_B).sqrt()
        .orElseThrow(() -> new NotOnCurveException("x-coordinate " + x + " is not on Grumpkin: x^3 - 17 is not a square"));
    Fr positive = isPositive(root) ? root : root.neg();
    return new GrumpkinPoint(x, positiveY ? positive : positive.neg(), false);
  }

  /** Decodes x || y (64 bytes, each big-endian and canonical); the result must be on the curve. */
  public static GrumpkinPoint fromBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != ENCODED_BYTES) {
      throw new IllegalArgumentException("point encoding must be " + ENCODED_BYTES + " bytes, got " + bytes.length);
    }
    Fr x = Fr.fromBytesBE(Arrays.copyOfRange(bytes, 0, 32));
    Fr y = Fr.fromBytesBE(Arrays.copyOfRange(bytes, 32, 64));
    return of(x, y);
  }

  /** Decodes Aztec's 32-byte compressed form (x, with bit 255 set for a positive y). */
  public static GrumpkinPoint fromCompressed(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != COMPRESSED_BYTES) {
      throw new IllegalArgumentException(
          "compressed point must be " + COMPRESSED_BYTES + " bytes, got " + bytes.length);
    }
    BigInteger value = new BigInteger(1, bytes);
    boolean positiveY = value.testBit(255);
    Fr x = Fr.fromBigInteger(value.clearBit(255));
    return fromXAndSign(x, positiveY);
  }

  /** Decodes Aztec's field form [x, y, isInfinite]; the flag must be 0 or 1, and a finite point on the curve. */
  public static GrumpkinPoint fromFields(Fr x, Fr y, Fr isInfinite) {
    if (isInfinite.equals(Fr.ONE)) {
      return INFINITY;
    }
    if (!isInfinite.isZero()) {
      throw new IllegalArgumentException("isInfinite flag must be 0 or 1, got " + isInfinite);
    }
    return of(x, y);
  }

  public Fr x() {
    return x;
  }

  public Fr y() {
    return y;
  }

  public boolean isInfinity() {
    return infinity;
  }

  /** Aztec's "sign" of y: true when y &lt;= (p - 1) / 2. Addresses are always encrypted to the positive-y point. */
  public boolean isYPositive() {
    return isPositive(y);
  }

  public GrumpkinPoint add(GrumpkinPoint other) {
    return JacobianPoint.fromAffine(this).addAffine(other).toAffine();
  }

  public GrumpkinPoint negate() {
    return infinity ? this : new GrumpkinPoint(x, y.neg(), false);
  }

  public GrumpkinPoint twice() {
    return JacobianPoint.fromAffine(this).twice().toAffine();
  }

  /** scalar * this, the scalar being an element of Grumpkin's scalar field (= BN254 Fq). */
  public GrumpkinPoint multiply(Fq scalar) {
    return Grumpkin.mul(this, scalar);
  }

  /** x || y, 64 bytes. Like Aztec's {@code Point.toBuffer}, infinity has no such encoding. */
  public byte[] toBytes() {
    if (infinity) {
      throw new IllegalStateException("the point at infinity has no 64-byte x||y encoding; use toFields()");
    }
    byte[] out = new byte[ENCODED_BYTES];
    System.arraycopy(x.toBytesBE(), 0, out, 0, 32);
    System.arraycopy(y.toBytesBE(), 0, out, 32, 32);
    return out;
  }

  /** Aztec's {@code Point.toCompressedBuffer}: x with bit 255 set when y is positive. */
  public byte[] toCompressed() {
    if (infinity) {
      throw new IllegalStateException("the point at infinity has no compressed encoding");
    }
    BigInteger value = isYPositive() ? x.toBigInteger().or(SIGN_BIT) : x.toBigInteger();
    byte[] raw = value.toByteArray();
    byte[] out = new byte[COMPRESSED_BYTES];
    int length = Math.min(raw.length, COMPRESSED_BYTES);
    System.arraycopy(raw, raw.length - length, out, COMPRESSED_BYTES - length, length);
    return out;
  }

  /** Aztec's {@code Point.toFields}: [x, y, isInfinite]. */
  public Fr[] toFields() {
    return new Fr[] {x, y, infinity ? Fr.ONE : Fr.ZERO};
  }

  private static boolean isPositive(Fr value) {
    return value.toBigInteger().compareTo(HALF_MODULUS) <= 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GrumpkinPoint p && infinity == p.infinity && x.equals(p.x) && y.equals(p.y);
  }

  @Override
  public int hashCode() {
    return Objects.hash(x, y, infinity);
  }

  @Override
  public String toString() {
    return infinity ? "GrumpkinPoint(infinity)" : "GrumpkinPoint(" + x + ", " + y + ")";
  }
}
