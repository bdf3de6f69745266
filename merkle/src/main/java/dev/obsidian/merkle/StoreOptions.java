package dev.obsidian.merkle;

/**
 * Settings of a {@link WorldStateStore}.
 *
 * @param syncWrites fsync the write-ahead log on every commit, so a committed block survives power loss, not only a
 *     process crash
 * @param historyBlocks how many of the newest blocks stay readable as snapshots; older ones are pruned after each
 *     commit. 0 keeps every block.
 */
public record StoreOptions(boolean syncWrites, long historyBlocks) {
  public StoreOptions {
    if (historyBlocks < 0) {
      throw new IllegalArgumentException("historyBlocks must be 0 (keep all) or positive, got " + historyBlocks);
    }
  }

  public static StoreOptions defaults() {
    return new StoreOptions(true, 0);
  }
}
