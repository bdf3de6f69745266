package dev.obsidian.circuits.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.circuits.CircuitCheck;
import dev.obsidian.circuits.builder.CircuitBuilder;
import dev.obsidian.circuits.builder.Value;
import dev.obsidian.circuits.ir.Circuit;
import dev.obsidian.circuits.ir.Interpreter;
import dev.obsidian.circuits.ir.Oracles;
import dev.obsidian.circuits.ir.R1csCompiler;
import dev.obsidian.circuits.ir.UnsatisfiedConstraintException;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class Poseidon2GadgetTest {
  private static final Circuit PERMUTATION = permutationCircuit();

  /** state[0..3] private, the permuted state as public outputs. */
  private static Circuit permutationCircuit() {
    CircuitBuilder builder = new CircuitBuilder();
    Value[] out = Poseidon2Gadget.permutation(builder, builder.privateInputs("state", 4));
    for (int i = 0; i < 4; i++) {
      builder.publicOutput("out[" + i + "]", out[i]);
    }
    return builder.build("poseidon2-permutation");
  }

  /** n private inputs, the hash checked against a public input "expected". */
  private static Circuit hashCircuit(int n) {
    CircuitBuilder builder = new CircuitBuilder();
    Value expected = builder.publicInput("expected");
    builder.assertEqual(Poseidon2Gadget.hash(builder, builder.privateInputs("in", n)), expected);
    return builder.build("poseidon2-hash-" + n);
  }

  static Fr randomFr(Random random) {
    return Fr.reduce(new BigInteger(300, random));
  }

  @Property(tries = 20)
  void permutationIsBitExactWithCrypto(@ForAll long seed) {
    Random random = new Random(seed);
    Fr[] state = new Fr[4];
    Map<String, Fr> inputs = new HashMap<>();
    for (int i = 0; i < 4; i++) {
      state[i] = randomFr(random);
      inputs.put("state[" + i + "]", state[i]);
    }
    Fr[] witness = CircuitCheck.solveAndCheck(PERMUTATION, inputs);
    assertArrayEquals(Poseidon2.permutation(state), R1csCompiler.compile(PERMUTATION).publicInputs(witness));
  }

  @Test
  void permutationOfZeroMatchesTooAndCostsAFewHundredConstraints() {
    Fr[] witness = CircuitCheck.solveAndCheck(PERMUTATION,
        Map.of("state[0]", Fr.ZERO, "state[1]", Fr.ZERO, "state[2]", Fr.ZERO, "state[3]", Fr.ZERO));
    assertArrayEquals(Poseidon2.permutation(new Fr[] {Fr.ZERO, Fr.ZERO, Fr.ZERO, Fr.ZERO}),
        R1csCompiler.compile(PERMUTATION).publicInputs(witness));
    long constraints = R1csCompiler.constraintCount(PERMUTATION) - 4; // minus the 4 public-output copies
    System.out.println("Poseidon2 permutation (t=4): " + constraints + " R1CS constraints");
    // 3 products per S-box (x², x⁴, x⁵) and 88 S-boxes; the copies holding each S-box input in one witness are
    // substituted away by the compiler
    assertEquals(3 * (8 * 4 + 56), constraints);
  }

  @Property(tries = 30)
  void spongeIsBitExactWithCrypto(@ForAll @IntRange(min = 0, max = 8) int n, @ForAll long seed) {
    Random random = new Random(seed);
    Fr[] in = new Fr[n];
    Map<String, Fr> inputs = new HashMap<>();
    for (int i = 0; i < n; i++) {
      in[i] = randomFr(random);
      inputs.put("in[" + i + "]", in[i]);
    }
    Circuit circuit = hashCircuit(n);
    inputs.put("expected", Poseidon2.hash(in));
    CircuitCheck.solveAndCheck(circuit, inputs);
    inputs.put("expected", Poseidon2.hash(in).add(Fr.ONE));
    UnsatisfiedConstraintException failure = assertThrows(UnsatisfiedConstraintException.class,
        () -> Interpreter.solve(circuit, inputs, Oracles.standard()));
    assertTrue(failure.location().contains("Poseidon2GadgetTest.hashCircuit"), failure.getMessage());
  }
}
