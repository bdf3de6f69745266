package dev.obsidian.node.cli.replay;

import dev.obsidian.actors.replay.ReplaySource;
import dev.obsidian.node.cli.UserInputException;
import java.nio.file.Path;

/** Opens the copy replay and state work on, turning a wrong data dir into a usage error. */
final class Sources {
  private Sources() {}

  static ReplaySource open(Path dataDir, Path storeDir) {
    try {
      return storeDir == null ? ReplaySource.open(dataDir) : ReplaySource.open(dataDir, storeDir);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }
}
