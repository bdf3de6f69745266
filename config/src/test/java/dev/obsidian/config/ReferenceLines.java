package dev.obsidian.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;

/** Line numbers in reference.conf found by reading its text, independently of Typesafe's origins. */
final class ReferenceLines {

  private ReferenceLines() {}

  /** {@code reference.conf:N} for the only line that assigns {@code key}. */
  static String originOf(String key) {
    List<String> lines = text().lines().toList();
    int found = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith(key + " =")) {
        if (found >= 0) {
          throw new AssertionError(key + " is assigned twice in reference.conf");
        }
        found = i + 1;
      }
    }
    if (found < 0) {
      throw new AssertionError(key + " is not assigned in reference.conf");
    }
    return "reference.conf:" + found;
  }

  /** Every leaf key under obsidian in reference.conf, unresolved, with the comment lines above it. */
  static Map<String, List<String>> documentedLeaves() {
    ConfigObject root = ConfigFactory.parseResources("reference.conf").root();
    Map<String, List<String>> leaves = new TreeMap<>();
    collect((ConfigObject) root.get("obsidian"), List.of("obsidian"), leaves);
    return leaves;
  }

  private static void collect(ConfigObject object, List<String> path, Map<String, List<String>> leaves) {
    for (String key : object.keySet()) {
      List<String> childPath = new ArrayList<>(path);
      childPath.add(key);
      ConfigValue child = object.get(key);
      if (child instanceof ConfigObject section) {
        collect(section, childPath, leaves);
      } else {
        leaves.put(ConfigUtil.joinPath(childPath), child.origin().comments());
      }
    }
  }

  static String text() {
    try (InputStream in = ReferenceLines.class.getClassLoader().getResourceAsStream("reference.conf")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
