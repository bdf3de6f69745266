package dev.obsidian.crypto.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.crypto.field.Fq;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Group laws, checked on random multiples of the generator. */
class GrumpkinPropertiesTest {

  private static final GrumpkinPoint G = Grumpkin.GENERATOR;

  @Provide
  Arbitrary<Fq> scalars() {
    Arbitrary<BigInteger> any = Arbitraries.bigIntegers().between(BigInteger.ZERO, Fq.MODULUS.subtract(BigInteger.ONE));
    Arbitrary<BigInteger> edges = Arbitraries.of(
        BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, Fq.MODULUS.subtract(BigInteger.ONE),
        Fq.MODULUS.subtract(BigInteger.TWO));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(9, any), net.jqwik.api.Tuple.of(1, edges)).map(Fq::fromBigInteger);
  }

  @Provide
  Arbitrary<GrumpkinPoint> points() {
    return scalars().map(Grumpkin::mulGenerator);
  }

  @Property(tries = 100)
  void additionIsAssociative(
      @ForAll("points") GrumpkinPoint a, @ForAll("points") GrumpkinPoint b, @ForAll("points") GrumpkinPoint c) {
    assertEquals(a.add(b).add(c), a.add(b.add(c)));
  }

  @Property(tries = 100)
  void additionIsCommutative(@ForAll("points") GrumpkinPoint a, @ForAll("points") GrumpkinPoint b) {
    assertEquals(a.add(b), b.add(a));
  }

  @Property(tries = 100)
  void infinityIsTheIdentity(@ForAll("points") GrumpkinPoint a) {
    assertEquals(a, a.add(GrumpkinPoint.INFINITY));
    assertEquals(a, GrumpkinPoint.INFINITY.add(a));
  }

  @Property(tries = 100)
  void negationIsTheInverse(@ForAll("points") GrumpkinPoint a) {
    assertEquals(GrumpkinPoint.INFINITY, a.add(a.negate()));
  }

  @Property(tries = 100)
  void doublingIsAddingToItself(@ForAll("points") GrumpkinPoint a) {
    assertEquals(a.add(a), a.twice());
  }

  @Property(tries = 100)
  void resultsStayOnTheCurve(@ForAll("points") GrumpkinPoint a, @ForAll("points") GrumpkinPoint b) {
    GrumpkinPoint sum = a.add(b);
    assertTrue(sum.isInfinity() || GrumpkinPoint.isOnCurve(sum.x(), sum.y()));
  }

  @Property(tries = 100)
  void scalarMultiplicationDistributesOverScalarAddition(@ForAll("scalars") Fq a, @ForAll("scalars") Fq b) {
    assertEquals(Grumpkin.mul(G, a.add(b)), Grumpkin.mul(G, a).add(Grumpkin.mul(G, b)));
  }

  @Property(tries = 100)
  void scalarMultiplicationDistributesOverPointAddition(
      @ForAll("scalars") Fq k, @ForAll("points") GrumpkinPoint a, @ForAll("points") GrumpkinPoint b) {
    assertEquals(a.add(b).multiply(k), a.multiply(k).add(b.multiply(k)));
  }

  @Property(tries = 100)
  void scalarMultiplicationComposes(@ForAll("scalars") Fq a, @ForAll("scalars") Fq b) {
    assertEquals(Grumpkin.mul(G, a.mul(b)), Grumpkin.mul(Grumpkin.mul(G, b), a));
  }

  @Property(tries = 100)
  void generatorTableAgreesWithGenericMultiplication(@ForAll("scalars") Fq k) {
    assertEquals(Grumpkin.mul(G, k), Grumpkin.mulGenerator(k));
  }

  @Property(tries = 50)
  void orderTimesAnyPointIsInfinity(@ForAll("points") GrumpkinPoint a) {
    assertEquals(GrumpkinPoint.INFINITY, Grumpkin.mulUnreduced(a, Grumpkin.ORDER));
    assertEquals(a, Grumpkin.mulUnreduced(a, Grumpkin.ORDER.add(BigInteger.ONE)));
  }

  @Property(tries = 30)
  void msmEqualsTheSumOfProducts(@ForAll("points") GrumpkinPoint a, @ForAll("scalars") Fq seed) {
    int count = 1 + seed.toBigInteger().mod(BigInteger.valueOf(40)).intValue();
    GrumpkinPoint[] points = new GrumpkinPoint[count];
    Fq[] scalars = new Fq[count];
    GrumpkinPoint expected = GrumpkinPoint.INFINITY;
    GrumpkinPoint point = a;
    Fq scalar = seed;
    for (int i = 0; i < count; i++) {
      points[i] = point;
      scalars[i] = scalar;
      expected = expected.add(point.multiply(scalar));
      point = point.add(G);
      scalar = scalar.mul(seed).add(Fq.of(i));
    }
    assertEquals(expected, Grumpkin.msm(points, scalars));
  }

  @Property(tries = 100)
  void encodingsRoundTrip(@ForAll("points") GrumpkinPoint a) {
    GrumpkinPoint[] decoded = {
      GrumpkinPoint.fromFields(a.toFields()[0], a.toFields()[1], a.toFields()[2]),
      a.isInfinity() ? a : GrumpkinPoint.fromBytes(a.toBytes()),
      a.isInfinity() ? a : GrumpkinPoint.fromCompressed(a.toCompressed())
    };
    for (GrumpkinPoint d : decoded) {
      assertEquals(a, d);
    }
  }
}
