package dev.obsidian.circuits.ir;

import dev.obsidian.crypto.field.Fr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Executes a circuit: assigns the inputs, then runs the opcodes in order. An assert-zero with one unknown witness
 * (appearing linearly) is solved for it, one without unknowns is checked; a range check is checked; a hint assigns
 * its outputs from its oracle. The result is the full witness, or {@link UnsatisfiedConstraintException} naming the
 * first opcode that fails, with its source location.
 */
public final class Interpreter {
  private Interpreter() {}

  /** The full witness; {@code inputs} must name every input of the circuit and nothing else. */
  public static Fr[] solve(Circuit circuit, Map<String, Fr> inputs, Oracles oracles) {
    Fr[] values = new Fr[circuit.numWitnesses()];
    assignInputs(circuit, inputs, values);
    List<Opcode> opcodes = circuit.opcodes();
    Map<Fr, Fr> inverses = new HashMap<>();
    for (int i = 0; i < opcodes.size(); i++) {
      Opcode opcode = opcodes.get(i);
      switch (opcode) {
        case Opcode.AssertZero assertZero -> solveAssertZero(assertZero, values, i, inverses);
        case Opcode.RangeCheck range -> checkRange(range, values, i);
        case Opcode.Hint hint -> callHint(hint, values, oracles, i);
      }
    }
    for (int w = 0; w < values.length; w++) {
      if (values[w] == null) {
        throw new IllegalStateException("circuit '" + circuit.name() + "': witness " + w
            + " is never assigned by an input, a hint or an assert-zero");
      }
    }
    return values;
  }

  /** The values of the circuit's outputs in a solved witness, by name, in io order. */
  public static Map<String, Fr> outputs(Circuit circuit, Fr[] values) {
    Map<String, Fr> outputs = new java.util.LinkedHashMap<>();
    for (CircuitIo output : circuit.outputs()) {
      outputs.put(output.name(), values[output.witness()]);
    }
    return outputs;
  }

  /** The first opcode a complete assignment violates (hints are not re-run: they constrain nothing). */
  public static Optional<UnsatisfiedConstraintException> firstUnsatisfied(Circuit circuit, Fr[] values) {
    if (values.length != circuit.numWitnesses()) {
      throw new IllegalArgumentException("assignment has " + values.length + " witnesses, circuit has "
          + circuit.numWitnesses());
    }
    for (int i = 0; i < circuit.opcodes().size(); i++) {
      try {
        switch (circuit.opcodes().get(i)) {
          case Opcode.AssertZero assertZero -> check(assertZero, values, i);
          case Opcode.RangeCheck range -> checkRange(range, values, i);
          case Opcode.Hint hint -> { }
        }
      } catch (UnsatisfiedConstraintException e) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  private static void assignInputs(Circuit circuit, Map<String, Fr> inputs, Fr[] values) {
    List<CircuitIo> declared = circuit.inputs();
    for (CircuitIo input : declared) {
      Fr value = inputs.get(input.name());
      if (value == null) {
        throw new IllegalArgumentException("circuit '" + circuit.name() + "': input '" + input.name()
            + "' is missing");
      }
      values[input.witness()] = value;
    }
    if (inputs.size() != declared.size()) {
      for (String name : new java.util.TreeSet<>(inputs.keySet())) {
        if (declared.stream().noneMatch(input -> input.name().equals(name))) {
          throw new IllegalArgumentException("circuit '" + circuit.name() + "' has no input named '" + name + "'");
        }
      }
    }
  }

  private static void solveAssertZero(Opcode.AssertZero opcode, Fr[] values, int index, Map<Fr, Fr> inverses) {
    Expression expression = opcode.expression();
    int unknown = -1;
    for (int witness : expression.witnesses()) {
      if (values[witness] == null && witness != unknown) {
        if (unknown >= 0) {
          throw new UnsatisfiedConstraintException(index, opcode.location(),
              "cannot solve: witnesses " + unknown + " and " + witness + " are both unknown");
        }
        unknown = witness;
      }
    }
    if (unknown < 0) {
      check(opcode, values, index);
      return;
    }
    values[unknown] = solveFor(expression, unknown, values, opcode, index, inverses);
  }

  /**
   * The value of {@code unknown} that zeroes the expression, which must be linear in it. A coefficient that does not
   * depend on the values (the unknown is outside the product) is one of few constants (mostly ±1), so its inverse is
   * looked up in {@code inverses} instead of being computed for every opcode (an inversion costs ~300 products).
   */
  private static Fr solveFor(Expression expression, int unknown, Fr[] values, Opcode opcode, int index,
      Map<Fr, Fr> inverses) {
    boolean constantCoefficient = true;
    Fr coefficient = Fr.ZERO;
    Fr rest = expression.constant();
    if (expression.product().isPresent()) {
      Product product = expression.product().get();
      if (product.left() == unknown && product.right() == unknown) {
        throw new UnsatisfiedConstraintException(index, opcode.location(),
            "cannot solve: witness " + unknown + " appears squared");
      }
      if (product.left() == unknown) {
        coefficient = coefficient.add(product.coefficient().mul(values[product.right()]));
        constantCoefficient = false;
      } else if (product.right() == unknown) {
        coefficient = coefficient.add(product.coefficient().mul(values[product.left()]));
        constantCoefficient = false;
      } else {
        rest = rest.add(product.coefficient().mul(values[product.left()]).mul(values[product.right()]));
      }
    }
    for (WitnessTerm term : expression.linear()) {
      if (term.witness() == unknown) {
        coefficient = coefficient.add(term.coefficient());
      } else {
        rest = rest.add(term.coefficient().mul(values[term.witness()]));
      }
    }
    if (coefficient.isZero()) {
      throw new UnsatisfiedConstraintException(index, opcode.location(),
          "cannot solve: witness " + unknown + " has coefficient 0 for these values");
    }
    Fr inverse = constantCoefficient ? inverses.computeIfAbsent(coefficient, Fr::inverse) : coefficient.inverse();
    return rest.neg().mul(inverse);
  }

  private static void check(Opcode.AssertZero opcode, Fr[] values, int index) {
    Fr value = opcode.expression().evaluate(values);
    if (!value.isZero()) {
      throw new UnsatisfiedConstraintException(index, opcode.location(),
          "assert-zero is not satisfied: the expression evaluates to " + value);
    }
  }

  private static void checkRange(Opcode.RangeCheck opcode, Fr[] values, int index) {
    Fr value = values[opcode.witness()];
    if (value == null) {
      throw new UnsatisfiedConstraintException(index, opcode.location(),
          "range check of witness " + opcode.witness() + " before it is assigned");
    }
    BigInteger integer = value.toBigInteger();
    if (integer.bitLength() > opcode.bits()) {
      throw new UnsatisfiedConstraintException(index, opcode.location(), (opcode.bits() == 1 ? "boolean" : "range")
          + " check failed: witness " + opcode.witness() + " = " + value + " is not below 2^" + opcode.bits());
    }
  }

  private static void callHint(Opcode.Hint hint, Fr[] values, Oracles oracles, int index) {
    Oracle oracle = oracles.find(hint.oracle()).orElseThrow(() -> new UnsatisfiedConstraintException(index,
        hint.location(), "no oracle named '" + hint.oracle() + "' was given to the solver"));
    List<Fr> arguments = new ArrayList<>(hint.inputs().size());
    for (Expression input : hint.inputs()) {
      for (int witness : input.witnesses()) {
        if (values[witness] == null) {
          throw new UnsatisfiedConstraintException(index, hint.location(),
              "hint '" + hint.oracle() + "' reads witness " + witness + " before it is assigned");
        }
      }
      arguments.add(input.evaluate(values));
    }
    List<Fr> answers;
    try {
      answers = oracle.call(List.copyOf(arguments), hint.outputs().size());
    } catch (RuntimeException e) {
      throw new UnsatisfiedConstraintException(index, hint.location(),
          "oracle '" + hint.oracle() + "' failed: " + e.getMessage());
    }
    if (answers.size() != hint.outputs().size()) {
      throw new UnsatisfiedConstraintException(index, hint.location(), "oracle '" + hint.oracle() + "' gave "
          + answers.size() + " values, the hint needs " + hint.outputs().size());
    }
    for (int i = 0; i < answers.size(); i++) {
      int output = hint.outputs().get(i);
      if (values[output] != null) {
        throw new UnsatisfiedConstraintException(index, hint.location(),
            "hint output witness " + output + " is already assigned");
      }
      values[output] = answers.get(i);
    }
  }
}
