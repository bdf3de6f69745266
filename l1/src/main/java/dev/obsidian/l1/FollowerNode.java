package dev.obsidian.l1;

import dev.obsidian.actors.ActorNode;
import dev.obsidian.actors.L1Wiring;
import dev.obsidian.actors.NoL1Publisher;
import dev.obsidian.actors.NodeGuardian;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.crypto.protocol.EthAddress;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * A node in follower mode: no sequencer, no mempool; it rebuilds the whole L2 state from an L1 Rollup's data alone
 * ({@link L1Archiver} + {@link BlockSync}) and serves the same reads. Close it to stop.
 */
public final class FollowerNode implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(FollowerNode.class.getName());
  static final String NOTE = "follower: rebuilds every block from the L1 Rollup's calldata and checks it against the "
      + "roots L1 recorded; accepts no transactions";

  private final ActorNode node;
  private final L1Client client;
  private final L1Contracts contracts;
  private final ActorSystem<?>[] system;
  private final ActorRef<BlockSync.Command>[] sync;
  private final ActorRef<L1Archiver.Command>[] archiver;
  private final CompletableFuture<String> halted;

  private FollowerNode(ActorNode node, L1Client client, L1Contracts contracts, ActorSystem<?>[] system,
      ActorRef<BlockSync.Command>[] sync, ActorRef<L1Archiver.Command>[] archiver, CompletableFuture<String> halted) {
    this.node = node;
    this.client = client;
    this.contracts = contracts;
    this.system = system;
    this.sync = sync;
    this.archiver = archiver;
    this.halted = halted;
  }

  /**
   * Connects to L1 (checking its chain id against {@code obsidian.l1.chain-id}), finds the Inbox and the deployment
   * block of {@code rollup}, and starts following it.
   *
   * @param fromL1Block the Rollup's deployment block if known; otherwise found by bisecting eth_getCode
   * @throws L1Exception naming the problem: unreachable RPC, wrong chain id, no Rollup at the address, another version
   */
  @SuppressWarnings("unchecked")
  public static FollowerNode start(ObsidianSettings settings, String rpcUrl, EthAddress rollup,
      OptionalLong fromL1Block) {
    return start(settings, rpcUrl, rollup, fromL1Block, line -> { });
  }

  /** As {@link #start(ObsidianSettings, String, EthAddress, OptionalLong)}; {@code progress} gets each sync line. */
  @SuppressWarnings("unchecked")
  public static FollowerNode start(ObsidianSettings settings, String rpcUrl, EthAddress rollup,
      OptionalLong fromL1Block, java.util.function.Consumer<String> progress) {
    L1Client client = L1Client.connect(rpcUrl, L1PrivateKey.ANVIL_DEV_ACCOUNT_0, settings.l1().chainId(),
        Duration.ofSeconds(60));
    try {
      if (!hasCode(client, rollup, "latest")) {
        throw new L1Exception("no contract at the Rollup address " + rollup + " on " + rpcUrl);
      }
      RollupClient rollupClient = new RollupClient(client, rollup);
      long version = rollupClient.version();
      if (version != settings.node().rollupVersion()) {
        throw new L1Exception("the Rollup at " + rollup + " has version " + version + ", this node is configured for "
            + settings.node().rollupVersion() + " (obsidian.node.rollup-version)");
      }
      long deployment = fromL1Block.isPresent() ? fromL1Block.getAsLong() : deploymentBlock(client, rollup);
      L1Contracts contracts = new L1Contracts(client.chainId(), rollup, rollupClient.inbox(), rollupClient.outbox(),
          EthAddress.ZERO, EthAddress.ZERO, deployment);
      LOG.info("following the Rollup " + rollup + " on " + rpcUrl + " from L1 block " + deployment);
      ArchiverSource source = new ArchiverSource(client, contracts.rollup(), contracts.inbox());
      ActorSystem<?>[] system = new ActorSystem<?>[1];
      ActorRef<BlockSync.Command>[] sync = new ActorRef[1];
      ActorRef<L1Archiver.Command>[] archiver = new ActorRef[1];
      CompletableFuture<String> halted = new CompletableFuture<>();
      L1Wiring wiring = new L1Wiring((actorSystem, index) -> new NoL1Publisher(), () -> addresses(contracts), List.of(NOTE));
      var archiverSettings = settings.archiver();
      ActorNode node = NodeGuardian.startFollower(settings, wiring, (actorSystem, index, worldState) -> {
        system[0] = actorSystem;
        archiver[0] = NodeGuardian.spawnCounted(actorSystem,
            L1Archiver.create(source, L1Archiver.Target.of(contracts), archiverSettings), "archiver");
        sync[0] = NodeGuardian.spawnCounted(actorSystem, BlockSync.create(source, archiver[0], worldState, index,
            new BlockSync.Settings(64, archiverSettings.retryMinBackoff(), archiverSettings.retryMaxBackoff()),
            halted::complete, progress), "block-sync");
      });
      return new FollowerNode(node, client, contracts, system, sync, archiver, halted);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  private static Map<String, String> addresses(L1Contracts contracts) {
    return Map.of("rollupAddress", contracts.rollup().toString(), "inboxAddress", contracts.inbox().toString(),
        "outboxAddress", contracts.outbox().toString());
  }

  /** The lowest L1 block at which {@code address} has code: the Rollup's deployment block. */
  static long deploymentBlock(L1Client client, EthAddress address) {
    long low = 0;
    long high = client.blockNumber();
    while (low < high) {
      long mid = (low + high) >>> 1;
      if (hasCode(client, address, "0x" + Long.toHexString(mid))) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  private static boolean hasCode(L1Client client, EthAddress address, String block) {
    try {
      var response = client.web3j().ethGetCode(address.toString(),
          block.equals("latest") ? org.web3j.protocol.core.DefaultBlockParameterName.LATEST
              : org.web3j.protocol.core.DefaultBlockParameter.valueOf(new java.math.BigInteger(block.substring(2), 16)))
          .send();
      if (response.hasError()) {
        throw new L1Exception("eth_getCode(" + address + ", " + block + ") failed: " + response.getError().getMessage());
      }
      String code = response.getCode();
      return code != null && !code.equals("0x");
    } catch (IOException e) {
      throw new L1Exception("eth_getCode failed: L1 RPC unreachable: " + e.getMessage(), e);
    }
  }

  public ActorNode node() {
    return node;
  }

  public L1Contracts contracts() {
    return contracts;
  }

  /** Completes with the reason if the sync halted on a block that did not check out. */
  public CompletionStage<String> halted() {
    return halted;
  }

  public CompletionStage<BlockSync.Status> syncStatus() {
    return AskPattern.ask(sync[0], BlockSync.GetStatus::new, Duration.ofSeconds(10), system[0].scheduler());
  }

  public CompletionStage<L1Archiver.Status> archiverStatus() {
    return AskPattern.ask(archiver[0], L1Archiver.GetStatus::new, Duration.ofSeconds(10), system[0].scheduler());
  }

  /** Releases the L1 connection (after the node stopped). */
  public void closeL1() {
    client.close();
  }

  @Override
  public void close() {
    try {
      node.close();
    } finally {
      closeL1();
    }
  }
}
