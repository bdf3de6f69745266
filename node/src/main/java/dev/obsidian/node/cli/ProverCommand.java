package dev.obsidian.node.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code obsidian prover --join HOST:PORT}: proving workers in this process for a node in another one. This class
 * only reads the flags; {@link ProverRun} does the work, so listing commands never loads Pekko.
 */
@Command(
    name = "prover",
    mixinStandardHelpOptions = true,
    description = {
      "Run proving workers for a node elsewhere: join the node's cluster port (obsidian.prover.cluster-port) and "
          + "register the workers with its Receptionist; the node sends them base rollup jobs and verifies every "
          + "proof they return.",
      "Prints \"prover ready: N workers joined HOST:PORT as ADDRESS\". Ctrl-C stops it; jobs it held are retried "
          + "elsewhere by the node.",
      "Settings (key directory, largest base variant, workers): defaults, then --file, then OBSIDIAN_* variables, "
          + "then these flags."
    })
final class ProverCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ParentCommand ObsidianCli cli;

  @Option(names = "--join", required = true, paramLabel = "HOST:PORT",
      description = "The node's cluster address (its obsidian.prover.cluster-host and -port).")
  String join;

  @Option(names = "--host", paramLabel = "HOST", description = "Address this process listens on and is reached at "
      + "by the node (default 127.0.0.1).")
  String host;

  @Option(names = "--port", paramLabel = "PORT", description = "Port this process listens on (default 0: any free).")
  Integer port;

  @Option(names = "--workers", paramLabel = "N", description = "Workers in this process (obsidian.prover.workers).")
  Integer workers;

  @Option(names = "--max-base-capacity", paramLabel = "N", description = "Largest base rollup variant to load "
      + "(obsidian.prover.max-base-capacity: 2, 8 or 64); jobs for larger ones fail here and go elsewhere.")
  Integer maxBaseCapacity;

  @Option(names = "--max-block-txs", paramLabel = "N", description = "Block-root variants to load "
      + "(obsidian.prover.max-block-txs, 1..16): keys up to the smallest of 1, 4, 16 holding N txs.")
  Integer maxBlockTxs;

  @Option(names = "--key-dir", paramLabel = "DIR", description = "Key directory (obsidian.prover.key-dir; default "
      + "the shared cache). Must hold the node's keys, or the dev setup makes the same deterministic dev keys.")
  Path keyDir;

  @Option(names = "--file", paramLabel = "FILE", description = "A HOCON file overriding the defaults.")
  Path file;

  /** Completed to stop: by the JVM's shutdown hook (Ctrl-C), or by a test. */
  final CompletableFuture<Void> stopRequested = new CompletableFuture<>();

  @Override
  public Integer call() {
    int colon = join.lastIndexOf(':');
    int joinPort;
    try {
      joinPort = colon > 0 ? Integer.parseInt(join.substring(colon + 1)) : -1;
    } catch (NumberFormatException e) {
      joinPort = -1;
    }
    if (joinPort < 1 || joinPort > 65535) {
      throw new UserInputException("--join: expected HOST:PORT with a port in [1, 65535], got '" + join + "'");
    }
    if (port != null && (port < 0 || port > 65535)) {
      throw new UserInputException("--port: must be in [0, 65535], got " + port);
    }
    var settings = new SandboxSettings()
        .flag("--workers", "obsidian.prover.workers", workers)
        .flag("--max-base-capacity", "obsidian.prover.max-base-capacity", maxBaseCapacity)
        .flag("--max-block-txs", "obsidian.prover.max-block-txs", maxBlockTxs)
        .flag("--key-dir", "obsidian.prover.key-dir", keyDir == null ? null : keyDir.toAbsolutePath().toString())
        .loadEffective(file, cli.environment()).settings();
    return new ProverRun(spec.commandLine().getOut(), stopRequested, cli.environment())
        .run(settings, join.substring(0, colon), joinPort, host == null ? "127.0.0.1" : host, port == null ? 0 : port);
  }
}
