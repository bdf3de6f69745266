package dev.obsidian.l1;

import dev.obsidian.crypto.field.Fr;
import java.math.BigInteger;
import java.util.Arrays;
import org.web3j.crypto.Hash;

/**
 * Decodes the input of a {@code Rollup.propose(ProposedHeader, bytes effects, bytes proof)} transaction, as a node
 * following L1 reads it back: the header is a static tuple of 12 words, then the offsets of the two byte strings.
 * Only direct calls to the Rollup are understood (no multicall or proxy in between).
 */
public final class ProposeCalldata {
  static final String SIGNATURE = "propose(" + ProposedHeader.ABI_TUPLE + ",bytes,bytes)";
  static final byte[] SELECTOR = Arrays.copyOf(Hash.sha3(SIGNATURE.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 4);
  private static final int HEADER_WORDS = 12;

  /** The decoded call: the header L1 checked, the effects bytes it hashed, the proof bytes. */
  public record Decoded(ProposedHeader header, byte[] effects, byte[] proof) {}

  private ProposeCalldata() {}

  /**
   * @throws MalformedCalldataException naming the part that does not decode
   */
  public static Decoded decode(byte[] input) {
    if (input.length < 4 || !Arrays.equals(Arrays.copyOf(input, 4), SELECTOR)) {
      throw new MalformedCalldataException("selector", "the input does not start with propose's selector 0x"
          + java.util.HexFormat.of().formatHex(SELECTOR));
    }
    byte[] args = Arrays.copyOfRange(input, 4, input.length);
    if (args.length < (HEADER_WORDS + 2) * 32) {
      throw new MalformedCalldataException("header", args.length + " argument bytes, at least "
          + (HEADER_WORDS + 2) * 32 + " expected");
    }
    ProposedHeader header = new ProposedHeader(uint(args, 0, "header.blockNumber"), field(args, 1, "lastArchiveRoot"),
        field(args, 2, "archiveRoot"), field(args, 3, "blockHash"), field(args, 4, "l1ToL2MessageRoot"),
        field(args, 5, "noteHashRoot"), field(args, 6, "nullifierRoot"), field(args, 7, "publicDataRoot"),
        field(args, 8, "effectsHash"), field(args, 9, "inHash"), field(args, 10, "outHash"),
        Math.toIntExact(uint(args, 11, "header.outTreeHeight")));
    byte[] effects = dynamicBytes(args, uint(args, 12, "effects.offset"), "effects");
    byte[] proof = dynamicBytes(args, uint(args, 13, "proof.offset"), "proof");
    return new Decoded(header, effects, proof);
  }

  private static byte[] dynamicBytes(byte[] args, long offset, String name) {
    if (offset < 0 || offset + 32 > args.length) {
      throw new MalformedCalldataException(name + ".offset", "offset " + offset + " is past the " + args.length
          + " argument bytes");
    }
    long length = new BigInteger(1, Arrays.copyOfRange(args, (int) offset, (int) offset + 32)).min(
        BigInteger.valueOf(Integer.MAX_VALUE)).longValue();
    if (offset + 32 + length > args.length) {
      throw new MalformedCalldataException(name + ".length", "length " + length + " runs past the argument bytes");
    }
    return Arrays.copyOfRange(args, (int) offset + 32, (int) (offset + 32 + length));
  }

  private static byte[] word(byte[] args, int index) {
    return Arrays.copyOfRange(args, index * 32, index * 32 + 32);
  }

  private static long uint(byte[] args, int index, String name) {
    BigInteger value = new BigInteger(1, word(args, index));
    if (value.bitLength() > 31) {
      throw new MalformedCalldataException(name, value + " is out of range");
    }
    return value.longValueExact();
  }

  private static Fr field(byte[] args, int index, String name) {
    BigInteger value = new BigInteger(1, word(args, index));
    if (value.compareTo(Fr.MODULUS) >= 0) {
      throw new MalformedCalldataException("header." + name, "not below the field modulus");
    }
    return Fr.fromBigInteger(value);
  }

  /** A propose input that does not decode: names the part and why. */
  public static final class MalformedCalldataException extends L1Exception {
    private final String part;

    MalformedCalldataException(String part, String reason) {
      super("malformed propose calldata, " + part + ": " + reason);
      this.part = part;
    }

    public String part() {
      return part;
    }
  }
}
