package dev.obsidian.node.cli;

import dev.obsidian.actors.NodeClock;
import com.typesafe.config.ConfigException;
import dev.obsidian.config.EffectiveConfig;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.actors.DataDirInUseException;
import dev.obsidian.node.rpc.NodeServer;
import dev.obsidian.node.rpc.RpcLimits;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import dev.obsidian.l1.L1Exception;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Runs the sandbox until asked to stop, then stops the server and the node in order. */
final class SandboxRun {

  /** How long Ctrl-C waits for the node to stop before the JVM exits anyway. */
  private static final long STOP_TIMEOUT_SECONDS = 60;

  private final PrintWriter out;
  private final CompletableFuture<Void> stopRequested;
  private final Map<String, String> environment;

  SandboxRun(PrintWriter out, CompletableFuture<Void> stopRequested, Map<String, String> environment) {
    this.out = out;
    this.stopRequested = stopRequested;
    this.environment = environment;
  }

  int run(EffectiveConfig effective) {
    NodeServer server = start(effective.settings(), rpcLimits(effective), environment);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> stopOnShutdown(stopped), "obsidian-sandbox-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      boolean checked = server.l1().checksProofs();
      out.println((effective.settings().prover().enabled()
          ? "proving on: a Groth16 base rollup proof per tx and a block-root proof per block (INSECURE dev keys "
              + "unless imported), verified by the node"
          : "proving off (--proving on to prove): blocks are published but never proven")
          + "; blocks are published to the L1 Rollup at " + server.l1().contracts().rollup() + " on "
          + server.l1().rpcUrl() + (checked ? ", which checks their proofs: a block is proven once L1 accepted it"
              : " but not proof-checked there"));
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

  private static RpcLimits rpcLimits(EffectiveConfig effective) {
    try {
      return RpcLimits.fromConfig(effective.config(), effective.settings().limits());
    } catch (IllegalArgumentException | ConfigException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }

  private static NodeServer start(ObsidianSettings settings, RpcLimits limits, Map<String, String> environment) {
    try {
      return NodeServer.start(settings, limits, NodeClock.system(), environment);
    } catch (L1Exception e) {
      throw new UserInputException("L1: " + e.getMessage(), e);
    } catch (DataDirInUseException e) {
      throw new UserInputException(e.getMessage() + " (stop it, or choose another --data-dir)", e);
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
