package dev.obsidian.actors;

import com.typesafe.config.Config;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.dispatch.Envelope;
import org.apache.pekko.dispatch.MailboxType;
import org.apache.pekko.dispatch.MessageQueue;
import org.apache.pekko.dispatch.ProducesMessageQueue;
import org.apache.pekko.dispatch.UnboundedMailbox;
import scala.Option;

/**
 * Pekko's unbounded mailbox with its length kept in {@link ActorStats} (the queue's own size() walks it). Configured
 * as {@code obsidian.counting-mailbox}.
 */
public final class CountingMailbox implements MailboxType, ProducesMessageQueue<UnboundedMailbox.MessageQueue> {

  public CountingMailbox(ActorSystem.Settings settings, Config config) {
    // nothing to configure
  }

  @Override
  public MessageQueue create(Option<ActorRef> owner, Option<ActorSystem> system) {
    if (owner.isEmpty() || system.isEmpty()) {
      return new UnboundedMailbox.MessageQueue();
    }
    return new Counting(ActorStats.of(system.get()).entry(owner.get().path().name()));
  }

  private static final class Counting extends UnboundedMailbox.MessageQueue {
    private final ActorStats.Entry entry;

    Counting(ActorStats.Entry entry) {
      this.entry = entry;
    }

    @Override
    public void enqueue(ActorRef receiver, Envelope handle) {
      super.enqueue(receiver, handle);
      entry.mailboxSize.incrementAndGet();
    }

    @Override
    public Envelope dequeue() {
      Envelope envelope = super.dequeue();
      if (envelope != null) {
        entry.mailboxSize.decrementAndGet();
      }
      return envelope;
    }
  }
}
