package dev.obsidian.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCheckCommandTest {

  @TempDir Path dir;

  @Test
  void aValidFilePrintsOk() throws Exception {
    Path file = Files.writeString(dir.resolve("good.conf"),
        "obsidian { node.rpc-port = 9000, persistence.journal = cassandra }\n");
    CliRun run = CliRun.run(Map.of(), "config", "check", file.toString());
    assertEquals(new CliRun(0, "ok\n", ""), run);
  }

  @Test
  void theCheckedInBadSampleHasEveryMistakeListed() throws URISyntaxException {
    Path sample = Path.of(getClass().getResource("/config/bad-sample.conf").toURI());
    CliRun run = CliRun.run(Map.of(), "config", "check", sample.toString());

    assertEquals(ObsidianCli.EXIT_USAGE, run.exitCode());
    assertEquals("", run.out());
    String from = " (from " + sample + ":";
    List<String> expectedLines = List.of(
        "obsidian config check: invalid configuration (6 errors):",
        "  obsidian.l1.rpc-url: \"localhost:8545\" — expected \"\" (start a local Anvil) or an "
            + "http(s):// or ws(s):// URL with a host" + from + "10)",
        "  obsidian.node.rpc-port: 123456 — expected an integer in [0, 65535]" + from + "6)",
        "  obsidian.node.rpc_host: \"0.0.0.0\" — expected a known key; did you mean "
            + "obsidian.node.rpc-host?" + from + "7)",
        "  obsidian.persistence.journal: \"leveldb\" — expected one of \"embedded\", \"cassandra\""
            + from + "17)",
        "  obsidian.prover.job-timeout: \"forever\" — expected a duration in [1 second, 24 hours], "
            + "e.g. \"5 minutes\"" + from + "16)",
        "  obsidian.sequencer.min-txs-per-block: 16 — expected an integer in [1, 8] (at most "
            + "obsidian.sequencer.max-txs-per-block)" + from + "14)");
    assertEquals(expectedLines, run.err().lines().toList());
  }

  @Test
  void environmentOverridesAreCheckedTooAndNamed() throws Exception {
    Path file = Files.writeString(dir.resolve("good.conf"), "obsidian.node.rpc-port = 9000\n");
    CliRun run = CliRun.run(Map.of("OBSIDIAN_PROVER_WORKERS", "many"), "config", "check", file.toString());
    assertEquals(ObsidianCli.EXIT_USAGE, run.exitCode());
    assertTrue(run.err().contains("obsidian.prover.workers: \"many\" — expected an integer in [0, 256] "
        + "(from env OBSIDIAN_PROVER_WORKERS)"), run.err());
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("absent.conf");
    CliRun run = CliRun.run(Map.of(), "config", "check", missing.toString());
    assertEquals(new CliRun(ObsidianCli.EXIT_USAGE, "",
        "obsidian config check: invalid configuration (1 error):\n"
            + "  " + missing + ": no such file — expected an existing, readable HOCON file\n"), run);
  }

  @Test
  void aFileThatIsNotHoconIsNamedWithItsLine() throws Exception {
    Path file = Files.writeString(dir.resolve("broken.conf"), "obsidian {\n  node.rpc-port = = 1\n}\n");
    CliRun run = CliRun.run(Map.of(), "config", "check", file.toString());
    assertEquals(ObsidianCli.EXIT_USAGE, run.exitCode());
    assertTrue(run.err().contains("  " + file + ":2: "), run.err());
    assertTrue(run.err().contains("— expected valid HOCON"), run.err());
  }

  @Test
  void theFileArgumentIsRequired() {
    CliRun run = CliRun.run(Map.of(), "config", "check");
    assertEquals(new CliRun(ObsidianCli.EXIT_USAGE, "",
        "obsidian config check: Missing required parameter: 'FILE'\n"
            + "Try 'obsidian config check --help' for more information.\n"), run);
  }
}
