package dev.obsidian.circuits.rollup;

import dev.obsidian.crypto.field.Fr;
import java.util.List;
import java.util.Objects;

/**
 * One tx of a block as the block root sees it: what it publishes (its fields in the block's published effects, see
 * {@link PublishedEffects}) and what its base rollup inserted into the trees.
 *
 * @param txHash the tx hash
 * @param fee the tx's transaction fee
 * @param tree the note hashes, nullifiers and public writes (what the tx's base rollup proves)
 * @param otherFields the tx's other published fields, flattened by the encoder (L2-to-L1 messages and logs, with
 *     their own counts; l1/README.md "Effects encoding"); the block root publishes them without reading them
 */
public record BlockTx(Fr txHash, Fr fee, TxTreeEffects tree, List<Fr> otherFields) {
  public BlockTx {
    Objects.requireNonNull(txHash, "txHash");
    Objects.requireNonNull(fee, "fee");
    Objects.requireNonNull(tree, "tree");
    otherFields = List.copyOf(otherFields);
    if (otherFields.size() > BlockRootCircuit.OTHER_FIELDS_CAPACITY) {
      throw new IllegalArgumentException("otherFields has " + otherFields.size() + " fields, more than the block "
          + "root's " + BlockRootCircuit.OTHER_FIELDS_CAPACITY + " per tx");
    }
  }

  /**
   * The tx's first published field: its four counts packed as nullifiers + noteHashes·2^16 + publicWrites·2^32 +
   * otherFields·2^48.
   */
  public Fr prefix() {
    return Fr.of(tree.nullifiers().size())
        .add(Fr.of(tree.noteHashes().size()).mul(Fr.of(1L << 16)))
        .add(Fr.of(tree.publicWrites().size()).mul(Fr.of(1L << 32)))
        .add(Fr.of(otherFields.size()).mul(Fr.of(1L << 48)));
  }

  /** The tx's published fields, in order: prefix, txHash, fee, nullifiers, note hashes, (slot, value)s, others. */
  public List<Fr> publishedFields() {
    List<Fr> fields = new java.util.ArrayList<>();
    fields.add(prefix());
    fields.add(txHash);
    fields.add(fee);
    fields.addAll(tree.nullifiers());
    fields.addAll(tree.noteHashes());
    for (TxTreeEffects.PublicWrite write : tree.publicWrites()) {
      fields.add(write.slot());
      fields.add(write.value());
    }
    fields.addAll(otherFields);
    return fields;
  }
}
