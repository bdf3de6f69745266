package dev.obsidian.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.obsidian.crypto.field.Fr;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class AppendOnlyTreePropertyTest {

  @Property(tries = 60)
  void rootAndPathsEqualTheNaiveReference(
      @ForAll @IntRange(min = 1, max = 8) int height, @ForAll("batches") List<List<Fr>> batches) {
    AppendOnlyTree tree = new AppendOnlyTree(height);
    List<Fr> all = new ArrayList<>();
    for (List<Fr> batch : batches) {
      if (all.size() + batch.size() > (1L << height)) {
        break;
      }
      tree.append(batch);
      all.addAll(batch);
      NaiveMerkle reference = new NaiveMerkle(height, all);
      assertEquals(reference.root(), tree.root());
      assertEquals(all.size(), tree.size());
      for (int index = 0; index < all.size(); index++) {
        assertEquals(reference.siblingPath(index), tree.siblingPath(index).siblings());
      }
    }
  }

  @Property(tries = 20)
  void tallTreesMatchTheReference(
      @ForAll @IntRange(min = 20, max = 64) int height, @ForAll("batches") List<List<Fr>> batches) {
    AppendOnlyTree tree = new AppendOnlyTree(height);
    List<Fr> all = new ArrayList<>();
    for (List<Fr> batch : batches) {
      tree.append(batch);
      all.addAll(batch);
    }
    NaiveMerkle reference = new NaiveMerkle(height, all);
    assertEquals(reference.root(), tree.root());
    if (!all.isEmpty()) {
      long last = all.size() - 1;
      assertEquals(reference.siblingPath(last), tree.siblingPath(last).siblings());
      assertEquals(reference.root(), tree.siblingPath(last).rootFrom(all.get((int) last), last));
    }
  }

  @Provide
  Arbitrary<List<List<Fr>>> batches() {
    Arbitrary<Fr> leaf = Arbitraries.longs().map(Fr::of);
    return leaf.list().ofMaxSize(9).list().ofMaxSize(6);
  }
}
