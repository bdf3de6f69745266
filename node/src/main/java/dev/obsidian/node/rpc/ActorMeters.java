package dev.obsidian.node.rpc;

import dev.obsidian.actors.ActorStats;
import dev.obsidian.persistence.JournalStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The actors' mailbox lengths and handling times, and the journal's write latency, as Micrometer meters read at each
 * scrape from {@link ActorStats} and {@link JournalStats} (which hold plain counters, no metrics library). Timers are
 * Prometheus summaries without quantiles: rate(_sum) / rate(_count) is the mean; the _max gauges are since start.
 */
final class ActorMeters {
  private ActorMeters() {}

  static void register(ActorStats actors, JournalStats journal, MeterRegistry registry) {
    for (Map.Entry<String, ActorStats.Entry> actor : actors.entries().entrySet()) {
      register(actor.getKey(), actor.getValue(), registry);
    }
    FunctionTimer.builder("obsidian.journal.write", journal, JournalStats::writes, JournalStats::totalNanos,
            TimeUnit.NANOSECONDS)
        .description("Journal writes (one commit each, holding one or more persist calls) and their latency")
        .register(registry);
    Gauge.builder("obsidian.journal.write.max", journal, stats -> stats.maxNanos() / 1e9)
        .description("Slowest journal write since start").baseUnit("seconds").register(registry);
    FunctionCounter.builder("obsidian.journal.persists", journal, JournalStats::atomicWrites)
        .description("Persist calls (atomic event writes) journaled").register(registry);
    FunctionCounter.builder("obsidian.journal.write.failures", journal, JournalStats::failures)
        .description("Journal writes that failed").register(registry);
  }

  private static void register(String name, ActorStats.Entry entry, MeterRegistry registry) {
    Gauge.builder("obsidian.actor.mailbox.size", entry, ActorStats.Entry::mailboxSize)
        .description("Messages waiting in the actor's mailbox").tag("actor", name).register(registry);
    FunctionTimer.builder("obsidian.actor.processing", entry, ActorStats.Entry::messagesProcessed,
            ActorStats.Entry::processingNanos, TimeUnit.NANOSECONDS)
        .description("Messages the actor handled and the time spent in its handler").tag("actor", name)
        .register(registry);
    Gauge.builder("obsidian.actor.processing.max", entry, e -> e.maxProcessingNanos() / 1e9)
        .description("Longest time the actor spent on one message since start").baseUnit("seconds").tag("actor", name)
        .register(registry);
  }
}
