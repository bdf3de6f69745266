package dev.obsidian.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.circuits.ir.Circuit;
import dev.obsidian.circuits.ir.CircuitFormat;
import dev.obsidian.circuits.ir.CompiledCircuit;
import dev.obsidian.circuits.ir.Interpreter;
import dev.obsidian.circuits.ir.Oracles;
import dev.obsidian.circuits.ir.R1csCompiler;
import dev.obsidian.crypto.field.Fr;
import java.util.Map;
import java.util.Optional;

/** Solves a circuit and checks the witness against the IR and against the compiled R1CS. */
public final class CircuitCheck {
  private CircuitCheck() {}

  /**
   * The solved witness, after checking it satisfies the IR and the R1CS, that a tampered public wire does not, and
   * that the circuit survives its artifact encoding.
   */
  public static Fr[] solveAndCheck(Circuit circuit, Map<String, Fr> inputs, Oracles oracles) {
    assertEquals(circuit, CircuitFormat.read(CircuitFormat.write(circuit)));
    Fr[] witness = Interpreter.solve(circuit, inputs, oracles);
    assertEquals(Optional.empty(), Interpreter.firstUnsatisfied(circuit, witness));
    CompiledCircuit compiled = R1csCompiler.compile(circuit);
    assertEquals(R1csCompiler.constraintCount(circuit), compiled.r1cs().constraints().size());
    assertEquals(R1csCompiler.wireCount(circuit), compiled.r1cs().numWires());
    Fr[] wires = compiled.assignment(witness);
    assertEquals(Optional.empty(), compiled.r1cs().firstUnsatisfied(wires));
    for (int w = 0; w < witness.length; w++) {
      if (compiled.wireOfWitness()[w] < 0) {
        assertEquals(witness[w], compiled.substitutes()[w].evaluate(wires), "substitute of witness " + w);
      }
    }
    for (int wire = 1; wire <= compiled.r1cs().numPublic(); wire++) {
      Fr[] tampered = wires.clone();
      tampered[wire] = tampered[wire].add(Fr.ONE);
      assertTrue(compiled.r1cs().firstUnsatisfied(tampered).isPresent(), "tampered public wire " + wire);
    }
    return witness;
  }

  public static Fr[] solveAndCheck(Circuit circuit, Map<String, Fr> inputs) {
    return solveAndCheck(circuit, inputs, Oracles.standard());
  }
}
