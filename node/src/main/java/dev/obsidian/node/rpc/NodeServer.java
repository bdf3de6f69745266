package dev.obsidian.node.rpc;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.obsidian.actors.ActorNode;
import dev.obsidian.actors.DataDirLock;
import dev.obsidian.actors.NodeApi;
import dev.obsidian.actors.NodeClock;
import dev.obsidian.actors.NodeGuardian;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.l1.BlockVerifierKeys;
import dev.obsidian.l1.L1Node;
import java.util.Map;
import java.util.Optional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Cancellable;

/**
 * A node and its JSON-RPC server in this JVM: what {@code obsidian sandbox} runs and what integration tests
 * start. The RPC server has an actor system of its own, so that HTTP work and the node's actors do not
 * share a dispatcher and the node's facade stays the only way in.
 */
public final class NodeServer implements AutoCloseable {

  private static final Duration BIND_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration DRAIN_DEADLINE = Duration.ofSeconds(5);
  private static final Duration GAUGE_REFRESH = Duration.ofSeconds(1);
  /** Held for the server's life, before its port and its L1 (NodeGuardian then takes the store's own lock). */
  static final String SERVER_LOCK_FILE = "node.lock";

  private final ActorNode node;
  private final ActorSystem rpcSystem;
  private final RpcServer server;
  private final Cancellable gaugeRefresh;
  private final DataDirLock lock;
  private final L1Node l1;
  /** Set on a follower (then {@link #l1} is null): closed after the node, it releases the L1 connection. */
  private AutoCloseable afterNode;

  private NodeServer(ActorNode node, ActorSystem rpcSystem, RpcServer server, Cancellable gaugeRefresh,
      DataDirLock lock, L1Node l1) {
    this.node = node;
    this.rpcSystem = rpcSystem;
    this.server = server;
    this.gaugeRefresh = gaugeRefresh;
    this.lock = lock;
    this.l1 = l1;
  }

  /**
   * Starts the node (recovering its journal and trees from {@code settings.dataDir()}) and then serves it.
   *
   * @throws UncheckedIOException with a {@link BindException} cause if the RPC address cannot be bound
   * @throws dev.obsidian.actors.DataDirInUseException if another node runs on the same data directory
   */
  public static NodeServer start(ObsidianSettings settings, RpcLimits limits, NodeClock clock,
      Map<String, String> environment) {
    DataDirLock lock = DataDirLock.acquire(settings.dataDir(), SERVER_LOCK_FILE);
    requirePortFree(settings);
    // pekko-http's many classes load while the node recovers: on a cold JVM that hides a second or more.
    CompletableFuture<ActorSystem> rpcSystem = CompletableFuture.supplyAsync(() -> RpcServer.prepare(
        ActorSystem.create("obsidian-rpc", rpcConfig()), limits));
    // the L1 (Anvil start, contract deployment) comes up while the node recovers; only after the data-dir lock,
    // because a second sandbox on the same directory would otherwise stop the first one's Anvil by its pidfile
    // with proving on, the keys come first: the Rollup is deployed with their verifying keys
    dev.obsidian.actors.BlockProver prover;
    try {
      prover = Proving.prover(settings, environment);
    } catch (RuntimeException | Error e) {
      stopQuietly(rpcSystem.exceptionally(failure -> null).join());
      lock.close();
      throw e;
    }
    Optional<BlockVerifierKeys> keys = Proving.verifierKeys(prover);
    CompletableFuture<L1Node> l1 = CompletableFuture.supplyAsync(() -> L1Node.start(settings, environment, keys));
    ActorNode node;
    try {
      node = NodeGuardian.start(settings, clock, L1Node.wiring(l1, keys.isPresent()), prover);
    } catch (RuntimeException | Error e) {
      stopQuietly(rpcSystem.exceptionally(failure -> null).join());
      closeQuietly(l1);
      lock.close();
      throw unwrap(e);
    }
    try {
      return serve(node, rpcSystem.join(), settings, limits, lock, unwrapJoin(l1));
    } catch (RuntimeException | Error e) {
      stopQuietly(rpcSystem.exceptionally(failure -> null).join());
      node.close();
      closeQuietly(l1);
      lock.close();
      throw e;
    }
  }

  /**
   * Starts a follower ({@code starting} builds it: it follows an L1 Rollup and accepts no txs) and serves it with the
   * same JSON-RPC as a sequencing node. {@link #l1()} is null on a follower.
   */
  public static NodeServer startFollower(ObsidianSettings settings, RpcLimits limits,
      java.util.function.Supplier<dev.obsidian.l1.FollowerNode> starting) {
    DataDirLock lock = DataDirLock.acquire(settings.dataDir(), SERVER_LOCK_FILE);
    dev.obsidian.l1.FollowerNode follower;
    try {
      requirePortFree(settings);
      follower = starting.get();
    } catch (RuntimeException | Error e) {
      lock.close();
      throw e;
    }
    try {
      ActorSystem rpcSystem = RpcServer.prepare(ActorSystem.create("obsidian-rpc", rpcConfig()), limits);
      NodeServer server = serve(follower.node(), rpcSystem, settings, limits, lock, null);
      server.afterNode = follower::closeL1;
      return server;
    } catch (RuntimeException | Error e) {
      follower.close();
      lock.close();
      throw e;
    }
  }

  private static void closeQuietly(CompletableFuture<L1Node> l1) {
    L1Node started = l1.exceptionally(failure -> null).join();
    if (started != null) {
      started.close();
    }
  }

  private static L1Node unwrapJoin(CompletableFuture<L1Node> l1) {
    try {
      return l1.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw unwrap(e);
    }
  }

  private static RuntimeException unwrap(Throwable e) {
    Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof Error error) {
      throw error;
    }
    return (RuntimeException) cause;
  }

  /** The L1 this node settles on. */
  public L1Node l1() {
    return l1;
  }

  private static NodeServer serve(ActorNode node, ActorSystem rpcSystem, ObsidianSettings settings,
      RpcLimits limits, DataDirLock lock, L1Node l1) {
    NodeMetrics metrics = new NodeMetrics();
    NodeGauges gauges = new NodeGauges(node, metrics);
    ActorMeters.register(node.actorStats(), node.journalStats(), metrics.registry());
    RpcMethods methods = NodeRpcMethods.create(node, limits, settings.limits().maxTxBytes().bytes());
    RpcServer server = bind(RpcServer.start(rpcSystem, settings.node().rpcHost(), settings.node().rpcPort(),
        methods, limits, node::isReady, metrics), settings);
    Cancellable refresh = rpcSystem.scheduler().scheduleWithFixedDelay(Duration.ZERO, GAUGE_REFRESH,
        gauges::refresh, rpcSystem.dispatcher());
    return new NodeServer(node, rpcSystem, server, refresh, lock, l1);
  }


  /** Where JSON-RPC clients post: {@code http://host:port/}. */
  public URI url() {
    return server.url();
  }

  /** The node itself, for in-process callers (tests, the load test's in-process mode). */
  public NodeApi api() {
    return node;
  }

  /** Stops serving (requests in flight get a few seconds), then stops the node. */
  @Override
  public void close() {
    gaugeRefresh.cancel();
    try {
      server.stop(DRAIN_DEADLINE).toCompletableFuture().get(DRAIN_DEADLINE.toSeconds() + 5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Unbinding failed or took too long: the node must still be stopped cleanly below.
    } finally {
      stopQuietly(rpcSystem);
      try {
        node.close();
      } finally {
        try {
          if (l1 != null) {
            l1.close();
          }
          if (afterNode != null) {
            afterNode.close();
          }
        } catch (Exception e) {
          throw new IllegalStateException("closing the L1 connection failed: " + e.getMessage(), e);
        } finally {
          lock.close();
        }
      }
    }
  }

  /**
   * Fails fast, before the node starts, when the RPC port is taken (the common mistake of a second
   * sandbox). Binding for real can still fail in a race; that is reported the same way.
   */
  private static void requirePortFree(ObsidianSettings settings) {
    if (settings.node().rpcPort() == 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(settings.node().rpcHost(), settings.node().rpcPort()));
    } catch (IOException e) {
      String address = settings.node().rpcHost() + ":" + settings.node().rpcPort();
      BindException bind = new BindException("cannot listen on " + address + ": " + e.getMessage());
      bind.initCause(e);
      throw new UncheckedIOException(bind);
    }
  }

  private static RpcServer bind(java.util.concurrent.CompletionStage<RpcServer> binding, ObsidianSettings settings) {
    String address = settings.node().rpcHost() + ":" + settings.node().rpcPort();
    try {
      return binding.toCompletableFuture().get(BIND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while binding " + address, e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      BindException bind = new BindException("cannot listen on " + address + ": " + cause.getMessage());
      bind.initCause(cause);
      throw new UncheckedIOException(bind);
    }
  }

  private static Config rpcConfig() {
    // Two threads are plenty for HTTP framing and JSON; the node's actors have their own system.
    return ConfigFactory.parseString("pekko.actor.default-dispatcher.fork-join-executor.parallelism-max = 2")
        .withFallback(ConfigFactory.load());
  }

  private static void stopQuietly(ActorSystem system) {
    if (system == null) {
      return;
    }
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // The RPC system holds no state; the node's own shutdown is what must complete.
    }
  }
}
