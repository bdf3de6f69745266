package dev.obsidian.circuits.rollup;

import dev.obsidian.circuits.gadgets.LeafVars;
import dev.obsidian.circuits.gadgets.PathVars;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.merkle.BatchInsertionResult;
import dev.obsidian.merkle.LeafWitness;
import dev.obsidian.merkle.PublicDataLeaf;
import dev.obsidian.merkle.SequentialInsertionResult;
import dev.obsidian.merkle.SiblingPath;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.TreeInfo;
import dev.obsidian.merkle.WorldStateFork;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The inputs of {@link BaseRollupCircuit}, taken from the insertion witnesses the merkle module returns while the
 * tx's effects are applied to a fork exactly as {@code BlockBuilder} applies them (nullifiers as a padded subtree,
 * note hashes padded to 64, then public writes one by one).
 */
public final class BaseRollupWitness {
  private BaseRollupWitness() {}

  /** Applies {@code effects} to {@code fork} and returns the circuit inputs; the fork is left with the effects. */
  public static Map<String, Fr> apply(WorldStateFork fork, TxTreeEffects effects, int capacity) {
    if (effects.largestCount() > capacity) {
      throw new IllegalArgumentException("the tx has " + effects.largestCount() + " effects of one kind, more than "
          + "the capacity " + capacity + " of " + BaseRollupCircuit.name(capacity));
    }
    Map<String, Fr> inputs = new TreeMap<>();
    putSnapshot(inputs, "start.noteHash", fork.treeInfo(TreeId.NOTE_HASH));
    putSnapshot(inputs, "start.nullifier", fork.treeInfo(TreeId.NULLIFIER));
    putSnapshot(inputs, "start.publicData", fork.treeInfo(TreeId.PUBLIC_DATA));
    insertNullifiers(fork, effects.nullifiers(), capacity, inputs);
    appendNoteHashes(fork, effects.noteHashes(), capacity, inputs);
    writePublicData(fork, effects.publicWrites(), capacity, inputs);
    return inputs;
  }

  private static void insertNullifiers(WorldStateFork fork, List<Fr> nullifiers, int capacity,
      Map<String, Fr> inputs) {
    long startSize = fork.treeInfo(TreeId.NULLIFIER).size();
    BatchInsertionResult result = fork.insertTxNullifiers(nullifiers);
    putPadded(inputs, "nullifiers", nullifiers, capacity);
    for (int step = 0; step < capacity; step++) {
      int position = result.sortedNewLeafIndexes().get(step);
      if (position >= capacity) {
        throw new IllegalStateException("step " + step + " of the batch insertion handles position " + position
            + ", outside the capacity " + capacity);
      }
      for (int i = 0; i < capacity; i++) {
        inputs.put("nullifiers.order[" + step + "][" + i + "]", i == position ? Fr.ONE : Fr.ZERO);
      }
      LeafWitness low = result.lowLeafWitnesses().get(step);
      LeafVars.put(inputs, "nullifiers.low[" + step + "]", low.leaf());
      PathVars.put(inputs, "nullifiers.lowPath[" + step + "]", low.index(), low.path());
    }
    putSubtree(inputs, "nullifier", startSize, result.newSubtreeSiblingPath());
  }

  private static void appendNoteHashes(WorldStateFork fork, List<Fr> noteHashes, int capacity,
      Map<String, Fr> inputs) {
    long startSize = fork.treeInfo(TreeId.NOTE_HASH).size();
    SiblingPath above = fork.siblingPath(TreeId.NOTE_HASH, startSize).aboveSubtree(BaseRollupCircuit.SUBTREE_HEIGHT);
    List<Fr> padded = new ArrayList<>(noteHashes);
    padded.addAll(Collections.nCopies(BaseRollupCircuit.SUBTREE_LEAVES - noteHashes.size(), Fr.ZERO));
    fork.appendLeaves(TreeId.NOTE_HASH, padded);
    putPadded(inputs, "noteHashes", noteHashes, capacity);
    putSubtree(inputs, "noteHash", startSize, above);
  }

  private static void writePublicData(WorldStateFork fork, List<TxTreeEffects.PublicWrite> writes, int capacity,
      Map<String, Fr> inputs) {
    SiblingPath zeros = new SiblingPath(Collections.nCopies(TreeId.PUBLIC_DATA.height(), Fr.ZERO));
    for (int k = 0; k < capacity; k++) {
      String prefix = "publicWrites[" + k + "]";
      if (k < writes.size()) {
        TxTreeEffects.PublicWrite write = writes.get(k);
        SequentialInsertionResult result = fork.writePublicData(write.slot(), write.value());
        inputs.put("publicWrites.slot[" + k + "]", write.slot());
        inputs.put("publicWrites.value[" + k + "]", write.value());
        LeafVars.put(inputs, prefix + ".low", result.lowLeafWitness().leaf());
        PathVars.put(inputs, prefix + ".lowPath", result.lowLeafWitness().index(), result.lowLeafWitness().path());
        PathVars.putSiblings(inputs, prefix + ".insertion",
            result.insertionWitness().map(LeafWitness::path).orElse(zeros));
      } else {
        inputs.put("publicWrites.slot[" + k + "]", Fr.ZERO);
        inputs.put("publicWrites.value[" + k + "]", Fr.ZERO);
        LeafVars.put(inputs, prefix + ".low", PublicDataLeaf.EMPTY);
        PathVars.put(inputs, prefix + ".lowPath", 0, zeros);
        PathVars.putSiblings(inputs, prefix + ".insertion", zeros);
      }
    }
  }

  private static void putSnapshot(Map<String, Fr> inputs, String prefix, TreeInfo info) {
    inputs.put(prefix + ".root", info.root());
    inputs.put(prefix + ".size", Fr.of(info.size()));
  }

  private static void putPadded(Map<String, Fr> inputs, String name, List<Fr> values, int capacity) {
    for (int i = 0; i < capacity; i++) {
      inputs.put(name + "[" + i + "]", i < values.size() ? values.get(i) : Fr.ZERO);
    }
  }

  private static void putSubtree(Map<String, Fr> inputs, String prefix, long startSize, SiblingPath above) {
    if (startSize % BaseRollupCircuit.SUBTREE_LEAVES != 0) {
      throw new IllegalStateException(prefix + " tree size " + startSize + " is not a multiple of "
          + BaseRollupCircuit.SUBTREE_LEAVES);
    }
    inputs.put(prefix + ".subtreeIndex", Fr.of(startSize / BaseRollupCircuit.SUBTREE_LEAVES));
    for (int level = 0; level < above.length(); level++) {
      inputs.put(prefix + ".subtreeSiblings[" + level + "]", above.get(level));
    }
  }
}
