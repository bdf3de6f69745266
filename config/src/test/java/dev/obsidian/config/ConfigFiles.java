package dev.obsidian.config;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes HOCON test files line by line, so that tests can name the line an error must point at. */
final class ConfigFiles {

  private ConfigFiles() {}

  static Path write(Path directory, String name, String... lines) {
    Path file = directory.resolve(name);
    try {
      Files.writeString(file, String.join("\n", lines) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  static Config parse(Path directory, String name, String... lines) {
    return SettingsLoader.parseFile(write(directory, name, lines));
  }

  static ObsidianSettings load(Path directory, String... lines) {
    return SettingsLoader.load(parse(directory, "test.conf", lines), Map.of());
  }

  /** The errors loading these lines produces; fails if loading succeeds. */
  static List<SettingError> errors(Path directory, String... lines) {
    try {
      load(directory, lines);
    } catch (InvalidSettingsException e) {
      return e.errors();
    }
    throw new AssertionError("expected InvalidSettingsException for:\n" + String.join("\n", lines));
  }

  static String origin(Path directory, int line) {
    return directory.resolve("test.conf") + ":" + line;
  }
}
