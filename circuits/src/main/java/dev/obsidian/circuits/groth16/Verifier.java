package dev.obsidian.circuits.groth16;

import dev.obsidian.circuits.bn254.G1Point;
import dev.obsidian.circuits.bn254.G2Point;
import dev.obsidian.circuits.bn254.Pairing;
import dev.obsidian.circuits.bn254.Pairing.Pair;
import dev.obsidian.crypto.field.Fr;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Groth16 verification: e(A, B) = e(α, β)·e(Σ x_j·ic_j, γ)·e(C, δ), checked as one product of pairings. */
public final class Verifier {
  private Verifier() {}

  /** One statement: public inputs (without the constant 1) and the proof. */
  public record Statement(List<Fr> publicInputs, Proof proof) {
    public Statement {
      publicInputs = List.copyOf(publicInputs);
    }
  }

  public static boolean verify(VerifyingKey vk, List<Fr> publicInputs, Proof proof) {
    checkStatement(vk, new Statement(publicInputs, proof), 0);
    return Pairing.productIsOne(List.of(
        new Pair(proof.a().negate(), proof.b()),
        new Pair(vk.alpha1(), vk.beta2()),
        new Pair(inputCommitment(vk, publicInputs), vk.gamma2()),
        new Pair(proof.c(), vk.delta2())));
  }

  /**
   * All statements at once with random weights ρ_i: Π e(-ρ_i·A_i, B_i)·e(Σρ_i·α, β)·e(Σρ_i·IC_i, γ)·e(Σρ_i·C_i, δ)
   * = 1. A false statement passes only with probability about 1/r. One Miller loop of n + 3 pairs, one final
   * exponentiation.
   */
  public static boolean verifyBatch(VerifyingKey vk, List<Statement> statements, RandomGenerator random) {
    if (statements.isEmpty()) {
      return true;
    }
    List<Pair> pairs = new ArrayList<>();
    Fr rhoSum = Fr.ZERO;
    G1Point icSum = G1Point.INFINITY;
    G1Point cSum = G1Point.INFINITY;
    for (int i = 0; i < statements.size(); i++) {
      Statement statement = statements.get(i);
      checkStatement(vk, statement, i);
      Fr rho = Prover.randomScalar(random);
      if (rho.isZero()) {
        rho = Fr.ONE;
      }
      rhoSum = rhoSum.add(rho);
      pairs.add(new Pair(statement.proof().a().mul(rho).negate(), statement.proof().b()));
      icSum = icSum.add(inputCommitment(vk, statement.publicInputs()).mul(rho));
      cSum = cSum.add(statement.proof().c().mul(rho));
    }
    pairs.add(new Pair(vk.alpha1().mul(rhoSum), vk.beta2()));
    pairs.add(new Pair(icSum, vk.gamma2()));
    pairs.add(new Pair(cSum, vk.delta2()));
    return Pairing.productIsOne(pairs);
  }

  /** ic_0 + Σ x_j·ic_j. */
  static G1Point inputCommitment(VerifyingKey vk, List<Fr> publicInputs) {
    G1Point sum = vk.ic().get(0);
    for (int j = 0; j < publicInputs.size(); j++) {
      sum = sum.add(vk.ic().get(j + 1).mul(publicInputs.get(j)));
    }
    return sum;
  }

  private static void checkStatement(VerifyingKey vk, Statement statement, int index) {
    if (statement.publicInputs().size() != vk.numPublic()) {
      throw new IllegalArgumentException("statement " + index + ": publicInputs has " + statement.publicInputs().size()
          + " values, the verifying key expects " + vk.numPublic());
    }
    Proof proof = statement.proof();
    if (!proof.a().isOnCurve() || !proof.c().isOnCurve()) {
      throw new IllegalArgumentException("statement " + index + ": proof.a or proof.c is not on G1");
    }
    if (!proof.b().isOnCurve() || !proof.b().isInSubgroup()) {
      throw new IllegalArgumentException("statement " + index + ": proof.b is not in G2");
    }
  }
}
