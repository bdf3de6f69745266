package dev.obsidian.circuits.r1cs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.obsidian.crypto.field.Fr;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class R1csTest {
  /** x · x = y with y public: wires [1, y, x]. */
  private static final R1cs SQUARE = new R1cs(1, 3, List.of(new Constraint(
      LinearCombination.of(2, Fr.ONE), LinearCombination.of(2, Fr.ONE), LinearCombination.of(1, Fr.ONE))));

  @Test
  void checksAnAssignment() {
    assertEquals(Optional.empty(), SQUARE.firstUnsatisfied(new Fr[] {Fr.ONE, Fr.of(49), Fr.of(7)}));
    assertEquals(Optional.of(0), SQUARE.firstUnsatisfied(new Fr[] {Fr.ONE, Fr.of(48), Fr.of(7)}));
  }

  @Test
  void refusesMalformedSystems() {
    assertThrows(IllegalArgumentException.class, () -> new LinearCombination(List.of(new Term(2, Fr.ONE), new Term(1, Fr.ONE))));
    assertThrows(IllegalArgumentException.class, () -> new LinearCombination(List.of(new Term(1, Fr.ZERO))));
    assertThrows(IllegalArgumentException.class, () -> new R1cs(1, 2, List.of(new Constraint(
        LinearCombination.of(2, Fr.ONE), LinearCombination.ZERO, LinearCombination.ZERO))));
  }
}
