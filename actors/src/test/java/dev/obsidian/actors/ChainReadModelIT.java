package dev.obsidian.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.PrivateLog;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.config.SettingsLoader;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.persistence.JournalConfig;
import dev.obsidian.persistence.ReadModelStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.jdbc.JdbcSession;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node's chain read models (Pekko Projections, JDBC on H2): filled from the sequencer's journal, answering
 * receipts, blocks and logs by tag after the blocks left memory; a restart resumes the projection at its stored
 * offset (the journal is read from there, not from event 1); a failure after the handler wrote its rows but before the
 * offset committed leaves every row exactly once.
 */
class ChainReadModelIT {
  @TempDir Path dataDir;
  @TempDir Path otherReadModels;
  private final AtomicLong clockMillis = new AtomicLong(1_700_000_000_000L);

  private ObsidianSettings settings() {
    return SettingsLoader.load(ConfigFactory.parseMap(Map.of(
        "obsidian.data-dir", dataDir.toString(),
        "obsidian.sequencer.block-time-ms", 100,
        "obsidian.sequencer.min-txs-per-block", 1)), Map.of());
  }

  /** What the RPC answers for the sent txs: receipts, effects, blocks, logs by tag. */
  private record Answers(List<TxReceipt> receipts, List<IndexedTxEffect> effects, List<L2Block> blocks,
      List<List<TaggedPrivateLog>> logs, long blockNumber) {}

  private static Answers answers(ActorNode node, List<Tx> sent, List<Fr> tags) throws Exception {
    List<TxReceipt> receipts = new ArrayList<>();
    List<IndexedTxEffect> effects = new ArrayList<>();
    for (Tx tx : sent) {
      receipts.add(node.getTxReceipt(tx.hash()).toCompletableFuture().get());
      effects.add(node.getTxEffect(tx.hash()).toCompletableFuture().get().orElseThrow());
    }
    long latest = node.getBlockNumber().toCompletableFuture().get();
    List<L2Block> blocks = new ArrayList<>();
    for (long n = 0; n <= latest; n++) {
      blocks.add(node.getBlock(n).toCompletableFuture().get().orElseThrow());
    }
    return new Answers(receipts, effects, blocks, node.getPrivateLogsByTags(tags).toCompletableFuture().get(), latest);
  }

  @Test
  void readModelsServeTheChainAndARestartResumesAtTheStoredOffset() throws Exception {
    RandomTxs random = new RandomTxs(77, 31337, 1);
    List<Tx> sent = new ArrayList<>();
    List<Fr> tags = new ArrayList<>();
    Answers before;
    ChainReadModel.Progress progress;
    Map<String, Long> rows;
    try (ActorNode node = NodeGuardian.start(settings(), () -> clockMillis.addAndGet(1000));
        WorldStateFork genesis = WorldStateFork.inMemoryGenesis()) {
      for (int i = 0; i < 12; i++) {
        Tx tx = random.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis);
        assertTrue(node.sendTx(tx).toCompletableFuture().get() instanceof TxVerdict.Accepted);
        sent.add(tx);
        tx.effects().privateLogs().stream().map(PrivateLog::tag).forEach(tags::add);
        if (i % 3 == 2) {
          Thread.sleep(150);
        }
      }
      await(() -> sent.stream().allMatch(tx -> node.getTxEffect(tx.hash()).toCompletableFuture().join().isPresent()));
      // every block left memory: the answers below come from the read model's tables
      await(() -> node.chainIndex().tailSize() == 0);
      before = answers(node, sent, tags);
      assertTrue(before.blockNumber() >= 2, "blocks: " + before.blockNumber());
      assertTrue(before.logs().stream().allMatch(logs -> !logs.isEmpty()), "every tag finds its log");
      ChainReadModel readModel = readModel(node);
      progress = readModel.progress();
      rows = readModel.rowCounts();
      assertEquals(before.blockNumber(), progress.lastBlockNumber());
      assertEquals(before.blockNumber(), rows.get("chain_blocks"));
      assertEquals(sent.size(), rows.get("chain_txs"));
      assertEquals(tags.size(), rows.get("chain_logs"));
    }
    try (ActorNode node = NodeGuardian.start(settings(), () -> clockMillis.addAndGet(1000))) {
      // the journal was read from the projection's offset on, not from the first event
      Map<String, Long> counts = node.startupTimings().counts();
      assertEquals(progress.lastSequenceNr(), counts.get("journal first sequence nr"), counts.toString());
      assertEquals(0L, counts.get("journaled blocks"), counts.toString());
      assertEquals(before, answers(node, sent, tags));
      // the mempool's batch look-up of included txs, answered by the read model's table
      Map<dev.obsidian.actors.tx.TxHash, Long> included = new java.util.HashMap<>();
      before.effects().forEach(effect -> included.put(effect.effect().txHash(), effect.blockNumber()));
      List<dev.obsidian.actors.tx.TxHash> asked = new ArrayList<>(included.keySet());
      asked.add(new dev.obsidian.actors.tx.TxHash(Fr.of(12345)));   // never mined: absent from the answer
      assertEquals(included, node.chainIndex().inclusionBlocks(asked));
      Thread.sleep(1500); // the projection polls the journal: give it time to (wrongly) replay anything
      assertEquals(rows, readModel(node).rowCounts());
      assertEquals(progress, readModel(node).progress());
    }
  }

  @Test
  void aFailureBetweenHandlerAndOffsetCommitLeavesEveryRowOnce() throws Exception {
    Map<String, Long> expected;
    long blocks;
    try (ActorNode node = NodeGuardian.start(settings(), () -> clockMillis.addAndGet(1000));
        WorldStateFork genesis = WorldStateFork.inMemoryGenesis()) {
      RandomTxs random = new RandomTxs(78, 31337, 1);
      List<Tx> sent = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        Tx tx = random.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis);
        node.sendTx(tx).toCompletableFuture().get();
        sent.add(tx);
        Thread.sleep(120);
      }
      await(() -> sent.stream().allMatch(tx -> node.getTxEffect(tx.hash()).toCompletableFuture().join().isPresent()));
      await(() -> node.chainIndex().tailSize() == 0);
      expected = readModel(node).rowCounts();
      blocks = node.getBlockNumber().toCompletableFuture().get();
    }
    // the same journal projected into a fresh read-model database, the handler failing once after writing block 2
    JournalConfig journal = JournalConfig.embedded(dataDir);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "replay", journal.toConfig()
        .withFallback(ConfigFactory.parseString("jdbc-read-journal.refresh-interval = 100ms"))
        .withFallback(ReadModelStore.projectionConfig()).withFallback(ConfigFactory.load()));
    AtomicInteger failures = new AtomicInteger();
    AtomicLong committed = new AtomicLong();
    try (ChainReadModel fresh = ChainReadModel.open(ReadModelStore.embedded(otherReadModels), system)) {
      journal.prepare(system).toCompletableFuture().get();
      var projection = fresh.projection(system, journal, committed::set, () -> new FailingOnce(fresh.handler(), failures))
          .withRestartBackoff(Duration.ofMillis(100), Duration.ofMillis(300), 0.1);
      system.systemActorOf(ProjectionBehavior.create(projection), "projection", org.apache.pekko.actor.typed.Props.empty());
      await(() -> committed.get() == blocks);
      assertEquals(1, failures.get());
      assertEquals(expected, fresh.rowCounts());
      assertEquals(blocks, fresh.progress().lastBlockNumber());
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get();
    } finally {
      system.terminate();
    }
  }

  /** Runs the real handler, then throws once after block 2's rows were written (before the offset commits). */
  private static final class FailingOnce extends JdbcHandler<EventEnvelope, JdbcSession> {
    private final JdbcHandler<EventEnvelope, JdbcSession> delegate;
    private final AtomicInteger failures;

    FailingOnce(JdbcHandler<EventEnvelope, JdbcSession> delegate, AtomicInteger failures) {
      this.delegate = delegate;
      this.failures = failures;
    }

    @Override
    public void process(JdbcSession session, EventEnvelope envelope) throws Exception {
      delegate.process(session, envelope);
      if (envelope.event() instanceof Sequencer.BlockBuilt built && built.blockNumber() == 2
          && failures.compareAndSet(0, 1)) {
        throw new IllegalStateException("injected: crash after the handler, before the offset commit");
      }
    }
  }

  private static ChainReadModel readModel(ActorNode node) {
    return node.chainIndex().readModel().orElseThrow();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 60 s");
      }
      Thread.sleep(50);
    }
  }
}
