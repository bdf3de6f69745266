package dev.obsidian.l1;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Poseidon2.sol is exactly what {@link Poseidon2Solidity} generates from the crypto module's constants. */
class Poseidon2SourceTest {
  private static final Path SOURCE = Path.of("src", "main", "solidity", "Poseidon2.sol");

  @Test
  void theSourceIsGeneratedFromTheCryptoConstants() throws Exception {
    String expected = Poseidon2Solidity.source();
    if (Boolean.getBoolean("obsidian.poseidon2.write")) {
      Files.writeString(SOURCE, expected);
    }
    if (!Files.readString(SOURCE).equals(expected)) {
      fail("Poseidon2.sol differs from the generator: run this test with -Dobsidian.poseidon2.write=true, then "
          + "`npm run compile` in l1/");
    }
  }

}
