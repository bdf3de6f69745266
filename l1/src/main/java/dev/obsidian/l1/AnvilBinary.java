package dev.obsidian.l1;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Finds the Anvil binary the build installed from npm ({@code l1/node_modules/@foundry-rs/anvil-<platform>}). */
public final class AnvilBinary {
  /** System property or environment variable (OBSIDIAN_ANVIL) naming the binary explicitly. */
  public static final String PROPERTY = "obsidian.anvil";

  private AnvilBinary() {}

  public static Path locate() {
    String explicit = System.getProperty(PROPERTY, System.getenv("OBSIDIAN_ANVIL"));
    if (explicit != null && !explicit.isBlank()) {
      return requireExecutable(Path.of(explicit));
    }
    Path relative = Path.of("node_modules", "@foundry-rs", "anvil-" + platform(), "bin", "anvil");
    // above the working directory (tests, ./obsidian from the repo), then above this jar (./obsidian from elsewhere)
    for (Path start : new Path[] {Path.of("").toAbsolutePath(), codeLocation()}) {
      if (start == null) {
        continue;
      }
      for (Path dir = start; dir != null; dir = dir.getParent()) {
        for (Path candidate : new Path[] {dir.resolve(relative), dir.resolve("l1").resolve(relative)}) {
          if (Files.isRegularFile(candidate)) {
            return requireExecutable(candidate);
          }
        }
      }
    }
    throw new L1Exception("Anvil binary not found: build the l1 module (it runs npm ci) or set -D" + PROPERTY
        + " / OBSIDIAN_ANVIL to its path; looked for " + relative + " above " + Path.of("").toAbsolutePath()
        + " and above " + codeLocation());
  }

  private static Path codeLocation() {
    try {
      return Path.of(AnvilBinary.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  static String platform() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String osName = os.contains("mac") ? "darwin" : os.contains("win") ? "win32" : "linux";
    String archName = arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "amd64";
    return osName + "-" + archName;
  }

  private static Path requireExecutable(Path binary) {
    if (!Files.isExecutable(binary) && !binary.toFile().setExecutable(true)) {
      throw new L1Exception("Anvil binary " + binary + " is not executable and its run bit cannot be set");
    }
    return binary;
  }
}
