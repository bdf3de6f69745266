package dev.obsidian.circuits.ir;

import dev.obsidian.crypto.field.Fr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The oracles a solver may call, by name: the standard ones every circuit can rely on (names starting "std.") plus
 * the caller's own. Immutable; {@link #with} returns an extended copy.
 */
public final class Oracles {
  /** [x] to [1/x], or [0] for x = 0. */
  public static final String INVERT_OR_ZERO = "std.invert_or_zero";
  /** [x, n] to the n low bits of x as an integer, least significant first. */
  public static final String BITS_LE = "std.bits_le";
  /** [x, n] to [x mod 2^n, floor(x / 2^n)] on x as an integer in [0, p). */
  public static final String SPLIT = "std.split";
  /** [a, b] to [1] if a &lt; b as integers in [0, p), else [0]. */
  public static final String LESS_THAN = "std.less_than";

  private static final Oracles STANDARD = new Oracles(standardOracles());
  private final Map<String, Oracle> byName;

  private Oracles(Map<String, Oracle> byName) {
    this.byName = Collections.unmodifiableMap(byName);
  }

  public static Oracles standard() {
    return STANDARD;
  }

  /** These oracles plus {@code oracle} under {@code name}; a standard name cannot be replaced. */
  public Oracles with(String name, Oracle oracle) {
    if (name.startsWith("std.")) {
      throw new IllegalArgumentException("oracle name '" + name + "': the std. prefix is reserved");
    }
    Map<String, Oracle> copy = new TreeMap<>(byName);
    copy.put(name, oracle);
    return new Oracles(copy);
  }

  public Optional<Oracle> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  private static Map<String, Oracle> standardOracles() {
    Map<String, Oracle> oracles = new TreeMap<>();
    oracles.put(INVERT_OR_ZERO, (in, n) -> List.of(in.get(0).isZero() ? Fr.ZERO : in.get(0).inverse()));
    oracles.put(BITS_LE, (in, n) -> bits(in.get(0).toBigInteger(), n));
    oracles.put(SPLIT, (in, n) -> split(in.get(0).toBigInteger(), smallInt(in.get(1))));
    oracles.put(LESS_THAN, (in, n) -> List.of(in.get(0).compareTo(in.get(1)) < 0 ? Fr.ONE : Fr.ZERO));
    return oracles;
  }

  private static List<Fr> bits(BigInteger value, int count) {
    List<Fr> bits = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      bits.add(value.testBit(i) ? Fr.ONE : Fr.ZERO);
    }
    return bits;
  }

  private static List<Fr> split(BigInteger value, int lowBits) {
    BigInteger low = value.and(BigInteger.ONE.shiftLeft(lowBits).subtract(BigInteger.ONE));
    return List.of(Fr.fromBigInteger(low), Fr.fromBigInteger(value.shiftRight(lowBits)));
  }

  private static int smallInt(Fr value) {
    BigInteger integer = value.toBigInteger();
    if (integer.bitLength() > 10) {
      throw new IllegalArgumentException("expected a bit count below 1024, got " + integer);
    }
    return integer.intValue();
  }
}
