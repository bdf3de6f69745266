package dev.obsidian.node.cli.replay;

import dev.obsidian.actors.block.StateReference;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.merkle.TreeInfo;
import java.util.List;
import java.util.function.Function;

/** Just enough JSON for the replay and state commands: members keep their order, field elements are 0x-hex strings. */
final class Json {
  private final StringBuilder out = new StringBuilder("{");

  static Json object() {
    return new Json();
  }

  /** Adds a member whose value is already JSON. */
  Json raw(String name, String json) {
    out.append(out.length() > 1 ? "," : "").append(string(name)).append(':').append(json);
    return this;
  }

  Json put(String name, String text) {
    return raw(name, string(text));
  }

  Json put(String name, long number) {
    return raw(name, Long.toString(number));
  }

  Json put(String name, boolean flag) {
    return raw(name, Boolean.toString(flag));
  }

  Json put(String name, Fr value) {
    return raw(name, hex(value));
  }

  String build() {
    return out + "}";
  }

  static <T> String array(List<T> items, Function<T, String> render) {
    return "[" + String.join(",", items.stream().map(render).toList()) + "]";
  }

  static String hex(Fr value) {
    return string(value.toHex());
  }

  static String string(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> quoted.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return quoted.append('"').toString();
  }

  static String tree(TreeInfo tree) {
    return object().put("root", tree.root()).put("size", tree.size()).build();
  }

  static String state(StateReference state) {
    return object()
        .raw("l1ToL2MessageTree", tree(state.l1ToL2MessageTree()))
        .raw("noteHashTree", tree(state.noteHashTree()))
        .raw("nullifierTree", tree(state.nullifierTree()))
        .raw("publicDataTree", tree(state.publicDataTree()))
        .build();
  }
}
