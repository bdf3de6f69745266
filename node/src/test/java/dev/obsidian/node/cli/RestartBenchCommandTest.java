package dev.obsidian.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code obsidian bench restart}: a small chain really built and really restarted in a fresh JVM; the report names
 * the chain length the restarted node holds and each start-up step. (A figure check, not a timing assertion.)
 */
class RestartBenchCommandTest {
  @TempDir Path dataDir;

  @Test
  void buildsTheChainRestartsOnItAndReportsTheSteps() {
    CliRun run = CliRun.of("bench", "restart", "--blocks", "3", "--txs-per-block", "1", "--runs", "1",
        "--data-dir", dataDir.toString());
    assertEquals(0, run.exitCode(), run.out() + run.err());
    Matcher summary = Pattern.compile("restart after (\\d+) blocks ready in (\\d+) ms.*").matcher(
        run.lines().stream().filter(line -> line.startsWith("restart after")).findFirst().orElse(""));
    assertTrue(summary.matches(), run.out());
    assertEquals(3, Long.parseLong(summary.group(1)), run.out());
    assertTrue(Long.parseLong(summary.group(2)) > 0);
    String restart = run.lines().stream().filter(line -> line.startsWith("restart 1 of 1")).findFirst().orElse("");
    for (String step : new String[] {"settings", "actor system", "journal tables", "store open",
        "read model open (projected through block 3)", "journal read", "store catch-up", "block index",
        "sequencer recovered", "mempool recovered"}) {
      assertTrue(restart.contains(step), step + " missing in: " + restart);
    }
    // a second call reuses the data dir: nothing is built
    CliRun again = CliRun.of("bench", "restart", "--blocks", "2", "--txs-per-block", "1", "--runs", "1",
        "--data-dir", dataDir.toString());
    assertEquals(0, again.exitCode(), again.out() + again.err());
    assertTrue(again.lines().stream().noneMatch(line -> line.startsWith("building")), again.out());
    assertTrue(again.out().contains("restart after 3 blocks ready in"), again.out());
  }

  @Test
  void outOfRangeOptionsAreRefusedNamingTheOption() {
    for (String[] args : new String[][] {{"--blocks", "0"}, {"--txs-per-block", "65"}, {"--runs", "21"},
        {"--class-data", "jit"}}) {
      CliRun run = CliRun.of("bench", "restart", args[0], args[1]);
      assertEquals(ObsidianCli.EXIT_USAGE, run.exitCode(), run.out());
      assertTrue(run.err().contains(args[0]), run.err());
    }
  }
}
