package dev.obsidian.config;

/**
 * Bounds on what the node accepts and keeps ({@code obsidian.limits.*}).
 *
 * @param maxTxBytes largest serialized transaction the mempool accepts
 * @param mempoolMaxTxs most pending transactions held by the mempool
 * @param rpcMaxRequestBytes largest JSON-RPC request body read; at least twice maxTxBytes
 * @param maxNotesPerAccount most unspent notes kept per account
 */
public record LimitSettings(
    ByteSize maxTxBytes, int mempoolMaxTxs, ByteSize rpcMaxRequestBytes, int maxNotesPerAccount) {

  public static final ByteSize MIN_TX_BYTES = ByteSize.ofKibibytes(1);
  public static final ByteSize MAX_TX_BYTES = ByteSize.ofMebibytes(16);
  public static final int MAX_MEMPOOL_TXS = 1_000_000;
  public static final ByteSize MIN_RPC_REQUEST_BYTES = ByteSize.ofKibibytes(1);
  public static final ByteSize MAX_RPC_REQUEST_BYTES = ByteSize.ofMebibytes(256);
  public static final int MAX_NOTES_PER_ACCOUNT = 10_000_000;

  /** Transactions travel hex-encoded in JSON, two characters per byte. */
  public static final int RPC_BYTES_PER_TX_BYTE = 2;

  public LimitSettings {
    Check.inRange("maxTxBytes", maxTxBytes, MIN_TX_BYTES, MAX_TX_BYTES);
    Check.inRange("mempoolMaxTxs", mempoolMaxTxs, 1, MAX_MEMPOOL_TXS);
    Check.inRange(
        "rpcMaxRequestBytes", rpcMaxRequestBytes, MIN_RPC_REQUEST_BYTES, MAX_RPC_REQUEST_BYTES);
    Check.inRange("maxNotesPerAccount", maxNotesPerAccount, 1, MAX_NOTES_PER_ACCOUNT);
    Check.that(
        fitsHexEncodedTx(rpcMaxRequestBytes, maxTxBytes),
        "rpcMaxRequestBytes (" + rpcMaxRequestBytes + ") must be at least "
            + RPC_BYTES_PER_TX_BYTE + " x maxTxBytes (" + maxTxBytes + ")");
  }

  static boolean fitsHexEncodedTx(ByteSize rpcMaxRequestBytes, ByteSize maxTxBytes) {
    return rpcMaxRequestBytes.bytes() / RPC_BYTES_PER_TX_BYTE >= maxTxBytes.bytes();
  }
}
