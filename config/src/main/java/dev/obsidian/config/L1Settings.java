package dev.obsidian.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The L1 (Ethereum) chain the rollup settles on ({@code obsidian.l1.*}).
 *
 * @param rpcUrl JSON-RPC URL of an external L1 node; empty to start a local Anvil
 * @param anvilPort TCP port of the local Anvil; 0 picks a free port
 * @param chainId chain id of the L1
 * @param blockTime time between local Anvil blocks; zero mines one block per transaction
 * @param publisher limits of the L1 publisher
 */
public record L1Settings(Optional<URI> rpcUrl, int anvilPort, long chainId, Duration blockTime,
    L1PublisherSettings publisher) {

  /** URL schemes an L1 JSON-RPC client can speak. */
  public static final Set<String> RPC_URL_SCHEMES = Set.of("http", "https", "ws", "wss");

  /** Anvil's {@code --block-time} takes whole seconds. */
  public static final int MAX_BLOCK_TIME_SECONDS = 3_600;

  public L1Settings {
    Objects.requireNonNull(rpcUrl, "rpcUrl");
    rpcUrl.ifPresent(L1Settings::checkRpcUrl);
    Check.inRange("anvilPort", anvilPort, NodeSettings.MIN_PORT, NodeSettings.MAX_PORT);
    Check.inRange("chainId", chainId, NodeSettings.MIN_CHAIN_ID, NodeSettings.MAX_CHAIN_ID);
    Check.inRange(
        "blockTime", blockTime, Duration.ZERO, Duration.ofSeconds(MAX_BLOCK_TIME_SECONDS));
    Check.that(blockTime.toNanosPart() == 0, "blockTime must be whole seconds, got " + blockTime);
    Objects.requireNonNull(publisher, "publisher");
  }

  /** With the publisher's defaults. */
  public L1Settings(Optional<URI> rpcUrl, int anvilPort, long chainId, Duration blockTime) {
    this(rpcUrl, anvilPort, chainId, blockTime, L1PublisherSettings.DEFAULTS);
  }

  /** Confirmations the publisher waits for (see {@link L1PublisherSettings#confirmationsFor}). */
  public int publisherConfirmations() {
    return publisher.confirmationsFor(startsLocalAnvil() && automine());
  }

  /** True when the node starts and supervises its own Anvil instead of using {@link #rpcUrl()}. */
  public boolean startsLocalAnvil() {
    return rpcUrl.isEmpty();
  }

  /** True when Anvil mines a block per transaction rather than on a timer. */
  public boolean automine() {
    return blockTime.isZero();
  }

  static boolean isValidRpcUrl(URI url) {
    String scheme = url.getScheme();
    return scheme != null
        && RPC_URL_SCHEMES.contains(scheme.toLowerCase(java.util.Locale.ROOT))
        && url.getHost() != null;
  }

  private static void checkRpcUrl(URI url) {
    Check.that(isValidRpcUrl(url), "rpcUrl must be an http(s) or ws(s) URL with a host, got " + url);
  }
}
