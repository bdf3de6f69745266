package dev.obsidian.sim;

import dev.obsidian.actors.TxStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the node's receipts said about a set of the run's txs, asked once the run was over.
 *
 * @param byStatus receipts by status, in the status's declaration order
 * @param mismatches receipts that contradict what the run saw (e.g. a tx seen mined in block 7 whose receipt names
 *     another block, or is not mined), at most {@link Recording#MAX_LISTED}
 * @param failures calls that got no receipt
 */
public record ReceiptAudit(int checked, Map<TxStatus, Integer> byStatus, List<String> mismatches, int failures) {
  public static final ReceiptAudit NONE = new ReceiptAudit(0, Map.of(), List.of(), 0);

  public ReceiptAudit {
    EnumMap<TxStatus, Integer> ordered = new EnumMap<>(TxStatus.class);
    ordered.putAll(byStatus);
    byStatus = Collections.unmodifiableMap(ordered);
    mismatches = List.copyOf(mismatches);
  }

  public int count(TxStatus status) {
    return byStatus.getOrDefault(status, 0);
  }
}
