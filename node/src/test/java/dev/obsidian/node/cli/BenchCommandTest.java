package dev.obsidian.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchCommandTest {

  @Test
  void cryptoBenchPrintsOneLinePerOperationWithAPositiveRate() {
    CliRun run = CliRun.of("bench", "crypto", "--warmup-seconds", "0", "--measure-seconds", "1");
    assertEquals(0, run.exitCode(), run.err());
    for (String operation : new String[] {"poseidon2 hash2", "fr mul", "fr inverse"}) {
      String line = run.lines().stream().filter(l -> l.startsWith(operation)).findFirst().orElseThrow(
          () -> new AssertionError("no line for " + operation + " in:\n" + run.out()));
      double rate = Double.parseDouble(line.substring(operation.length()).trim().split("\\s+")[0].replace(",", ""));
      assertTrue(rate > 0, line);
    }
  }

  @Test
  void outOfRangeTimingIsRefusedNamingTheOption() {
    CliRun run = CliRun.of("bench", "crypto", "--measure-seconds", "0");
    assertEquals(ObsidianCli.EXIT_USAGE, run.exitCode());
    assertTrue(run.err().contains("--measure-seconds"), run.err());
    CliRun merkle = CliRun.of("bench", "merkle", "--warmup-seconds", "601");
    assertEquals(ObsidianCli.EXIT_USAGE, merkle.exitCode());
    assertTrue(merkle.err().contains("--warmup-seconds"), merkle.err());
  }
}
