package dev.obsidian.crypto.hash;

/** Why the native Poseidon2 library cannot be used here; the caller falls back to the Java permutation. */
final class NativeUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    NativeUnavailableException(String reason) {
        super(reason);
    }

    NativeUnavailableException(String reason, Throwable cause) {
        super(reason + ": " + cause, cause);
    }
}
