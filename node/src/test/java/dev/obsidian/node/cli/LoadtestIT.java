package dev.obsidian.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code obsidian loadtest} end to end: over JSON-RPC against a running sandbox, and against an in-process node. */
class LoadtestIT {
  private static final Pattern VERDICTS = Pattern.compile("verdicts: (\\d+) accepted, (\\d+) rejected, (\\d+) failed");
  private static final Pattern INCLUDED = Pattern.compile("included: (\\d+) txs in (\\d+) blocks");

  @TempDir Path dir;

  @Test
  void overJsonRpcEveryTxOfTheRunIsAcceptedMinedAndReported() throws Exception {
    try (RunningSandbox sandbox = RunningSandbox.start(dir.resolve("sandbox"))) {
      Path report = dir.resolve("rpc.html");
      CliRun run = CliRun.run(Map.of(), "loadtest", "--url", sandbox.url.toString(), "--users", "3", "--rate", "10",
          "--duration", "2", "--report", report.toString());
      assertEquals(0, run.exitCode(), run.err() + run.out());
      assertAllMined(run.out(), 20);
      assertTrue(run.out().contains("against " + sandbox.url), run.out());
      assertEquals(3, parse(report).getElementsByTagName("svg").getLength());
      // the sandbox's own count agrees: nothing left pending
      assertEquals(0, sandbox.client().call("node_getPendingTxCount").asInt());
    }
  }

  @Test
  void inProcessTheRunStartsItsOwnNodeOnTheGivenDataDir() {
    Path data = dir.resolve("node");
    CliRun run = CliRun.run(Map.of(), "loadtest", "--in-process", "--users", "2", "--rate", "5", "--duration", "2",
        "--block-time", "200ms", "--data-dir", data.toString(), "--seed", "42");
    assertEquals(0, run.exitCode(), run.err() + run.out());
    assertAllMined(run.out(), 10);
    assertTrue(run.out().contains("block time 200 ms"), run.out());
    assertTrue(Files.isDirectory(data.resolve("journal")), "the journal is on disk in the given data dir");
  }

  private static void assertAllMined(String out, int txs) {
    Matcher verdicts = VERDICTS.matcher(out);
    assertTrue(verdicts.find(), out);
    assertEquals(txs, Integer.parseInt(verdicts.group(1)), out);
    assertEquals("0", verdicts.group(2), out);
    assertEquals("0", verdicts.group(3), out);
    Matcher included = INCLUDED.matcher(out);
    assertTrue(included.find(), out);
    assertEquals(txs, Integer.parseInt(included.group(1)), out);
    assertTrue(out.contains("not included at the end: 0"), out);
    assertTrue(out.contains(txs + " of " + txs + " txs seen mined have a matching mined receipt"), out);
  }

  private static Document parse(Path report) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
  }
}
