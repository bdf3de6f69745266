package dev.obsidian.node.rpc;

import com.typesafe.config.Config;
import dev.obsidian.config.LimitSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * What one JSON-RPC request may cost the node. Each limit is checked before the work it bounds: the body
 * size while reading, the batch size before dispatching, array lengths and string lengths while decoding
 * parameters.
 *
 * @param maxRequestBytes largest request body read ({@code obsidian.limits.rpc-max-request-bytes})
 * @param maxBatchRequests most requests in one batch
 * @param maxArrayLength most elements of an array parameter, unless a method sets a smaller cap
 * @param maxStringLength most characters of a string parameter, unless a method sets another cap
 * @param maxJsonDepth deepest nesting of arrays and objects in a body
 * @param requestTimeout longest wait for the body and for a method's answer
 */
public record RpcLimits(
    long maxRequestBytes,
    int maxBatchRequests,
    int maxArrayLength,
    int maxStringLength,
    int maxJsonDepth,
    Duration requestTimeout) {

  /** Aztec's MAX_RPC_LEN (stdlib/src/interfaces/api_limit.ts): the cap of its list arguments and batches. */
  public static final int DEFAULT_MAX_ARRAY_LENGTH = 100;

  public static final int DEFAULT_MAX_BATCH_REQUESTS = 100;

  /** Far above any identifier or 0x-hex field element (66 characters); transactions have their own cap. */
  public static final int DEFAULT_MAX_STRING_LENGTH = 1024;

  public static final int DEFAULT_MAX_JSON_DEPTH = 32;
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  public RpcLimits {
    requirePositive("maxRequestBytes", maxRequestBytes);
    requirePositive("maxBatchRequests", maxBatchRequests);
    requirePositive("maxArrayLength", maxArrayLength);
    requirePositive("maxStringLength", maxStringLength);
    requirePositive("maxJsonDepth", maxJsonDepth);
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive, got " + requestTimeout);
    }
  }

  /** The defaults above, with the body limit of the node's settings. */
  public static RpcLimits defaults(LimitSettings limits) {
    return withMaxRequestBytes(limits.rpcMaxRequestBytes().bytes());
  }

  /**
   * Reads {@code obsidian.rpc.*} (documented in this module's reference.conf) from the effective config,
   * with the body limit of the node's settings.
   *
   * @throws IllegalArgumentException naming the key whose value is out of range
   */
  public static RpcLimits fromConfig(Config effective, LimitSettings limits) {
    Config rpc = effective.getConfig("obsidian.rpc");
    return new RpcLimits(limits.rpcMaxRequestBytes().bytes(),
        inRange(rpc, "max-batch-requests", 1, 10_000),
        inRange(rpc, "max-array-length", 1, 100_000),
        inRange(rpc, "max-string-length", 66, 1 << 20),
        inRange(rpc, "max-json-depth", 4, 256),
        timeout(rpc));
  }

  private static int inRange(Config rpc, String key, int min, int max) {
    int value = rpc.getInt(key);
    if (value < min || value > max) {
      throw new IllegalArgumentException("obsidian.rpc." + key + ": " + value + " — expected an integer in ["
          + min + ", " + max + "]");
    }
    return value;
  }

  private static Duration timeout(Config rpc) {
    Duration timeout = rpc.getDuration("request-timeout");
    if (timeout.compareTo(Duration.ofMillis(100)) < 0 || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("obsidian.rpc.request-timeout: " + timeout.toMillis()
          + " ms — expected a duration in [100 ms, 10 minutes]");
    }
    return timeout;
  }

  public static RpcLimits withMaxRequestBytes(long maxRequestBytes) {
    return new RpcLimits(maxRequestBytes, DEFAULT_MAX_BATCH_REQUESTS, DEFAULT_MAX_ARRAY_LENGTH,
        DEFAULT_MAX_STRING_LENGTH, DEFAULT_MAX_JSON_DEPTH, DEFAULT_REQUEST_TIMEOUT);
  }

  private static void requirePositive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
