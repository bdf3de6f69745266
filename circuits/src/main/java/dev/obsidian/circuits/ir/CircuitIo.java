package dev.obsidian.circuits.ir;

import java.util.Objects;

/** A named input or output of a circuit and the witness that holds it. */
public record CircuitIo(String name, int witness, Kind kind) {
  public enum Kind {
    /** Given by the caller and public (an R1CS public wire). */
    PUBLIC_INPUT,
    /** Given by the caller and private. */
    PRIVATE_INPUT,
    /** Computed by the circuit and public. */
    PUBLIC_OUTPUT;

    public boolean isPublic() {
      return this != PRIVATE_INPUT;
    }

    public boolean isInput() {
      return this != PUBLIC_OUTPUT;
    }
  }

  public CircuitIo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("an input or output needs a name");
    }
    if (witness < 0) {
      throw new IllegalArgumentException(name + ": witness must be >= 0, got " + witness);
    }
  }
}
