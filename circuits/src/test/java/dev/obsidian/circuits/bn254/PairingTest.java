package dev.obsidian.circuits.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.crypto.field.Fr;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class PairingTest {
  private static final G1Point P = G1Point.GENERATOR;
  private static final G2Point Q = G2Point.GENERATOR;

  @Test
  void generatorsAreOnTheirCurvesAndHaveOrderR() {
    assertTrue(P.isOnCurve());
    assertTrue(Q.isOnCurve());
    assertTrue(Q.isInSubgroup());
    assertTrue(P.mul(Fr.MODULUS.subtract(BigInteger.ONE)).equals(P.negate()));
  }

  @Test
  void pairingOfGeneratorsIsNotOneButHasOrderR() {
    Fq12 e = Pairing.pair(P, Q);
    assertFalse(e.isOne());
    assertTrue(e.pow(Fr.MODULUS).isOne());
  }

  @Property(tries = 6)
  void bilinear(@ForAll @LongRange(min = 1) long a, @ForAll @LongRange(min = 1) long b) {
    Fr fa = Fr.reduce(BigInteger.valueOf(a).pow(5));
    Fr fb = Fr.reduce(BigInteger.valueOf(b).pow(5));
    Fq12 left = Pairing.pair(P.mul(fa), Q.mul(fb));
    Fq12 right = Pairing.pair(P, Q).pow(fa.mul(fb).toBigInteger());
    assertEquals(right, left);
  }

  @Test
  void fastFinalExponentiationIsTheTextbookOneTimesTheFixedPowerM() {
    Fq12 miller = Pairing.millerLoop(List.of(new Pairing.Pair(P.mul(Fr.of(77)), Q.mul(Fr.of(5)))));
    BigInteger u = Pairing.U;
    BigInteger m = BigInteger.TWO.multiply(u).multiply(
        u.pow(2).multiply(BigInteger.valueOf(6)).add(u.multiply(BigInteger.valueOf(3))).add(BigInteger.ONE));
    assertEquals(Pairing.reducedPairingPower(miller).pow(m), Pairing.finalExponentiation(miller));
  }

  @Test
  void productOfInversePairsIsOne() {
    Fr k = Fr.of(123456789);
    assertTrue(Pairing.productIsOne(List.of(
        new Pairing.Pair(P.mul(k), Q), new Pairing.Pair(P.negate(), Q.mul(k)))));
    assertFalse(Pairing.productIsOne(List.of(
        new Pairing.Pair(P.mul(k), Q), new Pairing.Pair(P.negate(), Q.mul(k.add(Fr.ONE))))));
  }
}
