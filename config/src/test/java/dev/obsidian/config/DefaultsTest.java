package dev.obsidian.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The defaults are those documented in reference.conf, modelled on Aztec's sandbox. */
class DefaultsTest {

  private final ObsidianSettings settings = SettingsLoader.load(ConfigFactory.empty(), Map.of());

  @Test
  void nodeListensLocallyOnTheAztecSandboxPort() {
    assertEquals(new NodeSettings("127.0.0.1", 8080, 31337, 1), settings.node());
  }

  @Test
  void l1IsALocalAutomineAnvilOnItsUsualPortAndChainId() {
    L1Settings l1 = settings.l1();
    assertEquals(Optional.empty(), l1.rpcUrl());
    assertTrue(l1.startsLocalAnvil());
    assertEquals(8545, l1.anvilPort());
    assertEquals(31337, l1.chainId());
    assertTrue(l1.automine());
  }

  @Test
  void merkleStoreLivesInTheDataDirectoryAndKeepsAztecsHistory() {
    assertEquals(Path.of("./data"), settings.dataDir());
    assertEquals(Path.of("data", "merkle"), settings.merkle().storeDirectory());
    assertEquals(64, settings.merkle().historyBlocks());
    assertEquals(ByteSize.ofMebibytes(128), settings.merkle().rocksdbCacheSize());
  }

  @Test
  void limitsLetAMaximalTransactionThroughTheRpcHexEncoded() {
    LimitSettings limits = settings.limits();
    assertEquals(256 * 1024, limits.maxTxBytes().bytes());
    assertEquals(1024 * 1024, limits.rpcMaxRequestBytes().bytes());
    assertTrue(limits.rpcMaxRequestBytes().bytes() >= 2 * limits.maxTxBytes().bytes());
    assertEquals(1000, limits.mempoolMaxTxs());
    assertEquals(10_000, limits.maxNotesPerAccount());
  }

  @Test
  void sequencerUsesAztecsTxCountsAndBuildsNoEmptyBlocks() {
    assertEquals(new SequencerSettings(Duration.ofSeconds(1), 1, 32, false), settings.sequencer());
  }

  @Test
  void oneLocalProverWorkerAndAnEmbeddedJournal() {
    assertEquals(new ProverSettings(1, Duration.ofMinutes(5), false, 3, java.util.Optional.empty(), 2, 4, 0, "127.0.0.1"),
        settings.prover());
    assertEquals(ProverSettings.defaults(false), settings.prover());
    assertEquals(JournalKind.EMBEDDED, settings.persistence().journal());
    assertFalse(settings.merkle().keepsAllHistory());
  }
}
