package dev.obsidian.circuits.rollup;

import dev.obsidian.circuits.builder.CircuitBuilder;
import dev.obsidian.circuits.builder.Value;
import dev.obsidian.circuits.gadgets.MerkleGadget;
import dev.obsidian.circuits.gadgets.PathVars;
import dev.obsidian.circuits.gadgets.Poseidon2Gadget;
import dev.obsidian.circuits.gadgets.TreeSnapshot;
import dev.obsidian.circuits.ir.Circuit;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import java.util.ArrayList;
import java.util.List;

/**
 * The block root of a block of up to {@code txCapacity} txs (variants {@link #TX_CAPACITIES}). It proves:
 *
 * <ul>
 *   <li>the parent header (private, 22 fields) is the archive's leaf {@code blockNumber - 1} under
 *   {@code lastArchive.root}; its state reference gives the block's start snapshots (public outputs
 *   {@code start.*}), from which L1 chains the base proofs;
 *   <li>the L1-to-L2 messages (up to {@link #L1_TO_L2_MESSAGE_CAPACITY}, the rest of the 1024 leaves zero) are
 *   appended as one subtree of height {@code L1_TO_L2_MSG_SUBTREE_HEIGHT} at {@code size / 1024} by every block,
 *   also one without messages (all zeros), as Aztec and the node's BlockBuilder do;
 *   <li>the new header (lastArchive = (root, blockNumber), state = the message tree after the insertion and the
 *   {@code end.*} snapshots, spongeBlobHash = Poseidon2 of the tx hashes or 0, globals with globals[2] =
 *   blockNumber, totalFees = Σ fees, totalManaUsed) hashes to {@code blockHash}, appended at index blockNumber of
 *   the archive, giving {@code archiveRoot};
 *   <li>data availability: the published fields ({@link PublishedEffects}) commit to {@code effectsCommitment} C,
 *   and with {@code z = Poseidon2(C, effectsKey)} the output {@code effectsEvaluation} is y = P(z);
 *   <li>each tx's tree effects hash to {@code txEffectsCommitment[t]} (0 for unused slots), the value its base
 *   rollup outputs; with no txs the end snapshots equal the start snapshots.
 * </ul>
 *
 * <p>Public inputs in R1CS order: {@link #publicInputNames(int)}.
 */
public final class BlockRootCircuit {
  /** The block-root variants: up to 1, 4 or 16 txs. */
  public static final List<Integer> TX_CAPACITIES = List.of(1, 4, 16);
  /** Published fields per tx besides its prefix, hash, fee and tree effects (messages and logs). */
  public static final int OTHER_FIELDS_CAPACITY = 64;
  /** L1-to-L2 messages per block (the subtree has 1024 leaves; the others are zero). */
  public static final int L1_TO_L2_MESSAGE_CAPACITY = 16;
  public static final int HEADER_LENGTH = 22;
  public static final int GLOBALS_LENGTH = 9;
  static final int TREE_EFFECTS = TxTreeEffects.MAX_PER_TX;
  static final int MESSAGE_SUBTREE_HEIGHT = Constants.L1_TO_L2_MSG_SUBTREE_HEIGHT;
  static final int MESSAGE_TREE_HEIGHT = Constants.L1_TO_L2_MSG_TREE_HEIGHT;
  static final int ARCHIVE_HEIGHT = Constants.ARCHIVE_HEIGHT;
  static final Fr HEADER_SEPARATOR = Fr.of(Constants.DomainSeparator.BLOCK_HEADER_HASH.value());

  private final CircuitBuilder builder;
  private final int txCapacity;

  private BlockRootCircuit(CircuitBuilder builder, int txCapacity) {
    this.builder = builder;
    this.txCapacity = txCapacity;
  }

  public static String name(int txCapacity) {
    return "block-root-" + txCapacity;
  }

  /** The smallest variant holding {@code txCount} txs. */
  public static int smallestCapacity(int txCount) {
    for (int capacity : TX_CAPACITIES) {
      if (txCount <= capacity) {
        return capacity;
      }
    }
    throw new IllegalArgumentException("no block-root variant holds " + txCount + " txs (largest "
        + TX_CAPACITIES.get(TX_CAPACITIES.size() - 1) + ")");
  }

  /**
   * The public inputs in R1CS wire order: blockNumber, lastArchive.root, effectsKey (inputs), then archiveRoot,
   * blockHash, start.{noteHash,nullifier,publicData}.{root,size}, end.(same six), effectsCommitment,
   * effectsEvaluation, txEffectsCommitment[0..txCapacity-1] (outputs).
   */
  public static List<String> publicInputNames(int txCapacity) {
    List<String> names = new ArrayList<>(List.of("blockNumber", "lastArchive.root", "effectsKey", "archiveRoot",
        "blockHash"));
    for (String side : List.of("start", "end")) {
      for (String tree : List.of("noteHash", "nullifier", "publicData")) {
        names.add(side + "." + tree + ".root");
        names.add(side + "." + tree + ".size");
      }
    }
    names.add("effectsCommitment");
    names.add("effectsEvaluation");
    for (int t = 0; t < txCapacity; t++) {
      names.add("txEffectsCommitment[" + t + "]");
    }
    return names;
  }

  public static Circuit build(int txCapacity) {
    return build(txCapacity, true);
  }

  public static Circuit build(int txCapacity, boolean recordLocations) {
    if (txCapacity < 1 || txCapacity > 64) {
      throw new IllegalArgumentException("txCapacity must be in 1..64, got " + txCapacity);
    }
    CircuitBuilder builder = new CircuitBuilder(recordLocations);
    new BlockRootCircuit(builder, txCapacity).define();
    return builder.build(name(txCapacity));
  }

  private record TxVars(Value active, Value txHash, Value fee, Value[] nullifiers, Value[] nullifierMask,
      Value[] noteHashes, Value[] noteHashMask, Value[] writeFields, Value[] writeMask, Value[] others,
      Value[] otherMask, Value prefix, Value commitment) {}

  private void define() {
    Value blockNumber = builder.publicInput("blockNumber");
    Value lastArchiveRoot = builder.publicInput("lastArchive.root");
    Value effectsKey = builder.publicInput("effectsKey");
    Value[] previous = builder.privateInputs("previousHeader", HEADER_LENGTH);
    Value[] globals = builder.privateInputs("globals", GLOBALS_LENGTH);
    Value totalManaUsed = builder.privateInput("totalManaUsed");
    builder.assertEqual(globals[2], blockNumber);

    builder.labelled("previousHeader", () -> {
      PathVars path = PathVars.declareAt(builder, "archive.previous", blockNumber.minus(Value.ONE), ARCHIVE_HEIGHT);
      builder.assertEqual(path.root(builder, headerHash(previous)), lastArchiveRoot);
    });
    TreeSnapshot messagesStart = new TreeSnapshot(previous[2], previous[3]);
    TreeSnapshot[] start = {new TreeSnapshot(previous[4], previous[5]), new TreeSnapshot(previous[6], previous[7]),
        new TreeSnapshot(previous[8], previous[9])};
    TreeSnapshot[] end = {snapshotInput("endState.noteHash"), snapshotInput("endState.nullifier"),
        snapshotInput("endState.publicData")};
    TreeSnapshot messagesEnd = builder.labelled("l1ToL2", () -> insertMessages(messagesStart));

    List<TxVars> txs = new ArrayList<>(txCapacity);
    Value[] active = builder.privateInputs("txActive", txCapacity);
    for (int t = 0; t < txCapacity; t++) {
      builder.assertBoolean(active[t]);
      if (t > 0) {
        builder.assertProduct(active[t], builder.not(active[t - 1]), Value.ZERO);
      }
      final int tx = t;
      txs.add(builder.labelled("tx[" + t + "]", () -> declareTx(tx, active[tx])));
    }
    Value txCount = Value.ZERO;
    Value totalFees = Value.ZERO;
    for (TxVars tx : txs) {
      txCount = txCount.plus(tx.active());
      totalFees = totalFees.plus(tx.fee());
    }
    Value noTxs = builder.not(active[0]);
    for (int i = 0; i < 3; i++) {
      builder.assertProduct(noTxs, end[i].root().minus(start[i].root()), Value.ZERO);
      builder.assertProduct(noTxs, end[i].size().minus(start[i].size()), Value.ZERO);
    }
    Value spongeBlobHash = builder.labelled("spongeBlobHash", () -> spongeBlobHash(txs, active));

    List<Value> header = new ArrayList<>(HEADER_LENGTH);
    header.add(lastArchiveRoot);
    header.add(blockNumber);
    header.add(messagesEnd.root());
    header.add(messagesEnd.size());
    for (TreeSnapshot snapshot : end) {
      header.add(snapshot.root());
      header.add(snapshot.size());
    }
    header.add(spongeBlobHash);
    header.addAll(List.of(globals));
    header.add(totalFees);
    header.add(totalManaUsed);
    Value blockHash = builder.labelled("header", () -> headerHash(header.toArray(Value[]::new)));
    Value archiveRoot = builder.labelled("archive", () -> {
      PathVars path = PathVars.declareAt(builder, "archive.insertion", blockNumber, ARCHIVE_HEIGHT);
      return MerkleGadget.update(builder, lastArchiveRoot, Value.ZERO, blockHash, path.indexBits(),
          path.siblings());
    });

    Value count = txCount;
    Value commitment = builder.labelled("effectsCommitment", () -> effectsCommitment(count, txs));
    Value challenge = Poseidon2Gadget.hash(builder, commitment, effectsKey);
    Value evaluation = builder.labelled("effectsEvaluation", () -> evaluate(count, txs, challenge));

    builder.publicOutput("archiveRoot", archiveRoot);
    builder.publicOutput("blockHash", blockHash);
    String[] trees = {"noteHash", "nullifier", "publicData"};
    for (int i = 0; i < 3; i++) {
      builder.publicOutput("start." + trees[i] + ".root", start[i].root());
      builder.publicOutput("start." + trees[i] + ".size", start[i].size());
    }
    for (int i = 0; i < 3; i++) {
      builder.publicOutput("end." + trees[i] + ".root", end[i].root());
      builder.publicOutput("end." + trees[i] + ".size", end[i].size());
    }
    builder.publicOutput("effectsCommitment", commitment);
    builder.publicOutput("effectsEvaluation", evaluation);
    for (int t = 0; t < txCapacity; t++) {
      builder.publicOutput("txEffectsCommitment[" + t + "]", txs.get(t).commitment());
    }
  }

  private TreeSnapshot snapshotInput(String prefix) {
    return new TreeSnapshot(builder.privateInput(prefix + ".root"), builder.privateInput(prefix + ".size"));
  }

  private Value headerHash(Value[] fields) {
    Value[] inputs = new Value[fields.length + 1];
    inputs[0] = Value.constant(HEADER_SEPARATOR);
    System.arraycopy(fields, 0, inputs, 1, fields.length);
    return Poseidon2Gadget.hash(builder, inputs);
  }

  private TreeSnapshot insertMessages(TreeSnapshot start) {
    // every block appends its message subtree (zeros when it has no messages), as Aztec and the node's BlockBuilder
    // do: a prover may not skip it, or messages consumed from the Inbox on L1 would never reach L2
    Value inserted = builder.privateInput("l1ToL2.inserted");
    builder.assertEqual(inserted, Value.ONE);
    Value[] messages = builder.privateInputs("l1ToL2.messages", L1_TO_L2_MESSAGE_CAPACITY);
    for (Value message : messages) {
      builder.assertProduct(message, builder.not(inserted), Value.ZERO);
    }
    Value subtree = MerkleGadget.subtreeRoot(builder, messages);
    for (int level = Integer.numberOfTrailingZeros(L1_TO_L2_MESSAGE_CAPACITY); level < MESSAGE_SUBTREE_HEIGHT;
        level++) {
      subtree = Poseidon2Gadget.hash2(builder, subtree, Value.constant(MerkleGadget.emptyRoot(level)));
    }
    Value subtreeIndex = builder.privateInput("l1ToL2.subtreeIndex");
    builder.assertEqual(subtreeIndex.times(1L << MESSAGE_SUBTREE_HEIGHT), start.size());
    Value[] indexBits = MerkleGadget.indexBits(builder, subtreeIndex, MESSAGE_TREE_HEIGHT - MESSAGE_SUBTREE_HEIGHT);
    Value[] siblings = builder.privateInputs("l1ToL2.subtreeSiblings", MESSAGE_TREE_HEIGHT - MESSAGE_SUBTREE_HEIGHT);
    Value appended = MerkleGadget.update(builder, start.root(),
        Value.constant(MerkleGadget.emptyRoot(MESSAGE_SUBTREE_HEIGHT)), subtree, indexBits, siblings);
    return new TreeSnapshot(builder.select(inserted, appended, start.root()),
        start.size().plus(inserted.times(1L << MESSAGE_SUBTREE_HEIGHT)));
  }

  private TxVars declareTx(int t, Value active) {
    String p = "tx[" + t + "]";
    Value txHash = builder.privateInput(p + ".txHash");
    Value fee = builder.privateInput(p + ".fee");
    builder.assertProduct(txHash, builder.not(active), Value.ZERO);
    builder.assertProduct(fee, builder.not(active), Value.ZERO);
    Value[] nullifiers = builder.privateInputs(p + ".nullifiers", TREE_EFFECTS);
    Value[] noteHashes = builder.privateInputs(p + ".noteHashes", TREE_EFFECTS);
    Value[] slots = builder.privateInputs(p + ".publicWrites.slot", TREE_EFFECTS);
    Value[] values = builder.privateInputs(p + ".publicWrites.value", TREE_EFFECTS);
    Value[] others = builder.privateInputs(p + ".otherFields", OTHER_FIELDS_CAPACITY);
    Value[] nullifierMask = mask(p + ".nullifierUsed", TREE_EFFECTS, active);
    Value[] noteHashMask = mask(p + ".noteHashUsed", TREE_EFFECTS, active);
    Value[] writeMask = mask(p + ".publicWriteUsed", TREE_EFFECTS, active);
    Value[] otherMask = mask(p + ".otherFieldUsed", OTHER_FIELDS_CAPACITY, active);
    Value[] writeFields = new Value[2 * TREE_EFFECTS];
    Value[] writeFieldMask = new Value[2 * TREE_EFFECTS];
    for (int k = 0; k < TREE_EFFECTS; k++) {
      writeFields[2 * k] = slots[k];
      writeFields[2 * k + 1] = values[k];
      writeFieldMask[2 * k] = writeMask[k];
      writeFieldMask[2 * k + 1] = writeMask[k];
    }
    zeroOutside(nullifiers, nullifierMask);
    zeroOutside(noteHashes, noteHashMask);
    zeroOutside(writeFields, writeFieldMask);
    zeroOutside(others, otherMask);
    Value prefix = sum(nullifierMask).plus(sum(noteHashMask).times(1L << 16)).plus(sum(writeMask).times(1L << 32))
        .plus(sum(otherMask).times(1L << 48));
    List<Value> tree = new ArrayList<>(4 * TREE_EFFECTS);
    tree.addAll(List.of(noteHashes));
    tree.addAll(List.of(nullifiers));
    tree.addAll(List.of(writeFields));
    Value commitment = builder.mul(active, builder.labelled("txEffectsCommitment",
        () -> Poseidon2Gadget.hash(builder, tree)));
    return new TxVars(active, txHash, fee, nullifiers, nullifierMask, noteHashes, noteHashMask, writeFields,
        writeFieldMask, others, otherMask, prefix, commitment);
  }

  /** Booleans m[0] >= m[1] >= ... (a prefix of ones), all zero unless {@code active}. */
  private Value[] mask(String name, int length, Value active) {
    Value[] mask = builder.privateInputs(name, length);
    for (int k = 0; k < length; k++) {
      builder.assertBoolean(mask[k]);
      builder.assertProduct(mask[k], builder.not(k == 0 ? active : mask[k - 1]), Value.ZERO);
    }
    return mask;
  }

  private void zeroOutside(Value[] values, Value[] mask) {
    for (int k = 0; k < values.length; k++) {
      builder.assertProduct(values[k], builder.not(mask[k]), Value.ZERO);
    }
  }

  /** Poseidon2 of the tx hashes of the used slots (the sponge depends on their count), 0 without txs. */
  private Value spongeBlobHash(List<TxVars> txs, Value[] active) {
    Value result = Value.ZERO;
    Value[] hashes = new Value[txCapacity];
    for (int t = 0; t < txCapacity; t++) {
      hashes[t] = txs.get(t).txHash();
    }
    for (int count = 1; count <= txCapacity; count++) {
      Value exactly = count == txCapacity ? active[count - 1]
          : builder.mul(active[count - 1], builder.not(active[count]));
      Value[] prefix = new Value[count];
      System.arraycopy(hashes, 0, prefix, 0, count);
      result = result.plus(builder.mul(exactly, Poseidon2Gadget.hash(builder, prefix)));
    }
    return result;
  }

  private Value effectsCommitment(Value txCount, List<TxVars> txs) {
    List<Value> inputs = new ArrayList<>();
    inputs.add(txCount);
    for (TxVars tx : txs) {
      inputs.add(tx.prefix());
      inputs.add(tx.txHash());
      inputs.add(tx.fee());
      inputs.add(tx.commitment());
      inputs.addAll(List.of(tx.others()));
    }
    return Poseidon2Gadget.hash(builder, inputs);
  }

  /** P(z) over the published fields: each used field adds field·z^position and moves the position on by one. */
  private Value evaluate(Value txCount, List<TxVars> txs, Value z) {
    Value[] acc = {txCount, builder.materialize(z)};
    for (TxVars tx : txs) {
      Value[] headerMask = {tx.active(), tx.active(), tx.active()};
      absorb(acc, new Value[] {tx.prefix(), tx.txHash(), tx.fee()}, headerMask, z);
      absorb(acc, tx.nullifiers(), tx.nullifierMask(), z);
      absorb(acc, tx.noteHashes(), tx.noteHashMask(), z);
      absorb(acc, tx.writeFields(), tx.writeMask(), z);
      absorb(acc, tx.others(), tx.otherMask(), z);
      acc[0] = builder.materialize(acc[0]);
    }
    return acc[0];
  }

  /** acc = {sum, power}: sum += v·power for each field; power *= z where the mask is 1. */
  private void absorb(Value[] acc, Value[] values, Value[] mask, Value z) {
    for (int k = 0; k < values.length; k++) {
      Value power = acc[1];
      acc[0] = acc[0].plus(builder.mul(values[k], power));
      Value next = builder.mul(power, z);
      acc[1] = builder.materialize(power.plus(builder.mul(mask[k], next.minus(power))));
    }
  }

  private static Value sum(Value[] values) {
    Value sum = Value.ZERO;
    for (Value value : values) {
      sum = sum.plus(value);
    }
    return sum;
  }
}
