package dev.obsidian.actors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One node per data dir: an exclusive OS lock on a file in the data dir, taken before anything in it is opened.
 * {@link NodeGuardian} holds {@code store.lock} while the journal and Merkle store are open (every NodeGuardian user:
 * the sandbox, in-process load tests, tests, tools) and also probes the journal's H2 file, which another process (an
 * H2 console, a node of an older build) may hold; the sandbox's server holds {@code node.lock} before that, for its
 * port and its L1 (whose pidfile would otherwise let a second sandbox stop the first one's Anvil). Without them a
 * second node on the same data dir waited a minute for H2's file lock and failed with no useful message. OS locks are
 * released when the process dies, so a killed node leaves nothing to clean up.
 */
public final class DataDirLock implements AutoCloseable {
  static final String FILE_NAME = "store.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * @param journalFile the H2 journal file (may not exist yet)
   * @throws DataDirInUseException naming the data dir and the held lock
   */
  static DataDirLock acquire(Path dataDir, Path journalFile) {
    DataDirLock held = acquire(dataDir, FILE_NAME);
    try {
      requireUnlocked(dataDir, journalFile);
    } catch (IOException e) {
      held.close();
      throw new UncheckedIOException("cannot probe the journal file " + journalFile + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      held.close();
      throw e;
    }
    return held;
  }

  /**
   * Locks {@code dataDir/fileName}, creating the directory and the file if needed.
   *
   * @throws DataDirInUseException if another node, in any process or in this JVM, holds it
   */
  public static DataDirLock acquire(Path dataDir, String fileName) {
    Path lockFile = dataDir.resolve(fileName);
    FileChannel channel = null;
    try {
      Files.createDirectories(dataDir);
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        throw new DataDirInUseException(dataDir, lockFile, "another node");
      }
      return new DataDirLock(channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("cannot lock data dir " + dataDir.toAbsolutePath() + " (" + lockFile + "): "
          + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (channel != null && channel.isOpen()) {
        closeQuietly(channel);
      }
      throw e;
    }
  }

  private static void requireUnlocked(Path dataDir, Path journalFile) throws IOException {
    if (!Files.exists(journalFile)) {
      return;
    }
    try (FileChannel journal = FileChannel.open(journalFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock probe = tryLock(journal);
      if (probe == null) {
        throw new DataDirInUseException(dataDir, journalFile, "another process (a node or an H2 tool)");
      }
      probe.release();
    }
  }

  /** Null when another process, or another channel of this JVM, holds the lock. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing held that closing could leak
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the data dir lock: " + e.getMessage(), e);
    }
  }
}
