package dev.obsidian.circuits.gadgets;

import dev.obsidian.circuits.builder.CircuitBuilder;
import dev.obsidian.circuits.builder.Value;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2Parameters;
import java.math.BigInteger;
import java.util.List;

/**
 * Barretenberg's Poseidon2 (t = 4) in a circuit, bit-exact with {@code dev.obsidian.crypto.hash.Poseidon2} and using
 * its constants ({@link Poseidon2Parameters}). Linear layers are free; each S-box x^5 costs 3 products plus 1
 * assert-zero holding its input in one witness, which the R1CS compiler substitutes away: 88 S-boxes, 264 R1CS
 * constraints per permutation.
 */
public final class Poseidon2Gadget {
  private static final int WIDTH = Poseidon2Parameters.WIDTH;
  private static final int RATE = 3;

  private Poseidon2Gadget() {}

  /** The permutation of a 4-element state. */
  public static Value[] permutation(CircuitBuilder builder, Value[] input) {
    if (input.length != WIDTH) {
      throw new IllegalArgumentException("Poseidon2 state must have 4 elements, got " + input.length);
    }
    Value[] state = externalLayer(input.clone());
    int half = Poseidon2Parameters.FULL_ROUNDS / 2;
    for (int round = 0; round < half; round++) {
      state = fullRound(builder, state, Poseidon2Parameters.fullRoundConstants(round));
    }
    state = partialRounds(builder, state);
    for (int round = half; round < Poseidon2Parameters.FULL_ROUNDS; round++) {
      state = fullRound(builder, state, Poseidon2Parameters.fullRoundConstants(round));
    }
    return state;
  }

  /** Aztec's poseidon2Hash: sponge with rate 3, capacity initialised to inputs.length·2^64. */
  public static Value hash(CircuitBuilder builder, Value... inputs) {
    Value[] state = {Value.ZERO, Value.ZERO, Value.ZERO,
        Value.constant(Fr.fromBigInteger(BigInteger.valueOf(inputs.length).shiftLeft(64)))};
    int blocks = Math.max(1, (inputs.length + RATE - 1) / RATE);
    for (int block = 0; block < blocks; block++) {
      for (int lane = 0; lane < RATE; lane++) {
        int index = block * RATE + lane;
        if (index < inputs.length) {
          state[lane] = state[lane].plus(inputs[index]);
        }
      }
      state = permutation(builder, state);
    }
    return state[0];
  }

  public static Value hash(CircuitBuilder builder, List<Value> inputs) {
    return hash(builder, inputs.toArray(Value[]::new));
  }

  /** hash(left, right): the Merkle node hash. */
  public static Value hash2(CircuitBuilder builder, Value left, Value right) {
    return hash(builder, left, right);
  }

  private static Value[] fullRound(CircuitBuilder builder, Value[] state, List<Fr> constants) {
    Value[] out = new Value[WIDTH];
    for (int i = 0; i < WIDTH; i++) {
      out[i] = sbox(builder, state[i].plus(constants.get(i)));
    }
    return externalLayer(out);
  }

  private static Value sbox(CircuitBuilder builder, Value x) {
    if (x.isConstant()) {
      return Value.constant(x.constantPart().pow(Poseidon2Parameters.SBOX_DEGREE));
    }
    Value input = builder.factor(x);
    Value square = builder.mul(input, input);
    Value fourth = builder.mul(square, square);
    return builder.mul(fourth, input);
  }

  /** The MDS matrix [[5,7,1,3],[4,6,1,1],[1,3,5,7],[1,1,4,6]]. */
  private static Value[] externalLayer(Value[] s) {
    return new Value[] {
      s[0].times(5).plus(s[1].times(7)).plus(s[2]).plus(s[3].times(3)),
      s[0].times(4).plus(s[1].times(6)).plus(s[2]).plus(s[3]),
      s[0].plus(s[1].times(3)).plus(s[2].times(5)).plus(s[3].times(7)),
      s[0].plus(s[1]).plus(s[2].times(4)).plus(s[3].times(6)),
    };
  }

  /**
   * The 56 partial rounds. Between S-boxes everything is linear, so each S-box input and the final state are fixed
   * combinations of the 4 input elements, the earlier S-box outputs and 1 ({@link PartialRoundForms}): building
   * each one directly keeps circuit construction linear in the number of terms instead of quadratic.
   */
  private static Value[] partialRounds(CircuitBuilder builder, Value[] input) {
    int rounds = Poseidon2Parameters.PARTIAL_ROUNDS;
    Value[] basis = new Value[WIDTH + rounds + 1];
    System.arraycopy(input, 0, basis, 0, WIDTH);
    java.util.Arrays.fill(basis, WIDTH, basis.length, Value.ZERO);
    basis[basis.length - 1] = Value.ONE;
    for (int round = 0; round < rounds; round++) {
      basis[WIDTH + round] = sbox(builder, Value.linearCombination(basis, PartialRoundForms.SBOX_INPUTS[round]));
    }
    Value[] out = new Value[WIDTH];
    for (int i = 0; i < WIDTH; i++) {
      out[i] = Value.linearCombination(basis, PartialRoundForms.OUTPUTS[i]);
    }
    return out;
  }
}
