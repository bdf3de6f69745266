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
    JournalConfig.Embedded journal = JournalConfig.embedded(settings.dataDir());
    DataDirLock lock = DataDirLock.acquire(settings.dataDir(),
        journal.databasePath().resolveSibling(journal.databasePath().getFileName() + ".mv.db"));
    ActorSystem<Void> system;
    try {
      system = ActorSystem.create(Behaviors.empty(), "obsidian", journal.toConfig().withFallback(ConfigFactory.load()));
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
      WorldState.catchUp(store, journaled.blocks(), journaled.lowestRollback());
      ChainIndex index = new ChainIndex(genesisBlock(store));
      journaled.blocks().forEach(index::add);
      index.markProven(journaled.provenBlockNumber());
      return spawn(settings, clock, system, store, index, lock, l1);
    } catch (Exception | Error e) {
      system.terminate();
      if (store != null) {
        store.close();
      }
      lock.close();
      throw e instanceof RuntimeException r ? r : new IllegalStateException("node failed to start: " + e, e);
    }
  }

  /** What a follower runs besides its world state; the l1 module hands it in (archiver, block sync). */
  @FunctionalInterface
  public interface FollowerSpawner {
    /**
     * Spawns the follower's own actors; {@code index} and {@code worldState} are the node's, which the spawned actors
     * feed with the blocks they rebuild from L1.
     */
    void spawn(ActorSystem<Void> system, ChainIndex index, ActorRef<WorldState.Command> worldState);
  }

  /**
   * Starts a follower: no mempool, no sequencer, no prover; {@code spawner} rebuilds the chain from L1 into the
   * node's world state and block index, and the node serves the same reads as a sequencing one. The store may
   * already hold blocks (a restart): re-applied blocks are checked against it, not applied twice.
   */
  public static ActorNode startFollower(ObsidianSettings settings, L1Wiring l1, FollowerSpawner spawner) {
    if (settings.persistence().journal() != JournalKind.EMBEDDED) {
      throw new IllegalArgumentException("persistence.journal = " + settings.persistence().journal()
          + " is not wired into the node yet; use embedded");
    }
    JournalConfig.Embedded journal = JournalConfig.embedded(settings.dataDir());
    DataDirLock lock = DataDirLock.acquire(settings.dataDir(),
        journal.databasePath().resolveSibling(journal.databasePath().getFileName() + ".mv.db"));
    ActorSystem<Void> system;
    try {
      system = ActorSystem.create(Behaviors.empty(), "obsidian", journal.toConfig().withFallback(ConfigFactory.load()));
    } catch (RuntimeException | Error e) {
      lock.close();
      throw e;
    }
    WorldStateStore store = null;
    try {
      journal.prepare(system).toCompletableFuture().get(60, TimeUnit.SECONDS);
      store = WorldStateStore.open(settings.merkle().storeDirectory(),
          new StoreOptions(true, settings.merkle().historyBlocks()));
      ChainIndex index = new ChainIndex(genesisBlock(store));
      ActorRef<WorldState.Command> worldState = spawnCounted(system, WorldState.create(store), "world-state");
      spawner.spawn(system, index, worldState);
      return new ActorNode(system, store, index, null, worldState, null, settings, lock, l1, new NoL1Publisher());
    } catch (Exception | Error e) {
      system.terminate();
      if (store != null) {
        store.close();
      }
      lock.close();
      throw e instanceof RuntimeException r ? r : new IllegalStateException("follower failed to start: " + e, e);
    }
  }

  private static ActorNode spawn(ObsidianSettings settings, NodeClock clock, ActorSystem<Void> system,
      WorldStateStore store, ChainIndex index, DataDirLock lock, L1Wiring l1) {
    long chainId = settings.node().chainId();
    long version = settings.node().rollupVersion();
    Mempool.Settings mempoolSettings = new Mempool.Settings(settings.limits().mempoolMaxTxs(),
        settings.limits().maxTxBytes().bytes(), chainId, version, BASE_FEES);
    ActorRef<Mempool.Command> mempool = spawnCounted(system,
        Mempool.create(mempoolSettings, new LocalChainView(store, index), new UncheckedProofVerifier()), "mempool");
    ActorRef<WorldState.Command> worldState = spawnCounted(system, WorldState.create(store), "world-state");
    ActorRef<ProverCoordinator.Command> prover = spawnCounted(system,
        ProverCoordinator.create(settings.prover().jobTimeout(), PROVER_MAX_ATTEMPTS), "prover-coordinator");
    for (int i = 0; i < settings.prover().workers(); i++) {
      spawnCounted(system, ProverWorker.create(store), "prover-worker-" + i);
    }
    var sequencing = settings.sequencer();
    Sequencer.Settings sequencerSettings = new Sequencer.Settings(sequencing.blockTime(), sequencing.minTxsPerBlock(),
        sequencing.maxTxsPerBlock(), sequencing.buildEmptyBlocks(), chainId, version, EthAddress.ZERO, AztecAddress.ZERO,
        BASE_FEES);
    L1Publisher publisher = l1.publisher().create(system, index);
    ActorRef<Sequencer.Command> sequencer = spawnCounted(system, Sequencer.create(sequencerSettings,
        new Sequencer.Collaborators(mempool, worldState, prover, publisher, index, l1.messages().apply(system),
            new JournalTxArchive(system, JournalConfig.embedded(settings.dataDir()).readJournalPluginId())), clock),
        "sequencer");
    return new ActorNode(system, store, index, mempool, worldState, sequencer, settings, lock, l1, publisher);
  }

  /** Spawns with its mailbox length and message handling time counted in {@link ActorStats} (for /metrics). */
  public static <T> ActorRef<T> spawnCounted(ActorSystem<Void> system, Behavior<T> behavior, String name) {
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
