package dev.obsidian.actors.replay;

import com.typesafe.config.ConfigFactory;
import dev.obsidian.actors.ActorNode;
import dev.obsidian.actors.NodeGuardian;
import dev.obsidian.actors.TxVerdict;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.PublicDataWrite;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.actors.tx.TxEffects;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.config.SettingsLoader;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.merkle.WorldStateFork;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Runs a real node (NodeGuardian, embedded journal, 100 ms block time) in-process on a deterministic clock and feeds it
 * seeded random txs until it has built a number of blocks, then stops it: the journal and store a replay test reads.
 * From the second batch on, one tx per batch overwrites a public slot an earlier tx wrote, so diffs show old values.
 */
final class RecordedChain {
  static final long CHAIN_ID = 31337;

  private RecordedChain() {}

  static ObsidianSettings settings(Path dataDir, int historyBlocks) {
    return SettingsLoader.load(ConfigFactory.parseMap(Map.of(
        "obsidian.data-dir", dataDir.toString(),
        "obsidian.sequencer.block-time-ms", 100,
        "obsidian.sequencer.min-txs-per-block", 1,
        "obsidian.merkle.history-blocks", historyBlocks)), Map.of());
  }

  /** A clock that moves one second per reading: block timestamps come from it, never from the wall clock. */
  static dev.obsidian.actors.NodeClock steppingClock() {
    AtomicLong millis = new AtomicLong(1_700_000_000_000L);
    return () -> millis.addAndGet(1000);
  }

  /** Builds at least {@code blocks} blocks; returns the txs in submission order. */
  static List<Tx> run(Path dataDir, int blocks, long seed, int historyBlocks) throws Exception {
    RandomTxs random = new RandomTxs(seed, CHAIN_ID, 1);
    List<Tx> sent = new ArrayList<>();
    try (ActorNode node = NodeGuardian.start(settings(dataDir, historyBlocks), steppingClock());
        WorldStateFork empty = WorldStateFork.inMemoryGenesis()) {
      while (node.getBlockNumber().toCompletableFuture().get() < blocks) {
        List<Tx> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          batch.add(random.next(Constants.GENESIS_BLOCK_HEADER_HASH, empty));
        }
        lastWrite(sent).ifPresent(write -> batch.add(overwriting(random.next(Constants.GENESIS_BLOCK_HEADER_HASH, empty),
            write, random.field())));
        for (Tx tx : batch) {
          TxVerdict verdict = node.sendTx(tx).toCompletableFuture().get();
          if (!(verdict instanceof TxVerdict.Accepted)) {
            throw new AssertionError("tx refused: " + verdict);
          }
          sent.add(tx);
        }
        await(() -> batch.stream().allMatch(tx -> node.getTxEffect(tx.hash()).toCompletableFuture().join().isPresent()));
      }
      // proving is off: the chain is settled once the sequencer is idle again
      await(() -> node.sequencerStatus().toCompletableFuture().join().phase() == dev.obsidian.actors.SlotPhase.IDLE);
    }
    return sent;
  }

  private static java.util.Optional<PublicDataWrite> lastWrite(List<Tx> sent) {
    for (int i = sent.size() - 1; i >= 0; i--) {
      List<PublicDataWrite> writes = sent.get(i).effects().publicDataWrites();
      if (!writes.isEmpty()) {
        return java.util.Optional.of(writes.get(0));
      }
    }
    return java.util.Optional.empty();
  }

  /** {@code tx} with its public writes replaced by one new value for an already written slot. */
  static Tx overwriting(Tx tx, PublicDataWrite earlier, Fr newValue) {
    TxEffects e = tx.effects();
    TxEffects effects = new TxEffects(e.nullifiers(), e.noteHashes(), List.of(new PublicDataWrite(earlier.leafSlot(), newValue)),
        e.l2ToL1Messages(), e.privateLogs(), e.publicLogs());
    return new Tx(tx.anchorBlockHash(), tx.chainId(), tx.rollupVersion(), effects, tx.publicCalls(), tx.gasSettings(),
        tx.feePayer(), tx.expiration(), tx.proof());
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 60 s");
      }
      Thread.sleep(20);
    }
  }
}
