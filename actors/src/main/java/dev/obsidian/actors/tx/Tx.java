package dev.obsidian.actors.tx;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A proven transaction as a client submits it: the public inputs of its private execution and the proof.
 *
 * @param anchorBlockHash hash of the block whose state the private execution read (Aztec's anchor block header,
 *     carried as its hash)
 * @param chainId must equal the node's chain id
 * @param rollupVersion must equal the node's rollup version
 * @param effects nullifiers, note hashes, writes and logs the tx makes
 * @param publicCalls enqueued public calls; the node rejects any until it can execute public functions
 * @param gasSettings limits and fees the tx accepts
 * @param feePayer who pays the fee
 * @param expiration last block (number and timestamp) it may be included in
 * @param proof the tx proof; not part of the hash, as in Aztec
 */
public record Tx(
    Fr anchorBlockHash,
    long chainId,
    long rollupVersion,
    TxEffects effects,
    List<PublicCallRequest> publicCalls,
    GasSettings gasSettings,
    AztecAddress feePayer,
    Expiration expiration,
    byte[] proof) {

  /** Bound on the proof bytes a tx may carry, before the configured whole-tx limit applies. */
  public static final int MAX_PROOF_BYTES = 1 << 20;

  public Tx {
    Require.present(anchorBlockHash, "anchorBlockHash");
    Require.nonNegative(chainId, "chainId");
    Require.nonNegative(rollupVersion, "rollupVersion");
    Require.present(effects, "effects");
    publicCalls = Require.list(publicCalls, "publicCalls", Constants.MAX_ENQUEUED_CALLS_PER_TX);
    Require.present(gasSettings, "gasSettings");
    Require.present(feePayer, "feePayer");
    Require.present(expiration, "expiration");
    Require.present(proof, "proof");
    if (proof.length > MAX_PROOF_BYTES) {
      throw new IllegalArgumentException("proof has " + proof.length + " bytes, at most " + MAX_PROOF_BYTES + " allowed");
    }
    proof = proof.clone();
  }

  @Override
  public byte[] proof() {
    return proof.clone();
  }

  /** See {@link TxHashing}: Aztec's private tx hash over the fields this Tx carries. */
  public TxHash hash() {
    return new TxHash(TxHashing.hash(this));
  }

  /** Size as 32-byte fields plus the proof: what the configured max-tx-bytes limit bounds. */
  public long sizeBytes() {
    return 32L * (TxHashing.fieldCount(this) + 4L * publicCalls.size()) + proof.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Tx tx
        && anchorBlockHash.equals(tx.anchorBlockHash)
        && chainId == tx.chainId
        && rollupVersion == tx.rollupVersion
        && effects.equals(tx.effects)
        && publicCalls.equals(tx.publicCalls)
        && gasSettings.equals(tx.gasSettings)
        && feePayer.equals(tx.feePayer)
        && expiration.equals(tx.expiration)
        && Arrays.equals(proof, tx.proof);
  }

  @Override
  public int hashCode() {
    return 31 * effects.hashCode() + Arrays.hashCode(proof);
  }

  @Override
  public String toString() {
    return "Tx[nullifier=" + effects.txNullifier() + ", anchor=" + anchorBlockHash + ", proof="
        + HexFormat.of().formatHex(proof, 0, Math.min(proof.length, 8)) + (proof.length > 8 ? "..." : "") + "]";
  }
}
