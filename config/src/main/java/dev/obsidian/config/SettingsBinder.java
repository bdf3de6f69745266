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
    if (node != null && l1 != null) {
      reader.requireThat(node.chainId() == l1.chainId(), Keys.NODE_CHAIN_ID,
          "the L1 chain id " + l1.chainId() + " (" + Keys.L1_CHAIN_ID
              + "): the Rollup contract rejects headers with any other");
    }
    if (reader.hasErrors()) {
      throw new InvalidSettingsException(reader.errors());
    }
    return new ObsidianSettings(dataDir, node, merkle, l1, limits, sequencer, prover, persistence);
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
    if (anyNull(rpcUrl, anvilPort, chainId, blockTimeSeconds)) {
      return null;
    }
    return new L1Settings(
        rpcUrl, anvilPort.intValue(), chainId, Duration.ofSeconds(blockTimeSeconds));
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
    Long clusterPort = reader.integer(Keys.PROVER_CLUSTER_PORT, 0, 65535);
    String clusterHost = reader.string(Keys.PROVER_CLUSTER_HOST, false, "a non-empty host name or IP address");
    if (anyNull(workers, jobTimeout, enabled, maxAttempts, keyDir, maxBaseCapacity, clusterPort, clusterHost)) {
      return null;
    }
    Optional<Path> keys = keyDir.isBlank() ? Optional.empty()
        : Optional.of(dataDir == null ? Path.of(keyDir) : dataDir.resolve(keyDir).normalize());
    return new ProverSettings(workers.intValue(), jobTimeout, enabled, maxAttempts.intValue(), keys,
        maxBaseCapacity.intValue(), clusterPort.intValue(), clusterHost);
  }

  private static PersistenceSettings persistence(SettingsReader reader) {
    JournalKind journal = reader.journal(Keys.JOURNAL);
    return journal == null ? null : new PersistenceSettings(journal);
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
