package dev.obsidian.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmallTypesTest {

  @Test
  void byteSizesPrintInTheLargestExactBinaryUnit() {
    assertEquals("128 MiB", ByteSize.ofBytes(134_217_728).toString());
    assertEquals("1536 KiB", ByteSize.ofBytes(1_572_864).toString());
    assertEquals("64 GiB", ByteSize.ofGibibytes(64).toString());
    assertEquals("1000 bytes", ByteSize.ofBytes(1000).toString());
    assertEquals("0 bytes", ByteSize.ofBytes(0).toString());
    assertThrows(IllegalArgumentException.class, () -> ByteSize.ofBytes(-1));
    assertThrows(ArithmeticException.class, () -> ByteSize.ofGibibytes(Long.MAX_VALUE));
  }

  @Test
  void durationsPrintAsHoconReadsThem() {
    assertEquals("1 second", Durations.describe(Duration.ofSeconds(1)));
    assertEquals("24 hours", Durations.describe(Duration.ofHours(24)));
    assertEquals("90 seconds", Durations.describe(Duration.ofSeconds(90)));
    assertEquals("2 minutes", Durations.describe(Duration.ofSeconds(120)));
    assertEquals("100 ms", Durations.describe(Duration.ofMillis(100)));
  }

  @Test
  void editDistanceMatchesTextbookExamples() {
    assertEquals(3, KeySuggester.distance("kitten", "sitting"));
    assertEquals(3, KeySuggester.distance("", "abc"));
    assertEquals(0, KeySuggester.distance("rpcport", "rpcport"));
    assertEquals(2, KeySuggester.distance("rpcprot", "rpcport"));
  }

  @Test
  void journalKindsKeepTheirConfigNames() {
    assertEquals("embedded", JournalKind.EMBEDDED.configName());
    assertEquals(JournalKind.CASSANDRA, JournalKind.fromConfigName("cassandra").orElseThrow());
    assertEquals(java.util.Optional.empty(), JournalKind.fromConfigName("Cassandra"));
  }
}
