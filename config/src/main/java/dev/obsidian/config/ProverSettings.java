package dev.obsidian.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Proving work done by this process ({@code obsidian.prover.*}).
 *
 * @param workers proving workers run locally; 0 leaves proving to workers in other JVMs
 * @param jobTimeout how long a job may run before it is reassigned to another worker
 * @param enabled whether blocks are proven at all; off, they are published but never proven
 * @param maxAttempts attempts per proving job (the first included) before the block is left unproven
 * @param keyDir directory of the Groth16 keys; empty means the shared per-user cache directory
 * @param maxBaseCapacity the largest base rollup variant (2, 8 or 64) keys are made for; a tx needing a larger one
 *     leaves its block unproven
 * @param maxBlockTxs the most txs per block proofs are made for (block-root keys up to the smallest of 1, 4, 16 that
 *     holds them); with proving on the sequencer builds no larger block
 * @param clusterPort 0: no cluster (only this process's workers); else the port other JVMs join to prove
 * @param clusterHost the host name or address the cluster port is bound to and advertised as
 */
public record ProverSettings(int workers, Duration jobTimeout, boolean enabled, int maxAttempts,
    Optional<Path> keyDir, int maxBaseCapacity, int maxBlockTxs, int clusterPort, String clusterHost) {

  public static final int MAX_WORKERS = 256;
  public static final Duration MIN_JOB_TIMEOUT = Duration.ofSeconds(1);
  public static final Duration MAX_JOB_TIMEOUT = Duration.ofHours(24);
  public static final int MAX_ATTEMPTS = 100;
  public static final List<Integer> BASE_CAPACITIES = List.of(2, 8, 64);
  /** The largest block root (BlockRootCircuit's largest variant). */
  public static final int MAX_BLOCK_TXS = 16;

  public ProverSettings {
    Check.inRange("workers", workers, 0, MAX_WORKERS);
    Check.inRange("jobTimeout", jobTimeout, MIN_JOB_TIMEOUT, MAX_JOB_TIMEOUT);
    Check.inRange("maxAttempts", maxAttempts, 1, MAX_ATTEMPTS);
    Objects.requireNonNull(keyDir, "keyDir");
    if (!BASE_CAPACITIES.contains(maxBaseCapacity)) {
      throw new IllegalArgumentException("maxBaseCapacity must be one of " + BASE_CAPACITIES + ", got "
          + maxBaseCapacity);
    }
    Check.inRange("maxBlockTxs", maxBlockTxs, 1, MAX_BLOCK_TXS);
    Check.inRange("clusterPort", clusterPort, 0, 65535);
    Objects.requireNonNull(clusterHost, "clusterHost");
  }

  /** The defaults of reference.conf with proving on or off, for tests and tools. */
  public static ProverSettings defaults(boolean enabled) {
    return new ProverSettings(1, Duration.ofMinutes(5), enabled, 3, Optional.empty(), 2, 4, 0, "127.0.0.1");
  }

  public ProverSettings withEnabled(boolean on) {
    return new ProverSettings(workers, jobTimeout, on, maxAttempts, keyDir, maxBaseCapacity, maxBlockTxs, clusterPort,
        clusterHost);
  }

  public ProverSettings withMaxBaseCapacity(int capacity) {
    return new ProverSettings(workers, jobTimeout, enabled, maxAttempts, keyDir, capacity, maxBlockTxs, clusterPort,
        clusterHost);
  }

  public ProverSettings withWorkers(int count) {
    return new ProverSettings(count, jobTimeout, enabled, maxAttempts, keyDir, maxBaseCapacity, maxBlockTxs, clusterPort,
        clusterHost);
  }

  public ProverSettings withCluster(String host, int port) {
    return new ProverSettings(workers, jobTimeout, enabled, maxAttempts, keyDir, maxBaseCapacity, maxBlockTxs, port, host);
  }

  /**
   * The key directory: {@link #keyDir} when set, else {@code $XDG_CACHE_HOME/obsidian/groth16-keys} or
   * {@code ~/.cache/obsidian/groth16-keys}, shared by every node, test and sandbox of this user so a dev setup runs
   * once per machine (dev keys are deterministic, so sharing them is safe; each file is checked by its hash).
   */
  public Path resolvedKeyDir(java.util.Map<String, String> environment) {
    if (keyDir.isPresent()) {
      return keyDir.get();
    }
    String cache = environment.get("XDG_CACHE_HOME");
    Path base = cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("obsidian").resolve("groth16-keys");
  }
}
