package dev.obsidian.node.rpc;

import java.nio.file.Path;

/** Another node runs on this data directory (its lock file is held). */
public final class DataDirInUseException extends IllegalStateException {

  DataDirInUseException(Path dataDir) {
    super("the data directory " + dataDir + " is in use by another running node (" + DataDirLock.FILE_NAME
        + " is locked)");
  }
}
