package dev.obsidian.crypto.field;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Shared behaviour of {@link Fr} and {@link Fq}: an immutable element held as four Montgomery limbs, always
 * reduced below p, so that equality and hashing can work on the limbs directly.
 */
abstract sealed class PrimeFieldElement<F extends PrimeFieldElement<F>> permits Fr, Fq {
    final long l0, l1, l2, l3;

    PrimeFieldElement(long l0, long l1, long l2, long l3) {
        this.l0 = l0;
        this.l1 = l1;
        this.l2 = l2;
        this.l3 = l3;
    }

    abstract FieldSpec<F> spec();

    private long[] pair(F other) {
        return new long[] {l0, l1, l2, l3, other.l0, other.l1, other.l2, other.l3};
    }

    final long[] montgomeryLimbs() {
        return new long[] {l0, l1, l2, l3};
    }

    public F add(F other) {
        long[] t = pair(other);
        spec().kernel.add(t, 0, t, 4, t, 0);
        return spec().create(t);
    }

    public F sub(F other) {
        long[] t = pair(other);
        spec().kernel.sub(t, 0, t, 4, t, 0);
        return spec().create(t);
    }

    public F neg() {
        long[] t = montgomeryLimbs();
        spec().kernel.neg(t, 0, t, 0);
        return spec().create(t);
    }

    public F mul(F other) {
        long[] t = new long[MontgomeryKernel.LIMBS];
        spec().kernel.mul(l0, l1, l2, l3, other.l0, other.l1, other.l2, other.l3, t, 0);
        return spec().create(t);
    }

    public F square() {
        long[] t = montgomeryLimbs();
        spec().kernel.square(t, 0, t, 0);
        return spec().create(t);
    }

    /** The multiplicative inverse; {@link ArithmeticException} for zero, which has none. */
    public F inverse() {
        if (isZero()) {
            throw new ArithmeticException(spec().name + ": zero has no inverse");
        }
        long[] t = montgomeryLimbs();
        spec().kernel.inverse(t, 0, t, 0);
        return spec().create(t);
    }

    /** this^exponent for exponent &gt;= 0 (0^0 = 1). */
    public F pow(long exponent) {
        if (exponent < 0) {
            throw new IllegalArgumentException(spec().name + ".pow: exponent must be non-negative, got " + exponent);
        }
        return powLimbs(new long[] {exponent});
    }

    /** this^exponent for exponent &gt;= 0 (0^0 = 1). */
    public F pow(BigInteger exponent) {
        if (exponent.signum() < 0) {
            throw new IllegalArgumentException(spec().name + ".pow: exponent must be non-negative, got " + exponent);
        }
        return powLimbs(FieldSpec.exponentLimbs(exponent));
    }

    final F powLimbs(long[] exponent) {
        long[] t = montgomeryLimbs();
        spec().kernel.pow(t, 0, exponent, t, 0);
        return spec().create(t);
    }

    /** A square root if this is a square (one of the two roots; no canonical choice), else empty. */
    public Optional<F> sqrt() {
        return spec().sqrt(self());
    }

    /** 1 for a non-zero square, -1 for a non-square, 0 for zero (the Legendre symbol). */
    public int legendre() {
        return spec().legendre(self());
    }

    public boolean isZero() {
        return (l0 | l1 | l2 | l3) == 0;
    }

    /** 32-byte big-endian canonical encoding. */
    public byte[] toBytesBE() {
        return FieldSpec.bytesOfPlainLimbs(plainLimbs());
    }

    /** "0x" followed by 64 lowercase hex digits. */
    public String toHex() {
        return FieldSpec.hexOfBytes(toBytesBE());
    }

    public BigInteger toBigInteger() {
        return new BigInteger(1, toBytesBE());
    }

    /** Copies the four Montgomery limbs into {@code out[offset..offset+3]} for {@link MontgomeryKernel} loops. */
    public void copyMontgomeryLimbs(long[] out, int offset) {
        out[offset] = l0;
        out[offset + 1] = l1;
        out[offset + 2] = l2;
        out[offset + 3] = l3;
    }

    final long[] plainLimbs() {
        long[] t = montgomeryLimbs();
        spec().kernel.fromMontgomery(t, 0, t, 0);
        return t;
    }

    @SuppressWarnings("unchecked")
    private F self() {
        return (F) this;
    }

    /** Orders by canonical value in [0, p). */
    final int compareValues(F other) {
        long[] a = plainLimbs();
        long[] b = other.plainLimbs();
        for (int i = MontgomeryKernel.LIMBS - 1; i >= 0; i--) {
            int c = Long.compareUnsigned(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof PrimeFieldElement<?> e
                && e.getClass() == getClass()
                && e.l0 == l0 && e.l1 == l1 && e.l2 == l2 && e.l3 == l3;
    }

    @Override
    public final int hashCode() {
        return Long.hashCode(l0 * 31 + l1) * 961 + Long.hashCode(l2 * 31 + l3);
    }

    @Override
    public final String toString() {
        return toHex();
    }
}
