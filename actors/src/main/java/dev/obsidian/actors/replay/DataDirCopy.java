package dev.obsidian.actors.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Copies a node's journal or store directory so replay never opens, locks or writes the node's own files. RocksDB
 * table files ({@code .sst}) are immutable once written, so they are hard-linked when the file system allows it; every
 * other file is copied. A node writing while the copy is made can delete a table file mid-copy: the copy is retried.
 */
final class DataDirCopy {
  static final int MAX_ATTEMPTS = 3;

  private DataDirCopy() {}

  static void copy(Path source, Path target) {
    IOException last = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        deleteRecursively(target);
        copyOnce(source, target);
        return;
      } catch (NoSuchFileException e) {
        last = e; // a file vanished while the node compacted or rotated it: copy again
      } catch (IOException e) {
        throw new UncheckedIOException("cannot copy " + source + " to " + target + ": " + e.getMessage(), e);
      }
    }
    throw new UncheckedIOException("files of " + source + " kept changing during " + MAX_ATTEMPTS
        + " copy attempts; stop the node or retry", last);
  }

  private static void copyOnce(Path source, Path target) throws IOException {
    Files.walkFileTree(source, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
        Files.createDirectories(target.resolve(source.relativize(dir)));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        Path destination = target.resolve(source.relativize(file));
        if (file.getFileName().toString().endsWith(".sst") && tryLink(destination, file)) {
          return FileVisitResult.CONTINUE;
        }
        Files.copy(file, destination, StandardCopyOption.COPY_ATTRIBUTES);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static boolean tryLink(Path link, Path existing) {
    try {
      Files.createLink(link, existing);
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
