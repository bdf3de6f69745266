package dev.obsidian.circuits.msm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The C bucket kernel (src/main/c/bn254_msm.c) for one Pippenger window, on the same Montgomery limbs as the Java
 * code. Loaded from the class path ({@code native/<os>-<arch>/libobsidian_msm.so}) when the build made it; set
 * {@code -Dobsidian.msm.native=false} to force the Java kernel.
 */
final class NativeMsm {
  private static final String LIBRARY = "obsidian_msm";
  private static final boolean AVAILABLE = load();

  private NativeMsm() {}

  static boolean available() {
    return AVAILABLE;
  }

  /** Σ_b (b + 1)·bucket_b for one window, written as a Jacobian point (12 longs for G1, 24 for G2) into out. */
  static native void windowSum(boolean g2, long[] bases, int[] digits, int count, int windows, int window,
      int bucketCount, long[] out);

  private static boolean load() {
    if (!Boolean.parseBoolean(System.getProperty("obsidian.msm.native", "true"))) {
      return false;
    }
    String resource = "native/" + platform() + "/" + System.mapLibraryName(LIBRARY);
    try (InputStream in = NativeMsm.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return false;
      }
      Path file = Files.createTempFile("obsidian-msm-", "-" + System.mapLibraryName(LIBRARY));
      try {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        System.load(file.toAbsolutePath().toString());
      } finally {
        Files.deleteIfExists(file); // a loaded library stays mapped after its file is gone
      }
      return true;
    } catch (IOException | UnsatisfiedLinkError | SecurityException e) {
      System.err.println("obsidian: native MSM unavailable (" + e.getMessage() + "); using the Java kernel");
      return false;
    }
  }

  private static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String osName = os.startsWith("linux") ? "linux" : os.replace(' ', '_');
    String archName = switch (arch) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64", "arm64" -> "aarch64";
      default -> arch;
    };
    return osName + "-" + archName;
  }
}
