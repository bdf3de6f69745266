package dev.obsidian.circuits.r1cs;

import dev.obsidian.crypto.field.Fr;
import java.util.List;
import java.util.Optional;

/**
 * A rank-1 constraint system over BN254's Fr, with snarkjs's wire layout: wire 0 is the constant 1, wires
 * {@code 1..numPublic} are the public inputs (outputs first, as circom orders them), the rest are private.
 *
 * @param numPublic public inputs, not counting wire 0
 * @param numWires every wire including wire 0
 */
public record R1cs(int numPublic, int numWires, List<Constraint> constraints) {
  public R1cs {
    if (numPublic < 0 || numWires < numPublic + 1) {
      throw new IllegalArgumentException("need 0 <= numPublic < numWires, got numPublic=" + numPublic
          + " numWires=" + numWires);
    }
    constraints = List.copyOf(constraints);
    for (int i = 0; i < constraints.size(); i++) {
      Constraint constraint = constraints.get(i);
      for (LinearCombination lc : List.of(constraint.a(), constraint.b(), constraint.c())) {
        for (Term term : lc.terms()) {
          if (term.wire() >= numWires) {
            throw new IllegalArgumentException("constraints[" + i + "] uses wire " + term.wire() + " of " + numWires);
          }
        }
      }
    }
  }

  /** The index of the first constraint the assignment violates, if any. */
  public Optional<Integer> firstUnsatisfied(Fr[] w) {
    if (w.length != numWires || !w[0].equals(Fr.ONE)) {
      throw new IllegalArgumentException("assignment must have " + numWires + " wires with w[0] = 1");
    }
    for (int i = 0; i < constraints.size(); i++) {
      Constraint constraint = constraints.get(i);
      if (!constraint.a().evaluate(w).mul(constraint.b().evaluate(w)).equals(constraint.c().evaluate(w))) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }
}
