package dev.obsidian.circuits.bn254;

/** An element c0 + c1·v + c2·v² of Fq6 = Fq2[v]/(v³ - ξ). Immutable. */
public record Fq6(Fq2 c0, Fq2 c1, Fq2 c2) {
  public static final Fq6 ZERO = new Fq6(Fq2.ZERO, Fq2.ZERO, Fq2.ZERO);
  public static final Fq6 ONE = new Fq6(Fq2.ONE, Fq2.ZERO, Fq2.ZERO);

  public Fq6 add(Fq6 o) {
    return new Fq6(c0.add(o.c0), c1.add(o.c1), c2.add(o.c2));
  }

  public Fq6 sub(Fq6 o) {
    return new Fq6(c0.sub(o.c0), c1.sub(o.c1), c2.sub(o.c2));
  }

  public Fq6 neg() {
    return new Fq6(c0.neg(), c1.neg(), c2.neg());
  }

  /** Schoolbook with Karatsuba cross terms (six Fq2 products); v³ folds back as ξ. */
  public Fq6 mul(Fq6 o) {
    Fq2 v0 = c0.mul(o.c0);
    Fq2 v1 = c1.mul(o.c1);
    Fq2 v2 = c2.mul(o.c2);
    Fq2 t0 = c1.add(c2).mul(o.c1.add(o.c2)).sub(v1).sub(v2).mulByXi().add(v0);
    Fq2 t1 = c0.add(c1).mul(o.c0.add(o.c1)).sub(v0).sub(v1).add(v2.mulByXi());
    Fq2 t2 = c0.add(c2).mul(o.c0.add(o.c2)).sub(v0).sub(v2).add(v1);
    return new Fq6(t0, t1, t2);
  }

  public Fq6 mulFq2(Fq2 k) {
    return new Fq6(c0.mul(k), c1.mul(k), c2.mul(k));
  }

  public Fq6 square() {
    return mul(this);
  }

  /** Multiplication by v: (c0 + c1 v + c2 v²)·v = ξ c2 + c0 v + c1 v². */
  public Fq6 mulByV() {
    return new Fq6(c2.mulByXi(), c0, c1);
  }

  /** The inverse via the norm to Fq2; {@link ArithmeticException} for zero. */
  public Fq6 inverse() {
    Fq2 a = c0.square().sub(c1.mul(c2).mulByXi());
    Fq2 b = c2.square().mulByXi().sub(c0.mul(c1));
    Fq2 c = c1.square().sub(c0.mul(c2));
    Fq2 norm = c0.mul(a).add(c2.mul(b).add(c1.mul(c)).mulByXi());
    Fq2 inv = norm.inverse();
    return new Fq6(a.mul(inv), b.mul(inv), c.mul(inv));
  }

  public boolean isZero() {
    return c0.isZero() && c1.isZero() && c2.isZero();
  }
}
