package dev.obsidian.crypto.hash;

/**
 * One implementation of the Poseidon2 permutation on raw Montgomery limbs: the Java one or the native library.
 * The sponge in {@link Poseidon2Sponge} is written against this, so both run the same hashing code.
 */
interface Permutation {
    /**
     * Permutes the canonical state in {@code work[0..15]} in place; the rest of the work array (see
     * {@link Poseidon2Permutation#newWorkArray()}) is scratch space.
     */
    void permute(long[] work);

    /** "native" or "java", as reported by {@link Poseidon2#implementation()}. */
    String implementation();
}
