package dev.obsidian.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One run reports every mistake in a file, each with its key, value, expected form and line. */
class MultipleErrorsTest {

  @Test
  void everyMistakeInTheFileIsReportedInKeyOrder() throws URISyntaxException {
    Path file = Path.of(getClass().getResource("/settings/many-errors.conf").toURI());
    InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
        () -> SettingsLoader.load(SettingsLoader.parseFile(file), Map.of()));
    String at = " (from " + file + ":";
    List<String> expected = List.of(
        "obsidian.l1.block-time-seconds: \"fast\" — expected an integer in [0, 3600]" + at + "7)",
        "obsidian.merkle.rocksdb-cache-size: \"100 GiB\" — expected a size in [1 MiB, 64 GiB], "
            + "e.g. \"256 MiB\"" + at + "10)",
        "obsidian.node.rpc-port: 70000 — expected an integer in [0, 65535]" + at + "5)",
        "obsidian.node.rpc-prot: 8081 — expected a known key; did you mean obsidian.node.rpc-port?"
            + at + "4)",
        "obsidian.persistence.journal: \"postgres\" — expected one of \"embedded\", \"cassandra\""
            + at + "9)",
        "obsidian.sequencer.min-txs-per-block: 0 — expected an integer in [1, 4096]" + at + "8)");
    assertEquals(expected, e.errors().stream().map(SettingError::toString).toList());
    assertEquals("invalid configuration (6 errors):\n  " + String.join("\n  ", expected), e.getMessage());
  }

  @Test
  void errorsFromFileAndEnvironmentAreReportedTogether() {
    InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> SettingsLoader.load(
        com.typesafe.config.ConfigFactory.parseString("obsidian.prover.workers = -1"),
        Map.of("OBSIDIAN_RPC_PORT", "http")));
    assertEquals(List.of("obsidian.node.rpc-port", "obsidian.prover.workers"),
        e.errors().stream().map(SettingError::key).toList());
  }
}
