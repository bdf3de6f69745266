package dev.obsidian.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Fails when a Solidity source changed without re-running {@code npm run compile} (l1/scripts/compile.mjs). */
class ContractArtifactsTest {
  private static final Path SOURCES = Path.of("src", "main", "solidity");

  @Test
  void everyArtifactWasCompiledFromTheCurrentSources() throws Exception {
    String current = sourcesSha256();
    for (ContractArtifact artifact : ContractArtifact.all()) {
      assertEquals(current, artifact.sourcesSha256(), artifact.name()
          + ".json is stale against src/main/solidity: run `npm run compile` in l1/ and commit the artifacts");
      assertTrue(artifact.compiler().startsWith("solc-js 0.8.37"), artifact.compiler());
      assertTrue(artifact.bytecode().length > 100, artifact.name() + " has no bytecode");
    }
  }

  /** The compile script's definition: for each .sol file in name order, UTF-8 of name, NUL, content, NUL. */
  static String sourcesSha256() throws IOException, NoSuchAlgorithmException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    List<Path> files;
    try (Stream<Path> listing = Files.list(SOURCES)) {
      files = listing.filter(f -> f.getFileName().toString().endsWith(".sol"))
          .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
    }
    for (Path file : files) {
      digest.update((file.getFileName() + "\0").getBytes(StandardCharsets.UTF_8));
      digest.update(Files.readAllBytes(file));
      digest.update((byte) 0);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
