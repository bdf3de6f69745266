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
import dev.obsidian.persistence.ReadModelStore;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.projection.ProjectionBehavior;

/**
 * Starts a single node in this JVM: an ActorSystem on the configured journal (embedded H2 or Cassandra), the
 * world-state store brought up to the journal, the block index over the chain read models (only the journal after
 * their projection's offset is read), then the actors and the projection. {@link ActorNode#close()} stops it all.
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
    StartupTimings timings = new StartupTimings();
    JournalConfig journal = journalConfig(settings);
    // the embedded journal's own file is locked (H2 allows one process); with Cassandra the lock guards the store
    DataDirLock lock = journal instanceof JournalConfig.Embedded embedded
        ? DataDirLock.acquire(settings.dataDir(),
            embedded.databasePath().resolveSibling(embedded.databasePath().getFileName() + ".mv.db"))
        : DataDirLock.acquire(settings.dataDir(), "actors.lock");
    // the store (RocksDB) opens while the actor system starts, and the journal's and read models' tables are checked
    // at the same time: start-up is mostly class loading and JIT warm-up, which runs on both cores this way
    CompletableFuture<WorldStateStore> storeOpening = CompletableFuture.supplyAsync(() -> WorldStateStore.open(
        settings.merkle().storeDirectory(), new StoreOptions(true, settings.merkle().historyBlocks())));
    ActorSystem<Void> system;
    try {
      system = ActorSystem.create(Behaviors.empty(), ProverCluster.SYSTEM_NAME, ProverCluster.config(settings.prover())
          .withFallback(journal.toConfig()).withFallback(ReadModelStore.projectionConfig())
          .withFallback(ConfigFactory.load()));
      ProverCluster.joinSelf(system, settings.prover());
    } catch (RuntimeException | Error e) {
      closeWhenOpened(storeOpening);
      lock.close();
      throw e;
    }
    timings.mark("actor system");
    WorldStateStore store = null;
    AutoCloseable closeOnFailure = null;
    CompletableFuture<ChainReadModel> readModelOpening = CompletableFuture.supplyAsync(() -> {
      // the read models stay in H2 under the data dir whichever the journal: they are this node's own index
      try {
        return ChainReadModel.open(ReadModelStore.embedded(settings.dataDir()), system);
      } catch (Exception e) {
        throw new CompletionException(e);
      }
    });
    try {
      CompletableFuture<?> tables = journal.prepare(system).toCompletableFuture();
      try {
        tables.get(60, TimeUnit.SECONDS);
        timings.mark("journal tables");
        store = storeOpening.get(60, TimeUnit.SECONDS);
        timings.mark("store open");
      } finally {
        if (store == null) {
          closeWhenOpened(storeOpening);
        }
      }
      ChainReadModel readModel = readModelOpening.get(60, TimeUnit.SECONDS);
      closeOnFailure = readModel;
      ChainReadModel.Progress projected = readModel.progress();
      timings.mark("read model open", "projected through block " + projected.lastBlockNumber());
      JournaledBlocks journaled = JournaledBlocks.read(system, journal.readJournalPluginId(),
          Math.max(1, projected.lastSequenceNr()), projected.provenBlockNumber());
      if (projected.lastSequenceNr() > 0 && journaled.firstSequenceNr() != projected.lastSequenceNr()) {
        throw new IllegalStateException("the read models in " + settings.dataDir().resolve("read-models")
            + " were projected up to sequencer event " + projected.lastSequenceNr() + ", which the journal does not hold: "
            + "they belong to another journal (delete that directory to rebuild them)");
      }
      // a chain rollback the projection has not reached yet drops read-model blocks above its target: the projection
      // deletes their rows when it gets there, and until then the chain is the read model's up to the target
      ChainReadModel.Progress progress = projected.upTo(journaled.lowestRollback());
      List<L2Block> unprojected = journaled.blocks().stream().filter(b -> b.number() > progress.lastBlockNumber()).toList();
      timings.count("journaled blocks", unprojected.size());
      timings.count("journal first sequence nr", journaled.firstSequenceNr());
      timings.mark("journal read", journaled.events() + " events, " + unprojected.size() + " blocks after the read model");
      List<L2Block> chain = ChainBlocks.of(readModel, progress.lastBlockNumber(), unprojected);
      WorldState.catchUp(store, chain, journaled.lowestRollback());
      timings.mark("store catch-up");
      ChainIndex index = new ChainIndex(genesisBlock(store), readModel, progress);
      unprojected.forEach(index::add);
      index.markProven(journaled.provenBlockNumber());
      timings.mark("block index");
      ActorNode node = spawn(settings, clock, system, store, index, lock, l1, prover);
      system.systemActorOf(ProjectionBehavior.create(readModel.projection(system, journal, index::committed)),
          ChainReadModel.PROJECTION_NAME, Props.empty());
      timings.mark("spawn");
      node.startupTimings(timings);
      return node;
    } catch (Exception | Error e) {
      system.terminate();
      if (store != null) {
        store.close();
      }
      if (closeOnFailure == null) {
        closeOnFailure = readModelOpening.exceptionally(failure -> null).join();
      }
      if (closeOnFailure != null) {
        try {
          system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
          closeOnFailure.close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
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

  /**
   * The journal {@code obsidian.persistence.journal} names: the embedded H2 file under the data dir, or the Cassandra
   * cluster of {@code obsidian.persistence.cassandra} (keyspace and tables created by an operator, or at first use when
   * {@code auto-create} is on, for development).
   */
  static JournalConfig journalConfig(ObsidianSettings settings) {
    return switch (settings.persistence().journal()) {
      case EMBEDDED -> JournalConfig.embedded(settings.dataDir());
      case CASSANDRA -> {
        var cassandra = settings.persistence().cassandra();
        JournalConfig.Cassandra config = JournalConfig.cassandra(cassandra.contactPoints().stream()
                .map(point -> new InetSocketAddress(point.host(), point.port())).toList(),
            cassandra.keyspace(), cassandra.localDatacenter());
        yield cassandra.autoCreate() ? config.withAutoCreateForDevelopment() : config;
      }
    };
  }

  /** The read journal plugin of the node's journal (for reads such as {@link BlockProofs#recorded}). */
  public static String readJournalPluginId(ObsidianSettings settings) {
    return journalConfig(settings).readJournalPluginId();
  }

  private static void closeWhenOpened(CompletableFuture<WorldStateStore> opening) {
    WorldStateStore opened = opening.exceptionally(failure -> null).join();
    if (opened != null) {
      opened.close();
    }
  }

  private static ActorNode spawn(ObsidianSettings settings, NodeClock clock, ActorSystem<Void> system,
      WorldStateStore store, ChainIndex index, DataDirLock lock, L1Wiring l1, BlockProver prover) {
    long chainId = settings.node().chainId();
    long version = settings.node().rollupVersion();
    Mempool.Settings mempoolSettings = new Mempool.Settings(settings.limits().mempoolMaxTxs(),
        settings.limits().maxTxBytes().bytes(), chainId, version, BASE_FEES);
    ActorRef<Mempool.Command> mempool = spawnCounted(system,
        Mempool.create(mempoolSettings, new LocalChainView(store, index), new UncheckedProofVerifier(),
            settings.prover().enabled() && prover != null ? prover::cannotProveTx : effects -> Optional.empty()),
        "mempool");
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
    // with proving on, no block larger than the block-root keys made (obsidian.prover.max-block-txs)
    int maxTxs = proving.enabled() ? Math.min(sequencing.maxTxsPerBlock(), proving.maxBlockTxs())
        : sequencing.maxTxsPerBlock();
    Sequencer.Settings sequencerSettings = new Sequencer.Settings(sequencing.blockTime(),
        Math.min(sequencing.minTxsPerBlock(), maxTxs), maxTxs, sequencing.buildEmptyBlocks(), chainId, version, EthAddress.ZERO, AztecAddress.ZERO,
        BASE_FEES);
    L1Publisher publisher = l1.publisher().create(system, index);
    ActorRef<Sequencer.Command> sequencer = spawnCounted(system, Sequencer.create(sequencerSettings,
        new Sequencer.Collaborators(mempool, worldState, coordinator, publisher, index, l1.messages().apply(system),
            new JournalTxArchive(system, journalConfig(settings).readJournalPluginId())), clock), "sequencer");
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
