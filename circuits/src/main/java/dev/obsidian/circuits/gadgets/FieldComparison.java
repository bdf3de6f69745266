package dev.obsidian.circuits.gadgets;

import dev.obsidian.circuits.builder.CircuitBuilder;
import dev.obsidian.circuits.builder.Value;
import dev.obsidian.circuits.ir.Oracles;
import dev.obsidian.crypto.field.Fr;
import java.math.BigInteger;
import java.util.List;

/**
 * Comparisons of whole field elements as integers in [0, p) (nullifiers and slots are arbitrary elements, so the
 * n-bit comparisons of the builder do not apply). A value is split into 128-bit limbs {@code x = lo + 2^128·hi}, and
 * the split is forced canonical ({@code hi·2^128 + lo <= p - 1}), else a prover could use {@code x + p}.
 */
public final class FieldComparison {
  static final int LOW_BITS = 128;
  /** p &lt; 2^254, so the high limb has 126 bits. */
  static final int HIGH_BITS = 126;
  private static final BigInteger TWO_128 = BigInteger.ONE.shiftLeft(LOW_BITS);
  private static final BigInteger P_MINUS_ONE = Fr.MODULUS.subtract(BigInteger.ONE);
  private static final Value P_LOW = Value.constant(Fr.fromBigInteger(P_MINUS_ONE.mod(TWO_128)));
  private static final Value P_HIGH = Value.constant(Fr.fromBigInteger(P_MINUS_ONE.shiftRight(LOW_BITS)));

  private FieldComparison() {}

  /** The canonical limbs of a field element. */
  public record Limbs(Value low, Value high) {}

  /** Splits x into canonical limbs: about 515 constraints (free for a constant). */
  public static Limbs limbs(CircuitBuilder builder, Value x) {
    if (x.isConstant()) {
      BigInteger value = x.constantPart().toBigInteger();
      return new Limbs(Value.constant(Fr.fromBigInteger(value.mod(TWO_128))),
          Value.constant(Fr.fromBigInteger(value.shiftRight(LOW_BITS))));
    }
    Value[] parts = builder.hint(Oracles.SPLIT, List.of(x, Value.constant(LOW_BITS)), 2);
    builder.rangeCheck(parts[0], LOW_BITS);
    builder.rangeCheck(parts[1], HIGH_BITS);
    builder.assertEqual(parts[0].plus(parts[1].times(Fr.fromBigInteger(TWO_128))), x);
    Limbs limbs = new Limbs(parts[0], parts[1]);
    assertAtMost(builder, limbs, new Limbs(P_LOW, P_HIGH), Value.ZERO);
    return limbs;
  }

  /** 1 if a &lt; b as integers, else 0. */
  public static Value lessThan(CircuitBuilder builder, Value a, Value b) {
    return lessThan(builder, limbs(builder, a), limbs(builder, b));
  }

  /** 1 if a &lt; b as integers, else 0, on canonical limbs (about 262 constraints). */
  public static Value lessThan(CircuitBuilder builder, Limbs a, Limbs b) {
    Value aValue = a.low().plus(a.high().times(Fr.fromBigInteger(TWO_128)));
    Value bValue = b.low().plus(b.high().times(Fr.fromBigInteger(TWO_128)));
    Value result = builder.hint(Oracles.LESS_THAN, List.of(aValue, bValue), 1)[0];
    builder.assertBoolean(result);
    // result = 1: a + 1 <= b; result = 0: b <= a. Both read "small + result <= large" with (small, large) selected.
    Value smallLow = builder.select(result, a.low(), b.low());
    Value smallHigh = builder.select(result, a.high(), b.high());
    Limbs small = new Limbs(smallLow, smallHigh);
    Limbs large = new Limbs(a.low().plus(b.low()).minus(smallLow), a.high().plus(b.high()).minus(smallHigh));
    assertAtMost(builder, small, large, result);
    return result;
  }

  /** Asserts small + extra &lt;= large as integers, for canonical limbs and a boolean extra. */
  private static void assertAtMost(CircuitBuilder builder, Limbs small, Limbs large, Value extra) {
    Value smallLow = small.low().plus(extra);
    Value borrow = builder.hint(Oracles.LESS_THAN, List.of(large.low(), smallLow), 1)[0];
    builder.assertBoolean(borrow);
    Value lowDifference = large.low().minus(smallLow).plus(borrow.times(Fr.fromBigInteger(TWO_128)));
    builder.rangeCheck(lowDifference, LOW_BITS);
    builder.rangeCheck(large.high().minus(small.high()).minus(borrow), HIGH_BITS);
  }
}
