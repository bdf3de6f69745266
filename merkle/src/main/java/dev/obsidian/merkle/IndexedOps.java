package dev.obsidian.merkle;

import dev.obsidian.crypto.field.Fr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Indexed-tree operations: leaves form a linked list sorted by key, and a new key is linked in after its low leaf
 * (the largest key below it). Follows Aztec 4.1.2 merkle-tree StandardIndexedTree (init, batchInsert) and
 * barretenberg's sequential insertion for public data.
 */
final class IndexedOps {
  private IndexedOps() {}

  /**
   * Fills an empty tree with {@code count} padding leaves 0..count-1, each pointing at the next, the last at (0, 0).
   * Padding leaves are hashed even when their key is 0.
   */
  static void prefill(TreeState tree, long count) {
    if (tree.size() != 0 || count < 1) {
      throw new IllegalStateException("prefill needs an empty tree and a count of at least 1");
    }
    List<Fr> hashes = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      boolean last = i == count - 1;
      IndexedLeaf leaf = tree.kind.padding(i).withNext(last ? Fr.ZERO : Fr.of(i + 1), last ? 0 : i + 1);
      tree.putLeaf(i, leaf);
      tree.putKey(leaf.key(), i);
      hashes.add(leaf.hash());
    }
    MerkleOps.append(tree, hashes);
  }

  /** The low leaf of {@code key} (or the leaf holding it) with its witness. */
  static LeafWitness lowLeafWitness(TreeState tree, Fr key) {
    TreeBase.KeyEntry low = requireLow(tree, key);
    return new LeafWitness(tree.leaf(low.index()), low.index(), MerkleOps.siblingPath(tree, low.index()));
  }

  /** Whether {@code key} is in the tree, by the low-leaf lookup. */
  static boolean contains(TreeState tree, Fr key) {
    TreeBase.KeyEntry low = tree.floor(key);
    return low != null && low.key().equals(key);
  }

  /**
   * Rejects a batch before anything is changed: a leaf of the wrong kind, a key twice in the batch, a nullifier
   * already in the tree, or more leaves than the tree has room for.
   */
  static void validateBatch(TreeState tree, List<IndexedLeaf> leaves) {
    MerkleOps.requireRoom(tree, leaves.size());
    Set<Fr> seen = new HashSet<>();
    for (int i = 0; i < leaves.size(); i++) {
      IndexedLeaf leaf = tree.kind.require(leaves.get(i), "leaves[" + i + "]");
      if (leaf.isEmpty()) {
        continue;
      }
      rejectRepeat(tree, seen, leaf, i);
      if (tree.kind == LeafKind.NULLIFIER && contains(tree, leaf.key())) {
        throw new DuplicateNullifierException(
            "leaves[" + i + "]: nullifier " + leaf.key() + " is already in the tree");
      }
    }
  }

  /**
   * Aztec's batch insertion: low leaves are updated in descending key order, each witness taken against the tree as
   * updated so far, then the new leaves are appended as one subtree in their original order (padding entries as the
   * zero hash). A key already present updates its leaf in place (public data) or fails (nullifiers).
   */
  static BatchInsertionResult batchInsert(TreeState tree, List<IndexedLeaf> leaves, int subtreeHeight) {
    int count = leaves.size();
    MerkleOps.requireRoom(tree, count);
    long firstNewIndex = tree.size();
    LeafWitness emptyWitness = emptyWitness(tree);
    LeafWitness[] witnesses = new LeafWitness[count];
    Arrays.fill(witnesses, emptyWitness);
    IndexedLeaf[] pending = new IndexedLeaf[count];
    Arrays.fill(pending, tree.kind.empty());
    List<Integer> order = descendingKeyOrder(leaves);
    Set<Fr> seen = new HashSet<>();
    for (int position = 0; position < count; position++) {
      int original = order.get(position);
      IndexedLeaf leaf = tree.kind.require(leaves.get(original), "leaves[" + original + "]");
      if (leaf.isEmpty()) {
        continue;
      }
      rejectRepeat(tree, seen, leaf, original);
      LeafWitness low = lowLeafWitness(tree, leaf.key());
      witnesses[position] = low;
      pending[original] = linkAfterLow(tree, low, leaf, firstNewIndex + original);
    }
    SiblingPath subtreePath = MerkleOps.siblingPath(tree, firstNewIndex).aboveSubtree(subtreeHeight);
    appendPending(tree, pending);
    return new BatchInsertionResult(
        Arrays.asList(witnesses),
        order.stream().map(leaves::get).toList(),
        order,
        subtreePath);
  }

  /**
   * Inserts one leaf at once: an existing key is updated in place without appending; a new key updates its low leaf
   * and is appended at the next index.
   */
  static SequentialInsertionResult sequentialInsert(TreeState tree, IndexedLeaf leaf) {
    tree.kind.require(leaf, "leaf");
    LeafWitness low = lowLeafWitness(tree, leaf.key());
    if (low.leaf().key().equals(leaf.key())) {
      updateInPlace(tree, low, leaf);
      return new SequentialInsertionResult(low, java.util.Optional.empty());
    }
    MerkleOps.requireRoom(tree, 1);
    long index = tree.size();
    IndexedLeaf linked = linkAfterLow(tree, low, leaf, index);
    SiblingPath path = MerkleOps.siblingPath(tree, index);
    tree.putLeaf(index, linked);
    tree.putKey(linked.key(), index);
    MerkleOps.append(tree, List.of(linked.hash()));
    return new SequentialInsertionResult(low, java.util.Optional.of(new LeafWitness(linked, index, path)));
  }

  /**
   * Points the low leaf at the new key (or updates it in place) and returns what goes into the new leaf's slot: the
   * new leaf inheriting the low leaf's successor, or the empty leaf after an update.
   */
  private static IndexedLeaf linkAfterLow(TreeState tree, LeafWitness low, IndexedLeaf leaf, long newIndex) {
    IndexedLeaf lowLeaf = low.leaf();
    if (lowLeaf.key().equals(leaf.key())) {
      updateInPlace(tree, low, leaf);
      return tree.kind.empty();
    }
    setLeaf(tree, low.index(), lowLeaf.withNext(leaf.key(), newIndex));
    return leaf.withNext(lowLeaf.nextKey(), lowLeaf.nextIndex());
  }

  private static void updateInPlace(TreeState tree, LeafWitness low, IndexedLeaf leaf) {
    if (leaf instanceof NullifierLeaf) {
      throw new DuplicateNullifierException(
          "nullifier " + leaf.key() + " is already in the tree at index " + Long.toUnsignedString(low.index()));
    }
    PublicDataLeaf existing = (PublicDataLeaf) low.leaf();
    setLeaf(tree, low.index(), existing.withValue(((PublicDataLeaf) leaf).value()));
  }

  private static void setLeaf(TreeState tree, long index, IndexedLeaf leaf) {
    tree.putLeaf(index, leaf);
    MerkleOps.updateLeaf(tree, index, leaf.hash());
  }

  /** Appends the pending subtree; a key-0 entry is padding and hashes to 0 (Aztec encodeLeaf with hash0Leaf=false). */
  private static void appendPending(TreeState tree, IndexedLeaf[] pending) {
    long first = tree.size();
    List<Fr> hashes = new ArrayList<>(pending.length);
    for (int i = 0; i < pending.length; i++) {
      IndexedLeaf leaf = pending[i];
      if (leaf.key().isZero()) {
        hashes.add(Fr.ZERO);
      } else {
        tree.putLeaf(first + i, leaf);
        tree.putKey(leaf.key(), first + i);
        hashes.add(leaf.hash());
      }
    }
    MerkleOps.append(tree, hashes);
  }

  private static void rejectRepeat(TreeState tree, Set<Fr> seen, IndexedLeaf leaf, int original) {
    if (seen.add(leaf.key())) {
      return;
    }
    String message = "key " + leaf.key() + " appears twice in one batch (leaves[" + original + "])";
    if (tree.kind == LeafKind.NULLIFIER) {
      throw new DuplicateNullifierException(message);
    }
    throw new DuplicateLeafKeyException(message);
  }

  /** Positions sorted by key, largest first; a stable sort keeps equal keys (padding) in batch order, as JS does. */
  private static List<Integer> descendingKeyOrder(List<IndexedLeaf> leaves) {
    List<Integer> order = new ArrayList<>(leaves.size());
    for (int i = 0; i < leaves.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing((Integer i) -> leaves.get(i).key()).reversed());
    return Collections.unmodifiableList(order);
  }

  private static TreeBase.KeyEntry requireLow(TreeState tree, Fr key) {
    TreeBase.KeyEntry low = tree.floor(key);
    if (low == null) {
      throw new IllegalStateException("indexed tree has no leaf at or below " + key + ": it was never prefilled");
    }
    return low;
  }

  /** Aztec's placeholder witness for padding entries: the empty leaf at index 0 with an all-zero path. */
  private static LeafWitness emptyWitness(TreeState tree) {
    return new LeafWitness(
        tree.kind.empty(), 0, new SiblingPath(Collections.nCopies(tree.height, Fr.ZERO)));
  }
}
