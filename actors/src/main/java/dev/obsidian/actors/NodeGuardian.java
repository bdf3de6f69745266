package dev.obsidian.actors;

import com.typesafe.config.ConfigFactory;
import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.config.JournalKind;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.EthAddress;
import dev.obsidian.merkle.StoreOptions;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.WorldStateSnapshot;
import dev.obsidian.merkle.WorldStateStore;
import dev.obsidian.persistence.JournalConfig;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Starts a single node in this JVM: an ActorSystem on the embedded journal, the world-state store brought up to the
 * journal, the block index rebuilt from it, then the actors. {@link ActorNode#close()} stops it all.
 */
public final class NodeGuardian {
  /**
   * The block's base fees and so the least maxFeesPerGas a tx must offer. Not configurable yet: there is no fee
   * market or fee payment.
   */
  public static final GasFees BASE_FEES = new GasFees(1, 1);
  /** Attempts per proving job before the block is reported failed. */
  public static final int PROVER_MAX_ATTEMPTS = 3;

  private NodeGuardian() {}

  public static ActorNode start(ObsidianSettings settings, NodeClock clock) {
    return start(settings, clock, L1Wiring.NONE);
  }

  /** Starts the node publishing its blocks through {@code l1}. */
  public static ActorNode start(ObsidianSettings settings, NodeClock clock, L1Wiring l1) {
    if (settings.persistence().journal() != JournalKind.EMBEDDED) {
      throw new IllegalArgumentException("persistence.journal = " + settings.persistence().journal()
          + " is not wired into the node yet; use embedded");
    }
    JournalConfig journal = JournalConfig.embedded(settings.dataDir());
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "obsidian",
        journal.toConfig().withFallback(ConfigFactory.load()));
    WorldStateStore store = null;
    try {
      journal.prepare(system).toCompletableFuture().get(60, TimeUnit.SECONDS);
      store = WorldStateStore.open(settings.merkle().storeDirectory(),
          new StoreOptions(true, settings.merkle().historyBlocks()));
      JournaledBlocks journaled = JournaledBlocks.read(system, journal.readJournalPluginId());
      WorldState.catchUp(store, journaled.blocks());
      ChainIndex index = new ChainIndex(genesisHash(store));
      journaled.blocks().forEach(index::add);
      index.markProven(journaled.provenBlockNumber());
      return spawn(settings, clock, system, store, index, l1);
    } catch (Exception | Error e) {
      system.terminate();
      if (store != null) {
        store.close();
      }
      throw e instanceof RuntimeException r ? r : new IllegalStateException("node failed to start: " + e.getMessage(), e);
    }
  }

  private static ActorNode spawn(ObsidianSettings settings, NodeClock clock, ActorSystem<Void> system,
      WorldStateStore store, ChainIndex index, L1Wiring l1) {
    long chainId = settings.node().chainId();
    long version = settings.node().rollupVersion();
    Mempool.Settings mempoolSettings = new Mempool.Settings(settings.limits().mempoolMaxTxs(),
        settings.limits().maxTxBytes().bytes(), chainId, version, BASE_FEES);
    ActorRef<Mempool.Command> mempool = system.systemActorOf(
        Mempool.create(mempoolSettings, new LocalChainView(store, index), new UncheckedProofVerifier()), "mempool", Props.empty());
    ActorRef<WorldState.Command> worldState = system.systemActorOf(WorldState.create(store), "world-state", Props.empty());
    ActorRef<ProverCoordinator.Command> prover = system.systemActorOf(
        ProverCoordinator.create(settings.prover().jobTimeout(), PROVER_MAX_ATTEMPTS), "prover-coordinator", Props.empty());
    for (int i = 0; i < settings.prover().workers(); i++) {
      system.systemActorOf(ProverWorker.create(store), "prover-worker-" + i, Props.empty());
    }
    var sequencing = settings.sequencer();
    Sequencer.Settings sequencerSettings = new Sequencer.Settings(sequencing.blockTime(), sequencing.minTxsPerBlock(),
        sequencing.maxTxsPerBlock(), sequencing.buildEmptyBlocks(), chainId, version, EthAddress.ZERO, AztecAddress.ZERO,
        BASE_FEES);
    ActorRef<Sequencer.Command> sequencer = system.systemActorOf(Sequencer.create(sequencerSettings,
        new Sequencer.Collaborators(mempool, worldState, prover, l1.publisher().apply(index), index), clock), "sequencer", Props.empty());
    return new ActorNode(system, store, index, mempool, worldState, sequencer, settings, l1);
  }

  private static dev.obsidian.crypto.field.Fr genesisHash(WorldStateStore store) {
    try (WorldStateSnapshot genesis = store.snapshot(store.oldestAvailableBlock())) {
      return genesis.leafHash(TreeId.ARCHIVE, 0);
    }
  }
}
