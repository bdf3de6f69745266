package dev.obsidian.circuits.msm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.obsidian.circuits.bn254.Curves;
import dev.obsidian.circuits.bn254.G1Point;
import dev.obsidian.circuits.bn254.G2Point;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.field.MontgomeryKernel;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pippenger against the sum of independent double-and-add products, with repeats, negations and zeros. */
class MsmTest {
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7, 100, 3000})
  void g1MatchesTheNaiveSum(int count) {
    SplittableRandom random = new SplittableRandom(count);
    G1Point[] points = new G1Point[count];
    Fr[] scalars = new Fr[count];
    for (int i = 0; i < count; i++) {
      points[i] = switch (random.nextInt(6)) {
        case 0 -> i > 0 ? points[i - 1] : G1Point.GENERATOR; // repeats: bucket doublings
        case 1 -> i > 0 ? points[i - 1].negate() : G1Point.GENERATOR; // cancellations
        case 2 -> G1Point.INFINITY;
        default -> G1Point.GENERATOR.mul(Fr.of(random.nextLong()));
      };
      scalars[i] = switch (random.nextInt(5)) {
        case 0 -> Fr.ZERO;
        case 1 -> i > 0 ? scalars[i - 1] : Fr.ONE;
        case 2 -> Fr.ONE.neg();
        default -> Fr.reduce(new BigInteger(300, new java.util.Random(random.nextLong())));
      };
    }
    long[] bases = new long[8 * count];
    G1Point expected = G1Point.INFINITY;
    for (int i = 0; i < count; i++) {
      points[i].toSlots(bases, 8 * i);
      expected = expected.add(points[i].mul(scalars[i]));
    }
    for (boolean allowNative : new boolean[] {false, true}) {
      long[] result = Msm.compute(Curves::g1, bases, plain(scalars), count, allowNative);
      long[] affine = new long[8];
      Curves.g1().toAffine(result, 0, affine, 0);
      assertEquals(expected, G1Point.fromSlots(affine, 0), "native allowed: " + allowNative);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 50, 600})
  void g2MatchesTheNaiveSum(int count) {
    SplittableRandom random = new SplittableRandom(count);
    long[] bases = new long[16 * count];
    Fr[] scalars = new Fr[count];
    G2Point expected = G2Point.INFINITY;
    G2Point previous = G2Point.GENERATOR;
    for (int i = 0; i < count; i++) {
      G2Point point = random.nextInt(4) == 0 ? previous : G2Point.GENERATOR.mul(Fr.of(random.nextLong()));
      previous = point;
      scalars[i] = random.nextInt(6) == 0 ? Fr.ZERO : Fr.reduce(BigInteger.valueOf(random.nextLong()).pow(5));
      point.toSlots(bases, 16 * i);
      expected = expected.add(point.mul(scalars[i]));
    }
    for (boolean allowNative : new boolean[] {false, true}) {
      long[] result = Msm.compute(Curves::g2, bases, plain(scalars), count, allowNative);
      long[] affine = new long[16];
      Curves.g2().toAffine(result, 0, affine, 0);
      assertEquals(expected, G2Point.fromSlots(affine, 0), "native allowed: " + allowNative);
    }
  }

  @org.junit.jupiter.api.Test
  void theNativeKernelIsBuiltHere() {
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(java.nio.file.Path.of("/usr/bin/gcc")),
        "no gcc: the native MSM kernel is not built on this machine");
    org.junit.jupiter.api.Assertions.assertTrue(NativeMsm.available(), "gcc exists but the native MSM did not load");
  }

  private static long[] plain(Fr[] scalars) {
    long[] out = new long[4 * scalars.length];
    for (int i = 0; i < scalars.length; i++) {
      scalars[i].copyMontgomeryLimbs(out, 4 * i);
      MontgomeryKernel.BN254_FR.fromMontgomery(out, 4 * i, out, 4 * i);
    }
    return out;
  }
}
