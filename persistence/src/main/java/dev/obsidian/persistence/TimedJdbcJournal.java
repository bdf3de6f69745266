package dev.obsidian.persistence;

import com.typesafe.config.Config;
import org.apache.pekko.persistence.AtomicWrite;
import org.apache.pekko.persistence.jdbc.journal.JdbcAsyncWriteJournal;
import scala.collection.immutable.Seq;
import scala.concurrent.Future;
import scala.runtime.BoxedUnit;
import scala.util.Try;

/**
 * pekko-persistence-jdbc's journal with each write timed into {@link JournalStats}: the latency every persisting
 * actor waits for (it stashes its commands meanwhile), so the number that bounds the node's write rate.
 */
public final class TimedJdbcJournal extends JdbcAsyncWriteJournal {
  private final JournalStats stats;

  public TimedJdbcJournal(Config config) {
    super(config);
    this.stats = JournalStats.of(context().system());
  }

  @Override
  public Future<Seq<Try<BoxedUnit>>> asyncWriteMessages(Seq<AtomicWrite> messages) {
    long start = System.nanoTime();
    Future<Seq<Try<BoxedUnit>>> written = super.asyncWriteMessages(messages);
    written.onComplete(result -> {
      stats.recordWrite(System.nanoTime() - start, messages.size(), result.isFailure());
      return BoxedUnit.UNIT;
    }, context().dispatcher());
    return written;
  }
}
