package dev.obsidian.circuits.ir;

import dev.obsidian.crypto.field.Fr;
import java.util.Objects;

/** The single quadratic term {@code coefficient · left · right} an {@link Expression} may hold. */
public record Product(Fr coefficient, int left, int right) {
  public Product {
    Objects.requireNonNull(coefficient, "coefficient");
    if (coefficient.isZero()) {
      throw new IllegalArgumentException("a product term must have a non-zero coefficient");
    }
    if (left < 0 || right < 0) {
      throw new IllegalArgumentException("product witnesses must be >= 0, got " + left + " and " + right);
    }
  }
}
