package dev.obsidian.config;

/** Full paths of the keys documented in reference.conf; kept in one place so code and docs can be compared. */
final class Keys {

  static final String ROOT = "obsidian";
  static final String DATA_DIR = "obsidian.data-dir";

  static final String RPC_HOST = "obsidian.node.rpc-host";
  static final String RPC_PORT = "obsidian.node.rpc-port";
  static final String NODE_CHAIN_ID = "obsidian.node.chain-id";
  static final String ROLLUP_VERSION = "obsidian.node.rollup-version";

  static final String MERKLE_STORE_PATH = "obsidian.merkle.store-path";
  static final String MERKLE_HISTORY_BLOCKS = "obsidian.merkle.history-blocks";
  static final String MERKLE_ROCKSDB_CACHE_SIZE = "obsidian.merkle.rocksdb-cache-size";

  static final String L1_RPC_URL = "obsidian.l1.rpc-url";
  static final String L1_ANVIL_PORT = "obsidian.l1.anvil-port";
  static final String L1_CHAIN_ID = "obsidian.l1.chain-id";
  static final String L1_BLOCK_TIME_SECONDS = "obsidian.l1.block-time-seconds";

  static final String MAX_TX_BYTES = "obsidian.limits.max-tx-bytes";
  static final String MEMPOOL_MAX_TXS = "obsidian.limits.mempool-max-txs";
  static final String RPC_MAX_REQUEST_BYTES = "obsidian.limits.rpc-max-request-bytes";
  static final String MAX_NOTES_PER_ACCOUNT = "obsidian.limits.max-notes-per-account";

  static final String BLOCK_TIME_MS = "obsidian.sequencer.block-time-ms";
  static final String MIN_TXS_PER_BLOCK = "obsidian.sequencer.min-txs-per-block";
  static final String MAX_TXS_PER_BLOCK = "obsidian.sequencer.max-txs-per-block";
  static final String BUILD_EMPTY_BLOCKS = "obsidian.sequencer.build-empty-blocks";

  static final String PROVER_WORKERS = "obsidian.prover.workers";
  static final String PROVER_JOB_TIMEOUT = "obsidian.prover.job-timeout";
  static final String PROVER_ENABLED = "obsidian.prover.enabled";
  static final String PROVER_MAX_ATTEMPTS = "obsidian.prover.max-attempts";
  static final String PROVER_KEY_DIR = "obsidian.prover.key-dir";
  static final String PROVER_MAX_BASE_CAPACITY = "obsidian.prover.max-base-capacity";
  static final String PROVER_CLUSTER_PORT = "obsidian.prover.cluster-port";
  static final String PROVER_CLUSTER_HOST = "obsidian.prover.cluster-host";

  static final String JOURNAL = "obsidian.persistence.journal";

  private Keys() {}
}
