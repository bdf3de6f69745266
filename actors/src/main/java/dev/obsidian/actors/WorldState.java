package dev.obsidian.actors;

import dev.obsidian.actors.block.BlockBuilder;
import dev.obsidian.actors.block.GlobalVariables;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.actors.tx.HashedTx;
import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.merkle.WorldStateReader;
import dev.obsidian.merkle.WorldStateSnapshot;
import dev.obsidian.merkle.WorldStateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.pattern.StatusReply;

/**
 * The only writer of the five trees. It builds a block on a fork (keeping the fork until the block is journaled), then
 * commits it; a block it did not build (recovery) is re-applied with every root checked. Its durable state is the
 * versioned store itself, whose last applied block is committed atomically with the nodes, so recovery is
 * {@link #catchUp}: re-apply the journaled blocks the store lacks.
 *
 * <p>A failed invariant (root mismatch, block gap, a journaled tx that no longer applies) throws, which stops the actor
 * with the error logged: it never goes on with corrupt state. Messages are local only (it shares the JVM with the
 * store).
 */
public final class WorldState extends AbstractBehavior<WorldState.Command> {

  public sealed interface Command {}

  /** Builds block {@code globals.blockNumber()} from {@code txs}, skipping any the trees refuse. */
  public record BuildBlock(GlobalVariables globals, List<HashedTx> txs, List<dev.obsidian.crypto.field.Fr> l1ToL2Messages,
      ActorRef<Built> replyTo) implements Command {
    /** A block without L1->L2 messages. */
    public BuildBlock(GlobalVariables globals, List<HashedTx> txs, ActorRef<Built> replyTo) {
      this(globals, txs, List.of(), replyTo);
    }
  }

  public record Skipped(TxHash txHash, String reason) {}

  public record Built(L2Block block, List<Skipped> skipped) {}

  /** Commits a journaled block (the one just built, or one found missing). */
  public record ApplyBlock(L2Block block, ActorRef<Applied> replyTo) implements Command {}

  public record Applied(long blockNumber) {}

  /**
   * Drops the blocks after {@code toBlock} from the trees (a follower whose L1 reorged); replies with the latest block
   * afterwards, or an error if the store no longer holds {@code toBlock}.
   */
  public record Unwind(long toBlock, ActorRef<StatusReply<Long>> replyTo) implements Command {}

  /** Runs {@code read} on the trees at a block; replies with an error for an unknown or pruned block. */
  public record Read<T>(BlockParameter block, Function<WorldStateReader, T> read, ActorRef<StatusReply<T>> replyTo)
      implements Command {}

  private final WorldStateStore store;
  private WorldStateFork pendingFork;
  private L2Block pendingBlock;

  public static Behavior<Command> create(WorldStateStore store) {
    return Behaviors.setup(context -> new WorldState(context, store));
  }

  private WorldState(ActorContext<Command> context, WorldStateStore store) {
    super(context);
    this.store = store;
  }

  /**
   * Makes the store match the journal: blocks it has are checked against their journaled hash, missing ones are
   * re-applied with every root verified. Idempotent.
   *
   * @param journaled every built block, in order, from the journal
   * @throws IllegalStateException if the store is ahead of the journal or disagrees with it
   */
  public static void catchUp(WorldStateStore store, List<L2Block> journaled) {
    catchUp(store, journaled, Long.MAX_VALUE);
  }

  /**
   * As {@link #catchUp(WorldStateStore, List)}, for a journal whose chain was rolled back (L1 refused blocks) to
   * {@code rolledBackTo} at the lowest: a store still holding dropped blocks is unwound first.
   */
  public static void catchUp(WorldStateStore store, List<L2Block> journaled, long rolledBackTo) {
    long latest = store.latestBlock();
    if (latest > journaled.size() && rolledBackTo <= journaled.size()) {
      // a crash between journaling a chain rollback and unwinding the trees: finish the unwind
      store.unwindTo(journaled.size());
      latest = store.latestBlock();
    }
    if (latest > journaled.size()) {
      throw new IllegalStateException("the world-state store is at block " + latest + " but the journal ends at block "
          + journaled.size() + ": the store does not belong to this journal");
    }
    if (latest > 0) {
      requireSameBlock(store, journaled.get((int) latest - 1));
    }
    for (L2Block block : journaled.subList((int) latest, journaled.size())) {
      commitReplayed(store, block);
    }
  }

  private static void requireSameBlock(WorldStateStore store, L2Block block) {
    // the archive is append-only: leaf n at the latest block is block n's hash, even once block n's snapshot is pruned
    try (WorldStateSnapshot snapshot = store.snapshot(store.latestBlock())) {
      if (!snapshot.leafHash(TreeId.ARCHIVE, block.number()).equals(block.hash())) {
        throw new IllegalStateException("the store's block " + block.number() + " has another header hash than the journal's "
            + block.hash());
      }
    }
  }

  private static void commitReplayed(WorldStateStore store, L2Block block) {
    long expected = store.latestBlock() + 1;
    if (block.number() != expected) {
      throw new IllegalStateException("block gap: the store expects block " + expected + ", got " + block.number());
    }
    try (WorldStateFork fork = store.fork()) {
      BlockBuilder.replay(fork, block);
      fork.commit();
    }
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(BuildBlock.class, this::onBuild)
        .onMessage(ApplyBlock.class, this::onApply)
        .onMessage(Unwind.class, this::onUnwind)
        .onMessage(Read.class, this::onRead)
        .onSignal(PostStop.class, signal -> {
          discardPending();
          return this;
        })
        .build();
  }

  private Behavior<Command> onBuild(BuildBlock command) {
    long expected = store.latestBlock() + 1;
    if (command.globals().blockNumber() != expected) {
      throw new IllegalStateException("asked to build block " + command.globals().blockNumber() + " on block "
          + store.latestBlock());
    }
    discardPending();
    WorldStateFork fork = store.fork();
    List<TxEffect> included = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    for (HashedTx tx : command.txs()) {
      BlockBuilder.tryApply(fork, tx.tx().effects()).ifPresentOrElse(
          reason -> skipped.add(new Skipped(tx.hash(), reason)),
          () -> included.add(new TxEffect(tx.hash(), 0, tx.tx().effects())));
    }
    pendingFork = fork;
    pendingBlock = BlockBuilder.seal(fork, command.globals(), included, command.l1ToL2Messages());
    command.replyTo().tell(new Built(pendingBlock, skipped));
    return this;
  }

  private Behavior<Command> onApply(ApplyBlock command) {
    L2Block block = command.block();
    long latest = store.latestBlock();
    if (block.number() <= latest) {
      requireSameBlock(store, block);
    } else if (pendingBlock != null && pendingBlock.equals(block)) {
      pendingFork.commit();
      pendingFork = null;
      pendingBlock = null;
    } else {
      discardPending();
      commitReplayed(store, block);
    }
    command.replyTo().tell(new Applied(block.number()));
    return this;
  }

  private Behavior<Command> onUnwind(Unwind command) {
    discardPending();
    try {
      if (command.toBlock() < store.latestBlock()) {
        store.unwindTo(command.toBlock());
      }
      command.replyTo().tell(StatusReply.success(store.latestBlock()));
    } catch (IllegalArgumentException e) {
      command.replyTo().tell(StatusReply.error(e.getMessage()));
    }
    return this;
  }

  private <T> Behavior<Command> onRead(Read<T> command) {
    long number = command.block().isLatest() ? store.latestBlock() : command.block().number();
    try (WorldStateSnapshot snapshot = store.snapshot(number)) {
      command.replyTo().tell(StatusReply.success(command.read().apply(snapshot)));
    } catch (RuntimeException e) {
      command.replyTo().tell(StatusReply.error("block " + command.block() + ": " + e.getMessage()));
    }
    return this;
  }

  private void discardPending() {
    if (pendingFork != null) {
      pendingFork.discard();
      pendingFork = null;
      pendingBlock = null;
    }
  }
}
