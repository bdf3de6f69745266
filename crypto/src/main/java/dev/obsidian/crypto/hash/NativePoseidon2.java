package dev.obsidian.crypto.hash;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.field.MontgomeryKernel;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The permutation in C (src/main/c/poseidon2_native.c), reached through JNI. The library gets its round constants
 * from {@link Poseidon2Permutation} once at start, so both implementations share one source of parameters, and is
 * only used after it reproduces the Java permutation on fixed states.
 */
final class NativePoseidon2 implements Permutation {
    static final String LIBRARY = "obsidian_poseidon2";
    private static final int L = MontgomeryKernel.LIMBS;
    /** Return codes of the native init, as defined in the C source. */
    private static final int INIT_OK = 0, INIT_WRONG_LENGTH = 1, INIT_WRONG_MODULUS = 2;
    private static final int VARIANT_BMI2_ADX = 1;

    private final boolean forcePortable;

    private NativePoseidon2(boolean forcePortable) {
        this.forcePortable = forcePortable;
    }

    /** The loaded, initialised and self-checked library, or why there is none; tried once per JVM. */
    static NativePoseidon2 instance() throws NativeUnavailableException {
        Attempt attempt = Holder.ATTEMPT;
        if (attempt.permutation() == null) {
            throw new NativeUnavailableException(attempt.failure());
        }
        return attempt.permutation();
    }

    /** The library's portable C variant even where the CPU would get another; for tests. */
    static NativePoseidon2 portableInstance() throws NativeUnavailableException {
        instance();
        return new NativePoseidon2(true);
    }

    /** The arithmetic the library uses on this CPU: "bmi2/adx" or "portable". */
    String variantName() {
        return !forcePortable && variant() == VARIANT_BMI2_ADX ? "bmi2/adx" : "portable";
    }

    @Override
    public void permute(long[] work) {
        if (forcePortable) {
            permuteStatePortable(work);
        } else {
            permuteState(work);
        }
    }

    @Override
    public String implementation() {
        return "native";
    }

    @Override
    public String toString() {
        return implementation();
    }

    private record Attempt(NativePoseidon2 permutation, String failure) {
    }

    private static final class Holder {
        static final Attempt ATTEMPT = attempt();

        private static Attempt attempt() {
            try {
                NativeLibraryLoader.load(LIBRARY);
                initialise();
                NativePoseidon2 permutation = new NativePoseidon2(false);
                selfCheck(permutation);
                selfCheck(new NativePoseidon2(true));
                return new Attempt(permutation, null);
            } catch (NativeUnavailableException e) {
                return new Attempt(null, e.getMessage());
            } catch (LinkageError e) {
                // e.g. a library built from another revision that lacks one of the entry points
                return new Attempt(null, "native library unusable: " + e);
            }
        }
    }

    private static void initialise() throws NativeUnavailableException {
        int status = init(parameters());
        switch (status) {
            case INIT_OK -> {
            }
            case INIT_WRONG_LENGTH -> throw new NativeUnavailableException("native library expects other parameters");
            case INIT_WRONG_MODULUS -> throw new NativeUnavailableException("native library built for another field");
            default -> throw new NativeUnavailableException("native init returned " + status);
        }
    }

    /**
     * What the C side's init expects: the plain modulus limbs, then (in Montgomery form) the full-round constants
     * of the first and last four rounds, the partial-round constants and the internal diagonal minus one.
     */
    static long[] parameters() {
        long[][] parts = {
            plainLimbs(MontgomeryKernel.BN254_FR.modulus()),
            Poseidon2Permutation.FIRST_FULL_ROUND_CONSTANTS,
            Poseidon2Permutation.LAST_FULL_ROUND_CONSTANTS,
            Poseidon2Permutation.PARTIAL_ROUND_CONSTANTS,
            Poseidon2Permutation.INTERNAL_DIAGONAL_MINUS_ONE,
        };
        long[] all = new long[Arrays.stream(parts).mapToInt(part -> part.length).sum()];
        int offset = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }

    private static long[] plainLimbs(BigInteger value) {
        long[] limbs = new long[L];
        for (int i = 0; i < L; i++) {
            limbs[i] = value.shiftRight(64 * i).longValue();
        }
        return limbs;
    }

    /** Guards against a miscompiled or mismatched library: it must agree with Java on two fixed states. */
    private static void selfCheck(NativePoseidon2 permutation) throws NativeUnavailableException {
        Fr max = Fr.of(-1);
        Fr[][] states = {{Fr.of(0), Fr.of(1), Fr.of(2), Fr.of(3)}, {max, max, max, max}};
        for (Fr[] state : states) {
            long[] expected = Poseidon2Permutation.newWorkArray();
            long[] actual = Poseidon2Permutation.newWorkArray();
            for (int i = 0; i < state.length; i++) {
                state[i].copyMontgomeryLimbs(expected, i * L);
                state[i].copyMontgomeryLimbs(actual, i * L);
            }
            JavaPermutation.INSTANCE.permute(expected);
            permutation.permute(actual);
            if (!Arrays.equals(expected, 0, 4 * L, actual, 0, 4 * L)) {
                throw new NativeUnavailableException("native library disagrees with the Java permutation on "
                        + Arrays.toString(state));
            }
        }
    }

    private static native int init(long[] parameters);

    /** Permutes state[0..15] (four canonical elements in Montgomery limbs) in place. */
    private static native void permuteState(long[] state);

    /** The same with the portable C arithmetic whatever the CPU (for tests). */
    private static native void permuteStatePortable(long[] state);

    /** Which arithmetic init chose for this CPU: 0 portable C, 1 BMI2/ADX assembly. */
    private static native int variant();
}
