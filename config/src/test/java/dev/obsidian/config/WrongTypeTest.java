package dev.obsidian.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WrongTypeTest {

  @TempDir Path dir;

  @Test
  void aWordWhereAPortIsExpected() {
    List<SettingError> errors = ConfigFiles.errors(dir, "obsidian.node.rpc-port = eighty");
    assertEquals(List.of(new SettingError("obsidian.node.rpc-port", "\"eighty\"",
        "an integer in [0, 65535]", Optional.of(ConfigFiles.origin(dir, 1)))), errors);
  }

  @Test
  void aFractionWhereAnIntegerIsExpected() {
    List<SettingError> errors = ConfigFiles.errors(dir, "obsidian.prover.workers = 2.5");
    assertEquals("obsidian.prover.workers", errors.get(0).key());
    assertEquals("2.5", errors.get(0).value());
    assertEquals("an integer in [0, 256]", errors.get(0).expected());
  }

  @Test
  void integersWrittenAsQuotedTextOrWholeDoublesAreAccepted() {
    ObsidianSettings settings = ConfigFiles.load(dir,
        "obsidian.node.rpc-port = \"9000\"",
        "obsidian.prover.workers = 4.0",
        "obsidian.limits.mempool-max-txs = 1e3");
    assertEquals(9000, settings.node().rpcPort());
    assertEquals(4, settings.prover().workers());
    assertEquals(1000, settings.limits().mempoolMaxTxs());
  }

  @Test
  void aListOrSectionWhereAScalarIsExpected() {
    List<SettingError> errors = ConfigFiles.errors(dir,
        "obsidian.data-dir = [a, b]",
        "obsidian.node.rpc-host { name = x }");
    assertEquals(List.of("obsidian.data-dir", "obsidian.node.rpc-host"),
        errors.stream().map(SettingError::key).toList());
    assertEquals("[\"a\",\"b\"]", errors.get(0).value());
    assertEquals("a non-empty file-system path", errors.get(0).expected());
    assertEquals("a non-empty host name or IP address", errors.get(1).expected());
  }

  @Test
  void aScalarReplacingASectionIsOneErrorNotOnePerKeyBelow() {
    List<SettingError> errors = ConfigFiles.errors(dir, "obsidian.sequencer = fast");
    assertEquals(List.of(new SettingError("obsidian.sequencer", "\"fast\"",
        "a section { } with keys block-time-ms, build-empty-blocks, max-txs-per-block, "
            + "min-txs-per-block",
        Optional.of(ConfigFiles.origin(dir, 1)))), errors);
  }

  @Test
  void nullIsNotAValue() {
    List<SettingError> errors = ConfigFiles.errors(dir, "obsidian.merkle.store-path = null");
    assertEquals("null", errors.get(0).value());
    assertEquals("obsidian.merkle.store-path", errors.get(0).key());
  }

  @Test
  void booleansAcceptHoconsWordsButNotOthers() {
    assertEquals(true,
        ConfigFiles.load(dir, "obsidian.sequencer.build-empty-blocks = yes").sequencer().buildEmptyBlocks());
    List<SettingError> errors =
        ConfigFiles.errors(dir, "obsidian.sequencer.build-empty-blocks = 1");
    assertEquals("true or false", errors.get(0).expected());
  }

  @Test
  void aDurationNeedsAUnitOrMeansMilliseconds() {
    List<SettingError> errors = ConfigFiles.errors(dir, "obsidian.prover.job-timeout = soon");
    assertEquals("a duration in [1 second, 24 hours], e.g. \"5 minutes\"", errors.get(0).expected());
    assertEquals(java.time.Duration.ofMillis(1500),
        ConfigFiles.load(dir, "obsidian.prover.job-timeout = 1500").prover().jobTimeout());
  }

  @Test
  void aSizeNeedsAKnownUnit() {
    List<SettingError> errors = ConfigFiles.errors(dir, "obsidian.merkle.rocksdb-cache-size = 12 parsecs");
    assertEquals("obsidian.merkle.rocksdb-cache-size", errors.get(0).key());
    assertEquals("a size in [1 MiB, 64 GiB], e.g. \"256 MiB\"", errors.get(0).expected());
  }
}
