package dev.obsidian.node.cli.circuits;

import dev.obsidian.circuits.demo.Poseidon2ChainCircuit;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.node.cli.UserInputException;

/** The circuits the CLI can build by name. */
final class DemoCircuits {
  static final String POSEIDON2_CHAIN = "poseidon2-chain";

  private DemoCircuits() {}

  static Poseidon2ChainCircuit.Instance build(String name, int n) {
    if (!POSEIDON2_CHAIN.equals(name)) {
      throw new UserInputException("--circuit: unknown circuit \"" + name + "\"; known: " + POSEIDON2_CHAIN);
    }
    if (n < 1 || n > 4000) {
      throw new UserInputException("--n: must be in [1, 4000] permutations, got " + n);
    }
    return Poseidon2ChainCircuit.build(n, Fr.of(7));
  }
}
