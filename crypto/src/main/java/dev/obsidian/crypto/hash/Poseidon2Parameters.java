package dev.obsidian.crypto.hash;

import dev.obsidian.crypto.field.Fr;
import java.util.Arrays;
import java.util.List;

/**
 * Read-only view of the Poseidon2 parameters {@link Poseidon2} uses, for code that re-implements the permutation in
 * another form (the circuit gadget in {@code circuits/}) and must use the very same constants rather than a copy.
 */
public final class Poseidon2Parameters {
  public static final int WIDTH = Poseidon2Constants.WIDTH;
  public static final int FULL_ROUNDS = Poseidon2Constants.FULL_ROUNDS;
  public static final int PARTIAL_ROUNDS = Poseidon2Constants.PARTIAL_ROUNDS;
  /** The S-box exponent. */
  public static final int SBOX_DEGREE = 5;

  private static final List<List<Fr>> FULL_ROUND_CONSTANTS = fullRoundConstants();
  private static final List<Fr> PARTIAL_ROUND_CONSTANTS = parse(Poseidon2Constants.PARTIAL_ROUND_CONSTANTS);
  private static final List<Fr> INTERNAL_DIAGONAL_MINUS_ONE = parse(Poseidon2Constants.INTERNAL_DIAGONAL_MINUS_ONE);

  private Poseidon2Parameters() {}

  /** The constants of full round {@code round} (0..7: the first four before the partial rounds), four elements. */
  public static List<Fr> fullRoundConstants(int round) {
    return FULL_ROUND_CONSTANTS.get(round);
  }

  /** The constant added to state[0] in partial round {@code round} (0..55). */
  public static Fr partialRoundConstant(int round) {
    return PARTIAL_ROUND_CONSTANTS.get(round);
  }

  /** mu_i - 1 of barretenberg's internal matrix: the internal layer maps x_i to (mu_i - 1)·x_i + sum(x). */
  public static List<Fr> internalDiagonalMinusOne() {
    return INTERNAL_DIAGONAL_MINUS_ONE;
  }

  private static List<List<Fr>> fullRoundConstants() {
    return java.util.stream.Stream.concat(
            Arrays.stream(Poseidon2Constants.FIRST_FULL_ROUND_CONSTANTS),
            Arrays.stream(Poseidon2Constants.LAST_FULL_ROUND_CONSTANTS))
        .map(Poseidon2Parameters::parse)
        .toList();
  }

  private static List<Fr> parse(String[] hex) {
    return Arrays.stream(hex).map(Fr::fromHex).toList();
  }
}
