package dev.obsidian.node.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code obsidian sandbox}: a whole node in one JVM (actors, embedded journal, JSON-RPC). This class only
 * reads the flags; {@link SandboxRun} does the work, so that listing or parsing commands never loads Pekko.
 */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description = {
      "Run a single-node Obsidian chain in this process: node actors, embedded journal under the data "
          + "directory, JSON-RPC on the port.",
      "Prints one line \"ready <url> in <ms> ms\" once serving (ms since the JVM started). Ctrl-C stops it "
          + "cleanly; run it again on the same data directory to continue the chain.",
      "Settings: defaults, then --file, then OBSIDIAN_* variables, then these flags."
    })
final class SandboxCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ParentCommand ObsidianCli cli;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Directory of the journal and the trees "
      + "(obsidian.data-dir; default ./data).")
  Path dataDir;

  @Option(names = "--port", paramLabel = "PORT", description = "JSON-RPC port (obsidian.node.rpc-port; default "
      + "8080; 0 picks a free one).")
  Integer port;

  @Option(names = "--block-time", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Time between block-building attempts, e.g. 2s or 500ms (obsidian.sequencer.block-time-ms).")
  Duration blockTime;

  @Option(names = "--anvil-port", paramLabel = "PORT", description = "Port of the sandbox's own Anvil L1 "
      + "(obsidian.l1.anvil-port; default 8545; 0 picks a free one).")
  Integer anvilPort;

  @Option(names = "--proving", paramLabel = "on|off", description = "Prove blocks (obsidian.prover.enabled; default "
      + "off): on, each tx gets a Groth16 base rollup proof checked by the node before its block is proven (the first "
      + "start runs the INSECURE dev setup, about a minute); off, blocks are published but never proven.")
  String proving;

  @Option(names = "--file", paramLabel = "FILE", description = "A HOCON file overriding the defaults.")
  Path file;

  /** Completed to stop the sandbox: by the JVM's shutdown hook (Ctrl-C), or by a test. */
  final CompletableFuture<Void> stopRequested = new CompletableFuture<>();

  @Override
  public Integer call() {
    var effective = new SandboxSettings().dataDir(dataDir).port(port).blockTime(blockTime)
        .flag("--anvil-port", "obsidian.l1.anvil-port", anvilPort)
        .flag("--proving", "obsidian.prover.enabled", onOff(proving))
        .loadEffective(file, cli.environment());
    return new SandboxRun(spec.commandLine().getOut(), stopRequested, cli.environment()).run(effective);
  }

  private static Boolean onOff(String value) {
    if (value == null) {
      return null;
    }
    return switch (value) {
      case "on" -> true;
      case "off" -> false;
      default -> throw new UserInputException("--proving: expected on or off, got '" + value + "'");
    };
  }
}
