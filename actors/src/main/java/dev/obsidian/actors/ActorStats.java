package dev.obsidian.actors;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.pekko.actor.AbstractExtensionId;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.Extension;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.BehaviorInterceptor;
import org.apache.pekko.actor.typed.MailboxSelector;
import org.apache.pekko.actor.typed.TypedActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Mailbox sizes and message processing times of the node's actors, per actor name, for the metrics endpoint (kept free
 * of any metrics library). An actor is counted when spawned with {@link #mailbox()} (queue length) and its behaviour
 * wrapped in {@link #timed} (time in its message handler). Thread-safe; observation only, never read by an actor.
 */
public final class ActorStats implements Extension {
  /** Config path of the counting mailbox (this module's reference.conf). */
  static final String MAILBOX_CONFIG = "obsidian.counting-mailbox";

  /** One actor's figures. */
  public static final class Entry {
    final AtomicLong mailboxSize = new AtomicLong();
    private final LongAdder messages = new LongAdder();
    private final LongAdder processingNanos = new LongAdder();
    private final AtomicLong maxProcessingNanos = new AtomicLong();

    void processed(long nanos) {
      messages.increment();
      processingNanos.add(nanos);
      maxProcessingNanos.accumulateAndGet(nanos, Math::max);
    }

    /** Messages waiting in the mailbox (an event-sourced actor's stash while it persists is not counted). */
    public long mailboxSize() {
      return mailboxSize.get();
    }

    public long messagesProcessed() {
      return messages.sum();
    }

    public long processingNanos() {
      return processingNanos.sum();
    }

    public long maxProcessingNanos() {
      return maxProcessingNanos.get();
    }
  }

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  public static ActorStats of(ActorSystem<?> system) {
    return Id.INSTANCE.apply(system.classicSystem());
  }

  static ActorStats of(org.apache.pekko.actor.ActorSystem system) {
    return Id.INSTANCE.apply(system);
  }

  Entry entry(String actorName) {
    return entries.computeIfAbsent(actorName, name -> new Entry());
  }

  /** Every counted actor by name, sorted. */
  public SortedMap<String, Entry> entries() {
    return new TreeMap<>(entries);
  }

  /** The mailbox that counts its queue into these stats. */
  static MailboxSelector mailbox() {
    return MailboxSelector.fromConfig(MAILBOX_CONFIG);
  }

  /** {@code behavior} with the time spent handling each message recorded under {@code actorName}. */
  static <T> Behavior<T> timed(ActorSystem<?> system, String actorName, Behavior<T> behavior) {
    Entry entry = of(system).entry(actorName);
    return Behaviors.intercept(() -> new Timing<>(entry), behavior);
  }

  private static final class Timing<T> extends BehaviorInterceptor<T, T> {
    private final Entry entry;

    @SuppressWarnings("unchecked")
    Timing(Entry entry) {
      super((Class<T>) Object.class);
      this.entry = entry;
    }

    @Override
    public Behavior<T> aroundReceive(TypedActorContext<T> context, T message, ReceiveTarget<T> target) {
      long start = System.nanoTime();
      try {
        return target.apply(context, message);
      } finally {
        entry.processed(System.nanoTime() - start);
      }
    }
  }

  private static final class Id extends AbstractExtensionId<ActorStats> {
    static final Id INSTANCE = new Id();

    @Override
    public ActorStats createExtension(ExtendedActorSystem system) {
      return new ActorStats();
    }
  }
}
