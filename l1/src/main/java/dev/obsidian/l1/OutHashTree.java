package dev.obsidian.l1;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Sha;
import java.util.ArrayList;
import java.util.List;

/**
 * A block's L2->L1 message tree as the Outbox checks it: a balanced SHA-256 (sha256ToField of left || right) tree
 * over the message hashes in block order, padded with zero leaves to 2^height, height = ceil(log2(count)). No message:
 * root zero (nothing to consume). Obsidian's own layout: Aztec 4.1.2 nests per-tx subtrees in a wonky tree.
 */
public record OutHashTree(List<Fr> leaves, int height, List<List<Fr>> levels) {

  public static OutHashTree of(List<Fr> messageHashes) {
    int height = 0;
    while ((1 << height) < messageHashes.size()) {
      height++;
    }
    List<List<Fr>> levels = new ArrayList<>();
    List<Fr> level = new ArrayList<>(messageHashes);
    while (level.size() < (1 << height)) {
      level.add(Fr.ZERO);
    }
    levels.add(List.copyOf(level));
    while (level.size() > 1) {
      List<Fr> parents = new ArrayList<>(level.size() / 2);
      for (int i = 0; i < level.size(); i += 2) {
        parents.add(Sha.sha256ToField(level.get(i), level.get(i + 1)));
      }
      level = parents;
      levels.add(List.copyOf(level));
    }
    return new OutHashTree(List.copyOf(messageHashes), height, List.copyOf(levels));
  }

  public Fr root() {
    return leaves.isEmpty() ? Fr.ZERO : levels.get(levels.size() - 1).get(0);
  }

  /** Sibling path of leaf {@code index}, bottom first. */
  public List<Fr> path(int index) {
    if (index < 0 || index >= leaves.size()) {
      throw new IllegalArgumentException("leaf index " + index + " is outside [0, " + leaves.size() + ")");
    }
    List<Fr> path = new ArrayList<>(height);
    int position = index;
    for (int level = 0; level < height; level++) {
      path.add(levels.get(level).get(position ^ 1));
      position >>= 1;
    }
    return path;
  }
}
