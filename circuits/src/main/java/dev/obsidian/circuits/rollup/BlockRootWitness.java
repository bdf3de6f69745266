package dev.obsidian.circuits.rollup;

import dev.obsidian.circuits.gadgets.PathVars;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;
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
 * The inputs of {@link BlockRootCircuit} for one block. Use: fork the parent's state, apply each tx with
 * {@link BaseRollupWitness#apply} (the base proofs' inputs), then call {@link #apply} on the same fork: it inserts
 * the L1-to-L2 messages (if any), seals the header and appends its hash to the archive.
 */
public final class BlockRootWitness {
  private BlockRootWitness() {}

  /**
   * @param inputs the circuit inputs (private and public) by name
   * @param header the new header's 22 fields (BlockHeader.toFields order)
   * @param blockHash Poseidon2 hash of the header with the BLOCK_HEADER_HASH separator (the archive leaf)
   * @param archive the archive after the append
   * @param publicInputs the proof's public inputs in {@link BlockRootCircuit#publicInputNames} order
   */
  public record Result(Map<String, Fr> inputs, List<Fr> header, Fr blockHash, TreeInfo archive,
      List<Fr> publicInputs) {}

  /**
   * @param fork the parent's state with the block's txs applied; left with the messages and the archive leaf
   * @param txCapacity the block-root variant ({@link BlockRootCircuit#smallestCapacity})
   */
  public static Result apply(WorldStateFork fork, BlockRootData data, int txCapacity) {
    if (data.txs().size() > txCapacity) {
      throw new IllegalArgumentException("the block has " + data.txs().size() + " txs, more than "
          + BlockRootCircuit.name(txCapacity) + " holds");
    }
    long blockNumber = data.blockNumber();
    TreeInfo lastArchive = fork.treeInfo(TreeId.ARCHIVE);
    if (lastArchive.size() != blockNumber) {
      throw new IllegalArgumentException("block " + blockNumber + " must be appended at archive index "
          + blockNumber + ", but the archive has " + lastArchive.size() + " leaves");
    }
    Map<String, Fr> inputs = new TreeMap<>();
    inputs.put("blockNumber", Fr.of(blockNumber));
    inputs.put("lastArchive.root", lastArchive.root());
    inputs.put("effectsKey", data.effectsKey());
    putAll(inputs, "previousHeader", data.previousHeader());
    putAll(inputs, "globals", data.globals());
    inputs.put("totalManaUsed", data.totalManaUsed());
    PathVars.putSiblings(inputs, "archive.previous", fork.siblingPath(TreeId.ARCHIVE, blockNumber - 1));

    List<Fr> header = new ArrayList<>(BlockRootCircuit.HEADER_LENGTH);
    header.add(lastArchive.root());
    header.add(Fr.of(lastArchive.size()));
    header.addAll(insertMessages(fork, data.l1ToL2Messages(), inputs));
    for (TreeId tree : List.of(TreeId.NOTE_HASH, TreeId.NULLIFIER, TreeId.PUBLIC_DATA)) {
      TreeInfo info = fork.treeInfo(tree);
      String prefix = "endState." + name(tree);
      inputs.put(prefix + ".root", info.root());
      inputs.put(prefix + ".size", Fr.of(info.size()));
      header.add(info.root());
      header.add(Fr.of(info.size()));
    }
    header.add(spongeBlobHash(data.txs()));
    header.addAll(data.globals());
    Fr totalFees = Fr.ZERO;
    for (BlockTx tx : data.txs()) {
      totalFees = totalFees.add(tx.fee());
    }
    header.add(totalFees);
    header.add(data.totalManaUsed());
    Fr blockHash = headerHash(header);

    PathVars.putSiblings(inputs, "archive.insertion", fork.siblingPath(TreeId.ARCHIVE, blockNumber));
    fork.appendLeaves(TreeId.ARCHIVE, List.of(blockHash));
    putTxs(inputs, data.txs(), txCapacity);
    TreeInfo archive = fork.treeInfo(TreeId.ARCHIVE);
    return new Result(inputs, header, blockHash, archive, publicInputs(data, txCapacity, header, blockHash,
        archive));
  }

  /** Poseidon2([BLOCK_HEADER_HASH separator, fields...]), as BlockHeader.hash() and the genesis header. */
  public static Fr headerHash(List<Fr> fields) {
    Fr[] inputs = new Fr[fields.size() + 1];
    inputs[0] = BlockRootCircuit.HEADER_SEPARATOR;
    for (int i = 0; i < fields.size(); i++) {
      inputs[i + 1] = fields.get(i);
    }
    return Poseidon2.hash(inputs);
  }

  /** The header's spongeBlobHash as Obsidian's BlockBuilder sets it: Poseidon2 of the tx hashes, 0 without txs. */
  public static Fr spongeBlobHash(List<BlockTx> txs) {
    return txs.isEmpty() ? Fr.ZERO : Poseidon2.hash(txs.stream().map(BlockTx::txHash).toArray(Fr[]::new));
  }

  private static List<Fr> publicInputs(BlockRootData data, int txCapacity, List<Fr> header, Fr blockHash,
      TreeInfo archive) {
    List<Fr> values = new ArrayList<>();
    values.add(Fr.of(data.blockNumber()));
    values.add(header.get(0));
    values.add(data.effectsKey());
    values.add(archive.root());
    values.add(blockHash);
    values.addAll(data.previousHeader().subList(4, 10));
    values.addAll(header.subList(4, 10));
    Fr commitment = PublishedEffects.commitment(data.txs(), txCapacity);
    values.add(commitment);
    values.add(PublishedEffects.evaluate(data.publishedFields(),
        PublishedEffects.challenge(commitment, data.effectsKey())));
    for (int t = 0; t < txCapacity; t++) {
      values.add(t < data.txs().size() ? data.txs().get(t).tree().commitment() : Fr.ZERO);
    }
    return values;
  }

  /**
   * Appends the block's message subtree (1024 leaves, the messages then zeros), as every block does in Aztec and in
   * the node's BlockBuilder, also without messages; returns the message tree's (root, size) after.
   */
  private static List<Fr> insertMessages(WorldStateFork fork, List<Fr> messages, Map<String, Fr> inputs) {
    int subtreeHeight = BlockRootCircuit.MESSAGE_SUBTREE_HEIGHT;
    int subtreeLeaves = 1 << subtreeHeight;
    long size = fork.treeInfo(TreeId.L1_TO_L2_MESSAGE).size();
    if (size % subtreeLeaves != 0) {
      throw new IllegalStateException("the L1-to-L2 message tree has " + size + " leaves, not a multiple of "
          + subtreeLeaves);
    }
    SiblingPath above = fork.siblingPath(TreeId.L1_TO_L2_MESSAGE, size).aboveSubtree(subtreeHeight);
    inputs.put("l1ToL2.inserted", Fr.ONE);
    inputs.put("l1ToL2.subtreeIndex", Fr.of(size / subtreeLeaves));
    for (int level = 0; level < above.length(); level++) {
      inputs.put("l1ToL2.subtreeSiblings[" + level + "]", above.get(level));
    }
    for (int i = 0; i < BlockRootCircuit.L1_TO_L2_MESSAGE_CAPACITY; i++) {
      inputs.put("l1ToL2.messages[" + i + "]", i < messages.size() ? messages.get(i) : Fr.ZERO);
    }
    List<Fr> padded = new ArrayList<>(messages);
    padded.addAll(Collections.nCopies(subtreeLeaves - messages.size(), Fr.ZERO));
    fork.appendLeaves(TreeId.L1_TO_L2_MESSAGE, padded);
    TreeInfo after = fork.treeInfo(TreeId.L1_TO_L2_MESSAGE);
    return List.of(after.root(), Fr.of(after.size()));
  }

  private static void putTxs(Map<String, Fr> inputs, List<BlockTx> txs, int txCapacity) {
    int max = TxTreeEffects.MAX_PER_TX;
    for (int t = 0; t < txCapacity; t++) {
      BlockTx tx = t < txs.size() ? txs.get(t) : null;
      String p = "tx[" + t + "]";
      inputs.put("txActive[" + t + "]", tx == null ? Fr.ZERO : Fr.ONE);
      inputs.put(p + ".txHash", tx == null ? Fr.ZERO : tx.txHash());
      inputs.put(p + ".fee", tx == null ? Fr.ZERO : tx.fee());
      List<Fr> nullifiers = tx == null ? List.of() : tx.tree().nullifiers();
      List<Fr> noteHashes = tx == null ? List.of() : tx.tree().noteHashes();
      List<TxTreeEffects.PublicWrite> writes = tx == null ? List.of() : tx.tree().publicWrites();
      List<Fr> others = tx == null ? List.of() : tx.otherFields();
      for (int k = 0; k < max; k++) {
        inputs.put(p + ".nullifiers[" + k + "]", k < nullifiers.size() ? nullifiers.get(k) : Fr.ZERO);
        inputs.put(p + ".nullifierUsed[" + k + "]", k < nullifiers.size() ? Fr.ONE : Fr.ZERO);
        inputs.put(p + ".noteHashes[" + k + "]", k < noteHashes.size() ? noteHashes.get(k) : Fr.ZERO);
        inputs.put(p + ".noteHashUsed[" + k + "]", k < noteHashes.size() ? Fr.ONE : Fr.ZERO);
        inputs.put(p + ".publicWrites.slot[" + k + "]", k < writes.size() ? writes.get(k).slot() : Fr.ZERO);
        inputs.put(p + ".publicWrites.value[" + k + "]", k < writes.size() ? writes.get(k).value() : Fr.ZERO);
        inputs.put(p + ".publicWriteUsed[" + k + "]", k < writes.size() ? Fr.ONE : Fr.ZERO);
      }
      for (int k = 0; k < BlockRootCircuit.OTHER_FIELDS_CAPACITY; k++) {
        inputs.put(p + ".otherFields[" + k + "]", k < others.size() ? others.get(k) : Fr.ZERO);
        inputs.put(p + ".otherFieldUsed[" + k + "]", k < others.size() ? Fr.ONE : Fr.ZERO);
      }
    }
  }

  private static void putAll(Map<String, Fr> inputs, String name, List<Fr> values) {
    for (int i = 0; i < values.size(); i++) {
      inputs.put(name + "[" + i + "]", values.get(i));
    }
  }

  private static String name(TreeId tree) {
    return switch (tree) {
      case NOTE_HASH -> "noteHash";
      case NULLIFIER -> "nullifier";
      case PUBLIC_DATA -> "publicData";
      default -> throw new IllegalArgumentException("no block-root snapshot for " + tree);
    };
  }
}
