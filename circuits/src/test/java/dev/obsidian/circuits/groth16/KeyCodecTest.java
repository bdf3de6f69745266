package dev.obsidian.circuits.groth16;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyCodecTest {
  @Test
  void keysAndProofsRoundTripAndTheHashPinsTheFile(@TempDir Path dir) throws Exception {
    TestCircuits.Instance instance = TestCircuits.chain(40, 1);
    ProvingKey pk = DevSetup.generate(instance.r1cs(), "codec".getBytes(StandardCharsets.UTF_8));
    Path file = dir.resolve("pk.bin");
    String hash = KeyCodec.write(pk, file);
    assertEquals(hash, KeyCodec.contentHash(pk));
    ProvingKey read = KeyCodec.read(file, hash);
    assertArrayEquals(pk.h(), read.h());
    assertArrayEquals(pk.b2(), read.b2());
    assertEquals(pk.verifyingKey(), read.verifyingKey());
    Proof proof = Prover.prove(read, instance.r1cs(), instance.witness(), new SplittableRandom(1));
    assertTrue(Verifier.verify(KeyCodec.decodeVerifyingKey(KeyCodec.encode(pk.verifyingKey())),
        instance.publicInputs(), KeyCodec.decodeProof(KeyCodec.encode(proof))));
    assertEquals(proof, KeyCodec.decodeProof(KeyCodec.encode(proof)));

    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 1;
    Files.write(file, bytes);
    IOException e = assertThrows(IOException.class, () -> KeyCodec.read(file, hash));
    assertTrue(e.getMessage().contains("hash") || e.getMessage().contains("canonical"), e.getMessage());
    byte[] proofBytes = KeyCodec.encode(proof);
    proofBytes[20] ^= 1;
    assertThrows(IOException.class, () -> KeyCodec.decodeProof(proofBytes));
  }
}
