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
        format("included: %d txs in %d blocks; throughput %.1f txs/s sequenced and applied (first submission to last"
            + " inclusion), %.1f txs/s while submitting", r.included(), r.blocks().size(), result.includedPerSecond(),
            result.sustainedPerSecond()),
        format("inclusion latency (submit -> receipt mined): p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms%s",
            result.inclusionMillis(50), result.inclusionMillis(90), result.inclusionMillis(99), result.maxInclusionMillis(),
            blockTimes(result)),
        format("mempool: at most %d pending, %.0f on average; mean block interval %s", result.maxMempoolSize(),
            result.meanMempoolSize(), result.meanBlockInterval().map(d -> d.toMillis() + " ms").orElse("n/a")),
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

  private static String blockTimes(LoadResult result) {
    String basis = result.blockTime().isPresent() ? "block time " + result.blockTime().get().toMillis() + " ms"
        : "mean block interval";
    return result.p99InBlockTimes().map(x -> format(" (p99 = %.2f x %s)", x, basis)).orElse("");
  }

  private static String leftovers(ReceiptAudit audit) {
    if (audit.checked() == 0) {
      return "";
    }
    return audit.byStatus().entrySet().stream().map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue())
        .collect(Collectors.joining(", ", "; receipts of " + audit.checked() + " of them: ", ""));
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
