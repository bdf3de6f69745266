package dev.obsidian.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Where actors journal their events; the value of {@code obsidian.persistence.journal}. */
public enum JournalKind {
  /** File-backed H2 under the data directory: one node, no server to run (sandbox, tests). */
  EMBEDDED("embedded"),
  /** A shared Apache Cassandra: needed for a cluster, where singletons fail over between nodes. */
  CASSANDRA("cassandra");

  private final String configName;

  JournalKind(String configName) {
    this.configName = configName;
  }

  /** The spelling used in configuration files. */
  public String configName() {
    return configName;
  }

  /** The kind spelled exactly {@code name} in a configuration file (lower case), if any. */
  public static Optional<JournalKind> fromConfigName(String name) {
    return Arrays.stream(values()).filter(kind -> kind.configName.equals(name)).findFirst();
  }

  static List<String> configNames() {
    return Arrays.stream(values()).map(JournalKind::configName).toList();
  }
}
