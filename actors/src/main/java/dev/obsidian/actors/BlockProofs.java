package dev.obsidian.actors;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.persistence.ObsidianSerializable;
import java.util.List;
import org.apache.pekko.Done;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * The journal of accepted proofs: one {@link ProofsRecorded} event per proven block, written before the sequencer
 * journals the block as proven, so every proven block's proofs (bytes and public inputs) can be read back and
 * checked again from the journal. The state is only the highest block recorded; the proofs live in the journal.
 */
public final class BlockProofs
    extends EventSourcedBehaviorWithEnforcedReplies<BlockProofs.Command, BlockProofs.ProofsRecorded, BlockProofs.State> {

  public static final PersistenceId PERSISTENCE_ID = PersistenceId.ofUniqueId("BlockProofs");

  /**
   * One accepted proof.
   *
   * @param index the job's position in the block (the tx index for base rollup proofs)
   * @param worker the actor path of the worker that made it
   */
  public record AcceptedProof(int index, String circuit, byte[] proof, List<Fr> publicInputs, String worker,
      int attempt, long provingMillis) implements ObsidianSerializable {
    public AcceptedProof {
      proof = proof.clone();
      publicInputs = List.copyOf(publicInputs);
    }

    @Override
    public byte[] proof() {
      return proof.clone();
    }
  }

  public sealed interface Command {}

  public record Record(long blockNumber, List<AcceptedProof> proofs, ActorRef<StatusReply<Done>> replyTo)
      implements Command {}

  public record ProofsRecorded(long blockNumber, List<AcceptedProof> proofs) implements ObsidianSerializable {
    public ProofsRecorded {
      proofs = List.copyOf(proofs);
    }
  }

  public record State(long lastBlockNumber) implements ObsidianSerializable {}

  public static Behavior<Command> create() {
    return new BlockProofs();
  }

  private BlockProofs() {
    super(PERSISTENCE_ID);
  }

  @Override
  public State emptyState() {
    return new State(0);
  }

  @Override
  public CommandHandlerWithReply<Command, ProofsRecorded, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder().forAnyState()
        .onCommand(Record.class, (state, record) -> Effect().persist(new ProofsRecorded(record.blockNumber(),
            record.proofs())).thenReply(record.replyTo(), s -> StatusReply.ack()))
        .build();
  }

  @Override
  public EventHandler<State, ProofsRecorded> eventHandler() {
    return newEventHandlerBuilder().forAnyState()
        .onAnyEvent((state, event) -> new State(Math.max(state.lastBlockNumber(), event.blockNumber())));
  }

  /**
   * The proofs last journaled for block {@code blockNumber} (empty when none), read through the read journal
   * {@code readJournalPluginId}: one pass over this journal, for the rare re-publication of a block L1 lost (the
   * state keeps no proofs). The newest record wins: after a chain rollback a rebuilt block is proven again.
   */
  public static CompletionStage<List<AcceptedProof>> recorded(ActorSystem<?> system, String readJournalPluginId,
      long blockNumber) {
    CurrentEventsByPersistenceIdQuery journal = PersistenceQuery.get(system)
        .getReadJournalFor(CurrentEventsByPersistenceIdQuery.class, readJournalPluginId);
    return journal.currentEventsByPersistenceId(PERSISTENCE_ID.id(), 0, Long.MAX_VALUE)
        .map(envelope -> envelope.event())
        .filter(event -> event instanceof ProofsRecorded recorded && recorded.blockNumber() == blockNumber)
        .map(event -> ((ProofsRecorded) event).proofs())
        .runWith(Sink.<List<AcceptedProof>>lastOption(), system)
        .thenApply(last -> last.orElse(List.of()));
  }
}
