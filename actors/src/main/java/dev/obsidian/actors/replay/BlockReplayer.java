package dev.obsidian.actors.replay;

import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.StateReference;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.TreeInfo;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.merkle.WorldStateReader;
import dev.obsidian.merkle.WorldStateSnapshot;
import dev.obsidian.merkle.WorldStateStore;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Re-executes journaled blocks against the state before them and reads the trees at past blocks, all on a
 * {@link ReplaySource} copy. The state at block M is the store's snapshot of M when the store still has it (checked
 * against the journal's block M first); otherwise the newest store snapshot below M, or genesis, with the journal's
 * blocks replayed onto an in-memory fork up to M, every root checked on the way.
 */
public final class BlockReplayer {
  private final ReplaySource source;

  public BlockReplayer(ReplaySource source) {
    this.source = source;
  }

  /**
   * Re-executes block {@code number} against the state at {@code number - 1}.
   *
   * @throws IllegalArgumentException if the journal holds no such block
   */
  public BlockReplay replay(long number) {
    NodeJournal journal = source.journal();
    L2Block block = journal.block(number);
    Optional<Divergence> inputs = InputCheck.first(journal, block);
    try (Base base = base(number - 1)) {
      if (base.divergence.isPresent()) {
        return new BlockReplay(number, block.hash(), block.txEffects().size(), base.description, StateReference.of(base.fork),
            java.util.List.of(), Optional.empty(), Optional.empty(), base.divergence);
      }
      return BlockCheck.replayWithDiffs(base.fork, block, base.description, inputs);
    }
  }

  /** Every journaled block from 1 to the latest, each against its parent; the first divergence stops it. */
  public Optional<Divergence> replayAll() {
    NodeJournal journal = source.journal();
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis()) {
      for (L2Block block : journal.blocks()) {
        Optional<Divergence> found = InputCheck.first(journal, block).or(() -> BlockCheck.replayRoots(fork, block));
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Runs {@code read} on the five trees at block {@code number}: the store's snapshot if it has the block, else the
   * journal replayed into memory (throwing {@link IllegalStateException} on a divergence on the way).
   */
  public <T> T readAt(long number, Function<StateRead, T> read) {
    Optional<WorldStateStore> store = source.store();
    if (store.isPresent() && hasSnapshot(store.get(), number)) {
      try (WorldStateSnapshot snapshot = store.get().snapshot(number)) {
        return read.apply(new StateRead(snapshot, "the store's snapshot of block " + number));
      }
    }
    if (number < 0 || number > source.journal().latestBlockNumber()) {
      throw new IllegalArgumentException("block " + number + " is beyond the chain, whose latest block is "
          + source.journal().latestBlockNumber());
    }
    try (Base base = base(number)) {
      base.divergence.ifPresent(d -> {
        throw new IllegalStateException("the journal does not replay to block " + number + ": " + d.describe());
      });
      return read.apply(new StateRead(base.fork, base.description));
    }
  }

  /** The trees at a block and where they came from. */
  public record StateRead(WorldStateReader trees, String source) {}

  private static boolean hasSnapshot(WorldStateStore store, long number) {
    return number >= store.oldestAvailableBlock() && number <= store.latestBlock();
  }

  /** A fork at block {@code number} and how it was obtained, or the divergence that stopped it. */
  private record Base(WorldStateFork fork, String description, Optional<Divergence> divergence) implements AutoCloseable {
    @Override
    public void close() {
      fork.close();
    }
  }

  private Base base(long number) {
    NodeJournal journal = source.journal();
    Optional<WorldStateStore> store = source.store();
    long from = store.isPresent() && store.get().oldestAvailableBlock() <= number && store.get().latestBlock() >= 1
        ? Math.min(number, store.get().latestBlock())
        : 0;
    if (from == 0) {
      return replayOnto(WorldStateFork.inMemoryGenesis(), 0, number, "genesis");
    }
    WorldStateFork fork = store.get().fork(from);
    Optional<Divergence> storeMismatch = storeAgrees(fork, journal.block(from));
    if (storeMismatch.isPresent()) {
      return new Base(fork, "the store's snapshot of block " + from, storeMismatch);
    }
    return replayOnto(fork, from, number, "the store's snapshot of block " + from);
  }

  private Base replayOnto(WorldStateFork fork, long from, long to, String start) {
    NodeJournal journal = source.journal();
    for (long n = from + 1; n <= to; n++) {
      Optional<Divergence> found = BlockCheck.replayRoots(fork, journal.block(n));
      if (found.isPresent()) {
        return new Base(fork, start + ", then the journal replayed to block " + (n - 1), found);
      }
    }
    return new Base(fork, from == to ? start : start + ", then the journal's blocks " + (from + 1) + ".." + to
        + " replayed in memory", Optional.empty());
  }

  /** The store's state at a block must be the one the journal's block claims. */
  private static Optional<Divergence> storeAgrees(WorldStateReader store, L2Block block) {
    StateReference claimed = block.header().state();
    StateReference stored = StateReference.of(store);
    String[] names = {"l1ToL2MessageTree", "noteHashTree", "nullifierTree", "publicDataTree"};
    TreeInfo[] journaled = {claimed.l1ToL2MessageTree(), claimed.noteHashTree(), claimed.nullifierTree(), claimed.publicDataTree()};
    TreeInfo[] actual = {stored.l1ToL2MessageTree(), stored.noteHashTree(), stored.nullifierTree(), stored.publicDataTree()};
    for (int i = 0; i < names.length; i++) {
      if (!journaled[i].equals(actual[i])) {
        return Optional.of(new Divergence(block.number(), OptionalInt.empty(), "header.state." + names[i],
            journaled[i].toString(), actual[i] + " (in the node's store)"));
      }
    }
    TreeInfo archive = store.treeInfo(TreeId.ARCHIVE);
    return archive.equals(block.archive()) ? Optional.empty()
        : Optional.of(new Divergence(block.number(), OptionalInt.empty(), "archive", block.archive().toString(),
            archive + " (in the node's store)"));
  }
}
