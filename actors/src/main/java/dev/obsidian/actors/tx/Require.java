package dev.obsidian.actors.tx;

import dev.obsidian.crypto.field.Fr;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Field-named checks shared by the Tx records: every failure says which field and why. */
final class Require {
  private Require() {}

  static <T> T present(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " must be present");
    }
    return value;
  }

  static <T> List<T> list(List<T> values, String field, int maxSize) {
    present(values, field);
    if (values.size() > maxSize) {
      throw new IllegalArgumentException(field + " has " + values.size() + " entries, at most " + maxSize + " allowed");
    }
    for (int i = 0; i < values.size(); i++) {
      present(values.get(i), field + "[" + i + "]");
    }
    return List.copyOf(values);
  }

  static long nonNegative(long value, String field) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must not be negative, got " + value);
    }
    return value;
  }

  /** Aztec treats a zero value as an empty slot of a padded array, so a real entry may not be zero. */
  static void nonZero(List<Fr> values, String field) {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).isZero()) {
        throw new IllegalArgumentException(field + "[" + i + "] is zero, which Aztec reads as an empty slot");
      }
    }
  }

  static void distinct(List<Fr> values, String field) {
    Set<Fr> seen = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      if (!seen.add(values.get(i))) {
        throw new IllegalArgumentException(field + "[" + i + "] repeats " + values.get(i) + " within the transaction");
      }
    }
  }
}
