package dev.obsidian.config;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Rejects keys under {@code obsidian} that reference.conf does not define (a typo would otherwise be silently
 * ignored and the default used), and scalars where a section is expected.
 */
final class KeyValidator {

  private KeyValidator() {}

  /**
   * @param actualRoot the user's settings merged over the reference, resolved
   * @param knownRoot the reference settings, resolved: its keys are the known ones
   */
  static List<SettingError> check(ConfigObject actualRoot, ConfigObject knownRoot) {
    List<SettingError> errors = new ArrayList<>();
    ConfigObject known = (ConfigObject) knownRoot.get(Keys.ROOT);
    walk(actualRoot.get(Keys.ROOT), known, List.of(Keys.ROOT), knownRoot, errors);
    return errors;
  }

  private static void walk(ConfigValue actual, ConfigObject known, List<String> path,
      ConfigObject knownRoot, List<SettingError> errors) {
    if (!(actual instanceof ConfigObject object)) {
      errors.add(notASection(path, actual, known));
      return;
    }
    for (String key : new TreeSet<>(object.keySet())) {
      List<String> childPath = append(path, key);
      ConfigValue child = object.get(key);
      ConfigValue knownChild = known.get(key);
      if (knownChild == null) {
        errors.add(unknownKey(childPath, child, known, knownRoot));
      } else if (knownChild instanceof ConfigObject knownSection) {
        walk(child, knownSection, childPath, knownRoot, errors);
      }
    }
  }

  private static SettingError unknownKey(
      List<String> path, ConfigValue value, ConfigObject siblings, ConfigObject knownRoot) {
    String expected = KeySuggester.suggest(path, siblings, knownRoot)
        .map(key -> "a known key; did you mean " + key + "?")
        .orElseGet(() -> "a known key; keys here: " + String.join(", ", new TreeSet<>(siblings.keySet())));
    return error(path, value, expected);
  }

  private static SettingError notASection(List<String> path, ConfigValue value, ConfigObject known) {
    return error(path, value,
        "a section { } with keys " + String.join(", ", new TreeSet<>(known.keySet())));
  }

  private static SettingError error(List<String> path, ConfigValue value, String expected) {
    String key = ConfigUtil.joinPath(path);
    if (value == null) {
      return new SettingError(key, "(missing)", expected, Optional.empty());
    }
    return new SettingError(
        key, Origins.render(value), expected, Optional.of(Origins.describe(value.origin())));
  }

  private static List<String> append(List<String> path, String key) {
    List<String> longer = new ArrayList<>(path);
    longer.add(key);
    return List.copyOf(longer);
  }
}
