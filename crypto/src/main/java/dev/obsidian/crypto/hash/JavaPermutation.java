package dev.obsidian.crypto.hash;

/** The pure-Java permutation: always available, and the reference the native library is checked against. */
final class JavaPermutation implements Permutation {
    static final JavaPermutation INSTANCE = new JavaPermutation();

    private JavaPermutation() {
    }

    @Override
    public void permute(long[] work) {
        Poseidon2Permutation.permute(work);
    }

    @Override
    public String implementation() {
        return "java";
    }

    @Override
    public String toString() {
        return implementation();
    }
}
