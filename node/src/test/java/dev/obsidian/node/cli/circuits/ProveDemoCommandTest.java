package dev.obsidian.node.cli.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.circuits.groth16.Verifier;
import dev.obsidian.circuits.snarkjs.SnarkjsJson;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;
import dev.obsidian.node.cli.CliRun;
import dev.obsidian.node.cli.ObsidianCli;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProveDemoCommandTest {
  @Test
  void proveDemoWritesAVerifyingSnarkjsSetAndBenchProvesItsFiles(@TempDir Path dir) throws Exception {
    CliRun run = CliRun.of("circuits", "prove-demo", "--circuit", "poseidon2-chain", "--n", "1", "--out",
        dir.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().contains("INSECURE"), run.err());
    List<Fr> inputs = SnarkjsJson.readPublic(dir.resolve("public.json"));
    Fr expectedOut = Poseidon2.permutation(new Fr[] {Fr.of(7), Fr.ZERO, Fr.ZERO, Fr.ZERO})[0];
    assertEquals(List.of(expectedOut, Fr.of(7)), inputs);
    assertTrue(Verifier.verify(SnarkjsJson.readVerifyingKey(dir.resolve("verification_key.json")), inputs,
        SnarkjsJson.readProof(dir.resolve("proof.json"))));

    CliRun bench = CliRun.of("bench", "prover", "--r1cs", dir.resolve("circuit.r1cs").toString(), "--wtns",
        dir.resolve("witness.wtns").toString(), "--repetitions", "1");
    assertEquals(0, bench.exitCode(), bench.err());
    assertTrue(bench.out().lines().anyMatch(line -> line.matches("total \\d+\\.\\d+ s")), bench.out());
    assertTrue(bench.out().contains("fft ") && bench.out().contains("msm "), bench.out());
    assertTrue(bench.out().lines().anyMatch(line -> line.equals("proof verified")), bench.out());
  }

  @Test
  void badInputIsRefusedNamingTheOption(@TempDir Path dir) {
    CliRun alone = CliRun.of("bench", "prover", "--r1cs", dir.resolve("x.r1cs").toString());
    assertEquals(ObsidianCli.EXIT_USAGE, alone.exitCode());
    assertTrue(alone.err().contains("--wtns"), alone.err());
    CliRun missing = CliRun.of("bench", "prover", "--r1cs", dir.resolve("x.r1cs").toString(), "--wtns",
        dir.resolve("x.wtns").toString());
    assertEquals(ObsidianCli.EXIT_USAGE, missing.exitCode());
    assertTrue(missing.err().contains("--r1cs"), missing.err());
    CliRun notRollup = CliRun.of("bench", "prover", "--circuit", "poseidon2-chain");
    assertEquals(ObsidianCli.EXIT_USAGE, notRollup.exitCode());
    assertTrue(notRollup.err().contains("--circuit") && notRollup.err().contains("block-root-1"), notRollup.err());
    CliRun unknown = CliRun.of("circuits", "export", "--circuit", "nope", "--snarkjs", dir.toString());
    assertEquals(ObsidianCli.EXIT_USAGE, unknown.exitCode());
    assertTrue(unknown.err().contains("--circuit"), unknown.err());
  }
}
