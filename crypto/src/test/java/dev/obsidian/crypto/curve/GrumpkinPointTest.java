package dev.obsidian.crypto.curve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.crypto.field.Fq;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.field.NonCanonicalEncodingException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class GrumpkinPointTest {

  /**
   * The 64 bytes of {@code Grumpkin.generator} in yarn-project/foundation/src/crypto/grumpkin/index.ts (4.1.2):
   * x = 1, y = 0x…02cf135e7506a45d632d270d45f1181294833fc48d823f272c.
   */
  @Test
  void generatorIsAztecs() {
    String expected = "0000000000000000000000000000000000000000000000000000000000000001"
        + "0000000000000002cf135e7506a45d632d270d45f1181294833fc48d823f272c";
    assertEquals(expected, HexFormat.of().formatHex(Grumpkin.GENERATOR.toBytes()));
    assertEquals(Fr.of(-16), Grumpkin.GENERATOR.y().square());
  }

  @Test
  void orderIsBn254BaseFieldModulus() {
    assertEquals(
        "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47", Grumpkin.ORDER.toString(16));
  }

  /** (q - 1) * G = -G = (1, p - y_G): a known answer that needs no reference implementation. */
  @Test
  void minusOneTimesGeneratorIsItsNegation() {
    GrumpkinPoint minusG = Grumpkin.mul(Grumpkin.GENERATOR, Fq.of(-1));
    assertEquals(Fr.ONE, minusG.x());
    assertEquals(Grumpkin.GENERATOR.y().neg(), minusG.y());
  }

  @Test
  void zeroTimesAnythingIsInfinity() {
    assertEquals(GrumpkinPoint.INFINITY, Grumpkin.mul(Grumpkin.GENERATOR, Fq.ZERO));
    assertEquals(GrumpkinPoint.INFINITY, Grumpkin.mulGenerator(Fq.ZERO));
    assertEquals(GrumpkinPoint.INFINITY, Grumpkin.mul(GrumpkinPoint.INFINITY, Fq.of(5)));
  }

  @Test
  void offCurvePointIsRejectedWithItsCoordinates() {
    NotOnCurveException e = assertThrows(NotOnCurveException.class, () -> GrumpkinPoint.of(Fr.ONE, Fr.ONE));
    assertTrue(e.getMessage().contains("not on Grumpkin"), e.getMessage());
    assertTrue(e.getMessage().contains(Fr.ONE.toHex()), e.getMessage());
  }

  @Test
  void zeroZeroIsNotAFinitePoint() {
    assertThrows(NotOnCurveException.class, () -> GrumpkinPoint.of(Fr.ZERO, Fr.ZERO));
    byte[] zeros = new byte[64];
    assertThrows(NotOnCurveException.class, () -> GrumpkinPoint.fromBytes(zeros));
  }

  @Test
  void xWithoutSquareRootIsRejected() {
    // x = 0: y^2 = -17, and -17 is not a square in Fr (its Legendre symbol is -1).
    assertEquals(-1, Fr.of(-17).legendre());
    assertThrows(NotOnCurveException.class, () -> GrumpkinPoint.fromXAndSign(Fr.ZERO, true));
  }

  @Test
  void wrongLengthsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GrumpkinPoint.fromBytes(new byte[63]));
    assertTrue(e.getMessage().contains("64 bytes"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> GrumpkinPoint.fromCompressed(new byte[33]));
    assertTrue(e.getMessage().contains("32 bytes"), e.getMessage());
  }

  @Test
  void nonCanonicalCoordinateIsRejected() {
    byte[] encoded = Grumpkin.GENERATOR.toBytes();
    byte[] pPlusOne = Fr.MODULUS.add(java.math.BigInteger.ONE).toByteArray();
    byte[] x = new byte[32];
    System.arraycopy(pPlusOne, pPlusOne.length - 32, x, 0, 32);
    System.arraycopy(x, 0, encoded, 0, 32);
    assertThrows(NonCanonicalEncodingException.class, () -> GrumpkinPoint.fromBytes(encoded));
  }

  @Test
  void infinityHasFieldsButNoByteEncoding() {
    assertArrayEquals(new Fr[] {Fr.ZERO, Fr.ZERO, Fr.ONE}, GrumpkinPoint.INFINITY.toFields());
    assertThrows(IllegalStateException.class, GrumpkinPoint.INFINITY::toBytes);
    assertEquals(GrumpkinPoint.INFINITY, GrumpkinPoint.fromFields(Fr.of(7), Fr.of(8), Fr.ONE));
    assertThrows(IllegalArgumentException.class, () -> GrumpkinPoint.fromFields(Fr.ONE, Fr.ONE, Fr.of(2)));
  }

  /** Aztec's sign convention: the generator's y is small, so "positive", and compression sets bit 255. */
  @Test
  void compressionSetsTheTopBitForPositiveY() {
    assertTrue(Grumpkin.GENERATOR.isYPositive());
    assertFalse(Grumpkin.GENERATOR.negate().isYPositive());
    byte[] compressed = Grumpkin.GENERATOR.toCompressed();
    assertEquals((byte) 0x80, compressed[0]);
    assertEquals(1, compressed[31]);
    assertEquals(0, Grumpkin.GENERATOR.negate().toCompressed()[0]);
  }

  @Test
  void msmRejectsMismatchedLengths() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Grumpkin.msm(new GrumpkinPoint[] {Grumpkin.GENERATOR}, new Fq[0]));
    assertTrue(e.getMessage().contains("1 points, 0 scalars"), e.getMessage());
    assertEquals(GrumpkinPoint.INFINITY, Grumpkin.msm(new GrumpkinPoint[0], new Fq[0]));
  }
}
