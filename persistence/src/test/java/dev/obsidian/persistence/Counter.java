package dev.obsidian.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * Test-only aggregate exercising the persistence wiring: a counter whose events and snapshots go through Kryo.
 * Its event and state carry a field added in schema version 2 ({@code reason}, {@code recentReasons}); version 1
 * is frozen in {@link CounterFixtureGenerator.V1}, which wrote the checked-in fixtures.
 */
final class Counter extends EventSourcedBehaviorWithEnforcedReplies<Counter.Command, Counter.Event, Counter.State> {
  static final String TAG = "counter";
  static final int MAX_RECENT_REASONS = 4;

  sealed interface Command extends ObsidianSerializable {}

  record Increment(long amount, String reason, ActorRef<StatusReply<Long>> replyTo) implements Command {}

  record GetState(ActorRef<State> replyTo) implements Command {}

  sealed interface Event extends ObsidianSerializable {}

  /** Schema version 2 added {@code reason}; version 1 events read back with "unspecified". */
  record Incremented(long amount, String reason) implements Event {
    Incremented {
      reason = reason == null ? "unspecified" : reason;
    }
  }

  /** Schema version 2 added {@code recentReasons}; version 1 snapshots read back with an empty list. */
  record State(long value, List<String> recentReasons) implements ObsidianSerializable {
    static final State EMPTY = new State(0, List.of());

    State {
      recentReasons = recentReasons == null ? List.of() : List.copyOf(recentReasons);
    }

    State apply(Incremented event) {
      List<String> reasons = new ArrayList<>(recentReasons);
      reasons.add(event.reason());
      List<String> kept = reasons.subList(Math.max(0, reasons.size() - MAX_RECENT_REASONS), reasons.size());
      return new State(Math.addExact(value, event.amount()), kept);
    }
  }

  private final RetentionCriteria retention;

  private Counter(PersistenceId id, RetentionCriteria retention) {
    super(id, SupervisorStrategy.restartWithBackoff(Duration.ofMillis(50), Duration.ofMillis(500), 0.1));
    this.retention = retention;
  }

  static Behavior<Command> create(String entityId) {
    return create(entityId, RetentionCriteria.disabled());
  }

  static Behavior<Command> create(String entityId, RetentionCriteria retention) {
    return new Counter(PersistenceId.of("Counter", entityId), retention);
  }

  @Override
  public State emptyState() {
    return State.EMPTY;
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Increment.class, this::onIncrement)
        .onCommand(GetState.class, (state, command) -> Effect().reply(command.replyTo(), state))
        .build();
  }

  private ReplyEffect<Event, State> onIncrement(State state, Increment command) {
    if (command.amount() <= 0) {
      return Effect().reply(command.replyTo(), StatusReply.error("amount must be positive, got " + command.amount()));
    }
    return Effect()
        .persist(new Incremented(command.amount(), command.reason()))
        .thenReply(command.replyTo(), updated -> StatusReply.success(updated.value()));
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onEvent(Incremented.class, State::apply).build();
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return retention;
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return Set.of(TAG);
  }
}
