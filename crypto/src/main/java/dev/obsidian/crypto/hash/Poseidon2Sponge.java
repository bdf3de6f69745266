package dev.obsidian.crypto.hash;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.field.MontgomeryKernel;
import java.util.Objects;

/**
 * Aztec's Poseidon2 hashing (see {@link Poseidon2}) over a given permutation, so the Java and native permutations
 * run through identical sponge code and tests can check both.
 */
final class Poseidon2Sponge {
    private static final int L = MontgomeryKernel.LIMBS;
    private static final int RATE = 3;
    private static final int CAPACITY_SLOT = RATE * L;
    private static final int INPUT_SLOT = 4 * L; // first scratch slot, free between permutations
    /** Bytes per field element in hashBytes: 31 so that every chunk is below p. */
    private static final int BYTES_PER_FIELD = 31;
    private static final long[] TWO_INPUT_IV = initialCapacity(2);

    private final Permutation permutation;

    Poseidon2Sponge(Permutation permutation) {
        this.permutation = Objects.requireNonNull(permutation, "permutation");
    }

    /** "native" or "java". */
    String implementation() {
        return permutation.implementation();
    }

    Permutation permutation() {
        return permutation;
    }

    Fr[] permutation(Fr[] state) {
        Objects.requireNonNull(state, "state");
        if (state.length != Poseidon2Constants.WIDTH) {
            throw new IllegalArgumentException("Poseidon2.permutation: state must have 4 elements, got " + state.length);
        }
        long[] work = Poseidon2Permutation.newWorkArray();
        for (int i = 0; i < state.length; i++) {
            Objects.requireNonNull(state[i], "state[" + i + "]").copyMontgomeryLimbs(work, i * L);
        }
        permutation.permute(work);
        Fr[] out = new Fr[Poseidon2Constants.WIDTH];
        for (int i = 0; i < out.length; i++) {
            out[i] = Fr.fromMontgomeryLimbs(work, i * L);
        }
        return out;
    }

    Fr hash(Fr... inputs) {
        Objects.requireNonNull(inputs, "inputs");
        long[] work = Poseidon2Permutation.newWorkArray();
        System.arraycopy(initialCapacity(inputs.length), 0, work, CAPACITY_SLOT, L);
        int blocks = Math.max(1, (inputs.length + RATE - 1) / RATE);
        for (int block = 0; block < blocks; block++) {
            for (int lane = 0; lane < RATE; lane++) {
                int index = block * RATE + lane;
                if (index < inputs.length) {
                    Objects.requireNonNull(inputs[index], "inputs[" + index + "]").copyMontgomeryLimbs(work, INPUT_SLOT);
                    MontgomeryKernel.BN254_FR.add(work, lane * L, work, INPUT_SLOT, work, lane * L);
                }
            }
            permutation.permute(work);
        }
        return Fr.fromMontgomeryLimbs(work, 0);
    }

    Fr hash2(Fr left, Fr right) {
        long[] work = Poseidon2Permutation.newWorkArray();
        Objects.requireNonNull(left, "left").copyMontgomeryLimbs(work, 0);
        Objects.requireNonNull(right, "right").copyMontgomeryLimbs(work, L);
        System.arraycopy(TWO_INPUT_IV, 0, work, CAPACITY_SLOT, L);
        permutation.permute(work);
        return Fr.fromMontgomeryLimbs(work, 0);
    }

    Fr hashWithSeparator(Fr[] inputs, int separator) {
        Objects.requireNonNull(inputs, "inputs");
        Fr[] all = new Fr[inputs.length + 1];
        all[0] = Fr.of(Integer.toUnsignedLong(separator));
        System.arraycopy(inputs, 0, all, 1, inputs.length);
        return hash(all);
    }

    Fr hashBytes(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        int chunks = (bytes.length + BYTES_PER_FIELD - 1) / BYTES_PER_FIELD;
        Fr[] fields = new Fr[chunks];
        for (int chunk = 0; chunk < chunks; chunk++) {
            int start = chunk * BYTES_PER_FIELD;
            int end = Math.min(bytes.length, start + BYTES_PER_FIELD);
            byte[] bigEndian = new byte[end - start];
            for (int i = start; i < end; i++) {
                bigEndian[end - 1 - i] = bytes[i];
            }
            fields[chunk] = Fr.reduceBytesBE(bigEndian);
        }
        return hash(fields);
    }

    /** The capacity element inputs·2^64 in Montgomery form (barretenberg's domain IV). */
    private static long[] initialCapacity(int inputs) {
        long[] limbs = {0, inputs, 0, 0};
        MontgomeryKernel.BN254_FR.toMontgomery(limbs, 0, limbs, 0);
        return limbs;
    }
}
