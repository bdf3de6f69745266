package dev.obsidian.crypto.curve;

import dev.obsidian.crypto.field.Fq;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Multi-scalar multiplication by Pippenger's bucket method: per c-bit window, each point is added once into the
 * bucket of its digit, and the buckets are summed with weights 1..2^c-1 by a running sum.
 */
final class Msm {

  private static final int MAX_WINDOW_BITS = 16;

  private Msm() {}

  static GrumpkinPoint compute(GrumpkinPoint[] points, Fq[] scalars) {
    if (points.length != scalars.length) {
      throw new IllegalArgumentException(
          "msm needs as many scalars as points: " + points.length + " points, " + scalars.length + " scalars");
    }
    BigInteger[] values = new BigInteger[scalars.length];
    for (int i = 0; i < scalars.length; i++) {
      if (points[i] == null || scalars[i] == null) {
        throw new NullPointerException("msm input " + i + " is null");
      }
      values[i] = scalars[i].toBigInteger();
    }
    int windowBits = windowBits(points.length);
    JacobianPoint accumulator = JacobianPoint.INFINITY;
    for (int lowBit = lastWindowStart(windowBits); lowBit >= 0; lowBit -= windowBits) {
      for (int i = 0; i < windowBits; i++) {
        accumulator = accumulator.twice();
      }
      accumulator = accumulator.add(windowSum(points, values, lowBit, windowBits));
    }
    return accumulator.toAffine();
  }

  private static JacobianPoint windowSum(GrumpkinPoint[] points, BigInteger[] scalars, int lowBit, int windowBits) {
    JacobianPoint[] buckets = new JacobianPoint[1 << windowBits];
    Arrays.fill(buckets, JacobianPoint.INFINITY);
    for (int i = 0; i < points.length; i++) {
      int digit = Grumpkin.digit(scalars[i], lowBit, windowBits);
      if (digit != 0) {
        buckets[digit] = buckets[digit].addAffine(points[i]);
      }
    }
    JacobianPoint running = JacobianPoint.INFINITY;
    JacobianPoint sum = JacobianPoint.INFINITY;
    for (int digit = buckets.length - 1; digit >= 1; digit--) {
      running = running.add(buckets[digit]);
      sum = sum.add(running);
    }
    return sum;
  }

  /** Roughly log2(n) - 2 bits: balances n additions per window against 2^c bucket additions. */
  static int windowBits(int pointCount) {
    int log2 = 32 - Integer.numberOfLeadingZeros(Math.max(1, pointCount));
    return Math.max(2, Math.min(MAX_WINDOW_BITS, log2 - 2));
  }

  private static int lastWindowStart(int windowBits) {
    return ((Grumpkin.SCALAR_BITS - 1) / windowBits) * windowBits;
  }
}
