package dev.obsidian.circuits.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.obsidian.crypto.field.Fr;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** FFTs against direct polynomial evaluation (Horner) at the domain and coset points. */
class DomainTest {
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3, 8, 13})
  void fftEvaluatesThePolynomialAndInverseRecoversIt(int log2) {
    Domain domain = new Domain(log2);
    int n = domain.size();
    SplittableRandom random = new SplittableRandom(log2);
    Fr[] coefficients = new Fr[n];
    long[] values = new long[4 * n];
    for (int i = 0; i < n; i++) {
      coefficients[i] = Fr.of(random.nextLong());
      coefficients[i].copyMontgomeryLimbs(values, 4 * i);
    }
    long[] original = values.clone();
    domain.fft(values);
    long[] cosetValues = original.clone();
    domain.cosetFft(cosetValues);
    for (int probe = 0; probe < Math.min(n, 20); probe++) {
      int i = random.nextInt(n);
      Fr x = domain.generator().pow(i);
      assertEquals(horner(coefficients, x), Fr.fromMontgomeryLimbs(values, 4 * i));
      assertEquals(horner(coefficients, x.mul(Domain.COSET_SHIFT)), Fr.fromMontgomeryLimbs(cosetValues, 4 * i));
    }
    // the prover's fused path: evaluations on the domain straight to evaluations on the coset, and back with a factor
    long[] moved = values.clone();
    domain.evaluationsToCoset(moved);
    assertArrayEquals(cosetValues, moved);
    Fr factor = Fr.of(random.nextLong());
    domain.inverseCosetFft(moved, factor);
    for (int i = 0; i < n; i++) {
      assertEquals(coefficients[i].mul(factor), Fr.fromMontgomeryLimbs(moved, 4 * i));
    }
    domain.inverseFft(values);
    assertArrayEquals(original, values);
    domain.inverseCosetFft(cosetValues);
    assertArrayEquals(original, cosetValues);
  }

  /** The native butterflies (when this machine built them) give the Java loop's limbs, multi-threaded sizes too. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 5, 12, 14})
  void nativeAndJavaTransformsAgree(int log2) {
    Domain java = new Domain(log2, false);
    Domain fast = new Domain(log2, true);
    SplittableRandom random = new SplittableRandom(100 + log2);
    long[] values = new long[4 * java.size()];
    for (int i = 0; i < java.size(); i++) {
      Fr.of(random.nextLong()).mul(Fr.of(random.nextLong())).copyMontgomeryLimbs(values, 4 * i);
    }
    long[] viaJava = values.clone();
    long[] viaNative = values.clone();
    java.fft(viaJava);
    fast.fft(viaNative);
    assertArrayEquals(viaJava, viaNative);
    java.evaluationsToCoset(viaJava);
    fast.evaluationsToCoset(viaNative);
    assertArrayEquals(viaJava, viaNative);
    java.inverseCosetFft(viaJava);
    fast.inverseCosetFft(viaNative);
    assertArrayEquals(viaJava, viaNative);
    assertArrayEquals(values, viaNative); // fft, then coset evaluations of the same polynomial, then its coefficients
    fast.fft(viaNative);
    fast.inverseFft(viaNative);
    assertArrayEquals(values, viaNative);
  }

  @org.junit.jupiter.api.Test
  void theNativeButterfliesAreBuiltHere() {
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(java.nio.file.Path.of("/usr/bin/gcc")),
        "no gcc: the native kernels are not built on this machine");
    org.junit.jupiter.api.Assertions.assertTrue(NativeFft.available(), "gcc exists but the native FFT did not load");
  }

  private static Fr horner(Fr[] coefficients, Fr x) {
    Fr sum = Fr.ZERO;
    for (int i = coefficients.length - 1; i >= 0; i--) {
      sum = sum.mul(x).add(coefficients[i]);
    }
    return sum;
  }
}
