package dev.obsidian.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Payloads written by schema version 1 of the counter (checked-in bytes) still load into today's classes. */
class LegacyPayloadFixtureTest {
  private static List<String[]> fixtureRows() throws IOException {
    try (InputStream in = LegacyPayloadFixtureTest.class.getResourceAsStream("/fixtures/" + CounterFixtureGenerator.PAYLOADS_FILE)) {
      List<String[]> rows = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(line.split("\t"));
        }
      }
      return rows;
    }
  }

  @Test
  void version1PayloadsLoadWithTheAddedFieldsDefaulted() throws Exception {
    KryoSerializer current = new KryoSerializer(
        new KryoSerializer.SerializationSettings(TypeRegistry.builder().include(new CounterTypes()).build(), 1 << 20, 1),
        () -> null);
    List<Object> read = new ArrayList<>();
    for (String[] row : fixtureRows()) {
      read.add(current.fromBinary(HexFormat.of().parseHex(row[1]), row[0]));
    }
    assertEquals(List.of(
            new Counter.Incremented(7, "unspecified"),
            new Counter.Incremented(-3, "unspecified"),
            new Counter.State(12, List.of())),
        read);
  }

  /** The version 1 classes still serialize to the checked-in bytes: the wire format has not drifted. */
  @Test
  void version1SerializationStillProducesTheFixtureBytes() throws Exception {
    List<String> expected = new ArrayList<>();
    for (String[] row : fixtureRows()) {
      expected.add(String.join("\t", row));
    }
    List<String> regenerated = CounterFixtureGenerator.payloadLines().stream().filter(line -> !line.startsWith("#")).toList();
    assertEquals(expected, regenerated);
  }
}
