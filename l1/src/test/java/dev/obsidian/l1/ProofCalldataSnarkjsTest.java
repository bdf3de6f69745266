package dev.obsidian.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.obsidian.circuits.demo.Poseidon2ChainCircuit;
import dev.obsidian.circuits.groth16.DevSetup;
import dev.obsidian.circuits.groth16.Proof;
import dev.obsidian.circuits.groth16.Prover;
import dev.obsidian.circuits.groth16.ProvingKey;
import dev.obsidian.circuits.snarkjs.SnarkjsJson;
import dev.obsidian.crypto.field.Fr;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our proof calldata (Groth16VerifierContract.proofWords: a, b with G2 as x1, x0, y1, y0, c) equals what snarkjs
 * 0.7.6 (pinned in circuits/snarkjs/package.json) prints with {@code zkey export soliditycalldata}: an independent
 * reference for the word order the contract reads.
 */
class ProofCalldataSnarkjsTest {
  private static final Path SNARKJS_HOME = Path.of("../circuits/snarkjs").toAbsolutePath().normalize();
  private static final Path CLI = SNARKJS_HOME.resolve("node_modules/snarkjs/build/cli.cjs");
  private static final Path REFERENCE = Path.of("../circuits/src/test/resources/snarkjs");

  @Test
  void referenceProofCalldataMatchesSnarkjs() throws Exception {
    requireSnarkjs();
    Proof proof = SnarkjsJson.readProof(REFERENCE.resolve("proof.json"));
    List<Fr> inputs = SnarkjsJson.readPublic(REFERENCE.resolve("public.json"));
    assertEquals(snarkjsCalldata(REFERENCE.resolve("public.json"), REFERENCE.resolve("proof.json")),
        ours(proof, inputs));
  }

  @Test
  void ourProofCalldataMatchesSnarkjs(@TempDir Path dir) throws Exception {
    requireSnarkjs();
    Poseidon2ChainCircuit.Instance chain = Poseidon2ChainCircuit.build(1, Fr.of(77));
    ProvingKey pk = DevSetup.generate(chain.r1cs(), "calldata".getBytes(StandardCharsets.UTF_8),
        Groth16VerifierOnAnvilTest.quiet());
    Proof proof = Prover.prove(pk, chain.r1cs(), chain.witness(), new SplittableRandom(3));
    SnarkjsJson.writeProof(proof, dir.resolve("proof.json"));
    SnarkjsJson.writePublic(chain.publicInputs(), dir.resolve("public.json"));
    assertEquals(snarkjsCalldata(dir.resolve("public.json"), dir.resolve("proof.json")),
        ours(proof, chain.publicInputs()));
  }

  private static List<BigInteger> ours(Proof proof, List<Fr> inputs) {
    List<BigInteger> words = new ArrayList<>(Groth16VerifierContract.proofWords(proof));
    words.addAll(Groth16VerifierContract.inputWords(inputs));
    return words;
  }

  /** Every 0x number snarkjs prints, in order: a (2), b (4), c (2), then the public inputs. */
  private static List<BigInteger> snarkjsCalldata(Path publicJson, Path proofJson) throws Exception {
    String output = run(List.of("node", CLI.toString(), "zkey", "export", "soliditycalldata",
        publicJson.toAbsolutePath().toString(), proofJson.toAbsolutePath().toString()));
    List<BigInteger> words = new ArrayList<>();
    Matcher matcher = Pattern.compile("0x([0-9a-fA-F]+)").matcher(output);
    while (matcher.find()) {
      words.add(new BigInteger(matcher.group(1), 16));
    }
    return words;
  }

  private static void requireSnarkjs() throws Exception {
    Assumptions.assumeTrue(onPath("node") && onPath("npm"),
        "SKIPPED: node/npm are not installed, so the snarkjs calldata cross-check cannot run here");
    if (!Files.exists(CLI)) {
      run(List.of("npm", "ci", "--no-audit", "--no-fund"));
    }
  }

  private static boolean onPath(String program) {
    try {
      run(List.of(program, "--version"));
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(SNARKJS_HOME.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException(command + " failed:\n" + output);
    }
    return output;
  }
}
