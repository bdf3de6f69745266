package dev.obsidian.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads typed values from a resolved config and collects every problem instead of stopping at the first.
 * Each reader method returns {@code null} when the value is unusable; the problem is then already recorded,
 * so callers only need to skip building the record.
 */
final class SettingsReader {

  /** Largest integer a HOCON double (e.g. {@code 1e3}) represents exactly. */
  private static final double MAX_EXACT_DOUBLE = 0x1p53;

  private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "on");
  private static final Set<String> FALSE_WORDS = Set.of("false", "no", "off");

  private final Config config;
  private final List<SettingError> errors = new ArrayList<>();
  private final Set<String> readKeys = new TreeSet<>();

  SettingsReader(Config config, List<SettingError> earlierErrors) {
    this.config = config;
    earlierErrors.forEach(this::record);
  }

  Long integer(String key, long min, long max) {
    String expected = "an integer in [" + min + ", " + max + "]";
    ConfigValue value = lookup(key);
    if (value == null) {
      return missing(key, expected);
    }
    OptionalLong parsed = asLong(value);
    if (parsed.isEmpty() || parsed.getAsLong() < min || parsed.getAsLong() > max) {
      return fail(key, value, expected);
    }
    return parsed.getAsLong();
  }

  String string(String key, boolean allowEmpty, String expected) {
    ConfigValue value = lookup(key);
    if (value == null) {
      return missing(key, expected);
    }
    String text = switch (value.valueType()) {
      case STRING, NUMBER, BOOLEAN -> config.getString(key);
      default -> null;
    };
    if (text == null || (!allowEmpty && text.isBlank())) {
      return fail(key, value, expected);
    }
    return text;
  }

  Boolean bool(String key) {
    String expected = "true or false";
    ConfigValue value = lookup(key);
    if (value == null) {
      return missing(key, expected);
    }
    Object raw = value.unwrapped();
    if (raw instanceof Boolean flag) {
      return flag;
    }
    if (raw instanceof String word && (TRUE_WORDS.contains(word) || FALSE_WORDS.contains(word))) {
      return TRUE_WORDS.contains(word);
    }
    return fail(key, value, expected);
  }

  Duration duration(String key, Duration min, Duration max, String example) {
    String expected = "a duration in [" + Durations.describe(min) + ", " + Durations.describe(max)
        + "], e.g. \"" + example + "\"";
    ConfigValue value = lookup(key);
    if (value == null) {
      return missing(key, expected);
    }
    try {
      Duration duration = config.getDuration(key);
      if (duration.compareTo(min) >= 0 && duration.compareTo(max) <= 0) {
        return duration;
      }
    } catch (ConfigException | ArithmeticException e) {
      // falls through: reported below with the expected form, which says more than Typesafe's message
    }
    return fail(key, value, expected);
  }

  ByteSize size(String key, ByteSize min, ByteSize max, String example) {
    String expected = "a size in [" + min + ", " + max + "], e.g. \"" + example + "\"";
    ConfigValue value = lookup(key);
    if (value == null) {
      return missing(key, expected);
    }
    try {
      ByteSize size = ByteSize.ofBytes(config.getMemorySize(key).toBytes());
      if (size.compareTo(min) >= 0 && size.compareTo(max) <= 0) {
        return size;
      }
    } catch (ConfigException | IllegalArgumentException e) {
      // falls through: reported below with the expected form
    }
    return fail(key, value, expected);
  }

  Path path(String key) {
    String expected = "a non-empty file-system path";
    String text = string(key, false, expected);
    if (text == null) {
      return null;
    }
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      return fail(key, lookup(key), expected + " (" + e.getReason() + ")");
    }
  }

  /** An empty string reads as an empty Optional; {@code null} means the value was rejected. */
  Optional<URI> optionalRpcUrl(String key) {
    String expected = "\"\" (start a local Anvil) or an http(s):// or ws(s):// URL with a host";
    String text = string(key, true, expected);
    if (text == null) {
      return null;
    }
    if (text.isBlank()) {
      return Optional.empty();
    }
    try {
      URI url = new URI(text.strip());
      if (L1Settings.isValidRpcUrl(url)) {
        return Optional.of(url);
      }
    } catch (URISyntaxException e) {
      // falls through: reported below
    }
    return fail(key, lookup(key), expected);
  }

  JournalKind journal(String key) {
    String expected = "one of " + String.join(", ", JournalKind.configNames().stream()
        .map(name -> "\"" + name + "\"").toList());
    String text = string(key, false, expected);
    if (text == null) {
      return null;
    }
    Optional<JournalKind> kind = JournalKind.fromConfigName(text);
    return kind.isPresent() ? kind.get() : fail(key, lookup(key), expected);
  }

  /** Records a problem that involves several keys, reported against {@code key}. */
  void requireThat(boolean condition, String key, String expected) {
    if (!condition) {
      reject(key, expected);
    }
  }

  /** Records that the (well-typed) value of {@code key} is not acceptable together with others. */
  void reject(String key, String expected) {
    ConfigValue value = lookup(key);
    if (value == null) {
      missing(key, expected);
    } else {
      fail(key, value, expected);
    }
  }

  boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** Every problem, ordered by key so that the report reads like the file. */
  List<SettingError> errors() {
    return errors.stream().sorted(Comparator.comparing(SettingError::key)).toList();
  }

  /** The keys looked up so far: lets a test prove that every documented key is read. */
  Set<String> readKeys() {
    return Set.copyOf(readKeys);
  }

  private ConfigValue lookup(String key) {
    readKeys.add(key);
    ConfigValue current = config.root();
    for (String part : ConfigUtil.splitPath(key)) {
      if (!(current instanceof ConfigObject object)) {
        return null;
      }
      current = object.get(part);
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  private static OptionalLong asLong(ConfigValue value) {
    Object raw = value.unwrapped();
    if (raw instanceof Integer || raw instanceof Long) {
      return OptionalLong.of(((Number) raw).longValue());
    }
    if (raw instanceof Double number) {
      boolean whole = number == Math.rint(number) && Math.abs(number) <= MAX_EXACT_DOUBLE;
      return whole ? OptionalLong.of(number.longValue()) : OptionalLong.empty();
    }
    if (raw instanceof String text) {
      try {
        return OptionalLong.of(Long.parseLong(text.strip()));
      } catch (NumberFormatException e) {
        return OptionalLong.empty();
      }
    }
    return OptionalLong.empty();
  }

  private <T> T fail(String key, ConfigValue value, String expected) {
    record(new SettingError(
        key, Origins.render(value), expected, Optional.of(Origins.describe(value.origin()))));
    return null;
  }

  private <T> T missing(String key, String expected) {
    record(new SettingError(key, "(missing)", expected, Optional.empty()));
    return null;
  }

  /**
   * One error per cause: nothing below an already-reported key (e.g. under a scalar that replaced a
   * section), and nothing twice for one bad source value that a substitution copied into a second key
   * ({@code node.chain-id} follows {@code l1.chain-id}).
   */
  private void record(SettingError error) {
    boolean covered = errors.stream().anyMatch(earlier -> isBelow(error, earlier) || sameCause(error, earlier));
    if (!covered) {
      errors.add(error);
    }
  }

  private static boolean isBelow(SettingError error, SettingError earlier) {
    return error.key().equals(earlier.key()) || error.key().startsWith(earlier.key() + ".");
  }

  private static boolean sameCause(SettingError error, SettingError earlier) {
    return error.origin().isPresent()
        && error.origin().equals(earlier.origin())
        && error.value().equals(earlier.value())
        && error.expected().equals(earlier.expected());
  }
}
