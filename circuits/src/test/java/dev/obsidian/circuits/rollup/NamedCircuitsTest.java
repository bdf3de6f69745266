package dev.obsidian.circuits.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.obsidian.circuits.CircuitCheck;
import dev.obsidian.circuits.ir.Circuit;
import dev.obsidian.circuits.ir.Interpreter;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class NamedCircuitsTest {
  @Test
  void poseidon2ChainHashesNTimes() {
    Circuit chain = NamedCircuits.build(NamedCircuits.POSEIDON2_CHAIN, OptionalInt.of(5), true);
    Fr expected = Fr.of(42);
    for (int i = 0; i < 5; i++) {
      expected = Poseidon2.hash(expected);
    }
    Fr[] witness = CircuitCheck.solveAndCheck(chain, Map.of("start", Fr.of(42)));
    assertEquals(expected, Interpreter.outputs(chain, witness).get("end"));
  }

  @Test
  void picksTheSmallestFittingBaseRollup() {
    assertEquals(2, NamedCircuits.smallestBaseRollupCapacity(new TxTreeEffects(List.of(), List.of(Fr.ONE),
        List.of())));
    assertEquals(8, NamedCircuits.smallestBaseRollupCapacity(new TxTreeEffects(Collections.nCopies(3, Fr.ONE),
        List.of(Fr.ONE), List.of())));
    assertEquals(64, NamedCircuits.smallestBaseRollupCapacity(new TxTreeEffects(List.of(), List.of(Fr.ONE),
        Collections.nCopies(9, new TxTreeEffects.PublicWrite(Fr.ONE, Fr.ONE)))));
  }

  @Test
  void refusesUnknownNamesAndSizesForFixedCircuits() {
    assertThrows(IllegalArgumentException.class, () -> NamedCircuits.build("base-rollup-4", OptionalInt.empty(),
        false));
    assertThrows(IllegalArgumentException.class, () -> NamedCircuits.build("merkle-membership", OptionalInt.of(2),
        false));
    assertEquals(List.of("poseidon2-chain", "merkle-membership", "base-rollup-2", "base-rollup-8", "base-rollup-64",
        "block-root-1", "block-root-4", "block-root-16"),
        NamedCircuits.names());
  }
}
