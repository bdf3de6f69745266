package dev.obsidian.crypto.field;

import java.math.BigInteger;

/**
 * An element of the BN254 base field (coordinates of BN254 points; the scalar field of Grumpkin).
 * Immutable; equality, hashing and ordering follow the canonical value in [0, p).
 */
public final class Fq extends PrimeFieldElement<Fq> implements Comparable<Fq> {
    static final FieldSpec<Fq> SPEC = new FieldSpec<>("Fq", MontgomeryKernel.BN254_FQ, Fq::new, Fq[]::new);

    /** p = 21888242871839275222246405745257275088696311157297823662689037894645226208583. */
    public static final BigInteger MODULUS = SPEC.modulus();
    public static final Fq ZERO = new Fq(0, 0, 0, 0);
    public static final Fq ONE = SPEC.one();

    private Fq(long l0, long l1, long l2, long l3) {
        super(l0, l1, l2, l3);
    }

    @Override
    FieldSpec<Fq> spec() {
        return SPEC;
    }

    /** The value v mod p; negative v gives p - |v|. */
    public static Fq of(long value) {
        return SPEC.of(value);
    }

    /** Strict: 0 &lt;= value &lt; p, else {@link IllegalArgumentException} naming the value. */
    public static Fq fromBigInteger(BigInteger value) {
        return SPEC.fromBigInteger(value);
    }

    /** Any integer, reduced mod p. */
    public static Fq reduce(BigInteger value) {
        return SPEC.reduce(value);
    }

    /** Exactly 32 big-endian bytes encoding a value below p, else {@link NonCanonicalEncodingException}. */
    public static Fq fromBytesBE(byte[] bytes) {
        return SPEC.fromBytesBE(bytes);
    }

    /** Any number of big-endian bytes, reduced mod p. */
    public static Fq reduceBytesBE(byte[] bytes) {
        return SPEC.reduceBytesBE(bytes);
    }

    /** "0x"-prefixed or bare hex, 1 to 64 digits, value below p. */
    public static Fq fromHex(String text) {
        return SPEC.fromHex(text);
    }

    /** "0x"-prefixed hex or unsigned decimal, value below p; {@link IllegalArgumentException} with the reason. */
    public static Fq parse(String text) {
        return SPEC.parse(text);
    }

    /** Wraps four Montgomery limbs from {@code limbs[offset..offset+3]} (see {@link MontgomeryKernel}). */
    public static Fq fromMontgomeryLimbs(long[] limbs, int offset) {
        return SPEC.fromMontgomeryLimbs(limbs, offset);
    }

    /** Element-wise inverses with one field inversion; {@link ArithmeticException} naming the index of a zero. */
    public static Fq[] batchInverse(Fq[] values) {
        return SPEC.batchInverse(values);
    }

    @Override
    public int compareTo(Fq other) {
        return compareValues(other);
    }
}
