package dev.obsidian.actors;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.obsidian.config.ProverSettings;
import java.util.Map;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/**
 * The Pekko cluster that lets prover workers run in other JVMs: with {@code obsidian.prover.cluster-port} set, the
 * node's actor system listens there and joins itself as the seed, and {@code obsidian prover --join HOST:PORT}
 * processes join it; their workers register with the cluster Receptionist, where the coordinator finds them. Without
 * a port the system stays local (no remoting at all).
 */
public final class ProverCluster {
  /** Every process of one network runs an actor system of this name (Pekko addresses include it). */
  public static final String SYSTEM_NAME = "obsidian";

  private ProverCluster() {}

  /** Settings to put in front of the node's config: cluster remoting when a port is set, else nothing. */
  public static Config config(ProverSettings prover) {
    if (prover.clusterPort() == 0) {
      return ConfigFactory.empty();
    }
    return memberConfig(prover.clusterHost(), prover.clusterPort(), "sequencer");
  }

  /** A cluster member's settings: remoting on {@code host:port} (0 picks a free port), with {@code role}. */
  public static Config memberConfig(String host, int port, String role) {
    return ConfigFactory.parseMap(Map.of(
        "pekko.actor.provider", "cluster",
        "pekko.remote.artery.canonical.hostname", host,
        "pekko.remote.artery.canonical.port", port,
        "pekko.cluster.roles", java.util.List.of(role))).withFallback(ConfigFactory.parseString("""
        # a prover that dies is removed after stable-after (its jobs time out and go elsewhere); the oldest member,
        # the node, never downs itself: not when it is alone, not when membership is unstable
        pekko.cluster.downing-provider-class = "org.apache.pekko.cluster.sbr.SplitBrainResolverProvider"
        pekko.cluster.split-brain-resolver.active-strategy = keep-oldest
        pekko.cluster.split-brain-resolver.keep-oldest.down-if-alone = off
        pekko.cluster.split-brain-resolver.down-all-when-unstable = off
        pekko.cluster.split-brain-resolver.stable-after = 5s
        # a worker busy proving on every core can miss heartbeats for seconds
        pekko.cluster.failure-detector.acceptable-heartbeat-pause = 10s
        # a base-rollup-64 job carries ~13,000 named inputs (about 600 KB): above artery's 256 KiB default frame
        # (buffers of this size are pooled and allocated on demand)
        pekko.remote.artery.advanced.maximum-frame-size = 2 MiB
        pekko.cluster.jmx.enabled = off
        pekko.cluster.log-info = off
        """));
  }

  /** With a cluster port set, makes the node the cluster's first member. */
  public static void joinSelf(ActorSystem<?> system, ProverSettings prover) {
    if (prover.clusterPort() != 0) {
      Cluster cluster = Cluster.get(system);
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
    }
  }

  /** Joins the cluster whose seed (the node) listens on {@code host:port}. */
  public static void join(ActorSystem<?> system, String host, int port) {
    Cluster.get(system).manager().tell(Join.create(new Address("pekko", SYSTEM_NAME, host, port)));
  }
}
