package dev.obsidian.circuits.rollup;

import dev.obsidian.circuits.ir.Circuit;
import dev.obsidian.circuits.ir.Opcode;
import dev.obsidian.circuits.ir.R1csCompiler;

/** Sizes of a circuit, as IR and as compiled R1CS (counted without building the R1CS). */
public record CircuitInfo(String name, int witnesses, int assertZero, int rangeChecks, int hints, long constraints,
    long wires, int publicInputs) {

  public static CircuitInfo of(Circuit circuit) {
    int assertZero = 0;
    int ranges = 0;
    int hints = 0;
    for (Opcode opcode : circuit.opcodes()) {
      switch (opcode) {
        case Opcode.AssertZero a -> assertZero++;
        case Opcode.RangeCheck r -> ranges++;
        case Opcode.Hint h -> hints++;
      }
    }
    return new CircuitInfo(circuit.name(), circuit.numWitnesses(), assertZero, ranges, hints,
        R1csCompiler.constraintCount(circuit), R1csCompiler.wireCount(circuit), circuit.publicWitnesses().length);
  }
}
