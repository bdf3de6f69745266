package dev.obsidian.merkle;

import dev.obsidian.crypto.field.Fr;

/**
 * Aztec 4.1.2 protocol constants the trees use, from yarn-project/constants/src/constants.gen.ts of @aztec/constants
 * 4.1.2 (generated from noir-projects/noir-protocol-circuits/crates/types/src/constants.nr). Temporary holder: to be
 * replaced by dev.obsidian.crypto.protocol.Constants once the protocol module provides them.
 */
final class AztecConstants {
  static final int NOTE_HASH_TREE_HEIGHT = 42;
  static final int NULLIFIER_TREE_HEIGHT = 42;
  static final int PUBLIC_DATA_TREE_HEIGHT = 40;
  static final int L1_TO_L2_MSG_TREE_HEIGHT = 36;
  static final int ARCHIVE_HEIGHT = 30;
  static final int MAX_NULLIFIERS_PER_TX = 64;
  static final int NULLIFIER_SUBTREE_HEIGHT = 6;
  static final int MAX_TOTAL_PUBLIC_DATA_UPDATE_REQUESTS_PER_TX = 64;
  static final int PUBLIC_DATA_SUBTREE_HEIGHT = 6;
  /** world-state native_world_state_instance.ts: prefill = 2 * MAX_NULLIFIERS_PER_TX. */
  static final int INITIAL_NULLIFIER_TREE_SIZE = 2 * MAX_NULLIFIERS_PER_TX;
  /** world-state native_world_state_instance.ts: prefill = 2 * MAX_TOTAL_PUBLIC_DATA_UPDATE_REQUESTS_PER_TX. */
  static final int INITIAL_PUBLIC_DATA_TREE_SIZE = 2 * MAX_TOTAL_PUBLIC_DATA_UPDATE_REQUESTS_PER_TX;
  /** DomainSeparator.BLOCK_HEADER_HASH. */
  static final long DOM_SEP_BLOCK_HEADER_HASH = 4195546849L;
  static final int BLOCK_HEADER_LENGTH = 22;
  static final int GLOBAL_VARIABLES_LENGTH = 9;
  static final Fr GENESIS_BLOCK_HEADER_HASH =
      Fr.parse("21694244557328181932449230888455310614586084993178835904749768133365362325861");
  static final Fr GENESIS_ARCHIVE_ROOT =
      Fr.parse("9682850228538071369704502076456077473410427336083826595120404283897422804423");

  private AztecConstants() {}
}
