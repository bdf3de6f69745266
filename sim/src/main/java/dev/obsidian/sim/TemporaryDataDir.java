package dev.obsidian.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A node data directory that lives only as long as a load test or benchmark run. */
public final class TemporaryDataDir {
  private TemporaryDataDir() {}

  /** A new empty directory in the system's temporary directory, named with {@code prefix}. */
  public static Path create(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary data directory: " + e.getMessage(), e);
    }
  }

  /** Deletes {@code dir} and everything under it. */
  public static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the temporary data directory " + dir + ": " + e.getMessage(), e);
    }
  }
}
