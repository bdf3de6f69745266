package dev.obsidian.l1;

import dev.obsidian.actors.block.BlockHeader;
import dev.obsidian.actors.block.GlobalVariables;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.StateReference;
import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.EthAddress;
import dev.obsidian.merkle.TreeInfo;
import java.math.BigInteger;
import java.util.ArrayList;
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
 *
 * <p>What a block publishes ({@link #encodeBlock}) is its header's 22 fields (Aztec's order, {@link BlockHeader#toFields})
 * followed by the effects: everything a node that follows L1 needs to rebuild the block, its globals included.
 */
public final class EffectsEncoding {
  /** Bytes of the header that precede the effects in {@link #encodeBlock}. */
  public static final int HEADER_BYTES = 22 * 32;

  private EffectsEncoding() {}

  /** The bytes {@code propose} publishes for {@code block}: header fields, then the tx effects. */
  public static byte[] encodeBlock(L2Block block) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Fr field : block.header().toFields()) {
      out.writeBytes(field.toBytesBE());
    }
    out.writeBytes(encode(block.txEffects()));
    return out.toByteArray();
  }

  /**
   * The block {@link #encodeBlock} published, whose archive root L1 recorded as {@code archiveRoot}.
   *
   * @throws MalformedEffectsException naming the field and byte offset that do not decode
   */
  public static L2Block decodeBlock(byte[] bytes, Fr archiveRoot) {
    Reader in = new Reader(bytes);
    TreeInfo lastArchive = new TreeInfo(in.field("header.lastArchive.root"), in.u64Field("header.lastArchive.size"));
    TreeInfo[] trees = new TreeInfo[4];
    String[] names = {"l1ToL2MessageTree", "noteHashTree", "nullifierTree", "publicDataTree"};
    for (int i = 0; i < 4; i++) {
      trees[i] = new TreeInfo(in.field("header.state." + names[i] + ".root"),
          in.u64Field("header.state." + names[i] + ".size"));
    }
    Fr sponge = in.field("header.spongeBlobHash");
    GlobalVariables globals = in.build("header.globals", () -> new GlobalVariables(in.u64Field("globals.chainId"),
        in.u64Field("globals.version"), in.u64Field("globals.blockNumber"), in.u64Field("globals.slotNumber"),
        in.u64Field("globals.timestamp"), in.ethAddressField("globals.coinbase"),
        new AztecAddress(in.field("globals.feeRecipient")),
        new GasFees(in.u64Field("globals.gasFees.feePerDaGas"), in.u64Field("globals.gasFees.feePerL2Gas"))));
    Fr totalFees = in.field("header.totalFees");
    long mana = in.u64Field("header.totalManaUsed");
    BlockHeader header = in.build("header", () -> new BlockHeader(lastArchive,
        new StateReference(trees[0], trees[1], trees[2], trees[3]), sponge, globals, totalFees, mana));
    List<TxEffect> txs = decodeTxs(in);
    if (in.remaining() != 0) {
      throw new MalformedEffectsException(in.position, "trailing bytes", in.remaining() + " bytes after the last tx");
    }
    return new L2Block(header, new TreeInfo(archiveRoot, lastArchive.size() + 1), txs);
  }

  /** The tx effects of {@link #encode}. */
  public static List<TxEffect> decode(byte[] bytes) {
    Reader in = new Reader(bytes);
    List<TxEffect> txs = decodeTxs(in);
    if (in.remaining() != 0) {
      throw new MalformedEffectsException(in.position, "trailing bytes", in.remaining() + " bytes after the last tx");
    }
    return txs;
  }

  private static List<TxEffect> decodeTxs(Reader in) {
    long count = in.u32("txCount");
    if (count > in.remaining() / 74) { // a tx takes at least 64 + 5 * 2 bytes
      throw new MalformedEffectsException(in.position - 4, "txCount", count + " txs cannot fit in "
          + in.remaining() + " bytes");
    }
    List<TxEffect> txs = new ArrayList<>((int) count);
    for (int t = 0; t < count; t++) {
      String tx = "tx[" + t + "].";
      TxHash hash = new TxHash(in.field(tx + "txHash"));
      long fee = in.u64Field(tx + "fee");
      List<Fr> nullifiers = in.fields(tx + "nullifiers");
      List<Fr> noteHashes = in.fields(tx + "noteHashes");
      int writes = in.u16(tx + "publicDataWrites.count");
      List<PublicDataWrite> publicWrites = new ArrayList<>(writes);
      for (int i = 0; i < writes; i++) {
        publicWrites.add(new PublicDataWrite(in.field(tx + "publicDataWrites.leafSlot"),
            in.field(tx + "publicDataWrites.value")));
      }
      int messageCount = in.u16(tx + "l2ToL1Messages.count");
      List<ScopedL2ToL1Message> messages = new ArrayList<>(messageCount);
      for (int i = 0; i < messageCount; i++) {
        EthAddress recipient = EthAddress.fromBytes(in.bytes(EthAddress.BYTES, tx + "l2ToL1Messages.recipient"));
        messages.add(new ScopedL2ToL1Message(recipient, in.field(tx + "l2ToL1Messages.content"),
            new AztecAddress(in.field(tx + "l2ToL1Messages.sender"))));
      }
      int privateCount = in.u16(tx + "privateLogs.count");
      List<PrivateLog> privateLogs = new ArrayList<>(privateCount);
      for (int i = 0; i < privateCount; i++) {
        List<Fr> fields = in.fields(tx + "privateLogs[" + i + "]");
        privateLogs.add(in.build(tx + "privateLogs[" + i + "]", () -> new PrivateLog(fields)));
      }
      int publicCount = in.u16(tx + "publicLogs.count");
      List<PublicLog> publicLogs = new ArrayList<>(publicCount);
      for (int i = 0; i < publicCount; i++) {
        AztecAddress contract = new AztecAddress(in.field(tx + "publicLogs[" + i + "].contract"));
        List<Fr> fields = in.fields(tx + "publicLogs[" + i + "]");
        publicLogs.add(in.build(tx + "publicLogs[" + i + "]", () -> new PublicLog(contract, fields)));
      }
      TxEffects effects = in.build(tx + "effects", () -> new TxEffects(nullifiers, noteHashes, publicWrites,
          messages, privateLogs, publicLogs));
      txs.add(new TxEffect(hash, fee, effects));
    }
    return txs;
  }

  /** Published bytes that do not decode: names the field, the byte offset and why. */
  public static final class MalformedEffectsException extends IllegalArgumentException {
    private final int offset;
    private final String field;

    MalformedEffectsException(int offset, String field, String reason) {
      super("malformed published effects at byte " + offset + ", " + field + ": " + reason);
      this.offset = offset;
      this.field = field;
    }

    public int offset() {
      return offset;
    }

    public String field() {
      return field;
    }
  }

  private static final class Reader {
    private final byte[] bytes;
    private int position;

    Reader(byte[] bytes) {
      this.bytes = bytes;
    }

    int remaining() {
      return bytes.length - position;
    }

    byte[] bytes(int length, String field) {
      if (remaining() < length) {
        throw new MalformedEffectsException(position, field, "needs " + length + " bytes, " + remaining() + " left");
      }
      byte[] out = java.util.Arrays.copyOfRange(bytes, position, position + length);
      position += length;
      return out;
    }

    Fr field(String name) {
      int at = position;
      BigInteger value = new BigInteger(1, bytes(32, name));
      if (value.compareTo(Fr.MODULUS) >= 0) {
        throw new MalformedEffectsException(at, name, "0x" + value.toString(16) + " is not below the field modulus");
      }
      return Fr.fromBigInteger(value);
    }

    long u64Field(String name) {
      int at = position;
      BigInteger value = new BigInteger(1, bytes(32, name));
      if (value.bitLength() > 63) {
        throw new MalformedEffectsException(at, name, "0x" + value.toString(16) + " does not fit a 63-bit integer");
      }
      return value.longValueExact();
    }

    EthAddress ethAddressField(String name) {
      int at = position;
      byte[] word = bytes(32, name);
      for (int i = 0; i < 12; i++) {
        if (word[i] != 0) {
          throw new MalformedEffectsException(at, name, "an L1 address has 20 bytes, the word's top 12 are not zero");
        }
      }
      return EthAddress.fromBytes(java.util.Arrays.copyOfRange(word, 12, 32));
    }

    int u16(String name) {
      byte[] two = bytes(2, name);
      return ((two[0] & 0xFF) << 8) | (two[1] & 0xFF);
    }

    long u32(String name) {
      byte[] four = bytes(4, name);
      return ((long) (four[0] & 0xFF) << 24) | ((four[1] & 0xFF) << 16) | ((four[2] & 0xFF) << 8) | (four[3] & 0xFF);
    }

    List<Fr> fields(String name) {
      int count = u16(name + ".count");
      if ((long) count * 32 > remaining()) {
        throw new MalformedEffectsException(position - 2, name + ".count", count + " fields cannot fit in "
            + remaining() + " bytes");
      }
      List<Fr> out = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        out.add(field(name + "[" + i + "]"));
      }
      return out;
    }

    /** Runs a constructor whose own checks (counts, distinct values) may refuse what was decoded. */
    <T> T build(String name, java.util.function.Supplier<T> constructor) {
      int at = position;
      try {
        return constructor.get();
      } catch (MalformedEffectsException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw new MalformedEffectsException(at, name, e.getMessage());
      }
    }
  }

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
