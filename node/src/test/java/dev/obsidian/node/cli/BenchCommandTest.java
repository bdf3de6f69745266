package dev.obsidian.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

  @Test
  void cryptoBenchPrintsOneLinePerOperationWithAPositiveRate() {
    CliRun run = CliRun.of("bench", "crypto", "--warmup-seconds", "0", "--measure-seconds", "1");
    assertEquals(0, run.exitCode(), run.err());
    Pattern result = Pattern.compile("^(.+?)\\s{2,}([\\d,]+) ops/s wall.*");
    Map<String, Double> rates = new TreeMap<>();
    for (String line : run.lines()) {
      Matcher matcher = result.matcher(line);
      if (matcher.matches()) {
        rates.put(matcher.group(1).trim(), Double.parseDouble(matcher.group(2).replace(",", "")));
      }
    }
    assertTrue(rates.containsKey("poseidon2 hash2 java"), run.out());
    assertTrue(rates.containsKey("fr mul") && rates.containsKey("fr inverse"), run.out());
    rates.forEach((operation, rate) -> assertTrue(rate > 0, operation + " " + rate));
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
