package dev.obsidian.circuits.bn254;

import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Many multiples k·G of one base point (trusted setup): a table of d·2^(8j)·G for every byte position j and byte
 * value d, so each product is 32 mixed additions instead of 254 doublings and additions.
 */
public final class FixedBase {
  private static final int WINDOW_BITS = 8;
  private static final int WINDOWS = 32;
  private final Supplier<JacobianSlots> curves;
  private final long[] table;
  private final int aw;
  private final int jw;

  /** @param base an affine point in slots */
  public FixedBase(Supplier<JacobianSlots> curves, long[] base) {
    this.curves = curves;
    JacobianSlots curve = curves.get();
    this.aw = curve.affineWidth();
    this.jw = curve.jacobianWidth();
    int entries = WINDOWS << WINDOW_BITS;
    long[] jacobian = new long[entries * jw];
    long[] windowBase = new long[jw];
    curve.fromAffine(base, 0, windowBase, 0);
    for (int j = 0; j < WINDOWS; j++) {
      int row = j << WINDOW_BITS;
      curve.setInfinity(jacobian, row * jw);
      for (int d = 1; d < (1 << WINDOW_BITS); d++) {
        curve.add(jacobian, (row + d - 1) * jw, windowBase, 0, jacobian, (row + d) * jw);
      }
      for (int s = 0; s < WINDOW_BITS; s++) {
        curve.dbl(windowBase, 0, windowBase, 0);
      }
    }
    this.table = Curves.toAffine(curves, jacobian, entries);
  }

  /** k_i·G for scalars given as plain 4-limb integers, as affine points in slots. */
  public long[] multiply(long[] scalars, int count) {
    long[] jacobian = new long[count * jw];
    int chunks = Math.max(1, Math.min(count / 256, 64));
    int per = (count + chunks - 1) / chunks;
    IntStream.range(0, chunks).parallel().forEach(chunk -> {
      JacobianSlots curve = curves.get();
      for (int i = chunk * per; i < Math.min(count, (chunk + 1) * per); i++) {
        curve.setInfinity(jacobian, i * jw);
        for (int j = 0; j < WINDOWS; j++) {
          int d = (int) (scalars[4 * i + j / 8] >>> (8 * (j % 8))) & 0xFF;
          if (d != 0) {
            curve.addAffine(jacobian, i * jw, table, ((j << WINDOW_BITS) + d) * aw, jacobian, i * jw);
          }
        }
      }
    });
    return Curves.toAffine(curves, jacobian, count);
  }
}
