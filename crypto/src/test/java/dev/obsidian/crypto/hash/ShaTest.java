package dev.obsidian.crypto.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.obsidian.crypto.field.Fq;
import dev.obsidian.crypto.field.Fr;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** SHA digests against FIPS 180-4 example values; the truncation against Aztec's definition. */
class ShaTest {

  private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

  /** FIPS 180-4 / NIST CSRC example "abc". */
  @Test
  void sha256OfAbc() {
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        HexFormat.of().formatHex(Sha.sha256(ABC)));
  }

  /** FIPS 180-4 / NIST CSRC example "abc". */
  @Test
  void sha512OfAbc() {
    assertEquals(
        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
            + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
        HexFormat.of().formatHex(Sha.sha512(ABC)));
  }

  /** Aztec keeps the first 31 digest bytes (the NIST digest above without its last byte 0xad). */
  @Test
  void sha256ToFieldDropsTheLastDigestByte() {
    assertEquals(
        Fr.fromHex("0x00ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015"),
        Sha.sha256ToField(ABC));
  }

  @Property(tries = 200)
  void sha256ToFieldIsTheDigestShiftedRightByOneByte(@ForAll byte[] data) {
    BigInteger digest = new BigInteger(1, Sha.sha256(data));
    assertEquals(digest.shiftRight(8), Sha.sha256ToField(data).toBigInteger());
  }

  @Property(tries = 200)
  void sha256ToFieldOfFieldsHashesTheirConcatenatedEncodings(@ForAll long a, @ForAll long b) {
    Fr x = Fr.of(a);
    Fr y = Fr.of(b);
    byte[] concatenated = new byte[64];
    System.arraycopy(x.toBytesBE(), 0, concatenated, 0, 32);
    System.arraycopy(y.toBytesBE(), 0, concatenated, 32, 32);
    assertEquals(Sha.sha256ToField(concatenated), Sha.sha256ToField(x, y));
  }

  @Property(tries = 200)
  void sha512ToGrumpkinScalarReducesAllFiveHundredTwelveBits(@ForAll byte[] data) {
    BigInteger digest = new BigInteger(1, Sha.sha512(data));
    assertEquals(digest.mod(Fq.MODULUS), Sha.sha512ToGrumpkinScalar(data).toBigInteger());
  }
}
