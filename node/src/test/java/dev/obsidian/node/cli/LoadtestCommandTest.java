package dev.obsidian.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad flag exits 2 with a message naming it, before any node or load starts. */
class LoadtestCommandTest {
  @TempDir Path dir;

  private static CliRun loadtest(String... flags) {
    List<String> args = new ArrayList<>(List.of("loadtest"));
    args.addAll(List.of(flags));
    return CliRun.run(Map.of(), args.toArray(String[]::new));
  }

  private static void assertRefused(String flag, String... flags) {
    CliRun run = loadtest(flags);
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains(flag), "the message names " + flag + ": " + run.err());
    assertTrue(run.out().isEmpty(), "nothing ran: " + run.out());
  }

  private static String[] valid(String... more) {
    List<String> args = new ArrayList<>(List.of("--users", "2", "--rate", "10", "--duration", "5"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void theThreeLoadFlagsAreRequired() {
    assertRefused("--users", "--rate", "10", "--duration", "5");
    assertRefused("--rate", "--users", "2", "--duration", "5");
    assertRefused("--duration", "--users", "2", "--rate", "10");
  }

  @Test
  void outOfRangeOrMalformedNumbersAreNamed() {
    assertRefused("--users", "--users", "0", "--rate", "10", "--duration", "5");
    assertRefused("--users", "--users", "10001", "--rate", "10", "--duration", "5");
    assertRefused("--users", "--users", "many", "--rate", "10", "--duration", "5");
    assertRefused("--rate", "--users", "2", "--rate", "0", "--duration", "5");
    assertRefused("--rate", "--users", "2", "--rate", "100001", "--duration", "5");
    assertRefused("--duration", "--users", "2", "--rate", "10", "--duration", "0");
    assertRefused("--duration", "--users", "2", "--rate", "10", "--duration", "2h");
    assertRefused("--duration", "--users", "2", "--rate", "10", "--duration", "3601");
    assertRefused("--duration", "--users", "2", "--rate", "10", "--duration", "soon");
    assertRefused("--rate x --duration", "--users", "2", "--rate", "100000", "--duration", "11");
    assertRefused("--seed", valid("--seed", "0x10"));
    assertRefused("--drain", valid("--drain", "11m"));
    assertRefused("--drain", valid("--drain", "forever"));
  }

  @Test
  void onlyLoopbackHttpUrlsAreTargeted() {
    assertRefused("--url", valid("--url", "http://example.com:8080/"));
    assertRefused("--url", valid("--url", "http://10.0.0.1:8080/"));
    assertRefused("--url", valid("--url", "http://127.0.0.1.example.com/"));
    assertRefused("--url", valid("--url", "http://127.0.0.300:8080/"));
    assertRefused("--url", valid("--url", "ftp://127.0.0.1/"));
    assertRefused("--url", valid("--url", "127.0.0.1:8080"));
    assertRefused("--url", valid("--url", "http://[::1"));
  }

  @Test
  void loopbackHostsAreRecognisedWithoutAnyLookup() {
    for (String host : List.of("localhost", "LOCALHOST", "127.0.0.1", "127.255.0.9", "[::1]")) {
      assertTrue(LoadtestCommand.isLoopback(host), host);
    }
    for (String host : List.of("example.com", "10.0.0.1", "128.0.0.1", "127.0.0.256", "localhost.example.com", "[::2]")) {
      assertFalse(LoadtestCommand.isLoopback(host), host);
    }
  }

  @Test
  void targetFlagsAreExclusiveAndInProcessFlagsNeedAnInProcessNode() {
    assertRefused("--url", valid("--url", "http://127.0.0.1:8080/", "--in-process"));
    assertRefused("--data-dir", valid("--url", "http://127.0.0.1:8080/", "--data-dir", dir.toString()));
    assertRefused("--block-time", valid("--url", "http://127.0.0.1:8080/", "--block-time", "1s"));
    assertRefused("--block-time", valid("--block-time", "50ms"));
    assertRefused("--block-time", valid("--block-time", "fast"));
  }

  @Test
  void reportAndDataDirMustBeUsablePaths() throws Exception {
    assertRefused("--report", valid("--report", dir.resolve("missing").resolve("out.html").toString()));
    assertRefused("--report", valid("--report", dir.toString()));
    Path file = java.nio.file.Files.writeString(dir.resolve("plain-file"), "x");
    assertRefused("--data-dir", valid("--data-dir", file.toString()));
  }
}
