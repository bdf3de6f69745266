package dev.obsidian.persistence;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.pekko.actor.AbstractExtensionId;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.Extension;

/**
 * Journal write latency of one ActorSystem's embedded journal ({@link TimedJdbcJournal}): each write is a batch of
 * atomic writes (one persist call each) committed together, timed from the call to its completion. Read by the
 * metrics endpoint; kept free of any metrics library. Thread-safe.
 */
public final class JournalStats implements Extension {
  private final LongAdder writes = new LongAdder();
  private final LongAdder events = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final LongAdder totalNanos = new LongAdder();
  private final AtomicLong maxNanos = new AtomicLong();

  /** The stats of {@code system} (created on first use). */
  public static JournalStats of(ActorSystem system) {
    return Id.INSTANCE.apply(system);
  }

  void recordWrite(long nanos, int atomicWrites, boolean failed) {
    writes.increment();
    events.add(atomicWrites);
    totalNanos.add(nanos);
    maxNanos.accumulateAndGet(nanos, Math::max);
    if (failed) {
      failures.increment();
    }
  }

  /** Journal writes completed (each commits one or more persist calls). */
  public long writes() {
    return writes.sum();
  }

  /** Persist calls (atomic writes) in those writes. */
  public long atomicWrites() {
    return events.sum();
  }

  public long failures() {
    return failures.sum();
  }

  public long totalNanos() {
    return totalNanos.sum();
  }

  /** The slowest write so far. */
  public long maxNanos() {
    return maxNanos.get();
  }

  private static final class Id extends AbstractExtensionId<JournalStats> {
    static final Id INSTANCE = new Id();

    @Override
    public JournalStats createExtension(ExtendedActorSystem system) {
      return new JournalStats();
    }
  }
}
