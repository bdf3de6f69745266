package dev.obsidian.circuits.ir;

import java.util.List;
import java.util.Objects;

/**
 * One instruction of a {@link Circuit}. Every opcode carries the source location it was created at (a stack frame
 * and the builder's labels), so a failure names the line of circuit code that made the constraint.
 */
public sealed interface Opcode {
  String location();

  /** The constraint {@code expression = 0}. */
  record AssertZero(Expression expression, String location) implements Opcode {
    public AssertZero {
      Objects.requireNonNull(expression, "expression");
      Objects.requireNonNull(location, "location");
    }
  }

  /**
   * The constraint {@code 0 <= witness < 2^bits} on the witness read as an integer in [0, p); {@code bits = 1} is
   * the boolean constraint. At most {@link #MAX_BITS} bits, so the bit decomposition is unique (below p).
   */
  record RangeCheck(int witness, int bits, String location) implements Opcode {
    public static final int MAX_BITS = 253;

    public RangeCheck {
      if (witness < 0) {
        throw new IllegalArgumentException("witness must be >= 0, got " + witness);
      }
      if (bits < 1 || bits > MAX_BITS) {
        throw new IllegalArgumentException("bits must be in 1.." + MAX_BITS + ", got " + bits);
      }
      Objects.requireNonNull(location, "location");
    }
  }

  /**
   * An unconstrained call: the solver evaluates {@code inputs}, asks the named oracle for {@code outputs.size()}
   * values and assigns them to the output witnesses. It adds no constraint: the circuit must constrain the outputs.
   */
  record Hint(String oracle, List<Expression> inputs, List<Integer> outputs, String location) implements Opcode {
    public Hint {
      Objects.requireNonNull(oracle, "oracle");
      if (oracle.isEmpty()) {
        throw new IllegalArgumentException("oracle name must not be empty");
      }
      inputs = List.copyOf(inputs);
      outputs = List.copyOf(outputs);
      for (int i = 0; i < outputs.size(); i++) {
        if (outputs.get(i) < 0) {
          throw new IllegalArgumentException("outputs[" + i + "] must be >= 0, got " + outputs.get(i));
        }
      }
      Objects.requireNonNull(location, "location");
    }
  }
}
