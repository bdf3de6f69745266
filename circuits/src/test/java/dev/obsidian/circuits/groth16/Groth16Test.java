package dev.obsidian.circuits.groth16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.crypto.field.Fr;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Groth16Test {
  private static final byte[] SEED = "groth16-test".getBytes(StandardCharsets.UTF_8);

  @Test
  void provesAndVerifiesTheCubic() {
    TestCircuits.Instance instance = TestCircuits.cubic(3);
    ProvingKey pk = DevSetup.generate(instance.r1cs(), SEED);
    Proof proof = Prover.prove(pk, instance.r1cs(), instance.witness(), new SplittableRandom(1));
    assertTrue(Verifier.verify(pk.verifyingKey(), instance.publicInputs(), proof));
    assertFalse(Verifier.verify(pk.verifyingKey(), List.of(Fr.of(36)), proof));
    Proof swapped = new Proof(proof.c(), proof.b(), proof.a());
    assertFalse(Verifier.verify(pk.verifyingKey(), instance.publicInputs(), swapped));
  }

  @Test
  void setupPrintsTheInsecureWarning() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DevSetup.generate(TestCircuits.cubic(2).r1cs(), SEED, new PrintStream(out, true, StandardCharsets.UTF_8));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("INSECURE"));
  }

  @Test
  void provesALargerChainAcrossTheParallelThresholds() {
    TestCircuits.Instance instance = TestCircuits.chain(5000, 7);
    ProvingKey pk = DevSetup.generate(instance.r1cs(), SEED);
    Proof proof = Prover.prove(pk, instance.r1cs(), instance.witness(), new SplittableRandom(2));
    assertTrue(Verifier.verify(pk.verifyingKey(), instance.publicInputs(), proof));
    List<Fr> wrong = new ArrayList<>(instance.publicInputs());
    wrong.set(1, wrong.get(1).add(Fr.ONE));
    assertFalse(Verifier.verify(pk.verifyingKey(), wrong, proof));
  }

  @Test
  void rejectsAnUnsatisfyingWitnessNamingTheConstraint() {
    TestCircuits.Instance instance = TestCircuits.cubic(3);
    ProvingKey pk = DevSetup.generate(instance.r1cs(), SEED);
    Fr[] bad = instance.witness().clone();
    bad[3] = bad[3].add(Fr.ONE);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Prover.prove(pk, instance.r1cs(), bad, new SplittableRandom(1)));
    assertTrue(e.getMessage().contains("constraint 0"), e.getMessage());
  }

  @Test
  void batchVerificationAcceptsValidProofsAndRejectsOneBadOne() {
    List<Verifier.Statement> statements = new ArrayList<>();
    ProvingKey pk = DevSetup.generate(TestCircuits.cubic(1).r1cs(), SEED);
    for (long x = 1; x <= 4; x++) {
      TestCircuits.Instance instance = TestCircuits.cubic(x);
      statements.add(new Verifier.Statement(instance.publicInputs(),
          Prover.prove(pk, instance.r1cs(), instance.witness(), new SplittableRandom(x))));
    }
    assertTrue(Verifier.verifyBatch(pk.verifyingKey(), statements, new SplittableRandom(9)));
    statements.set(2, new Verifier.Statement(List.of(Fr.of(12345)), statements.get(2).proof()));
    assertFalse(Verifier.verifyBatch(pk.verifyingKey(), statements, new SplittableRandom(9)));
  }

  @Test
  void sameSeedsGiveTheSameProof() {
    TestCircuits.Instance instance = TestCircuits.cubic(5);
    ProvingKey pk = DevSetup.generate(instance.r1cs(), SEED);
    assertEquals(Prover.prove(pk, instance.r1cs(), instance.witness(), new SplittableRandom(3)),
        Prover.prove(pk, instance.r1cs(), instance.witness(), new SplittableRandom(3)));
  }
}
