package dev.obsidian.crypto.hash;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.field.MontgomeryKernel;

/**
 * The barretenberg Poseidon2 permutation (t = 4) on raw Montgomery limbs, so a hash allocates nothing per round.
 *
 * <p>A work array holds the state in slots 0..3 (four limbs each) followed by {@link #SCRATCH_SLOTS} scratch
 * slots; callers allocate it once with {@link #newWorkArray()} and may reuse it.
 */
final class Poseidon2Permutation {
    private static final MontgomeryKernel K = MontgomeryKernel.BN254_FR;
    private static final int L = MontgomeryKernel.LIMBS;
    static final int STATE_SLOTS = Poseidon2Constants.WIDTH;
    static final int SCRATCH_SLOTS = 8;

    private static final int S0 = 0, S1 = L, S2 = 2 * L, S3 = 3 * L;
    private static final int T0 = 4 * L, T1 = 5 * L, T2 = 6 * L, T3 = 7 * L;
    private static final int T4 = 8 * L, T5 = 9 * L, T6 = 10 * L, T7 = 11 * L;

    private static final int HALF_FULL_ROUNDS = Poseidon2Constants.FULL_ROUNDS / 2;
    // Montgomery-form parameters, also handed to the native library (NativePoseidon2.parameters()); never modified
    static final long[] FIRST_FULL_ROUND_CONSTANTS = montgomery(Poseidon2Constants.FIRST_FULL_ROUND_CONSTANTS);
    static final long[] LAST_FULL_ROUND_CONSTANTS = montgomery(Poseidon2Constants.LAST_FULL_ROUND_CONSTANTS);
    static final long[] PARTIAL_ROUND_CONSTANTS = montgomery(new String[][] {Poseidon2Constants.PARTIAL_ROUND_CONSTANTS});
    static final long[] INTERNAL_DIAGONAL_MINUS_ONE =
            montgomery(new String[][] {Poseidon2Constants.INTERNAL_DIAGONAL_MINUS_ONE});

    private Poseidon2Permutation() {
    }

    static long[] newWorkArray() {
        return new long[(STATE_SLOTS + SCRATCH_SLOTS) * L];
    }

    private static long[] montgomery(String[][] rows) {
        int count = 0;
        for (String[] row : rows) {
            count += row.length;
        }
        long[] limbs = new long[count * L];
        int slot = 0;
        for (String[] row : rows) {
            for (String hex : row) {
                Fr.fromHex(hex).copyMontgomeryLimbs(limbs, slot * L);
                slot++;
            }
        }
        return limbs;
    }

    /**
     * Permutes the state held in {@code work[0..15]} in place. Inside, values stay only partially reduced (below 2p,
     * which the two spare bits of p allow), saving the final subtraction of every product; the output is canonical.
     */
    static void permute(long[] work) {
        externalLayer(work);
        for (int round = 0; round < HALF_FULL_ROUNDS; round++) {
            fullRound(work, FIRST_FULL_ROUND_CONSTANTS, round * STATE_SLOTS * L);
        }
        for (int round = 0; round < Poseidon2Constants.PARTIAL_ROUNDS; round++) {
            partialRound(work, round * L);
        }
        for (int round = 0; round < HALF_FULL_ROUNDS; round++) {
            fullRound(work, LAST_FULL_ROUND_CONSTANTS, round * STATE_SLOTS * L);
        }
        for (int i = 0; i < STATE_SLOTS; i++) {
            K.reducePartial(work, i * L);
        }
    }

    private static void fullRound(long[] work, long[] constants, int offset) {
        for (int i = 0; i < STATE_SLOTS; i++) {
            K.addPartial(work, i * L, constants, offset + i * L, work, i * L);
            sbox(work, i * L);
        }
        externalLayer(work);
    }

    private static void partialRound(long[] work, int constantOffset) {
        K.addPartial(work, S0, PARTIAL_ROUND_CONSTANTS, constantOffset, work, S0);
        sbox(work, S0);
        internalLayer(work);
    }

    /** x -> x^5, the smallest exponent coprime to p - 1. */
    private static void sbox(long[] work, int slot) {
        K.squarePartial(work, slot, work, T0);
        K.squarePartial(work, T0, work, T0);
        K.mulPartial(work, slot, work, T0, work, slot);
    }

    /** x_i -> mu_i·x_i + sum(x): barretenberg's internal matrix (diagonal mu_i + 1, ones elsewhere). */
    private static void internalLayer(long[] work) {
        K.addPartial(work, S0, work, S1, work, T0);
        K.addPartial(work, T0, work, S2, work, T0);
        K.addPartial(work, T0, work, S3, work, T0);
        for (int i = 0; i < STATE_SLOTS; i++) {
            K.mulPartial(work, i * L, INTERNAL_DIAGONAL_MINUS_ONE, i * L, work, i * L);
            K.addPartial(work, i * L, work, T0, work, i * L);
        }
    }

    /**
     * Multiplication by the circulant-like MDS matrix [[5,7,1,3],[4,6,1,1],[1,3,5,7],[1,1,4,6]] with the Poseidon2
     * paper's addition chain (14 additions, no products).
     */
    private static void externalLayer(long[] w) {
        K.addPartial(w, S0, w, S1, w, T0);   // a + b
        K.addPartial(w, S2, w, S3, w, T1);   // c + d
        K.addPartial(w, S1, w, S1, w, T2);   // 2b
        K.addPartial(w, T2, w, T1, w, T2);   // 2b + c + d
        K.addPartial(w, S3, w, S3, w, T3);   // 2d
        K.addPartial(w, T3, w, T0, w, T3);   // a + b + 2d
        K.addPartial(w, T1, w, T1, w, T4);   // 2c + 2d
        K.addPartial(w, T4, w, T4, w, T4);   // 4c + 4d
        K.addPartial(w, T4, w, T3, w, T4);   // a + b + 4c + 6d
        K.addPartial(w, T0, w, T0, w, T5);   // 2a + 2b
        K.addPartial(w, T5, w, T5, w, T5);   // 4a + 4b
        K.addPartial(w, T5, w, T2, w, T5);   // 4a + 6b + c + d
        K.addPartial(w, T3, w, T5, w, T6);   // 5a + 7b + c + 3d
        K.addPartial(w, T2, w, T4, w, T7);   // a + 3b + 5c + 7d
        System.arraycopy(w, T6, w, S0, L);
        System.arraycopy(w, T5, w, S1, L);
        System.arraycopy(w, T7, w, S2, L);
        System.arraycopy(w, T4, w, S3, L);
    }
}
