package dev.obsidian.crypto.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The partially reduced operations (operands and results in [0, 2p)) against BigInteger arithmetic, with operands
 * drawn near the edges of that range where a missing carry or subtraction would show.
 */
class MontgomeryKernelPartialTest {
    private static final MontgomeryKernel KERNEL = MontgomeryKernel.BN254_FR;
    private static final BigInteger P = KERNEL.modulus();
    private static final BigInteger TWO_P = P.shiftLeft(1);
    private static final BigInteger R_INVERSE = BigInteger.ONE.shiftLeft(256).modInverse(P);

    @Provide
    Arbitrary<BigInteger> belowTwoP() {
        Arbitrary<BigInteger> anywhere = Arbitraries.bigIntegers().between(BigInteger.ZERO, TWO_P.subtract(BigInteger.ONE));
        Arbitrary<BigInteger> nearTop = Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.valueOf(1000))
                .map(TWO_P::subtract);
        Arbitrary<BigInteger> nearP = Arbitraries.bigIntegers().between(BigInteger.valueOf(-1000), BigInteger.valueOf(1000))
                .map(P::add);
        return Arbitraries.oneOf(anywhere, nearTop, nearP);
    }

    private static long[] limbs(BigInteger a, BigInteger b) {
        long[] slots = new long[3 * MontgomeryKernel.LIMBS];
        System.arraycopy(MontgomeryKernel.limbsOf(a), 0, slots, 0, 4);
        System.arraycopy(MontgomeryKernel.limbsOf(b), 0, slots, 4, 4);
        return slots;
    }

    private static BigInteger result(long[] slots) {
        BigInteger value = BigInteger.ZERO;
        for (int i = 3; i >= 0; i--) {
            value = value.shiftLeft(64).add(new BigInteger(Long.toUnsignedString(slots[8 + i])));
        }
        return value;
    }

    private static void assertPartial(BigInteger expectedModP, BigInteger actual) {
        assertTrue(actual.signum() >= 0 && actual.compareTo(TWO_P) < 0, "not below 2p: " + actual);
        assertEquals(expectedModP.mod(P), actual.mod(P));
    }

    @Property(tries = 300)
    void mulPartialStaysBelowTwoP(@ForAll("belowTwoP") BigInteger a, @ForAll("belowTwoP") BigInteger b) {
        long[] slots = limbs(a, b);
        KERNEL.mulPartial(slots, 0, slots, 4, slots, 8);
        assertPartial(a.multiply(b).multiply(R_INVERSE), result(slots));
    }

    @Property(tries = 300)
    void squarePartialStaysBelowTwoP(@ForAll("belowTwoP") BigInteger a) {
        long[] slots = limbs(a, BigInteger.ZERO);
        KERNEL.squarePartial(slots, 0, slots, 8);
        assertPartial(a.multiply(a).multiply(R_INVERSE), result(slots));
    }

    @Property(tries = 300)
    void addPartialStaysBelowTwoP(@ForAll("belowTwoP") BigInteger a, @ForAll("belowTwoP") BigInteger b) {
        long[] slots = limbs(a, b);
        KERNEL.addPartial(slots, 0, slots, 4, slots, 8);
        assertPartial(a.add(b), result(slots));
    }

    @Property(tries = 300)
    void reducePartialIsCanonical(@ForAll("belowTwoP") BigInteger a) {
        long[] slots = limbs(BigInteger.ZERO, BigInteger.ZERO);
        System.arraycopy(MontgomeryKernel.limbsOf(a), 0, slots, 8, 4);
        KERNEL.reducePartial(slots, 8);
        assertEquals(a.mod(P), result(slots));
    }
}
