package dev.obsidian.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** reference.conf is the documentation: every key there is documented, defaulted and actually used. */
class ReferenceConfTest {

  private final Map<String, List<String>> leaves = ReferenceLines.documentedLeaves();

  @Test
  void everyKeyHasACommentThatGivesItsRange() {
    for (Map.Entry<String, List<String>> leaf : leaves.entrySet()) {
      String comment = String.join(" ", leaf.getValue());
      assertFalse(comment.isBlank(), leaf.getKey() + " has no comment");
      assertTrue(comment.matches(".*(in \\[.*]|true or false|Non-empty|One of |URL with a host).*"),
          leaf.getKey() + " does not state its range or form: " + comment);
    }
  }

  @Test
  void everyDocumentedKeyIsReadAndNothingElseIs() {
    SettingsReader reader = new SettingsReader(
        ConfigFactory.parseResources("reference.conf").resolve(), List.of());
    SettingsBinder.bind(reader);
    assertEquals(leaves.keySet(), reader.readKeys());
  }

  @Test
  void theDocumentedKeysAreTheOnesTheBriefAsksFor() {
    assertEquals(List.of(
            "obsidian.archiver.confirmations", "obsidian.archiver.max-blocks-per-query",
            "obsidian.archiver.poll-interval", "obsidian.archiver.remembered-blocks",
            "obsidian.archiver.retry-max-backoff", "obsidian.archiver.retry-min-backoff",
            "obsidian.data-dir",
            "obsidian.l1.anvil-port", "obsidian.l1.block-time-seconds", "obsidian.l1.chain-id",
            "obsidian.l1.publisher.bump-after-l1-blocks", "obsidian.l1.publisher.confirmations",
            "obsidian.l1.publisher.fee-bump-percent", "obsidian.l1.publisher.max-attempts",
            "obsidian.l1.publisher.max-fee-per-gas-gwei", "obsidian.l1.publisher.poll-interval",
            "obsidian.l1.publisher.reconcile-interval", "obsidian.l1.publisher.retry-backoff-max",
            "obsidian.l1.publisher.retry-backoff-min",
            "obsidian.l1.rpc-url",
            "obsidian.limits.max-notes-per-account", "obsidian.limits.max-tx-bytes",
            "obsidian.limits.mempool-max-txs", "obsidian.limits.rpc-max-request-bytes",
            "obsidian.merkle.history-blocks", "obsidian.merkle.rocksdb-cache-size",
            "obsidian.merkle.store-path",
            "obsidian.node.chain-id", "obsidian.node.rollup-version", "obsidian.node.rpc-host",
            "obsidian.node.rpc-port",
            "obsidian.persistence.cassandra.auto-create", "obsidian.persistence.cassandra.contact-points",
            "obsidian.persistence.cassandra.keyspace", "obsidian.persistence.cassandra.local-datacenter",
            "obsidian.persistence.journal",
            "obsidian.prover.cluster-host", "obsidian.prover.cluster-port", "obsidian.prover.enabled",
            "obsidian.prover.job-timeout", "obsidian.prover.key-dir", "obsidian.prover.max-attempts",
            "obsidian.prover.max-base-capacity", "obsidian.prover.max-block-txs", "obsidian.prover.workers",
            "obsidian.sequencer.block-time-ms", "obsidian.sequencer.build-empty-blocks",
            "obsidian.sequencer.max-txs-per-block", "obsidian.sequencer.min-txs-per-block"),
        List.copyOf(leaves.keySet()));
  }
}
