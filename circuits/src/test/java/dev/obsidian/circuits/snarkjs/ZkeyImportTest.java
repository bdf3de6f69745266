package dev.obsidian.circuits.snarkjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.circuits.groth16.KeyStore;
import dev.obsidian.circuits.groth16.Proof;
import dev.obsidian.circuits.groth16.Prover;
import dev.obsidian.circuits.groth16.ProvingKey;
import dev.obsidian.circuits.groth16.Verifier;
import dev.obsidian.circuits.ir.Circuit;
import dev.obsidian.circuits.ir.CompiledCircuit;
import dev.obsidian.circuits.ir.Interpreter;
import dev.obsidian.circuits.ir.Oracles;
import dev.obsidian.circuits.ir.R1csCompiler;
import dev.obsidian.circuits.rollup.NamedCircuits;
import dev.obsidian.crypto.field.Fr;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A phase-2 ceremony key from snarkjs for our own R1CS (a 1-link Poseidon2 chain, 265 constraints): powers of tau with a
 * contribution, {@code groth16 setup} on our exported .r1cs, one {@code zkey contribute}; imported, it proves with our
 * prover, and snarkjs's own verifier (with the key it exports from the same zkey) accepts the proof.
 */
class ZkeyImportTest {
  @TempDir Path dir;

  @Test
  void aSnarkjsCeremonyKeyForOurR1csProvesWhatSnarkjsVerifies() throws Exception {
    Snarkjs.requireInstalled();
    Circuit circuit = NamedCircuits.poseidon2Chain(1, false);
    CompiledCircuit compiled = R1csCompiler.compile(circuit);
    R1csFile.write(compiled.r1cs(), dir.resolve("circuit.r1cs"));
    snarkjs("powersoftau", "new", "bn128", "10", "pot0.ptau");
    snarkjs("powersoftau", "contribute", "pot0.ptau", "pot1.ptau", "--name=first", "-e=obsidian test entropy 1");
    snarkjs("powersoftau", "prepare", "phase2", "pot1.ptau", "pot.ptau");
    snarkjs("groth16", "setup", "circuit.r1cs", "pot.ptau", "c0.zkey");
    snarkjs("zkey", "contribute", "c0.zkey", "c1.zkey", "--name=second", "-e=obsidian test entropy 2");
    snarkjs("zkey", "export", "verificationkey", "c1.zkey", "verification_key.json");

    ProvingKey pk = ZkeyFile.read(dir.resolve("c1.zkey"), compiled.r1cs());
    Fr[] witness = Interpreter.solve(circuit, Map.of("start", Fr.of(7)), Oracles.standard());
    List<Fr> publicInputs = List.of(compiled.publicInputs(witness));
    Proof proof = Prover.prove(pk, compiled.r1cs(), compiled.assignment(witness), new SplittableRandom(3));
    assertTrue(Verifier.verify(pk.verifyingKey(), publicInputs, proof));
    assertEquals(SnarkjsJson.readVerifyingKey(dir.resolve("verification_key.json")), pk.verifyingKey());
    SnarkjsJson.writeProof(proof, dir.resolve("proof.json"));
    SnarkjsJson.writePublic(publicInputs, dir.resolve("public.json"));
    Snarkjs.Run verify = Snarkjs.run(dir, "groth16", "verify", "verification_key.json", "public.json", "proof.json");
    assertTrue(verify.exitCode() == 0 && verify.output().contains("OK"), verify.output());
    // a wrong public input fails snarkjs's check too (the verification above is not vacuous)
    SnarkjsJson.writePublic(List.of(publicInputs.get(0), publicInputs.get(1).add(Fr.ONE)), dir.resolve("public.json"));
    assertFalse(Snarkjs.run(dir, "groth16", "verify", "verification_key.json", "public.json", "proof.json").output()
        .contains("OK!"));

    // stored, it replaces the dev key and no dev setup runs
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    KeyStore store = new KeyStore(dir.resolve("keys"), new PrintStream(log, true, StandardCharsets.UTF_8));
    store.store("chain-1", pk, KeyStore.r1csHash(compiled.r1cs()), "snarkjs zkey c1.zkey");
    KeyStore.LoadedKey loaded = store.loadOrCreate("chain-1", compiled.r1cs());
    assertEquals("snarkjs zkey c1.zkey", loaded.origin());
    assertFalse(log.toString(StandardCharsets.UTF_8).contains("INSECURE"), log.toString(StandardCharsets.UTF_8));

    // the zkey is refused for another circuit
    CompiledCircuit other = R1csCompiler.compile(NamedCircuits.poseidon2Chain(2, false));
    IOException e = assertThrows(IOException.class, () -> ZkeyFile.read(dir.resolve("c1.zkey"), other.r1cs()));
    assertTrue(e.getMessage().contains("another R1CS"), e.getMessage());
  }

  private void snarkjs(String... args) throws Exception {
    Snarkjs.Run run = Snarkjs.run(dir, args);
    if (run.exitCode() != 0) {
      throw new AssertionError("snarkjs " + String.join(" ", args) + " failed:\n" + run.output());
    }
  }
}
