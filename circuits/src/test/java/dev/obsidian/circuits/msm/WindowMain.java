package dev.obsidian.circuits.msm;

import dev.obsidian.circuits.bn254.Curves;
import dev.obsidian.circuits.bn254.FixedBase;
import dev.obsidian.circuits.bn254.G1Point;
import java.util.SplittableRandom;

public final class WindowMain {
  public static void main(String[] args) {
    int n = 1 << Integer.parseInt(args[0]);
    SplittableRandom random = new SplittableRandom(1);
    long[] scalars = new long[4 * n];
    for (int i = 0; i < 4 * n; i++) {
      scalars[i] = random.nextLong();
    }
    for (int i = 0; i < n; i++) {
      scalars[4 * i + 3] &= 0x0fffffffffffffffL;
    }
    long[] bases = new FixedBase(Curves::g1, G1Point.GENERATOR.toSlots()).multiply(scalars, n);
    var bean = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int c : new int[] {10, 11, 12, 13}) {
      int windows = (255 + c - 1) / c;
      long c0 = bean.getCurrentThreadCpuTime();
      int[] digits = Msm.signedDigits(scalars, n, c, windows);
      long c1 = bean.getCurrentThreadCpuTime();
      long[] out = new long[12];
      for (int rep = 0; rep < 2; rep++) {
        long c2 = bean.getCurrentThreadCpuTime();
        NativeMsm.windowSum(false, bases, digits, n, windows, 3, 1 << (c - 1), out);
        long c3 = bean.getCurrentThreadCpuTime();
        System.out.printf("c=%d digits %.3f s (parallel), one window %.4f s cpu -> all windows %.3f s%n", c,
            (c1 - c0) / 1e9, (c3 - c2) / 1e9, windows * (c3 - c2) / 1e9);
      }
    }
  }
}
