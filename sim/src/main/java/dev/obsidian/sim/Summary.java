package dev.obsidian.sim;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The few lines {@code obsidian loadtest} prints after a run. */
public final class Summary {
  private Summary() {}

  public static List<String> lines(LoadResult result) {
    Recording r = result.recording();
    LoadPlan plan = result.plan();
    return List.of(
        format("loadtest: %d users, %d txs/s for %d s (seed %d) against %s", plan.users(), plan.txsPerSecond(),
            plan.duration().toSeconds(), plan.seed(), result.target()),
        format("submitted: %d of %d slots in %.1f s (%.1f txs/s offered), %d skipped (user saturated)", result.sent(),
            r.issued(), result.submissionSeconds(), result.offeredPerSecond(), r.skipped()),
        format("verdicts: %d accepted, %d rejected%s, %d failed%s", r.accepted(), r.rejected(), rejections(r), r.failures(),
            r.failureExamples().isEmpty() ? "" : " (first: " + r.failureExamples().get(0) + ")"),
        format("included: %d txs in %d blocks%s; throughput %.1f txs/s sequenced and applied (first submission to last"
            + " inclusion), %.1f txs/s while submitting", r.included(), r.blocks().size(), others(r),
            result.includedPerSecond(), result.sustainedPerSecond()),
        latency(result),
        mempool(result),
        format("not included at the end: %d%s%s", r.notIncludedCount(), r.drainedInTime() ? "" : " (drain timeout)",
            leftovers(result.notIncludedAudit())),
        format("receipt check: %d of %d txs seen mined have a matching mined receipt%s",
            matching(result.includedAudit()),
            result.includedAudit().checked(),
            result.includedAudit().mismatches().isEmpty() ? "" : "; first mismatch: " + result.includedAudit().mismatches().get(0)));
  }

  /** Receipts that agree with what the run saw: every one checked except mismatches and failed calls. */
  static int matching(ReceiptAudit audit) {
    return audit.checked() - audit.mismatches().size() - audit.failures();
  }

  private static String rejections(Recording r) {
    if (r.rejections().isEmpty()) {
      return "";
    }
    return r.rejections().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", ", " (", ")"));
  }

  /** Txs in the run's blocks it cannot call its own: another client's, or its own whose verdict never came back. */
  private static String others(Recording r) {
    long others = r.blocks().stream().mapToLong(b -> b.txCount() - b.ownTxCount()).sum();
    return others == 0 ? "" : " (and " + others + " other txs: another client's, or the run's own whose verdict timed out)";
  }

  private static String latency(LoadResult result) {
    if (result.recording().included() == 0) {
      return "inclusion latency (submit -> receipt mined): no tx of the run was seen mined";
    }
    return format("inclusion latency (submit -> receipt mined): p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms%s",
        result.inclusionMillis(50), result.inclusionMillis(90), result.inclusionMillis(99), result.maxInclusionMillis(),
        blockTimes(result));
  }

  private static String mempool(LoadResult result) {
    String interval = result.meanBlockInterval().map(d -> d.toMillis() + " ms").orElse("n/a");
    if (result.recording().mempool().isEmpty()) {
      return "mempool: never sampled (the node did not answer node_getPendingTxCount); mean block interval " + interval;
    }
    return format("mempool: at most %d pending, %.0f on average (%d samples); mean block interval %s",
        result.maxMempoolSize(), result.meanMempoolSize(), result.recording().mempool().size(), interval);
  }

  private static String blockTimes(LoadResult result) {
    String basis = result.blockTime().isPresent() ? "block time " + result.blockTime().get().toMillis() + " ms"
        : "mean block interval";
    return result.p99InBlockTimes().map(x -> format(" (p99 = %.2f x %s)", x, basis)).orElse("");
  }

  private static String leftovers(ReceiptAudit audit) {
    if (audit.checked() == 0) {
      return "";
    }
    String statuses = audit.byStatus().entrySet().stream()
        .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue()).collect(Collectors.joining(", "));
    return "; receipts of " + audit.checked() + " of them: " + (statuses.isEmpty() ? "" : statuses + ", ")
        + audit.failures() + " unanswered";
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
