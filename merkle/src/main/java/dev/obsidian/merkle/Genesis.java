package dev.obsidian.merkle;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;
import dev.obsidian.crypto.protocol.Constants;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Builds Aztec 4.1.2's genesis world state: the indexed trees prefilled with their padding leaves, the other trees
 * empty, and the archive holding the genesis block header hash at leaf 0.
 *
 * <p>The genesis header is {@code BlockHeader.empty({state: initialStateReference})} (world-state
 * native_world_state.ts buildInitialHeader): every field zero except the state reference, hashed as
 * {@code poseidon2HashWithSeparator(header.toFields(), DomainSeparator.BLOCK_HEADER_HASH)} (stdlib
 * tx/block_header.ts). Field order: lastArchive(root, size), state = l1ToL2MessageTree, noteHashTree, nullifierTree,
 * publicDataTree (root, size each), spongeBlobHash, globalVariables (9 fields), totalFees, totalManaUsed.
 */
final class Genesis {
  /** BLOCK_HEADER_LENGTH of @aztec/constants 4.1.2 constants.gen.ts. */
  private static final int BLOCK_HEADER_LENGTH = 22;
  /** GLOBAL_VARIABLES_LENGTH of @aztec/constants 4.1.2 constants.gen.ts. */
  private static final int GLOBAL_VARIABLES_LENGTH = 9;
  private Genesis() {}

  static Trees build() {
    Trees trees = new Trees(tree -> TreeBase.EMPTY);
    for (TreeId tree : TreeId.values()) {
      if (tree.isIndexed()) {
        IndexedOps.prefill(trees.state(tree), tree.prefillSize());
      }
    }
    MerkleOps.append(trees.state(TreeId.ARCHIVE), List.of(headerHash(trees)));
    return trees;
  }

  static Fr headerHash(Trees trees) {
    List<Fr> fields = new ArrayList<>(1 + BLOCK_HEADER_LENGTH);
    fields.add(Fr.of(Constants.DomainSeparator.BLOCK_HEADER_HASH.value()));
    fields.addAll(List.of(Fr.ZERO, Fr.ZERO)); // lastArchive: AppendOnlyTreeSnapshot.empty()
    for (TreeId tree :
        List.of(TreeId.L1_TO_L2_MESSAGE, TreeId.NOTE_HASH, TreeId.NULLIFIER, TreeId.PUBLIC_DATA)) {
      TreeInfo info = trees.info(tree);
      fields.add(info.root());
      fields.add(IndexedLeaf.indexField(info.size()));
    }
    fields.add(Fr.ZERO); // spongeBlobHash
    fields.addAll(Collections.nCopies(GLOBAL_VARIABLES_LENGTH, Fr.ZERO));
    fields.addAll(List.of(Fr.ZERO, Fr.ZERO)); // totalFees, totalManaUsed
    if (fields.size() != 1 + BLOCK_HEADER_LENGTH) {
      throw new IllegalStateException("genesis header has " + (fields.size() - 1) + " fields, expected 22");
    }
    return Poseidon2.hash(fields.toArray(Fr[]::new));
  }
}
