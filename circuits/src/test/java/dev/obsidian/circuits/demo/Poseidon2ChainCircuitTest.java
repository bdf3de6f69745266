package dev.obsidian.circuits.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;
import org.junit.jupiter.api.Test;

class Poseidon2ChainCircuitTest {
  @Test
  void outputMatchesTheNativePermutationChainAndTheWitnessSatisfiesTheR1cs() {
    Fr x = Fr.of(42);
    Poseidon2ChainCircuit.Instance instance = Poseidon2ChainCircuit.build(3, x);
    Fr[] state = {x, Fr.ZERO, Fr.ZERO, Fr.ZERO};
    for (int i = 0; i < 3; i++) {
      state = Poseidon2.permutation(state);
    }
    assertEquals(state[0], instance.publicInputs().get(0));
    assertEquals(x, instance.publicInputs().get(1));
    assertTrue(instance.r1cs().firstUnsatisfied(instance.witness()).isEmpty());
    assertEquals(3 * Poseidon2ChainCircuit.constraintsPerPermutation() + 1, instance.r1cs().constraints().size());
    Fr[] tampered = instance.witness().clone();
    tampered[100] = tampered[100].add(Fr.ONE);
    assertTrue(instance.r1cs().firstUnsatisfied(tampered).isPresent());
  }
}
