package dev.obsidian.l1;

/** A failed look at L1 by the archiver, with its {@link Error} code; {@link Error#retryable()} says what happens next. */
public final class ArchiverException extends L1Exception {

  /** Named archiver errors. Retryable ones are retried with backoff; the others stop the archiver. */
  public enum Error {
    /** The L1 JSON-RPC endpoint did not answer (connection refused, timeout). */
    L1_UNREACHABLE(true),
    /** The endpoint answered with a JSON-RPC error. */
    L1_RPC_ERROR(true),
    /** The endpoint serves another chain than the one configured. */
    WRONG_CHAIN_ID(false),
    /** A log of the Rollup or Inbox does not decode (field named in the message). Nothing of its batch is kept. */
    MALFORMED_LOG(true),
    /** Answers that contradict each other (a reorg between two requests); the next poll looks again. */
    L1_INCONSISTENT(true),
    /** A reorg went below every L1 block hash the archiver remembers. */
    L1_REORG_TOO_DEEP(false);

    private final boolean retryable;

    Error(boolean retryable) {
      this.retryable = retryable;
    }

    public boolean retryable() {
      return retryable;
    }
  }

  private final Error error;

  public ArchiverException(Error error, String message) {
    super(error + ": " + message);
    this.error = error;
  }

  public ArchiverException(Error error, String message, Throwable cause) {
    super(error + ": " + message, cause);
    this.error = error;
  }

  public Error error() {
    return error;
  }
}
