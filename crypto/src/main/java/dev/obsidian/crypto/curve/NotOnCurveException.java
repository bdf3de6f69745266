package dev.obsidian.crypto.curve;

/** A coordinate pair (or an x-coordinate) that does not satisfy Grumpkin's equation y^2 = x^3 - 17. */
public final class NotOnCurveException extends IllegalArgumentException {

  public NotOnCurveException(String message) {
    super(message);
  }
}
