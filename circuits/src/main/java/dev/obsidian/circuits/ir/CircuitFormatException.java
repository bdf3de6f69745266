package dev.obsidian.circuits.ir;

/** A circuit artifact that is not a valid {@link CircuitFormat} encoding; the message names the field and offset. */
public final class CircuitFormatException extends RuntimeException {
  public CircuitFormatException(String message) {
    super(message);
  }
}
