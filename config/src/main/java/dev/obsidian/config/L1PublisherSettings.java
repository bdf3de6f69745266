package dev.obsidian.config;

import java.time.Duration;

/**
 * Limits of the event-sourced L1 publisher ({@code obsidian.l1.publisher.*}).
 *
 * @param confirmations L1 blocks (the one holding the proposal included) before a block counts as published; 0 picks
 *     1 for the local automining Anvil and 2 otherwise ({@link #confirmationsFor})
 * @param pollInterval how often the publisher looks at L1 while a block is in flight
 * @param feeBumpPercent how much a stuck transaction's fees are raised when it is replaced (at least 10: Ethereum
 *     nodes refuse a same-nonce replacement paying less than 10 % more)
 * @param bumpAfterL1Blocks L1 blocks a transaction may stay unmined before it is replaced with higher fees
 * @param maxFeePerGasGwei the most the publisher ever offers per gas; a stuck transaction is not bumped past it
 * @param maxAttempts consecutive failed steps (RPC errors, reverts) before the publisher slows down to
 *     {@code retryBackoffMax} between tries
 * @param retryBackoffMin first pause after a failed step; doubled per further failure
 * @param retryBackoffMax longest pause between tries
 * @param reconcileInterval how often the publisher checks that L1 still holds what it published (reorgs)
 */
public record L1PublisherSettings(
    int confirmations,
    Duration pollInterval,
    int feeBumpPercent,
    int bumpAfterL1Blocks,
    long maxFeePerGasGwei,
    int maxAttempts,
    Duration retryBackoffMin,
    Duration retryBackoffMax,
    Duration reconcileInterval) {

  public static final int MAX_CONFIRMATIONS = 64;
  public static final int MIN_FEE_BUMP_PERCENT = 10;
  public static final int MAX_FEE_BUMP_PERCENT = 1_000;
  public static final int MAX_BUMP_AFTER_L1_BLOCKS = 1_000;
  public static final long MAX_FEE_PER_GAS_GWEI = 1_000_000;
  public static final int MAX_ATTEMPTS = 1_000;
  public static final Duration MIN_POLL_INTERVAL = Duration.ofMillis(10);
  public static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(1);
  public static final Duration MIN_BACKOFF = Duration.ofMillis(10);
  public static final Duration MAX_BACKOFF = Duration.ofHours(1);
  public static final Duration MIN_RECONCILE_INTERVAL = Duration.ofMillis(100);
  public static final Duration MAX_RECONCILE_INTERVAL = Duration.ofHours(1);

  /** The defaults of reference.conf. */
  public static final L1PublisherSettings DEFAULTS = new L1PublisherSettings(0, Duration.ofMillis(100), 20, 3, 1_000,
      5, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(2));

  public L1PublisherSettings {
    Check.inRange("confirmations", confirmations, 0, MAX_CONFIRMATIONS);
    Check.inRange("pollInterval", pollInterval, MIN_POLL_INTERVAL, MAX_POLL_INTERVAL);
    Check.inRange("feeBumpPercent", feeBumpPercent, MIN_FEE_BUMP_PERCENT, MAX_FEE_BUMP_PERCENT);
    Check.inRange("bumpAfterL1Blocks", bumpAfterL1Blocks, 1, MAX_BUMP_AFTER_L1_BLOCKS);
    Check.inRange("maxFeePerGasGwei", maxFeePerGasGwei, 1, MAX_FEE_PER_GAS_GWEI);
    Check.inRange("maxAttempts", maxAttempts, 1, MAX_ATTEMPTS);
    Check.inRange("retryBackoffMin", retryBackoffMin, MIN_BACKOFF, MAX_BACKOFF);
    Check.inRange("retryBackoffMax", retryBackoffMax, retryBackoffMin, MAX_BACKOFF);
    Check.inRange("reconcileInterval", reconcileInterval, MIN_RECONCILE_INTERVAL, MAX_RECONCILE_INTERVAL);
  }

  /** Confirmations to wait for: the configured number, or with 0 one on an automining L1 and two otherwise. */
  public int confirmationsFor(boolean automine) {
    return confirmations > 0 ? confirmations : automine ? 1 : 2;
  }
}
