package dev.obsidian.circuits.builder;

import dev.obsidian.circuits.ir.Circuit;
import dev.obsidian.circuits.ir.CircuitIo;
import dev.obsidian.circuits.ir.Expression;
import dev.obsidian.circuits.ir.Opcode;
import dev.obsidian.circuits.ir.Oracles;
import dev.obsidian.circuits.ir.Product;
import dev.obsidian.circuits.ir.WitnessTerm;
import dev.obsidian.crypto.field.Fr;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Writes a {@link Circuit}: declare inputs, combine {@link Value}s, constrain them, then {@link #build}. Every opcode
 * records where it was created (the first stack frame outside this package, the gadget's caller too when that frame
 * is a gadget, and the current {@link #labelled labels}) so the interpreter can name the failing line.
 *
 * <p>Operations that take a bit count require the caller to know the values fit: {@code lessThan(a, b, bits)} is
 * only meaningful for a and b below 2^bits (range-check them first if they come from the prover).
 */
public final class CircuitBuilder {
  private static final String GADGETS_PACKAGE = "dev.obsidian.circuits.gadgets.";
  private static final StackWalker STACK = StackWalker.getInstance();

  private final List<CircuitIo> io = new ArrayList<>();
  private final List<Opcode> opcodes = new ArrayList<>();
  private final Deque<String> labels = new ArrayDeque<>();
  private final Map<String, String> interned = new HashMap<>();
  private final boolean recordLocations;
  private int numWitnesses;

  /** A builder recording source locations (a stack walk per opcode). */
  public CircuitBuilder() {
    this(true);
  }

  /** {@code recordLocations = false} keeps only labels: faster for circuits of millions of opcodes. */
  public CircuitBuilder(boolean recordLocations) {
    this.recordLocations = recordLocations;
  }

  // ---- inputs and outputs ----

  public Value publicInput(String name) {
    return declare(name, CircuitIo.Kind.PUBLIC_INPUT);
  }

  public Value privateInput(String name) {
    return declare(name, CircuitIo.Kind.PRIVATE_INPUT);
  }

  /** Private inputs named {@code name[0]..name[count-1]}. */
  public Value[] privateInputs(String name, int count) {
    Value[] values = new Value[count];
    for (int i = 0; i < count; i++) {
      values[i] = privateInput(name + "[" + i + "]");
    }
    return values;
  }

  /** Makes {@code value} a public output: a fresh witness on a public wire, equal to it. */
  public void publicOutput(String name, Value value) {
    int witness = newWitness();
    emit(new Opcode.AssertZero(value.minus(Value.witness(witness)).toExpression(), location()));
    io.add(new CircuitIo(name, witness, CircuitIo.Kind.PUBLIC_OUTPUT));
  }

  // ---- arithmetic ----

  /** a · b: free when either is constant, else one constraint (plus one per factor spanning several witnesses). */
  public Value mul(Value a, Value b) {
    if (a.isConstant()) {
      return b.times(a.constantPart());
    }
    if (b.isConstant()) {
      return a.times(b.constantPart());
    }
    Value left = factor(a);
    Value right = factor(b);
    int result = newWitness();
    emitProduct(left, right, Value.witness(result).negate());
    return Value.witness(result);
  }

  public Value square(Value a) {
    return mul(a, a);
  }

  // ---- assertions ----

  public void assertZero(Value a) {
    if (a.isConstant()) {
      if (!a.constantPart().isZero()) {
        throw new IllegalStateException("assertZero of the non-zero constant " + a.constantPart() + " at "
            + location());
      }
      return;
    }
    emit(new Opcode.AssertZero(a.toExpression(), location()));
  }

  public void assertEqual(Value a, Value b) {
    assertZero(a.minus(b));
  }

  /** a · b = c as one constraint (no new witness). */
  public void assertProduct(Value a, Value b, Value c) {
    if (a.isConstant() || b.isConstant()) {
      assertEqual(mul(a, b), c);
      return;
    }
    emitProduct(factor(a), factor(b), c.negate());
  }

  public void assertBoolean(Value a) {
    emit(new Opcode.RangeCheck(plainWitness(a), 1, location()));
  }

  /** 0 &lt;= a &lt; 2^bits (1 &lt;= bits &lt;= 253). */
  public void rangeCheck(Value a, int bits) {
    emit(new Opcode.RangeCheck(plainWitness(a), bits, location()));
  }

  // ---- selection and logic (operands that are booleans must be constrained boolean by the caller) ----

  /** condition ? ifTrue : ifFalse, for a boolean condition. */
  public Value select(Value condition, Value ifTrue, Value ifFalse) {
    return ifFalse.plus(mul(condition, ifTrue.minus(ifFalse)));
  }

  public Value not(Value bit) {
    return Value.ONE.minus(bit);
  }

  public Value and(Value a, Value b) {
    return mul(a, b);
  }

  public Value or(Value a, Value b) {
    return a.plus(b).minus(mul(a, b));
  }

  // ---- bits and comparisons ----

  /** The little-endian bits of a, which must be below 2^bits (1 &lt;= bits &lt;= 253); each constrained boolean. */
  public Value[] toBits(Value a, int bits) {
    if (bits < 1 || bits > Opcode.RangeCheck.MAX_BITS) {
      throw new IllegalArgumentException("toBits: bits must be in 1.." + Opcode.RangeCheck.MAX_BITS + ", got "
          + bits);
    }
    Value[] out = hint(Oracles.BITS_LE, List.of(a, Value.constant(bits)), bits);
    for (Value bit : out) {
      assertBoolean(bit);
    }
    assertEqual(Value.fromBits(out), a);
    return out;
  }

  /** 1 if a = 0 else 0 (two constraints). */
  public Value isZero(Value a) {
    if (a.isConstant()) {
      return a.constantPart().isZero() ? Value.ONE : Value.ZERO;
    }
    Value x = factor(a);
    Value inverse = hint(Oracles.INVERT_OR_ZERO, List.of(x), 1)[0];
    Value product = mul(x, inverse);
    Value result = Value.ONE.minus(product);
    assertProduct(x, result, Value.ZERO);
    return result;
  }

  public Value isEqual(Value a, Value b) {
    return isZero(a.minus(b));
  }

  /** 1 if a &lt; b else 0, for a and b below 2^bits (1 &lt;= bits &lt;= 252): bits + 3 constraints. */
  public Value lessThan(Value a, Value b, int bits) {
    if (bits < 1 || bits > Opcode.RangeCheck.MAX_BITS - 1) {
      throw new IllegalArgumentException("lessThan: bits must be in 1.." + (Opcode.RangeCheck.MAX_BITS - 1)
          + ", got " + bits);
    }
    // a - b + 2^bits is in [1, 2^(bits+1)); its bit number `bits` is 0 exactly when a < b
    Value shifted = a.minus(b).plus(Fr.fromBigInteger(BigInteger.ONE.shiftLeft(bits)));
    Value[] parts = hint(Oracles.SPLIT, List.of(shifted, Value.constant(bits)), 2);
    rangeCheck(parts[0], bits);
    assertBoolean(parts[1]);
    assertEqual(parts[0].plus(parts[1].times(Fr.fromBigInteger(BigInteger.ONE.shiftLeft(bits)))), shifted);
    return Value.ONE.minus(parts[1]);
  }

  public Value lessThanOrEqual(Value a, Value b, int bits) {
    return not(lessThan(b, a, bits));
  }

  // ---- hints ----

  /** Unconstrained values from the named oracle: the caller must constrain them. */
  public Value[] hint(String oracle, List<Value> inputs, int outputs) {
    List<Expression> expressions = inputs.stream().map(Value::toExpression).toList();
    List<Integer> witnesses = new ArrayList<>(outputs);
    Value[] values = new Value[outputs];
    for (int i = 0; i < outputs; i++) {
      int witness = newWitness();
      witnesses.add(witness);
      values[i] = Value.witness(witness);
    }
    emit(new Opcode.Hint(oracle, expressions, witnesses, location()));
    return values;
  }

  /** A value held in exactly one witness (one constraint unless it already is). */
  public Value materialize(Value a) {
    return Value.witness(plainWitness(a));
  }

  // ---- labels and result ----

  /** Runs {@code body} with {@code label} added to the location of every opcode it creates. */
  public <T> T labelled(String label, Supplier<T> body) {
    labels.addLast(label);
    try {
      return body.get();
    } finally {
      labels.removeLast();
    }
  }

  public void labelled(String label, Runnable body) {
    labelled(label, () -> {
      body.run();
      return null;
    });
  }

  public int opcodeCount() {
    return opcodes.size();
  }

  public Circuit build(String name) {
    return new Circuit(name, numWitnesses, io, opcodes);
  }

  // ---- internals ----

  private Value declare(String name, CircuitIo.Kind kind) {
    int witness = newWitness();
    io.add(new CircuitIo(name, witness, kind));
    return Value.witness(witness);
  }

  private int newWitness() {
    return numWitnesses++;
  }

  private void emit(Opcode opcode) {
    opcodes.add(opcode);
  }

  /** left·right + rest = 0 with left and right affine in one witness each, as one assert-zero. */
  private void emitProduct(Value left, Value right, Value rest) {
    Fr leftCoefficient = left.firstCoefficient();
    Fr rightCoefficient = right.firstCoefficient();
    // (c1·x + k1)(c2·y + k2) = c1c2·x·y + c1k2·x + k1c2·y + k1k2
    Value linear = rest
        .plus(Value.witness(left.firstWitness()).times(leftCoefficient.mul(right.constantPart())))
        .plus(Value.witness(right.firstWitness()).times(left.constantPart().mul(rightCoefficient)))
        .plus(left.constantPart().mul(right.constantPart()));
    Product product = new Product(leftCoefficient.mul(rightCoefficient), left.firstWitness(), right.firstWitness());
    List<WitnessTerm> terms = linear.terms();
    emit(new Opcode.AssertZero(new Expression(Optional.of(product), terms, linear.constantPart()), location()));
  }

  /**
   * a itself when it is {@code c·w + k} (usable as a factor of a product as it is), else a new witness equal to it:
   * call it once on a value about to be multiplied several times.
   */
  public Value factor(Value a) {
    return a.isAffineInOneWitness() ? a : materialize(a);
  }

  private int plainWitness(Value a) {
    if (a.isPlainWitness()) {
      return a.firstWitness();
    }
    int witness = newWitness();
    emit(new Opcode.AssertZero(a.minus(Value.witness(witness)).toExpression(), location()));
    return witness;
  }

  private String location() {
    String frames = recordLocations ? STACK.walk(stream -> {
      List<StackWalker.StackFrame> outside = stream
          .filter(frame -> !frame.getClassName().startsWith(CircuitBuilder.class.getName())
              && !frame.getClassName().equals(Value.class.getName()))
          .limit(8)
          .toList();
      return describe(outside);
    }) : "";
    String text = labels.isEmpty() ? frames : "[" + String.join("/", labels) + "] " + frames;
    return interned.computeIfAbsent(text, key -> key);
  }

  /**
   * The first frame outside the builder and, while frames are in gadgets, their callers up to the first frame
   * outside the gadgets (at most four frames): "Gadget.check(..) < Gadget.insert(..) < Rollup.build(..)".
   */
  private static String describe(List<StackWalker.StackFrame> frames) {
    if (frames.isEmpty()) {
      return "?";
    }
    StringBuilder text = new StringBuilder(frame(frames.get(0)));
    for (int i = 1; i < Math.min(frames.size(), 4) && frames.get(i - 1).getClassName().startsWith(GADGETS_PACKAGE);
        i++) {
      text.append(" < ").append(frame(frames.get(i)));
    }
    return text.toString();
  }

  private static String frame(StackWalker.StackFrame frame) {
    String className = frame.getClassName();
    return className.substring(className.lastIndexOf('.') + 1) + "." + frame.getMethodName() + "("
        + frame.getFileName() + ":" + frame.getLineNumber() + ")";
  }
}
