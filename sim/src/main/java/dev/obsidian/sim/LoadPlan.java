package dev.obsidian.sim;

import java.time.Duration;

/**
 * What a load run does: {@code users} simulated users submit txs at an aggregate {@code txsPerSecond} for
 * {@code duration}, then the run waits at most {@code drainTimeout} for the accepted txs to be mined. Every user's tx
 * stream is derived from {@code seed}, so two runs with the same plan submit the same txs (given the same anchors).
 *
 * @param users simulated users, in [1, {@value #MAX_USERS}]
 * @param txsPerSecond aggregate submission rate, in [1, {@value #MAX_TXS_PER_SECOND}]
 * @param duration how long txs are submitted, in [1 s, {@link #MAX_DURATION}]
 * @param seed seed of every user's random tx stream
 * @param drainTimeout longest wait after the last submission for accepted txs to be mined, in [0, {@link #MAX_DRAIN}]
 */
public record LoadPlan(int users, int txsPerSecond, Duration duration, long seed, Duration drainTimeout) {
  public static final int MAX_USERS = 10_000;
  public static final int MAX_TXS_PER_SECOND = 100_000;
  public static final Duration MAX_DURATION = Duration.ofHours(1);
  public static final Duration MAX_DRAIN = Duration.ofMinutes(10);
  /** Bounds the run's memory: every submitted tx's hash and nullifiers are held until the run ends. */
  public static final long MAX_TOTAL_TXS = 1_000_000;
  public static final Duration DEFAULT_DRAIN = Duration.ofSeconds(30);

  public LoadPlan {
    requireRange("users", users, 1, MAX_USERS);
    requireRange("txsPerSecond", txsPerSecond, 1, MAX_TXS_PER_SECOND);
    if (duration == null || duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException("duration must be in [1 s, " + MAX_DURATION.toSeconds() + " s], got " + duration);
    }
    if (drainTimeout == null || drainTimeout.isNegative() || drainTimeout.compareTo(MAX_DRAIN) > 0) {
      throw new IllegalArgumentException("drainTimeout must be in [0, " + MAX_DRAIN.toSeconds() + " s], got " + drainTimeout);
    }
    long total = (long) txsPerSecond * duration.toMillis() / 1000;
    if (total > MAX_TOTAL_TXS) {
      throw new IllegalArgumentException("txsPerSecond x duration = " + total + " txs, more than the " + MAX_TOTAL_TXS
          + " a run may submit");
    }
  }

  public static LoadPlan of(int users, int txsPerSecond, Duration duration, long seed) {
    return new LoadPlan(users, txsPerSecond, duration, seed, DEFAULT_DRAIN);
  }

  /** How many txs the run submits: the rate over the whole duration. */
  public long totalTxs() {
    return (long) txsPerSecond * duration.toMillis() / 1000;
  }

  private static void requireRange(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
    }
  }
}
