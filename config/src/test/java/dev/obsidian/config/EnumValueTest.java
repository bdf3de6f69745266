package dev.obsidian.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnumValueTest {

  @TempDir Path dir;

  @Test
  void eachJournalKindIsSelectedByItsName() {
    assertEquals(JournalKind.CASSANDRA,
        ConfigFiles.load(dir, "obsidian.persistence.journal = cassandra").persistence().journal());
    assertEquals(JournalKind.EMBEDDED,
        ConfigFiles.load(dir, "obsidian.persistence.journal = \"embedded\"").persistence().journal());
  }

  @Test
  void anUnknownJournalListsTheAcceptedNames() {
    List<SettingError> errors = ConfigFiles.errors(dir, "obsidian.persistence.journal = postgres");
    assertEquals(List.of(new SettingError("obsidian.persistence.journal", "\"postgres\"",
        "one of \"embedded\", \"cassandra\"", Optional.of(ConfigFiles.origin(dir, 1)))), errors);
  }

  @Test
  void namesAreExactNotCaseFolded() {
    assertEquals("obsidian.persistence.journal",
        ConfigFiles.errors(dir, "obsidian.persistence.journal = CASSANDRA").get(0).key());
  }
}
