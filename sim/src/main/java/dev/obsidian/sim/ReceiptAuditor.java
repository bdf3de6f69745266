package dev.obsidian.sim;

import dev.obsidian.actors.TxReceipt;
import dev.obsidian.actors.TxStatus;
import dev.obsidian.actors.tx.TxHash;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Asks the node for receipts after a run, a bounded batch at a time, and compares them with what the run saw. */
final class ReceiptAuditor {
  /** Receipt calls in flight at once. */
  static final int BATCH = 32;
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final LoadTarget target;

  ReceiptAuditor(LoadTarget target) {
    this.target = target;
  }

  /** Every tx seen mined must have a mined (or proven) receipt naming the same block. */
  ReceiptAudit included(List<Inclusion> inclusions) {
    Map<TxHash, Long> blockOf = new HashMap<>();
    inclusions.forEach(inclusion -> blockOf.put(inclusion.txHash(), inclusion.blockNumber()));
    return audit(inclusions.stream().map(Inclusion::txHash).toList(), (hash, receipt) -> {
      long seenIn = blockOf.get(hash);
      boolean mined = receipt.status() == TxStatus.MINED || receipt.status() == TxStatus.PROVEN;
      return mined && receipt.blockNumber().equals(Optional.of(seenIn)) ? Optional.empty()
          : Optional.of(hash + " was seen mined in block " + seenIn + " but its receipt says " + receipt.status()
              + receipt.blockNumber().map(n -> " in block " + n).orElse(""));
    });
  }

  /** Txs accepted but not seen mined: their receipts say why (still pending, dropped, or mined after all). */
  ReceiptAudit notIncluded(List<TxHash> hashes) {
    return audit(hashes, (hash, receipt) -> Optional.empty());
  }

  private interface Check {
    Optional<String> mismatch(TxHash hash, TxReceipt receipt);
  }

  private ReceiptAudit audit(List<TxHash> hashes, Check check) {
    Map<TxStatus, Integer> byStatus = new EnumMap<>(TxStatus.class);
    List<String> mismatches = new ArrayList<>();
    int failures = 0;
    for (int from = 0; from < hashes.size(); from += BATCH) {
      List<TxHash> batch = hashes.subList(from, Math.min(hashes.size(), from + BATCH));
      List<CompletableFuture<TxReceipt>> calls = batch.stream()
          .map(hash -> target.txReceipt(hash).toCompletableFuture()).toList();
      for (int i = 0; i < batch.size(); i++) {
        Optional<TxReceipt> receipt = await(calls.get(i));
        if (receipt.isEmpty()) {
          failures++;
          continue;
        }
        byStatus.merge(receipt.get().status(), 1, Integer::sum);
        check.mismatch(batch.get(i), receipt.get()).filter(m -> mismatches.size() < Recording.MAX_LISTED)
            .ifPresent(mismatches::add);
      }
    }
    return new ReceiptAudit(hashes.size(), byStatus, mismatches, failures);
  }

  private static Optional<TxReceipt> await(CompletableFuture<TxReceipt> call) {
    try {
      return Optional.of(call.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
