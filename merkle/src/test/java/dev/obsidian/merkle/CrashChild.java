package dev.obsidian.merkle;

import java.nio.file.Path;

/**
 * Child process of {@link WorldStateStoreCrashIT}: commits {@link TestBlocks} one block after another and prints
 * each committed block number, until it is killed or reaches the block limit.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) {
    Path directory = Path.of(args[0]);
    long lastBlock = Long.parseLong(args[1]);
    try (WorldStateStore store = WorldStateStore.open(directory, new StoreOptions(true, 0))) {
      System.out.println("opened " + store.latestBlock());
      while (store.latestBlock() < lastBlock) {
        try (WorldStateFork fork = store.fork()) {
          TestBlocks.apply(fork, fork.blockNumber() + 1, WorldStateStoreCrashIT.NULLIFIERS_PER_BLOCK);
          System.out.println("committed " + fork.commit());
        }
      }
    }
  }
}
