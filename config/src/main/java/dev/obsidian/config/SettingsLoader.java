package dev.obsidian.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds {@link ObsidianSettings} from, highest precedence first: the environment overrides of
 * {@link EnvironmentOverrides}, an optional config file (or any {@link Config}), and every reference.conf on
 * the class path. Java system properties are deliberately not consulted, so that a run is reproducible from
 * its file and environment.
 *
 * <p>Every problem is reported at once in an {@link InvalidSettingsException}: unknown keys under
 * {@code obsidian} (with the closest known key), wrong types, out-of-range values, unknown enum names, and
 * files that are missing or not HOCON.
 */
public final class SettingsLoader {


  private SettingsLoader() {}

  /** Defaults overridden by this process's environment. */
  public static ObsidianSettings load() {
    return load(ConfigFactory.empty(), System.getenv());
  }

  /** Defaults overridden by {@code file} (HOCON), itself overridden by this process's environment. */
  public static ObsidianSettings load(Path file) {
    return load(parseFile(file), System.getenv());
  }

  /** Defaults overridden by {@code overrides}, themselves overridden by {@code environment}. */
  public static ObsidianSettings load(Config overrides, Map<String, String> environment) {
    return loadEffective(overrides, environment).settings();
  }

  /** Like {@link #load(Config, Map)}, keeping the merged config for printing with origins. */
  public static EffectiveConfig loadEffective(Config overrides, Map<String, String> environment) {
    Objects.requireNonNull(overrides, "overrides");
    Objects.requireNonNull(environment, "environment");
    // the cached parse of every reference.conf that ConfigFactory.load() (the ActorSystems) uses as well: parsing
    // them here a second time took about a third of the sandbox's start-up on its main thread
    Config reference = ConfigFactory.defaultReferenceUnresolved(SettingsLoader.class.getClassLoader());
    Config resolvedReference = resolve(reference, environment);
    // Unknown keys are looked for before the environment layer: it only ever sets known keys, and it
    // must not mask a file that wrongly replaced a whole section with a scalar.
    Config fileLayer = resolve(overrides.withFallback(reference), environment);
    List<SettingError> keyErrors = KeyValidator.check(fileLayer.root(), resolvedReference.root());
    Config environmentLayer = EnvironmentOverrides.toConfig(environment, resolvedReference);
    Config effective =
        resolve(environmentLayer.withFallback(overrides).withFallback(reference), environment);
    ObsidianSettings settings = SettingsBinder.bind(new SettingsReader(effective, keyErrors));
    return new EffectiveConfig(effective, settings);
  }

  /**
   * Parses a HOCON file, whatever its extension.
   *
   * @throws InvalidSettingsException if the file is missing, unreadable or not valid HOCON
   */
  public static Config parseFile(Path file) {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file)) {
      String problem = Files.exists(file) ? "not a regular file" : "no such file";
      throw fileError(file.toString(), problem, "an existing, readable HOCON file");
    }
    ConfigParseOptions options =
        ConfigParseOptions.defaults().setAllowMissing(false).setSyntax(ConfigSyntax.CONF);
    try {
      return ConfigFactory.parseFile(file.toFile(), options);
    } catch (ConfigException.Parse e) {
      throw fileError(Origins.describe(e.origin()), withoutOrigin(e), "valid HOCON");
    } catch (ConfigException e) {
      throw fileError(file.toString(), "cannot be read: " + withoutOrigin(e),
          "an existing, readable HOCON file");
    }
  }

  /**
   * Resolves substitutions such as {@code ${obsidian.data-dir}} or {@code ${?HOME}}; environment variables
   * come from {@code environment}, never from the real process, so that tests are deterministic.
   */
  private static Config resolve(Config config, Map<String, String> environment) {
    // The variables become top-level fallback keys, as Typesafe does with the real environment; they are
    // never mistaken for settings because only the obsidian subtree is read.
    Config withEnvironment =
        config.withFallback(ConfigValueFactory.fromMap(environment, "environment"));
    ConfigResolveOptions options = ConfigResolveOptions.defaults().setUseSystemEnvironment(false);
    try {
      return withEnvironment.resolve(options);
    } catch (ConfigException.UnresolvedSubstitution e) {
      throw fileError(Origins.describe(e.origin()), withoutOrigin(e),
          "a substitution that resolves (define the key, or write ${?name} if it is optional)");
    }
  }

  private static InvalidSettingsException fileError(String where, String problem, String expected) {
    return new InvalidSettingsException(
        List.of(new SettingError(where, problem, expected, Optional.empty())));
  }

  /** Typesafe prefixes messages with the origin's description, which the error already shows. */
  private static String withoutOrigin(ConfigException e) {
    String message = e.getMessage();
    if (e.origin() != null) {
      String prefix = e.origin().description() + ": ";
      if (message.startsWith(prefix)) {
        return message.substring(prefix.length());
      }
    }
    return message;
  }
}
