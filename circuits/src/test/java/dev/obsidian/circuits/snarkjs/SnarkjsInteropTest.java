package dev.obsidian.circuits.snarkjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.circuits.bn254.Pairing;
import dev.obsidian.circuits.groth16.DevSetup;
import dev.obsidian.circuits.groth16.Proof;
import dev.obsidian.circuits.groth16.Prover;
import dev.obsidian.circuits.groth16.ProvingKey;
import dev.obsidian.circuits.groth16.TestCircuits;
import dev.obsidian.circuits.groth16.Verifier;
import dev.obsidian.circuits.groth16.VerifyingKey;
import dev.obsidian.circuits.r1cs.R1cs;
import dev.obsidian.crypto.field.Fr;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The independent reference for the pairing and Groth16: snarkjs 0.7.6. Files under test resources snarkjs/ were
 * made by snarkjs itself (circuits/snarkjs/make-reference.sh); the tests that run snarkjs need node and npm.
 */
class SnarkjsInteropTest {
  private static final Path REFERENCE = Path.of("src/test/resources/snarkjs");

  @Test
  void ourVerifierAcceptsAProofSnarkjsMade() throws Exception {
    VerifyingKey vk = SnarkjsJson.readVerifyingKey(REFERENCE.resolve("verification_key.json"));
    Proof proof = SnarkjsJson.readProof(REFERENCE.resolve("proof.json"));
    List<Fr> inputs = SnarkjsJson.readPublic(REFERENCE.resolve("public.json"));
    assertEquals(List.of(Fr.of(35)), inputs);
    assertTrue(Verifier.verify(vk, inputs, proof));
    assertFalse(Verifier.verify(vk, List.of(Fr.of(36)), proof));
    assertFalse(Verifier.verify(vk, inputs, new Proof(proof.a(), proof.b(), proof.a())));
  }

  @Test
  void ourPairingMatchesSnarkjsAlphaBeta() throws Exception {
    VerifyingKey vk = SnarkjsJson.readVerifyingKey(REFERENCE.resolve("verification_key.json"));
    assertEquals(SnarkjsJson.readAlphaBeta(REFERENCE.resolve("verification_key.json")),
        Pairing.pair(vk.alpha1(), vk.beta2()));
  }

  @Test
  void readsTheReferenceR1csAndWitness() throws Exception {
    R1cs r1cs = R1csFile.read(REFERENCE.resolve("tiny.r1cs"));
    Fr[] witness = WtnsFile.read(REFERENCE.resolve("tiny.wtns"));
    TestCircuits.Instance expected = TestCircuits.cubic(3);
    assertEquals(expected.r1cs(), r1cs);
    assertArrayEquals(expected.witness(), witness);
    assertTrue(r1cs.firstUnsatisfied(witness).isEmpty());
  }

  @Test
  void snarkjsVerifiesOurProofsAndRejectsATamperedOne(@TempDir Path dir) throws Exception {
    Snarkjs.requireInstalled();
    TestCircuits.Instance instance = TestCircuits.chain(300, 11);
    ProvingKey pk = DevSetup.generate(instance.r1cs(), "interop".getBytes(StandardCharsets.UTF_8));
    Proof proof = Prover.prove(pk, instance.r1cs(), instance.witness(), new SplittableRandom(5));
    SnarkjsJson.writeVerifyingKey(pk.verifyingKey(), dir.resolve("vk.json"));
    SnarkjsJson.writeProof(proof, dir.resolve("proof.json"));
    SnarkjsJson.writePublic(instance.publicInputs(), dir.resolve("public.json"));
    Snarkjs.Run ok = Snarkjs.run(dir, "groth16", "verify", "vk.json", "public.json", "proof.json");
    assertEquals(0, ok.exitCode(), ok.output());
    assertTrue(ok.output().contains("OK"), ok.output());

    List<Fr> wrong = new ArrayList<>(instance.publicInputs());
    wrong.set(0, wrong.get(0).add(Fr.ONE));
    SnarkjsJson.writePublic(wrong, dir.resolve("wrong.json"));
    Snarkjs.Run bad = Snarkjs.run(dir, "groth16", "verify", "vk.json", "wrong.json", "proof.json");
    assertNotEquals(0, bad.exitCode(), bad.output());
    assertFalse(bad.output().contains("OK!"), bad.output());
  }

  @Test
  void snarkjsAcceptsOurR1csAndWitnessFiles(@TempDir Path dir) throws Exception {
    Snarkjs.requireInstalled();
    TestCircuits.Instance instance = TestCircuits.chain(200, 3);
    R1csFile.write(instance.r1cs(), dir.resolve("c.r1cs"));
    WtnsFile.write(instance.witness(), dir.resolve("c.wtns"));
    Snarkjs.Run check = Snarkjs.run(dir, "wtns", "check", "c.r1cs", "c.wtns");
    assertEquals(0, check.exitCode(), check.output());
    assertTrue(check.output().contains("WITNESS IS CORRECT"), check.output());
    assertEquals(instance.r1cs(), R1csFile.read(dir.resolve("c.r1cs")));
    assertArrayEquals(instance.witness(), WtnsFile.read(dir.resolve("c.wtns")));

    Fr[] bad = instance.witness().clone();
    bad[10] = bad[10].add(Fr.ONE);
    WtnsFile.write(bad, dir.resolve("bad.wtns"));
    Snarkjs.Run rejected = Snarkjs.run(dir, "wtns", "check", "c.r1cs", "bad.wtns");
    assertFalse(rejected.output().contains("WITNESS IS CORRECT"), rejected.output());
  }
}
