package dev.obsidian.circuits.ir;

/**
 * The inputs do not satisfy the circuit, or cannot be solved: names the opcode, its kind and the source location
 * where circuit code created it.
 */
public final class UnsatisfiedConstraintException extends RuntimeException {
  private final int opcodeIndex;
  private final String location;

  public UnsatisfiedConstraintException(int opcodeIndex, String location, String reason) {
    super("opcode " + opcodeIndex + " at " + location + ": " + reason);
    this.opcodeIndex = opcodeIndex;
    this.location = location;
  }

  public int opcodeIndex() {
    return opcodeIndex;
  }

  public String location() {
    return location;
  }
}
