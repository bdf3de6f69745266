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
 * One node per data dir: a lock on {@code data-dir/store.lock} held while the node's journal and Merkle store are open,
 * taken before anything is opened (the sandbox's NodeServer takes {@code node.lock} before that, for its port and RPC
 * system; this one guards every NodeGuardian user: in-process load tests, tests, tools). Without it a second node on the same data dir waited a minute for H2's file lock and failed with no useful
 * message. Also probes the journal's H2 file, which another process (an H2 console, a node of an older build) may
 * hold. OS locks are released when the process dies, so a killed node leaves nothing to clean up.
 */
final class DataDirLock implements AutoCloseable {
  static final String FILE_NAME = "store.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * @param journalFile the H2 journal file (may not exist yet)
   * @throws IllegalStateException naming the data dir and the held lock
   */
  static DataDirLock acquire(Path dataDir, Path journalFile) {
    Path lockFile = dataDir.resolve(FILE_NAME);
    FileChannel channel = null;
    try {
      Files.createDirectories(dataDir);
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        throw new IllegalStateException("data dir " + dataDir.toAbsolutePath() + " is in use by another node: its lock "
            + lockFile.toAbsolutePath() + " is held. Stop that node or give this one another --data-dir");
      }
      DataDirLock held = new DataDirLock(channel, lock);
      try {
        requireUnlocked(dataDir, journalFile);
      } catch (RuntimeException e) {
        held.close();
        throw e;
      }
      return held;
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
        throw new IllegalStateException("data dir " + dataDir.toAbsolutePath() + ": the journal file "
            + journalFile.toAbsolutePath() + " is locked by another process (another node or an H2 tool); stop it first");
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
