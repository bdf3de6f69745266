package dev.obsidian.crypto.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.crypto.field.Fr;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class Poseidon2InputTest {
    @Test
    void permutationNeedsFourElements() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Poseidon2.permutation(new Fr[] {Fr.ONE, Fr.ONE, Fr.ONE}));
        assertTrue(e.getMessage().contains("3"), e.getMessage());
        assertThrows(NullPointerException.class, () -> Poseidon2.permutation(new Fr[] {Fr.ONE, null, Fr.ONE, Fr.ONE}));
        assertThrows(NullPointerException.class, () -> Poseidon2.hash2(Fr.ONE, null));
        assertThrows(NullPointerException.class, () -> Poseidon2.hash((Fr) null));
    }

    @Test
    void separatorIsReadAsUnsigned32Bits() {
        Fr[] inputs = {Fr.of(7)};
        assertEquals(Poseidon2.hash(Fr.of(0xFFFF_FFFFL), Fr.of(7)), Poseidon2.hashWithSeparator(inputs, -1));
        assertNotEquals(Poseidon2.hash(Fr.of(-1), Fr.of(7)), Poseidon2.hashWithSeparator(inputs, -1));
    }

    /** The allocation-light hash2 path and the general sponge must agree (both are also checked against vectors). */
    @Property(tries = 200)
    void hash2AgreesWithSponge(@ForAll long a, @ForAll long b) {
        assertEquals(Poseidon2.hash(Fr.of(a), Fr.of(b)), Poseidon2.hash2(Fr.of(a), Fr.of(b)));
    }
}
