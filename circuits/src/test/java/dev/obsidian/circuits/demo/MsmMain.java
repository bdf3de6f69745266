package dev.obsidian.circuits.demo;

import dev.obsidian.circuits.bn254.Curves;
import dev.obsidian.circuits.bn254.FixedBase;
import dev.obsidian.circuits.bn254.G1Point;
import dev.obsidian.circuits.bn254.JacobianSlots;
import dev.obsidian.circuits.msm.Msm;
import java.util.SplittableRandom;

public final class MsmMain {
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
    JacobianSlots c = Curves.g1();
    long[] acc = new long[12];
    c.setInfinity(acc, 0);
    for (int rep = 0; rep < 3; rep++) {
      long cm = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        c.addAffine(acc, 0, bases, 8 * i, acc, 0);
      }
      long t1 = System.nanoTime();
      System.out.printf("madd: %.1f ns wall, %.1f ns cpu%n", (t1 - t0) / (double) n,
          (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cm) / (double) n);
      long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long c0 = os.getProcessCpuTime();
      t0 = System.nanoTime();
      Msm.compute(Curves::g1, bases, scalars, n);
      t1 = System.nanoTime();
      System.out.printf("msm 2^%s: %.3f s wall, %.3f s cpu%n", args[0], (t1 - t0) / 1e9, (os.getProcessCpuTime() - c0) / 1e9);
    }
  }
}
