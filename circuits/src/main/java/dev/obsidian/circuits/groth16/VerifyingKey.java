package dev.obsidian.circuits.groth16;

import dev.obsidian.circuits.bn254.G1Point;
import dev.obsidian.circuits.bn254.G2Point;
import java.util.List;

/**
 * A Groth16 verifying key: [α]₁, [β]₂, [γ]₂, [δ]₂ and ic[j] = [(β·A_j(τ) + α·B_j(τ) + C_j(τ))/γ]₁ for the constant
 * wire and each public input.
 */
public record VerifyingKey(G1Point alpha1, G2Point beta2, G2Point gamma2, G2Point delta2, List<G1Point> ic) {
  public VerifyingKey {
    ic = List.copyOf(ic);
    if (ic.isEmpty()) {
      throw new IllegalArgumentException("ic must have at least the constant wire's point");
    }
  }

  /** Public inputs, not counting the constant wire. */
  public int numPublic() {
    return ic.size() - 1;
  }
}
