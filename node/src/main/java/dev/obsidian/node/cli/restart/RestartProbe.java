package dev.obsidian.node.cli.restart;

import dev.obsidian.actors.ActorNode;
import dev.obsidian.actors.NodeClock;
import dev.obsidian.actors.NodeGuardian;
import dev.obsidian.actors.Sequencer;
import dev.obsidian.actors.StartupTimings;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One measured restart, run by {@code obsidian bench restart} in a fresh JVM (cold classes and JIT, as a real
 * restart): starts the node on the data directory, waits until the sequencer and the mempool have recovered from the
 * journal (each answers its first query), prints the timings as {@code probe ...} lines, and stops the node.
 *
 * <p>Arguments: data directory, txs per block (for the node's settings).
 */
public final class RestartProbe {
  static final String PREFIX = "probe ";

  private RestartProbe() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    long mainAtUptime = ManagementFactory.getRuntimeMXBean().getUptime();
    Path dataDir = Path.of(args[0]);
    int txsPerBlock = Integer.parseInt(args[1]);
    long begin = System.nanoTime();
    var settings = RestartNode.settings(dataDir, txsPerBlock);
    long settingsLoaded = System.nanoTime();
    ActorNode node = NodeGuardian.start(settings, NodeClock.system());
    long started = System.nanoTime();
    CompletableFuture<Long> sequencer = node.sequencerStatus().toCompletableFuture()
        .thenApply(status -> System.nanoTime());
    CompletableFuture<Long> mempool = node.getPendingTxCount().toCompletableFuture()
        .thenApply(count -> System.nanoTime());
    long sequencerAt = sequencer.get(120, TimeUnit.SECONDS);
    long mempoolAt = mempool.get(120, TimeUnit.SECONDS);
    long ready = Math.max(sequencerAt, mempoolAt);
    long readyAtUptime = ManagementFactory.getRuntimeMXBean().getUptime();
    long cpuNanos = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : -1;
    Sequencer.Status status = node.sequencerStatus().toCompletableFuture().get(30, TimeUnit.SECONDS);
    long blocks = node.getBlockNumber().toCompletableFuture().get();
    StartupTimings timings = node.startupTimings();
    out.println(PREFIX + "main-at " + mainAtUptime);
    out.println(PREFIX + "step " + (settingsLoaded - begin) / 1e6 + " settings");
    for (StartupTimings.Step step : timings.steps()) {
      out.println(PREFIX + "step " + step.millis() + " " + step.name() + (step.detail().isEmpty() ? "" : " (" + step.detail() + ")"));
    }
    out.println(PREFIX + "step " + (sequencerAt - started) / 1e6 + " sequencer recovered");
    out.println(PREFIX + "step " + (mempoolAt - started) / 1e6 + " mempool recovered");
    out.println(PREFIX + "node " + (ready - begin) / 1e6);
    out.println(PREFIX + "uptime " + readyAtUptime);
    out.println(PREFIX + "cpu " + cpuNanos / 1_000_000);
    out.println(PREFIX + "blocks " + blocks + " " + status.lastBlockNumber());
    out.flush();
    node.close();
    System.exit(0);
  }
}
