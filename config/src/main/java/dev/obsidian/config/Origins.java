package dev.obsidian.config;

import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;

/** Short, human-readable forms of where a value came from and what it is. */
final class Origins {

  /** Longer values are cut: an error line should stay one line. */
  private static final int MAX_VALUE_CHARS = 80;

  private Origins() {}

  /** {@code app.conf:3}, {@code reference.conf:12}, {@code env OBSIDIAN_RPC_PORT}. */
  static String describe(ConfigOrigin origin) {
    if (origin == null) {
      return "unknown origin";
    }
    String line = origin.lineNumber() >= 0 ? ":" + origin.lineNumber() : "";
    // A class-path resource also reports a filename when loaded from a directory; its resource name is
    // the same wherever the jar lives, so it comes first.
    if (origin.resource() != null) {
      return origin.resource() + line;
    }
    if (origin.filename() != null) {
      return origin.filename() + line;
    }
    if (origin.url() != null) {
      return origin.url() + line;
    }
    return origin.description();
  }

  /** The value as HOCON would spell it, strings quoted. */
  static String render(ConfigValue value) {
    String text = value.render(ConfigRenderOptions.concise());
    return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS - 1) + "…";
  }
}
