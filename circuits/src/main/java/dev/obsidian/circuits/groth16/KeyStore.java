package dev.obsidian.circuits.groth16;

import dev.obsidian.circuits.r1cs.R1cs;
import dev.obsidian.circuits.snarkjs.R1csFile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Groth16 keys kept as files, one pair per circuit: {@code NAME.pk} (the {@link KeyCodec} encoding, verifying key
 * inside) and {@code NAME.key} (a manifest of {@code field=value} lines: the circuit, the SHA-256 of its R1CS in
 * snarkjs's {@code .r1cs} encoding, the content hashes of the proving and verifying keys, and where the key came
 * from). A key is loaded only when its R1CS hash matches the circuit's and its file matches its content hash.
 *
 * <p>A missing dev key (or one made for another R1CS) is made by {@link DevSetup} (INSECURE, says so); an imported
 * key (a ceremony's) is never replaced silently: a mismatch is an error. Files are written to a temporary name and
 * moved into place, under a lock file, so processes sharing the directory never read a half-written key.
 */
public final class KeyStore {
  /** The seed of every dev key: public on purpose, the keys are INSECURE and reproducible. */
  public static final byte[] DEV_SEED = "obsidian/dev-keys/v1".getBytes(StandardCharsets.UTF_8);
  public static final String ORIGIN_DEV = "dev-setup (INSECURE, seed obsidian/dev-keys/v1)";
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  /** A loaded key and its identity. */
  public record LoadedKey(String circuit, ProvingKey provingKey, String r1csHash, String provingKeyHash,
      String verifyingKeyHash, String origin) {}

  private final Path directory;
  private final PrintStream log;

  public KeyStore(Path directory, PrintStream log) {
    this.directory = directory;
    this.log = log;
  }

  public Path directory() {
    return directory;
  }

  /**
   * The key of {@code circuit} for {@code r1cs}: loaded and checked, or made by the dev setup (printing its
   * INSECURE warning) when missing or made for another R1CS by the dev setup.
   */
  public LoadedKey loadOrCreate(String circuit, R1cs r1cs) {
    checkName(circuit);
    String r1csHash = r1csHash(r1cs);
    try {
      Files.createDirectories(directory);
      try (FileChannel lockFile = FileChannel.open(directory.resolve(circuit + ".lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
        Map<String, String> manifest = readManifest(circuit);
        if (manifest != null && !r1csHash.equals(manifest.get("r1cs-sha256"))) {
          if (!ORIGIN_DEV.equals(manifest.get("origin"))) {
            throw new KeyMismatchException(manifestPath(circuit) + ": the key of " + circuit + " (origin "
                + manifest.get("origin") + ") was made for R1CS " + manifest.get("r1cs-sha256")
                + ", but the circuit's R1CS is now " + r1csHash + "; import a key for this R1CS");
          }
          log.println(circuit + ": the stored dev key was made for another R1CS; making a new one");
          manifest = null;
        }
        if (manifest == null) {
          long start = System.nanoTime();
          ProvingKey pk = DevSetup.generate(r1cs, DEV_SEED, log);
          LoadedKey made = store(circuit, pk, r1csHash, ORIGIN_DEV);
          log.printf("%s: dev setup done in %.1f s, key %s stored in %s%n", circuit,
              (System.nanoTime() - start) / 1e9, made.provingKeyHash(), directory);
          return made;
        }
        return load(circuit, manifest, r1cs);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("key directory " + directory + ": " + e.getMessage(), e);
    }
  }

  /** Stores {@code pk} as the key of {@code circuit}, replacing any, and returns it as loaded. */
  public LoadedKey store(String circuit, ProvingKey pk, String r1csHash, String origin) throws IOException {
    checkName(circuit);
    Files.createDirectories(directory);
    Path tmp = Files.createTempFile(directory, circuit, ".pk.tmp");
    String pkHash;
    try {
      pkHash = KeyCodec.write(pk, tmp);
      move(tmp, directory.resolve(circuit + ".pk"));
    } finally {
      Files.deleteIfExists(tmp);
    }
    String vkHash = KeyCodec.contentHash(pk.verifyingKey());
    Map<String, String> manifest = new LinkedHashMap<>();
    manifest.put("circuit", circuit);
    manifest.put("r1cs-sha256", r1csHash);
    manifest.put("pk-sha256", pkHash);
    manifest.put("vk-sha256", vkHash);
    manifest.put("origin", origin.replace('\n', ' '));
    StringBuilder text = new StringBuilder();
    manifest.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    Path manifestTmp = Files.createTempFile(directory, circuit, ".key.tmp");
    try {
      Files.writeString(manifestTmp, text, StandardCharsets.UTF_8);
      move(manifestTmp, manifestPath(circuit));
    } finally {
      Files.deleteIfExists(manifestTmp);
    }
    return new LoadedKey(circuit, pk, r1csHash, pkHash, vkHash, origin);
  }

  /** The stored key of {@code circuit} without making one; empty when there is none. */
  public java.util.Optional<LoadedKey> loadExisting(String circuit, R1cs r1cs) {
    checkName(circuit);
    try {
      Map<String, String> manifest = readManifest(circuit);
      if (manifest == null) {
        return java.util.Optional.empty();
      }
      if (!r1csHash(r1cs).equals(manifest.get("r1cs-sha256"))) {
        throw new KeyMismatchException(manifestPath(circuit) + ": made for R1CS " + manifest.get("r1cs-sha256")
            + ", not the circuit's " + r1csHash(r1cs));
      }
      return java.util.Optional.of(load(circuit, manifest, r1cs));
    } catch (IOException e) {
      throw new UncheckedIOException("key directory " + directory + ": " + e.getMessage(), e);
    }
  }

  private LoadedKey load(String circuit, Map<String, String> manifest, R1cs r1cs) throws IOException {
    ProvingKey pk = KeyCodec.read(directory.resolve(circuit + ".pk"), require(manifest, "pk-sha256", circuit));
    String vkHash = KeyCodec.contentHash(pk.verifyingKey());
    if (!vkHash.equals(require(manifest, "vk-sha256", circuit))) {
      throw new KeyMismatchException(manifestPath(circuit) + ": vk-sha256 says " + manifest.get("vk-sha256")
          + " but the key's verifying key hashes to " + vkHash);
    }
    if (pk.numPublic() != r1cs.numPublic() || pk.numWires() != r1cs.numWires()
        || pk.numConstraints() != r1cs.constraints().size()) {
      throw new KeyMismatchException(circuit + ": key shape (" + pk.numPublic() + " public, " + pk.numWires()
          + " wires, " + pk.numConstraints() + " constraints) differs from the R1CS's");
    }
    String origin = manifest.getOrDefault("origin", "unknown");
    if (ORIGIN_DEV.equals(origin)) {
      log.println(circuit + ": " + DevSetup.WARNING);
    }
    return new LoadedKey(circuit, pk, manifest.get("r1cs-sha256"), manifest.get("pk-sha256"), vkHash, origin);
  }

  private Map<String, String> readManifest(String circuit) throws IOException {
    Path path = manifestPath(circuit);
    if (!Files.exists(path) || !Files.exists(directory.resolve(circuit + ".pk"))) {
      return null;
    }
    Map<String, String> manifest = new LinkedHashMap<>();
    for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        manifest.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return manifest;
  }

  private Path manifestPath(String circuit) {
    return directory.resolve(circuit + ".key");
  }

  private String require(Map<String, String> manifest, String field, String circuit) {
    String value = manifest.get(field);
    if (value == null || value.isBlank()) {
      throw new KeyMismatchException(manifestPath(circuit) + ": field " + field + " is missing");
    }
    return value;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void checkName(String circuit) {
    if (!NAME.matcher(circuit).matches()) {
      throw new IllegalArgumentException("circuit name '" + circuit + "' must match " + NAME.pattern());
    }
  }

  /** SHA-256 (hex) of the R1CS in snarkjs's {@code .r1cs} encoding, the identity a key is made for. */
  public static String r1csHash(R1cs r1cs) {
    try {
      Path tmp = Files.createTempFile("obsidian-r1cs", ".r1cs");
      try {
        R1csFile.write(r1cs, tmp);
        return sha256(tmp);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(Path file) throws IOException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (var in = Files.newInputStream(file)) {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
          sha.update(buffer, 0, n);
        }
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A stored key that does not belong to the circuit, or a manifest that does not describe its file. */
  public static final class KeyMismatchException extends RuntimeException {
    public KeyMismatchException(String message) {
      super(message);
    }
  }
}
