package dev.obsidian.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One declared parameter of a method: its name (used for named parameters and in error data) and its
 * decoder. A required parameter that is missing or JSON {@code null} is an invalid-params error; an optional
 * one decodes to {@link Optional#empty()}.
 *
 * @param <T> the type a handler reads with {@link Arguments#get(Param)}
 */
public final class Param<T> {

  private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");

  private final String name;
  private final Decoder<T> decoder;
  private final T whenAbsent;

  private Param(String name, Decoder<T> decoder, T whenAbsent) {
    if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
      throw new IllegalArgumentException("parameter name must be lowerCamelCase, got '" + name + "'");
    }
    this.name = name;
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.whenAbsent = whenAbsent;
  }

  public static <T> Param<T> required(String name, Decoder<T> decoder) {
    return new Param<>(name, decoder, null);
  }

  public static <T> Param<Optional<T>> optional(String name, Decoder<T> decoder) {
    Objects.requireNonNull(decoder, "decoder");
    return new Param<>(name, (value, field) -> Optional.of(decoder.decode(value, field)), Optional.empty());
  }

  public String name() {
    return name;
  }

  /** @param value the JSON value, or null when the request did not give this parameter */
  T decode(JsonNode value) {
    if (value == null || value.isNull()) {
      if (whenAbsent == null) {
        throw RpcException.invalidParams(name, "missing (required parameter)");
      }
      return whenAbsent;
    }
    return decoder.decode(value, name);
  }

  @Override
  public String toString() {
    return name;
  }
}
