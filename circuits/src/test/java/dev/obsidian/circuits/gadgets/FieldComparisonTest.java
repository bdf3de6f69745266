package dev.obsidian.circuits.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.circuits.CircuitCheck;
import dev.obsidian.circuits.builder.CircuitBuilder;
import dev.obsidian.circuits.builder.Value;
import dev.obsidian.circuits.ir.Circuit;
import dev.obsidian.circuits.ir.CircuitIo;
import dev.obsidian.circuits.ir.Interpreter;
import dev.obsidian.circuits.ir.Opcode;
import dev.obsidian.circuits.ir.Oracles;
import dev.obsidian.circuits.ir.R1csCompiler;
import dev.obsidian.crypto.field.Fr;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class FieldComparisonTest {
  private static final Circuit FIELD_LESS_THAN = fieldLessThan();

  private static Circuit fieldLessThan() {
    CircuitBuilder builder = new CircuitBuilder();
    Value a = builder.privateInput("a");
    Value b = builder.privateInput("b");
    builder.publicOutput("lt", FieldComparison.lessThan(builder, a, b));
    return builder.build("field-less-than");
  }

  /** Random elements biased to the edges: 0, 1, p - 1, 2^128 ± 1, equal pairs. */
  @Provide
  Arbitrary<BigInteger> elements() {
    BigInteger p = Fr.MODULUS;
    BigInteger two128 = BigInteger.ONE.shiftLeft(128);
    return Arbitraries.oneOf(
        Arbitraries.bigIntegers().between(BigInteger.ZERO, p.subtract(BigInteger.ONE)),
        Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE), p.subtract(BigInteger.TWO),
            two128, two128.subtract(BigInteger.ONE), two128.add(BigInteger.ONE)));
  }

  @Property(tries = 60)
  void fieldLessThanMatchesBigInteger(@ForAll("elements") BigInteger a, @ForAll("elements") BigInteger b,
      @ForAll boolean equal) {
    BigInteger right = equal ? a : b;
    Fr[] witness = CircuitCheck.solveAndCheck(FIELD_LESS_THAN,
        Map.of("a", Fr.fromBigInteger(a), "b", Fr.fromBigInteger(right)));
    Fr expected = a.compareTo(right) < 0 ? Fr.ONE : Fr.ZERO;
    assertEquals(expected, R1csCompiler.compile(FIELD_LESS_THAN).publicInputs(witness)[0]);
  }

  @Property(tries = 30)
  void aFlippedAnswerCannotBeCompleted(@ForAll("elements") BigInteger a, @ForAll("elements") BigInteger b) {
    // flip the oracle's answer and re-solve everything after it: some range check must fail
    Fr[] witness = Interpreter.solve(FIELD_LESS_THAN, Map.of("a", Fr.fromBigInteger(a), "b", Fr.fromBigInteger(b)),
        Oracles.standard());
    int resultHint = lessThanHintOutput(FIELD_LESS_THAN);
    Fr flipped = Fr.ONE.sub(witness[resultHint]);
    assertTrue(Interpreter.firstUnsatisfied(FIELD_LESS_THAN, resolveWith(FIELD_LESS_THAN, witness, resultHint,
        flipped)).isPresent());
  }

  @Property(tries = 30)
  void aNonCanonicalSplitIsRefused(@ForAll @IntRange(min = 0, max = 1000) int small) {
    // x + p still fits in 254 bits for small x: its limbs must be refused
    CircuitBuilder builder = new CircuitBuilder();
    FieldComparison.limbs(builder, builder.privateInput("x"));
    Circuit circuit = builder.build("limbs");
    Fr[] witness = Interpreter.solve(circuit, Map.of("x", Fr.of(small)), Oracles.standard());
    BigInteger aliased = BigInteger.valueOf(small).add(Fr.MODULUS);
    int firstHint = firstHintOutputs(circuit).get(0);
    witness[firstHint] = Fr.fromBigInteger(aliased.mod(BigInteger.ONE.shiftLeft(128)));
    witness[firstHint + 1] = Fr.fromBigInteger(aliased.shiftRight(128));
    Fr[] completed = resolveFrom(circuit, witness, firstHint + 2);
    assertTrue(Interpreter.firstUnsatisfied(circuit, completed).isPresent());
  }

  @Property(tries = 60)
  void boundedLessThanMatchesIntegers(@ForAll @IntRange(min = 0, max = 65535) int a,
      @ForAll @IntRange(min = 0, max = 65535) int b) {
    CircuitBuilder builder = new CircuitBuilder();
    Value x = builder.privateInput("a");
    Value y = builder.privateInput("b");
    builder.publicOutput("lt", builder.lessThan(x, y, 16));
    builder.publicOutput("le", builder.lessThanOrEqual(x, y, 16));
    builder.publicOutput("eq", builder.isEqual(x, y));
    builder.publicOutput("select", builder.select(builder.isEqual(x, y), x.plus(1), y.times(3)));
    Circuit circuit = builder.build("bounded");
    Fr[] witness = CircuitCheck.solveAndCheck(circuit, Map.of("a", Fr.of(a), "b", Fr.of(b)));
    Fr[] out = R1csCompiler.compile(circuit).publicInputs(witness);
    assertEquals(Fr.of(a < b ? 1 : 0), out[0]);
    assertEquals(Fr.of(a <= b ? 1 : 0), out[1]);
    assertEquals(Fr.of(a == b ? 1 : 0), out[2]);
    assertEquals(a == b ? Fr.of(a + 1) : Fr.of(3L * b), out[3]);
  }

  @Property(tries = 20)
  void toBitsMatchesBigIntegerAndRefusesTooWideValues(@ForAll long seed) {
    Random random = new Random(seed);
    BigInteger value = new BigInteger(40, random);
    CircuitBuilder builder = new CircuitBuilder();
    Value[] bits = builder.toBits(builder.privateInput("x"), 40);
    for (int i = 0; i < 40; i++) {
      builder.publicOutput("bit[" + i + "]", bits[i]);
    }
    Circuit circuit = builder.build("bits");
    Fr[] out = R1csCompiler.compile(circuit).publicInputs(
        CircuitCheck.solveAndCheck(circuit, Map.of("x", Fr.fromBigInteger(value))));
    for (int i = 0; i < 40; i++) {
      assertEquals(value.testBit(i) ? Fr.ONE : Fr.ZERO, out[i]);
    }
    BigInteger tooWide = value.setBit(40);
    assertTrue(org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
        () -> Interpreter.solve(circuit, Map.of("x", Fr.fromBigInteger(tooWide)), Oracles.standard()))
        .getMessage().contains("FieldComparisonTest"));
  }

  // ---- forging helpers: replace a hint's answer and solve the remaining opcodes as the interpreter would ----

  private static int lessThanHintOutput(Circuit circuit) {
    int count = 0;
    for (Opcode opcode : circuit.opcodes()) {
      if (opcode instanceof Opcode.Hint hint && hint.oracle().equals(Oracles.LESS_THAN) && count++ == 2) {
        return hint.outputs().get(0); // the third less-than hint: after the two canonical-limb borrows
      }
    }
    throw new AssertionError("no result hint");
  }

  private static List<Integer> firstHintOutputs(Circuit circuit) {
    for (Opcode opcode : circuit.opcodes()) {
      if (opcode instanceof Opcode.Hint hint) {
        return hint.outputs();
      }
    }
    throw new AssertionError("no hint");
  }

  private static Fr[] resolveWith(Circuit circuit, Fr[] witness, int witnessIndex, Fr value) {
    Fr[] forged = witness.clone();
    forged[witnessIndex] = value;
    return resolveFrom(circuit, forged, witnessIndex + 1);
  }

  /**
   * Recomputes every witness numbered {@code from} or above by re-running the circuit with those witnesses unknown
   * and the earlier ones pinned (a prover following the circuit honestly after a forged value).
   */
  private static Fr[] resolveFrom(Circuit circuit, Fr[] witness, int from) {
    CircuitBuilder pinned = new CircuitBuilder(false);
    List<CircuitIo> io = new java.util.ArrayList<>();
    Map<String, Fr> inputs = new java.util.HashMap<>();
    for (int w = 0; w < from; w++) {
      io.add(new CircuitIo("pin" + w, w, CircuitIo.Kind.PRIVATE_INPUT));
      inputs.put("pin" + w, witness[w]);
    }
    List<Opcode> remaining = circuit.opcodes().stream()
        .filter(opcode -> !(opcode instanceof Opcode.Hint hint) || hint.outputs().get(0) >= from)
        .filter(opcode -> !(opcode instanceof Opcode.RangeCheck))
        .map(opcode -> opcode instanceof Opcode.AssertZero assertZero && allBelow(assertZero, from)
            ? null : opcode)
        .filter(java.util.Objects::nonNull)
        .toList();
    Circuit relaxed = new Circuit("relaxed", circuit.numWitnesses(), io, remaining);
    return Interpreter.solve(relaxed, inputs, Oracles.standard());
  }

  private static boolean allBelow(Opcode.AssertZero opcode, int from) {
    for (int w : opcode.expression().witnesses()) {
      if (w >= from) {
        return false;
      }
    }
    return true;
  }
}
