package dev.obsidian.l1;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Sha;
import java.util.ArrayList;
import java.util.List;

/**
 * The root the Inbox gives one L2 block's message tree ({@code Inbox.root}): a SHA-256 tree (sha256ToField of left ||
 * right) of height {@link #HEIGHT} over the block's message hashes in index order, zero leaves after them.
 */
final class InboxTree {
  /** L1_TO_L2_MSG_SUBTREE_HEIGHT (Inbox.HEIGHT). */
  static final int HEIGHT = 10;

  private InboxTree() {}

  static Fr root(List<Fr> messages) {
    if (messages.size() > 1 << HEIGHT) {
      throw new IllegalArgumentException("a block's message tree holds at most " + (1 << HEIGHT) + " messages, got "
          + messages.size());
    }
    List<Fr> level = new ArrayList<>(messages);
    Fr zero = Fr.ZERO;
    for (int h = 0; h < HEIGHT; h++) {
      List<Fr> parents = new ArrayList<>((level.size() + 1) / 2);
      for (int i = 0; i < level.size(); i += 2) {
        parents.add(Sha.sha256ToField(level.get(i), i + 1 < level.size() ? level.get(i + 1) : zero));
      }
      zero = Sha.sha256ToField(zero, zero);
      level = parents;
    }
    return level.isEmpty() ? zero : level.get(0);
  }
}
