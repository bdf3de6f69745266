package dev.obsidian.crypto.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.obsidian.crypto.field.Fr;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The native permutation against the Java one, which the vector tests check against Aztec's values. */
class NativePoseidon2Test {
    private static final BigInteger P = Fr.MODULUS;

    @Test
    void nativeIsBuiltLoadedAndInUseWhereGccExists() {
        assumeTrue(Poseidon2Implementations.nativeExpected(), "no gcc here: the build ships no native library");
        assertTrue(NativeLibraryLoader.isBundled(NativePoseidon2.LIBRARY),
                "missing on the class path: " + NativeLibraryLoader.resourcePath(NativePoseidon2.LIBRARY));
        assertEquals("native", Poseidon2Implementations.nativeSponge().implementation());
        assertEquals("native", Poseidon2.implementation(), PermutationChoice.DEFAULT.logLine());
        assertEquals(List.of("native", "java"), List.copyOf(Poseidon2.hash2Implementations().keySet()));
    }

    @Provide
    Arbitrary<Fr> elements() {
        Arbitrary<BigInteger> anywhere = Arbitraries.bigIntegers().between(BigInteger.ZERO, P.subtract(BigInteger.ONE));
        Arbitrary<BigInteger> nearEdges = Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
                P.subtract(BigInteger.ONE), P.subtract(BigInteger.TWO), BigInteger.ONE.shiftLeft(253),
                BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
        return Arbitraries.frequencyOf(Tuple.of(4, anywhere), Tuple.of(1, nearEdges)).map(Fr::fromBigInteger);
    }

    @Property(tries = 300)
    void nativeEqualsJavaOnRandomStates(@ForAll @Size(4) List<@From("elements") Fr> state) {
        assumeTrue(Poseidon2Implementations.nativeExpected());
        Fr[] input = state.toArray(Fr[]::new);
        Fr[] expected = new Poseidon2Sponge(JavaPermutation.INSTANCE).permutation(input);
        assertArrayEquals(expected, Poseidon2Implementations.nativeSponge().permutation(input));
        assertArrayEquals(expected, Poseidon2Implementations.nativePortableSponge().permutation(input));
    }

    @Property(tries = 100)
    void nativeEqualsJavaForSpongesOfAnyLength(@ForAll @Size(max = 10) List<@From("elements") Fr> inputs) {
        assumeTrue(Poseidon2Implementations.nativeExpected());
        Fr[] array = inputs.toArray(Fr[]::new);
        assertEquals(new Poseidon2Sponge(JavaPermutation.INSTANCE).hash(array),
                Poseidon2Implementations.nativeSponge().hash(array));
    }

    @Test
    void parametersHaveTheLayoutTheLibraryExpects() {
        long[] parameters = NativePoseidon2.parameters();
        // modulus, 8 full rounds x 4 constants, 56 partial-round constants, 4 diagonal entries; four limbs each
        assertEquals(4 + 8 * 4 * 4 + 56 * 4 + 4 * 4, parameters.length);
        BigInteger modulus = BigInteger.ZERO;
        for (int i = 3; i >= 0; i--) {
            modulus = modulus.shiftLeft(64).add(new BigInteger(Long.toUnsignedString(parameters[i])));
        }
        assertEquals(P, modulus);
    }

    @Test
    void shortStateArrayIsRejected() {
        assumeTrue(Poseidon2Implementations.nativeExpected());
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> NativePoseidon2.instance().permute(new long[15]));
    }
}
