package dev.obsidian.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.actors.NodeApi;
import dev.obsidian.actors.block.L2Block;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A short load against a whole node in this JVM (embedded journal on disk): every tx is accepted and mined, the
 * latency histogram holds exactly the mined txs, the node's own blocks agree, and the report is well-formed with its
 * three charts.
 */
class InProcessLoadIT {
  @TempDir Path dir;

  @Test
  void everyTxIsAcceptedAndMinedAndTheReportAccountsForEach() throws Exception {
    LoadPlan plan = new LoadPlan(4, 20, Duration.ofSeconds(3), 7, Duration.ofSeconds(30));
    NodeShape shape = NodeShape.forRate(plan.txsPerSecond(), Duration.ofMillis(200));
    LoadResult result;
    List<L2Block> chain;
    try (InProcessNode node = InProcessNode.start(shape, Optional.of(dir.resolve("data")))) {
      result = LoadTest.run(plan, node.target(), Optional.of(shape.blockTime()));
      chain = blocks(node.api());
    }
    Summary.lines(result).forEach(System.out::println);
    Recording recording = result.recording();
    assertEquals(60, recording.issued());
    assertEquals(60, result.sent(), "no user was saturated at 5 txs/s each");
    assertEquals(60, recording.accepted(), () -> "rejections " + recording.rejections() + ", failures "
        + recording.failureExamples());
    assertEquals(0, recording.failures());
    assertEquals(60, recording.included());
    assertEquals(60, recording.acceptLatencyMicros().getTotalCount());
    assertEquals(0, recording.notIncludedCount());
    assertTrue(recording.drainedInTime());

    // the node's chain, read directly, holds exactly the run's 60 txs in the blocks the run saw
    assertEquals(60, chain.stream().mapToInt(b -> b.txEffects().size()).sum());
    assertEquals(chain.size(), recording.blocks().size());
    assertEquals(60, recording.blocks().stream().mapToInt(BlockObservation::ownTxCount).sum());
    assertEquals(60, result.includedAudit().checked());
    assertEquals(60, Summary.matching(result.includedAudit()), () -> result.includedAudit().mismatches().toString());

    assertTrue(result.maxInclusionMillis() < 10_000, "max latency " + result.maxInclusionMillis() + " ms");
    assertTrue(result.inclusionMillis(50) > 0);

    Path report = dir.resolve("report.html");
    HtmlReport.write(result, report);
    Document html = parse(report);
    assertEquals(3, html.getElementsByTagName("svg").getLength());
    assertEquals(60, barCounts(html, "latency"));
    assertEquals(60, barCounts(html, "throughput"), "mined per second sums to the mined txs");
  }

  private static List<L2Block> blocks(NodeApi api) throws Exception {
    long height = api.getBlockNumber().toCompletableFuture().get();
    List<L2Block> blocks = new ArrayList<>();
    for (long from = 1; from <= height; from += NodeApi.MAX_BLOCKS_PER_REQUEST) {
      blocks.addAll(api.getBlocks(from, NodeApi.MAX_BLOCKS_PER_REQUEST).toCompletableFuture().get());
    }
    return blocks;
  }

  static Document parse(Path report) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(Files.newInputStream(report));
  }

  /** Sum of the data-count of the bars in figure {@code id}. */
  static long barCounts(Document html, String id) {
    NodeList figures = html.getElementsByTagName("figure");
    for (int i = 0; i < figures.getLength(); i++) {
      Element figure = (Element) figures.item(i);
      if (figure.getAttribute("id").equals(id)) {
        NodeList rects = figure.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
        long sum = 0;
        for (int j = 0; j < rects.getLength(); j++) {
          String count = ((Element) rects.item(j)).getAttribute("data-count");
          sum += count.isEmpty() ? 0 : Long.parseLong(count);
        }
        return sum;
      }
    }
    throw new AssertionError("no figure " + id);
  }
}
