package dev.obsidian.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in a configuration.
 *
 * @param key the full key path ({@code obsidian.node.rpc-port}), or the file for a file-level problem
 * @param value the offending value as written in HOCON ({@code "abc"}, {@code 70000}), or what went wrong
 * @param expected what would have been accepted
 * @param origin where the value came from ({@code app.conf:3}, {@code reference.conf:12}, {@code env
 *     OBSIDIAN_RPC_PORT}); empty when there is no better place than the key itself
 */
public record SettingError(String key, String value, String expected, Optional<String> origin) {

  public SettingError {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(origin, "origin");
  }

  /** {@code <key>: <value> — expected <form> (from <origin>)}. */
  @Override
  public String toString() {
    return key + ": " + value + " — expected " + expected + origin.map(o -> " (from " + o + ")").orElse("");
  }
}
