package dev.obsidian.node.cli;

import dev.obsidian.node.rpc.JsonRpcTarget;
import dev.obsidian.sim.HtmlReport;
import dev.obsidian.sim.InProcessNode;
import dev.obsidian.sim.LoadPlan;
import dev.obsidian.sim.LoadResult;
import dev.obsidian.sim.LoadTest;
import dev.obsidian.sim.NodeShape;
import dev.obsidian.sim.Summary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Runs a load plan against the chosen node, prints the summary and writes the report. */
final class LoadtestRun {
  /** Per JSON-RPC call: longer than the node's own ask timeouts, so the node's answer wins. */
  static final Duration RPC_TIMEOUT = Duration.ofSeconds(30);

  private final PrintWriter out;

  LoadtestRun(PrintWriter out) {
    this.out = out;
  }

  int run(LoadPlan plan, Optional<URI> url, Optional<Path> dataDir, Optional<Duration> blockTime, Optional<Path> report) {
    LoadResult result = url.isPresent() ? remote(plan, url.get()) : inProcess(plan, dataDir, blockTime);
    Summary.lines(result).forEach(out::println);
    report.ifPresent(file -> write(result, file));
    out.flush();
    return 0;
  }

  private static LoadResult remote(LoadPlan plan, URI url) {
    return LoadTest.run(plan, new JsonRpcTarget(url, RPC_TIMEOUT), Optional.empty());
  }

  private LoadResult inProcess(LoadPlan plan, Optional<Path> dataDir, Optional<Duration> blockTime) {
    NodeShape shape = blockTime.map(t -> NodeShape.forRate(plan.txsPerSecond(), t))
        .orElseGet(() -> NodeShape.forRate(plan.txsPerSecond()));
    try (InProcessNode node = InProcessNode.start(shape, dataDir)) {
      return LoadTest.run(plan, node.target(), Optional.of(shape.blockTime()));
    }
  }

  private void write(LoadResult result, Path file) {
    try {
      HtmlReport.write(result, file);
      out.println("report: " + file.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
    }
  }
}
