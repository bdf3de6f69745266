package dev.obsidian.l1;

import dev.obsidian.actors.ChainIndex;
import dev.obsidian.actors.WorldState;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.StateReference;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Sha;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.pattern.StatusReply;

/**
 * A follower's state builder: rebuilds the L2 chain from L1 data alone. For each proposal the archiver saw, in block
 * order, it fetches the propose transaction, decodes its calldata ({@link ProposeCalldata}) and the published block
 * ({@link EffectsEncoding#decodeBlock}), checks the block against what L1 recorded (block number, archive, block hash,
 * effects hash, the four state roots), then has the world state re-apply it, which checks every root the trees give
 * against the header, and indexes it. On an L1 reorg it unwinds the trees and the index to the last L2 block still on
 * L1 and syncs on.
 *
 * <p>A block that does not check out halts the sync loudly ({@code onHalt} is called and the status names the block
 * and the field): the node never serves state it could not verify. L1 read failures are retried with backoff.
 */
public final class BlockSync extends AbstractBehavior<BlockSync.Command> {

  public sealed interface Command {}

  record Wake() implements Command {}

  /** The archiver's contiguous L2 height changed (it goes down when the Rollup pruned blocks and took others). */
  record ArchiverAt(long latestL2Block) implements Command {}

  record ReorgSeen(long latestL2Block) implements Command {}

  record Proposals(List<L1Archiver.ProposalSeen> proposals) implements Command {}

  record Fetched(List<L2Block> blocks) implements Command {}

  record FetchFailed(Throwable failure) implements Command {}

  record Applied(L2Block block, Throwable failure) implements Command {}

  record Unwound(long toBlock, StatusReply<Long> reply) implements Command {}

  public record GetStatus(ActorRef<Status> replyTo) implements Command {}

  /**
   * @param latestBlock the last block rebuilt, checked and indexed
   * @param halted why the sync stopped for good, if it did
   * @param lastError the last retried failure, if any
   */
  public record Status(long latestBlock, long blocksApplied, long unwinds, Optional<String> halted,
      Optional<String> lastError) {}

  /** What a follower needs to check a block against L1. */
  public record Settings(int blocksPerBatch, Duration retryMinBackoff, Duration retryMaxBackoff) {}

  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final ArchiverSource source;
  private final ActorRef<L1Archiver.Command> archiver;
  private final ActorRef<WorldState.Command> worldState;
  private final ChainIndex index;
  private final Settings settings;
  private final Consumer<String> onHalt;
  private final Consumer<String> onCaughtUp;
  private final Executor io;
  private final org.apache.pekko.actor.typed.Scheduler scheduler;

  private boolean busy;
  private boolean wanted;
  private long reorgTo = Long.MAX_VALUE;
  private List<L2Block> applying = List.of();
  private int failures;
  private long applied;
  private long unwinds;
  /** The archiver's last reported contiguous L2 height; unknown until its first notice. */
  private long archiverLatest = Long.MAX_VALUE;
  private String halted;
  private String lastError;
  /** Start of the current catch-up (the first fetch after being idle), for the sync speed line. */
  private long catchUpStartNanos;
  private long catchUpBlocks;

  public static Behavior<Command> create(ArchiverSource source, ActorRef<L1Archiver.Command> archiver,
      ActorRef<WorldState.Command> worldState, ChainIndex index, Settings settings, Consumer<String> onHalt,
      Consumer<String> onCaughtUp) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers ->
        new BlockSync(context, timers, source, archiver, worldState, index, settings, onHalt, onCaughtUp)));
  }

  private BlockSync(ActorContext<Command> context, TimerScheduler<Command> timers, ArchiverSource source,
      ActorRef<L1Archiver.Command> archiver, ActorRef<WorldState.Command> worldState, ChainIndex index,
      Settings settings, Consumer<String> onHalt, Consumer<String> onCaughtUp) {
    super(context);
    this.onCaughtUp = onCaughtUp;
    this.context = context;
    this.timers = timers;
    this.source = source;
    this.archiver = archiver;
    this.worldState = worldState;
    this.index = index;
    this.settings = settings;
    this.onHalt = onHalt;
    this.io = context.getSystem().dispatchers().lookup(DispatcherSelector.blocking());
    this.scheduler = context.getSystem().scheduler();
    context.watch(worldState);
    archiver.tell(new L1Archiver.Subscribe(context.messageAdapter(L1Archiver.Notification.class,
        notification -> switch (notification) {
          case L1Archiver.Advanced advanced -> new ArchiverAt(advanced.latestL2Block());
          case L1Archiver.Reorged reorged -> new ReorgSeen(reorged.latestL2Block());
        })));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Wake.class, wake -> wake())
        .onMessage(ArchiverAt.class, at -> {
          archiverLatest = at.latestL2Block();
          return wake();
        })
        .onMessage(ReorgSeen.class, this::onReorg)
        .onMessage(Proposals.class, this::onProposals)
        .onMessage(Fetched.class, this::onFetched)
        .onMessage(FetchFailed.class, this::onFetchFailed)
        .onMessage(Applied.class, this::onApplied)
        .onMessage(Unwound.class, this::onUnwound)
        .onMessage(GetStatus.class, this::onStatus)
        .onSignal(Terminated.class, terminated -> {
          halt("the world state stopped (see its error above): the chain rebuilt from L1 could not be applied");
          return this;
        })
        .build();
  }

  private Behavior<Command> onStatus(GetStatus command) {
    command.replyTo().tell(new Status(index.latestBlockNumber(), applied, unwinds, Optional.ofNullable(halted),
        Optional.ofNullable(lastError)));
    return this;
  }

  private Behavior<Command> wake() {
    if (busy || halted != null) {
      wanted = true;
      return this;
    }
    step();
    return this;
  }

  private Behavior<Command> onReorg(ReorgSeen reorg) {
    reorgTo = Math.min(reorgTo, reorg.latestL2Block());
    return wake();
  }

  /** Unwinds if a reorg took blocks this node holds, else asks for the next proposals. */
  private void step() {
    busy = true;
    wanted = false;
    long latest = index.latestBlockNumber();
    if (reorgTo == Long.MAX_VALUE && latest > archiverLatest) {
      // L1 holds fewer blocks than this node without an L1 reorg: the Rollup pruned them (and may hold others now)
      reorgTo = archiverLatest;
    }
    if (reorgTo != Long.MAX_VALUE) {
      long to = reorgTo;
      reorgTo = Long.MAX_VALUE;
      context.getLog().warn("L1 reorg: L2 blocks after {} are no longer on L1; unwinding from block {}", to,
          index.latestBlockNumber());
      context.ask(StatusReply.class, worldState, Duration.ofMinutes(5),
          replyTo -> new WorldState.Unwind(to, narrow(replyTo)),
          (reply, failure) -> new Unwound(to, reply != null ? cast(reply) : StatusReply.error(String.valueOf(failure))));
      return;
    }
    context.ask(List.class, archiver, Duration.ofSeconds(30),
        // from this node's latest block: L1 must still hold it with the same archive (a prune replaces blocks)
        replyTo -> new L1Archiver.GetProposals(Math.max(latest, 1),
            settings.blocksPerBatch() + (latest > 0 ? 1 : 0), narrow(replyTo)),
        (proposals, failure) -> proposals != null ? new Proposals(cast(proposals)) : new FetchFailed(failure));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <T> ActorRef<T> narrow(ActorRef raw) {
    return (ActorRef<T>) raw;
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }

  private Behavior<Command> onUnwound(Unwound unwound) {
    if (!unwound.reply().isSuccess()) {
      halt("cannot roll the trees back to block " + unwound.toBlock() + ": " + unwound.reply().getError().getMessage());
      return this;
    }
    index.truncateAfter(unwound.toBlock());
    unwinds++;
    context.getLog().warn("unwound to L2 block {}; syncing again from L1", unwound.toBlock());
    step();
    return this;
  }

  private Behavior<Command> onProposals(Proposals fetched) {
    long latest = index.latestBlockNumber();
    List<L1Archiver.ProposalSeen> all = fetched.proposals();
    if (latest > 0 && !all.isEmpty()) {
      L1Archiver.ProposalSeen ours = all.get(0);
      Fr archive = index.block(latest).map(b -> b.archive().root()).orElse(null);
      if (ours.l2BlockNumber() == latest && !ours.archive().equals(archive)) {
        // the Rollup pruned this node's block and took another one at its height
        reorgTo = latest - 1;
        step();
        return this;
      }
      all = all.subList(1, all.size());
    }
    Proposals proposals = new Proposals(all);
    if (proposals.proposals().isEmpty()) {
      caughtUp();
      return idle();
    }
    if (catchUpStartNanos == 0) {
      catchUpStartNanos = System.nanoTime();
      catchUpBlocks = 0;
    }
    List<L1Archiver.ProposalSeen> batch = proposals.proposals();
    context.pipeToSelf(CompletableFuture.supplyAsync(() -> fetch(batch), io),
        (blocks, failure) -> blocks != null ? new Fetched(blocks) : new FetchFailed(failure));
    return this;
  }

  private void caughtUp() {
    if (catchUpStartNanos != 0 && catchUpBlocks > 0) {
      double seconds = (System.nanoTime() - catchUpStartNanos) / 1e9;
      String line = String.format("synced %d blocks in %.2f s (%.1f blocks/s), at L2 block %d", catchUpBlocks,
          seconds, catchUpBlocks / seconds, index.latestBlockNumber());
      context.getLog().info(line);
      onCaughtUp.accept(line);
    }
    catchUpStartNanos = 0;
  }

  private Behavior<Command> idle() {
    busy = false;
    if (wanted || reorgTo != Long.MAX_VALUE) {
      step();
    }
    return this;
  }

  /**
   * Off the actor: the blocks of {@code proposals}, decoded from their L1 calldata and checked against L1, with the
   * L1->L2 messages of their Inbox trees (whose root must be the inHash L1 checked).
   */
  private List<L2Block> fetch(List<L1Archiver.ProposalSeen> proposals) {
    List<L2Block> blocks = new ArrayList<>(proposals.size());
    for (L1Archiver.ProposalSeen proposal : proposals) {
      byte[] input = source.transactionInput(proposal.l1TxHash());
      L2Block block = rebuild(proposal, input);
      blocks.add(withMessages(block, ProposeCalldata.decode(input).header()));
    }
    return blocks;
  }

  private L2Block withMessages(L2Block block, ProposedHeader header) {
    Optional<List<L1Archiver.MessageSeen>> seen;
    try {
      seen = org.apache.pekko.actor.typed.javadsl.AskPattern.<L1Archiver.Command,
              Optional<List<L1Archiver.MessageSeen>>>ask(archiver,
              replyTo -> new L1Archiver.GetMessages(block.number(), replyTo), Duration.ofSeconds(10), scheduler)
          .toCompletableFuture().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new ArchiverException(ArchiverException.Error.L1_INCONSISTENT, "messages of block " + block.number()
          + ": " + e.getCause());
    }
    if (seen.isEmpty()) {
      throw new ArchiverException(ArchiverException.Error.L1_INCONSISTENT, "the archiver has no closed Inbox tree "
          + "for L2 block " + block.number() + " although L1 holds its proposal");
    }
    List<Fr> messages = seen.get().stream().map(L1Archiver.MessageSeen::hash).toList();
    require(block.number(), "inHash (root of the Inbox messages)", header.inHash(), inboxRoot(messages));
    return block.withL1ToL2Messages(messages);
  }

  /** The root of an Inbox tree holding {@code messages}: SHA-256 pairs over 2^L1_TO_L2_MSG_SUBTREE_HEIGHT leaves. */
  static Fr inboxRoot(List<Fr> messages) {
    List<Fr> leaves = new ArrayList<>(messages);
    while (leaves.size() < L1Archiver.L1_TO_L2_MESSAGES_PER_BLOCK) {
      leaves.add(Fr.ZERO);
    }
    return OutHashTree.of(leaves).root();
  }

  /**
   * The block a proposal published, checked field by field against what L1 recorded.
   *
   * @throws BlockMismatchException naming the block and the field
   */
  static L2Block rebuild(L1Archiver.ProposalSeen proposal, byte[] input) {
    long number = proposal.l2BlockNumber();
    ProposeCalldata.Decoded call;
    try {
      call = ProposeCalldata.decode(input);
    } catch (L1Exception e) {
      throw new BlockMismatchException(number, "calldata", e.getMessage());
    }
    ProposedHeader header = call.header();
    require(number, "header.blockNumber", number, header.blockNumber());
    require(number, "archive (L2BlockProposed log vs calldata)", proposal.archive(), header.archiveRoot());
    require(number, "effectsHash (log vs calldata)", proposal.effectsHash(), header.effectsHash());
    require(number, "effectsHash (sha256ToField of the published bytes)", header.effectsHash(),
        Sha.sha256ToField(call.effects()));
    L2Block block;
    try {
      block = EffectsEncoding.decodeBlock(call.effects(), header.archiveRoot());
    } catch (IllegalArgumentException e) {
      throw new BlockMismatchException(number, "calldata", e.getMessage());
    }
    require(number, "globals.blockNumber", number, block.number());
    require(number, "blockHash", header.blockHash(), block.hash());
    require(number, "lastArchiveRoot", header.lastArchiveRoot(), block.header().lastArchive().root());
    StateReference state = block.header().state();
    require(number, "l1ToL2MessageRoot", header.l1ToL2MessageRoot(), state.l1ToL2MessageTree().root());
    require(number, "noteHashRoot", header.noteHashRoot(), state.noteHashTree().root());
    require(number, "nullifierRoot", header.nullifierRoot(), state.nullifierTree().root());
    require(number, "publicDataRoot", header.publicDataRoot(), state.publicDataTree().root());
    return block;
  }

  private static void require(long block, String field, Object onL1, Object rebuilt) {
    if (!onL1.equals(rebuilt)) {
      throw new BlockMismatchException(block, field, "L1 has " + onL1 + ", the published block gives " + rebuilt);
    }
  }

  /** A block rebuilt from L1 that disagrees with what L1 recorded. */
  public static final class BlockMismatchException extends RuntimeException {
    BlockMismatchException(long block, String field, String detail) {
      super("L2 block " + block + " from L1 does not check out, " + field + ": " + detail);
    }
  }

  private Behavior<Command> onFetchFailed(FetchFailed failed) {
    Throwable cause = failed.failure() instanceof java.util.concurrent.CompletionException c && c.getCause() != null
        ? c.getCause() : failed.failure();
    if (cause instanceof BlockMismatchException mismatch) {
      halt(mismatch.getMessage());
      return this;
    }
    if (cause instanceof ArchiverException e && !e.error().retryable()) {
      halt(e.getMessage());
      return this;
    }
    failures++;
    lastError = String.valueOf(cause.getMessage());
    Duration wait = L1Archiver.backoff(new dev.obsidian.config.ArchiverSettings(Duration.ofSeconds(1), 0, 1, 1,
        settings.retryMinBackoff(), settings.retryMaxBackoff()), failures);
    context.getLog().warn("block sync failed ({} in a row), retrying in {} ms: {}", failures, wait.toMillis(),
        lastError);
    busy = false;
    timers.startSingleTimer(new Wake(), wait);
    return this;
  }

  private Behavior<Command> onFetched(Fetched fetched) {
    failures = 0;
    lastError = null;
    applying = fetched.blocks();
    applyNext();
    return this;
  }

  private void applyNext() {
    if (applying.isEmpty() || reorgTo != Long.MAX_VALUE) {
      applying = List.of();
      step();
      return;
    }
    L2Block block = applying.get(0);
    applying = applying.subList(1, applying.size());
    context.ask(WorldState.Applied.class, worldState, Duration.ofMinutes(5),
        replyTo -> new WorldState.ApplyBlock(block, replyTo), (ok, failure) -> new Applied(block, failure));
  }

  private Behavior<Command> onApplied(Applied result) {
    if (halted != null) {
      return this;
    }
    if (result.failure() != null) {
      halt("the world state did not apply L2 block " + result.block().number() + ": " + result.failure());
      return this;
    }
    index.add(result.block());
    applied++;
    catchUpBlocks++;
    applyNext();
    return this;
  }

  private void halt(String reason) {
    if (halted != null) {
      return;
    }
    halted = reason;
    busy = true;
    context.getLog().error("FOLLOWER HALTED: {}", reason);
    onHalt.accept(reason);
  }
}
