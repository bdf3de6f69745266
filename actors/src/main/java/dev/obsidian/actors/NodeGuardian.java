package dev.obsidian.actors;

import com.typesafe.config.ConfigFactory;
import dev.obsidian.actors.block.BlockHeader;
import dev.obsidian.actors.block.GlobalVariables;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.StateReference;
import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.config.JournalKind;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.EthAddress;
import dev.obsidian.merkle.StoreOptions;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.TreeInfo;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.merkle.WorldStateSnapshot;
import dev.obsidian.merkle.WorldStateStore;
import dev.obsidian.persistence.JournalConfig;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
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
  private NodeGuardian() {}

  public static ActorNode start(ObsidianSettings settings, NodeClock clock) {
    return start(settings, clock, L1Wiring.NONE);
  }

  /** Starts the node publishing its blocks through {@code l1}. */
  public static ActorNode start(ObsidianSettings settings, NodeClock clock, L1Wiring l1) {
    return start(settings, clock, l1, null);
  }

  /**
   * Starts the node publishing through {@code l1} and proving with {@code prover} (needed when
   * {@code obsidian.prover.enabled}; with {@code obsidian.prover.cluster-port} set, workers in other JVMs join).
   */
  public static ActorNode start(ObsidianSettings settings, NodeClock clock, L1Wiring l1, BlockProver prover) {
    if (settings.prover().enabled() && prover == null) {
      throw new IllegalArgumentException("obsidian.prover.enabled is true but the node was started without a prover");
    }
    if (settings.prover().enabled() && settings.prover().workers() == 0 && settings.prover().clusterPort() == 0) {
      throw new IllegalArgumentException("obsidian.prover.enabled is true but nothing can prove: "
          + "obsidian.prover.workers = 0 and obsidian.prover.cluster-port = 0 (no remote workers can join)");
    }
    if (settings.persistence().journal() != JournalKind.EMBEDDED) {
      throw new IllegalArgumentException("persistence.journal = " + settings.persistence().journal()
          + " is not wired into the node yet; use embedded");
    }
    JournalConfig.Embedded journal = JournalConfig.embedded(settings.dataDir());
    DataDirLock lock = DataDirLock.acquire(settings.dataDir(),
        journal.databasePath().resolveSibling(journal.databasePath().getFileName() + ".mv.db"));
    ActorSystem<Void> system;
    try {
      system = ActorSystem.create(Behaviors.empty(), ProverCluster.SYSTEM_NAME, ProverCluster.config(settings.prover())
          .withFallback(journal.toConfig()).withFallback(ConfigFactory.load()));
      ProverCluster.joinSelf(system, settings.prover());
    } catch (RuntimeException | Error e) {
      lock.close();
      throw e;
    }
    WorldStateStore store = null;
    try {
      journal.prepare(system).toCompletableFuture().get(60, TimeUnit.SECONDS);
      store = WorldStateStore.open(settings.merkle().storeDirectory(),
          new StoreOptions(true, settings.merkle().historyBlocks()));
      JournaledBlocks journaled = JournaledBlocks.read(system, journal.readJournalPluginId());
      WorldState.catchUp(store, journaled.blocks());
      ChainIndex index = new ChainIndex(genesisBlock(store));
      journaled.blocks().forEach(index::add);
      index.markProven(journaled.provenBlockNumber());
      return spawn(settings, clock, system, store, index, lock, l1, prover);
    } catch (Exception | Error e) {
      system.terminate();
      if (store != null) {
        store.close();
      }
      lock.close();
      throw e instanceof RuntimeException r ? r : new IllegalStateException("node failed to start: " + e, e);
    }
  }

  private static ActorNode spawn(ObsidianSettings settings, NodeClock clock, ActorSystem<Void> system,
      WorldStateStore store, ChainIndex index, DataDirLock lock, L1Wiring l1, BlockProver prover) {
    long chainId = settings.node().chainId();
    long version = settings.node().rollupVersion();
    Mempool.Settings mempoolSettings = new Mempool.Settings(settings.limits().mempoolMaxTxs(),
        settings.limits().maxTxBytes().bytes(), chainId, version, BASE_FEES);
    ActorRef<Mempool.Command> mempool = spawnCounted(system,
        Mempool.create(mempoolSettings, new LocalChainView(store, index), new UncheckedProofVerifier()), "mempool");
    ActorRef<WorldState.Command> worldState = spawnCounted(system, WorldState.create(store), "world-state");
    var proving = settings.prover();
    ActorRef<BlockProofs.Command> proofs = spawnCounted(system, BlockProofs.create(), "block-proofs");
    ActorRef<ProverCoordinator.Command> coordinator = spawnCounted(system, ProverCoordinator.create(
        new ProverCoordinator.Settings(proving.enabled(), proving.jobTimeout(), proving.maxAttempts()),
        prover, store, proofs), "prover-coordinator");
    if (proving.enabled()) {
      for (int i = 0; i < proving.workers(); i++) {
        system.systemActorOf(ActorStats.timed(system, "prover-worker-" + i, ProverWorker.create(prover)),
            "prover-worker-" + i, ActorStats.mailbox().withDispatcherFromConfig("obsidian.prover-dispatcher"));
      }
    }
    var sequencing = settings.sequencer();
    Sequencer.Settings sequencerSettings = new Sequencer.Settings(sequencing.blockTime(), sequencing.minTxsPerBlock(),
        sequencing.maxTxsPerBlock(), sequencing.buildEmptyBlocks(), chainId, version, EthAddress.ZERO, AztecAddress.ZERO,
        BASE_FEES);
    ActorRef<Sequencer.Command> sequencer = spawnCounted(system, Sequencer.create(sequencerSettings,
        new Sequencer.Collaborators(mempool, worldState, coordinator, l1.publisher().apply(index), index), clock), "sequencer");
    return new ActorNode(system, store, index, mempool, worldState, sequencer, settings, lock, l1);
  }

  /** Spawns with its mailbox length and message handling time counted in {@link ActorStats} (for /metrics). */
  private static <T> ActorRef<T> spawnCounted(ActorSystem<Void> system, Behavior<T> behavior, String name) {
    return system.systemActorOf(ActorStats.timed(system, name, behavior), name, ActorStats.mailbox());
  }

  /**
   * Block 0 as Aztec defines it (empty last archive, the genesis state, empty globals), checked against the genesis
   * hash the store's archive holds.
   */
  private static L2Block genesisBlock(WorldStateStore store) {
    L2Block genesis;
    try (WorldStateFork state = WorldStateFork.inMemoryGenesis()) {
      BlockHeader header = new BlockHeader(new TreeInfo(Fr.ZERO, 0), StateReference.of(state), Fr.ZERO,
          GlobalVariables.empty(), Fr.ZERO, 0);
      genesis = new L2Block(header, new TreeInfo(Constants.GENESIS_ARCHIVE_ROOT, 1), List.of());
    }
    try (WorldStateSnapshot snapshot = store.snapshot(store.oldestAvailableBlock())) {
      Fr stored = snapshot.leafHash(TreeId.ARCHIVE, 0);
      if (!stored.equals(genesis.hash())) {
        throw new IllegalStateException("the store's archive starts with " + stored + ", not the genesis header hash "
            + genesis.hash());
      }
    }
    return genesis;
  }
}
