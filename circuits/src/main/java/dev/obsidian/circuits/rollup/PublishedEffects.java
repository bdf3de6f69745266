package dev.obsidian.circuits.rollup;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A block's published effects as field elements, and the data-availability values the block root proves about them
 * (computed here natively; the circuit computes the same in {@link BlockRootCircuit}).
 *
 * <p>The published fields F are {@code [txCount] ++ tx_0 ++ ... ++ tx_{n-1}}, each tx as {@link
 * BlockTx#publishedFields()}: {@code prefix, txHash, fee, nullifiers, noteHashes, (slot, value)*, otherFields}.
 * On L1 they are the {@code effects} calldata, each field a 32-byte big-endian word below r. With
 * {@code K = keccak256(effects) mod r} (computed by the Rollup):
 *
 * <ul>
 *   <li>{@code C} = {@link #commitment}: Poseidon2 hash of {@code [n, then per tx slot t < txCapacity: prefix,
 *   txHash, fee, txEffectsCommitment, otherFields padded with 0 to OTHER_FIELDS_CAPACITY]} (unused slots all 0):
 *   fixes every coefficient of P before the challenge is known.
 *   <li>{@code z = Poseidon2.hash([C, K])}, {@code y = P(z) = Σ F_i·z^i}.
 * </ul>
 */
public final class PublishedEffects {
  private PublishedEffects() {}

  public static List<Fr> fields(List<BlockTx> txs) {
    List<Fr> fields = new ArrayList<>();
    fields.add(Fr.of(txs.size()));
    for (BlockTx tx : txs) {
      fields.addAll(tx.publishedFields());
    }
    return fields;
  }

  /** The fields as L1 calldata: 32 bytes big-endian each. */
  public static byte[] bytes(List<Fr> fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 * fields.size());
    for (Fr field : fields) {
      out.writeBytes(field.toBytesBE());
    }
    return out.toByteArray();
  }

  /** C for the block-root variant of {@code txCapacity} txs. */
  public static Fr commitment(List<BlockTx> txs, int txCapacity) {
    if (txs.size() > txCapacity) {
      throw new IllegalArgumentException("the block has " + txs.size() + " txs, more than the block root's capacity "
          + txCapacity);
    }
    List<Fr> inputs = new ArrayList<>();
    inputs.add(Fr.of(txs.size()));
    for (int t = 0; t < txCapacity; t++) {
      BlockTx tx = t < txs.size() ? txs.get(t) : null;
      inputs.add(tx == null ? Fr.ZERO : tx.prefix());
      inputs.add(tx == null ? Fr.ZERO : tx.txHash());
      inputs.add(tx == null ? Fr.ZERO : tx.fee());
      inputs.add(tx == null ? Fr.ZERO : tx.tree().commitment());
      for (int i = 0; i < BlockRootCircuit.OTHER_FIELDS_CAPACITY; i++) {
        inputs.add(tx != null && i < tx.otherFields().size() ? tx.otherFields().get(i) : Fr.ZERO);
      }
    }
    return Poseidon2.hash(inputs.toArray(Fr[]::new));
  }

  /** z = Poseidon2.hash([C, K]). */
  public static Fr challenge(Fr commitment, Fr effectsKey) {
    return Poseidon2.hash(commitment, effectsKey);
  }

  /** P(z) = Σ fields[i]·z^i (Horner). */
  public static Fr evaluate(List<Fr> fields, Fr z) {
    Fr acc = Fr.ZERO;
    for (int i = fields.size() - 1; i >= 0; i--) {
      acc = acc.mul(z).add(fields.get(i));
    }
    return acc;
  }
}
