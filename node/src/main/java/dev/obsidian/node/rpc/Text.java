package dev.obsidian.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/** How error messages quote the caller's input: briefly, so an error never echoes a large or hostile value. */
final class Text {

  private static final int MAX_ECHOED_CHARS = 80;

  /** Messages of the node's own checks quote a field element or two; they are cut well above that. */
  private static final int MAX_MESSAGE_CHARS = 300;

  private Text() {}

  /** {@code 'value'}, cut to a few dozen characters. */
  static String quote(String value) {
    return "'" + abbreviate(value) + "'";
  }

  static String abbreviate(String value) {
    if (value.length() <= MAX_ECHOED_CHARS) {
      return value;
    }
    return value.substring(0, MAX_ECHOED_CHARS) + "... (" + value.length() + " characters)";
  }

  /** A message of the node's own validation, bounded in case it quotes a long input. */
  static String message(String message) {
    String text = String.valueOf(message);
    return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + "...";
  }

  /** The JSON type of a value, for "expected X, got Y". */
  static String describe(JsonNode value) {
    return switch (value.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case STRING -> "a string";
      case NUMBER -> value.isIntegralNumber() ? "an integer" : "a fractional number";
      case BOOLEAN -> "a boolean";
      case NULL, MISSING -> "null";
      case BINARY -> "binary data";
    };
  }
}
