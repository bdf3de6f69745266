package dev.obsidian.circuits.msm;

import dev.obsidian.circuits.bn254.JacobianSlots;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Multi-scalar multiplication Σ k_i·P_i by Pippenger's bucket method with signed digits, over any curve given as
 * {@link JacobianSlots}. Each c-bit window puts every point once into the bucket of |digit| (negated for negative
 * digits) with batched affine additions ({@link AffineBuckets}), then sums the 2^(c-1) buckets with weights by a
 * running sum; windows are spread over all cores.
 *
 * <p>Bases are affine points in slots ((0, 0) = infinity); scalars are plain (non-Montgomery) little-endian 4×64-bit
 * integers below 2^254 (any Fr value).
 */
public final class Msm {
  private static final int SCALAR_BITS = 254;

  private Msm() {}

  /**
   * True when the native kernel library (src/main/c) is loaded; it also holds the FFT butterflies
   * ({@code fft.NativeFft}), whose native methods resolve against it once this has loaded it.
   */
  public static boolean nativeKernelAvailable() {
    return NativeMsm.available();
  }

  /**
   * The sum as a Jacobian point (3 field slots).
   *
   * @param curves makes one curve arithmetic (with its own scratch space) per worker thread
   * @param bases {@code count} affine points, {@code curve.affineWidth()} longs each
   * @param scalars {@code count} scalars, 4 longs each
   */
  public static long[] compute(Supplier<JacobianSlots> curves, long[] bases, long[] scalars, int count) {
    return compute(curves, bases, scalars, count, true);
  }

  /** As {@link #compute(Supplier, long[], long[], int)}; {@code allowNative = false} forces the Java kernel. */
  static long[] compute(Supplier<JacobianSlots> curves, long[] bases, long[] scalars, int count,
      boolean allowNative) {
    JacobianSlots main = curves.get();
    int jw = main.jacobianWidth();
    if (bases.length < (long) count * main.affineWidth() || scalars.length < 4L * count) {
      throw new IllegalArgumentException("msm: " + count + " terms need " + count * main.affineWidth()
          + " base longs and " + 4 * count + " scalar longs, got " + bases.length + " and " + scalars.length);
    }
    boolean useNative = allowNative && NativeMsm.available() && (main.field().width() == 4 || main.field().width() == 8);
    int c = windowBits(count);
    int windows = (SCALAR_BITS + 1 + c - 1) / c;
    int[] digits = signedDigits(scalars, count, c, windows);
    long[] windowSums = new long[windows * jw];
    IntStream.range(0, windows).parallel().forEach(window -> {
      if (useNative) {
        long[] sum = new long[jw];
        NativeMsm.windowSum(main.field().width() == 8, bases, digits, count, windows, window, 1 << (c - 1), sum);
        System.arraycopy(sum, 0, windowSums, window * jw, jw);
      } else {
        windowSum(curves.get(), bases, digits, count, windows, window, c, windowSums, window * jw);
      }
    });
    long[] result = new long[jw];
    main.setInfinity(result, 0);
    for (int window = windows - 1; window >= 0; window--) {
      for (int i = 0; i < c; i++) {
        main.dbl(result, 0, result, 0);
      }
      main.add(result, 0, windowSums, window * jw, result, 0);
    }
    return result;
  }

  /**
   * Minimises windows·(n batched affine additions + 2^(c-1) buckets × (one mixed + one full Jacobian addition)),
   * weighting an affine addition as 0.6 and the bucket pair as 2.4 mixed additions.
   */
  static int windowBits(int count) {
    int best = 1;
    double bestCost = Double.MAX_VALUE;
    for (int c = 1; c <= 20; c++) {
      double windows = Math.ceil((SCALAR_BITS + 1.0) / c);
      double cost = windows * (0.6 * count + 1.2 * (1 << c));
      if (cost < bestCost) {
        bestCost = cost;
        best = c;
      }
    }
    return best;
  }

  /**
   * Digits d_w in [-2^(c-1), 2^(c-1)] with k = Σ d_w·2^(cw): a window value above 2^(c-1) becomes value - 2^c and
   * carries one into the next window. Stored by window, digits[w·count + i], so a window reads them in order.
   */
  static int[] signedDigits(long[] scalars, int count, int c, int windows) {
    int[] digits = new int[count * windows];
    int half = 1 << (c - 1);
    int full = 1 << c;
    int mask = full - 1;
    IntStream.range(0, count).parallel().forEach(i -> {
      int carry = 0;
      for (int w = 0; w < windows; w++) {
        int value = bits(scalars, 4 * i, w * c, mask) + carry;
        if (value > half) {
          digits[w * count + i] = value - full;
          carry = 1;
        } else {
          digits[w * count + i] = value;
          carry = 0;
        }
      }
    });
    return digits;
  }

  private static int bits(long[] s, int offset, int lowBit, int mask) {
    if (lowBit >= 256) {
      return 0;
    }
    int limb = lowBit >>> 6;
    int shift = lowBit & 63;
    long value = s[offset + limb] >>> shift;
    if (shift != 0 && limb + 1 < 4) {
      value |= s[offset + limb + 1] << (64 - shift);
    }
    return (int) value & mask;
  }

  private static void windowSum(JacobianSlots curve, long[] bases, int[] digits, int count, int windows, int window,
      int c, long[] out, int outOffset) {
    AffineBuckets buckets = new AffineBuckets(curve, 1 << (c - 1));
    buckets.accumulate(bases, digits, count, windows, window);
    buckets.reduce(out, outOffset);
  }
}
