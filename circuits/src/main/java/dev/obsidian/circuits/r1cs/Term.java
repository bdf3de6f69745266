package dev.obsidian.circuits.r1cs;

import dev.obsidian.crypto.field.Fr;
import java.util.Objects;

/** One term {@code coefficient · w[wire]} of a linear combination. */
public record Term(int wire, Fr coefficient) {
  public Term {
    if (wire < 0) {
      throw new IllegalArgumentException("wire must be >= 0, got " + wire);
    }
    Objects.requireNonNull(coefficient, "coefficient");
  }
}
