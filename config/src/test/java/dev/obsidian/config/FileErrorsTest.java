package dev.obsidian.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that cannot be read as HOCON is reported like any other setting error, naming the file. */
class FileErrorsTest {

  @TempDir Path dir;

  @Test
  void aMissingFile() {
    Path missing = dir.resolve("nope.conf");
    InvalidSettingsException e =
        assertThrows(InvalidSettingsException.class, () -> SettingsLoader.parseFile(missing));
    assertEquals(List.of(new SettingError(missing.toString(), "no such file",
        "an existing, readable HOCON file", Optional.empty())), e.errors());
  }

  @Test
  void aDirectory() {
    InvalidSettingsException e =
        assertThrows(InvalidSettingsException.class, () -> SettingsLoader.parseFile(dir));
    assertEquals("not a regular file", e.errors().get(0).value());
  }

  @Test
  void notHocon() {
    Path file = ConfigFiles.write(dir, "broken.conf", "obsidian {", "  node.rpc-port = 1", "");
    InvalidSettingsException e =
        assertThrows(InvalidSettingsException.class, () -> SettingsLoader.parseFile(file));
    SettingError error = e.errors().get(0);
    assertEquals(file + ":4", error.key());
    assertEquals("valid HOCON", error.expected());
    assertEquals(false, error.value().isBlank());
  }

  @Test
  void anUnresolvableSubstitution() {
    Path file = ConfigFiles.write(dir, "app.conf", "", "obsidian.data-dir = ${NOT_SET_ANYWHERE}");
    InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
        () -> SettingsLoader.load(SettingsLoader.parseFile(file), Map.of()));
    SettingError error = e.errors().get(0);
    assertEquals(file + ":2", error.key());
    assertEquals(true, error.value().contains("NOT_SET_ANYWHERE"), error.value());
  }

  @Test
  void anyExtensionIsReadAsHocon() throws Exception {
    Path file = dir.resolve("settings.txt");
    Files.writeString(file, "obsidian.node.rpc-port = 1234\n");
    assertEquals(1234, SettingsLoader.load(SettingsLoader.parseFile(file), Map.of()).node().rpcPort());
  }
}
