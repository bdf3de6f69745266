package dev.obsidian.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnknownKeyTest {

  @TempDir Path dir;

  @Test
  void aTypoIsRejectedWithTheClosestKeyAndItsLine() {
    List<SettingError> errors = ConfigFiles.errors(dir,
        "obsidian.node {",
        "  rpc-prot = 8081",
        "}");
    assertEquals(List.of(new SettingError("obsidian.node.rpc-prot", "8081",
        "a known key; did you mean obsidian.node.rpc-port?",
        Optional.of(ConfigFiles.origin(dir, 2)))), errors);
    assertEquals("obsidian.node.rpc-prot: 8081 — expected a known key; did you mean "
        + "obsidian.node.rpc-port? (from " + ConfigFiles.origin(dir, 2) + ")", errors.get(0).toString());
  }

  @Test
  void otherSpellingsOfAKeyAreRecognised() {
    assertSuggestion("obsidian.sequencer.max_txs_per_block = 8", "obsidian.sequencer.max-txs-per-block");
    assertSuggestion("obsidian.sequencer.maxTxsPerBlock = 8", "obsidian.sequencer.max-txs-per-block");
    assertSuggestion("obsidian.sequencer.max-tx-per-block = 8", "obsidian.sequencer.max-txs-per-block");
    assertSuggestion("obsidian.datadir = x", "obsidian.data-dir");
    assertSuggestion("obsidian.merkle.history = 3", "obsidian.merkle.history-blocks");
  }

  @Test
  void aKeyInTheWrongSectionPointsToWhereItBelongs() {
    assertSuggestion("obsidian.rpc-port = 8081", "obsidian.node.rpc-port");
    assertSuggestion("obsidian.l1.workers = 2", "obsidian.prover.workers");
    assertSuggestion("obsidian.chain-id = 5", "obsidian.l1.chain-id or obsidian.node.chain-id");
  }

  @Test
  void aMisspelledSectionIsReportedOnceWithTheSectionSuggested() {
    List<SettingError> errors = ConfigFiles.errors(dir,
        "obsidian.sequenser {",
        "  block-time-ms = 500",
        "  max-txs-per-block = 8",
        "}");
    assertEquals(1, errors.size(), errors.toString());
    assertEquals("obsidian.sequenser", errors.get(0).key());
    assertEquals("a known key; did you mean obsidian.sequencer?", errors.get(0).expected());
    assertEquals(Optional.of(ConfigFiles.origin(dir, 1)), errors.get(0).origin());
  }

  @Test
  void withNothingCloseTheKnownKeysOfTheSectionAreListed() {
    List<SettingError> errors = ConfigFiles.errors(dir, "obsidian.prover.colour = blue");
    assertEquals("a known key; keys here: cluster-host, cluster-port, enabled, job-timeout, key-dir, max-attempts, "
        + "max-base-capacity, max-block-txs, workers", errors.get(0).expected());
    assertEquals("\"blue\"", errors.get(0).value());
  }

  @Test
  void keysOutsideObsidianAreLeftToTheirOwners() {
    ConfigFiles.load(dir, "pekko.loglevel = DEBUG", "some-other-tool { anything = 1 }");
  }

  private void assertSuggestion(String line, String suggested) {
    List<SettingError> errors = ConfigFiles.errors(dir, line);
    assertEquals(1, errors.size(), errors.toString());
    assertEquals("a known key; did you mean " + suggested + "?", errors.get(0).expected());
  }
}
