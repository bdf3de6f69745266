package dev.obsidian.crypto.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.obsidian.crypto.field.Fq;
import dev.obsidian.crypto.testing.Vector;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Grumpkin against vectors/grumpkin.json (bb.js 4.1.2 grumpkinMul/grumpkinAdd through @aztec/foundation). */
class GrumpkinVectorsTest {

  private static final Vector VECTORS = Vector.load("grumpkin");

  @Test
  void generator() {
    assertEquals(VECTORS.point("generatorPoint"), Grumpkin.GENERATOR);
  }

  @Test
  void mulByGenerator() {
    for (Vector c : VECTORS.objects("mul")) {
      assertEquals(c.point("result"), Grumpkin.mul(Grumpkin.GENERATOR, c.fq("scalar")), c.toString());
      assertEquals(c.point("result"), Grumpkin.mulGenerator(c.fq("scalar")), c.toString());
    }
  }

  /** Scalars of 0, q, q + 1 and 2^256 - 1: barretenberg reduces them modulo the order, as repeated addition does. */
  @Test
  void mulByUnreducedScalars() {
    for (Vector c : VECTORS.objects("edgeMul")) {
      BigInteger scalar = new BigInteger(c.string("scalar").substring(2), 16);
      assertEquals(c.point("result"), Grumpkin.mulUnreduced(Grumpkin.GENERATOR, scalar), c.toString());
      assertEquals(c.point("result"), Grumpkin.mulGenerator(Fq.reduce(scalar)), c.toString());
    }
  }

  @Test
  void add() {
    for (Vector c : VECTORS.objects("add")) {
      assertEquals(c.point("result"), c.point("a").add(c.point("b")), c.toString());
    }
  }

  @Test
  void msm() {
    for (Vector c : VECTORS.objects("msm")) {
      assertEquals(c.point("result"), Grumpkin.msm(c.points("points"), c.fqs("scalars")), c.toString());
    }
  }

  @Test
  void batchMulIsEachPointTimesTheScalar() {
    Vector c = VECTORS.object("batchMul");
    GrumpkinPoint[] points = c.points("points");
    GrumpkinPoint[] results = c.points("results");
    for (int i = 0; i < points.length; i++) {
      assertEquals(results[i], Grumpkin.mul(points[i], c.fq("scalar")), "point " + i);
    }
  }
}
