package dev.obsidian.circuits.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.circuits.CircuitCheck;
import dev.obsidian.circuits.builder.CircuitBuilder;
import dev.obsidian.circuits.builder.Value;
import dev.obsidian.crypto.field.Fr;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InterpreterTest {
  /** out = x·y + 3z, public out; x, y, z private. */
  private static Circuit affineProduct() {
    CircuitBuilder builder = new CircuitBuilder();
    Value x = builder.privateInput("x");
    Value y = builder.privateInput("y");
    Value z = builder.privateInput("z");
    builder.publicOutput("out", builder.mul(x, y).plus(z.times(3)));
    return builder.build("affine-product");
  }

  @Test
  void solvesOutputsAndTheR1csAgrees() {
    Circuit circuit = affineProduct();
    Fr[] witness = CircuitCheck.solveAndCheck(circuit, Map.of("x", Fr.of(6), "y", Fr.of(7), "z", Fr.of(-1)));
    CompiledCircuit compiled = R1csCompiler.compile(circuit);
    assertEquals(1, compiled.r1cs().numPublic());
    assertEquals(Fr.of(39), compiled.publicInputs(witness)[0]);
    assertEquals(Fr.of(39), compiled.assignment(witness)[1]);
  }

  @Test
  void reportsTheFailingConstraintWithItsSourceLine() {
    CircuitBuilder builder = new CircuitBuilder();
    Value x = builder.privateInput("x");
    Value expected = builder.publicInput("expected");
    int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
    builder.labelled("square", () -> builder.assertEqual(builder.mul(x, x), expected));
    Circuit circuit = builder.build("square");
    CircuitCheck.solveAndCheck(circuit, Map.of("x", Fr.of(5), "expected", Fr.of(25)));
    UnsatisfiedConstraintException failure = assertThrows(UnsatisfiedConstraintException.class,
        () -> Interpreter.solve(circuit, Map.of("x", Fr.of(5), "expected", Fr.of(24)), Oracles.standard()));
    assertTrue(failure.location().contains("InterpreterTest.java:" + line), failure.getMessage());
    assertTrue(failure.location().contains("[square]"), failure.getMessage());
  }

  @Test
  void aTamperedWitnessFailsBothTheIrAndTheR1cs() {
    Circuit circuit = affineProduct();
    Fr[] witness = Interpreter.solve(circuit, Map.of("x", Fr.of(2), "y", Fr.of(9), "z", Fr.of(4)), Oracles.standard());
    CompiledCircuit compiled = R1csCompiler.compile(circuit);
    for (int w = 0; w < witness.length; w++) {
      Fr[] tampered = witness.clone();
      tampered[w] = tampered[w].add(Fr.ONE);
      Optional<UnsatisfiedConstraintException> irFailure = Interpreter.firstUnsatisfied(circuit, tampered);
      Optional<Integer> r1csFailure = compiled.r1cs().firstUnsatisfied(compiled.assignment(tampered));
      assertTrue(irFailure.isPresent(), "witness " + w);
      assertTrue(r1csFailure.isPresent(), "witness " + w);
      assertEquals(irFailure.get().opcodeIndex(), compiled.opcodeOfConstraint()[r1csFailure.get()]);
    }
  }

  @Test
  void rangeChecksExpandToBitsInTheR1cs() {
    CircuitBuilder builder = new CircuitBuilder();
    Value x = builder.publicInput("x");
    builder.rangeCheck(x, 10);
    Circuit circuit = builder.build("range");
    assertEquals(11, R1csCompiler.constraintCount(circuit));
    CircuitCheck.solveAndCheck(circuit, Map.of("x", Fr.of(1023)));
    assertThrows(UnsatisfiedConstraintException.class,
        () -> Interpreter.solve(circuit, Map.of("x", Fr.of(1024)), Oracles.standard()));
    // the R1CS refuses 1024 whatever bits the prover picks: the 10 bits sum to at most 1023
    CompiledCircuit compiled = R1csCompiler.compile(circuit);
    Fr[] wires = compiled.assignment(new Fr[] {Fr.of(1023)});
    wires[1] = Fr.of(1024);
    assertTrue(compiled.r1cs().firstUnsatisfied(wires).isPresent());
  }

  @Test
  void callsTheCallersOracles() {
    CircuitBuilder builder = new CircuitBuilder();
    Value x = builder.privateInput("x");
    Value root = builder.hint("test.cube_root", List.of(x), 1)[0];
    builder.assertEqual(builder.mul(builder.mul(root, root), root), x);
    builder.publicOutput("root", root);
    Circuit circuit = builder.build("cube-root");
    Oracles oracles = Oracles.standard().with("test.cube_root", (in, n) -> List.of(Fr.of(
        Math.round(Math.cbrt(in.get(0).toBigInteger().doubleValue())))));
    Fr[] witness = CircuitCheck.solveAndCheck(circuit, Map.of("x", Fr.of(343)), oracles);
    assertEquals(Fr.of(7), R1csCompiler.compile(circuit).publicInputs(witness)[0]);
    UnsatisfiedConstraintException missing = assertThrows(UnsatisfiedConstraintException.class,
        () -> Interpreter.solve(circuit, Map.of("x", Fr.of(343)), Oracles.standard()));
    assertTrue(missing.getMessage().contains("no oracle named 'test.cube_root'"), missing.getMessage());
  }

  @Test
  void refusesMissingAndUnknownInputsByName() {
    Circuit circuit = affineProduct();
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> Interpreter.solve(circuit, Map.of("x", Fr.ONE, "y", Fr.ONE), Oracles.standard()));
    assertTrue(missing.getMessage().contains("'z' is missing"), missing.getMessage());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Interpreter.solve(
        circuit, Map.of("x", Fr.ONE, "y", Fr.ONE, "z", Fr.ONE, "w", Fr.ONE), Oracles.standard()));
    assertTrue(unknown.getMessage().contains("no input named 'w'"), unknown.getMessage());
  }
}
