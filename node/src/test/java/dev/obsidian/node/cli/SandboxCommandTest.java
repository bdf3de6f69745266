package dev.obsidian.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.config.EffectiveConfig;
import dev.obsidian.config.InvalidSettingsException;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.node.rpc.RpcLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox and status commands' argument and settings handling; no node is started here. */
class SandboxCommandTest {

  @TempDir Path dir;

  @Test
  void flagsBeatTheEnvironmentWhichBeatsTheFile() throws Exception {
    Path file = Files.writeString(dir.resolve("node.conf"), "obsidian.node.rpc-port = 7000\n"
        + "obsidian.sequencer.block-time-ms = 3000\n");
    Map<String, String> environment = Map.of("OBSIDIAN_RPC_PORT", "7100", "OBSIDIAN_DATA_DIR", "/env/dir");
    ObsidianSettings fromFileAndEnvironment = new SandboxSettings().load(file, environment);
    assertEquals(7100, fromFileAndEnvironment.node().rpcPort());
    assertEquals(Duration.ofSeconds(3), fromFileAndEnvironment.sequencer().blockTime());
    assertEquals(Path.of("/env/dir"), fromFileAndEnvironment.dataDir());
    ObsidianSettings withFlags = new SandboxSettings().port(7200).blockTime(Duration.ofMillis(500))
        .dataDir(dir.resolve("flag")).load(file, environment);
    assertEquals(7200, withFlags.node().rpcPort());
    assertEquals(Duration.ofMillis(500), withFlags.sequencer().blockTime());
    assertEquals(dir.resolve("flag"), withFlags.dataDir());
  }

  @Test
  void rpcLimitsAreConfigKeysThatAreValidatedLikeTheOthers() throws Exception {
    Path file = Files.writeString(dir.resolve("rpc.conf"), "obsidian.rpc.max-batch-requests = 5\n"
        + "obsidian.rpc.request-timeout = 2 seconds\n");
    EffectiveConfig effective = new SandboxSettings().loadEffective(file, Map.of());
    RpcLimits limits = RpcLimits.fromConfig(effective.config(), effective.settings().limits());
    assertEquals(5, limits.maxBatchRequests());
    assertEquals(Duration.ofSeconds(2), limits.requestTimeout());
    assertEquals(100, limits.maxArrayLength());
    assertEquals(effective.settings().limits().rpcMaxRequestBytes().bytes(), limits.maxRequestBytes());
    Path zero = Files.writeString(dir.resolve("zero.conf"), "obsidian.rpc.max-batch-requests = 0\n");
    EffectiveConfig bad = new SandboxSettings().loadEffective(zero, Map.of());
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> RpcLimits.fromConfig(bad.config(), bad.settings().limits()));
    assertTrue(error.getMessage().contains("obsidian.rpc.max-batch-requests: 0"), error.getMessage());
    Path typo = Files.writeString(dir.resolve("typo.conf"), "obsidian.rpc.max-batch = 5\n");
    InvalidSettingsException unknown = assertThrows(InvalidSettingsException.class,
        () -> new SandboxSettings().loadEffective(typo, Map.of()));
    assertTrue(unknown.getMessage().contains("obsidian.rpc.max-batch"), unknown.getMessage());
  }

  @Test
  void anOutOfRangeFlagIsReportedAgainstTheFlag() {
    InvalidSettingsException error = assertThrows(InvalidSettingsException.class,
        () -> new SandboxSettings().blockTime(Duration.ofMillis(50)).load(null, Map.of()));
    assertTrue(error.getMessage().contains("obsidian.sequencer.block-time-ms: 50"), error.getMessage());
    assertTrue(error.getMessage().contains("--block-time"), error.getMessage());
    CliRun run = CliRun.run(Map.of(), "sandbox", "--data-dir", dir.toString(), "--block-time", "50ms");
    assertEquals(ObsidianCli.EXIT_USAGE, run.exitCode(), run.err());
    assertTrue(run.err().contains("block-time-ms"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void aMalformedDurationIsAUsageError() {
    CliRun run = CliRun.run(Map.of(), "sandbox", "--block-time", "2 fortnights");
    assertEquals(ObsidianCli.EXIT_USAGE, run.exitCode());
    assertTrue(run.err().contains("'2 fortnights' is not a duration"), run.err());
    assertEquals(Duration.ofMillis(1500), new DurationConverter().convert("1500ms"));
    assertEquals(Duration.ofMinutes(2), new DurationConverter().convert("2m"));
  }

  @Test
  void statusNamesTheUrlItCannotReach() {
    CliRun run = CliRun.run(Map.of(), "status", "--url", "http://127.0.0.1:1/");
    assertEquals(ObsidianCli.EXIT_USAGE, run.exitCode(), run.err());
    assertTrue(run.err().contains("--url http://127.0.0.1:1/: cannot read the node's status"), run.err());
    CliRun bad = CliRun.run(Map.of(), "status", "--url", "ftp://node");
    assertEquals(ObsidianCli.EXIT_USAGE, bad.exitCode());
    assertTrue(bad.err().contains("not an http(s) URL"), bad.err());
  }

  @Test
  void helpListsTheNodeCommands() {
    CliRun run = CliRun.run(Map.of(), "--help");
    assertTrue(run.out().contains("sandbox"), run.out());
    assertTrue(run.out().contains("status"), run.out());
  }
}
