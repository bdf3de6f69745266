package dev.obsidian.circuits.bn254;

/**
 * Point arithmetic on y² = x³ + b (a = 0) over any {@link FieldSlots} field, allocation-free. A Jacobian point
 * (X, Y, Z) stands for (X/Z², Y/Z³) and takes 3 field slots; Z = 0 is the point at infinity. An affine point takes
 * 2 slots and (0, 0) is infinity (never on these curves since b ≠ 0). Holds scratch space: one instance per thread.
 * Formulas: dbl-2009-l, madd-2007-bl and add-2007-bl from the Explicit-Formulas Database (a = 0 Jacobian).
 */
public final class JacobianSlots {
  private final FieldSlots f;
  private final int w;
  private final long[] s;
  private static final int A = 0, B = 1, C = 2, D = 3, E = 4, F = 5, G = 6, H = 7, I = 8, J = 9, R = 10, V = 11;

  public JacobianSlots(FieldSlots field) {
    this.f = field;
    this.w = field.width();
    this.s = new long[14 * w];
  }

  public FieldSlots field() {
    return f;
  }

  /** Longs per Jacobian point. */
  public int jacobianWidth() {
    return 3 * w;
  }

  /** Longs per affine point. */
  public int affineWidth() {
    return 2 * w;
  }

  private int at(int slot) {
    return slot * w;
  }

  public boolean isInfinity(long[] p, int pi) {
    return f.isZero(p, pi + 2 * w);
  }

  public boolean isAffineInfinity(long[] q, int qi) {
    return f.isZero(q, qi) && f.isZero(q, qi + w);
  }

  public void setInfinity(long[] out, int oi) {
    f.setOne(out, oi);
    f.setOne(out, oi + w);
    f.setZero(out, oi + 2 * w);
  }

  public void copy(long[] p, int pi, long[] out, int oi) {
    System.arraycopy(p, pi, out, oi, 3 * w);
  }

  /** Jacobian from affine (Z = 1, or infinity). */
  public void fromAffine(long[] q, int qi, long[] out, int oi) {
    if (isAffineInfinity(q, qi)) {
      setInfinity(out, oi);
      return;
    }
    f.copy(q, qi, out, oi);
    f.copy(q, qi + w, out, oi + w);
    f.setOne(out, oi + 2 * w);
  }

  /** Affine (x, y) = (X/Z², Y/Z³), or (0, 0) for infinity. */
  public void toAffine(long[] p, int pi, long[] out, int oi) {
    if (isInfinity(p, pi)) {
      f.setZero(out, oi);
      f.setZero(out, oi + w);
      return;
    }
    f.inverse(p, pi + 2 * w, s, at(A));
    f.square(s, at(A), s, at(B));
    f.mul(s, at(A), s, at(B), s, at(C));
    f.mul(p, pi, s, at(B), out, oi);
    f.mul(p, pi + w, s, at(C), out, oi + w);
  }

  /** Affine form from a Jacobian point whose 1/Z is already known (batch normalisation). */
  public void toAffineWithInverseZ(long[] p, int pi, long[] inverseZ, int zi, long[] out, int oi) {
    f.square(inverseZ, zi, s, at(B));
    f.mul(inverseZ, zi, s, at(B), s, at(C));
    f.mul(p, pi, s, at(B), out, oi);
    f.mul(p, pi + w, s, at(C), out, oi + w);
  }

  public void negate(long[] p, int pi, long[] out, int oi) {
    f.copy(p, pi, out, oi);
    f.neg(p, pi + w, out, oi + w);
    f.copy(p, pi + 2 * w, out, oi + 2 * w);
  }

  /** out = 2p (dbl-2009-l); out may alias p. */
  public void dbl(long[] p, int pi, long[] out, int oi) {
    if (isInfinity(p, pi)) {
      copy(p, pi, out, oi);
      return;
    }
    int x = pi, y = pi + w, z = pi + 2 * w;
    f.square(p, x, s, at(A));
    f.square(p, y, s, at(B));
    f.square(s, at(B), s, at(C));
    f.add(p, x, s, at(B), s, at(D));
    f.square(s, at(D), s, at(D));
    f.sub(s, at(D), s, at(A), s, at(D));
    f.sub(s, at(D), s, at(C), s, at(D));
    f.dbl(s, at(D), s, at(D));
    f.dbl(s, at(A), s, at(E));
    f.add(s, at(E), s, at(A), s, at(E));
    f.square(s, at(E), s, at(F));
    // Z3 = 2YZ first: it reads Y and Z before X3, Y3 overwrite an aliased p
    f.mul(p, y, p, z, s, at(G));
    f.dbl(s, at(G), out, oi + 2 * w);
    f.dbl(s, at(D), s, at(H));
    f.sub(s, at(F), s, at(H), out, oi);
    f.sub(s, at(D), out, oi, s, at(H));
    f.mul(s, at(E), s, at(H), s, at(H));
    f.dbl(s, at(C), s, at(C));
    f.dbl(s, at(C), s, at(C));
    f.dbl(s, at(C), s, at(C));
    f.sub(s, at(H), s, at(C), out, oi + w);
  }

  /** out = p + q for affine q (madd-2007-bl); out may alias p. */
  public void addAffine(long[] p, int pi, long[] q, int qi, long[] out, int oi) {
    if (isAffineInfinity(q, qi)) {
      copy(p, pi, out, oi);
      return;
    }
    if (isInfinity(p, pi)) {
      fromAffine(q, qi, out, oi);
      return;
    }
    int x1 = pi, y1 = pi + w, z1 = pi + 2 * w;
    f.square(p, z1, s, at(A)); // Z1Z1
    f.mul(q, qi, s, at(A), s, at(B)); // U2
    f.mul(p, z1, s, at(A), s, at(C));
    f.mul(q, qi + w, s, at(C), s, at(C)); // S2
    f.sub(s, at(B), p, x1, s, at(H)); // H
    f.sub(s, at(C), p, y1, s, at(R));
    if (f.isZero(s, at(H))) {
      if (f.isZero(s, at(R))) {
        dbl(p, pi, out, oi);
      } else {
        setInfinity(out, oi);
      }
      return;
    }
    f.dbl(s, at(R), s, at(R)); // r = 2(S2 - Y1)
    f.square(s, at(H), s, at(D)); // HH
    f.dbl(s, at(D), s, at(I));
    f.dbl(s, at(I), s, at(I)); // I = 4HH
    f.mul(s, at(H), s, at(I), s, at(J)); // J
    f.mul(p, x1, s, at(I), s, at(V)); // V
    // Z3 = (Z1 + H)² - Z1Z1 - HH
    f.add(p, z1, s, at(H), s, at(E));
    f.square(s, at(E), s, at(E));
    f.sub(s, at(E), s, at(A), s, at(E));
    f.sub(s, at(E), s, at(D), s, at(E));
    // 2·Y1·J before Y1 may be overwritten
    f.mul(p, y1, s, at(J), s, at(G));
    f.dbl(s, at(G), s, at(G));
    f.square(s, at(R), s, at(F));
    f.sub(s, at(F), s, at(J), s, at(F));
    f.sub(s, at(F), s, at(V), s, at(F));
    f.sub(s, at(F), s, at(V), s, at(F)); // X3
    f.sub(s, at(V), s, at(F), s, at(V));
    f.mul(s, at(R), s, at(V), s, at(V));
    f.sub(s, at(V), s, at(G), out, oi + w);
    f.copy(s, at(F), out, oi);
    f.copy(s, at(E), out, oi + 2 * w);
  }

  /** out = p + q for Jacobian p, q (add-2007-bl); out may alias either. */
  public void add(long[] p, int pi, long[] q, int qi, long[] out, int oi) {
    if (isInfinity(q, qi)) {
      copy(p, pi, out, oi);
      return;
    }
    if (isInfinity(p, pi)) {
      copy(q, qi, out, oi);
      return;
    }
    f.square(p, pi + 2 * w, s, at(A)); // Z1Z1
    f.square(q, qi + 2 * w, s, at(B)); // Z2Z2
    f.mul(p, pi, s, at(B), s, at(C)); // U1
    f.mul(q, qi, s, at(A), s, at(D)); // U2
    f.mul(p, pi + w, q, qi + 2 * w, s, at(E));
    f.mul(s, at(E), s, at(B), s, at(E)); // S1
    f.mul(q, qi + w, p, pi + 2 * w, s, at(F));
    f.mul(s, at(F), s, at(A), s, at(F)); // S2
    f.sub(s, at(D), s, at(C), s, at(H)); // H
    f.sub(s, at(F), s, at(E), s, at(R));
    if (f.isZero(s, at(H))) {
      if (f.isZero(s, at(R))) {
        dbl(p, pi, out, oi);
      } else {
        setInfinity(out, oi);
      }
      return;
    }
    f.dbl(s, at(R), s, at(R)); // r
    // Z3 = ((Z1 + Z2)² - Z1Z1 - Z2Z2)·H
    f.add(p, pi + 2 * w, q, qi + 2 * w, s, at(G));
    f.square(s, at(G), s, at(G));
    f.sub(s, at(G), s, at(A), s, at(G));
    f.sub(s, at(G), s, at(B), s, at(G));
    f.mul(s, at(G), s, at(H), s, at(G));
    f.dbl(s, at(H), s, at(I));
    f.square(s, at(I), s, at(I)); // I = (2H)²
    f.mul(s, at(H), s, at(I), s, at(J)); // J
    f.mul(s, at(C), s, at(I), s, at(V)); // V
    f.square(s, at(R), s, at(A));
    f.sub(s, at(A), s, at(J), s, at(A));
    f.sub(s, at(A), s, at(V), s, at(A));
    f.sub(s, at(A), s, at(V), s, at(A)); // X3
    f.mul(s, at(E), s, at(J), s, at(B));
    f.dbl(s, at(B), s, at(B)); // 2·S1·J
    f.sub(s, at(V), s, at(A), s, at(V));
    f.mul(s, at(R), s, at(V), s, at(V));
    f.sub(s, at(V), s, at(B), out, oi + w);
    f.copy(s, at(A), out, oi);
    f.copy(s, at(G), out, oi + 2 * w);
  }

  /** out = k·p for an affine p and a scalar given as little-endian plain 64-bit limbs (double-and-add). */
  public void scalarMul(long[] q, int qi, long[] scalarLimbs, long[] out, int oi) {
    long[] acc = new long[3 * w];
    setInfinity(acc, 0);
    for (int bit = scalarLimbs.length * 64 - 1; bit >= 0; bit--) {
      dbl(acc, 0, acc, 0);
      if (((scalarLimbs[bit >>> 6] >>> (bit & 63)) & 1) != 0) {
        addAffine(acc, 0, q, qi, acc, 0);
      }
    }
    copy(acc, 0, out, oi);
  }
}
