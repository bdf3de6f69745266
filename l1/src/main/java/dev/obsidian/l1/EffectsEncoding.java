package dev.obsidian.l1;

import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.actors.tx.PrivateLog;
import dev.obsidian.actors.tx.PublicDataWrite;
import dev.obsidian.actors.tx.PublicLog;
import dev.obsidian.actors.tx.ScopedL2ToL1Message;
import dev.obsidian.actors.tx.TxEffects;
import dev.obsidian.circuits.rollup.BlockTx;
import dev.obsidian.circuits.rollup.TxTreeEffects;
import dev.obsidian.crypto.field.Fr;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The block's tx effects as {@code propose} calldata: a sequence of field elements, each a 32-byte big-endian word
 * below r, so the Rollup can evaluate them as the coefficients of the block root's polynomial P (data availability,
 * circuits/README.md "Block root"). Layout (l1/README.md):
 *
 * <pre>
 * effects := txCount tx*
 * tx      := prefix txHash fee nullifier* noteHash* (leafSlot value)* other*
 * prefix   = #nullifiers + #noteHashes·2^16 + #writes·2^32 + #other·2^48
 * other   := #messages (recipient content sender)*  #privateLogs (len field*len)*  #publicLogs (contract len field*len)*
 * </pre>
 */
public final class EffectsEncoding {
  private EffectsEncoding() {}

  public static byte[] encode(List<TxEffect> txEffects) {
    return toBytes(fields(txEffects));
  }

  /** The published fields, in calldata order. */
  public static List<Fr> fields(List<TxEffect> txEffects) {
    List<Fr> fields = new ArrayList<>();
    fields.add(Fr.of(txEffects.size()));
    for (TxEffect tx : txEffects) {
      TxEffects effects = tx.effects();
      List<Fr> other = otherFields(effects);
      BigInteger prefix = BigInteger.valueOf(effects.nullifiers().size())
          .or(BigInteger.valueOf(effects.noteHashes().size()).shiftLeft(16))
          .or(BigInteger.valueOf(effects.publicDataWrites().size()).shiftLeft(32))
          .or(BigInteger.valueOf(other.size()).shiftLeft(48));
      fields.add(Fr.fromBigInteger(prefix));
      fields.add(tx.txHash().value());
      fields.add(Fr.of(tx.transactionFee()));
      fields.addAll(effects.nullifiers());
      fields.addAll(effects.noteHashes());
      for (PublicDataWrite write : effects.publicDataWrites()) {
        fields.add(write.leafSlot());
        fields.add(write.value());
      }
      fields.addAll(other);
    }
    return fields;
  }

  /** A tx's L2-to-L1 messages and logs as fields (the block root's "other fields" of the tx). */
  public static List<Fr> otherFields(TxEffects effects) {
    List<Fr> fields = new ArrayList<>();
    fields.add(Fr.of(effects.l2ToL1Messages().size()));
    for (ScopedL2ToL1Message message : effects.l2ToL1Messages()) {
      fields.add(message.recipient().toField());
      fields.add(message.content());
      fields.add(message.sender().toField());
    }
    fields.add(Fr.of(effects.privateLogs().size()));
    for (PrivateLog log : effects.privateLogs()) {
      fields.add(Fr.of(log.fields().size()));
      fields.addAll(log.fields());
    }
    fields.add(Fr.of(effects.publicLogs().size()));
    for (PublicLog log : effects.publicLogs()) {
      fields.add(log.contract().toField());
      fields.add(Fr.of(log.fields().size()));
      fields.addAll(log.fields());
    }
    return fields;
  }

  /**
   * The block root's view of a tx ({@code circuits.rollup.BlockTx}): the same published fields, with the tree
   * effects the base rollup proves. Refuses a tx with more other fields than the block root holds.
   */
  public static BlockTx blockTx(TxEffect tx) {
    TxEffects effects = tx.effects();
    List<TxTreeEffects.PublicWrite> writes = effects.publicDataWrites().stream()
        .map(write -> new TxTreeEffects.PublicWrite(write.leafSlot(), write.value())).toList();
    return new BlockTx(tx.txHash().value(), Fr.of(tx.transactionFee()),
        new TxTreeEffects(effects.noteHashes(), effects.nullifiers(), writes), otherFields(effects));
  }

  public static List<BlockTx> blockTxs(List<TxEffect> txEffects) {
    return txEffects.stream().map(EffectsEncoding::blockTx).toList();
  }

  /** K = keccak256(effects) mod r, as the Rollup computes it (the block root's public input effectsKey). */
  public static Fr effectsKey(byte[] effects) {
    return Fr.reduce(new BigInteger(1, org.web3j.crypto.Hash.sha3(effects)));
  }

  static byte[] toBytes(List<Fr> fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 * fields.size());
    for (Fr field : fields) {
      out.writeBytes(field.toBytesBE());
    }
    return out.toByteArray();
  }
}
