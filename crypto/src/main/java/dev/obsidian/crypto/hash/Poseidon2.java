package dev.obsidian.crypto.hash;

import dev.obsidian.crypto.field.Fr;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * Poseidon2 over BN254 Fr exactly as Aztec 4.1.2 uses it: barretenberg's t = 4 permutation and its sponge
 * (rate 3, capacity 1, capacity initialised to inputs.length·2^64, output state[0] after absorbing the last,
 * zero-padded block).
 *
 * <p>The permutation runs in a bundled native library where one was built for this platform, else in Java; both
 * give identical results. {@code -Dobsidian.crypto.native=false} forces the Java one.
 */
public final class Poseidon2 {
    private static final Poseidon2Sponge SPONGE = new Poseidon2Sponge(PermutationChoice.DEFAULT.permutation());

    private Poseidon2() {
    }

    /** The permutation this JVM uses: "native" or "java". */
    public static String implementation() {
        return SPONGE.implementation();
    }

    /**
     * hash2 of every implementation available in this JVM, keyed by name, the one in use first: for benchmarks
     * and cross-checks, not for hashing (use {@link #hash2}).
     */
    public static Map<String, BinaryOperator<Fr>> hash2Implementations() {
        Map<String, BinaryOperator<Fr>> implementations = new LinkedHashMap<>();
        implementations.put(SPONGE.implementation(), SPONGE::hash2);
        Poseidon2Sponge java = new Poseidon2Sponge(JavaPermutation.INSTANCE);
        implementations.putIfAbsent(java.implementation(), java::hash2);
        try {
            Poseidon2Sponge nativeSponge = new Poseidon2Sponge(NativePoseidon2.instance());
            implementations.putIfAbsent(nativeSponge.implementation(), nativeSponge::hash2);
        } catch (NativeUnavailableException e) {
            // not available here: only Java is listed
        }
        return Collections.unmodifiableMap(implementations);
    }

    /** The permutation of a 4-element state, as a new array; the input is left untouched. */
    public static Fr[] permutation(Fr[] state) {
        return SPONGE.permutation(state);
    }

    /** The sponge hash of any number of elements (Aztec's poseidon2Hash). */
    public static Fr hash(Fr... inputs) {
        return SPONGE.hash(inputs);
    }

    /** hash(left, right) with one permutation and no intermediate objects: the Merkle node hash. */
    public static Fr hash2(Fr left, Fr right) {
        return SPONGE.hash2(left, right);
    }

    /**
     * hash([separator, ...inputs]) (Aztec's poseidon2HashWithSeparator). Aztec's separators are u32 values, so
     * the int is read as unsigned: a separator above 2^31 - 1 arrives here as a negative int and means the same u32.
     */
    public static Fr hashWithSeparator(Fr[] inputs, int separator) {
        return SPONGE.hashWithSeparator(inputs, separator);
    }

    /**
     * Aztec's poseidon2HashBytes: split into 31-byte chunks (the last may be shorter), read each chunk as a
     * little-endian integer (Noir's byte order), and hash the resulting elements with {@link #hash}.
     */
    public static Fr hashBytes(byte[] bytes) {
        return SPONGE.hashBytes(bytes);
    }
}
