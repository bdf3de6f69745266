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
  static final String L1_PUBLISHER_CONFIRMATIONS = "obsidian.l1.publisher.confirmations";
  static final String L1_PUBLISHER_POLL_INTERVAL = "obsidian.l1.publisher.poll-interval";
  static final String L1_PUBLISHER_FEE_BUMP_PERCENT = "obsidian.l1.publisher.fee-bump-percent";
  static final String L1_PUBLISHER_BUMP_AFTER_L1_BLOCKS = "obsidian.l1.publisher.bump-after-l1-blocks";
  static final String L1_PUBLISHER_MAX_FEE_PER_GAS_GWEI = "obsidian.l1.publisher.max-fee-per-gas-gwei";
  static final String L1_PUBLISHER_MAX_ATTEMPTS = "obsidian.l1.publisher.max-attempts";
  static final String L1_PUBLISHER_RETRY_BACKOFF_MIN = "obsidian.l1.publisher.retry-backoff-min";
  static final String L1_PUBLISHER_RETRY_BACKOFF_MAX = "obsidian.l1.publisher.retry-backoff-max";
  static final String L1_PUBLISHER_RECONCILE_INTERVAL = "obsidian.l1.publisher.reconcile-interval";

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
  static final String PROVER_MAX_BLOCK_TXS = "obsidian.prover.max-block-txs";
  static final String PROVER_CLUSTER_PORT = "obsidian.prover.cluster-port";
  static final String PROVER_CLUSTER_HOST = "obsidian.prover.cluster-host";

  static final String ARCHIVER_POLL_INTERVAL = "obsidian.archiver.poll-interval";
  static final String ARCHIVER_CONFIRMATIONS = "obsidian.archiver.confirmations";
  static final String ARCHIVER_MAX_BLOCKS_PER_QUERY = "obsidian.archiver.max-blocks-per-query";
  static final String ARCHIVER_REMEMBERED_BLOCKS = "obsidian.archiver.remembered-blocks";
  static final String ARCHIVER_RETRY_MIN_BACKOFF = "obsidian.archiver.retry-min-backoff";
  static final String ARCHIVER_RETRY_MAX_BACKOFF = "obsidian.archiver.retry-max-backoff";

  static final String JOURNAL = "obsidian.persistence.journal";
  static final String CASSANDRA_CONTACT_POINTS = "obsidian.persistence.cassandra.contact-points";
  static final String CASSANDRA_KEYSPACE = "obsidian.persistence.cassandra.keyspace";
  static final String CASSANDRA_LOCAL_DATACENTER = "obsidian.persistence.cassandra.local-datacenter";
  static final String CASSANDRA_AUTO_CREATE = "obsidian.persistence.cassandra.auto-create";

  private Keys() {}
}
