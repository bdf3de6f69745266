package dev.obsidian.l1;

import dev.obsidian.actors.L1Publisher;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.crypto.field.Fr;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes blocks to the Rollup, one at a time on its own thread, idempotently: before sending block N it reads the
 * Rollup, and if L1 already holds N with the same archive (sent before a crash, or by an earlier attempt) it reports
 * Published without sending again. Blocks L1 lacks below N (L1 state lost with a killed Anvil, an earlier failed
 * attempt) are sent first, from the node's block index, so the Rollup never sees a gap.
 *
 * <p>With {@link #reconcileEvery} it also re-reads the Rollup periodically and re-sends blocks an L1 reorg (or a
 * restored Anvil state) dropped after they were reported Published.
 *
 * <p>Not yet the event-sourced L1Publisher of the L1 issue: no fee bumping, no confirmations beyond the receipt, nothing
 * journaled about L1 txs.
 */
public final class RollupPublisher implements L1Publisher, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(RollupPublisher.class.getName());
  /** Blocks re-sent in one catch-up at most; a bigger gap is reported, and the next publish continues it. */
  static final int MAX_CATCH_UP_BLOCKS = 256;

  private final RollupClient rollup;
  private final LongFunction<Optional<L2Block>> blocks;
  private final Fr rollupVersion;
  private final Fr chainId;
  /** Highest block this publisher saw on L1 or was asked to keep there: what {@link #reconcile()} restores. */
  private final AtomicLong keepUpTo = new AtomicLong();
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "l1-publisher");
    thread.setDaemon(true);
    return thread;
  });

  /**
   * @param blocks the node's blocks by number (for catching L1 up)
   */
  public RollupPublisher(RollupClient rollup, LongFunction<Optional<L2Block>> blocks, long rollupVersion,
      long chainId) {
    this.rollup = rollup;
    this.blocks = blocks;
    this.rollupVersion = Fr.of(rollupVersion);
    this.chainId = Fr.of(chainId);
  }

  @Override
  public CompletionStage<Outcome> publish(L2Block block) {
    return CompletableFuture.supplyAsync(() -> publishNow(block), executor);
  }

  /** Sends L1 every block up to {@code blockNumber} it lacks (after a restart, for blocks already proven). */
  public CompletionStage<Outcome> catchUp(long blockNumber) {
    keepUpTo.accumulateAndGet(blockNumber, Math::max);
    return CompletableFuture.supplyAsync(() -> {
      if (blockNumber < 1) {
        return new Published("nothing to publish");
      }
      return blocks.apply(blockNumber).<Outcome>map(this::publishNow)
          .orElseGet(() -> new NotPublished("block " + blockNumber + " is not in the node's index"));
    }, executor);
  }

  /** Every {@code interval}, re-sends what L1 lost of the blocks already published (an L1 reorg, a lost dump). */
  public RollupPublisher reconcileEvery(Duration interval) {
    executor.scheduleWithFixedDelay(this::reconcile, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  private void reconcile() {
    long target = keepUpTo.get();
    if (target < 1) {
      return;
    }
    try {
      if (rollup.pendingBlockNumber() < target) {
        LOG.warning("L1 lost published blocks (Rollup at " + rollup.pendingBlockNumber() + ", expected " + target
            + "): sending them again");
        blocks.apply(target).ifPresent(this::publishNow);
      }
    } catch (RuntimeException e) { // never let it escape: the scheduler would stop reconciling for good
      LOG.log(Level.WARNING, "L1 reconcile failed, retrying later: " + e.getMessage());
    }
  }

  private Outcome publishNow(L2Block block) {
    Outcome outcome = publishOrReport(block);
    if (outcome instanceof Published) {
      keepUpTo.accumulateAndGet(block.number(), Math::max);
    }
    return outcome;
  }

  private Outcome publishOrReport(L2Block block) {
    try {
      long pending = rollup.pendingBlockNumber();
      if (pending >= block.number()) {
        return alreadyOnL1(block);
      }
      if (block.number() - pending - 1 > MAX_CATCH_UP_BLOCKS) {
        sendMissing(pending + 1, pending + MAX_CATCH_UP_BLOCKS);
        return new NotPublished("L1 is " + (block.number() - pending - 1) + " blocks behind; caught up "
            + MAX_CATCH_UP_BLOCKS + ", the next publish continues");
      }
      sendMissing(pending + 1, block.number() - 1);
      return new Published(send(block));
    } catch (L1Exception e) {
      LOG.log(Level.WARNING, "block " + block.number() + " not published: " + e.getMessage());
      return new NotPublished(e.getMessage());
    }
  }

  private Outcome alreadyOnL1(L2Block block) {
    Fr onL1 = rollup.archiveAt(block.number());
    if (!onL1.equals(block.archive().root())) {
      return new NotPublished("L1 holds a different block " + block.number() + ": archive " + onL1 + " on L1, "
          + block.archive().root() + " here");
    }
    return new Published(proposalTxHash(block.number()).orElse("already on L1"));
  }

  private void sendMissing(long from, long to) {
    for (long number = from; number <= to; number++) {
      long missing = number;
      L2Block block = blocks.apply(number).orElseThrow(
          () -> new L1Exception("L1 lacks block " + missing + " and the node's index does not hold it"));
      LOG.info("re-sending block " + number + " that L1 lacks");
      send(block);
    }
  }

  private String send(L2Block block) {
    Fr inHash = rollup.inboxRoot(block.number());
    ProposedHeader.Proposal proposal = ProposedHeader.of(block, inHash, rollupVersion, chainId);
    return rollup.propose(proposal.header(), proposal.effects(), new byte[0]).getTransactionHash();
  }

  private Optional<String> proposalTxHash(long blockNumber) {
    List<RollupClient.BlockProposedLog> logs = rollup.proposedLogsOf(blockNumber);
    return logs.isEmpty() ? Optional.empty() : Optional.of(logs.get(logs.size() - 1).l1TxHash());
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
