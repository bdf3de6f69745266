package dev.obsidian.circuits.bn254;

import dev.obsidian.crypto.field.Fq;
import dev.obsidian.crypto.field.Fr;
import java.math.BigInteger;
import java.util.List;

/**
 * The optimal ate pairing e: G1 × G2 → GT ⊂ Fq12* of BN254 (raised to a fixed power m coprime to r, see
 * {@link #finalExponentiation}), and
 * products of pairings sharing one Miller loop accumulator and one final exponentiation (what verifiers need).
 *
 * <p>Facts used (BN254 parameters, as in EIP-197): curve parameter u = 4965661367192848881, Miller loop length
 * 6u + 2, the twist map ψ(x, y) = (x·w², y·w³) with w⁶ = ξ, and the Frobenius twist π(x, y) = (x̄·γ₂, ȳ·γ₃).
 */
public final class Pairing {
  /** The BN parameter u (the "x" of BN curves). */
  static final BigInteger U = new BigInteger("4965661367192848881");
  static final BigInteger LOOP = U.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO);
  static final BigInteger P = Fq.MODULUS;
  /** (p⁴ - p² + 1)/r: the hard part of the final exponent. */
  static final BigInteger HARD_EXPONENT = P.pow(4).subtract(P.pow(2)).add(BigInteger.ONE).divide(Fr.MODULUS);

  private Pairing() {}

  /** A pair of points whose pairings are multiplied. */
  public record Pair(G1Point p, G2Point q) {}

  public static Fq12 pair(G1Point p, G2Point q) {
    return finalExponentiation(millerLoop(List.of(new Pair(p, q))));
  }

  /** Π e(p_i, q_i) with one final exponentiation. */
  public static Fq12 product(List<Pair> pairs) {
    return finalExponentiation(millerLoop(pairs));
  }

  /** True iff Π e(p_i, q_i) = 1. */
  public static boolean productIsOne(List<Pair> pairs) {
    return product(pairs).isOne();
  }

  /** The product of the Miller loop values f_{6u+2,Q}(P)·lines for the Frobenius steps, over all pairs. */
  static Fq12 millerLoop(List<Pair> pairs) {
    List<Pair> live = pairs.stream().filter(x -> !x.p().isInfinity() && !x.q().isInfinity()).toList();
    int n = live.size();
    G2Point[] t = new G2Point[n];
    for (int k = 0; k < n; k++) {
      t[k] = live.get(k).q();
    }
    Fq12 f = Fq12.ONE;
    for (int i = LOOP.bitLength() - 2; i >= 0; i--) {
      f = f.square();
      for (int k = 0; k < n; k++) {
        Step step = lineThrough(t[k], t[k], live.get(k).p());
        f = f.mul(step.line());
        t[k] = step.sum();
      }
      if (LOOP.testBit(i)) {
        for (int k = 0; k < n; k++) {
          Step step = lineThrough(t[k], live.get(k).q(), live.get(k).p());
          f = f.mul(step.line());
          t[k] = step.sum();
        }
      }
    }
    for (int k = 0; k < n; k++) {
      G2Point q1 = frobenius(live.get(k).q());
      G2Point q2 = frobenius(q1).negate();
      Step step = lineThrough(t[k], q1, live.get(k).p());
      f = f.mul(step.line());
      step = lineThrough(step.sum(), q2, live.get(k).p());
      f = f.mul(step.line());
    }
    return f;
  }

  private record Step(Fq12 line, G2Point sum) {}

  /**
   * The line through ψ(t) and ψ(q) (the tangent when t = q) evaluated at p, and t + q. For slope λ on the twist the
   * line is y_P - λ·x_P·w + (λ·x_T - y_T)·w³; a vertical line is x_P - x_T·w².
   */
  private static Step lineThrough(G2Point t, G2Point q, G1Point p) {
    Fq2 lambda;
    if (t.x().equals(q.x())) {
      if (!t.y().equals(q.y()) || t.y().isZero()) {
        Fq2 xp = new Fq2(p.x(), Fq.ZERO);
        return new Step(Fq12.fromCoefficients(new Fq2[] {xp, Fq2.ZERO, t.x().neg(), Fq2.ZERO, Fq2.ZERO, Fq2.ZERO}),
            G2Point.INFINITY);
      }
      Fq2 xx = t.x().square();
      lambda = xx.add(xx).add(xx).mul(t.y().dbl().inverse());
    } else {
      lambda = q.y().sub(t.y()).mul(q.x().sub(t.x()).inverse());
    }
    Fq2 x3 = lambda.square().sub(t.x()).sub(q.x());
    Fq2 y3 = lambda.mul(t.x().sub(x3)).sub(t.y());
    Fq2 c0 = new Fq2(p.y(), Fq.ZERO);
    Fq2 c1 = lambda.mulScalar(p.x()).neg();
    Fq2 c3 = lambda.mul(t.x()).sub(t.y());
    Fq12 line = Fq12.fromCoefficients(new Fq2[] {c0, c1, Fq2.ZERO, c3, Fq2.ZERO, Fq2.ZERO});
    return new Step(line, new G2Point(x3, y3));
  }

  /** π(x, y) = (x̄·γ₂, ȳ·γ₃): the p-power Frobenius of E(Fq12) seen through the twist. */
  static G2Point frobenius(G2Point q) {
    return new G2Point(q.x().conjugate().mul(Fq12.frobeniusGamma(2)), q.y().conjugate().mul(Fq12.frobeniusGamma(3)));
  }

  /**
   * f^((p⁶ - 1)(p² + 1)·m·(p⁴ - p² + 1)/r) with m = 2u(6u² + 3u + 1): the easy part, then the hard part as the
   * addition chain of Fuentes-Castañeda, Knapp and Rodríguez-Henríquez ("Faster hashing to G2", 2011) in u-powers
   * and Frobenius maps. The extra factor m is coprime to r, so this is still a non-degenerate bilinear pairing, and
   * it is the same value snarkjs (ffjavascript) computes, so our vk_alphabeta_12 matches theirs.
   */
  static Fq12 finalExponentiation(Fq12 f) {
    Fq12 easy = f.conjugate().mul(f.inverse());
    Fq12 r = easy.frobenius(2).mul(easy);
    Fq12 y0 = powNegU(r);
    Fq12 y1 = y0.square();
    Fq12 y2 = y1.square();
    Fq12 y3 = y2.mul(y1);
    Fq12 y4 = powNegU(y3);
    Fq12 y5 = y4.square();
    Fq12 y6 = powNegU(y5).conjugate();
    y3 = y3.conjugate();
    Fq12 y7 = y6.mul(y4);
    Fq12 y8 = y7.mul(y3);
    Fq12 y9 = y8.mul(y1);
    Fq12 y10 = y8.mul(y4);
    Fq12 y11 = y10.mul(r);
    Fq12 y13 = y9.frobenius(1).mul(y11);
    Fq12 y14 = y8.frobenius(2).mul(y13);
    Fq12 y15 = r.conjugate().mul(y9).frobenius(3);
    return y15.mul(y14);
  }

  /** f^(-u) for f in the cyclotomic subgroup, where inversion is conjugation. */
  private static Fq12 powNegU(Fq12 f) {
    return f.pow(U).conjugate();
  }

  /** The textbook hard part f^((p⁴ - p² + 1)/r) after the easy part: the plain reduced pairing (for tests). */
  static Fq12 reducedPairingPower(Fq12 f) {
    Fq12 easy = f.conjugate().mul(f.inverse());
    easy = easy.frobenius(2).mul(easy);
    return easy.pow(HARD_EXPONENT);
  }
}
