package dev.obsidian.node.rpc;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;

/**
 * The node's HTTP server: JSON-RPC, health and metrics on one port. It runs on the given actor system's
 * dispatcher; stopping it unbinds the port and waits for requests in flight up to a deadline.
 */
public final class RpcServer {

  private final ServerBinding binding;

  private RpcServer(ServerBinding binding) {
    this.binding = binding;
  }

  /**
   * Binds {@code host:port} (port 0 picks a free one) and serves {@code methods}.
   *
   * @return the running server, or a stage failed with the bind error (e.g. the port is taken)
   */
  public static CompletionStage<RpcServer> start(ClassicActorSystemProvider system, String host, int port,
      RpcMethods methods, RpcLimits limits, Readiness readiness, NodeMetrics metrics) {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(host, "host");
    JsonRpcDispatcher dispatcher = new JsonRpcDispatcher(methods, limits, metrics.registry());
    new JvmMemoryMetrics().bindTo(metrics.registry());
    HttpRoutes routes = new HttpRoutes(system, dispatcher, readiness, metrics);
    return Http.get(system).newServerAt(host, port).bind(routes.route()).thenApply(RpcServer::new);
  }

  /**
   * Loads and initialises pekko-http on {@code system} without binding anything, so that a caller can do it
   * while other start-up work runs; returns the system.
   */
  public static <S extends ClassicActorSystemProvider> S prepare(S system, RpcLimits limits) {
    Http.get(system);
    JsonRpcDispatcher idle = new JsonRpcDispatcher(RpcMethods.builder().build(), limits, new SimpleMeterRegistry());
    new HttpRoutes(system, idle, () -> java.util.concurrent.CompletableFuture.completedFuture(false),
        new NodeMetrics()).route();
    idle.dispatch("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return system;
  }

  public InetSocketAddress address() {
    return binding.localAddress();
  }

  /** {@code http://host:port/}, where JSON-RPC clients post. */
  public URI url() {
    InetSocketAddress address = address();
    String host = address.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + address.getPort() + "/");
  }

  /** Stops accepting connections and lets requests in flight finish for at most {@code deadline}. */
  public CompletionStage<Void> stop(Duration deadline) {
    return binding.terminate(deadline).thenApply(terminated -> null);
  }
}
