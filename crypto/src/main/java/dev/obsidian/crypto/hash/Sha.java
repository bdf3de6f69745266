package dev.obsidian.crypto.hash;

import dev.obsidian.crypto.field.Fq;
import dev.obsidian.crypto.field.Fr;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * SHA-256 and SHA-512 (the JDK's implementations, present on every Java SE platform) and the two ways Aztec 4.1.2
 * turns a digest into a field element.
 */
public final class Sha {

  /** Bytes of a SHA-256 digest kept by {@link #sha256ToField}: 31, so the value is below 2^248 and always in Fr. */
  public static final int TRUNCATED_DIGEST_BYTES = 31;

  private static final int FIELD_BYTES = 32;

  private Sha() {}

  public static byte[] sha256(byte[] data) {
    return digest("SHA-256", data);
  }

  public static byte[] sha512(byte[] data) {
    return digest("SHA-512", data);
  }

  /**
   * SHA-256 truncated to a field element exactly as Aztec does it: the first 31 bytes of the digest, read big-endian
   * (the last byte is dropped, not reduced). Source: {@code truncateAndPad} in
   * yarn-project/foundation/src/serialize/free_funcs.ts and {@code sha256ToField} in
   * yarn-project/foundation/src/crypto/sha256/index.ts (v4.1.2), matching Solidity's {@code Hash.sha256ToField}.
   */
  public static Fr sha256ToField(byte[] data) {
    byte[] digest = sha256(data);
    byte[] padded = new byte[FIELD_BYTES];
    System.arraycopy(digest, 0, padded, 1, TRUNCATED_DIGEST_BYTES);
    return Fr.fromBytesBE(padded);
  }

  /** {@link #sha256ToField(byte[])} over the 32-byte big-endian encodings of the fields, concatenated. */
  public static Fr sha256ToField(Fr... fields) {
    return sha256ToField(concat(fields));
  }

  /**
   * The full 512-bit SHA-512 digest reduced modulo the Grumpkin scalar field order (= BN254 Fq), as Aztec's
   * {@code sha512ToGrumpkinScalar} does (yarn-project/foundation/src/crypto/sha512/index.ts, v4.1.2). Not
   * truncated: reducing 512 bits keeps the scalar close to uniform, which key derivation needs.
   */
  public static Fq sha512ToGrumpkinScalar(byte[] data) {
    return Fq.reduceBytesBE(sha512(data));
  }

  private static byte[] concat(Fr... fields) {
    Objects.requireNonNull(fields, "fields");
    byte[] out = new byte[fields.length * FIELD_BYTES];
    for (int i = 0; i < fields.length; i++) {
      if (fields[i] == null) {
        throw new NullPointerException("fields[" + i + "] is null");
      }
      System.arraycopy(fields[i].toBytesBE(), 0, out, i * FIELD_BYTES, FIELD_BYTES);
    }
    return out;
  }

  private static byte[] digest(String algorithm, byte[] data) {
    Objects.requireNonNull(data, "data");
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is required of every Java platform but is missing", e);
    }
  }
}
