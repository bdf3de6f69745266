package dev.obsidian.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The run as one self-contained HTML page: the summary, then three inline SVG charts (inclusion latency histogram,
 * accepted and mined txs per second, mempool size over time). No script, no external resource; the markup is
 * well-formed XML so it can be checked mechanically.
 */
public final class HtmlReport {
  /** Bars in the latency histogram, about. */
  static final int LATENCY_BINS = 40;

  private HtmlReport() {}

  /** Writes the report to {@code file} (via a temporary file beside it, so a reader never sees half a report). */
  public static void write(LoadResult result, Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
    Files.writeString(partial, render(result), StandardCharsets.UTF_8);
    Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
  }

  public static String render(LoadResult result) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>Obsidian load test</title>")
        .append("<style>body{font-family:sans-serif;max-width:820px;margin:2em auto;color:#222}")
        .append("li{margin:.2em 0}figure{margin:1.5em 0}figcaption{font-weight:bold;margin-bottom:.3em}</style>")
        .append("</head><body><h1>Obsidian load test</h1><ul id=\"summary\">");
    Summary.lines(result).forEach(line -> html.append("<li>").append(Html.escape(line)).append("</li>"));
    html.append("</ul>");
    figure(html, "latency", "Inclusion latency (submit to receipt mined)", latencyChart(result));
    figure(html, "throughput", "Txs accepted and mined per second", throughputChart(result));
    figure(html, "mempool", "Mempool size over time", mempoolChart(result));
    html.append("<p>Times are seconds since the first submission. Mined txs are counted when the run saw their block, ")
        .append("which is when their receipts turned mined.</p></body></html>\n");
    return html.toString();
  }

  private static void figure(StringBuilder html, String id, String caption, String svg) {
    html.append("<figure id=\"").append(id).append("\"><figcaption>").append(Html.escape(caption))
        .append("</figcaption>").append(svg).append("</figure>");
  }

  static String latencyChart(LoadResult result) {
    Histogram histogram = result.recording().inclusionLatencyMicros();
    List<SvgChart.Bar> bars = new ArrayList<>();
    if (histogram.getTotalCount() > 0) {
      long binMicros = (long) Math.max(1, SvgChart.niceCeiling(Math.max(1, histogram.getMaxValue()) / (double) LATENCY_BINS));
      double from = 0;
      for (HistogramIterationValue bin : histogram.linearBucketValues(binMicros)) {
        double to = bin.getValueIteratedTo() / 1000.0;
        bars.add(new SvgChart.Bar(from, to, bin.getCountAddedInThisIterationStep()));
        from = to;
      }
    }
    return new SvgChart("Inclusion latency histogram", "latency (ms)", "txs")
        .bars("txs", "#4c78a8", bars).render();
  }

  static String throughputChart(LoadResult result) {
    Recording recording = result.recording();
    List<SvgChart.Point> accepted = new ArrayList<>();
    List<Long> perSecond = recording.acceptedPerSecond();
    for (int second = 0; second < perSecond.size(); second++) {
      accepted.add(new SvgChart.Point(second + 0.5, perSecond.get(second)));
    }
    return new SvgChart("Throughput", "time (s)", "txs per second")
        .bars("mined per second", "#54a24b", minedPerSecond(recording))
        .line("accepted per second", "#e45756", accepted).render();
  }

  private static List<SvgChart.Bar> minedPerSecond(Recording recording) {
    TreeMap<Integer, Long> bySecond = new TreeMap<>();
    for (BlockObservation block : recording.blocks()) {
      int second = (int) Math.max(0, (block.seenNanos() - recording.startNanos()) / 1_000_000_000L);
      bySecond.merge(second, (long) block.ownTxCount(), Long::sum);
    }
    int seconds = bySecond.isEmpty() ? 0 : bySecond.lastKey() + 1;
    List<SvgChart.Bar> bars = new ArrayList<>(seconds);
    for (int s = 0; s < seconds; s++) {
      bars.add(new SvgChart.Bar(s, s + 1, Optional.ofNullable(bySecond.get(s)).orElse(0L)));
    }
    return bars;
  }

  static String mempoolChart(LoadResult result) {
    Recording recording = result.recording();
    List<SvgChart.Point> points = recording.mempool().stream()
        .map(s -> new SvgChart.Point(LoadResult.seconds(s.nanos() - recording.startNanos()), s.pendingTxs())).toList();
    return new SvgChart("Mempool size", "time (s)", "pending txs")
        .line("pending txs", "#f58518", points).render();
  }
}
