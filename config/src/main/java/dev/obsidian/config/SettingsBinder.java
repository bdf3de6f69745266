package dev.obsidian.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps the keys of reference.conf onto the settings records. Every key is read even after a failure, so
 * that one run reports every problem; records are built only when nothing failed.
 */
final class SettingsBinder {

  private SettingsBinder() {}

  static ObsidianSettings bind(SettingsReader reader) {
    Path dataDir = reader.path(Keys.DATA_DIR);
    // L1 before node: node.chain-id copies l1.chain-id, and a bad value should be reported where it was set.
    L1Settings l1 = l1(reader);
    NodeSettings node = node(reader);
    MerkleSettings merkle = merkle(reader, dataDir);
    LimitSettings limits = limits(reader);
    SequencerSettings sequencer = sequencer(reader);
    ProverSettings prover = prover(reader, dataDir);
    PersistenceSettings persistence = persistence(reader);
    ArchiverSettings archiver = archiver(reader);
    if (node != null && l1 != null) {
      reader.requireThat(node.chainId() == l1.chainId(), Keys.NODE_CHAIN_ID,
          "the L1 chain id " + l1.chainId() + " (" + Keys.L1_CHAIN_ID
              + "): the Rollup contract rejects headers with any other");
    }
    if (reader.hasErrors()) {
      throw new InvalidSettingsException(reader.errors());
    }
    return new ObsidianSettings(dataDir, node, merkle, l1, limits, sequencer, prover, persistence, archiver);
  }

  private static NodeSettings node(SettingsReader reader) {
    String rpcHost = reader.string(Keys.RPC_HOST, false, "a non-empty host name or IP address");
    Long rpcPort = port(reader, Keys.RPC_PORT);
    Long chainId = chainId(reader, Keys.NODE_CHAIN_ID);
    Long rollupVersion = reader.integer(Keys.ROLLUP_VERSION,
        NodeSettings.MIN_ROLLUP_VERSION, NodeSettings.MAX_ROLLUP_VERSION);
    if (anyNull(rpcHost, rpcPort, chainId, rollupVersion)) {
      return null;
    }
    return new NodeSettings(rpcHost, rpcPort.intValue(), chainId, rollupVersion);
  }

  private static MerkleSettings merkle(SettingsReader reader, Path dataDir) {
    Path storePath = reader.path(Keys.MERKLE_STORE_PATH);
    Long historyBlocks = reader.integer(
        Keys.MERKLE_HISTORY_BLOCKS, MerkleSettings.KEEP_ALL_HISTORY, Integer.MAX_VALUE);
    ByteSize cacheSize = reader.size(Keys.MERKLE_ROCKSDB_CACHE_SIZE,
        MerkleSettings.MIN_CACHE_SIZE, MerkleSettings.MAX_CACHE_SIZE, "256 MiB");
    if (anyNull(dataDir, storePath, historyBlocks, cacheSize)) {
      return null;
    }
    Path storeDirectory = dataDir.resolve(storePath).normalize();
    return new MerkleSettings(storeDirectory, historyBlocks.intValue(), cacheSize);
  }

  private static L1Settings l1(SettingsReader reader) {
    Optional<URI> rpcUrl = reader.optionalRpcUrl(Keys.L1_RPC_URL);
    Long anvilPort = port(reader, Keys.L1_ANVIL_PORT);
    Long chainId = chainId(reader, Keys.L1_CHAIN_ID);
    Long blockTimeSeconds =
        reader.integer(Keys.L1_BLOCK_TIME_SECONDS, 0, L1Settings.MAX_BLOCK_TIME_SECONDS);
    L1PublisherSettings publisher = l1Publisher(reader);
    if (anyNull(rpcUrl, anvilPort, chainId, blockTimeSeconds, publisher)) {
      return null;
    }
    return new L1Settings(
        rpcUrl, anvilPort.intValue(), chainId, Duration.ofSeconds(blockTimeSeconds), publisher);
  }

  private static L1PublisherSettings l1Publisher(SettingsReader reader) {
    Long confirmations = reader.integer(Keys.L1_PUBLISHER_CONFIRMATIONS, 0,
        L1PublisherSettings.MAX_CONFIRMATIONS);
    Duration poll = reader.duration(Keys.L1_PUBLISHER_POLL_INTERVAL, L1PublisherSettings.MIN_POLL_INTERVAL,
        L1PublisherSettings.MAX_POLL_INTERVAL, "100ms");
    Long bump = reader.integer(Keys.L1_PUBLISHER_FEE_BUMP_PERCENT, L1PublisherSettings.MIN_FEE_BUMP_PERCENT,
        L1PublisherSettings.MAX_FEE_BUMP_PERCENT);
    Long bumpAfter = reader.integer(Keys.L1_PUBLISHER_BUMP_AFTER_L1_BLOCKS, 1,
        L1PublisherSettings.MAX_BUMP_AFTER_L1_BLOCKS);
    Long maxFee = reader.integer(Keys.L1_PUBLISHER_MAX_FEE_PER_GAS_GWEI, 1,
        L1PublisherSettings.MAX_FEE_PER_GAS_GWEI);
    Long attempts = reader.integer(Keys.L1_PUBLISHER_MAX_ATTEMPTS, 1, L1PublisherSettings.MAX_ATTEMPTS);
    Duration backoffMin = reader.duration(Keys.L1_PUBLISHER_RETRY_BACKOFF_MIN, L1PublisherSettings.MIN_BACKOFF,
        L1PublisherSettings.MAX_BACKOFF, "500ms");
    Duration backoffMax = reader.duration(Keys.L1_PUBLISHER_RETRY_BACKOFF_MAX, L1PublisherSettings.MIN_BACKOFF,
        L1PublisherSettings.MAX_BACKOFF, "30s");
    Duration reconcile = reader.duration(Keys.L1_PUBLISHER_RECONCILE_INTERVAL,
        L1PublisherSettings.MIN_RECONCILE_INTERVAL, L1PublisherSettings.MAX_RECONCILE_INTERVAL, "2s");
    if (backoffMin != null && backoffMax != null) {
      reader.requireThat(backoffMax.compareTo(backoffMin) >= 0, Keys.L1_PUBLISHER_RETRY_BACKOFF_MAX,
          "at least " + Keys.L1_PUBLISHER_RETRY_BACKOFF_MIN + " (" + backoffMin + ")");
    }
    if (anyNull(confirmations, poll, bump, bumpAfter, maxFee, attempts, backoffMin, backoffMax, reconcile)
        || backoffMax.compareTo(backoffMin) < 0) {
      return null;
    }
    return new L1PublisherSettings(confirmations.intValue(), poll, bump.intValue(), bumpAfter.intValue(), maxFee,
        attempts.intValue(), backoffMin, backoffMax, reconcile);
  }

  private static LimitSettings limits(SettingsReader reader) {
    ByteSize maxTxBytes = reader.size(Keys.MAX_TX_BYTES,
        LimitSettings.MIN_TX_BYTES, LimitSettings.MAX_TX_BYTES, "256 KiB");
    Long mempoolMaxTxs = reader.integer(Keys.MEMPOOL_MAX_TXS, 1, LimitSettings.MAX_MEMPOOL_TXS);
    ByteSize rpcMaxRequestBytes = reader.size(Keys.RPC_MAX_REQUEST_BYTES,
        LimitSettings.MIN_RPC_REQUEST_BYTES, LimitSettings.MAX_RPC_REQUEST_BYTES, "1 MiB");
    Long maxNotesPerAccount =
        reader.integer(Keys.MAX_NOTES_PER_ACCOUNT, 1, LimitSettings.MAX_NOTES_PER_ACCOUNT);
    boolean fits = maxTxBytes == null || rpcMaxRequestBytes == null
        || LimitSettings.fitsHexEncodedTx(rpcMaxRequestBytes, maxTxBytes);
    if (!fits) {
      reader.reject(Keys.RPC_MAX_REQUEST_BYTES,
          "at least " + LimitSettings.RPC_BYTES_PER_TX_BYTE + " x " + Keys.MAX_TX_BYTES + " = "
              + ByteSize.ofBytes(maxTxBytes.bytes() * LimitSettings.RPC_BYTES_PER_TX_BYTE)
              + ", since transactions travel hex-encoded");
    }
    if (anyNull(maxTxBytes, mempoolMaxTxs, rpcMaxRequestBytes, maxNotesPerAccount) || !fits) {
      return null;
    }
    return new LimitSettings(maxTxBytes, mempoolMaxTxs.intValue(), rpcMaxRequestBytes,
        maxNotesPerAccount.intValue());
  }

  private static SequencerSettings sequencer(SettingsReader reader) {
    Long blockTimeMs = reader.integer(Keys.BLOCK_TIME_MS,
        SequencerSettings.MIN_BLOCK_TIME.toMillis(), SequencerSettings.MAX_BLOCK_TIME.toMillis());
    Long minTxs = reader.integer(Keys.MIN_TXS_PER_BLOCK, 1, SequencerSettings.MAX_TXS_PER_BLOCK);
    Long maxTxs = reader.integer(Keys.MAX_TXS_PER_BLOCK, 1, SequencerSettings.MAX_TXS_PER_BLOCK);
    Boolean buildEmptyBlocks = reader.bool(Keys.BUILD_EMPTY_BLOCKS);
    if (minTxs != null && maxTxs != null) {
      reader.requireThat(minTxs <= maxTxs, Keys.MIN_TXS_PER_BLOCK,
          "an integer in [1, " + maxTxs + "] (at most " + Keys.MAX_TXS_PER_BLOCK + ")");
    }
    if (anyNull(blockTimeMs, minTxs, maxTxs, buildEmptyBlocks) || minTxs > maxTxs) {
      return null;
    }
    return new SequencerSettings(Duration.ofMillis(blockTimeMs), minTxs.intValue(),
        maxTxs.intValue(), buildEmptyBlocks);
  }

  private static ProverSettings prover(SettingsReader reader, Path dataDir) {
    Long workers = reader.integer(Keys.PROVER_WORKERS, 0, ProverSettings.MAX_WORKERS);
    Duration jobTimeout = reader.duration(Keys.PROVER_JOB_TIMEOUT,
        ProverSettings.MIN_JOB_TIMEOUT, ProverSettings.MAX_JOB_TIMEOUT, "5 minutes");
    Boolean enabled = reader.bool(Keys.PROVER_ENABLED);
    Long maxAttempts = reader.integer(Keys.PROVER_MAX_ATTEMPTS, 1, ProverSettings.MAX_ATTEMPTS);
    String keyDir = reader.string(Keys.PROVER_KEY_DIR, true, "\"\" (the shared cache directory) or a path");
    Long maxBaseCapacity = reader.integer(Keys.PROVER_MAX_BASE_CAPACITY, 2, 64);
    if (maxBaseCapacity != null && !ProverSettings.BASE_CAPACITIES.contains(maxBaseCapacity.intValue())) {
      reader.reject(Keys.PROVER_MAX_BASE_CAPACITY, "one of " + ProverSettings.BASE_CAPACITIES);
      maxBaseCapacity = null;
    }
    Long maxBlockTxs = reader.integer(Keys.PROVER_MAX_BLOCK_TXS, 1, ProverSettings.MAX_BLOCK_TXS);
    Long clusterPort = reader.integer(Keys.PROVER_CLUSTER_PORT, 0, 65535);
    String clusterHost = reader.string(Keys.PROVER_CLUSTER_HOST, false, "a non-empty host name or IP address");
    if (anyNull(workers, jobTimeout, enabled, maxAttempts, keyDir, maxBaseCapacity, maxBlockTxs, clusterPort,
        clusterHost)) {
      return null;
    }
    Optional<Path> keys = keyDir.isBlank() ? Optional.empty()
        : Optional.of(dataDir == null ? Path.of(keyDir) : dataDir.resolve(keyDir).normalize());
    return new ProverSettings(workers.intValue(), jobTimeout, enabled, maxAttempts.intValue(), keys,
        maxBaseCapacity.intValue(), maxBlockTxs.intValue(), clusterPort.intValue(), clusterHost);
  }

  private static ArchiverSettings archiver(SettingsReader reader) {
    Duration pollInterval = reader.duration(Keys.ARCHIVER_POLL_INTERVAL, ArchiverSettings.MIN_POLL_INTERVAL,
        ArchiverSettings.MAX_POLL_INTERVAL, "500ms");
    Long confirmations = reader.integer(Keys.ARCHIVER_CONFIRMATIONS, 0, ArchiverSettings.MAX_CONFIRMATIONS);
    Long maxBlocks = reader.integer(Keys.ARCHIVER_MAX_BLOCKS_PER_QUERY, 1, ArchiverSettings.MAX_BLOCKS_PER_QUERY);
    Long remembered = reader.integer(Keys.ARCHIVER_REMEMBERED_BLOCKS, 1, ArchiverSettings.MAX_REMEMBERED_BLOCKS);
    Duration minBackoff = reader.duration(Keys.ARCHIVER_RETRY_MIN_BACKOFF, ArchiverSettings.MIN_BACKOFF,
        ArchiverSettings.MAX_BACKOFF, "200ms");
    Duration maxBackoff = reader.duration(Keys.ARCHIVER_RETRY_MAX_BACKOFF, ArchiverSettings.MIN_BACKOFF,
        ArchiverSettings.MAX_BACKOFF, "30s");
    if (minBackoff != null && maxBackoff != null) {
      reader.requireThat(maxBackoff.compareTo(minBackoff) >= 0, Keys.ARCHIVER_RETRY_MAX_BACKOFF,
          "a duration at least " + Keys.ARCHIVER_RETRY_MIN_BACKOFF);
    }
    if (anyNull(pollInterval, confirmations, maxBlocks, remembered, minBackoff, maxBackoff)
        || maxBackoff.compareTo(minBackoff) < 0) {
      return null;
    }
    return new ArchiverSettings(pollInterval, confirmations.intValue(), maxBlocks.intValue(),
        remembered.intValue(), minBackoff, maxBackoff);
  }

  private static PersistenceSettings persistence(SettingsReader reader) {
    JournalKind journal = reader.journal(Keys.JOURNAL);
    String points = reader.string(Keys.CASSANDRA_CONTACT_POINTS, false, "comma-separated host:port, e.g. \"127.0.0.1:9042\"");
    java.util.List<PersistenceSettings.HostPort> contactPoints = points == null ? null : contactPoints(reader, points);
    String keyspace = reader.string(Keys.CASSANDRA_KEYSPACE, false, "a letter, then up to 47 letters, digits or '_'");
    if (keyspace != null && !PersistenceSettings.KEYSPACE.matcher(keyspace).matches()) {
      reader.reject(Keys.CASSANDRA_KEYSPACE, "a letter, then up to 47 letters, digits or '_'");
      keyspace = null;
    }
    String localDatacenter = reader.string(Keys.CASSANDRA_LOCAL_DATACENTER, false, "a non-empty data center name");
    Boolean autoCreate = reader.bool(Keys.CASSANDRA_AUTO_CREATE);
    if (anyNull(journal, contactPoints, keyspace, localDatacenter, autoCreate)) {
      return null;
    }
    return new PersistenceSettings(journal,
        new PersistenceSettings.Cassandra(contactPoints, keyspace, localDatacenter, autoCreate));
  }

  private static java.util.List<PersistenceSettings.HostPort> contactPoints(SettingsReader reader, String text) {
    java.util.List<PersistenceSettings.HostPort> points = new java.util.ArrayList<>();
    for (String part : text.split(",")) {
      String point = part.trim();
      int colon = point.lastIndexOf(':');
      int port = -1;
      if (colon > 0) {
        try {
          port = Integer.parseInt(point.substring(colon + 1));
        } catch (NumberFormatException e) {
          port = -1;
        }
      }
      if (port < 1 || port > NodeSettings.MAX_PORT) {
        reader.reject(Keys.CASSANDRA_CONTACT_POINTS, "comma-separated host:port with ports in [1, " + NodeSettings.MAX_PORT + "], e.g. \"127.0.0.1:9042\" (got '" + point + "')");
        return null;
      }
      points.add(new PersistenceSettings.HostPort(point.substring(0, colon), port));
    }
    return points;
  }

  private static Long port(SettingsReader reader, String key) {
    return reader.integer(key, NodeSettings.MIN_PORT, NodeSettings.MAX_PORT);
  }

  private static Long chainId(SettingsReader reader, String key) {
    return reader.integer(key, NodeSettings.MIN_CHAIN_ID, NodeSettings.MAX_CHAIN_ID);
  }

  private static boolean anyNull(Object... values) {
    return Arrays.stream(values).anyMatch(Objects::isNull);
  }
}
