package dev.obsidian.config;

/**
 * A number of bytes, as read from a HOCON size such as {@code "256 MiB"}. Binary units only: a MiB is 2^20
 * bytes.
 */
public record ByteSize(long bytes) implements Comparable<ByteSize> {

  private static final long KIB = 1L << 10;
  private static final long MIB = 1L << 20;
  private static final long GIB = 1L << 30;

  public ByteSize {
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must not be negative, got " + bytes);
    }
  }

  public static ByteSize ofBytes(long bytes) {
    return new ByteSize(bytes);
  }

  public static ByteSize ofKibibytes(long kibibytes) {
    return new ByteSize(Math.multiplyExact(kibibytes, KIB));
  }

  public static ByteSize ofMebibytes(long mebibytes) {
    return new ByteSize(Math.multiplyExact(mebibytes, MIB));
  }

  public static ByteSize ofGibibytes(long gibibytes) {
    return new ByteSize(Math.multiplyExact(gibibytes, GIB));
  }

  /** The size in bytes, for APIs that take an {@code int}; fails rather than truncating. */
  public int bytesAsInt() {
    return Math.toIntExact(bytes);
  }

  @Override
  public int compareTo(ByteSize other) {
    return Long.compare(bytes, other.bytes);
  }

  /** The largest exact binary unit, in HOCON syntax: {@code "128 MiB"}, {@code "1536 KiB"}, {@code "7 bytes"}. */
  @Override
  public String toString() {
    if (bytes != 0 && bytes % GIB == 0) {
      return bytes / GIB + " GiB";
    }
    if (bytes != 0 && bytes % MIB == 0) {
      return bytes / MIB + " MiB";
    }
    if (bytes != 0 && bytes % KIB == 0) {
      return bytes / KIB + " KiB";
    }
    return bytes + " bytes";
  }
}
