package dev.obsidian.config;

import java.time.Duration;

/** Durations spelled the way HOCON reads them back: {@code 1 second}, {@code 24 hours}, {@code 100 ms}. */
final class Durations {

  private Durations() {}

  static String describe(Duration duration) {
    long millis = duration.toMillis();
    if (millis != 0 && millis % Duration.ofHours(1).toMillis() == 0) {
      return plural(duration.toHours(), "hour");
    }
    if (millis != 0 && millis % Duration.ofMinutes(1).toMillis() == 0) {
      return plural(duration.toMinutes(), "minute");
    }
    if (millis != 0 && millis % 1000 == 0) {
      return plural(duration.toSeconds(), "second");
    }
    return millis + " ms";
  }

  private static String plural(long count, String unit) {
    return count + " " + unit + (count == 1 ? "" : "s");
  }
}
