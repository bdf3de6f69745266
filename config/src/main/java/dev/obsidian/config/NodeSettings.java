package dev.obsidian.config;

/**
 * The node's identity on the network and its JSON-RPC endpoint ({@code obsidian.node.*}).
 *
 * @param rpcHost interface the JSON-RPC server listens on
 * @param rpcPort TCP port of the JSON-RPC server; 0 picks a free port
 * @param chainId chain id in block headers and tx contexts; equals the L1 chain id
 * @param rollupVersion rollup version in block headers and tx contexts
 */
public record NodeSettings(String rpcHost, int rpcPort, long chainId, long rollupVersion) {

  /** Port 0 asks the operating system for a free port. */
  public static final int MIN_PORT = 0;

  public static final int MAX_PORT = 65_535;
  public static final long MIN_CHAIN_ID = 1;
  public static final long MAX_CHAIN_ID = Long.MAX_VALUE;
  public static final long MIN_ROLLUP_VERSION = 1;

  /** Aztec keeps the rollup version in 32 bits. */
  public static final long MAX_ROLLUP_VERSION = 0xFFFF_FFFFL;

  public NodeSettings {
    Check.notBlank("rpcHost", rpcHost);
    Check.inRange("rpcPort", rpcPort, MIN_PORT, MAX_PORT);
    Check.inRange("chainId", chainId, MIN_CHAIN_ID, MAX_CHAIN_ID);
    Check.inRange("rollupVersion", rollupVersion, MIN_ROLLUP_VERSION, MAX_ROLLUP_VERSION);
  }
}
