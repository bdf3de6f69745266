package dev.obsidian.crypto.curve;

import dev.obsidian.crypto.field.Fq;
import dev.obsidian.crypto.field.Fr;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The Grumpkin group: y^2 = x^3 - 17 over BN254's Fr, of prime order q = BN254's base field modulus, so scalars are
 * {@link Fq} elements. Scalar multiplication here is not constant-time: it branches on scalar digits.
 */
public final class Grumpkin {

  /** The group order, equal to {@link Fq#MODULUS}. */
  public static final BigInteger ORDER = Fq.MODULUS;

  /**
   * Aztec's and barretenberg's generator (1, sqrt(-16)), choosing the small root. Source: GRUMPKIN_ONE_X/Y in
   * yarn-project/constants/src/constants.gen.ts and {@code Grumpkin.generator} in
   * yarn-project/foundation/src/crypto/grumpkin/index.ts (v4.1.2).
   */
  public static final GrumpkinPoint GENERATOR =
      GrumpkinPoint.of(Fr.ONE, Fr.fromBigInteger(new BigInteger("17631683881184975370165255887551781615748388533673675138860")));

  static final int SCALAR_BITS = 256;
  private static final int WINDOW_BITS = 4;
  private static final int WINDOW_SIZE = 1 << WINDOW_BITS;

  private Grumpkin() {}

  /** scalar * point. */
  public static GrumpkinPoint mul(GrumpkinPoint point, Fq scalar) {
    Objects.requireNonNull(point, "point");
    Objects.requireNonNull(scalar, "scalar");
    return mulUnreduced(point, scalar.toBigInteger());
  }

  /** scalar * GENERATOR, from a precomputed table (64 additions, no doublings). */
  public static GrumpkinPoint mulGenerator(Fq scalar) {
    Objects.requireNonNull(scalar, "scalar");
    return GeneratorTable.multiply(scalar.toBigInteger());
  }

  public static GrumpkinPoint add(GrumpkinPoint a, GrumpkinPoint b) {
    return a.add(b);
  }

  /** sum of scalars[i] * points[i] (Pippenger's bucket method); the two arrays must have the same length. */
  public static GrumpkinPoint msm(GrumpkinPoint[] points, Fq[] scalars) {
    return Msm.compute(points, scalars);
  }

  /**
   * scalar * point for any non-negative integer scalar, not reduced modulo the order: lets tests check that
   * ORDER * G is the identity.
   */
  static GrumpkinPoint mulUnreduced(GrumpkinPoint point, BigInteger scalar) {
    if (scalar.signum() < 0 || scalar.bitLength() > SCALAR_BITS) {
      throw new IllegalArgumentException("scalar must be in [0, 2^256), got " + scalar);
    }
    GrumpkinPoint[] table = windowTable(point);
    JacobianPoint accumulator = JacobianPoint.INFINITY;
    for (int window = SCALAR_BITS / WINDOW_BITS - 1; window >= 0; window--) {
      for (int i = 0; i < WINDOW_BITS; i++) {
        accumulator = accumulator.twice();
      }
      accumulator = accumulator.addAffine(table[digit(scalar, window * WINDOW_BITS, WINDOW_BITS)]);
    }
    return accumulator.toAffine();
  }

  /** [0, P, 2P, ..., 15P] in affine form, so the main loop can use mixed additions. */
  private static GrumpkinPoint[] windowTable(GrumpkinPoint point) {
    JacobianPoint[] multiples = new JacobianPoint[WINDOW_SIZE];
    multiples[0] = JacobianPoint.INFINITY;
    for (int i = 1; i < WINDOW_SIZE; i++) {
      multiples[i] = multiples[i - 1].addAffine(point);
    }
    return JacobianPoint.toAffine(multiples);
  }

  static int digit(BigInteger scalar, int lowBit, int width) {
    int value = 0;
    for (int i = width - 1; i >= 0; i--) {
      value = (value << 1) | (scalar.testBit(lowBit + i) ? 1 : 0);
    }
    return value;
  }

  /** table[k][d] = d * 16^k * G: a scalar times G is then one table entry per 4-bit digit, summed. */
  private static final class GeneratorTable {
    private static final GrumpkinPoint[][] TABLE = build();

    static GrumpkinPoint multiply(BigInteger scalar) {
      JacobianPoint sum = JacobianPoint.INFINITY;
      for (int window = 0; window < TABLE.length; window++) {
        sum = sum.addAffine(TABLE[window][digit(scalar, window * WINDOW_BITS, WINDOW_BITS)]);
      }
      return sum.toAffine();
    }

    private static GrumpkinPoint[][] build() {
      int windows = SCALAR_BITS / WINDOW_BITS;
      GrumpkinPoint[][] table = new GrumpkinPoint[windows][];
      JacobianPoint base = JacobianPoint.fromAffine(GENERATOR);
      for (int window = 0; window < windows; window++) {
        JacobianPoint[] row = new JacobianPoint[WINDOW_SIZE];
        row[0] = JacobianPoint.INFINITY;
        for (int d = 1; d < WINDOW_SIZE; d++) {
          row[d] = row[d - 1].add(base);
        }
        table[window] = JacobianPoint.toAffine(row);
        base = row[WINDOW_SIZE - 1].add(base);
      }
      return table;
    }
  }
}
