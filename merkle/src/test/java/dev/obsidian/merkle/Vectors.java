package dev.obsidian.merkle;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import dev.obsidian.crypto.field.Fr;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Reads the reference vectors under src/test/resources/vectors (produced by the @aztec 4.1.2 npm packages, see
 * scripts/reference/README.md) as plain maps and lists.
 */
final class Vectors {
  private Vectors() {}

  static Map<String, Object> load(String name) {
    String resource = "/vectors/" + name;
    var stream = Vectors.class.getResourceAsStream(resource);
    if (stream == null) {
      throw new IllegalStateException("missing test resource " + resource);
    }
    try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
      return ConfigFactory.parseReader(reader, ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON))
          .root()
          .unwrapped();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node, String key) {
    return (Map<String, Object>) ((Map<String, Object>) node).get(key);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> maps(Object node, String key) {
    return (List<Map<String, Object>>) ((Map<String, Object>) node).get(key);
  }

  @SuppressWarnings("unchecked")
  static Object get(Object node, String key) {
    return ((Map<String, Object>) node).get(key);
  }

  static Fr fr(Object node, String key) {
    return Fr.fromHex((String) get(node, key));
  }

  static long number(Object node, String key) {
    return ((Number) get(node, key)).longValue();
  }

  @SuppressWarnings("unchecked")
  static List<Fr> frs(Object node, String key) {
    return ((List<String>) get(node, key)).stream().map(Fr::fromHex).toList();
  }

  /** Indexed-leaf preimage in the vectors' format: nullifier {value, nextValue, nextIndex}, or public data. */
  static IndexedLeaf preimage(Object node) {
    if (node == null) {
      return null;
    }
    long nextIndex = fr(node, "nextIndex").toBigInteger().longValueExact();
    if (get(node, "slot") != null) {
      return new PublicDataLeaf(fr(node, "slot"), fr(node, "value"), fr(node, "nextSlot"), nextIndex);
    }
    return new NullifierLeaf(fr(node, "value"), fr(node, "nextValue"), nextIndex);
  }
}
