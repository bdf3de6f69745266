package dev.obsidian.actors;

import dev.obsidian.actors.TxVerdict.Code;
import dev.obsidian.actors.TxVerdict.Rejected;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.actors.tx.TxEffects;
import dev.obsidian.crypto.field.Fr;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The mempool's checks that need no pending-set state: limits, chain, fee, expiry, anchor, nullifiers in the tree, proof. */
final class TxAdmission {
  private TxAdmission() {}

  static Optional<Rejected> check(Tx tx, Mempool.Settings settings, ChainView chain, TxProofVerifier verifier,
      Function<TxEffects, Optional<String>> provable) {
    if (!tx.publicCalls().isEmpty()) {
      return reject(Code.PUBLIC_CALLS_UNSUPPORTED, "publicCalls",
          "the tx enqueues " + tx.publicCalls().size() + " public calls; this node cannot execute public functions yet");
    }
    long size = tx.sizeBytes();
    if (size > settings.maxTxBytes()) {
      return reject(Code.TOO_LARGE, "tx", "tx takes " + size + " bytes, more than max-tx-bytes = " + settings.maxTxBytes());
    }
    Optional<String> unprovable = provable.apply(tx.effects());
    if (unprovable.isPresent()) {
      return reject(Code.NOT_PROVABLE, "effects", unprovable.get());
    }
    if (tx.chainId() != settings.chainId()) {
      return reject(Code.WRONG_CHAIN, "chainId", "tx is for chain " + tx.chainId() + ", this node runs chain " + settings.chainId());
    }
    if (tx.rollupVersion() != settings.rollupVersion()) {
      return reject(Code.WRONG_CHAIN, "rollupVersion",
          "tx is for rollup version " + tx.rollupVersion() + ", this node runs " + settings.rollupVersion());
    }
    if (!tx.gasSettings().maxFeesPerGas().covers(settings.minFeesPerGas())) {
      return reject(Code.FEE_TOO_LOW, "gasSettings.maxFeesPerGas",
          "offers " + tx.gasSettings().maxFeesPerGas() + ", below the minimum " + settings.minFeesPerGas());
    }
    Optional<Rejected> chainProblem = checkAgainstChain(tx, chain);
    if (chainProblem.isPresent()) {
      return chainProblem;
    }
    return verifier.verify(tx).map(reason -> new Rejected(Code.INVALID_PROOF, "proof", reason));
  }

  private static Optional<Rejected> checkAgainstChain(Tx tx, ChainView chain) {
    long nextBlock = chain.latestBlockNumber() + 1;
    if (tx.expiration().isExpiredAt(nextBlock, chain.latestTimestampSeconds())) {
      return reject(Code.EXPIRED, "expiration", "tx expires before block " + nextBlock + " (latest timestamp "
          + chain.latestTimestampSeconds() + "): " + tx.expiration());
    }
    if (!chain.isKnownBlockHash(tx.anchorBlockHash())) {
      return reject(Code.UNKNOWN_ANCHOR, "anchorBlockHash", "no block with hash " + tx.anchorBlockHash() + " is known");
    }
    List<Fr> nullifiers = tx.effects().nullifiers();
    int existing = chain.firstExistingNullifier(nullifiers);
    if (existing >= 0) {
      return reject(Code.DOUBLE_SPEND, "effects.nullifiers[" + existing + "]",
          "nullifier " + nullifiers.get(existing) + " is already in the nullifier tree");
    }
    return Optional.empty();
  }

  private static Optional<Rejected> reject(Code code, String field, String reason) {
    return Optional.of(new Rejected(code, field, reason));
  }
}
