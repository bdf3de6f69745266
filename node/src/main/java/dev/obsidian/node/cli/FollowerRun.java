package dev.obsidian.node.cli;

import com.typesafe.config.ConfigException;
import dev.obsidian.actors.DataDirInUseException;
import dev.obsidian.config.EffectiveConfig;
import dev.obsidian.config.JournalKind;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.crypto.protocol.EthAddress;
import dev.obsidian.l1.FollowerNode;
import dev.obsidian.l1.L1Exception;
import dev.obsidian.node.rpc.NodeServer;
import dev.obsidian.node.rpc.RpcLimits;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Runs a follower until asked to stop or until its sync halts on a block that does not check out (exit 1). */
final class FollowerRun {
  private static final long STOP_TIMEOUT_SECONDS = 60;

  private final PrintWriter out;
  private final PrintWriter err;
  private final CompletableFuture<Void> stopRequested;

  FollowerRun(PrintWriter out, PrintWriter err, CompletableFuture<Void> stopRequested) {
    this.out = out;
    this.err = err;
    this.stopRequested = stopRequested;
  }

  private synchronized void progress(String line) {
    out.println(line);
    out.flush();
  }

  int run(EffectiveConfig effective, String rollup, Long fromL1Block) {
    ObsidianSettings settings = effective.settings();
    if (settings.persistence().journal() != JournalKind.EMBEDDED) {
      throw new UserInputException("obsidian.persistence.journal = " + settings.persistence().journal()
          + ": a follower runs on the embedded journal only");
    }
    RpcLimits limits;
    try {
      limits = RpcLimits.fromConfig(effective.config(), settings.limits());
    } catch (IllegalArgumentException | ConfigException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    String url = settings.l1().rpcUrl().orElseThrow().toString();
    FollowerNode[] follower = new FollowerNode[1];
    NodeServer server;
    try {
      server = NodeServer.startFollower(settings, limits, () -> follower[0] = FollowerNode.start(settings, url,
          EthAddress.fromHex(rollup), fromL1Block == null ? OptionalLong.empty() : OptionalLong.of(fromL1Block),
          this::progress));
    } catch (L1Exception e) {
      throw new UserInputException("L1: " + e.getMessage(), e);
    } catch (DataDirInUseException e) {
      throw new UserInputException(e.getMessage() + " (stop it, or choose another --data-dir)", e);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof BindException bind) {
        throw new UserInputException(bind.getMessage() + " (choose another --port, or stop the process using it)", e);
      }
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stopRequested.complete(null);
      try {
        stopped.await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "obsidian-follower-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    CompletableFuture<String> halted = follower[0].halted().toCompletableFuture();
    try {
      out.println("follower of the Rollup " + rollup + " on " + url + " from L1 block "
          + follower[0].contracts().deploymentL1Block() + ": no sequencer, no mempool");
      out.println("ready " + server.url() + " in " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
      out.flush();
      CompletableFuture.anyOf(stopRequested, halted).join();
      if (halted.isDone()) {
        err.println("FOLLOWER HALTED: " + halted.join());
        err.flush();
        return 1;
      }
      return 0;
    } finally {
      server.close();
      stopped.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is running the hook
      }
    }
  }
}
