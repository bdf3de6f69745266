package dev.obsidian.actors.replay;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.obsidian.actors.Mempool;
import dev.obsidian.actors.Sequencer;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.persistence.JournalConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * What a node journaled, as replay needs it: the sequencer's events (proposals with their globals and tx order, the
 * built blocks with their roots) and every tx the mempool admitted, by hash. Read once, through Pekko's read journal,
 * from an embedded journal that is not in use (replay reads a copy: see {@link ReplaySource}).
 */
public final class NodeJournal {
  private static final Duration READ_TIMEOUT = Duration.ofMinutes(5);
  private static final Config QUIET = ConfigFactory.parseString("""
      pekko.loglevel = "WARNING"
      pekko.stdout-loglevel = "WARNING"
      pekko.log-dead-letters = off
      """);

  private final List<Sequencer.Event> sequencerEvents;
  private final List<L2Block> blocks;
  private final Map<Long, Sequencer.BlockProposed> proposals;
  private final Map<TxHash, Tx> admittedTxs;
  private List<dev.obsidian.actors.BlockProofs.ProofsRecorded> blockProofs = List.of();

  NodeJournal(List<Sequencer.Event> sequencerEvents, Map<TxHash, Tx> admittedTxs) {
    this.sequencerEvents = List.copyOf(sequencerEvents);
    this.admittedTxs = Map.copyOf(admittedTxs);
    List<L2Block> built = new ArrayList<>();
    Map<Long, Sequencer.BlockProposed> proposed = new TreeMap<>();
    Map<Long, Sequencer.BlockProposed> open = new TreeMap<>();
    for (Sequencer.Event event : this.sequencerEvents) {
      if (event instanceof Sequencer.BlockProposed p) {
        open.put(p.blockNumber(), p);
      } else if (event instanceof Sequencer.ChainRolledBack r) {
        // the blocks above r.toBlock() left the chain (L1 pruned them); the rebuilt ones follow
        while (built.size() > r.toBlock()) {
          proposed.remove((long) built.size());
          built.remove(built.size() - 1);
        }
        open.clear();
      } else if (event instanceof Sequencer.BlockBuilt b) {
        requireNext(built, b);
        built.add(b.block());
        Optional.ofNullable(open.remove(b.blockNumber())).ifPresent(p -> proposed.put(b.blockNumber(), p));
      }
    }
    this.blocks = List.copyOf(built);
    this.proposals = Map.copyOf(proposed);
  }

  private static void requireNext(List<L2Block> built, Sequencer.BlockBuilt event) {
    long expected = built.size() + 1L;
    if (event.blockNumber() != expected || event.block().number() != expected) {
      throw new IllegalStateException("the sequencer journal is not a chain: BlockBuilt for block " + event.blockNumber()
          + " (header block " + event.block().number() + ") where block " + expected + " was expected");
    }
  }

  /**
   * Reads the embedded journal of {@code dataDir} ({@code dataDir/journal}). The database is opened for writing by
   * H2, so pass a copy of a live node's data dir, never the node's own.
   */
  public static NodeJournal readEmbedded(Path dataDir) {
    JournalConfig.Embedded journal = JournalConfig.embedded(dataDir);
    Path database = journal.databasePath().resolveSibling(journal.databasePath().getFileName() + ".mv.db");
    if (!Files.isRegularFile(database)) {
      throw new IllegalArgumentException("no journal at " + database + ": is " + dataDir + " a node's data dir?");
    }
    Config config = journal.toConfig().withFallback(QUIET).withFallback(ConfigFactory.load());
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "obsidian-replay", config);
    try {
      List<Sequencer.Event> sequencer = new ArrayList<>();
      events(system, journal, Sequencer.PERSISTENCE_ID).forEach(e -> sequencer.add((Sequencer.Event) e));
      Map<TxHash, Tx> admitted = new TreeMap<>();
      for (Object event : events(system, journal, Mempool.PERSISTENCE_ID)) {
        if (event instanceof Mempool.TxAccepted accepted) {
          admitted.put(accepted.txHash(), accepted.tx());
        } else if (event instanceof Mempool.TxsRestored restored) {
          restored.txs().forEach(tx -> admitted.putIfAbsent(tx.hash(), tx));
        }
      }
      NodeJournal read = new NodeJournal(sequencer, admitted);
      read.blockProofs = events(system, journal, dev.obsidian.actors.BlockProofs.PERSISTENCE_ID).stream()
          .map(e -> (dev.obsidian.actors.BlockProofs.ProofsRecorded) e).toList();
      return read;
    } finally {
      system.terminate();
      awaitTermination(system);
    }
  }

  private static List<Object> events(ActorSystem<?> system, JournalConfig journal, PersistenceId id) {
    CurrentEventsByPersistenceIdQuery query = PersistenceQuery.get(system)
        .getReadJournalFor(CurrentEventsByPersistenceIdQuery.class, journal.readJournalPluginId());
    try {
      return query.currentEventsByPersistenceId(id.id(), 0, Long.MAX_VALUE)
          .map(EventEnvelope::event)
          .runWith(Sink.seq(), system)
          .toCompletableFuture()
          .get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the journal of " + id.id(), e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the journal of " + id.id() + ": " + e.getMessage(), e);
    }
  }

  private static void awaitTermination(ActorSystem<?> system) {
    try {
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("the journal reader did not stop within 30 s: " + e.getMessage(), e);
    }
  }

  /** The accepted proofs of every proven block, in journal order. */
  public List<dev.obsidian.actors.BlockProofs.ProofsRecorded> blockProofs() {
    return blockProofs;
  }

  /** Every sequencer event in journal order. */
  public List<Sequencer.Event> sequencerEvents() {
    return sequencerEvents;
  }

  /** The built blocks 1..{@link #latestBlockNumber()} in order. */
  public List<L2Block> blocks() {
    return blocks;
  }

  public long latestBlockNumber() {
    return blocks.size();
  }

  /** Block {@code number}; an IllegalArgumentException names the journal's range if there is none. */
  public L2Block block(long number) {
    if (number < 1 || number > blocks.size()) {
      throw new IllegalArgumentException("block " + number + " is not in the journal, which holds blocks "
          + (blocks.isEmpty() ? "none" : "1.." + blocks.size()));
    }
    return blocks.get((int) number - 1);
  }

  /** The proposal block {@code number} was built from (the last one journaled before it was built). */
  public Optional<Sequencer.BlockProposed> proposal(long number) {
    return Optional.ofNullable(proposals.get(number));
  }

  /** A tx the mempool admitted (accepted, or restored after a rollback), by the hash it was admitted under. */
  public Optional<Tx> admittedTx(TxHash hash) {
    return Optional.ofNullable(admittedTxs.get(hash));
  }

  public int admittedTxCount() {
    return admittedTxs.size();
  }
}
