package dev.obsidian.circuits.gadgets;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2Parameters;
import java.util.Arrays;
import java.util.List;

/**
 * The partial rounds of Poseidon2 written as linear forms over the basis [x_0..x_3, y_0..y_55, 1], where x is the
 * state entering the partial rounds and y_r the S-box output of round r: round r's S-box input is
 * {@code SBOX_INPUTS[r]}·basis and the state leaving is {@code OUTPUTS[i]}·basis. Computed once by running the
 * rounds symbolically (constant addition to state[0], then the internal layer x_i -> (mu_i - 1)·x_i + Σx).
 */
final class PartialRoundForms {
  private static final int WIDTH = Poseidon2Parameters.WIDTH;
  private static final int ROUNDS = Poseidon2Parameters.PARTIAL_ROUNDS;
  private static final int SIZE = WIDTH + ROUNDS + 1;
  private static final int ONE = SIZE - 1;

  static final Fr[][] SBOX_INPUTS = new Fr[ROUNDS][];
  static final Fr[][] OUTPUTS = new Fr[WIDTH][];

  static {
    Fr[][] state = new Fr[WIDTH][];
    for (int i = 0; i < WIDTH; i++) {
      state[i] = unit(i);
    }
    List<Fr> diagonal = Poseidon2Parameters.internalDiagonalMinusOne();
    for (int round = 0; round < ROUNDS; round++) {
      SBOX_INPUTS[round] = state[0].clone();
      SBOX_INPUTS[round][ONE] = SBOX_INPUTS[round][ONE].add(Poseidon2Parameters.partialRoundConstant(round));
      state[0] = unit(WIDTH + round);
      Fr[] sum = zero();
      for (Fr[] element : state) {
        addInto(sum, element, Fr.ONE);
      }
      for (int i = 0; i < WIDTH; i++) {
        Fr[] next = sum.clone();
        addInto(next, state[i], diagonal.get(i));
        state[i] = next;
      }
    }
    System.arraycopy(state, 0, OUTPUTS, 0, WIDTH);
  }

  private PartialRoundForms() {}

  private static Fr[] zero() {
    Fr[] form = new Fr[SIZE];
    Arrays.fill(form, Fr.ZERO);
    return form;
  }

  private static Fr[] unit(int index) {
    Fr[] form = zero();
    form[index] = Fr.ONE;
    return form;
  }

  private static void addInto(Fr[] target, Fr[] form, Fr factor) {
    for (int i = 0; i < SIZE; i++) {
      target[i] = target[i].add(form[i].mul(factor));
    }
  }
}
