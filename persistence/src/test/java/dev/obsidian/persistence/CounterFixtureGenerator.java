package dev.obsidian.persistence;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * Writes the checked-in fixtures under {@code src/test/resources/fixtures/} with schema version 1 of the test
 * counter ({@link V1}), so tests can prove that today's classes still read what the old ones wrote. Run it only
 * to add a fixture, never to "fix" a failing compatibility test (see the module README for the command).
 */
final class CounterFixtureGenerator {
  static final String PAYLOADS_FILE = "counter-v1-payloads.txt";
  /** A data directory whose embedded journal holds entity {@link #JOURNAL_ENTITY} written by {@link V1.Counter}. */
  static final String JOURNAL_DATA_DIR = "counter-v1-datadir";
  static final String JOURNAL_ENTITY = "fixture";
  /** Amounts persisted, one event each; a snapshot (schema version 1 state) is taken after the third. */
  static final List<Long> JOURNAL_AMOUNTS = List.of(1L, 2L, 3L, 4L, 5L);

  /** Counter's event and state as they were at schema version 1: frozen, never edit. */
  static final class V1 {
    record Incremented(long amount) implements ObsidianSerializable {}

    record State(long value) implements ObsidianSerializable {}

    /** The version 1 entity; its commands stay local, so they need no registration. */
    static final class Counter extends EventSourcedBehavior<Counter.Add, Incremented, State> {
      record Add(long amount, ActorRef<Done> replyTo) {}

      Counter(String entityId) {
        super(PersistenceId.of("Counter", entityId));
      }

      @Override
      public State emptyState() {
        return new State(0);
      }

      @Override
      public CommandHandler<Add, Incremented, State> commandHandler() {
        return newCommandHandlerBuilder().forAnyState()
            .onCommand(Add.class, add -> Effect().persist(new Incremented(add.amount())).thenReply(add.replyTo(), state -> Done.getInstance()))
            .build();
      }

      @Override
      public EventHandler<State, Incremented> eventHandler() {
        return (state, event) -> new State(state.value() + event.amount());
      }

      @Override
      public RetentionCriteria retentionCriteria() {
        return RetentionCriteria.snapshotEvery(3, 2);
      }
    }

    /** Same ids as {@link CounterTypes}: only the shapes differ. */
    public static final class Types implements TypeRegistrar {
      @Override
      public void registerTypes(TypeRegistry.Builder types) {
        types.register(CounterTypes.INCREMENTED, Incremented.class, 1).register(CounterTypes.STATE, State.class, 1);
      }
    }
  }

  /** The values written to {@link #PAYLOADS_FILE}, in order. */
  static List<Object> payloadValues() {
    return List.of(new V1.Incremented(7), new V1.Incremented(-3), new V1.State(12));
  }

  public static void main(String[] args) throws Exception {
    Path fixtures = Path.of(args.length > 0 ? args[0] : "persistence/src/test/resources/fixtures");
    Files.createDirectories(fixtures);
    Files.write(fixtures.resolve(PAYLOADS_FILE), payloadLines(), StandardCharsets.UTF_8);
    writeJournal(fixtures.resolve(JOURNAL_DATA_DIR));
    System.out.println("wrote " + fixtures.toAbsolutePath());
  }

  private static void writeJournal(Path dataDir) throws Exception {
    if (Files.exists(dataDir)) {
      throw new IllegalStateException(dataDir + " exists: fixtures are never regenerated, delete it by hand only to replace it deliberately");
    }
    JournalConfig journal = JournalConfig.embedded(dataDir);
    ActorTestKit node = ActorTestKit.create("fixture", journal.toConfig()
        .withValue("obsidian.serialization.registrars", ConfigValueFactory.fromIterable(List.of(V1.Types.class.getName())))
        .withFallback(ConfigFactory.load()));
    try {
      journal.prepare(node.system()).toCompletableFuture().get(30, TimeUnit.SECONDS);
      Behavior<V1.Counter.Add> behavior = new V1.Counter(JOURNAL_ENTITY);
      ActorRef<V1.Counter.Add> counter = node.spawn(behavior);
      TestProbe<Done> probe = node.createTestProbe();
      for (long amount : JOURNAL_AMOUNTS) {
        counter.tell(new V1.Counter.Add(amount, probe.getRef()));
        probe.receiveMessage();
      }
    } finally {
      node.shutdownTestKit();
    }
  }

  static List<String> payloadLines() {
    KryoSerializer serializer = new KryoSerializer(
        new KryoSerializer.SerializationSettings(TypeRegistry.builder().include(new V1.Types()).build(), 1 << 20, 1),
        () -> null);
    List<String> lines = new ArrayList<>();
    lines.add("# Written by CounterFixtureGenerator with schema version 1 of Counter.Incremented and Counter.State.");
    lines.add("# Never edit or regenerate: tests read these bytes with the current classes.");
    lines.add("# manifest<TAB>payload hex<TAB>value written");
    for (Object value : payloadValues()) {
      lines.add(serializer.manifest(value) + "\t" + HexFormat.of().formatHex(serializer.toBinary(value)) + "\t" + value);
    }
    return lines;
  }
}
