package dev.obsidian.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Anvil's supervision: its state survives a restart, and a start removes a stale Anvil named by the pidfile. */
class AnvilProcessTest {
  @TempDir Path stateDir;

  private AnvilProcess.Options options() {
    return new AnvilProcess.Options(AnvilBinary.locate(), stateDir, 0, 31337, 0, 1, Duration.ofSeconds(30));
  }

  @Test
  void theChainContinuesAfterARestartOnTheSameStateDirectory() {
    L1Contracts deployed;
    long l1Block;
    try (AnvilProcess anvil = AnvilProcess.start(options());
        L1Client client = L1Client.connect(anvil.rpcUrl(), L1PrivateKey.ANVIL_DEV_ACCOUNT_0, 31337,
            Duration.ofSeconds(30))) {
      deployed = Deployer.deploy(client, new Deployer.Options(client.sender(),
          dev.obsidian.crypto.protocol.Constants.GENESIS_ARCHIVE_ROOT, 1, 0, 1000,
          dev.obsidian.crypto.field.Fr.ZERO));
      l1Block = client.blockNumber();
      assertTrue(Files.exists(stateDir.resolve("anvil.pid")));
    }
    assertFalse(Files.exists(stateDir.resolve("anvil.pid")), "a clean stop removes the pidfile");
    try (AnvilProcess anvil = AnvilProcess.start(options());
        L1Client client = L1Client.readOnly(anvil.rpcUrl(), Duration.ofSeconds(30))) {
      assertEquals(l1Block, client.blockNumber());
      assertEquals(client.sender(), new RollupClient(client, deployed.rollup()).sequencer());
    }
  }

  @Test
  void aStartStopsTheAnvilThePidfileNames() {
    try (AnvilProcess stale = AnvilProcess.start(options())) {
      assertTrue(stale.isAlive());
      try (AnvilProcess fresh = AnvilProcess.start(options())) {
        assertFalse(stale.isAlive(), "the Anvil of the earlier run is stopped");
        assertTrue(fresh.isAlive());
        assertEquals(Long.toString(fresh.pid()), read(stateDir.resolve("anvil.pid")));
      }
      assertFalse(Files.exists(stateDir.resolve("anvil.pid")));
    }
  }

  @Test
  void closingStopsAnvil() {
    AnvilProcess anvil = AnvilProcess.start(AnvilProcess.Options.ephemeral());
    long pid = anvil.pid();
    anvil.close();
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
