package dev.obsidian.merkle;

import dev.obsidian.crypto.field.Fr;
import java.util.Optional;

/** The five trees exactly as committed at one block; immutable, safe to share between threads. Close when done. */
public final class WorldStateSnapshot implements WorldStateReader, AutoCloseable {
  private final StoreView view;
  private final Trees trees;

  WorldStateSnapshot(StoreView view) {
    this.view = view;
    this.trees = new Trees(view::treeBase);
  }

  @Override
  public long blockNumber() {
    return view.version();
  }

  @Override
  public synchronized TreeInfo treeInfo(TreeId tree) {
    return view.meta(tree);
  }

  @Override
  public synchronized Fr leafHash(TreeId tree, long index) {
    return trees.leafHash(tree, index);
  }

  @Override
  public synchronized SiblingPath siblingPath(TreeId tree, long index) {
    return trees.siblingPath(tree, index);
  }

  @Override
  public synchronized Optional<IndexedLeaf> indexedLeaf(TreeId tree, long index) {
    return trees.indexedLeaf(tree, index);
  }

  @Override
  public synchronized LeafWitness lowLeafWitness(TreeId tree, Fr key) {
    return trees.lowLeafWitness(tree, key);
  }

  @Override
  public synchronized boolean containsKey(TreeId tree, Fr key) {
    return trees.containsKey(tree, key);
  }

  @Override
  public void close() {
    view.close();
  }
}
