package dev.obsidian.circuits.ir;

import dev.obsidian.crypto.field.Fr;
import java.util.Objects;

/** One term {@code coefficient · witness} of an {@link Expression}. */
public record WitnessTerm(int witness, Fr coefficient) {
  public WitnessTerm {
    if (witness < 0) {
      throw new IllegalArgumentException("witness must be >= 0, got " + witness);
    }
    Objects.requireNonNull(coefficient, "coefficient");
  }
}
