package dev.obsidian.node.rpc;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;

/**
 * Request counts and latency per method and outcome. Tags only take values from fixed sets (registered
 * method names, error codes), so a caller sending random method names cannot grow the registry.
 */
final class RpcMetrics {

  /** Method tag of a request whose method is not registered. */
  static final String UNKNOWN_METHOD = "unknown";

  /** Method tag of a request that could not be read as a request at all. */
  static final String NO_METHOD = "none";

  static final String OK = "ok";

  private final MeterRegistry registry;

  RpcMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  void recordCall(String methodTag, String outcome, Duration elapsed) {
    Timer.builder("obsidian.rpc.requests")
        .description("JSON-RPC requests by method and outcome (ok, or the error code's name)")
        .tag("method", methodTag)
        .tag("outcome", outcome)
        .register(registry)
        .record(elapsed);
  }

  void recordRejectedBody(String reason) {
    Counter.builder("obsidian.rpc.rejected.bodies")
        .description("HTTP bodies refused before any JSON-RPC request was read")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  static String outcome(ErrorCode code) {
    return code.name().toLowerCase(java.util.Locale.ROOT);
  }
}
