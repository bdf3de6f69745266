package dev.obsidian.circuits.ir;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A circuit: witnesses {@code 0..numWitnesses-1}, its named inputs and outputs, and the opcodes in the order the
 * solver runs them. Public wires, in R1CS order, are the public entries of {@code io} in list order.
 */
public record Circuit(String name, int numWitnesses, List<CircuitIo> io, List<Opcode> opcodes) {
  public Circuit {
    Objects.requireNonNull(name, "name");
    io = List.copyOf(io);
    opcodes = List.copyOf(opcodes);
    if (numWitnesses < 0) {
      throw new IllegalArgumentException("numWitnesses must be >= 0, got " + numWitnesses);
    }
    validateIo(io, numWitnesses);
    for (int i = 0; i < opcodes.size(); i++) {
      validateOpcode(opcodes.get(i), numWitnesses, i);
    }
  }

  /** The witnesses of the public wires, in R1CS order. */
  public int[] publicWitnesses() {
    return io.stream().filter(entry -> entry.kind().isPublic()).mapToInt(CircuitIo::witness).toArray();
  }

  public List<CircuitIo> inputs() {
    return io.stream().filter(entry -> entry.kind().isInput()).toList();
  }

  public List<CircuitIo> outputs() {
    return io.stream().filter(entry -> !entry.kind().isInput()).toList();
  }

  private static void validateIo(List<CircuitIo> io, int numWitnesses) {
    Set<String> names = new HashSet<>();
    Set<Integer> witnesses = new HashSet<>();
    for (CircuitIo entry : io) {
      if (!names.add(entry.name())) {
        throw new IllegalArgumentException("io name '" + entry.name() + "' appears twice");
      }
      if (!witnesses.add(entry.witness())) {
        throw new IllegalArgumentException("io '" + entry.name() + "': witness " + entry.witness() + " is already "
            + "an input or output");
      }
      requireWitness(entry.witness(), numWitnesses, "io '" + entry.name() + "'");
    }
  }

  private static void validateOpcode(Opcode opcode, int numWitnesses, int index) {
    String where = "opcodes[" + index + "]";
    switch (opcode) {
      case Opcode.AssertZero assertZero -> requireWitnesses(assertZero.expression(), numWitnesses, where);
      case Opcode.RangeCheck range -> requireWitness(range.witness(), numWitnesses, where);
      case Opcode.Hint hint -> {
        hint.inputs().forEach(input -> requireWitnesses(input, numWitnesses, where));
        hint.outputs().forEach(output -> requireWitness(output, numWitnesses, where));
      }
    }
  }

  private static void requireWitnesses(Expression expression, int numWitnesses, String where) {
    for (int witness : expression.witnesses()) {
      requireWitness(witness, numWitnesses, where);
    }
  }

  private static void requireWitness(int witness, int numWitnesses, String where) {
    if (witness >= numWitnesses) {
      throw new IllegalArgumentException(where + " uses witness " + witness + " of " + numWitnesses);
    }
  }
}
