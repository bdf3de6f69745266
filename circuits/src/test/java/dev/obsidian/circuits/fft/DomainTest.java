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

  private static Fr horner(Fr[] coefficients, Fr x) {
    Fr sum = Fr.ZERO;
    for (int i = coefficients.length - 1; i >= 0; i--) {
      sum = sum.mul(x).add(coefficients[i]);
    }
    return sum;
  }
}
