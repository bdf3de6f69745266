package dev.obsidian.config;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Renders a config as HOCON that parses back to the same values, keys sorted, optionally with where each
 * value came from as a trailing comment. Typesafe's own renderer prints verbose multi-line origin comments
 * (full jar URLs); this one prints {@code # reference.conf:23} or {@code # env OBSIDIAN_RPC_PORT}.
 */
final class ConfigPrinter {

  private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");
  private static final String INDENT = "  ";

  private ConfigPrinter() {}

  static String render(ConfigObject root, boolean withOrigins) {
    StringBuilder out = new StringBuilder();
    renderMembers(root, "", withOrigins, out);
    return out.toString();
  }

  private static void renderMembers(
      ConfigObject object, String indent, boolean withOrigins, StringBuilder out) {
    for (String key : new TreeSet<>(object.keySet())) {
      ConfigValue value = object.get(key);
      out.append(indent).append(renderKey(key));
      if (value instanceof ConfigObject section) {
        out.append(" {\n");
        renderMembers(section, indent + INDENT, withOrigins, out);
        out.append(indent).append("}\n");
      } else {
        out.append(" = ").append(value.render(ConfigRenderOptions.concise()));
        if (withOrigins) {
          out.append(" # ").append(Origins.describe(value.origin()));
        }
        out.append('\n');
      }
    }
  }

  private static String renderKey(String key) {
    return BARE_KEY.matcher(key).matches() ? key : ConfigUtil.quoteString(key);
  }
}
