package dev.obsidian.circuits.rollup;

import dev.obsidian.circuits.builder.CircuitBuilder;
import dev.obsidian.circuits.builder.Value;
import dev.obsidian.circuits.gadgets.IndexedTreeGadget;
import dev.obsidian.circuits.gadgets.LeafVars;
import dev.obsidian.circuits.gadgets.MerkleGadget;
import dev.obsidian.circuits.gadgets.PathVars;
import dev.obsidian.circuits.gadgets.Poseidon2Gadget;
import dev.obsidian.circuits.gadgets.PublicDataGadget;
import dev.obsidian.circuits.gadgets.TreeSnapshot;
import dev.obsidian.circuits.ir.Circuit;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.merkle.TreeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The base rollup of one tx: proves the note hash, nullifier and public data trees go from the start snapshots
 * (public inputs) to the end snapshots (public outputs) by inserting exactly the tx's effects as
 * {@code BlockBuilder} does, and outputs the effects' commitment ({@link TxTreeEffects#commitment()}).
 *
 * <p>A variant has a capacity c (a power of two, at most 64): up to c note hashes, c nullifiers and c public writes.
 * Every variant inserts the same 64-leaf subtrees (the rest zeros) so all variants give the same roots.
 *
 * <ul>
 *   <li>Nullifiers: Aztec's batch insertion. The prover supplies the order the low leaves were updated in (a
 *   permutation matrix over the c positions, checked) and a low-leaf witness per step; each step proves its low leaf
 *   in the current root, checks it precedes the nullifier and points it at the nullifier's final index. The new
 *   leaves, each inheriting its low leaf's old successor, are then appended as one subtree at the end.
 *   <li>Note hashes: one subtree of 64 leaves at the end (the tree size is a multiple of 64).
 *   <li>Public data: each write updates its slot in place or inserts it after its low leaf.
 * </ul>
 */
public final class BaseRollupCircuit {
  static final int SUBTREE_HEIGHT = Constants.NULLIFIER_SUBTREE_HEIGHT;
  static final int SUBTREE_LEAVES = 1 << SUBTREE_HEIGHT;

  private final CircuitBuilder builder;
  private final int capacity;

  private BaseRollupCircuit(CircuitBuilder builder, int capacity) {
    this.builder = builder;
    this.capacity = capacity;
  }

  /** The circuit name of a capacity variant, e.g. "base-rollup-8". */
  public static String name(int capacity) {
    return "base-rollup-" + capacity;
  }

  public static Circuit build(int capacity) {
    return build(capacity, true);
  }

  /** {@code recordLocations = false} skips the stack walk per opcode (for counting large variants quickly). */
  public static Circuit build(int capacity, boolean recordLocations) {
    if (capacity < 1 || capacity > SUBTREE_LEAVES || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("capacity must be a power of two in 1..64, got " + capacity);
    }
    CircuitBuilder builder = new CircuitBuilder(recordLocations);
    new BaseRollupCircuit(builder, capacity).define();
    return builder.build(name(capacity));
  }

  private void define() {
    TreeSnapshot noteHashStart = snapshotInput("start.noteHash");
    TreeSnapshot nullifierStart = snapshotInput("start.nullifier");
    TreeSnapshot publicDataStart = snapshotInput("start.publicData");
    Value[] noteHashes = builder.privateInputs("noteHashes", capacity);
    Value[] nullifiers = builder.privateInputs("nullifiers", capacity);
    Value[] slots = builder.privateInputs("publicWrites.slot", capacity);
    Value[] values = builder.privateInputs("publicWrites.value", capacity);
    TreeSnapshot nullifierEnd = builder.labelled("nullifiers", () -> insertNullifiers(nullifierStart, nullifiers));
    TreeSnapshot noteHashEnd = builder.labelled("noteHashes", () -> appendNoteHashes(noteHashStart, noteHashes));
    TreeSnapshot publicDataEnd = builder.labelled("publicData", () -> writePublicData(publicDataStart, slots,
        values));
    snapshotOutput("end.noteHash", noteHashEnd);
    snapshotOutput("end.nullifier", nullifierEnd);
    snapshotOutput("end.publicData", publicDataEnd);
    builder.publicOutput("effectsCommitment", builder.labelled("commitment",
        () -> commitment(noteHashes, nullifiers, slots, values)));
  }

  private TreeSnapshot snapshotInput(String prefix) {
    return new TreeSnapshot(builder.publicInput(prefix + ".root"), builder.publicInput(prefix + ".size"));
  }

  private void snapshotOutput(String prefix, TreeSnapshot snapshot) {
    builder.publicOutput(prefix + ".root", snapshot.root());
    builder.publicOutput(prefix + ".size", snapshot.size());
  }

  private TreeSnapshot appendNoteHashes(TreeSnapshot start, Value[] noteHashes) {
    return appendSubtree("noteHash", start, noteHashes, TreeId.NOTE_HASH.height());
  }

  /** Appends the leaves, padded with zeros to 64, as the subtree at index start.size / 64. */
  private TreeSnapshot appendSubtree(String prefix, TreeSnapshot start, Value[] leaves, int treeHeight) {
    Value subtreeIndex = builder.privateInput(prefix + ".subtreeIndex");
    builder.assertEqual(subtreeIndex.times(SUBTREE_LEAVES), start.size());
    Value[] indexBits = MerkleGadget.indexBits(builder, subtreeIndex, treeHeight - SUBTREE_HEIGHT);
    Value[] siblings = builder.privateInputs(prefix + ".subtreeSiblings", treeHeight - SUBTREE_HEIGHT);
    Value[] padded = new Value[SUBTREE_LEAVES];
    for (int i = 0; i < SUBTREE_LEAVES; i++) {
      padded[i] = i < leaves.length ? leaves[i] : Value.ZERO;
    }
    Value root = MerkleGadget.appendSubtree(builder, start.root(), padded, indexBits, siblings);
    return new TreeSnapshot(root, start.size().plus(SUBTREE_LEAVES));
  }

  private TreeSnapshot insertNullifiers(TreeSnapshot start, Value[] nullifiers) {
    int height = TreeId.NULLIFIER.height();
    Value[][] order = permutationMatrix("nullifiers.order");
    Value root = start.root();
    Value[] stepNextKey = new Value[capacity];
    Value[] stepNextIndex = new Value[capacity];
    for (int step = 0; step < capacity; step++) {
      final int j = step;
      Value current = root;
      root = builder.labelled("step[" + j + "]", () -> {
        Value nullifier = dot(order[j], nullifiers);
        Value position = Value.ZERO;
        for (int i = 0; i < capacity; i++) {
          position = position.plus(order[j][i].times(i));
        }
        Value enabled = Value.ONE.minus(builder.isZero(nullifier));
        LeafVars low = LeafVars.declare(builder, "nullifiers.low[" + j + "]", false);
        PathVars lowPath = PathVars.declare(builder, "nullifiers.lowPath[" + j + "]", height);
        IndexedTreeGadget.assertWhen(builder, enabled,
            IndexedTreeGadget.isLowLeaf(builder, low.key(), low.nextKey(), nullifier));
        stepNextKey[j] = low.nextKey();
        stepNextIndex[j] = low.nextIndex();
        return IndexedTreeGadget.updateLow(builder, current, low, low.withNext(nullifier,
            start.size().plus(position)), lowPath, enabled);
      });
    }
    Value[] leaves = new Value[capacity];
    for (int i = 0; i < capacity; i++) {
      Value[] column = column(order, i);
      LeafVars leaf = new LeafVars(nullifiers[i], Optional.empty(), dot(column, stepNextKey),
          dot(column, stepNextIndex));
      Value isPadding = builder.isZero(nullifiers[i]);
      leaves[i] = builder.select(isPadding, Value.ZERO, leaf.hash(builder));
    }
    return appendSubtree("nullifier", new TreeSnapshot(root, start.size()), leaves, height);
  }

  /** A c×c matrix of private boolean inputs whose rows and columns each sum to 1. */
  private Value[][] permutationMatrix(String prefix) {
    Value[][] matrix = new Value[capacity][capacity];
    for (int row = 0; row < capacity; row++) {
      for (int i = 0; i < capacity; i++) {
        matrix[row][i] = builder.privateInput(prefix + "[" + row + "][" + i + "]");
        builder.assertBoolean(matrix[row][i]);
      }
      builder.assertEqual(sum(matrix[row]), Value.ONE);
    }
    for (int i = 0; i < capacity; i++) {
      builder.assertEqual(sum(column(matrix, i)), Value.ONE);
    }
    return matrix;
  }

  private TreeSnapshot writePublicData(TreeSnapshot start, Value[] slots, Value[] values) {
    int height = TreeId.PUBLIC_DATA.height();
    TreeSnapshot state = start;
    for (int k = 0; k < capacity; k++) {
      final int write = k;
      TreeSnapshot before = state;
      state = builder.labelled("write[" + k + "]", () -> {
        String prefix = "publicWrites[" + write + "]";
        LeafVars low = LeafVars.declare(builder, prefix + ".low", true);
        PathVars lowPath = PathVars.declare(builder, prefix + ".lowPath", height);
        PathVars insertion = PathVars.declareAt(builder, prefix + ".insertion", before.size(), height);
        return PublicDataGadget.write(builder, before, slots[write], values[write], low, lowPath, insertion);
      });
    }
    return state;
  }

  private Value commitment(Value[] noteHashes, Value[] nullifiers, Value[] slots, Value[] values) {
    List<Value> inputs = new ArrayList<>(4 * SUBTREE_LEAVES);
    padInto(inputs, noteHashes);
    padInto(inputs, nullifiers);
    for (int i = 0; i < SUBTREE_LEAVES; i++) {
      inputs.add(i < capacity ? slots[i] : Value.ZERO);
      inputs.add(i < capacity ? values[i] : Value.ZERO);
    }
    return Poseidon2Gadget.hash(builder, inputs);
  }

  private static void padInto(List<Value> out, Value[] values) {
    for (int i = 0; i < SUBTREE_LEAVES; i++) {
      out.add(i < values.length ? values[i] : Value.ZERO);
    }
  }

  private Value dot(Value[] selectors, Value[] values) {
    Value sum = Value.ZERO;
    for (int i = 0; i < selectors.length; i++) {
      sum = sum.plus(builder.mul(selectors[i], values[i]));
    }
    return sum;
  }

  private static Value sum(Value[] values) {
    Value sum = Value.ZERO;
    for (Value value : values) {
      sum = sum.plus(value);
    }
    return sum;
  }

  private static Value[] column(Value[][] matrix, int i) {
    Value[] column = new Value[matrix.length];
    for (int row = 0; row < matrix.length; row++) {
      column[row] = matrix[row][i];
    }
    return column;
  }
}
