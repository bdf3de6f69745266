package dev.obsidian.node.rpc;

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
