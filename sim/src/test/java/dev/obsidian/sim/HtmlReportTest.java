package dev.obsidian.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.actors.TxStatus;
import dev.obsidian.actors.TxVerdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class HtmlReportTest {
  private static final long S = 1_000_000_000L;
  @TempDir Path dir;

  private static LoadResult result(String target, long... latenciesMicros) {
    Histogram inclusion = new Histogram(Recorder.MAX_LATENCY_MICROS, 3);
    for (long micros : latenciesMicros) {
      inclusion.recordValue(micros);
    }
    Histogram acceptance = new Histogram(Recorder.MAX_LATENCY_MICROS, 3);
    List<BlockObservation> blocks = latenciesMicros.length == 0 ? List.of()
        : List.of(new BlockObservation(1, S, 2, 2), new BlockObservation(2, 2 * S, latenciesMicros.length - 2, latenciesMicros.length - 2));
    Recording recording = new Recording(0, 3 * S, 4 * S, latenciesMicros.length, 0, latenciesMicros.length,
        Map.of(TxVerdict.Code.MEMPOOL_FULL, 0L), 0, List.of(), inclusion, acceptance, blocks,
        List.of(new MempoolSample(0, 0), new MempoolSample(S / 2, 7), new MempoolSample(S, 1)),
        List.of((long) latenciesMicros.length), List.of(), 0, List.of(), true);
    ReceiptAudit audit = new ReceiptAudit(0, Map.of(TxStatus.MINED, 0), List.of(), 0);
    return new LoadResult(new LoadPlan(2, 5, Duration.ofSeconds(3), 1, Duration.ZERO), target,
        Optional.of(Duration.ofMillis(500)), recording, audit, ReceiptAudit.NONE);
  }

  @Test
  void theReportIsWellFormedAndItsHistogramBarsCountEveryMinedTx() throws Exception {
    Path file = dir.resolve("out.html");
    HtmlReport.write(result("node <\"a&b\"> 'x'", 120_000, 450_000, 451_000, 900_000, 1_700_000), file);
    String html = Files.readString(file);
    Document document = InProcessLoadIT.parse(file);
    assertEquals(3, document.getElementsByTagName("svg").getLength());
    assertEquals(5, InProcessLoadIT.barCounts(document, "latency"));
    assertEquals(5, InProcessLoadIT.barCounts(document, "throughput"));
    assertTrue(html.contains("node &lt;&quot;a&amp;b&quot;&gt; &#39;x&#39;"), "the target is escaped");
    assertFalse(html.contains("<script"), "no script");
    assertEquals(html.split("http", -1).length, html.split("http://www.w3.org/2000/svg", -1).length,
        "no external resource: the only URL is the SVG namespace");
    assertFalse(Files.exists(dir.resolve("out.html.partial")));
  }

  @Test
  void anEmptyRunStillGivesAWellFormedReport() throws Exception {
    Path file = dir.resolve("empty.html");
    HtmlReport.write(result("nowhere"), file);
    Document document = InProcessLoadIT.parse(file);
    assertEquals(3, document.getElementsByTagName("svg").getLength());
    assertEquals(0, InProcessLoadIT.barCounts(document, "latency"));
  }

  @Test
  void axisEndsAreRound() {
    assertEquals(1, SvgChart.niceCeiling(1));
    assertEquals(2, SvgChart.niceCeiling(1.2));
    assertEquals(50, SvgChart.niceCeiling(41));
    assertEquals(1000, SvgChart.niceCeiling(501));
    assertEquals(0.5, SvgChart.niceCeiling(0.3), 1e-12);
  }
}
