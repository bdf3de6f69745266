package dev.obsidian.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes the checked-in fixtures under {@code src/test/resources/fixtures/} with schema version 1 of the test
 * counter ({@link V1}), so tests can prove that today's classes still read what the old ones wrote. Run it only
 * to add a fixture, never to "fix" a failing compatibility test (see the module README for the command).
 */
final class CounterFixtureGenerator {
  static final String PAYLOADS_FILE = "counter-v1-payloads.txt";

  /** Counter's event and state as they were at schema version 1: frozen, never edit. */
  static final class V1 {
    record Incremented(long amount) implements ObsidianSerializable {}

    record State(long value) implements ObsidianSerializable {}

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

  public static void main(String[] args) throws IOException {
    Path fixtures = Path.of(args.length > 0 ? args[0] : "persistence/src/test/resources/fixtures");
    Files.createDirectories(fixtures);
    Files.write(fixtures.resolve(PAYLOADS_FILE), payloadLines(), StandardCharsets.UTF_8);
    System.out.println("wrote " + fixtures.toAbsolutePath());
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
