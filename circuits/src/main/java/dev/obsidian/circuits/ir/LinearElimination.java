package dev.obsidian.circuits.ir;

import java.util.BitSet;
import java.util.List;

/**
 * Finds the witnesses the R1CS compiler substitutes away: a witness first seen in an assert-zero without a product
 * ({@code Σ c_i·w_i + c·w + k = 0}, w new) is fixed by that constraint alone, so it can be replaced everywhere by
 * {@code -(Σ c_i·w_i + k) / c} and the constraint dropped without changing what the other witnesses may be. Public
 * witnesses, inputs and range-checked witnesses keep their wires. This removes the copy constraints the builder
 * makes to hold a sum in one witness (e.g. every Poseidon2 S-box input).
 */
final class LinearElimination {
  /** For each witness, the opcode index defining it if it is eliminated, else -1. */
  final int[] definingOpcode;
  final int eliminatedCount;

  private LinearElimination(int[] definingOpcode, int eliminatedCount) {
    this.definingOpcode = definingOpcode;
    this.eliminatedCount = eliminatedCount;
  }

  static LinearElimination of(Circuit circuit) {
    int n = circuit.numWitnesses();
    BitSet kept = new BitSet(n);
    circuit.io().forEach(entry -> kept.set(entry.witness()));
    for (Opcode opcode : circuit.opcodes()) {
      if (opcode instanceof Opcode.RangeCheck range) {
        kept.set(range.witness());
      }
    }
    BitSet seen = new BitSet(n);
    circuit.io().stream().filter(entry -> entry.kind().isInput()).forEach(entry -> seen.set(entry.witness()));
    int[] defining = new int[n];
    java.util.Arrays.fill(defining, -1);
    int eliminated = 0;
    List<Opcode> opcodes = circuit.opcodes();
    for (int i = 0; i < opcodes.size(); i++) {
      Opcode opcode = opcodes.get(i);
      int candidate = -1;
      if (opcode instanceof Opcode.AssertZero assertZero && assertZero.expression().product().isEmpty()) {
        candidate = soleNewWitness(assertZero.expression(), seen, kept);
      }
      markSeen(opcode, seen);
      if (candidate >= 0) {
        defining[candidate] = i;
        eliminated++;
      }
    }
    return new LinearElimination(defining, eliminated);
  }

  boolean isEliminated(int witness) {
    return definingOpcode[witness] >= 0;
  }

  /** The one witness of the expression not seen before, if exactly one and it may be eliminated; else -1. */
  private static int soleNewWitness(Expression expression, BitSet seen, BitSet kept) {
    int found = -1;
    for (WitnessTerm term : expression.linear()) {
      if (!seen.get(term.witness())) {
        if (found >= 0) {
          return -1;
        }
        found = term.witness();
      }
    }
    return found >= 0 && !kept.get(found) ? found : -1;
  }

  private static void markSeen(Opcode opcode, BitSet seen) {
    switch (opcode) {
      case Opcode.AssertZero assertZero -> {
        for (int witness : assertZero.expression().witnesses()) {
          seen.set(witness);
        }
      }
      case Opcode.RangeCheck range -> seen.set(range.witness());
      case Opcode.Hint hint -> {
        hint.inputs().forEach(input -> {
          for (int witness : input.witnesses()) {
            seen.set(witness);
          }
        });
        hint.outputs().forEach(seen::set);
      }
    }
  }
}
