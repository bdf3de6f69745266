package dev.obsidian.crypto.field;

/** An encoding of a field element that is not the unique canonical one (wrong length, or a value not below p). */
public class NonCanonicalEncodingException extends IllegalArgumentException {
    public NonCanonicalEncodingException(String message) {
        super(message);
    }
}
