package dev.obsidian.merkle;

import dev.obsidian.crypto.protocol.Constants;

/**
 * The five world-state trees with Aztec 4.1.2 heights, leaf kinds and prefill sizes. The id is Aztec's MerkleTreeId
 * value and is persisted in store keys, so it never changes.
 */
public enum TreeId {
  NULLIFIER(0, Constants.NULLIFIER_TREE_HEIGHT, LeafKind.NULLIFIER, Constants.INITIAL_NULLIFIER_TREE_SIZE),
  NOTE_HASH(1, Constants.NOTE_HASH_TREE_HEIGHT, LeafKind.HASH, 0),
  PUBLIC_DATA(
      2, Constants.PUBLIC_DATA_TREE_HEIGHT, LeafKind.PUBLIC_DATA, Constants.INITIAL_PUBLIC_DATA_TREE_SIZE),
  L1_TO_L2_MESSAGE(3, Constants.L1_TO_L2_MSG_TREE_HEIGHT, LeafKind.HASH, 0),
  ARCHIVE(4, Constants.ARCHIVE_HEIGHT, LeafKind.HASH, 0);

  private final int id;
  private final int height;
  private final LeafKind kind;
  private final int prefillSize;

  TreeId(int id, int height, LeafKind kind, int prefillSize) {
    this.id = id;
    this.height = height;
    this.kind = kind;
    this.prefillSize = prefillSize;
  }

  /** Aztec's MerkleTreeId number. */
  public int id() {
    return id;
  }

  public int height() {
    return height;
  }

  /** Whether the tree holds indexed-leaf preimages (nullifier, public data) rather than plain hashes. */
  public boolean isIndexed() {
    return kind.isIndexed();
  }

  /** Number of padding leaves the genesis tree starts with (0 for append-only trees). */
  public int prefillSize() {
    return prefillSize;
  }

  LeafKind kind() {
    return kind;
  }

  /** Parses a CLI-style name: note-hash, nullifier, public-data, l1-to-l2, archive. */
  public static TreeId fromName(String name) {
    return switch (name) {
      case "note-hash" -> NOTE_HASH;
      case "nullifier" -> NULLIFIER;
      case "public-data" -> PUBLIC_DATA;
      case "l1-to-l2" -> L1_TO_L2_MESSAGE;
      case "archive" -> ARCHIVE;
      default ->
          throw new IllegalArgumentException(
              "tree '" + name + "' is unknown: expected note-hash, nullifier, public-data, l1-to-l2 or archive");
    };
  }
}
