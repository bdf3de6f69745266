package dev.obsidian.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The environment variables that override common keys, for containers and scripts where writing a file is
 * awkward. An override beats the config file, which beats reference.conf. A variable that is unset, empty
 * or blank overrides nothing. The origin of an overridden value is shown as {@code env <NAME>}.
 */
public final class EnvironmentOverrides {

  /**
   * One environment variable and the key it sets.
   *
   * @param variable the environment variable, e.g. {@code OBSIDIAN_RPC_PORT}
   * @param key the full key path it overrides, e.g. {@code obsidian.node.rpc-port}
   */
  public record Mapping(String variable, String key) {
    public Mapping {
      Objects.requireNonNull(variable, "variable");
      Objects.requireNonNull(key, "key");
    }
  }

  private static final List<Mapping> MAPPINGS = List.of(
      new Mapping("OBSIDIAN_DATA_DIR", Keys.DATA_DIR),
      new Mapping("OBSIDIAN_RPC_HOST", Keys.RPC_HOST),
      new Mapping("OBSIDIAN_RPC_PORT", Keys.RPC_PORT),
      new Mapping("OBSIDIAN_L1_RPC_URL", Keys.L1_RPC_URL),
      new Mapping("OBSIDIAN_ANVIL_PORT", Keys.L1_ANVIL_PORT),
      new Mapping("OBSIDIAN_L1_CHAIN_ID", Keys.L1_CHAIN_ID),
      new Mapping("OBSIDIAN_BLOCK_TIME_MS", Keys.BLOCK_TIME_MS),
      new Mapping("OBSIDIAN_PROVER_WORKERS", Keys.PROVER_WORKERS),
      new Mapping("OBSIDIAN_PROVER_ENABLED", Keys.PROVER_ENABLED),
      new Mapping("OBSIDIAN_PROVER_KEY_DIR", Keys.PROVER_KEY_DIR),
      new Mapping("OBSIDIAN_JOURNAL", Keys.JOURNAL),
      new Mapping("OBSIDIAN_CASSANDRA_CONTACT_POINTS", Keys.CASSANDRA_CONTACT_POINTS));

  private EnvironmentOverrides() {}

  /** Every supported variable, in the order of reference.conf. */
  public static List<Mapping> mappings() {
    return MAPPINGS;
  }

  /**
   * The overrides present in {@code environment} as a config layer. A value is typed like the key's
   * default where it parses as that type (so {@code config print} shows {@code 8081}, not {@code "8081"});
   * otherwise it stays a string and validation reports it against the variable.
   */
  static Config toConfig(Map<String, String> environment, Config reference) {
    Config overrides = ConfigFactory.empty();
    for (Mapping mapping : MAPPINGS) {
      String raw = environment.get(mapping.variable());
      if (raw == null || raw.isBlank()) {
        continue;
      }
      Object typed = typedLike(reference.getValue(mapping.key()).valueType(), raw);
      ConfigValue value = ConfigValueFactory.fromAnyRef(typed, "env " + mapping.variable());
      overrides = overrides.withValue(mapping.key(), value);
    }
    return overrides;
  }

  private static Object typedLike(ConfigValueType type, String raw) {
    String text = raw.strip();
    if (type == ConfigValueType.NUMBER) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        return raw;
      }
    }
    if (type == ConfigValueType.BOOLEAN) {
      String word = text.toLowerCase(Locale.ROOT);
      return word.equals("true") || word.equals("false") ? Boolean.valueOf(word) : raw;
    }
    return raw;
  }
}
