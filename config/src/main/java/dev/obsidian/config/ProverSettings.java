package dev.obsidian.config;

import java.time.Duration;

/**
 * Proving work done by this process ({@code obsidian.prover.*}).
 *
 * @param workers proving workers run locally; 0 leaves proving to nodes with the prover role
 * @param jobTimeout how long a job may run before it is reassigned to another worker
 */
public record ProverSettings(int workers, Duration jobTimeout) {

  public static final int MAX_WORKERS = 256;
  public static final Duration MIN_JOB_TIMEOUT = Duration.ofSeconds(1);
  public static final Duration MAX_JOB_TIMEOUT = Duration.ofHours(24);

  public ProverSettings {
    Check.inRange("workers", workers, 0, MAX_WORKERS);
    Check.inRange("jobTimeout", jobTimeout, MIN_JOB_TIMEOUT, MAX_JOB_TIMEOUT);
  }
}
