package dev.obsidian.actors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long each step of {@link NodeGuardian#start} took, in the order they ran, for {@code obsidian bench restart} and
 * the start-up log. Measured with {@link System#nanoTime()}; never part of any state transition.
 */
public final class StartupTimings {
  /** One step: its name, milliseconds and a detail such as a count ("" when none). */
  public record Step(String name, double millis, String detail) {}

  private final List<Step> steps = new ArrayList<>();
  private final Map<String, Long> counts = new LinkedHashMap<>();
  private long lastNanos = System.nanoTime();

  /** Ends the step running since the previous mark (or since this object was made). */
  synchronized void mark(String name, String detail) {
    long now = System.nanoTime();
    steps.add(new Step(name, (now - lastNanos) / 1e6, detail));
    lastNanos = now;
  }

  synchronized void mark(String name) {
    mark(name, "");
  }

  synchronized void count(String name, long value) {
    counts.put(name, value);
  }

  public synchronized List<Step> steps() {
    return List.copyOf(steps);
  }

  /** Figures read while starting (e.g. blocks and events read from the journal). */
  public synchronized Map<String, Long> counts() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(counts));
  }

  public synchronized double totalMillis() {
    return steps.stream().mapToDouble(Step::millis).sum();
  }

  @Override
  public synchronized String toString() {
    StringBuilder text = new StringBuilder();
    for (Step step : steps) {
      if (!text.isEmpty()) {
        text.append(", ");
      }
      text.append(step.name()).append(' ').append(Math.round(step.millis())).append(" ms");
      if (!step.detail().isEmpty()) {
        text.append(" (").append(step.detail()).append(')');
      }
    }
    return text.toString();
  }
}
