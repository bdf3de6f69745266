package dev.obsidian.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code obsidian node}: bad flags and an unreachable L1 are named, exit 2, before anything starts. */
class NodeCommandTest {
  private static final String ROLLUP = "0x5fbdb2315678afecb367f032d93f642f64180aa3";

  @TempDir Path dir;

  @Test
  void withoutFollowItSaysWhatToUse() {
    CliRun run = CliRun.of("node", "--l1-rpc-url", "http://127.0.0.1:1", "--rollup", ROLLUP);
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("obsidian node runs a follower only: add --follow"), run.err());
  }

  @Test
  void aBadRollupAddressIsNamed() {
    CliRun run = CliRun.of("node", "--follow", "--l1-rpc-url", "http://127.0.0.1:1", "--rollup", "0x1234");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--rollup must be the Rollup contract's address (0x and 40 hex digits), got 0x1234"),
        run.err());
  }

  @Test
  void anUnreachableL1IsNamedAndNothingIsLeftRunning() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    CliRun run = CliRun.of("node", "--follow", "--l1-rpc-url", "http://127.0.0.1:" + port, "--rollup", ROLLUP,
        "--data-dir", dir.toString(), "--port", "0");
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("L1: L1 RPC http://127.0.0.1:" + port + " is unreachable"), run.err());
    // the data dir is free again: its lock was released
    dev.obsidian.actors.DataDirLock.acquire(dir, "node.lock").close();
  }
}
