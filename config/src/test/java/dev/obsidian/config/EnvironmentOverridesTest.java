package dev.obsidian.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentOverridesTest {

  @TempDir Path dir;

  @Test
  void environmentBeatsFileBeatsReference() {
    Path file = ConfigFiles.write(dir, "app.conf",
        "obsidian.node.rpc-port = 9000",
        "obsidian.node.rpc-host = \"0.0.0.0\"");
    EffectiveConfig effective = SettingsLoader.loadEffective(
        SettingsLoader.parseFile(file), Map.of("OBSIDIAN_RPC_PORT", "9100"));

    NodeSettings node = effective.settings().node();
    assertEquals(9100, node.rpcPort());
    assertEquals("0.0.0.0", node.rpcHost());
    assertEquals(1, node.rollupVersion());

    assertEquals("env OBSIDIAN_RPC_PORT", originOf(effective, "obsidian.node.rpc-port"));
    assertEquals(file + ":2", originOf(effective, "obsidian.node.rpc-host"));
    assertEquals(ReferenceLines.originOf("rollup-version"), originOf(effective, "obsidian.node.rollup-version"));
  }

  @Test
  void everyMappedVariableSetsItsKey() {
    Map<String, String> environment = Map.ofEntries(
        Map.entry("OBSIDIAN_DATA_DIR", "/var/lib/obsidian"),
        Map.entry("OBSIDIAN_RPC_HOST", "0.0.0.0"),
        Map.entry("OBSIDIAN_RPC_PORT", "8181"),
        Map.entry("OBSIDIAN_L1_RPC_URL", "http://geth:8545"),
        Map.entry("OBSIDIAN_ANVIL_PORT", "0"),
        Map.entry("OBSIDIAN_L1_CHAIN_ID", "11155111"),
        Map.entry("OBSIDIAN_BLOCK_TIME_MS", "250"),
        Map.entry("OBSIDIAN_PROVER_WORKERS", "0"),
        Map.entry("OBSIDIAN_PROVER_ENABLED", "true"),
        Map.entry("OBSIDIAN_PROVER_KEY_DIR", "keys"),
        Map.entry("OBSIDIAN_JOURNAL", "cassandra"),
        Map.entry("OBSIDIAN_CASSANDRA_CONTACT_POINTS", "10.0.0.1:9042, cassandra-2:19042"));
    ObsidianSettings settings = SettingsLoader.load(ConfigFactory.empty(), environment);
    assertEquals(Path.of("/var/lib/obsidian"), settings.dataDir());
    assertEquals(Path.of("/var/lib/obsidian/merkle"), settings.merkle().storeDirectory());
    assertEquals(new NodeSettings("0.0.0.0", 8181, 11155111, 1), settings.node());
    assertEquals(Optional.of(URI.create("http://geth:8545")), settings.l1().rpcUrl());
    assertEquals(0, settings.l1().anvilPort());
    assertEquals(11155111, settings.l1().chainId());
    assertEquals(250, settings.sequencer().blockTime().toMillis());
    assertEquals(0, settings.prover().workers());
    assertTrue(settings.prover().enabled());
    assertEquals(Optional.of(Path.of("/var/lib/obsidian/keys")), settings.prover().keyDir());
    assertEquals(JournalKind.CASSANDRA, settings.persistence().journal());
    assertEquals(List.of(new PersistenceSettings.HostPort("10.0.0.1", 9042),
        new PersistenceSettings.HostPort("cassandra-2", 19042)), settings.persistence().cassandra().contactPoints());
    assertEquals(environment.keySet(), EnvironmentOverrides.mappings().stream()
        .map(EnvironmentOverrides.Mapping::variable).collect(java.util.stream.Collectors.toSet()));
  }

  @Test
  void emptyOrBlankVariablesOverrideNothing() {
    Path file = ConfigFiles.write(dir, "app.conf", "obsidian.l1.rpc-url = \"http://geth:8545\"");
    ObsidianSettings settings = SettingsLoader.load(SettingsLoader.parseFile(file),
        Map.of("OBSIDIAN_L1_RPC_URL", "", "OBSIDIAN_RPC_PORT", "  "));
    assertEquals(Optional.of(URI.create("http://geth:8545")), settings.l1().rpcUrl());
    assertEquals(8080, settings.node().rpcPort());
  }

  @Test
  void aBadVariableIsReportedAgainstTheVariable() {
    InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> SettingsLoader.load(
        ConfigFactory.empty(), Map.of("OBSIDIAN_RPC_PORT", "99999", "OBSIDIAN_JOURNAL", "mongo")));
    assertEquals(List.of(
        "obsidian.node.rpc-port: 99999 — expected an integer in [0, 65535] (from env OBSIDIAN_RPC_PORT)",
        "obsidian.persistence.journal: \"mongo\" — expected one of \"embedded\", \"cassandra\" "
            + "(from env OBSIDIAN_JOURNAL)"),
        e.errors().stream().map(SettingError::toString).toList());
  }

  @Test
  void variablesOutsideTheMappingAreIgnored() {
    ObsidianSettings settings = SettingsLoader.load(ConfigFactory.empty(),
        Map.of("OBSIDIAN_NODE_RPC_PORT", "1", "obsidian.node.rpc-port", "2", "RPC_PORT", "3"));
    assertEquals(8080, settings.node().rpcPort());
  }

  @Test
  void substitutionsSeeTheGivenEnvironmentNotTheProcesses() {
    Path file = ConfigFiles.write(dir, "app.conf", "obsidian.data-dir = ${?STATE_ROOT}\"/obsidian\"",
        "obsidian.merkle.store-path = ${obsidian.data-dir}\"/trees\"");
    ObsidianSettings settings = SettingsLoader.load(
        SettingsLoader.parseFile(file), Map.of("STATE_ROOT", "/srv"));
    assertEquals(Path.of("/srv/obsidian"), settings.dataDir());
    assertEquals(Path.of("/srv/obsidian/trees"), settings.merkle().storeDirectory());
  }

  @Test
  void everyMappingTargetsADocumentedKeyWhoseCommentNamesTheVariable() {
    var leaves = ReferenceLines.documentedLeaves();
    for (EnvironmentOverrides.Mapping mapping : EnvironmentOverrides.mappings()) {
      assertTrue(leaves.containsKey(mapping.key()), mapping.key() + " is not in reference.conf");
      assertTrue(leaves.get(mapping.key()).stream()
              .anyMatch(line -> line.strip().equals("Env: " + mapping.variable())),
          mapping.key() + " does not document " + mapping.variable());
    }
    long documentedVariables = leaves.values().stream().flatMap(List::stream)
        .filter(line -> line.strip().startsWith("Env: ")).count();
    assertEquals(EnvironmentOverrides.mappings().size(), documentedVariables,
        "reference.conf documents a variable that is not mapped");
  }

  private static String originOf(EffectiveConfig effective, String key) {
    return Origins.describe(effective.config().getValue(key).origin());
  }
}
