package dev.obsidian.actors;

import java.nio.file.Path;

/** Another node (or a tool such as an H2 console) holds a lock in this data dir. */
public final class DataDirInUseException extends IllegalStateException {

  /** @param holder who holds it, as the message should say ("another node", ...) */
  DataDirInUseException(Path dataDir, Path heldFile, String holder) {
    super("data dir " + dataDir.toAbsolutePath() + " is in use: " + heldFile.toAbsolutePath() + " is locked by "
        + holder + ". Stop it or give this node another --data-dir");
  }
}
