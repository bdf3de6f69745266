package dev.obsidian.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigPrintCommandTest {

  @TempDir Path dir;

  @Test
  void withoutAFileItPrintsTheDefaultsAsHocon() {
    CliRun run = CliRun.run(Map.of(), "config", "print");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
    Config printed = ConfigFactory.parseString(run.out());
    assertEquals(8080, printed.getInt("obsidian.node.rpc-port"));
    assertEquals(31337, printed.getInt("obsidian.l1.chain-id"));
    assertEquals("embedded", printed.getString("obsidian.persistence.journal"));
    assertEquals(64, printed.getInt("obsidian.merkle.history-blocks"));
    assertFalse(run.out().contains("#"), run.out());
  }

  @Test
  void originsNameTheFileLineTheVariableAndTheReferenceLine() throws Exception {
    Path file = Files.writeString(dir.resolve("node.conf"),
        "obsidian {\n  data-dir = /srv/obsidian\n  node.rpc-port = 9000\n}\n");
    CliRun run = CliRun.run(Map.of("OBSIDIAN_RPC_PORT", "9100"),
        "config", "print", "--origin", "--file", file.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("  data-dir = \"/srv/obsidian\" # " + file + ":2\n"), run.out());
    assertTrue(run.out().contains("    rpc-port = 9100 # env OBSIDIAN_RPC_PORT\n"), run.out());
    assertTrue(run.out().matches("(?s).*\n    rpc-host = \"127\\.0\\.0\\.1\" # reference\\.conf:\\d+\n.*"),
        run.out());
    assertEquals(9100, ConfigFactory.parseString(run.out()).getInt("obsidian.node.rpc-port"));
  }

  @Test
  void anInvalidFileIsReportedNotPrinted() throws Exception {
    Path file = Files.writeString(dir.resolve("node.conf"), "obsidian.node.rpc-port = -1\n");
    CliRun run = CliRun.run(Map.of(), "config", "print", "--file", file.toString());
    assertEquals(ObsidianCli.EXIT_USAGE, run.exitCode());
    assertEquals("", run.out());
    assertTrue(run.err().contains("obsidian.node.rpc-port: -1 — expected an integer in [0, 65535] (from "
        + file + ":1)"), run.err());
  }

  @Test
  void aMissingFileIsNamed() {
    CliRun run = CliRun.run(Map.of(), "config", "print", "--file", "no/such.conf");
    assertEquals(ObsidianCli.EXIT_USAGE, run.exitCode());
    assertTrue(run.err().contains("no/such.conf: no such file"), run.err());
  }
}
