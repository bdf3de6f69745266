package dev.obsidian.merkle;

import dev.obsidian.crypto.field.Fr;
import java.util.List;

/**
 * An in-memory append-only Merkle tree of any height 1..64 with Aztec's hashing (empty leaf 0, node =
 * Poseidon2.hash2(left, right)). Not thread-safe. For persistent, versioned trees use {@link WorldStateStore}.
 */
public final class AppendOnlyTree {
  private final TreeState state;

  public AppendOnlyTree(int height) {
    state = new TreeState(height, LeafKind.HASH, TreeBase.EMPTY);
  }

  /** Root of an empty tree of the given height (0..64). */
  public static Fr emptyRoot(int height) {
    if (height < 0 || height > EmptyRoots.MAX_HEIGHT) {
      throw new IllegalArgumentException("height " + height + " is outside 0.." + EmptyRoots.MAX_HEIGHT);
    }
    return EmptyRoots.at(height);
  }

  public int height() {
    return state.height;
  }

  public long size() {
    return state.size();
  }

  public Fr root() {
    return state.root();
  }

  public void append(List<Fr> leaves) {
    MerkleOps.append(state, leaves);
  }

  public Fr leaf(long index) {
    MerkleOps.requireIndex(state, index, "index");
    return state.node(0, index);
  }

  public SiblingPath siblingPath(long index) {
    return MerkleOps.siblingPath(state, index);
  }
}
