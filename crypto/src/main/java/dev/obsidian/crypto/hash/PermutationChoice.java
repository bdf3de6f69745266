package dev.obsidian.crypto.hash;

import java.util.Locale;

/**
 * Picks the Poseidon2 permutation once per JVM: the native library where it loads (and passes its self-check),
 * otherwise the Java one. {@code -Dobsidian.crypto.native=false} forces Java. One log line says which is used.
 */
final class PermutationChoice {
    static final String PROPERTY = "obsidian.crypto.native";

    /** The chosen permutation and why. */
    record Outcome(Permutation permutation, String reason) {
        String logLine() {
            return "Poseidon2 uses the " + permutation.implementation() + " implementation (" + reason + ")";
        }
    }

    /** Where a native permutation comes from; a seam so tests can make it fail. */
    interface NativeSource {
        Permutation load() throws NativeUnavailableException;
    }

    /** The choice for this JVM, made (and logged) when Poseidon2 is first used. */
    static final Outcome DEFAULT = logged(choose(System.getProperty(PROPERTY), NativePoseidon2::instance));

    private PermutationChoice() {
    }

    /**
     * The permutation for a value of {@value #PROPERTY}: null or "true" prefers native, "false" means Java.
     *
     * @throws IllegalArgumentException for any other value
     */
    static Outcome choose(String propertyValue, NativeSource nativeSource) {
        String value = propertyValue == null ? "true" : propertyValue.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "false":
                return new Outcome(JavaPermutation.INSTANCE, "native disabled by -D" + PROPERTY + "=false");
            case "true":
                break;
            default:
                throw new IllegalArgumentException(PROPERTY + " must be true or false, got '" + propertyValue + "'");
        }
        try {
            Permutation permutation = nativeSource.load();
            String variant = permutation instanceof NativePoseidon2 loaded ? ", " + loaded.variantName() : "";
            return new Outcome(permutation,
                    "library " + NativeLibraryLoader.resourcePath(NativePoseidon2.LIBRARY) + variant);
        } catch (NativeUnavailableException e) {
            return new Outcome(JavaPermutation.INSTANCE, "native unavailable: " + e.getMessage());
        }
    }

    private static Outcome logged(Outcome outcome) {
        // Only the slow path is worth a line on stderr: CLI commands that hash should print just their results.
        System.Logger.Level level =
                outcome.permutation() == JavaPermutation.INSTANCE ? System.Logger.Level.INFO : System.Logger.Level.DEBUG;
        System.getLogger(Poseidon2.class.getName()).log(level, outcome.logLine());
        return outcome;
    }
}
