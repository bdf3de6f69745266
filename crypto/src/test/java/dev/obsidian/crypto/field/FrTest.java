package dev.obsidian.crypto.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Edge cases of Fr; values such as p and the root of unity are published constants, not outputs of this code. */
class FrTest {
    /** BN254 scalar field order (EIP-196/197, barretenberg fr.hpp). */
    private static final BigInteger P =
            new BigInteger("21888242871839275222246405745257275088548364400416034343698204186575808495617");
    private static final String P_HEX = "30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001";

    @Test
    void modulusIsTheBn254ScalarFieldOrder() {
        assertEquals(P, Fr.MODULUS);
        assertEquals(P, new BigInteger(P_HEX, 16));
    }

    @Test
    void zeroOneAndMinusOne() {
        Fr minusOne = Fr.fromBigInteger(P.subtract(BigInteger.ONE));
        assertTrue(Fr.ZERO.isZero());
        assertFalse(Fr.ONE.isZero());
        assertEquals(Fr.ZERO, minusOne.add(Fr.ONE));
        assertEquals(Fr.ONE, minusOne.mul(minusOne));
        assertEquals(minusOne, Fr.of(-1));
        assertEquals(minusOne, Fr.ONE.neg());
        assertEquals(Fr.ZERO, Fr.ZERO.neg());
        assertEquals(Fr.ZERO, Fr.ZERO.sub(Fr.ZERO));
        assertEquals(minusOne, Fr.ZERO.sub(Fr.ONE));
        assertEquals(Fr.ONE, Fr.ZERO.pow(0));
        assertEquals(Fr.ZERO, Fr.ZERO.pow(5));
        assertEquals(Fr.of(Long.MIN_VALUE), Fr.reduce(BigInteger.valueOf(Long.MIN_VALUE)));
        assertEquals("0x0000000000000000000000000000000000000000000000000000000000000001", Fr.ONE.toString());
    }

    @Test
    void canonicalEncodingRejectsModulusAndAbove() {
        byte[] p = new BigInteger(P_HEX, 16).toByteArray(); // 32 bytes: the top bit of p is clear
        assertEquals(32, p.length);
        NonCanonicalEncodingException e = assertThrows(NonCanonicalEncodingException.class, () -> Fr.fromBytesBE(p));
        assertTrue(e.getMessage().contains(P_HEX), e.getMessage());
        byte[] allOnes = new byte[32];
        Arrays.fill(allOnes, (byte) 0xFF);
        assertThrows(NonCanonicalEncodingException.class, () -> Fr.fromBytesBE(allOnes));
        byte[] pMinusOne = P.subtract(BigInteger.ONE).toByteArray();
        assertEquals(P.subtract(BigInteger.ONE), Fr.fromBytesBE(pMinusOne).toBigInteger());
    }

    @Test
    void encodingMustBeExactly32Bytes() {
        NonCanonicalEncodingException longer =
                assertThrows(NonCanonicalEncodingException.class, () -> Fr.fromBytesBE(new byte[33]));
        assertTrue(longer.getMessage().contains("33"), longer.getMessage());
        assertThrows(NonCanonicalEncodingException.class, () -> Fr.fromBytesBE(new byte[31]));
        assertThrows(NonCanonicalEncodingException.class, () -> Fr.fromBytesBE(new byte[0]));
        assertEquals(Fr.ONE, Fr.reduceBytesBE(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
    }

    @Test
    void textParsingIsStrict() {
        assertEquals(Fr.of(255), Fr.fromHex("0xff"));
        assertEquals(Fr.of(255), Fr.fromHex("FF"));
        assertEquals(Fr.of(255), Fr.parse("255"));
        assertEquals(Fr.of(255), Fr.parse("0x00ff"));
        assertThrows(NonCanonicalEncodingException.class, () -> Fr.fromHex("0x" + P_HEX));
        assertThrows(IllegalArgumentException.class, () -> Fr.fromHex("0x"));
        assertThrows(IllegalArgumentException.class, () -> Fr.fromHex("0x1" + "0".repeat(64)));
        assertThrows(IllegalArgumentException.class, () -> Fr.fromHex("0xfg"));
        assertThrows(IllegalArgumentException.class, () -> Fr.parse("-1"));
        assertThrows(IllegalArgumentException.class, () -> Fr.parse("+1"));
        assertThrows(IllegalArgumentException.class, () -> Fr.parse(""));
        assertThrows(IllegalArgumentException.class, () -> Fr.parse("12 "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fr.parse(P.toString()));
        assertTrue(e.getMessage().contains(P.toString()), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Fr.fromBigInteger(BigInteger.valueOf(-1)));
    }

    @Test
    void zeroHasNoInverse() {
        assertThrows(ArithmeticException.class, Fr.ZERO::inverse);
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> Fr.batchInverse(new Fr[] {Fr.ONE, Fr.of(2), Fr.ZERO}));
        assertTrue(e.getMessage().contains("values[2]"), e.getMessage());
        assertEquals(0, Fr.batchInverse(new Fr[0]).length);
        assertThrows(IllegalArgumentException.class, () -> Fr.ONE.pow(-1));
    }

    @Test
    void rootsOfUnityHaveExactOrder() {
        Fr omega = Fr.rootOfUnity(28);
        assertEquals(Fr.ONE, omega.pow(1L << 28));
        assertEquals(Fr.ONE.neg(), omega.pow(1L << 27));
        assertEquals(Fr.ONE, Fr.rootOfUnity(0));
        assertEquals(Fr.ONE.neg(), Fr.rootOfUnity(1));
        for (int k = 1; k <= 28; k++) {
            assertEquals(Fr.rootOfUnity(k - 1), Fr.rootOfUnity(k).square());
        }
        assertThrows(IllegalArgumentException.class, () -> Fr.rootOfUnity(29));
        assertThrows(IllegalArgumentException.class, () -> Fr.rootOfUnity(-1));
    }

    /** 5^((p-1)/2^28): arkworks ark-bn254 Fr TWO_ADIC_ROOT_OF_UNITY (generator 5). */
    @Test
    void maximalRootMatchesPublishedValue() {
        assertEquals(new BigInteger("19103219067921713944291392827692070036145651957329286315305642004821462161904"),
                Fr.rootOfUnity(28).toBigInteger());
    }

    @Test
    void frAndFqWithTheSameValueAreNotEqual() {
        assertNotEquals(Fr.ONE, (Object) Fq.ONE);
        assertEquals(Fr.ONE.toHex(), Fq.ONE.toHex());
    }

    @Test
    void sqrtOfNonSquareIsEmpty() {
        assertTrue(Fr.of(5).sqrt().isEmpty(), "5 generates Fr*, so it is not a square");
        assertEquals(-1, Fr.of(5).legendre());
        assertEquals(Fr.ZERO, Fr.ZERO.sqrt().orElseThrow());
    }

    @Test
    void montgomeryLimbsMustBeReduced() {
        long[] p = {0x43e1f593f0000001L, 0x2833e84879b97091L, 0xb85045b68181585dL, 0x30644e72e131a029L};
        assertThrows(IllegalArgumentException.class, () -> Fr.fromMontgomeryLimbs(p, 0));
    }
}
