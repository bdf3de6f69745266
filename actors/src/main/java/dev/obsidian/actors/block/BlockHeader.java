package dev.obsidian.actors.block;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.ProtocolHashes;
import dev.obsidian.merkle.TreeInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * An L2 block header with Aztec 4.1.2's members and field order (stdlib tx/block_header.ts, BLOCK_HEADER_LENGTH = 22):
 * lastArchive (root, size), state reference (4 x root, size), spongeBlobHash, globals (9), totalFees, totalManaUsed.
 * Its hash is {@code poseidon2HashWithSeparator(toFields(), BLOCK_HEADER_HASH)} as in Aztec, checked against
 * GENESIS_BLOCK_HEADER_HASH; the hash is appended to the archive tree.
 *
 * <p>Difference: Aztec's spongeBlobHash absorbs the block's blob fields; Obsidian publishes no blobs yet and puts the
 * Poseidon2 hash of the block's tx hashes there (zero for a block without txs), so the header still commits to its
 * transactions.
 *
 * @param lastArchive the archive tree before this block's header was appended
 * @param state the four state trees after this block's effects
 */
public record BlockHeader(
    TreeInfo lastArchive,
    StateReference state,
    Fr spongeBlobHash,
    GlobalVariables globals,
    Fr totalFees,
    long totalManaUsed) {

  static final int LENGTH = 22;

  public BlockHeader {
    if (lastArchive == null || state == null || spongeBlobHash == null || globals == null || totalFees == null) {
      throw new IllegalArgumentException("lastArchive, state, spongeBlobHash, globals and totalFees must be present");
    }
    if (totalManaUsed < 0) {
      throw new IllegalArgumentException("totalManaUsed must not be negative, got " + totalManaUsed);
    }
  }

  /**
   * The genesis header (block 0): empty archive, the genesis state, zero globals and fees; its hash is
   * GENESIS_BLOCK_HEADER_HASH and the archive's first leaf.
   */
  public static BlockHeader genesis(StateReference genesisState) {
    return new BlockHeader(new TreeInfo(Fr.ZERO, 0), genesisState, Fr.ZERO, GlobalVariables.empty(), Fr.ZERO, 0);
  }

  public long blockNumber() {
    return globals.blockNumber();
  }

  public List<Fr> toFields() {
    List<Fr> fields = new ArrayList<>(LENGTH);
    fields.add(lastArchive.root());
    fields.add(Fr.of(lastArchive.size()));
    fields.addAll(state.toFields());
    fields.add(spongeBlobHash);
    fields.addAll(globals.toFields());
    fields.add(totalFees);
    fields.add(Fr.of(totalManaUsed));
    return fields;
  }

  public Fr hash() {
    return ProtocolHashes.hashWithSeparator(Constants.DomainSeparator.BLOCK_HEADER_HASH, toFields().toArray(Fr[]::new));
  }
}
