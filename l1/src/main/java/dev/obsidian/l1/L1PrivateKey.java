package dev.obsidian.l1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.web3j.crypto.Credentials;

/**
 * An L1 account key. {@link #toString()} never shows it; it is read from a file or an environment variable, never
 * from a command-line argument (which other users of the machine can see).
 */
public final class L1PrivateKey {
  /**
   * Anvil's default dev account 0 (mnemonic "test test ... junk"), funded on every Anvil chain and public knowledge:
   * used only for a sandbox's own Anvil.
   */
  public static final L1PrivateKey ANVIL_DEV_ACCOUNT_0 =
      new L1PrivateKey("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

  private final String hex;

  private L1PrivateKey(String hex) {
    String digits = hex.strip();
    digits = digits.startsWith("0x") ? digits.substring(2) : digits;
    if (!digits.matches("[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException("L1 private key must be 32 bytes as 64 hex digits (with or without 0x)");
    }
    this.hex = digits;
  }

  public static L1PrivateKey fromFile(Path file) {
    try {
      return new L1PrivateKey(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the L1 private key file " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("L1 private key file " + file + ": " + e.getMessage(), e);
    }
  }

  /** A key given as text by {@code source} (an environment variable's name), named in errors instead of the key. */
  public static L1PrivateKey fromHex(String value, String source) {
    try {
      return new L1PrivateKey(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  Credentials credentials() {
    return Credentials.create(hex);
  }

  public String address() {
    return credentials().getAddress();
  }

  @Override
  public String toString() {
    return "L1PrivateKey(address " + address() + ")";
  }
}
