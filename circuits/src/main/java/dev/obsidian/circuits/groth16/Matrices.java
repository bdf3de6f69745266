package dev.obsidian.circuits.groth16;

import dev.obsidian.circuits.r1cs.Constraint;
import dev.obsidian.circuits.r1cs.LinearCombination;
import dev.obsidian.circuits.r1cs.R1cs;
import dev.obsidian.circuits.r1cs.Term;
import dev.obsidian.crypto.field.MontgomeryKernel;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * One of the R1CS matrices A, B, C in compressed rows (wire indexes and Montgomery coefficients), so evaluating
 * all constraints against a witness is a tight loop over arrays.
 */
final class Matrices {
  private static final MontgomeryKernel FR = MontgomeryKernel.BN254_FR;

  final int rows;
  final int[] rowStart;
  final int[] wires;
  final long[] coefficients;

  private Matrices(int rows, int[] rowStart, int[] wires, long[] coefficients) {
    this.rows = rows;
    this.rowStart = rowStart;
    this.wires = wires;
    this.coefficients = coefficients;
  }

  /**
   * The last few R1CS converted, by identity (a prover proves the same few circuits again and again); the R1CS are
   * held weakly, and a slot whose R1CS is gone drops its matrices at the next lookup.
   */
  private static final int CACHED = 4;
  private static final List<WeakReference<R1cs>> cachedKeys = new ArrayList<>();
  private static final List<Matrices[]> cachedValues = new ArrayList<>();

  /** A, B and C of {@code r1cs}, converted once per R1CS instance (cached for the last few instances). */
  static Matrices[] of(R1cs r1cs) {
    synchronized (cachedKeys) {
      for (int i = cachedKeys.size() - 1; i >= 0; i--) {
        R1cs key = cachedKeys.get(i).get();
        if (key == r1cs) {
          return cachedValues.get(i);
        }
        if (key == null) {
          cachedKeys.remove(i);
          cachedValues.remove(i);
        }
      }
    }
    Matrices[] converted = convert(r1cs);
    synchronized (cachedKeys) {
      if (cachedKeys.size() == CACHED) {
        cachedKeys.remove(0);
        cachedValues.remove(0);
      }
      cachedKeys.add(new WeakReference<>(r1cs));
      cachedValues.add(converted);
    }
    return converted;
  }

  private static Matrices[] convert(R1cs r1cs) {
    return new Matrices[] {of(r1cs.constraints(), Constraint::a), of(r1cs.constraints(), Constraint::b),
        of(r1cs.constraints(), Constraint::c)};
  }

  private static Matrices of(List<Constraint> constraints, Function<Constraint, LinearCombination> side) {
    int rows = constraints.size();
    int[] rowStart = new int[rows + 1];
    for (int i = 0; i < rows; i++) {
      rowStart[i + 1] = rowStart[i] + side.apply(constraints.get(i)).terms().size();
    }
    int[] wires = new int[rowStart[rows]];
    long[] coefficients = new long[4 * rowStart[rows]];
    for (int i = 0; i < rows; i++) {
      int k = rowStart[i];
      for (Term term : side.apply(constraints.get(i)).terms()) {
        wires[k] = term.wire();
        term.coefficient().copyMontgomeryLimbs(coefficients, 4 * k);
        k++;
      }
    }
    return new Matrices(rows, rowStart, wires, coefficients);
  }

  /** out[i] = <row i, w> for every row, into a vector of {@code out.length / 4} elements (the rest stay zero). */
  void evaluate(long[] witness, long[] out) {
    int chunks = rows < 4096 ? 1 : Runtime.getRuntime().availableProcessors() * 4;
    int per = (rows + chunks - 1) / chunks;
    IntStream.range(0, chunks).parallel().forEach(chunk -> {
      long[] t = new long[4];
      for (int i = chunk * per; i < Math.min(rows, (chunk + 1) * per); i++) {
        java.util.Arrays.fill(out, 4 * i, 4 * i + 4, 0L);
        for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
          FR.mul(coefficients, 4 * k, witness, 4 * wires[k], t, 0);
          FR.add(out, 4 * i, t, 0, out, 4 * i);
        }
      }
    });
  }
}
