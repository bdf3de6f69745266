package dev.obsidian.config;

import com.typesafe.config.Config;
import java.util.Objects;

/**
 * The validated settings together with the merged config they were read from, which still knows where each
 * value came from: what {@code obsidian config print} shows.
 */
public final class EffectiveConfig {

  private final Config config;
  private final ObsidianSettings settings;

  EffectiveConfig(Config config, ObsidianSettings settings) {
    this.config = Objects.requireNonNull(config, "config").withOnlyPath(Keys.ROOT);
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public ObsidianSettings settings() {
    return settings;
  }

  /** The resolved {@code obsidian.*} subtree, origins included. */
  public Config config() {
    return config;
  }

  /**
   * The {@code obsidian.*} settings as HOCON, keys sorted. With {@code withOrigins}, each value is followed
   * by a comment naming its source: {@code reference.conf:LINE}, {@code FILE:LINE} or {@code env NAME}.
   */
  public String render(boolean withOrigins) {
    return ConfigPrinter.render(config.root(), withOrigins);
  }
}
