package dev.obsidian.node.cli;

import dev.obsidian.actors.NodeClock;
import dev.obsidian.config.JournalKind;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.node.rpc.NodeServer;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Runs the sandbox until asked to stop, then stops the server and the node in order. */
final class SandboxRun {

  /** How long Ctrl-C waits for the node to stop before the JVM exits anyway. */
  private static final long STOP_TIMEOUT_SECONDS = 60;

  private final PrintWriter out;
  private final CompletableFuture<Void> stopRequested;

  SandboxRun(PrintWriter out, CompletableFuture<Void> stopRequested) {
    this.out = out;
    this.stopRequested = stopRequested;
  }

  int run(ObsidianSettings settings) {
    NodeServer server = start(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> stopOnShutdown(stopped), "obsidian-sandbox-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      out.println("L1 not connected yet: blocks are built and proven here but not published to Ethereum "
          + "(the L1 publisher comes with issue 5)");
      out.println("ready " + server.url() + " in " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
      out.flush();
      stopRequested.join();
    } finally {
      server.close();
      stopped.countDown();
      removeHook(hook);
    }
    return 0;
  }

  private static NodeServer start(ObsidianSettings settings) {
    if (settings.persistence().journal() != JournalKind.EMBEDDED) {
      throw new UserInputException("obsidian.persistence.journal = " + settings.persistence().journal()
          + ": the sandbox runs on the embedded journal only (set it to \"embedded\" or unset OBSIDIAN_JOURNAL)");
    }
    try {
      return NodeServer.start(settings, NodeClock.system());
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof BindException bind) {
        throw new UserInputException(bind.getMessage()
            + " (choose another --port, or stop the process using it)", e);
      }
      throw e;
    }
  }

  private void stopOnShutdown(CountDownLatch stopped) {
    stopRequested.complete(null);
    try {
      stopped.await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A stop requested by a test (not by the JVM shutting down) must not leave the hook behind. */
  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already running the hook: nothing to remove.
    }
  }
}
