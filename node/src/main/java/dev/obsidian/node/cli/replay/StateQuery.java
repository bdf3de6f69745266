package dev.obsidian.node.cli.replay;

import dev.obsidian.actors.replay.BlockReplayer.StateRead;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.merkle.IndexedLeaf;
import dev.obsidian.merkle.LeafWitness;
import dev.obsidian.merkle.NullifierLeaf;
import dev.obsidian.merkle.PublicDataLeaf;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.TreeInfo;
import dev.obsidian.node.cli.UserInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What {@code obsidian state} reads at a block, rendered as text or JSON. */
sealed interface StateQuery {
  String run(StateRead read, boolean json);

  /** Tree names as the CLI spells them, in Aztec's MerkleTreeId order. */
  List<TreeId> TREES = List.of(TreeId.NULLIFIER, TreeId.NOTE_HASH, TreeId.PUBLIC_DATA, TreeId.L1_TO_L2_MESSAGE,
      TreeId.ARCHIVE);

  static String cliName(TreeId tree) {
    return switch (tree) {
      case NULLIFIER -> "nullifier";
      case NOTE_HASH -> "note-hash";
      case PUBLIC_DATA -> "public-data";
      case L1_TO_L2_MESSAGE -> "l1-to-l2";
      case ARCHIVE -> "archive";
    };
  }

  record Roots(long block) implements StateQuery {
    @Override
    public String run(StateRead read, boolean json) {
      if (json) {
        Json trees = Json.object();
        TREES.forEach(tree -> trees.raw(cliName(tree), Json.tree(read.trees().treeInfo(tree))));
        return Json.object().put("block", block).put("source", read.source()).raw("trees", trees.build()).build();
      }
      List<String> lines = new ArrayList<>();
      lines.add("block " + block + " (" + read.source() + ")");
      for (TreeId tree : TREES) {
        TreeInfo info = read.trees().treeInfo(tree);
        lines.add(String.format("%-12s %s %d", cliName(tree), info.root(), info.size()));
      }
      return String.join(System.lineSeparator(), lines);
    }
  }

  record Leaf(long block, TreeId tree, long index) implements StateQuery {
    @Override
    public String run(StateRead read, boolean json) {
      long size = read.trees().treeInfo(tree).size();
      if (index >= size) {
        throw new UserInputException("--leaf " + index + " is beyond the " + cliName(tree) + " tree, which holds "
            + size + " leaves at block " + block);
      }
      Fr hash = read.trees().leafHash(tree, index);
      Optional<IndexedLeaf> preimage = tree.isIndexed() ? read.trees().indexedLeaf(tree, index) : Optional.empty();
      if (json) {
        Json out = Json.object().put("block", block).put("tree", cliName(tree)).put("index", index).put("leaf", hash);
        preimage.ifPresent(p -> out.raw("preimage", preimageJson(p)));
        return out.build();
      }
      return cliName(tree) + "[" + index + "] at block " + block + ": " + hash
          + preimage.map(p -> System.lineSeparator() + "  preimage " + preimageText(p)).orElse("");
    }

    private static String preimageJson(IndexedLeaf leaf) {
      Json out = Json.object();
      if (leaf instanceof PublicDataLeaf p) {
        out.put("slot", p.slot()).put("value", p.value());
      } else {
        out.put("nullifier", ((NullifierLeaf) leaf).nullifier());
      }
      return out.put("nextKey", leaf.nextKey()).put("nextIndex", leaf.nextIndex()).build();
    }

    private static String preimageText(IndexedLeaf leaf) {
      String key = leaf instanceof PublicDataLeaf p ? "slot " + p.slot() + " value " + p.value()
          : "nullifier " + leaf.key();
      return key + " next " + leaf.nextKey() + " @ " + leaf.nextIndex();
    }
  }

  record PublicSlot(long block, Fr contract, Fr slot) implements StateQuery {
    @Override
    public String run(StateRead read, boolean json) {
      Fr leafSlot = StateCommand.leafSlot(contract, slot);
      Optional<LeafWitness> witness = read.trees().membershipWitness(TreeId.PUBLIC_DATA, leafSlot);
      Fr value = witness.map(w -> ((PublicDataLeaf) w.leaf()).value()).orElse(Fr.ZERO);
      if (json) {
        return Json.object().put("block", block).put("contract", contract).put("slot", slot).put("leafSlot", leafSlot)
            .put("value", value).raw("leafIndex", witness.map(w -> Long.toString(w.index())).orElse("null")).build();
      }
      return value + " (leaf slot " + leafSlot + ", "
          + witness.map(w -> "leaf " + w.index()).orElse("never written: reads as 0") + ", block " + block + ")";
    }
  }
}
