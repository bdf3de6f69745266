package dev.obsidian.merkle;

import dev.obsidian.crypto.field.Fr;

/**
 * A tree's root and its number of leaves (the next free index): Aztec's AppendOnlyTreeSnapshot(root,
 * nextAvailableLeafIndex).
 */
public record TreeInfo(Fr root, long size) {
  public TreeInfo {
    if (root == null) {
      throw new IllegalArgumentException("root must not be null");
    }
  }
}
