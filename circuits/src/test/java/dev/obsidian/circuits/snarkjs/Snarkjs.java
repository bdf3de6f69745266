package dev.obsidian.circuits.snarkjs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs the snarkjs CLI pinned in circuits/snarkjs/package.json (installing it with npm ci when absent). */
final class Snarkjs {
  static final Path HOME = Path.of("snarkjs").toAbsolutePath();
  private static final Path CLI = HOME.resolve("node_modules/snarkjs/build/cli.cjs");

  record Run(int exitCode, String output) {}

  private Snarkjs() {}

  /** Aborts the calling test with an explicit message when node or npm is not installed. */
  static void requireInstalled() throws IOException, InterruptedException {
    Assumptions.assumeTrue(onPath("node") && onPath("npm"),
        "SKIPPED: node/npm are not installed, so the snarkjs cross-check cannot run here");
    if (!Files.exists(CLI)) {
      Run install = exec(HOME, List.of("npm", "ci", "--no-audit", "--no-fund"));
      if (install.exitCode() != 0 || !Files.exists(CLI)) {
        throw new IllegalStateException("npm ci in " + HOME + " failed:\n" + install.output());
      }
    }
  }

  static Run run(Path workDir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", CLI.toString()));
    command.addAll(List.of(args));
    return exec(workDir, command);
  }

  private static boolean onPath(String program) {
    try {
      return exec(Path.of("."), List.of(program, "--version")).exitCode() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static Run exec(Path dir, List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IOException("timed out: " + command);
    }
    return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
