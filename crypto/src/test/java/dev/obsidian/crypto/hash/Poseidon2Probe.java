package dev.obsidian.crypto.hash;

import dev.obsidian.crypto.field.Fr;

/** Run in a child JVM by {@link PermutationChoiceTest}: prints the implementation in use and hash2(1, 2). */
public final class Poseidon2Probe {
    private Poseidon2Probe() {
    }

    public static void main(String[] args) {
        System.out.println(Poseidon2.implementation() + " " + Poseidon2.hash2(Fr.of(1), Fr.of(2)).toHex());
    }
}
