package dev.obsidian.circuits.ir;

import dev.obsidian.crypto.field.Fr;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code [q·a·b] + Σ c_i·w_i + k}: at most one product of two witnesses, a linear combination and a constant (the
 * arithmetic expression of Aztec's ACIR, restricted to one product so each one is a single rank-1 constraint). The
 * linear terms have strictly increasing witnesses and no zero coefficient, so equal expressions are equal records.
 */
public record Expression(Optional<Product> product, List<WitnessTerm> linear, Fr constant) {
  public Expression {
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(constant, "constant");
    linear = List.copyOf(linear);
    for (int i = 0; i < linear.size(); i++) {
      if (linear.get(i).coefficient().isZero()) {
        throw new IllegalArgumentException("linear[" + i + "] has a zero coefficient");
      }
      if (i > 0 && linear.get(i).witness() <= linear.get(i - 1).witness()) {
        throw new IllegalArgumentException("linear[" + i + "]: witnesses must be strictly increasing, got "
            + linear.get(i - 1).witness() + " then " + linear.get(i).witness());
      }
    }
  }

  public static Expression constant(Fr value) {
    return new Expression(Optional.empty(), List.of(), value);
  }

  /** Every witness the expression reads, product first, possibly repeated. */
  public int[] witnesses() {
    int extra = product.isPresent() ? 2 : 0;
    int[] out = new int[linear.size() + extra];
    product.ifPresent(p -> {
      out[0] = p.left();
      out[1] = p.right();
    });
    for (int i = 0; i < linear.size(); i++) {
      out[extra + i] = linear.get(i).witness();
    }
    return out;
  }

  /** The value for a full assignment; every witness read must be set. */
  public Fr evaluate(Fr[] values) {
    Fr sum = constant;
    if (product.isPresent()) {
      Product p = product.get();
      sum = sum.add(p.coefficient().mul(values[p.left()]).mul(values[p.right()]));
    }
    for (WitnessTerm term : linear) {
      sum = sum.add(term.coefficient().mul(values[term.witness()]));
    }
    return sum;
  }
}
