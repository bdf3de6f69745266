package dev.obsidian.circuits.builder;

import dev.obsidian.circuits.ir.Expression;
import dev.obsidian.circuits.ir.WitnessTerm;
import dev.obsidian.crypto.field.Fr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A value in a circuit under construction: an affine combination {@code Σ c_i·w_i + k} of witnesses. Linear
 * operations are free (no constraint); only {@link CircuitBuilder} operations that multiply or check add opcodes.
 * Immutable.
 */
public final class Value {
  public static final Value ZERO = new Value(new int[0], new Fr[0], Fr.ZERO);
  public static final Value ONE = new Value(new int[0], new Fr[0], Fr.ONE);

  /** Strictly increasing witnesses with their non-zero coefficients. */
  private final int[] witnesses;
  private final Fr[] coefficients;
  private final Fr constant;

  private Value(int[] witnesses, Fr[] coefficients, Fr constant) {
    this.witnesses = witnesses;
    this.coefficients = coefficients;
    this.constant = constant;
  }

  public static Value constant(Fr value) {
    return new Value(new int[0], new Fr[0], value);
  }

  public static Value constant(long value) {
    return constant(Fr.of(value));
  }

  static Value witness(int witness) {
    return new Value(new int[] {witness}, new Fr[] {Fr.ONE}, Fr.ZERO);
  }

  public boolean isConstant() {
    return witnesses.length == 0;
  }

  /** The constant part; the whole value when {@link #isConstant()}. */
  public Fr constantPart() {
    return constant;
  }

  /** Whether this is {@code c·w + k} for one witness: usable directly as a factor of a product. */
  boolean isAffineInOneWitness() {
    return witnesses.length == 1;
  }

  /** Whether this is exactly one witness (coefficient 1, no constant). */
  boolean isPlainWitness() {
    return witnesses.length == 1 && coefficients[0].equals(Fr.ONE) && constant.isZero();
  }

  int firstWitness() {
    return witnesses[0];
  }

  Fr firstCoefficient() {
    return coefficients[0];
  }

  public Value plus(Value other) {
    int[] outWitnesses = new int[witnesses.length + other.witnesses.length];
    Fr[] outCoefficients = new Fr[outWitnesses.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < witnesses.length || j < other.witnesses.length) {
      int a = i < witnesses.length ? witnesses[i] : Integer.MAX_VALUE;
      int b = j < other.witnesses.length ? other.witnesses[j] : Integer.MAX_VALUE;
      Fr coefficient;
      int witness = Math.min(a, b);
      if (a == b) {
        coefficient = coefficients[i++].add(other.coefficients[j++]);
      } else if (a < b) {
        coefficient = coefficients[i++];
      } else {
        coefficient = other.coefficients[j++];
      }
      if (!coefficient.isZero()) {
        outWitnesses[n] = witness;
        outCoefficients[n++] = coefficient;
      }
    }
    return new Value(Arrays.copyOf(outWitnesses, n), Arrays.copyOf(outCoefficients, n), constant.add(other.constant));
  }

  public Value plus(Fr value) {
    return new Value(witnesses, coefficients, constant.add(value));
  }

  public Value plus(long value) {
    return plus(Fr.of(value));
  }

  public Value minus(Value other) {
    return plus(other.negate());
  }

  public Value negate() {
    return times(Fr.ONE.neg());
  }

  public Value times(Fr factor) {
    if (factor.isZero()) {
      return ZERO;
    }
    Fr[] scaled = new Fr[coefficients.length];
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] = coefficients[i].mul(factor);
    }
    return new Value(witnesses, scaled, constant.mul(factor));
  }

  public Value times(long factor) {
    return times(Fr.of(factor));
  }

  /**
   * Σ coefficients[i]·values[i] in one pass (sorting the terms once), for sums of many values where repeated
   * {@link #plus} would be quadratic.
   */
  public static Value linearCombination(Value[] values, Fr[] coefficients) {
    if (values.length != coefficients.length) {
      throw new IllegalArgumentException(values.length + " values but " + coefficients.length + " coefficients");
    }
    int total = 0;
    for (Value value : values) {
      total += value.witnesses.length;
    }
    long[] keys = new long[total];
    Fr[] scaled = new Fr[total];
    Fr constant = Fr.ZERO;
    int n = 0;
    for (int i = 0; i < values.length; i++) {
      if (coefficients[i].isZero()) {
        continue;
      }
      Value value = values[i];
      constant = constant.add(value.constant.mul(coefficients[i]));
      for (int t = 0; t < value.witnesses.length; t++) {
        keys[n] = ((long) value.witnesses[t] << 32) | n;
        scaled[n++] = value.coefficients[t].mul(coefficients[i]);
      }
    }
    keys = Arrays.copyOf(keys, n);
    Arrays.sort(keys);
    int[] outWitnesses = new int[n];
    Fr[] outCoefficients = new Fr[n];
    int m = 0;
    for (int k = 0; k < n; k++) {
      int witness = (int) (keys[k] >>> 32);
      Fr coefficient = scaled[(int) keys[k]];
      if (m > 0 && outWitnesses[m - 1] == witness) {
        outCoefficients[m - 1] = outCoefficients[m - 1].add(coefficient);
      } else {
        outWitnesses[m] = witness;
        outCoefficients[m++] = coefficient;
      }
    }
    int kept = 0;
    for (int k = 0; k < m; k++) {
      if (!outCoefficients[k].isZero()) {
        outWitnesses[kept] = outWitnesses[k];
        outCoefficients[kept++] = outCoefficients[k];
      }
    }
    return new Value(Arrays.copyOf(outWitnesses, kept), Arrays.copyOf(outCoefficients, kept), constant);
  }

  /** Σ values[i]·2^i: the number whose little-endian bits are {@code bits}. */
  public static Value fromBits(Value[] bits) {
    Value sum = ZERO;
    Fr power = Fr.ONE;
    for (Value bit : bits) {
      sum = sum.plus(bit.times(power));
      power = power.add(power);
    }
    return sum;
  }

  /** This value as a linear IR expression. */
  Expression toExpression() {
    return new Expression(Optional.empty(), terms(), constant);
  }

  List<WitnessTerm> terms() {
    List<WitnessTerm> terms = new ArrayList<>(witnesses.length);
    for (int i = 0; i < witnesses.length; i++) {
      terms.add(new WitnessTerm(witnesses[i], coefficients[i]));
    }
    return terms;
  }

  /** Its value for an assignment of (at least) the witnesses it reads. */
  public Fr evaluate(Fr[] values) {
    Fr sum = constant;
    for (int i = 0; i < witnesses.length; i++) {
      sum = sum.add(coefficients[i].mul(values[witnesses[i]]));
    }
    return sum;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < witnesses.length; i++) {
      text.append(coefficients[i]).append("·w").append(witnesses[i]).append(" + ");
    }
    return text.append(constant).toString();
  }
}
