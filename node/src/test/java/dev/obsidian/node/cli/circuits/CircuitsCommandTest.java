package dev.obsidian.node.cli.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.node.cli.CliRun;
import dev.obsidian.node.cli.ObsidianCli;
import org.junit.jupiter.api.Test;

class CircuitsCommandTest {
  @Test
  void poseidon2ChainCostsOnePermutationPerLinkPlusTheOutputCopy() {
    // 88 S-boxes of 3 products each per permutation (see Poseidon2Gadget), one more for the public output copy
    CliRun run = CliRun.of("circuits", "info", "poseidon2-chain", "--n", "3", "--json");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("\"constraints\":" + (3 * 264 + 1)), run.out());
    assertTrue(run.out().contains("\"publicInputs\":2"), run.out());
  }

  @Test
  void merkleMembershipPrintsItsCounts() {
    CliRun run = CliRun.of("circuits", "info", "merkle-membership");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("circuit        merkle-membership"), run.out());
    assertTrue(run.out().contains("public inputs  2"), run.out());
  }

  @Test
  void writesAnArtifactThatReadsBackAsTheSameCircuit(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = dir.resolve("chain.obsc");
    CliRun run = CliRun.of("circuits", "artifact", "poseidon2-chain", "--n", "2", "--out", file.toString());
    assertEquals(0, run.exitCode(), run.err());
    byte[] bytes = java.nio.file.Files.readAllBytes(file);
    dev.obsidian.circuits.ir.Circuit circuit = dev.obsidian.circuits.ir.CircuitFormat.read(bytes);
    assertEquals(dev.obsidian.circuits.rollup.NamedCircuits.build("poseidon2-chain", java.util.OptionalInt.of(2),
        true).opcodes().size(), circuit.opcodes().size());
    assertTrue(run.out().contains(bytes.length + " bytes, sha256 "), run.out());
    assertTrue(circuit.opcodes().get(0).location().contains("Poseidon2Gadget"), circuit.opcodes().get(0).location());
  }

  @Test
  void anUnknownNameIsAUsageErrorListingTheNames() {
    CliRun run = CliRun.of("circuits", "info", "base-rollup-3");
    assertEquals(ObsidianCli.EXIT_USAGE, run.exitCode());
    assertTrue(run.err().contains("base-rollup-3") && run.err().contains("base-rollup-8"), run.err());
    CliRun sized = CliRun.of("circuits", "info", "merkle-membership", "--n", "2");
    assertEquals(ObsidianCli.EXIT_USAGE, sized.exitCode());
    assertTrue(sized.err().contains("takes no size"), sized.err());
  }

  @Test
  void importZkeyRefusesAMissingFileAndAFileThatIsNotAZkey(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    CliRun missing = CliRun.of("circuits", "import-zkey", "--circuit", "poseidon2-chain", "--n", "1", "--zkey",
        dir.resolve("none.zkey").toString(), "--key-dir", dir.toString());
    assertEquals(2, missing.exitCode(), missing.err());
    assertTrue(missing.err().contains("--zkey: ") && missing.err().contains("is not a file"), missing.err());
    java.nio.file.Path notZkey = dir.resolve("x.zkey");
    java.nio.file.Files.writeString(notZkey, "not a zkey at all");
    CliRun wrong = CliRun.of("circuits", "import-zkey", "--circuit", "poseidon2-chain", "--n", "1", "--zkey",
        notZkey.toString(), "--key-dir", dir.toString());
    assertEquals(2, wrong.exitCode(), wrong.err());
    assertTrue(wrong.err().contains("magic is not \"zkey\""), wrong.err());
    assertTrue(!java.nio.file.Files.exists(dir.resolve("poseidon2-chain-1.key")), "nothing is stored");
  }
}
