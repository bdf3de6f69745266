package dev.obsidian.actors.block;

import dev.obsidian.actors.tx.PublicDataWrite;
import dev.obsidian.actors.tx.TxEffects;
import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.merkle.MerkleTreeException;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.TreeInfo;
import dev.obsidian.merkle.WorldStateFork;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies tx effects to a fork the way Aztec's base rollup inserts them, and seals the block header.
 *
 * <p>Per tx: nullifiers as one subtree padded to MAX_NULLIFIERS_PER_TX (insertTxNullifiers), note hashes appended
 * padded with zeros to MAX_NOTE_HASHES_PER_TX (Aztec pads every tx's note hashes to 64 leaves), then public data
 * writes one by one. Each block appends its L1->L2 messages to the message tree as one subtree of
 * 2^L1_TO_L2_MSG_SUBTREE_HEIGHT leaves, zero-padded, even when it has none (Aztec's layout, so the Inbox's message index
 * {@code (block - 1) * 1024 + position} is the leaf index).
 */
public final class BlockBuilder {
  private BlockBuilder() {}

  /**
   * Tries to add one tx; a tx whose nullifier is already in the tree (or otherwise refused by the nullifier tree)
   * leaves the fork unchanged and the reason is returned.
   */
  public static Optional<String> tryApply(WorldStateFork fork, TxEffects effects) {
    try {
      fork.insertTxNullifiers(effects.nullifiers());
    } catch (MerkleTreeException | IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
    appendRest(fork, effects);
    return Optional.empty();
  }

  /** Applies a tx known to be valid (replay of a built block); any refusal is an invariant failure. */
  public static void apply(WorldStateFork fork, TxEffects effects) {
    tryApply(fork, effects).ifPresent(reason -> {
      throw new IllegalStateException("a journaled tx no longer applies: " + reason);
    });
  }

  private static void appendRest(WorldStateFork fork, TxEffects effects) {
    List<Fr> noteHashes = new ArrayList<>(Constants.MAX_NOTE_HASHES_PER_TX);
    noteHashes.addAll(effects.noteHashes());
    while (noteHashes.size() < Constants.MAX_NOTE_HASHES_PER_TX) {
      noteHashes.add(Fr.ZERO);
    }
    fork.appendLeaves(TreeId.NOTE_HASH, noteHashes);
    for (PublicDataWrite write : effects.publicDataWrites()) {
      fork.writePublicData(write.leafSlot(), write.value());
    }
  }

  /** Leaves of one block's L1->L2 message subtree. */
  public static final int L1_TO_L2_MESSAGES_PER_BLOCK = 1 << Constants.L1_TO_L2_MSG_SUBTREE_HEIGHT;

  /** Seals a block without L1->L2 messages (its message subtree is all zeros). */
  public static L2Block seal(WorldStateFork fork, GlobalVariables globals, List<TxEffect> txEffects) {
    return seal(fork, globals, txEffects, List.of());
  }

  /**
   * Appends the block's L1->L2 message subtree, seals the header over the fork's state and appends its hash to the
   * archive.
   */
  public static L2Block seal(WorldStateFork fork, GlobalVariables globals, List<TxEffect> txEffects,
      List<Fr> l1ToL2Messages) {
    insertL1ToL2Messages(fork, l1ToL2Messages);
    TreeInfo lastArchive = fork.treeInfo(TreeId.ARCHIVE);
    BlockHeader header = new BlockHeader(lastArchive, StateReference.of(fork), spongeHash(txEffects), globals,
        Fr.of(txEffects.stream().mapToLong(TxEffect::transactionFee).sum()), 0);
    fork.appendLeaves(TreeId.ARCHIVE, List.of(header.hash()));
    return new L2Block(header, fork.treeInfo(TreeId.ARCHIVE), txEffects, l1ToL2Messages);
  }

  /** The messages padded with zero leaves to the block's subtree, appended to the message tree. */
  public static void appendL1ToL2Messages(WorldStateFork fork, List<Fr> messages) {
    insertL1ToL2Messages(fork, messages);
  }

  static void insertL1ToL2Messages(WorldStateFork fork, List<Fr> messages) {
    if (messages.size() > L1_TO_L2_MESSAGES_PER_BLOCK) {
      throw new IllegalArgumentException("l1ToL2Messages has " + messages.size() + " messages, at most "
          + L1_TO_L2_MESSAGES_PER_BLOCK + " per block");
    }
    List<Fr> subtree = new ArrayList<>(L1_TO_L2_MESSAGES_PER_BLOCK);
    subtree.addAll(messages);
    while (subtree.size() < L1_TO_L2_MESSAGES_PER_BLOCK) {
      subtree.add(Fr.ZERO);
    }
    fork.appendLeaves(TreeId.L1_TO_L2_MESSAGE, subtree);
  }

  /** What Obsidian puts in spongeBlobHash (see {@link BlockHeader}). */
  static Fr spongeHash(List<TxEffect> txEffects) {
    if (txEffects.isEmpty()) {
      return Fr.ZERO;
    }
    return Poseidon2.hash(txEffects.stream().map(TxEffect::txHash).map(TxHash::value).toArray(Fr[]::new));
  }

  /**
   * Re-applies a journaled block to a fork of its parent and checks every root the block claims; throws
   * {@link IllegalStateException} naming the first difference.
   */
  public static void replay(WorldStateFork fork, L2Block block) {
    replay(fork, block, false);
  }

  /**
   * {@link #replay(WorldStateFork, L2Block)} that also returns the state after each tx, preceded by the state before
   * the first ({@code txCount + 1} references). Computing them costs a root of every changed tree per tx.
   */
  public static List<StateReference> replayWithTxStates(WorldStateFork fork, L2Block block) {
    return replay(fork, block, true);
  }

  private static List<StateReference> replay(WorldStateFork fork, L2Block block, boolean perTx) {
    TreeInfo archiveBefore = fork.treeInfo(TreeId.ARCHIVE);
    requireEqual("lastArchive", block.header().lastArchive(), archiveBefore, block);
    List<StateReference> states = new ArrayList<>(perTx ? block.txEffects().size() + 1 : 1);
    if (perTx) {
      states.add(StateReference.of(fork));
    }
    for (TxEffect effect : block.txEffects()) {
      apply(fork, effect.effects());
      if (perTx) {
        states.add(StateReference.of(fork));
      }
    }
    insertL1ToL2Messages(fork, block.l1ToL2Messages());
    StateReference end = StateReference.of(fork);
    requireEqual("state", block.header().state(), end, block);
    fork.appendLeaves(TreeId.ARCHIVE, List.of(block.hash()));
    requireEqual("archive", block.archive(), fork.treeInfo(TreeId.ARCHIVE), block);
    return states;
  }

  private static void requireEqual(String what, Object claimed, Object actual, L2Block block) {
    if (!claimed.equals(actual)) {
      throw new IllegalStateException("block " + block.number() + ": " + what + " mismatch, block says " + claimed
          + " but the trees give " + actual);
    }
  }
}
