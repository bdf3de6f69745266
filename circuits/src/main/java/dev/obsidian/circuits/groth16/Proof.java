package dev.obsidian.circuits.groth16;

import dev.obsidian.circuits.bn254.G1Point;
import dev.obsidian.circuits.bn254.G2Point;
import java.util.Objects;

/** A Groth16 proof (A ∈ G1, B ∈ G2, C ∈ G1). */
public record Proof(G1Point a, G2Point b, G1Point c) {
  public Proof {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(c, "c");
  }
}
