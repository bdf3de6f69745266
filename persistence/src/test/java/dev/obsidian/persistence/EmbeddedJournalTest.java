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
}
