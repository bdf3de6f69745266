package dev.obsidian.node.cli.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.node.cli.CliRun;
import dev.obsidian.node.cli.ObsidianCli;
import org.junit.jupiter.api.Test;

/**
 * The merkle CLI against values computed by the @aztec 4.1.2 packages: merkle/src/test/resources/vectors
 * (merkle.json, nullifier-batch.json) and GENESIS_ARCHIVE_ROOT of @aztec/constants 4.1.2.
 */
class MerkleCommandTest {

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }


  @Test
  void emptyRoot() {
    // merkle.json emptyRoots, heights 42 and 1
    assertEquals(
        "0x2ac5dda169f6bb3b9ca09bbac34e14c94d1654597db740153a1288d859a8a30a\n", run("merkle", "empty-root", "42").out());
    assertEquals(
        "{\"root\":\"0x0b63a53787021a4a962a452c2921b3663aff1ffd8d5510540f8e659e782956f1\"}\n",
        run("merkle", "empty-root", "--json", "1").out());
  }

  @Test
  void appendRoot() {
    // merkle.json append: height 42 with 3 leaves
    CliRun run = run("merkle", "append-root", "--height", "42",
        "0x0579239a6a32ee472cee2ef9b758b23533e99bdf7494b6a3efe0351b9787aa1f",
        "0x0428fac87e8d952c0cbd2f50f363db4fec98bae21f23d42e32726674ac4d74ff",
        "0x1faa2c1d7b2361fdb0ca880450924da4eca00aab9028b1232d1d77ee386d22d7");
    assertEquals("0x23e441e3cecbeebebaa1d10fcd1b910566edf2b654bbedf21414ed8387b6bf32\n", run.out(), run.err());
  }

  @Test
  void genesisRoots() {
    // GENESIS_ARCHIVE_ROOT = 9682850228538071369704502076456077473410427336083826595120404283897422804423
    assertEquals(
        "0x15684c8c3d2106918d3860f777e50555b7166adff47df13cc652e2e5a50bf5c7\n",
        run("merkle", "genesis-root", "archive").out());
    // merkle.json genesis nullifierTree and publicDataTree roots
    assertEquals(
        "0x1ec3788cd1c32e54d889d67fe29e481114f9d4afe9b44b229aa29d8ad528dd31\n",
        run("merkle", "genesis-root", "nullifier").out());
    assertEquals(
        "0x23c08a6b1297210c5e24c76b9a936250a1ce2721576c26ea797c7ec35f9e46a9\n",
        run("merkle", "genesis-root", "public-data").out());
  }

  @Test
  void nullifierInsertRoot() {
    // nullifier-batch.json case "three nullifiers"
    CliRun run = run("merkle", "nullifier-insert-root",
        "0x12ebdcb3e776c8e835cd2980c9715d737c096449e89410646d9b842f87fbdeeb",
        "0x2518222b56329948f7ff715397280ce2042c04fa543e64493799dba28fdd83c1",
        "0x0a3a2a5764742b8be22e0def2647d5b4e87e2b860eb210498b25bbb5db67cd95");
    assertEquals("0x0bc9ac26ed26c20eb08d1c81803414ed08dae2dfe717e441aa076b86423b2368\n", run.out(), run.err());
  }

  @Test
  void badArgumentsExitTwoAndNameTheArgument() {
    expectUsageError(run("merkle", "empty-root", "65"), "HEIGHT");
    expectUsageError(run("merkle", "genesis-root", "forest"), "TREE");
    expectUsageError(run("merkle", "append-root", "--height", "1", "1", "2", "3"), "LEAF");
    expectUsageError(run("merkle", "append-root", "--height", "4", "7", "0xzz"), "LEAF #2");
    String modulus = "21888242871839275222246405745257275088548364400416034343698204186575808495617";
    expectUsageError(run("merkle", "nullifier-insert-root", modulus), "N #1");
    expectUsageError(run("merkle", "nullifier-insert-root", "5"), "already in the tree");
    expectUsageError(run("merkle", "nullifier-insert-root", "1000", "1000"), "twice");
  }

  @Test
  void benchRejectsAnUnboundedDuration() {
    expectUsageError(run("bench", "merkle", "--measure-seconds", "601"), "--measure-seconds");
    expectUsageError(run("bench", "merkle", "--warmup-seconds", "-1"), "--warmup-seconds");
  }

  private static void expectUsageError(CliRun run, String mention) {
    assertEquals(ObsidianCli.EXIT_USAGE, run.exitCode(), run.err());
    assertEquals("", run.out());
    assertTrue(run.err().contains(mention), run.err());
  }
}
