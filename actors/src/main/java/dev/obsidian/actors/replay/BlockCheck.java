package dev.obsidian.actors.replay;

import dev.obsidian.actors.block.BlockBuilder;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.StateReference;
import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.actors.tx.PublicDataWrite;
import dev.obsidian.actors.tx.TxEffects;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;
import dev.obsidian.merkle.LeafWitness;
import dev.obsidian.merkle.PublicDataLeaf;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.TreeInfo;
import dev.obsidian.merkle.WorldStateFork;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Re-executes one journaled block on a fork holding the state at its parent, with the node's own block code
 * ({@link BlockBuilder#tryApply}), and compares every root the block claims: the archive it builds on, the four state
 * trees after its txs, the header fields derived from its txs, and the archive after its header hash is appended.
 * Leaves the fork at the re-executed state of the block (unless a tx no longer applies).
 */
final class BlockCheck {
  private final WorldStateFork fork;
  private final L2Block block;
  private final boolean captureDiffs;
  private final List<TxDiff> diffs = new ArrayList<>();
  private Divergence first;
  private StateReference endState;

  private BlockCheck(WorldStateFork fork, L2Block block, boolean captureDiffs, Optional<Divergence> earlier) {
    this.fork = fork;
    this.block = block;
    this.captureDiffs = captureDiffs;
    this.first = earlier.orElse(null);
  }

  /** Roots only: for rebuilding the state under the block of interest. */
  static Optional<Divergence> replayRoots(WorldStateFork fork, L2Block block) {
    BlockCheck check = new BlockCheck(fork, block, false, Optional.empty());
    check.run();
    return Optional.ofNullable(check.first);
  }

  /** Every check with per-tx diffs; {@code inputDivergence} is what {@link InputCheck} found before execution. */
  static BlockReplay replayWithDiffs(WorldStateFork fork, L2Block block, String baseSource,
      Optional<Divergence> inputDivergence) {
    StateReference start = StateReference.of(fork);
    BlockCheck check = new BlockCheck(fork, block, true, inputDivergence);
    boolean completed = check.run();
    return new BlockReplay(block.number(), block.hash(), block.txEffects().size(), baseSource, start, check.diffs,
        Optional.ofNullable(check.endState),
        completed ? Optional.of(fork.treeInfo(TreeId.ARCHIVE)) : Optional.empty(),
        Optional.ofNullable(check.first));
  }

  /** False if a tx no longer applies, which leaves the fork mid-block. */
  private boolean run() {
    compareTree("header.lastArchive", block.header().lastArchive(), fork.treeInfo(TreeId.ARCHIVE));
    List<TxEffect> txs = block.txEffects();
    for (int i = 0; i < txs.size(); i++) {
      if (!applyTx(i, txs.get(i))) {
        return false;
      }
    }
    BlockBuilder.appendL1ToL2Messages(fork, block.l1ToL2Messages());
    endState = StateReference.of(fork);
    compareState(block.header().state(), endState);
    compare(OptionalInt.empty(), "header.spongeBlobHash", block.header().spongeBlobHash(), spongeHash(txs));
    compare(OptionalInt.empty(), "header.totalFees", block.header().totalFees(),
        Fr.of(txs.stream().mapToLong(TxEffect::transactionFee).sum()));
    fork.appendLeaves(TreeId.ARCHIVE, List.of(block.hash()));
    compareTree("archive", block.archive(), fork.treeInfo(TreeId.ARCHIVE));
    return true;
  }

  private boolean applyTx(int index, TxEffect tx) {
    TxEffects effects = tx.effects();
    long firstNullifierLeaf = fork.treeInfo(TreeId.NULLIFIER).size();
    long firstNoteHashLeaf = fork.treeInfo(TreeId.NOTE_HASH).size();
    List<Optional<Fr>> oldValues = captureDiffs
        ? effects.publicDataWrites().stream().map(w -> slotValue(w.leafSlot())).toList()
        : List.of();
    Optional<String> refused = BlockBuilder.tryApply(fork, effects);
    if (refused.isPresent()) {
      record(new Divergence(block.number(), OptionalInt.of(index), "txs[" + index + "].effects.nullifiers",
          "a tx that applies to the state before it", "refused: " + refused.get()));
      return false;
    }
    if (captureDiffs) {
      diffs.add(diff(index, tx, firstNullifierLeaf, firstNoteHashLeaf, oldValues));
    }
    return true;
  }

  private TxDiff diff(int index, TxEffect tx, long firstNullifierLeaf, long firstNoteHashLeaf, List<Optional<Fr>> oldValues) {
    TxEffects effects = tx.effects();
    List<TxDiff.Leaf> nullifiers = new ArrayList<>();
    for (Fr nullifier : effects.nullifiers()) {
      long leaf = fork.membershipWitness(TreeId.NULLIFIER, nullifier).map(LeafWitness::index).orElseThrow(
          () -> new IllegalStateException("nullifier " + nullifier + " is not in the tree right after its insertion"));
      nullifiers.add(new TxDiff.Leaf(leaf, nullifier));
    }
    List<TxDiff.Leaf> noteHashes = new ArrayList<>();
    for (int j = 0; j < effects.noteHashes().size(); j++) {
      noteHashes.add(new TxDiff.Leaf(firstNoteHashLeaf + j, effects.noteHashes().get(j)));
    }
    List<TxDiff.SlotWrite> writes = new ArrayList<>();
    for (int j = 0; j < effects.publicDataWrites().size(); j++) {
      PublicDataWrite write = effects.publicDataWrites().get(j);
      LeafWitness after = fork.membershipWitness(TreeId.PUBLIC_DATA, write.leafSlot()).orElseThrow(
          () -> new IllegalStateException("public slot " + write.leafSlot() + " is not in the tree right after its write"));
      Optional<Fr> old = oldValues.get(j);
      writes.add(new TxDiff.SlotWrite(write.leafSlot(), old.orElse(Fr.ZERO), write.value(), old.isEmpty(), after.index()));
    }
    return new TxDiff(index, tx.txHash(), nullifiers, noteHashes, writes, effects.l2ToL1Messages(),
        effects.privateLogs(), effects.publicLogs(), StateReference.of(fork));
  }

  private Optional<Fr> slotValue(Fr leafSlot) {
    return fork.membershipWitness(TreeId.PUBLIC_DATA, leafSlot).map(w -> ((PublicDataLeaf) w.leaf()).value());
  }

  /** The header's spongeBlobHash as Obsidian defines it (see BlockHeader): Poseidon2 of the tx hashes, 0 if none. */
  private static Fr spongeHash(List<TxEffect> txs) {
    return txs.isEmpty() ? Fr.ZERO
        : Poseidon2.hash(txs.stream().map(tx -> tx.txHash().value()).toArray(Fr[]::new));
  }

  private void compareState(StateReference journaled, StateReference replayed) {
    compareTree("header.state.l1ToL2MessageTree", journaled.l1ToL2MessageTree(), replayed.l1ToL2MessageTree());
    compareTree("header.state.noteHashTree", journaled.noteHashTree(), replayed.noteHashTree());
    compareTree("header.state.nullifierTree", journaled.nullifierTree(), replayed.nullifierTree());
    compareTree("header.state.publicDataTree", journaled.publicDataTree(), replayed.publicDataTree());
  }

  private void compareTree(String name, TreeInfo journaled, TreeInfo replayed) {
    compare(OptionalInt.empty(), name + ".root", journaled.root(), replayed.root());
    compare(OptionalInt.empty(), name + ".size", journaled.size(), replayed.size());
  }

  private void compare(OptionalInt tx, String field, Object journaled, Object replayed) {
    if (!journaled.equals(replayed)) {
      record(new Divergence(block.number(), tx, field, String.valueOf(journaled), String.valueOf(replayed)));
    }
  }

  private void record(Divergence divergence) {
    if (first == null) {
      first = divergence;
    }
  }
}
