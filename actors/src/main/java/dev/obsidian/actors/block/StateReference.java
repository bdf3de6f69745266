package dev.obsidian.actors.block;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.TreeInfo;
import dev.obsidian.merkle.WorldStateReader;
import java.util.ArrayList;
import java.util.List;

/** Root and size of the four state trees after a block (stdlib tx/state_reference.ts: l1ToL2, then the partial state). */
public record StateReference(TreeInfo l1ToL2MessageTree, TreeInfo noteHashTree, TreeInfo nullifierTree, TreeInfo publicDataTree) {
  public StateReference {
    if (l1ToL2MessageTree == null || noteHashTree == null || nullifierTree == null || publicDataTree == null) {
      throw new IllegalArgumentException("every tree snapshot of a state reference must be present");
    }
  }

  public static StateReference of(WorldStateReader state) {
    return new StateReference(
        state.treeInfo(TreeId.L1_TO_L2_MESSAGE),
        state.treeInfo(TreeId.NOTE_HASH),
        state.treeInfo(TreeId.NULLIFIER),
        state.treeInfo(TreeId.PUBLIC_DATA));
  }

  public List<Fr> toFields() {
    List<Fr> fields = new ArrayList<>(8);
    for (TreeInfo tree : List.of(l1ToL2MessageTree, noteHashTree, nullifierTree, publicDataTree)) {
      fields.add(tree.root());
      fields.add(Fr.of(tree.size()));
    }
    return fields;
  }
}
