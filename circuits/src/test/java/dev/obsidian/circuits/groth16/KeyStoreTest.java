package dev.obsidian.circuits.groth16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoreTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();


  private KeyStore store() {
    return new KeyStore(dir, new PrintStream(logBytes, true, StandardCharsets.UTF_8));
  }

  private String log() {
    return logBytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aDevKeyIsMadeOnceWithItsWarningThenLoadedByHashAndProvesThatVerify() throws Exception {
    TestCircuits.Instance chain = TestCircuits.chain(40, 7);
    KeyStore.LoadedKey made = store().loadOrCreate("chain-40", chain.r1cs());
    assertTrue(log().contains(DevSetup.WARNING), log());
    assertTrue(Files.exists(dir.resolve("chain-40.pk")));
    String manifest = Files.readString(dir.resolve("chain-40.key"));
    assertTrue(manifest.contains("pk-sha256=" + KeyStore.sha256(dir.resolve("chain-40.pk"))), manifest);
    assertTrue(manifest.contains("origin=" + KeyStore.ORIGIN_DEV), manifest);

    logBytes.reset();
    KeyStore.LoadedKey loaded = store().loadOrCreate("chain-40", chain.r1cs());
    assertFalse(log().contains("dev setup done"), "a stored key is not made again: " + log());
    assertTrue(log().contains(DevSetup.WARNING), "loading a dev key warns too: " + log());
    assertEquals(made.provingKeyHash(), loaded.provingKeyHash());
    assertEquals(made.verifyingKeyHash(), loaded.verifyingKeyHash());
    // the dev setup is deterministic: the same R1CS gives the same key anywhere
    assertEquals(KeyCodec.contentHash(DevSetup.generate(chain.r1cs(), KeyStore.DEV_SEED, new PrintStream(
        OutputStreamNull.INSTANCE))), loaded.provingKeyHash());
    Proof proof = Prover.prove(loaded.provingKey(), chain.r1cs(), chain.witness(), new SplittableRandom(1));
    assertTrue(Verifier.verify(made.provingKey().verifyingKey(), chain.publicInputs(), proof));
  }

  @Test
  void aTamperedKeyFileIsRefusedByItsHash() throws Exception {
    TestCircuits.Instance chain = TestCircuits.chain(20, 3);
    store().loadOrCreate("chain", chain.r1cs());
    // a well-formed key, but not the one the manifest names (a corrupt byte would already fail the curve checks)
    KeyCodec.write(DevSetup.generate(chain.r1cs(), new byte[] {9}, new PrintStream(OutputStreamNull.INSTANCE)),
        dir.resolve("chain.pk"));
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> store().loadOrCreate("chain", chain.r1cs()));
    assertTrue(e.getMessage().contains("content hash"), e.getMessage());
  }

  @Test
  void aDevKeyForAnotherR1csIsRemadeButAnImportedOneIsRefused() throws Exception {
    TestCircuits.Instance small = TestCircuits.chain(20, 3);
    TestCircuits.Instance other = TestCircuits.chain(21, 3);
    KeyStore.LoadedKey first = store().loadOrCreate("c", small.r1cs());
    KeyStore.LoadedKey remade = store().loadOrCreate("c", other.r1cs());
    assertNotEquals(first.r1csHash(), remade.r1csHash());
    assertTrue(log().contains("made for another R1CS"), log());

    store().store("c", first.provingKey(), first.r1csHash(), "snarkjs zkey ceremony.zkey");
    KeyStore.KeyMismatchException e = assertThrows(KeyStore.KeyMismatchException.class,
        () -> store().loadOrCreate("c", other.r1cs()));
    assertTrue(e.getMessage().contains("import a key for this R1CS"), e.getMessage());
    assertEquals(first.provingKeyHash(), store().loadOrCreate("c", small.r1cs()).provingKeyHash());
  }

  @Test
  void badCircuitNamesAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> store().loadOrCreate("../x", TestCircuits.cubic(3).r1cs()));
    assertTrue(e.getMessage().contains("circuit name '../x'"), e.getMessage());
  }

  /** Swallows the dev setup's warning where a test does not look at it. */
  private static final class OutputStreamNull extends java.io.OutputStream {
    static final OutputStreamNull INSTANCE = new OutputStreamNull();

    @Override
    public void write(int b) {}
  }
}
