package dev.obsidian.circuits.r1cs;

import dev.obsidian.crypto.field.Fr;
import java.util.List;

/**
 * A sum of terms over the wires, kept with strictly increasing wire indexes and no zero coefficient, so two equal
 * combinations are equal records.
 */
public record LinearCombination(List<Term> terms) {
  public static final LinearCombination ZERO = new LinearCombination(List.of());

  public LinearCombination {
    terms = List.copyOf(terms);
    for (int i = 0; i < terms.size(); i++) {
      if (terms.get(i).coefficient().isZero()) {
        throw new IllegalArgumentException("terms[" + i + "] has a zero coefficient");
      }
      if (i > 0 && terms.get(i).wire() <= terms.get(i - 1).wire()) {
        throw new IllegalArgumentException("terms[" + i + "]: wires must be strictly increasing, got "
            + terms.get(i - 1).wire() + " then " + terms.get(i).wire());
      }
    }
  }

  public static LinearCombination of(int wire, Fr coefficient) {
    return coefficient.isZero() ? ZERO : new LinearCombination(List.of(new Term(wire, coefficient)));
  }

  /** The value of the combination for a full assignment {@code w} (w[0] = 1). */
  public Fr evaluate(Fr[] w) {
    Fr sum = Fr.ZERO;
    for (Term term : terms) {
      sum = sum.add(term.coefficient().mul(w[term.wire()]));
    }
    return sum;
  }
}
