package dev.obsidian.l1;

import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.actors.tx.PrivateLog;
import dev.obsidian.actors.tx.PublicDataWrite;
import dev.obsidian.actors.tx.PublicLog;
import dev.obsidian.actors.tx.ScopedL2ToL1Message;
import dev.obsidian.actors.tx.TxEffects;
import dev.obsidian.crypto.field.Fr;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The byte encoding of a block's tx effects published as {@code propose} calldata (layout in l1/README.md). Fields are
 * 32 bytes big-endian, counts 2 bytes big-endian, L1 addresses 20 bytes:
 *
 * <pre>
 * effects := txCount:u32 tx*
 * tx      := txHash fee:field
 *            n:u16 nullifier*n  n:u16 noteHash*n  n:u16 (leafSlot value)*n
 *            n:u16 (recipient:address20 content sender)*n
 *            n:u16 (len:u16 field*len)*n            -- private logs
 *            n:u16 (contract len:u16 field*len)*n   -- public logs
 * </pre>
 */
public final class EffectsEncoding {
  private EffectsEncoding() {}

  public static byte[] encode(List<TxEffect> txEffects) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeU32(out, txEffects.size());
    for (TxEffect tx : txEffects) {
      writeTx(out, tx);
    }
    return out.toByteArray();
  }

  private static void writeTx(ByteArrayOutputStream out, TxEffect tx) {
    TxEffects effects = tx.effects();
    out.writeBytes(tx.txHash().value().toBytesBE());
    out.writeBytes(Fr.of(tx.transactionFee()).toBytesBE());
    writeFields(out, effects.nullifiers());
    writeFields(out, effects.noteHashes());
    writeU16(out, effects.publicDataWrites().size());
    for (PublicDataWrite write : effects.publicDataWrites()) {
      out.writeBytes(write.leafSlot().toBytesBE());
      out.writeBytes(write.value().toBytesBE());
    }
    writeU16(out, effects.l2ToL1Messages().size());
    for (ScopedL2ToL1Message message : effects.l2ToL1Messages()) {
      out.writeBytes(message.recipient().toBytes());
      out.writeBytes(message.content().toBytesBE());
      out.writeBytes(message.sender().toField().toBytesBE());
    }
    writeU16(out, effects.privateLogs().size());
    for (PrivateLog log : effects.privateLogs()) {
      writeFields(out, log.fields());
    }
    writeU16(out, effects.publicLogs().size());
    for (PublicLog log : effects.publicLogs()) {
      out.writeBytes(log.contract().toField().toBytesBE());
      writeFields(out, log.fields());
    }
  }

  private static void writeFields(ByteArrayOutputStream out, List<Fr> fields) {
    writeU16(out, fields.size());
    for (Fr field : fields) {
      out.writeBytes(field.toBytesBE());
    }
  }

  private static void writeU16(ByteArrayOutputStream out, int value) {
    if (value < 0 || value > 0xFFFF) {
      throw new IllegalArgumentException("count " + value + " does not fit the effects encoding's u16");
    }
    out.write(value >>> 8);
    out.write(value);
  }

  private static void writeU32(ByteArrayOutputStream out, int value) {
    out.write(value >>> 24);
    out.write(value >>> 16);
    out.write(value >>> 8);
    out.write(value);
  }
}
