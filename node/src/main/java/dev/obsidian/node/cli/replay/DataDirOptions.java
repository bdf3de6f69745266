package dev.obsidian.node.cli.replay;

import dev.obsidian.actors.replay.ReplaySource;
import dev.obsidian.node.cli.UserInputException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a stopped or running node keeps its files (a picocli mixin of replay and state), and opening a copy of them. */
public final class DataDirOptions {
  @Option(names = "--data-dir", required = true, paramLabel = "D", description = "The node's data dir.")
  Path dataDir;

  @Option(names = "--store-dir", paramLabel = "S",
      description = "The node's Merkle store (default D/merkle, obsidian.merkle.store-path).")
  Path storeDir;

  /** Opens the private copy replay and state work on, turning a wrong data dir into a usage error. */
  ReplaySource open() {
    try {
      return storeDir == null ? ReplaySource.open(dataDir) : ReplaySource.open(dataDir, storeDir);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }
}
