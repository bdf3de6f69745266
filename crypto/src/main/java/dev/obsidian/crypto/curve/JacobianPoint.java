package dev.obsidian.crypto.curve;

import dev.obsidian.crypto.field.Fr;

/**
 * A Grumpkin point in Jacobian coordinates (x = X/Z^2, y = Y/Z^3), the working form of all arithmetic: it needs no
 * field inversion per operation. Z = 0 encodes the point at infinity. Formulas are the a = 0 ones from the
 * Explicit-Formulas Database (dbl-2009-l, add-2007-bl, madd-2007-bl).
 */
record JacobianPoint(Fr x, Fr y, Fr z) {

  static final JacobianPoint INFINITY = new JacobianPoint(Fr.ONE, Fr.ONE, Fr.ZERO);

  static JacobianPoint fromAffine(GrumpkinPoint p) {
    return p.isInfinity() ? INFINITY : new JacobianPoint(p.x(), p.y(), Fr.ONE);
  }

  boolean isInfinity() {
    return z.isZero();
  }

  GrumpkinPoint toAffine() {
    if (isInfinity()) {
      return GrumpkinPoint.INFINITY;
    }
    return toAffine(z.inverse());
  }

  /** Affine form given 1/Z, so callers can share one inversion across many points. */
  GrumpkinPoint toAffine(Fr zInverse) {
    Fr zInverseSquared = zInverse.square();
    return GrumpkinPoint.trusted(x.mul(zInverseSquared), y.mul(zInverseSquared).mul(zInverse));
  }

  JacobianPoint negate() {
    return isInfinity() ? this : new JacobianPoint(x, y.neg(), z);
  }

  JacobianPoint twice() {
    if (isInfinity() || y.isZero()) {
      return INFINITY;
    }
    Fr a = x.square();
    Fr b = y.square();
    Fr c = b.square();
    Fr d = times2(x.add(b).square().sub(a).sub(c));
    Fr e = a.add(a).add(a);
    Fr f = e.square();
    Fr x3 = f.sub(times2(d));
    Fr eightC = times2(times2(times2(c)));
    Fr y3 = e.mul(d.sub(x3)).sub(eightC);
    Fr z3 = times2(y.mul(z));
    return new JacobianPoint(x3, y3, z3);
  }

  JacobianPoint add(JacobianPoint other) {
    if (isInfinity()) {
      return other;
    }
    if (other.isInfinity()) {
      return this;
    }
    Fr z1z1 = z.square();
    Fr z2z2 = other.z.square();
    Fr u1 = x.mul(z2z2);
    Fr u2 = other.x.mul(z1z1);
    Fr s1 = y.mul(other.z).mul(z2z2);
    Fr s2 = other.y.mul(z).mul(z1z1);
    Fr h = u2.sub(u1);
    Fr r = times2(s2.sub(s1));
    if (h.isZero()) {
      return r.isZero() ? twice() : INFINITY;
    }
    Fr i = times2(h).square();
    Fr j = h.mul(i);
    Fr v = u1.mul(i);
    Fr x3 = r.square().sub(j).sub(times2(v));
    Fr y3 = r.mul(v.sub(x3)).sub(times2(s1.mul(j)));
    Fr z3 = z.add(other.z).square().sub(z1z1).sub(z2z2).mul(h);
    return new JacobianPoint(x3, y3, z3);
  }

  /** Adds an affine point (Z = 1), which saves five multiplications over {@link #add(JacobianPoint)}. */
  JacobianPoint addAffine(GrumpkinPoint other) {
    if (other.isInfinity()) {
      return this;
    }
    if (isInfinity()) {
      return fromAffine(other);
    }
    Fr z1z1 = z.square();
    Fr u2 = other.x().mul(z1z1);
    Fr s2 = other.y().mul(z).mul(z1z1);
    Fr h = u2.sub(x);
    Fr r = times2(s2.sub(y));
    if (h.isZero()) {
      return r.isZero() ? twice() : INFINITY;
    }
    Fr hh = h.square();
    Fr i = times2(times2(hh));
    Fr j = h.mul(i);
    Fr v = x.mul(i);
    Fr x3 = r.square().sub(j).sub(times2(v));
    Fr y3 = r.mul(v.sub(x3)).sub(times2(y.mul(j)));
    Fr z3 = z.add(h).square().sub(z1z1).sub(hh);
    return new JacobianPoint(x3, y3, z3);
  }

  /** Converts many points with one shared field inversion (Montgomery's trick). */
  static GrumpkinPoint[] toAffine(JacobianPoint[] points) {
    Fr[] zs = new Fr[points.length];
    for (int i = 0; i < points.length; i++) {
      zs[i] = points[i].isInfinity() ? Fr.ONE : points[i].z;
    }
    Fr[] inverses = Fr.batchInverse(zs);
    GrumpkinPoint[] affine = new GrumpkinPoint[points.length];
    for (int i = 0; i < points.length; i++) {
      affine[i] = points[i].isInfinity() ? GrumpkinPoint.INFINITY : points[i].toAffine(inverses[i]);
    }
    return affine;
  }

  private static Fr times2(Fr v) {
    return v.add(v);
  }
}
