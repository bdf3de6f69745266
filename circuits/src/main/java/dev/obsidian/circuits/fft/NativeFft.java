package dev.obsidian.circuits.fft;

import dev.obsidian.circuits.msm.Msm;

/**
 * The C butterflies (src/main/c/bn254_fft.c, in the native MSM library) on the same Montgomery limbs as
 * {@link Domain}'s Java loop. Used when that library loaded and has them; set {@code -Dobsidian.fft.native=false}
 * to force the Java loop.
 */
final class NativeFft {
  private static final boolean AVAILABLE = probe();

  private NativeFft() {}

  static boolean available() {
    return AVAILABLE;
  }

  /**
   * For each stage len = fromLen, 2·fromLen, ..., toLen: butterflies from..to-1 of that stage, as
   * {@code Domain.butterflies} does them.
   */
  static native void butterflies(long[] values, long[] roots, int size, int fromLen, int toLen, int from, int to);

  private static boolean probe() {
    if (!Boolean.parseBoolean(System.getProperty("obsidian.fft.native", "true")) || !Msm.nativeKernelAvailable()) {
      return false;
    }
    try {
      // one butterfly of a size-2 transform with ω = 0 (limbs only, no arithmetic meaning needed): checks the symbol
      butterflies(new long[8], new long[4], 2, 2, 2, 0, 1);
      return true;
    } catch (UnsatisfiedLinkError e) {
      System.err.println("obsidian: native FFT unavailable (" + e.getMessage() + "); using the Java loop");
      return false;
    }
  }
}
