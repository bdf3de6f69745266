package dev.obsidian.circuits.ir;

import dev.obsidian.circuits.r1cs.LinearCombination;
import dev.obsidian.circuits.r1cs.R1cs;
import dev.obsidian.crypto.field.Fr;
import java.math.BigInteger;
import java.util.List;

/**
 * A circuit compiled to R1CS, with the maps between the two: the wire of each witness (-1 for a witness substituted
 * by a combination of wires, {@code substitutes[w]}), the opcode each constraint came from (for error reports) and
 * the bit wires range checks expand into.
 */
public record CompiledCircuit(Circuit circuit, R1cs r1cs, int[] wireOfWitness, int[] opcodeOfConstraint,
    List<BitExpansion> bitExpansions, LinearCombination[] substitutes) {

  /** The range-checked witness's bits, least significant first, sit on wires firstWire..firstWire+bits-1. */
  public record BitExpansion(int witness, int bits, int firstWire) {}

  public CompiledCircuit {
    bitExpansions = List.copyOf(bitExpansions);
  }

  /** The full R1CS assignment (wire 0 = 1, then public, private, bit wires) of a solved circuit witness. */
  public Fr[] assignment(Fr[] witness) {
    if (witness.length != circuit.numWitnesses()) {
      throw new IllegalArgumentException("witness has " + witness.length + " values, circuit '" + circuit.name()
          + "' has " + circuit.numWitnesses());
    }
    Fr[] wires = new Fr[r1cs.numWires()];
    wires[0] = Fr.ONE;
    for (int w = 0; w < witness.length; w++) {
      if (wireOfWitness[w] >= 0) {
        wires[wireOfWitness[w]] = witness[w];
      }
    }
    for (BitExpansion expansion : bitExpansions) {
      BigInteger value = witness[expansion.witness()].toBigInteger();
      for (int bit = 0; bit < expansion.bits(); bit++) {
        wires[expansion.firstWire() + bit] = value.testBit(bit) ? Fr.ONE : Fr.ZERO;
      }
    }
    return wires;
  }

  /** The public inputs of a solved witness in wire order (wires 1..numPublic). */
  public Fr[] publicInputs(Fr[] witness) {
    int[] publicWitnesses = circuit.publicWitnesses();
    Fr[] out = new Fr[publicWitnesses.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = witness[publicWitnesses[i]];
    }
    return out;
  }

  /** Where constraint {@code index} was created in circuit code. */
  public String locationOf(int constraintIndex) {
    int opcode = opcodeOfConstraint[constraintIndex];
    return "opcode " + opcode + " at " + circuit.opcodes().get(opcode).location();
  }
}
