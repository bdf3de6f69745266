package dev.obsidian.l1;

import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.actors.tx.PrivateLog;
import dev.obsidian.actors.tx.PublicDataWrite;
import dev.obsidian.actors.tx.ScopedL2ToL1Message;
import dev.obsidian.actors.tx.TxEffects;
import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.EthAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Deterministic tx effects and proposals for the contract tests. */
final class TestBlocks {
  static final Fr VERSION = Fr.of(1);
  static final Fr CHAIN_ID = Fr.of(31337);

  private final SplittableRandom random;

  TestBlocks(long seed) {
    this.random = new SplittableRandom(seed);
  }

  Fr field() {
    byte[] bytes = new byte[31];
    random.nextBytes(bytes);
    Fr value = Fr.fromBigInteger(new BigInteger(1, bytes));
    return value.isZero() ? Fr.ONE : value;
  }

  /**
   * A private transfer's worth of effects: 2 nullifiers, 2 note hashes, 2 private logs of 16 fields (Aztec's
   * PRIVATE_LOG_SIZE_IN_FIELDS), 1 public data write, and the given L2->L1 messages.
   */
  TxEffect transfer(List<ScopedL2ToL1Message> messages) {
    TxEffects effects = new TxEffects(List.of(field(), field()), List.of(field(), field()),
        List.of(new PublicDataWrite(field(), field())), messages,
        List.of(new PrivateLog(fields(16)), new PrivateLog(fields(16))), List.of());
    return new TxEffect(new TxHash(field()), 1000 + random.nextInt(1000), effects);
  }

  List<TxEffect> transfers(int count) {
    List<TxEffect> txs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      txs.add(transfer(List.of()));
    }
    return txs;
  }

  ScopedL2ToL1Message messageTo(EthAddress recipient, AztecAddress sender, Fr content) {
    return new ScopedL2ToL1Message(recipient, content, sender);
  }

  /**
   * Block {@code number} on top of {@code lastArchive} with these effects; roots other than the archive, and the
   * published header fields, are random.
   */
  ProposedHeader.Proposal proposal(long number, Fr lastArchive, List<TxEffect> txs, Fr inHash) {
    byte[] effects = EffectsEncoding.published(fields(EffectsEncoding.HEADER_BYTES / 32), EffectsEncoding.encode(txs));
    OutHashTree outTree = OutHashTree.of(ProposedHeader.l2ToL1MessageHashes(txs, VERSION, CHAIN_ID));
    ProposedHeader header = new ProposedHeader(number, lastArchive, field(), field(), field(), field(), field(),
        field(), dev.obsidian.crypto.hash.Sha.sha256ToField(effects), inHash, outTree.root(), outTree.height());
    return new ProposedHeader.Proposal(header, effects, outTree);
  }

  private List<Fr> fields(int count) {
    List<Fr> fields = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      fields.add(field());
    }
    return fields;
  }
}
