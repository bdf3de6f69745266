package dev.obsidian.config;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds the known key an unknown one was probably meant to be: a near spelling among its siblings
 * ({@code rpc-prot}, {@code rpc_port}, {@code rpcPort}), or the same name in another section
 * ({@code obsidian.rpc-port} for {@code obsidian.node.rpc-port}).
 */
final class KeySuggester {

  /** Below this many characters a shared prefix says little ("a" prefixes half the keys). */
  private static final int MIN_PREFIX_CHARS = 4;

  private KeySuggester() {}

  static Optional<String> suggest(List<String> unknownPath, ConfigObject siblings, ConfigObject knownRoot) {
    String name = normalize(unknownPath.get(unknownPath.size() - 1));
    List<String> parent = unknownPath.subList(0, unknownPath.size() - 1);
    Optional<String> sibling = closestSibling(name, siblings);
    if (sibling.isPresent()) {
      List<String> suggested = new ArrayList<>(parent);
      suggested.add(sibling.get());
      return Optional.of(ConfigUtil.joinPath(suggested));
    }
    List<String> elsewhere = new ArrayList<>();
    collectSameName(name, knownRoot, new ArrayList<>(), elsewhere);
    return elsewhere.isEmpty() ? Optional.empty() : Optional.of(String.join(" or ", elsewhere));
  }

  private static Optional<String> closestSibling(String name, ConfigObject siblings) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : new TreeSet<>(siblings.keySet())) {
      int distance = distance(name, normalize(candidate));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    boolean close = bestDistance <= Math.max(2, name.length() / 3);
    return close ? Optional.of(best) : prefixMatch(name, siblings);
  }

  private static Optional<String> prefixMatch(String name, ConfigObject siblings) {
    return new TreeSet<>(siblings.keySet()).stream()
        .filter(candidate -> sharesPrefix(name, normalize(candidate)))
        .findFirst();
  }

  private static boolean sharesPrefix(String name, String candidate) {
    String shorter = name.length() <= candidate.length() ? name : candidate;
    String longer = shorter == name ? candidate : name;
    return shorter.length() >= MIN_PREFIX_CHARS && longer.startsWith(shorter);
  }

  private static void collectSameName(
      String name, ConfigObject object, List<String> path, List<String> found) {
    for (String key : new TreeSet<>(object.keySet())) {
      List<String> childPath = new ArrayList<>(path);
      childPath.add(key);
      ConfigValue child = object.get(key);
      if (normalize(key).equals(name)) {
        found.add(ConfigUtil.joinPath(childPath));
      }
      if (child instanceof ConfigObject childObject) {
        collectSameName(name, childObject, childPath, found);
      }
    }
  }

  /** Spelling variants of one name compare equal: {@code rpc-port}, {@code rpc_port}, {@code rpcPort}. */
  private static String normalize(String key) {
    return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
  }

  /** Levenshtein edit distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
