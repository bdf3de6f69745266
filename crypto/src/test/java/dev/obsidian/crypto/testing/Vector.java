package dev.obsidian.crypto.testing;

import dev.obsidian.crypto.curve.GrumpkinPoint;
import dev.obsidian.crypto.field.Fq;
import dev.obsidian.crypto.field.Fr;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Typed access to one JSON object of the reference vectors (format: scripts/reference/README.md). A missing key is
 * an error, so a renamed vector field fails the test instead of silently skipping it.
 */
public final class Vector {

  private final Map<String, Object> fields;
  private final String path;

  private Vector(Map<String, Object> fields, String path) {
    this.fields = fields;
    this.path = path;
  }

  /** Loads {@code vectors/<name>.json} from the test classpath. */
  @SuppressWarnings("unchecked")
  public static Vector load(String name) {
    String resource = "/vectors/" + name + ".json";
    try (InputStream in = Vector.class.getResourceAsStream(resource)) {
      Objects.requireNonNull(in, () -> "missing test resource " + resource);
      return new Vector((Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)), name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean has(String key) {
    return fields.containsKey(key);
  }

  public Map<String, Object> raw() {
    return fields;
  }

  public Object get(String key) {
    if (!fields.containsKey(key)) {
      throw new IllegalArgumentException(path + ": no key '" + key + "' (keys: " + fields.keySet() + ")");
    }
    return fields.get(key);
  }

  public Fr fr(String key) {
    return toFr(get(key));
  }

  public Fq fq(String key) {
    return Fq.fromHex((String) get(key));
  }

  public BigInteger integer(String key) {
    return (BigInteger) get(key);
  }

  public String string(String key) {
    return (String) get(key);
  }

  public byte[] bytes(String key) {
    return hexBytes((String) get(key));
  }

  public GrumpkinPoint point(String key) {
    return toPoint(get(key));
  }

  @SuppressWarnings("unchecked")
  public Vector object(String key) {
    return new Vector((Map<String, Object>) get(key), path + "." + key);
  }

  @SuppressWarnings("unchecked")
  public List<Vector> objects(String key) {
    List<Object> items = (List<Object>) get(key);
    return java.util.stream.IntStream.range(0, items.size())
        .mapToObj(i -> new Vector((Map<String, Object>) items.get(i), path + "." + key + "[" + i + "]"))
        .toList();
  }

  @SuppressWarnings("unchecked")
  public Fr[] frs(String key) {
    return ((List<Object>) get(key)).stream().map(Vector::toFr).toArray(Fr[]::new);
  }

  @SuppressWarnings("unchecked")
  public Fq[] fqs(String key) {
    return ((List<Object>) get(key)).stream().map(v -> Fq.fromHex((String) v)).toArray(Fq[]::new);
  }

  @SuppressWarnings("unchecked")
  public GrumpkinPoint[] points(String key) {
    return ((List<Object>) get(key)).stream().map(Vector::toPoint).toArray(GrumpkinPoint[]::new);
  }

  /** An Fr given as a hex string or as a JSON integer. */
  private static Fr toFr(Object value) {
    return value instanceof BigInteger integer ? Fr.fromBigInteger(integer) : Fr.fromHex((String) value);
  }

  @SuppressWarnings("unchecked")
  private static GrumpkinPoint toPoint(Object value) {
    Map<String, Object> map = (Map<String, Object>) value;
    Fr x = toFr(map.get("x"));
    Fr y = toFr(map.get("y"));
    return GrumpkinPoint.fromFields(x, y, Boolean.TRUE.equals(map.get("isInfinite")) ? Fr.ONE : Fr.ZERO);
  }

  public static byte[] hexBytes(String hex) {
    return HexFormat.of().parseHex(hex.startsWith("0x") ? hex.substring(2) : hex);
  }

  @Override
  public String toString() {
    return path + fields;
  }
}
