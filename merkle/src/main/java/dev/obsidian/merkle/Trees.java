package dev.obsidian.merkle;

import dev.obsidian.crypto.field.Fr;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The five tree states of one fork or snapshot and the read operations on them. */
final class Trees {
  private final Map<TreeId, TreeState> states = new EnumMap<>(TreeId.class);

  Trees(Function<TreeId, TreeBase> bases) {
    for (TreeId tree : TreeId.values()) {
      states.put(tree, new TreeState(tree.height(), tree.kind(), bases.apply(tree)));
    }
  }

  TreeState state(TreeId tree) {
    return states.get(tree);
  }

  TreeState indexed(TreeId tree) {
    if (!tree.isIndexed()) {
      throw new IllegalArgumentException("tree " + tree + " is not an indexed tree");
    }
    return states.get(tree);
  }

  TreeState appendOnly(TreeId tree) {
    if (tree.isIndexed()) {
      throw new IllegalArgumentException(
          "tree " + tree + " is an indexed tree: insert leaves with batchInsert or writePublicData, not append");
    }
    return states.get(tree);
  }

  TreeInfo info(TreeId tree) {
    TreeState state = states.get(tree);
    return new TreeInfo(state.root(), state.size());
  }

  Fr leafHash(TreeId tree, long index) {
    TreeState state = states.get(tree);
    MerkleOps.requireIndex(state, index, "index");
    return state.node(0, index);
  }

  SiblingPath siblingPath(TreeId tree, long index) {
    return MerkleOps.siblingPath(states.get(tree), index);
  }

  Optional<IndexedLeaf> indexedLeaf(TreeId tree, long index) {
    TreeState state = indexed(tree);
    MerkleOps.requireIndex(state, index, "index");
    return Optional.ofNullable(state.leaf(index));
  }

  boolean containsKey(TreeId tree, Fr key) {
    return IndexedOps.contains(indexed(tree), key);
  }

  LeafWitness lowLeafWitness(TreeId tree, Fr key) {
    return IndexedOps.lowLeafWitness(indexed(tree), key);
  }
}
