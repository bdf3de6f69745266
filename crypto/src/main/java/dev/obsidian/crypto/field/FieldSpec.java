package dev.obsidian.crypto.field;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Everything about one prime field that is not per-element: its kernel, how to wrap limbs into the element type,
 * and the parsing, encoding and square-root logic shared by {@link Fr} and {@link Fq}.
 */
final class FieldSpec<F extends PrimeFieldElement<F>> {
    interface LimbFactory<F> {
        F create(long l0, long l1, long l2, long l3);
    }

    private static final int BYTES = 32;
    private static final int MAX_HEX_DIGITS = 64;
    private static final int MAX_DECIMAL_DIGITS = 78;

    final String name;
    final MontgomeryKernel kernel;
    private final LimbFactory<F> factory;
    private final IntFunction<F[]> arrays;
    private final BigInteger modulus;
    final int twoAdicity;
    private final long[] oddFactor;
    private final long[] oddFactorMinusOneHalf;
    private final long[] legendreExponent;
    private final BigInteger nonResidue;

    FieldSpec(String name, MontgomeryKernel kernel, LimbFactory<F> factory, IntFunction<F[]> arrays) {
        this.name = name;
        this.kernel = kernel;
        this.factory = factory;
        this.arrays = arrays;
        this.modulus = kernel.modulus();
        BigInteger pMinusOne = modulus.subtract(BigInteger.ONE);
        this.twoAdicity = pMinusOne.getLowestSetBit();
        BigInteger odd = pMinusOne.shiftRight(twoAdicity);
        this.oddFactor = exponentLimbs(odd);
        this.oddFactorMinusOneHalf = exponentLimbs(odd.subtract(BigInteger.ONE).shiftRight(1));
        this.legendreExponent = exponentLimbs(pMinusOne.shiftRight(1));
        this.nonResidue = smallestNonResidue(modulus);
    }

    private static BigInteger smallestNonResidue(BigInteger p) {
        BigInteger half = p.subtract(BigInteger.ONE).shiftRight(1);
        BigInteger z = BigInteger.TWO;
        while (!z.modPow(half, p).equals(p.subtract(BigInteger.ONE))) {
            z = z.add(BigInteger.ONE);
        }
        return z;
    }

    static long[] exponentLimbs(BigInteger exponent) {
        long[] limbs = new long[Math.max(1, (exponent.bitLength() + 63) / 64)];
        for (int i = 0; i < limbs.length; i++) {
            limbs[i] = exponent.shiftRight(64 * i).longValue();
        }
        return limbs;
    }

    BigInteger modulus() {
        return modulus;
    }

    F create(long[] montgomery) {
        return factory.create(montgomery[0], montgomery[1], montgomery[2], montgomery[3]);
    }

    F fromPlainLimbs(long[] plain) {
        kernel.toMontgomery(plain, 0, plain, 0);
        return create(plain);
    }

    // ---- construction ----

    F of(long value) {
        // the unsigned magnitude of Long.MIN_VALUE is 2^63, which the unsigned limb holds exactly
        long magnitude = value < 0 ? -value : value;
        F positive = fromPlainLimbs(new long[] {magnitude, 0, 0, 0});
        return value < 0 ? positive.neg() : positive;
    }

    F fromBigInteger(BigInteger value) {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0 || value.compareTo(modulus) >= 0) {
            throw new IllegalArgumentException(name + ": value " + value + " is not in [0, p) for p = " + modulus);
        }
        return create(kernel.toMontgomery(value));
    }

    F reduce(BigInteger value) {
        Objects.requireNonNull(value, "value");
        return create(kernel.toMontgomery(value.mod(modulus)));
    }

    F fromBytesBE(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != BYTES) {
            throw new NonCanonicalEncodingException(
                    name + ": encoding must be exactly 32 bytes, got " + bytes.length + " bytes: 0x" + HexFormat.of().formatHex(bytes));
        }
        long[] plain = plainLimbsOfBytes(bytes);
        if (!kernel.isCanonical(plain[0], plain[1], plain[2], plain[3])) {
            throw new NonCanonicalEncodingException(
                    name + ": encoding 0x" + HexFormat.of().formatHex(bytes) + " is not canonical: value is not below p = " + modulus);
        }
        return fromPlainLimbs(plain);
    }

    F reduceBytesBE(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return reduce(new BigInteger(1, bytes));
    }

    F fromHex(String text) {
        Objects.requireNonNull(text, "text");
        String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        if (digits.isEmpty() || digits.length() > MAX_HEX_DIGITS) {
            throw new IllegalArgumentException(name + ": hex \"" + text + "\" must have 1 to 64 digits");
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), 16) < 0) {
                throw new IllegalArgumentException(name + ": hex \"" + text + "\" has a non-hex character at " + i);
            }
        }
        BigInteger value = new BigInteger(digits, 16);
        if (value.compareTo(modulus) >= 0) {
            throw new NonCanonicalEncodingException(name + ": hex " + text + " is not canonical: value is not below p = " + modulus);
        }
        return create(kernel.toMontgomery(value));
    }

    F parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.startsWith("0x") || text.startsWith("0X")) {
            return fromHex(text);
        }
        if (text.isEmpty() || text.length() > MAX_DECIMAL_DIGITS) {
            throw new IllegalArgumentException(name + ": \"" + text + "\" must be 0x-hex or 1 to 78 decimal digits");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException(name + ": \"" + text + "\" has a non-decimal character at " + i);
            }
        }
        return fromBigInteger(new BigInteger(text));
    }

    F fromMontgomeryLimbs(long[] limbs, int offset) {
        if (!kernel.isCanonical(limbs[offset], limbs[offset + 1], limbs[offset + 2], limbs[offset + 3])) {
            throw new IllegalArgumentException(name + ": Montgomery limbs are not reduced below p");
        }
        return factory.create(limbs[offset], limbs[offset + 1], limbs[offset + 2], limbs[offset + 3]);
    }

    // ---- encoding ----

    private static long[] plainLimbsOfBytes(byte[] bytes) {
        long[] limbs = new long[MontgomeryKernel.LIMBS];
        for (int i = 0; i < BYTES; i++) {
            int limb = (BYTES - 1 - i) / 8;
            limbs[limb] = (limbs[limb] << 8) | (bytes[i] & 0xFF);
        }
        return limbs;
    }

    static byte[] bytesOfPlainLimbs(long[] limbs) {
        byte[] bytes = new byte[BYTES];
        for (int i = 0; i < BYTES; i++) {
            bytes[BYTES - 1 - i] = (byte) (limbs[i / 8] >>> (8 * (i % 8)));
        }
        return bytes;
    }

    static String hexOfBytes(byte[] bytes) {
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    // ---- batch and number-theoretic operations ----

    /** Montgomery's trick: one inversion and 3(n-1) products instead of n inversions. */
    F[] batchInverse(F[] values) {
        Objects.requireNonNull(values, "values");
        int n = values.length;
        F[] result = arrays.apply(n);
        if (n == 0) {
            return result;
        }
        F[] prefix = arrays.apply(n);
        F running = null;
        for (int i = 0; i < n; i++) {
            F value = Objects.requireNonNull(values[i], "values[" + i + "]");
            if (value.isZero()) {
                throw new ArithmeticException(name + ".batchInverse: values[" + i + "] is zero and has no inverse");
            }
            running = running == null ? value : running.mul(value);
            prefix[i] = running;
        }
        F inverseOfRest = running.inverse();
        for (int i = n - 1; i > 0; i--) {
            result[i] = inverseOfRest.mul(prefix[i - 1]);
            inverseOfRest = inverseOfRest.mul(values[i]);
        }
        result[0] = inverseOfRest;
        return result;
    }

    int legendre(F value) {
        if (value.isZero()) {
            return 0;
        }
        F symbol = value.powLimbs(legendreExponent);
        return symbol.equals(one()) ? 1 : -1;
    }

    F one() {
        long[] t = new long[MontgomeryKernel.LIMBS];
        kernel.setOne(t, 0);
        return create(t);
    }

    /**
     * Tonelli–Shanks with p - 1 = 2^s·q: start from x = a^((q+1)/2), t = a^q and repeatedly fix t's order with
     * powers of a fixed non-residue. For p ≡ 3 mod 4 (s = 1) this is just a^((p+1)/4).
     */
    Optional<F> sqrt(F value) {
        if (value.isZero()) {
            return Optional.of(value);
        }
        F w = value.powLimbs(oddFactorMinusOneHalf);
        F x = value.mul(w);
        F t = x.mul(w);
        F one = one();
        F c = reduce(nonResidue).powLimbs(oddFactor);
        int m = twoAdicity;
        while (!t.equals(one)) {
            int i = 0;
            F probe = t;
            while (!probe.equals(one)) {
                probe = probe.square();
                i++;
                if (i == m) {
                    return Optional.empty();
                }
            }
            F b = c;
            for (int k = 0; k < m - i - 1; k++) {
                b = b.square();
            }
            x = x.mul(b);
            c = b.square();
            t = t.mul(c);
            m = i;
        }
        return Optional.of(x);
    }

    /** A primitive 2^twoAdicity-th root of unity: the non-residue raised to the odd factor. */
    F maximalRootOfUnity(BigInteger generator) {
        return reduce(generator).powLimbs(oddFactor);
    }
}
