package dev.obsidian.circuits.demo;

import dev.obsidian.crypto.field.MontgomeryKernel;

public final class MulMain {
  public static void main(String[] args) {
    MontgomeryKernel k = MontgomeryKernel.BN254_FQ;
    long[] a = new long[8];
    k.setOne(a, 0);
    k.add(a, 0, a, 0, a, 4);
    k.add(a, 4, a, 4, a, 4);
    var bean = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int rep = 0; rep < 5; rep++) {
      int n = 20_000_000;
      long c0 = bean.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) {
        k.mul(a, 0, a, 4, a, 0);
      }
      long c1 = bean.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) {
        k.square(a, 0, a, 0);
      }
      long c2 = bean.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) {
        k.add(a, 0, a, 4, a, 0);
      }
      long c3 = bean.getCurrentThreadCpuTime();
      System.out.printf("mul %.1f ns, square %.1f ns, add %.1f ns (cpu) %d%n", (c1 - c0) / (double) n,
          (c2 - c1) / (double) n, (c3 - c2) / (double) n, a[0]);
    }
  }
}
