package dev.obsidian.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal contract on the embedded H2 store, each test in a fresh data directory. */
class EmbeddedJournalTest extends JournalContract {
  @TempDir Path dataDir;

  @Override
  JournalConfig journal() {
    return JournalConfig.embedded(dataDir);
  }

  @Test
  void storeIsAFileUnderTheDataDirectory() throws Exception {
    startNode("files").shutdownTestKit();
    assertTrue(Files.isRegularFile(dataDir.resolve("journal/obsidian.mv.db")), "H2 file under " + dataDir);
  }

  /** Every commit appends (REUSE_SPACE=FALSE); compacting at a clean stop shrinks the file and keeps every event. */
  @Test
  void compactShrinksTheFileAndKeepsTheEvents() throws Exception {
    var first = startNode("compact-write");
    var counter = spawn(first, Counter.create("compacted"));
    long expected = 0;
    for (int i = 1; i <= 200; i++) {
      expected = increment(first, counter, i, "r" + i);
    }
    first.shutdownTestKit();
    Path file = dataDir.resolve("journal/obsidian.mv.db");
    long before = Files.size(file);
    JournalConfig.embedded(dataDir).compact();
    long after = Files.size(file);
    assertTrue(after < before / 2, "compacted " + before + " -> " + after + " bytes");
    var second = startNode("compact-read");
    try {
      org.junit.jupiter.api.Assertions.assertEquals(expected,
          stateOf(second, spawn(second, Counter.create("compacted"))).value());
    } finally {
      second.shutdownTestKit();
    }
  }
}
