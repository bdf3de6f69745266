package dev.obsidian.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The world-state Merkle node store ({@code obsidian.merkle.*}).
 *
 * @param storeDirectory directory of the RocksDB node store, already resolved against the data directory
 * @param historyBlocks past blocks whose tree snapshots are kept; 0 keeps all
 * @param rocksdbCacheSize size of the RocksDB block cache
 */
public record MerkleSettings(Path storeDirectory, int historyBlocks, ByteSize rocksdbCacheSize) {

  /** 0 means "keep every block's snapshot". */
  public static final int KEEP_ALL_HISTORY = 0;

  public static final ByteSize MIN_CACHE_SIZE = ByteSize.ofMebibytes(1);
  public static final ByteSize MAX_CACHE_SIZE = ByteSize.ofGibibytes(64);

  public MerkleSettings {
    Objects.requireNonNull(storeDirectory, "storeDirectory");
    Check.inRange("historyBlocks", historyBlocks, KEEP_ALL_HISTORY, Integer.MAX_VALUE);
    Check.inRange("rocksdbCacheSize", rocksdbCacheSize, MIN_CACHE_SIZE, MAX_CACHE_SIZE);
  }

  public boolean keepsAllHistory() {
    return historyBlocks == KEEP_ALL_HISTORY;
  }
}
