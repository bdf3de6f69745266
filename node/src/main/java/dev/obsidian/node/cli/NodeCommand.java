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
 * {@code obsidian node --follow}: a node that rebuilds the chain from an L1 Rollup alone and serves its JSON-RPC
 * reads. This class only reads the flags; {@link FollowerRun} does the work.
 */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = {
      "Run a node. With --follow (the only mode so far; a sequencing node is `obsidian sandbox`): no sequencer and "
          + "no mempool; every L2 block is rebuilt from the Rollup's L1 calldata, checked against the roots L1 "
          + "recorded, applied to this node's own trees and served over the same JSON-RPC.",
      "Prints \"ready <url> in <ms> ms\" once serving, and \"synced N blocks in X s (Y blocks/s)\" each time it "
          + "catches up with L1. A block that does not check out stops it (exit 1, FOLLOWER HALTED: ...).",
      "Settings: defaults, then --file, then OBSIDIAN_* variables, then these flags."
    })
final class NodeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ParentCommand ObsidianCli cli;

  @Option(names = "--follow", description = "Follow an L1 Rollup (required).")
  boolean follow;

  @Option(names = "--l1-rpc-url", paramLabel = "URL", description = "JSON-RPC URL of the L1 node "
      + "(obsidian.l1.rpc-url).")
  String l1RpcUrl;

  @Option(names = "--rollup", paramLabel = "ADDRESS", description = "Address of the Rollup contract to follow.")
  String rollup;

  @Option(names = "--from-l1-block", paramLabel = "N", description = "The Rollup's deployment block (default: "
      + "found by bisecting eth_getCode).")
  Long fromL1Block;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Directory of the follower's journal and trees "
      + "(obsidian.data-dir; default ./data).")
  Path dataDir;

  @Option(names = "--port", paramLabel = "PORT", description = "JSON-RPC port (obsidian.node.rpc-port; default "
      + "8080; 0 picks a free one).")
  Integer port;

  @Option(names = "--file", paramLabel = "FILE", description = "A HOCON file overriding the defaults.")
  Path file;

  /** Completed to stop the node: by the JVM's shutdown hook (Ctrl-C), or by a test. */
  final CompletableFuture<Void> stopRequested = new CompletableFuture<>();

  @Override
  public Integer call() {
    if (!follow) {
      throw new UserInputException("obsidian node runs a follower only: add --follow (a sequencing node is "
          + "`obsidian sandbox`)");
    }
    if (l1RpcUrl == null || l1RpcUrl.isBlank()) {
      throw new UserInputException("--l1-rpc-url is required with --follow: the L1 node to follow");
    }
    if (rollup == null || !rollup.matches("0x[0-9a-fA-F]{40}")) {
      throw new UserInputException("--rollup must be the Rollup contract's address (0x and 40 hex digits), got "
          + rollup);
    }
    if (fromL1Block != null && fromL1Block < 0) {
      throw new UserInputException("--from-l1-block must not be negative, got " + fromL1Block);
    }
    var effective = new SandboxSettings().dataDir(dataDir).port(port)
        .flag("--l1-rpc-url", "obsidian.l1.rpc-url", l1RpcUrl)
        .loadEffective(file, cli.environment());
    return new FollowerRun(spec.commandLine().getOut(), spec.commandLine().getErr(), stopRequested)
        .run(effective, rollup, fromL1Block);
  }
}
