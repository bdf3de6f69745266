package dev.obsidian.crypto.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Field laws for one of the two fields, each checked against plain {@link BigInteger} arithmetic mod p as an
 * independent reference. Subclasses pick the field.
 */
abstract class FieldLawsProperties<F extends PrimeFieldElement<F>> {
    abstract BigInteger modulus();

    abstract F fromBigInteger(BigInteger value);

    abstract F fromBytesBE(byte[] bytes);

    abstract F parse(String text);

    abstract F of(long value);

    abstract F reduce(BigInteger value);

    abstract F reduceBytesBE(byte[] bytes);

    abstract F[] batchInverse(List<F> values);

    private BigInteger p() {
        return modulus();
    }

    /** Uniform values plus the values where limb carries and reductions go wrong. */
    @Provide
    Arbitrary<BigInteger> elements() {
        BigInteger p = p();
        BigInteger two64 = BigInteger.ONE.shiftLeft(64);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.bigIntegers().between(BigInteger.ZERO, p.subtract(BigInteger.ONE))),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
                        p.subtract(BigInteger.ONE), p.subtract(BigInteger.TWO), p.shiftRight(1), p.shiftRight(1).add(BigInteger.ONE),
                        two64.subtract(BigInteger.ONE), two64, two64.shiftLeft(64).subtract(BigInteger.ONE),
                        two64.shiftLeft(128).subtract(BigInteger.ONE), two64.shiftLeft(128), p.subtract(two64))));
    }

    @Provide
    Arbitrary<BigInteger> nonZeroElements() {
        return elements().filter(v -> v.signum() != 0);
    }

    private F f(BigInteger v) {
        return fromBigInteger(v);
    }

    @Property
    void addMatchesReference(@ForAll("elements") BigInteger a, @ForAll("elements") BigInteger b) {
        assertEquals(a.add(b).mod(p()), f(a).add(f(b)).toBigInteger());
    }

    @Property
    void subMatchesReference(@ForAll("elements") BigInteger a, @ForAll("elements") BigInteger b) {
        assertEquals(a.subtract(b).mod(p()), f(a).sub(f(b)).toBigInteger());
    }

    @Property
    void negMatchesReference(@ForAll("elements") BigInteger a) {
        assertEquals(a.negate().mod(p()), f(a).neg().toBigInteger());
    }

    @Property
    void mulMatchesReference(@ForAll("elements") BigInteger a, @ForAll("elements") BigInteger b) {
        assertEquals(a.multiply(b).mod(p()), f(a).mul(f(b)).toBigInteger());
    }

    @Property
    void squareMatchesReference(@ForAll("elements") BigInteger a) {
        assertEquals(a.multiply(a).mod(p()), f(a).square().toBigInteger());
    }

    @Property
    void inverseMatchesReference(@ForAll("nonZeroElements") BigInteger a) {
        F inverse = f(a).inverse();
        assertEquals(a.modInverse(p()), inverse.toBigInteger());
        assertEquals(BigInteger.ONE, f(a).mul(inverse).toBigInteger());
    }

    @Property
    void powMatchesReference(@ForAll("elements") BigInteger a, @ForAll long exponent) {
        long e = exponent == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(exponent);
        assertEquals(a.modPow(BigInteger.valueOf(e), p()), f(a).pow(e).toBigInteger());
    }

    @Property
    void bigPowMatchesReference(@ForAll("elements") BigInteger a, @ForAll("elements") BigInteger exponent) {
        BigInteger e = exponent.shiftLeft(3).add(BigInteger.valueOf(5)); // beyond p, and never zero
        assertEquals(a.modPow(e, p()), f(a).pow(e).toBigInteger());
    }

    @Property
    void additionAndMultiplicationAreCommutativeAndAssociative(
            @ForAll("elements") BigInteger a, @ForAll("elements") BigInteger b, @ForAll("elements") BigInteger c) {
        assertEquals(f(a).add(f(b)), f(b).add(f(a)));
        assertEquals(f(a).mul(f(b)), f(b).mul(f(a)));
        assertEquals(f(a).add(f(b)).add(f(c)), f(a).add(f(b).add(f(c))));
        assertEquals(f(a).mul(f(b)).mul(f(c)), f(a).mul(f(b).mul(f(c))));
    }

    @Property
    void multiplicationDistributesOverAddition(
            @ForAll("elements") BigInteger a, @ForAll("elements") BigInteger b, @ForAll("elements") BigInteger c) {
        assertEquals(f(a).mul(f(b).add(f(c))), f(a).mul(f(b)).add(f(a).mul(f(c))));
    }

    @Property
    void additiveInverseCancels(@ForAll("elements") BigInteger a) {
        assertTrue(f(a).add(f(a).neg()).isZero());
        assertEquals(f(a), f(a).sub(f(a)).sub(f(a).neg()));
    }

    @Property
    void legendreMatchesEulerCriterion(@ForAll("elements") BigInteger a) {
        BigInteger euler = a.modPow(p().subtract(BigInteger.ONE).shiftRight(1), p());
        int expected = a.signum() == 0 ? 0 : euler.equals(BigInteger.ONE) ? 1 : -1;
        assertEquals(expected, f(a).legendre());
    }

    @Property
    void sqrtOfSquareSquaresBack(@ForAll("elements") BigInteger a) {
        F square = f(a).square();
        Optional<F> root = square.sqrt();
        assertTrue(root.isPresent());
        assertEquals(square, root.get().square());
        assertTrue(root.get().equals(f(a)) || root.get().equals(f(a).neg()));
    }

    @Property
    void sqrtExistsExactlyForSquares(@ForAll("elements") BigInteger a) {
        Optional<F> root = f(a).sqrt();
        assertEquals(f(a).legendre() >= 0, root.isPresent());
        root.ifPresent(r -> assertEquals(f(a), r.square()));
    }

    @Property
    void bytesMatchReferenceAndRoundTrip(@ForAll("elements") BigInteger a) {
        byte[] bytes = f(a).toBytesBE();
        assertEquals(32, bytes.length);
        assertEquals(a, new BigInteger(1, bytes));
        assertEquals(f(a), fromBytesBE(bytes));
    }

    @Property
    void textRoundTrips(@ForAll("elements") BigInteger a) {
        String hex = f(a).toHex();
        assertEquals(66, hex.length());
        assertEquals(String.format("0x%064x", a), hex);
        assertEquals(f(a), parse(hex));
        assertEquals(f(a), parse(a.toString()));
        assertEquals(hex, f(a).toString());
    }

    @Property
    void orderingAndEqualityFollowValue(@ForAll("elements") BigInteger a, @ForAll("elements") BigInteger b) {
        assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(f(a).compareValues(f(b))));
        assertEquals(a.equals(b), f(a).equals(f(b)));
        if (a.equals(b)) {
            assertEquals(f(a).hashCode(), f(b).hashCode());
        }
    }

    @Property
    void ofLongReducesSignedValues(@ForAll long value) {
        assertEquals(BigInteger.valueOf(value).mod(p()), of(value).toBigInteger());
    }

    @Property
    void reduceAcceptsAnyInteger(@ForAll BigInteger value, @ForAll("elements") BigInteger a) {
        BigInteger big = value.multiply(p()).add(a).multiply(value.signum() == 0 ? BigInteger.ONE : value);
        assertEquals(big.mod(p()), reduce(big).toBigInteger());
    }

    @Property
    void reduceBytesAcceptsAnyLength(@ForAll @Size(max = 80) byte[] bytes) {
        assertEquals(new BigInteger(1, bytes).mod(p()), reduceBytesBE(bytes).toBigInteger());
    }

    @Property
    void batchInverseEqualsElementwiseInverse(@ForAll @Size(max = 20) List<@net.jqwik.api.From("nonZeroElements") BigInteger> values) {
        List<F> elements = values.stream().map(this::f).toList();
        F[] inverses = batchInverse(elements);
        assertEquals(values.size(), inverses.length);
        for (int i = 0; i < values.size(); i++) {
            assertEquals(values.get(i).modInverse(p()), inverses[i].toBigInteger());
        }
    }

    @Property
    void montgomeryLimbsRoundTrip(@ForAll("elements") BigInteger a) {
        long[] limbs = new long[6];
        f(a).copyMontgomeryLimbs(limbs, 2);
        long[] back = new long[4];
        System.arraycopy(limbs, 2, back, 0, 4);
        assertArrayEquals(f(a).montgomeryLimbs(), back);
        assertFalse(a.signum() != 0 && f(a).isZero());
    }
}
