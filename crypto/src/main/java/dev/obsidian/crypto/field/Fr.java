package dev.obsidian.crypto.field;

import java.math.BigInteger;

/**
 * An element of the BN254 scalar field (the field Aztec's circuits, Poseidon2 and Merkle trees work in).
 * Immutable; equality, hashing and ordering follow the canonical value in [0, p).
 */
public final class Fr extends PrimeFieldElement<Fr> implements Comparable<Fr> {
    static final FieldSpec<Fr> SPEC = new FieldSpec<>("Fr", MontgomeryKernel.BN254_FR, Fr::new, Fr[]::new);

    /** p = 21888242871839275222246405745257275088548364400416034343698204186575808495617. */
    public static final BigInteger MODULUS = SPEC.modulus();
    public static final Fr ZERO = new Fr(0, 0, 0, 0);
    public static final Fr ONE = SPEC.one();
    /** p - 1 = 2^28·q with q odd. */
    public static final int TWO_ADICITY = 28;

    /**
     * 5 generates the multiplicative group of Fr (the generator arkworks and barretenberg use for BN254 Fr), so
     * 5^q is a primitive 2^28-th root of unity.
     */
    private static final BigInteger MULTIPLICATIVE_GENERATOR = BigInteger.valueOf(5);
    private static final Fr[] ROOTS_OF_UNITY = rootsOfUnity();

    private Fr(long l0, long l1, long l2, long l3) {
        super(l0, l1, l2, l3);
    }

    @Override
    FieldSpec<Fr> spec() {
        return SPEC;
    }

    /** The value v mod p; negative v gives p - |v|. */
    public static Fr of(long value) {
        return SPEC.of(value);
    }

    /** Strict: 0 &lt;= value &lt; p, else {@link IllegalArgumentException} naming the value. */
    public static Fr fromBigInteger(BigInteger value) {
        return SPEC.fromBigInteger(value);
    }

    /** Any integer, reduced mod p. */
    public static Fr reduce(BigInteger value) {
        return SPEC.reduce(value);
    }

    /** Exactly 32 big-endian bytes encoding a value below p, else {@link NonCanonicalEncodingException}. */
    public static Fr fromBytesBE(byte[] bytes) {
        return SPEC.fromBytesBE(bytes);
    }

    /** Any number of big-endian bytes, reduced mod p. */
    public static Fr reduceBytesBE(byte[] bytes) {
        return SPEC.reduceBytesBE(bytes);
    }

    /** "0x"-prefixed or bare hex, 1 to 64 digits, value below p. */
    public static Fr fromHex(String text) {
        return SPEC.fromHex(text);
    }

    /** "0x"-prefixed hex or unsigned decimal, value below p; {@link IllegalArgumentException} with the reason. */
    public static Fr parse(String text) {
        return SPEC.parse(text);
    }

    /** Wraps four Montgomery limbs from {@code limbs[offset..offset+3]} (see {@link MontgomeryKernel}). */
    public static Fr fromMontgomeryLimbs(long[] limbs, int offset) {
        return SPEC.fromMontgomeryLimbs(limbs, offset);
    }

    /** Element-wise inverses with one field inversion; {@link ArithmeticException} naming the index of a zero. */
    public static Fr[] batchInverse(Fr[] values) {
        return SPEC.batchInverse(values);
    }

    /** A primitive 2^log2Order-th root of unity, 0 &lt;= log2Order &lt;= 28; consistent: root(k)^2 = root(k-1). */
    public static Fr rootOfUnity(int log2Order) {
        if (log2Order < 0 || log2Order > TWO_ADICITY) {
            throw new IllegalArgumentException("Fr.rootOfUnity: log2Order must be in [0, 28], got " + log2Order);
        }
        return ROOTS_OF_UNITY[log2Order];
    }

    private static Fr[] rootsOfUnity() {
        Fr[] roots = new Fr[TWO_ADICITY + 1];
        roots[TWO_ADICITY] = SPEC.maximalRootOfUnity(MULTIPLICATIVE_GENERATOR);
        for (int k = TWO_ADICITY - 1; k >= 0; k--) {
            roots[k] = roots[k + 1].square();
        }
        return roots;
    }

    @Override
    public int compareTo(Fr other) {
        return compareValues(other);
    }
}
