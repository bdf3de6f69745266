package dev.obsidian.node.cli.restart;

import dev.obsidian.actors.ActorNode;
import dev.obsidian.actors.NodeClock;
import dev.obsidian.actors.NodeGuardian;
import dev.obsidian.actors.TxVerdict;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.merkle.WorldStateFork;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Grows the chain in a data directory to a number of blocks by running the real node in this JVM (embedded journal
 * and RocksDB store on disk) and feeding it valid random txs, {@code txsPerBlock} per block.
 */
final class ChainBuilder {
  /** Longest wait for one block once its txs are in. */
  static final Duration BLOCK_TIMEOUT = Duration.ofSeconds(60);

  private final PrintWriter out;

  ChainBuilder(PrintWriter out) {
    this.out = out;
  }

  /** Builds blocks until the chain has {@code blocks}; returns how many were built now (0 if it was long enough). */
  long build(Path dataDir, int txsPerBlock, long blocks, long seed) throws Exception {
    ObsidianSettings settings = RestartNode.settings(dataDir, txsPerBlock);
    try (ActorNode node = NodeGuardian.start(settings, NodeClock.system());
        WorldStateFork genesis = WorldStateFork.inMemoryGenesis()) {
      long start = node.getBlockNumber().toCompletableFuture().get();
      if (start >= blocks) {
        awaitProjected(node);
        return 0;
      }
      out.println("building blocks " + (start + 1) + ".." + blocks + " in " + dataDir + " (" + txsPerBlock
          + " txs each, block time " + RestartNode.BLOCK_TIME_MS + " ms)");
      out.flush();
      RandomTxs random = new RandomTxs(seed + start, settings.node().chainId(), settings.node().rollupVersion());
      Set<Fr> used = new HashSet<>();
      long began = System.nanoTime();
      long lastReport = began;
      for (long next = start + 1; next <= blocks; next++) {
        submit(node, random, genesis, used, txsPerBlock);
        awaitBlock(node, next);
        if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(10)) {
          lastReport = System.nanoTime();
          out.printf("  block %d of %d (%.0f s)%n", next, blocks, (lastReport - began) / 1e9);
          out.flush();
        }
      }
      out.printf("built %d blocks in %.1f s%n", blocks - start, (System.nanoTime() - began) / 1e9);
      out.flush();
      awaitProjected(node);
      return blocks - start;
    }
  }

  private static void submit(ActorNode node, RandomTxs random, WorldStateFork genesis, Set<Fr> used, int count)
      throws Exception {
    List<CompletableFuture<TxVerdict>> verdicts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Tx tx;
      do {
        tx = random.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis);
      } while (tx.effects().nullifiers().stream().anyMatch(used::contains));
      used.addAll(tx.effects().nullifiers());
      verdicts.add(node.sendTx(tx).toCompletableFuture());
    }
    for (CompletableFuture<TxVerdict> verdict : verdicts) {
      TxVerdict answer = verdict.get(30, TimeUnit.SECONDS);
      if (!(answer instanceof TxVerdict.Accepted)) {
        throw new IllegalStateException("the node refused a generated tx: " + answer);
      }
    }
  }

  /** A node that ran for a while has its read models caught up: wait for that before stopping it. */
  private void awaitProjected(ActorNode node) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    long began = System.nanoTime();
    boolean said = false;
    while (node.unprojectedBlocks() > 0) {
      if (!said) {
        out.println("waiting for the read models to catch up (" + node.unprojectedBlocks() + " blocks)");
        out.flush();
        said = true;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the read models did not catch up within 10 minutes");
      }
      Thread.sleep(20);
    }
    if (said) {
      out.printf("read models caught up in %.1f s%n", (System.nanoTime() - began) / 1e9);
    }
  }

  private static void awaitBlock(ActorNode node, long number) throws Exception {
    long deadline = System.nanoTime() + BLOCK_TIMEOUT.toNanos();
    while (node.getBlockNumber().toCompletableFuture().get() < number) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("block " + number + " was not built within " + BLOCK_TIMEOUT.toSeconds() + " s");
      }
      Thread.sleep(2);
    }
  }
}
