package dev.obsidian.node.rpc;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Supplier;

/**
 * The node's metrics port: one Prometheus registry that the RPC layer records into, that other components
 * add gauges to (blocks, txs, mempool size) without depending on Micrometer themselves, and that
 * {@code /metrics} renders.
 */
public final class NodeMetrics {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  public MeterRegistry registry() {
    return registry;
  }

  /**
   * A gauge read at every scrape. The supplier must be cheap and must not block; it may return null while
   * the value is unknown (the gauge then reads NaN).
   */
  public void gauge(String name, String description, Supplier<? extends Number> value) {
    Gauge.builder(name, value, supplier -> {
          Number current = supplier.get();
          return current == null ? Double.NaN : current.doubleValue();
        })
        .description(description)
        .strongReference(true)
        .register(registry);
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }
}
