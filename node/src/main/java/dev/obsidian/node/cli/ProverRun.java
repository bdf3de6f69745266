package dev.obsidian.node.cli;

import com.typesafe.config.ConfigFactory;
import dev.obsidian.actors.ProverCluster;
import dev.obsidian.actors.ProverWorker;
import dev.obsidian.circuits.groth16.KeyStore;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.prover.Groth16BlockProver;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/** Runs {@code obsidian prover}: loads the keys, joins the node's cluster, serves jobs until asked to stop. */
final class ProverRun {
  private final PrintWriter out;
  private final CompletableFuture<Void> stopRequested;
  private final Map<String, String> environment;

  ProverRun(PrintWriter out, CompletableFuture<Void> stopRequested, Map<String, String> environment) {
    this.out = out;
    this.stopRequested = stopRequested;
    this.environment = environment;
  }

  int run(ObsidianSettings settings, String joinHost, int joinPort, String host, int port) {
    int workers = settings.prover().workers();
    if (workers < 1) {
      throw new UserInputException("--workers: a prover process needs at least 1 worker, got " + workers);
    }
    java.io.PrintStream log = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
        java.nio.charset.StandardCharsets.UTF_8);
    Groth16BlockProver prover = Groth16BlockProver.load(
        new KeyStore(settings.prover().resolvedKeyDir(environment), log), settings.prover().maxBaseCapacity(),
        settings.prover().maxBlockTxs(), log);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), ProverCluster.SYSTEM_NAME,
        ProverCluster.memberConfig(host, port, "prover").withFallback(ConfigFactory.load()));
    Thread hook = new Thread(() -> stopRequested.complete(null), "obsidian-prover-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      ProverCluster.join(system, joinHost, joinPort);
      for (int i = 0; i < workers; i++) {
        system.systemActorOf(ProverWorker.create(prover), "prover-worker-" + i,
            Props.empty().withDispatcherFromConfig("obsidian.prover-dispatcher"));
      }
      out.println("prover ready: " + workers + " workers joined " + joinHost + ":" + joinPort + " as "
          + system.address());
      out.flush();
      stopRequested.join();
    } finally {
      system.terminate();
      try {
        system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        out.println("the prover did not stop within 30 s: " + e.getMessage());
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is running the hook
      }
    }
    return 0;
  }
}
