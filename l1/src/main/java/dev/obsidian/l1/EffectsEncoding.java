package dev.obsidian.l1;

import dev.obsidian.actors.block.BlockHeader;
import dev.obsidian.actors.block.GlobalVariables;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.StateReference;
import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.actors.tx.PrivateLog;
import dev.obsidian.actors.tx.PublicDataWrite;
import dev.obsidian.actors.tx.PublicLog;
import dev.obsidian.actors.tx.ScopedL2ToL1Message;
import dev.obsidian.actors.tx.TxEffects;
import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.circuits.rollup.BlockTx;
import dev.obsidian.circuits.rollup.TxTreeEffects;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.EthAddress;
import dev.obsidian.merkle.TreeInfo;
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
    return published(block.header().toFields(), encode(block.txEffects()));
  }

  /** Published bytes: the header's 22 fields, then {@code effects} ({@link #encode}). */
  public static byte[] published(List<Fr> headerFields, byte[] effects) {
    if (headerFields.size() * 32 != HEADER_BYTES) {
      throw new IllegalArgumentException("a published header has " + HEADER_BYTES / 32 + " fields, got "
          + headerFields.size());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER_BYTES + effects.length);
    for (Fr field : headerFields) {
      out.writeBytes(field.toBytesBE());
    }
    out.writeBytes(effects);
    return out.toByteArray();
  }

  /**
   * The tx effects of published bytes (what follows the header): the words the Rollup's data-availability check
   * evaluates and hashes into K. The header is bound otherwise: its hash is the proven {@code blockHash}.
   */
  public static byte[] txEffects(byte[] published) {
    if (published.length < HEADER_BYTES) {
      throw new IllegalArgumentException("published effects start with a " + HEADER_BYTES + "-byte header, got "
          + published.length + " bytes");
    }
    return java.util.Arrays.copyOfRange(published, HEADER_BYTES, published.length);
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
    long count = in.u64Field("txCount");
    if (count > in.remaining() / (4 * 32)) { // a tx takes at least its prefix, hash, fee and 3 other-field counts
      throw new MalformedEffectsException(in.position - 32, "txCount", count + " txs cannot fit in "
          + in.remaining() + " bytes");
    }
    List<TxEffect> txs = new ArrayList<>((int) count);
    for (int t = 0; t < count; t++) {
      String tx = "tx[" + t + "].";
      int prefixAt = in.position;
      long prefix = in.u64Field(tx + "prefix");
      int nullifierCount = (int) (prefix & 0xFFFF);
      int noteHashCount = (int) ((prefix >>> 16) & 0xFFFF);
      int writes = (int) ((prefix >>> 32) & 0xFFFF);
      int otherCount = (int) ((prefix >>> 48) & 0xFFFF);
      long words = 2L + nullifierCount + noteHashCount + 2L * writes + otherCount;
      if (words * 32 > in.remaining()) {
        throw new MalformedEffectsException(prefixAt, tx + "prefix", words + " fields cannot fit in "
            + in.remaining() + " bytes");
      }
      TxHash hash = new TxHash(in.field(tx + "txHash"));
      long fee = in.u64Field(tx + "fee");
      List<Fr> nullifiers = in.fields(tx + "nullifiers", nullifierCount);
      List<Fr> noteHashes = in.fields(tx + "noteHashes", noteHashCount);
      List<PublicDataWrite> publicWrites = new ArrayList<>(writes);
      for (int i = 0; i < writes; i++) {
        publicWrites.add(new PublicDataWrite(in.field(tx + "publicDataWrites[" + i + "].leafSlot"),
            in.field(tx + "publicDataWrites[" + i + "].value")));
      }
      int otherEnd = in.position + otherCount * 32;
      int messageCount = in.count(tx + "l2ToL1Messages.count", otherEnd);
      List<ScopedL2ToL1Message> messages = new ArrayList<>(messageCount);
      for (int i = 0; i < messageCount; i++) {
        String name = tx + "l2ToL1Messages[" + i + "]";
        EthAddress recipient = in.ethAddressField(name + ".recipient");
        messages.add(new ScopedL2ToL1Message(recipient, in.field(name + ".content"),
            new AztecAddress(in.field(name + ".sender"))));
      }
      int privateCount = in.count(tx + "privateLogs.count", otherEnd);
      List<PrivateLog> privateLogs = new ArrayList<>(privateCount);
      for (int i = 0; i < privateCount; i++) {
        String name = tx + "privateLogs[" + i + "]";
        List<Fr> fields = in.fields(name, in.count(name + ".length", otherEnd));
        privateLogs.add(in.build(name, () -> new PrivateLog(fields)));
      }
      int publicCount = in.count(tx + "publicLogs.count", otherEnd);
      List<PublicLog> publicLogs = new ArrayList<>(publicCount);
      for (int i = 0; i < publicCount; i++) {
        String name = tx + "publicLogs[" + i + "]";
        AztecAddress contract = new AztecAddress(in.field(name + ".contract"));
        List<Fr> fields = in.fields(name, in.count(name + ".length", otherEnd));
        publicLogs.add(in.build(name, () -> new PublicLog(contract, fields)));
      }
      if (in.position != otherEnd) {
        throw new MalformedEffectsException(in.position, tx + "other", "the prefix announces " + otherCount
            + " other fields, the messages and logs take " + (otherCount - (otherEnd - in.position) / 32));
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

    /** A count word of the tx's other fields, which must leave its items within {@code end}. */
    int count(String name, int end) {
      int at = position;
      if (position + 32 > end) {
        throw new MalformedEffectsException(at, name, "beyond the other fields the prefix announced");
      }
      long value = u64Field(name);
      if (value * 32 > end - position) {
        throw new MalformedEffectsException(at, name, value + " items cannot fit in the " + (end - position)
            + " bytes left of the tx's other fields");
      }
      return (int) value;
    }

    List<Fr> fields(String name, int count) {
      if ((long) count * 32 > remaining()) {
        throw new MalformedEffectsException(position, name, count + " fields cannot fit in " + remaining() + " bytes");
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
