package dev.obsidian.actors.block;

import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.merkle.TreeInfo;
import java.util.List;

/**
 * A built block: its header, the archive after its header hash was appended, its txs' effects in order, and the
 * L1->L2 messages it inserted into the message tree (the Inbox tree of this block number, in leaf order; the tree
 * gets them padded with zeros to a subtree of 2^L1_TO_L2_MSG_SUBTREE_HEIGHT leaves).
 *
 * @param archive the archive tree including this block (Aztec L2Block.archive)
 * @param l1ToL2Messages message leaf hashes; journals written before schema 2 read as none
 */
public record L2Block(BlockHeader header, TreeInfo archive, List<TxEffect> txEffects, List<Fr> l1ToL2Messages) {
  public L2Block {
    if (header == null || archive == null || txEffects == null) {
      throw new IllegalArgumentException("header, archive and txEffects must be present");
    }
    txEffects = List.copyOf(txEffects);
    l1ToL2Messages = l1ToL2Messages == null ? List.of() : List.copyOf(l1ToL2Messages);
  }

  /** A block without L1->L2 messages. */
  public L2Block(BlockHeader header, TreeInfo archive, List<TxEffect> txEffects) {
    this(header, archive, txEffects, List.of());
  }

  /** This block with {@code messages} as its L1->L2 messages (what a follower adds from L1). */
  public L2Block withL1ToL2Messages(List<Fr> messages) {
    return new L2Block(header, archive, txEffects, messages);
  }

  public long number() {
    return header.blockNumber();
  }

  public Fr hash() {
    return header.hash();
  }

  public List<TxHash> txHashes() {
    return txEffects.stream().map(TxEffect::txHash).toList();
  }
}
