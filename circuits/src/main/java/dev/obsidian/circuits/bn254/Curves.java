package dev.obsidian.circuits.bn254;

import dev.obsidian.crypto.field.MontgomeryKernel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.stream.IntStream;

/** Bulk helpers on points held in slots: curve factories, batch normalisation, canonical byte encoding. */
public final class Curves {
  private static final MontgomeryKernel FQ = MontgomeryKernel.BN254_FQ;

  private Curves() {}

  public static JacobianSlots g1() {
    return new JacobianSlots(new FqSlots());
  }

  public static JacobianSlots g2() {
    return new JacobianSlots(new Fq2Slots());
  }

  /** Affine forms of {@code count} Jacobian points with one field inversion per chunk (Montgomery's trick). */
  public static long[] toAffine(java.util.function.Supplier<JacobianSlots> curves, long[] jacobian, int count) {
    JacobianSlots probe = curves.get();
    int jw = probe.jacobianWidth();
    int aw = probe.affineWidth();
    int w = probe.field().width();
    long[] out = new long[count * aw];
    int chunks = Math.max(1, Math.min(count / 1024, Runtime.getRuntime().availableProcessors() * 2));
    int per = (count + chunks - 1) / chunks;
    IntStream.range(0, chunks).parallel().forEach(chunk -> {
      int from = chunk * per;
      int to = Math.min(count, from + per);
      if (from >= to) {
        return;
      }
      JacobianSlots curve = curves.get();
      FieldSlots f = curve.field();
      long[] prefix = new long[(to - from) * w];
      long[] running = new long[w];
      f.setOne(running, 0);
      for (int i = from; i < to; i++) {
        if (!curve.isInfinity(jacobian, i * jw)) {
          f.mul(running, 0, jacobian, i * jw + 2 * w, running, 0);
        }
        f.copy(running, 0, prefix, (i - from) * w);
      }
      long[] inverse = new long[w];
      f.inverse(running, 0, inverse, 0);
      long[] zInverse = new long[w];
      for (int i = to - 1; i >= from; i--) {
        if (curve.isInfinity(jacobian, i * jw)) {
          continue; // out stays (0, 0)
        }
        if (i > from) {
          f.mul(inverse, 0, prefix, (i - from - 1) * w, zInverse, 0);
        } else {
          f.copy(inverse, 0, zInverse, 0);
        }
        f.mul(inverse, 0, jacobian, i * jw + 2 * w, inverse, 0);
        curve.toAffineWithInverseZ(jacobian, i * jw, zInverse, 0, out, i * aw);
      }
    });
    return out;
  }

  /** Writes {@code longs} Montgomery limbs (a multiple of 4) as canonical 32-byte big-endian Fq values. */
  public static void writeFq(DataOutputStream out, long[] slots, int offset, int longs) throws IOException {
    long[] plain = new long[4];
    for (int e = 0; e < longs; e += 4) {
      FQ.fromMontgomery(slots, offset + e, plain, 0);
      for (int limb = 3; limb >= 0; limb--) {
        out.writeLong(plain[limb]);
      }
    }
  }

  /** Reads canonical 32-byte big-endian Fq values into Montgomery limbs; rejects values ≥ p naming {@code what}. */
  public static void readFq(DataInputStream in, long[] slots, int offset, int longs, String what) throws IOException {
    for (int e = 0; e < longs; e += 4) {
      long l3 = in.readLong(), l2 = in.readLong(), l1 = in.readLong(), l0 = in.readLong();
      if (!FQ.isCanonical(l0, l1, l2, l3)) {
        throw new IOException(what + ": coordinate is not a canonical Fq value (not below p)");
      }
      slots[offset + e] = l0;
      slots[offset + e + 1] = l1;
      slots[offset + e + 2] = l2;
      slots[offset + e + 3] = l3;
      FQ.toMontgomery(slots, offset + e, slots, offset + e);
    }
  }
}
