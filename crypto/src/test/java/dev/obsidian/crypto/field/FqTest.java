package dev.obsidian.crypto.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class FqTest {
    /** BN254 base field modulus (EIP-196/197, barretenberg fq.hpp). */
    private static final String Q_HEX = "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47";

    @Test
    void modulusIsTheBn254BaseFieldOrder() {
        assertEquals(new BigInteger(Q_HEX, 16), Fq.MODULUS);
        assertEquals(3, Fq.MODULUS.mod(BigInteger.valueOf(4)).intValue());
    }

    @Test
    void edgeValues() {
        Fq minusOne = Fq.fromBigInteger(Fq.MODULUS.subtract(BigInteger.ONE));
        assertEquals(Fq.ZERO, minusOne.add(Fq.ONE));
        assertEquals(Fq.ONE, minusOne.square());
        assertEquals(Fq.ZERO, Fq.ZERO.neg());
        assertTrue(minusOne.sqrt().isEmpty(), "-1 is not a square when q = 3 mod 4");
        assertThrows(NonCanonicalEncodingException.class, () -> Fq.fromHex(Q_HEX));
        assertThrows(NonCanonicalEncodingException.class, () -> Fq.fromBytesBE(new byte[33]));
        assertThrows(ArithmeticException.class, Fq.ZERO::inverse);
    }

    /** The BN254 G1 generator (1, 2) lies on y^2 = x^3 + 3: a published point, checked with Fq arithmetic. */
    @Test
    void generatorSatisfiesCurveEquation() {
        Fq x = Fq.of(1);
        Fq y = Fq.of(2);
        assertEquals(y.square(), x.square().mul(x).add(Fq.of(3)));
        Fq rhs = x.pow(3).add(Fq.of(3));
        Fq root = rhs.sqrt().orElseThrow();
        assertTrue(root.equals(y) || root.equals(y.neg()));
    }
}
