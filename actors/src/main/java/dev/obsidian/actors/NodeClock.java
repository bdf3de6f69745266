package dev.obsidian.actors;

/** The time the sequencer stamps blocks with; injected so tests drive it. Only read in command handlers. */
@FunctionalInterface
public interface NodeClock {
  long nowMillis();

  static NodeClock system() {
    return System::currentTimeMillis;
  }
}
