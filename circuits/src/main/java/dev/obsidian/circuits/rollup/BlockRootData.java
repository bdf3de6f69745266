package dev.obsidian.circuits.rollup;

import dev.obsidian.crypto.field.Fr;
import java.util.List;
import java.util.Objects;

/**
 * What the block root needs from a block besides the trees.
 *
 * @param previousHeader the parent block header's 22 fields ({@code BlockHeader.toFields()}; for block 1 the genesis
 *     header), whose hash is the archive's last leaf
 * @param globals the block's 9 global variables ({@code GlobalVariables.toFields()}; [2] is the block number)
 * @param totalManaUsed the header's totalManaUsed
 * @param txs the block's txs in order
 * @param l1ToL2Messages the L1-to-L2 message leaves the block inserts (at most
 *     {@link BlockRootCircuit#L1_TO_L2_MESSAGE_CAPACITY}; empty: the message tree is unchanged)
 * @param effectsKey K = keccak256(published effects bytes) mod r, as the Rollup computes it from the calldata
 */
public record BlockRootData(List<Fr> previousHeader, List<Fr> globals, Fr totalManaUsed, List<BlockTx> txs,
    List<Fr> l1ToL2Messages, Fr effectsKey) {
  public BlockRootData {
    previousHeader = List.copyOf(previousHeader);
    globals = List.copyOf(globals);
    txs = List.copyOf(txs);
    l1ToL2Messages = List.copyOf(l1ToL2Messages);
    Objects.requireNonNull(totalManaUsed, "totalManaUsed");
    Objects.requireNonNull(effectsKey, "effectsKey");
    if (previousHeader.size() != BlockRootCircuit.HEADER_LENGTH) {
      throw new IllegalArgumentException("previousHeader must have " + BlockRootCircuit.HEADER_LENGTH
          + " fields, got " + previousHeader.size());
    }
    if (globals.size() != BlockRootCircuit.GLOBALS_LENGTH) {
      throw new IllegalArgumentException("globals must have " + BlockRootCircuit.GLOBALS_LENGTH + " fields, got "
          + globals.size());
    }
    if (l1ToL2Messages.size() > BlockRootCircuit.L1_TO_L2_MESSAGE_CAPACITY) {
      throw new IllegalArgumentException("l1ToL2Messages has " + l1ToL2Messages.size() + " messages, more than "
          + BlockRootCircuit.L1_TO_L2_MESSAGE_CAPACITY);
    }
  }

  public long blockNumber() {
    return globals.get(2).toBigInteger().longValueExact();
  }

  /** The published fields (the calldata's words; {@link PublishedEffects#fields}). */
  public List<Fr> publishedFields() {
    return PublishedEffects.fields(txs);
  }
}
