package dev.obsidian.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RangeTest {

  @TempDir Path dir;

  @Test
  void aPortAbove65535() {
    List<SettingError> errors = ConfigFiles.errors(dir, "", "obsidian.node.rpc-port = 70000");
    assertEquals(List.of(new SettingError("obsidian.node.rpc-port", "70000",
        "an integer in [0, 65535]", Optional.of(ConfigFiles.origin(dir, 2)))), errors);
  }

  @Test
  void cassandraContactPointsAndKeyspaceAreChecked() {
    List<SettingError> errors = ConfigFiles.errors(dir, "",
        "obsidian.persistence.cassandra.contact-points = \"10.0.0.1:9042, cassandra-2\"",
        "obsidian.persistence.cassandra.keyspace = \"9lives\"");
    assertEquals(List.of("obsidian.persistence.cassandra.contact-points", "obsidian.persistence.cassandra.keyspace"),
        errors.stream().map(SettingError::key).toList());
    assertEquals(true, errors.get(0).expected().contains("got 'cassandra-2'"), errors.get(0).toString());
  }

  @Property(tries = 200)
  void everyTcpPortIsAccepted(@ForAll @IntRange(min = 0, max = 65_535) int port) {
    assertEquals(port, loadPort(port).node().rpcPort());
  }

  @Property(tries = 200)
  void noNumberOutsideThePortRangeIsAccepted(@ForAll int port) {
    if (port >= 0 && port <= 65_535) {
      return;
    }
    InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> loadPort(port));
    assertEquals("obsidian.node.rpc-port", e.errors().get(0).key());
  }

  @Test
  void sizesAndDurationsOutsideTheirBounds() {
    List<SettingError> errors = ConfigFiles.errors(dir,
        "obsidian.merkle.rocksdb-cache-size = 512",
        "obsidian.prover.job-timeout = 2 days",
        "obsidian.sequencer.block-time-ms = 10");
    assertEquals(List.of("obsidian.merkle.rocksdb-cache-size", "obsidian.prover.job-timeout",
        "obsidian.sequencer.block-time-ms"), errors.stream().map(SettingError::key).toList());
    assertEquals("512", errors.get(0).value());
    assertEquals("\"2 days\"", errors.get(1).value());
    assertEquals("an integer in [100, 3600000]", errors.get(2).expected());
  }

  @Test
  void historyBlocksZeroKeepsEverythingButNegativeIsRejected() {
    assertEquals(true, ConfigFiles.load(dir, "obsidian.merkle.history-blocks = 0").merkle().keepsAllHistory());
    assertEquals("an integer in [0, 2147483647]",
        ConfigFiles.errors(dir, "obsidian.merkle.history-blocks = -1").get(0).expected());
  }

  @Test
  void minTxsAboveMaxTxs() {
    List<SettingError> errors = ConfigFiles.errors(dir,
        "obsidian.sequencer { min-txs-per-block = 10, max-txs-per-block = 4 }");
    assertEquals(List.of(new SettingError("obsidian.sequencer.min-txs-per-block", "10",
        "an integer in [1, 4] (at most obsidian.sequencer.max-txs-per-block)",
        Optional.of(ConfigFiles.origin(dir, 1)))), errors);
  }

  @Test
  void rpcRequestsTooSmallForAHexEncodedMaximalTx() {
    List<SettingError> errors = ConfigFiles.errors(dir, "obsidian.limits.max-tx-bytes = 1 MiB");
    assertEquals("obsidian.limits.rpc-max-request-bytes", errors.get(0).key());
    assertEquals("at least 2 x obsidian.limits.max-tx-bytes = 2 MiB, since transactions travel "
        + "hex-encoded", errors.get(0).expected());
    assertEquals(Optional.of(ReferenceLines.originOf("rpc-max-request-bytes")), errors.get(0).origin());
  }

  @Test
  void nodeChainIdMustBeTheL1One() {
    List<SettingError> errors = ConfigFiles.errors(dir, "obsidian.node.chain-id = 1");
    assertEquals("obsidian.node.chain-id", errors.get(0).key());
    assertEquals("the L1 chain id 31337 (obsidian.l1.chain-id): the Rollup contract rejects headers "
        + "with any other", errors.get(0).expected());
  }

  @Test
  void nodeChainIdFollowsAnOverriddenL1ChainId() {
    ObsidianSettings settings = ConfigFiles.load(dir, "obsidian.l1.chain-id = 11155111");
    assertEquals(11155111, settings.node().chainId());
  }

  @Test
  void rpcUrlMustBeAnEthereumRpcUrl() {
    assertEquals(Optional.of(URI.create("https://eth.example:8545/rpc")),
        ConfigFiles.load(dir, "obsidian.l1.rpc-url = \"https://eth.example:8545/rpc\"").l1().rpcUrl());
    for (String bad : List.of("ftp://eth.example", "localhost:8545", "http://", "not a url")) {
      List<SettingError> errors = ConfigFiles.errors(dir, "obsidian.l1.rpc-url = \"" + bad + "\"");
      assertEquals("\"\" (start a local Anvil) or an http(s):// or ws(s):// URL with a host",
          errors.get(0).expected(), bad);
    }
  }

  @Test
  void recordsCheckTheSameBoundsWhenBuiltByHand() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new NodeSettings("localhost", 65_536, 1, 1));
    assertEquals("rpcPort must be in [0, 65535], got 65536", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new SequencerSettings(Duration.ofSeconds(1), 5, 4, false));
    assertEquals("minTxsPerBlock must be in [1, 4], got 5", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new L1Settings(Optional.empty(), 0, 1, Duration.ofMillis(1500)));
    assertEquals("blockTime must be whole seconds, got PT1.5S", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new LimitSettings(
        ByteSize.ofKibibytes(600), 1, ByteSize.ofMebibytes(1), 1));
    assertEquals("rpcMaxRequestBytes (1 MiB) must be at least 2 x maxTxBytes (600 KiB)", e.getMessage());
  }

  private static ObsidianSettings loadPort(int port) {
    return SettingsLoader.load(
        ConfigFactory.parseString("obsidian.node.rpc-port = " + port), Map.of());
  }
}
