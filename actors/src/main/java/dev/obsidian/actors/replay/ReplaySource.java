package dev.obsidian.actors.replay;

import dev.obsidian.merkle.StoreOptions;
import dev.obsidian.merkle.WorldStateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A private, throw-away copy of a node's data dir for replay and inspection: the journal ({@code journal/}) and, when
 * present, the world-state store. The node's own files are only read (copied); whatever replay opens, locks or
 * writes is the copy, deleted on {@link #close()}. Works on a stopped node and on a running one (a point-in-time
 * copy; the store may then be a block ahead of or behind the journal, which replay handles).
 */
public final class ReplaySource implements AutoCloseable {
  /** The store's directory inside a data dir by default ({@code obsidian.merkle.store-path}). */
  public static final String DEFAULT_STORE_PATH = "merkle";

  private final Path dataDir;
  private final Path storeDir;
  private final Path copyRoot;
  private NodeJournal journal;
  private WorldStateStore store;
  private boolean storeOpened;

  private ReplaySource(Path dataDir, Path storeDir, Path copyRoot) {
    this.dataDir = dataDir;
    this.storeDir = storeDir;
    this.copyRoot = copyRoot;
  }

  /** The data dir {@code dataDir} with its store in the default place. */
  public static ReplaySource open(Path dataDir) {
    return open(dataDir, dataDir.resolve(DEFAULT_STORE_PATH));
  }

  public static ReplaySource open(Path dataDir, Path storeDir) {
    if (!Files.isDirectory(dataDir)) {
      throw new IllegalArgumentException("data dir " + dataDir + " does not exist or is not a directory");
    }
    try {
      return new ReplaySource(dataDir.toAbsolutePath().normalize(), storeDir.toAbsolutePath().normalize(),
          Files.createTempDirectory("obsidian-replay-"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for the copy: " + e.getMessage(), e);
    }
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The journal, read from a copy on first use. */
  public synchronized NodeJournal journal() {
    if (journal == null) {
      Path copy = copyRoot.resolve("data");
      DataDirCopy.copy(dataDir.resolve("journal"), copy.resolve("journal"));
      journal = NodeJournal.readEmbedded(copy);
    }
    return journal;
  }

  /** A copy of the store, opened on first use; empty if the data dir has none. Never pruned, never committed to. */
  public synchronized Optional<WorldStateStore> store() {
    if (!storeOpened) {
      storeOpened = true;
      if (Files.isDirectory(storeDir) && Files.isRegularFile(storeDir.resolve("CURRENT"))) {
        Path copy = copyRoot.resolve("store");
        DataDirCopy.copy(storeDir, copy);
        store = WorldStateStore.open(copy, new StoreOptions(false, 0));
      }
    }
    return Optional.ofNullable(store);
  }

  @Override
  public synchronized void close() {
    if (store != null) {
      store.close();
    }
    try {
      DataDirCopy.deleteRecursively(copyRoot);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the replay copy " + copyRoot + ": " + e.getMessage(), e);
    }
  }
}
