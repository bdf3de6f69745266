package dev.obsidian.merkle;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An uncommitted, in-memory overlay of the five trees over a committed block, for building the next block. Commit it
 * (atomically, as the next block) or discard it; several forks may be open at once, but only a fork of the latest
 * block can commit. Operations that fail validation leave the fork unchanged.
 */
public final class WorldStateFork implements WorldStateReader, AutoCloseable {
  private enum Status {
    OPEN,
    COMMITTED,
    DISCARDED
  }

  private final WorldStateStore store;
  private final StoreView view;
  private final long baseBlock;
  private final Trees trees;
  private Status status = Status.OPEN;

  WorldStateFork(WorldStateStore store, StoreView view, long baseBlock, Trees trees) {
    this.store = store;
    this.view = view;
    this.baseBlock = baseBlock;
    this.trees = trees;
  }

  /** Aztec's genesis world state in memory, detached from any store: it can be read and written, not committed. */
  public static WorldStateFork inMemoryGenesis() {
    return new WorldStateFork(null, null, 0, Genesis.build());
  }

  @Override
  public long blockNumber() {
    return baseBlock;
  }

  @Override
  public synchronized TreeInfo treeInfo(TreeId tree) {
    requireOpen();
    return trees.info(tree);
  }

  @Override
  public synchronized Fr leafHash(TreeId tree, long index) {
    requireOpen();
    return trees.leafHash(tree, index);
  }

  @Override
  public synchronized SiblingPath siblingPath(TreeId tree, long index) {
    requireOpen();
    return trees.siblingPath(tree, index);
  }

  @Override
  public synchronized Optional<IndexedLeaf> indexedLeaf(TreeId tree, long index) {
    requireOpen();
    return trees.indexedLeaf(tree, index);
  }

  @Override
  public synchronized LeafWitness lowLeafWitness(TreeId tree, Fr key) {
    requireOpen();
    return trees.lowLeafWitness(tree, key);
  }

  @Override
  public synchronized boolean containsKey(TreeId tree, Fr key) {
    requireOpen();
    return trees.containsKey(tree, key);
  }

  /** Appends leaf hashes to an append-only tree (note hash, L1-to-L2 message, archive). */
  public synchronized void appendLeaves(TreeId tree, List<Fr> leaves) {
    requireOpen();
    MerkleOps.append(trees.appendOnly(tree), leaves);
  }

  /** Aztec's batch insertion into an indexed tree (see {@link BatchInsertionResult}). */
  public synchronized BatchInsertionResult batchInsert(
      TreeId tree, List<? extends IndexedLeaf> leaves, int subtreeHeight) {
    requireOpen();
    TreeState state = trees.indexed(tree);
    if (subtreeHeight < 0 || subtreeHeight > tree.height()) {
      throw new IllegalArgumentException(
          "subtreeHeight " + subtreeHeight + " is outside 0.." + tree.height() + " for tree " + tree);
    }
    List<IndexedLeaf> copy = List.copyOf(leaves);
    IndexedOps.validateBatch(state, copy);
    return IndexedOps.batchInsert(state, copy, subtreeHeight);
  }

  /**
   * Inserts one transaction's nullifiers as Aztec's base rollup does: padded with zeros to MAX_NULLIFIERS_PER_TX (64)
   * and inserted as a subtree of height NULLIFIER_SUBTREE_HEIGHT (6).
   */
  public BatchInsertionResult insertTxNullifiers(List<Fr> nullifiers) {
    if (nullifiers.size() > Constants.MAX_NULLIFIERS_PER_TX) {
      throw new IllegalArgumentException(
          "nullifiers has "
              + nullifiers.size()
              + " entries, more than MAX_NULLIFIERS_PER_TX = "
              + Constants.MAX_NULLIFIERS_PER_TX);
    }
    List<NullifierLeaf> padded = new ArrayList<>(Constants.MAX_NULLIFIERS_PER_TX);
    nullifiers.forEach(nullifier -> padded.add(NullifierLeaf.of(nullifier)));
    while (padded.size() < Constants.MAX_NULLIFIERS_PER_TX) {
      padded.add(NullifierLeaf.EMPTY);
    }
    return batchInsert(TreeId.NULLIFIER, padded, Constants.NULLIFIER_SUBTREE_HEIGHT);
  }

  /** Writes a public data slot: updated in place if present, else inserted after its low leaf. */
  public synchronized SequentialInsertionResult writePublicData(Fr slot, Fr value) {
    requireOpen();
    return IndexedOps.sequentialInsert(trees.indexed(TreeId.PUBLIC_DATA), PublicDataLeaf.write(slot, value));
  }

  /**
   * Inserts a nullifier on its own (not as a padded subtree), e.g. for the nullifiers public execution emits.
   *
   * @throws DuplicateNullifierException if it is already in the tree
   */
  public synchronized SequentialInsertionResult insertNullifier(Fr nullifier) {
    requireOpen();
    return IndexedOps.sequentialInsert(trees.indexed(TreeId.NULLIFIER), NullifierLeaf.of(nullifier));
  }

  /**
   * Commits this fork atomically as block {@code blockNumber() + 1} and closes it.
   *
   * @return the new block number
   * @throws StaleForkException if another fork committed since this one was created
   */
  public long commit() {
    synchronized (this) {
      requireOpen();
      if (store == null) {
        throw new IllegalStateException("an in-memory fork has no store to commit to");
      }
    }
    long committed = store.commit(this);
    synchronized (this) {
      status = Status.COMMITTED;
      view.close();
    }
    return committed;
  }

  /** Drops every uncommitted change; the store is untouched. */
  public synchronized void discard() {
    if (status == Status.OPEN) {
      status = Status.DISCARDED;
      if (view != null) {
        view.close();
      }
    }
  }

  @Override
  public void close() {
    discard();
  }

  Trees trees() {
    return trees;
  }

  StoreView view() {
    return view;
  }

  private void requireOpen() {
    if (status != Status.OPEN) {
      throw new IllegalStateException("fork of block " + baseBlock + " is " + status.name().toLowerCase());
    }
  }
}
