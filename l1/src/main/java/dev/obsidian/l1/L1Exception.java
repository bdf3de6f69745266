package dev.obsidian.l1;

/** A failure talking to L1: unreachable RPC, wrong chain, rejected or reverted transaction. */
public class L1Exception extends RuntimeException {
  public L1Exception(String message) {
    super(message);
  }

  public L1Exception(String message, Throwable cause) {
    super(message, cause);
  }
}
