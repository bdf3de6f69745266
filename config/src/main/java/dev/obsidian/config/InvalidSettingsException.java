package dev.obsidian.config;

import java.util.List;

/**
 * A configuration that cannot be used. Carries every problem found, not just the first, so one run of
 * {@code obsidian config check} shows all that needs fixing; the message lists them one per line.
 */
public final class InvalidSettingsException extends RuntimeException {

  private final List<SettingError> errors;

  public InvalidSettingsException(List<SettingError> errors) {
    super(message(errors));
    this.errors = List.copyOf(errors);
  }

  /** The problems, sorted by key; never empty. */
  public List<SettingError> errors() {
    return errors;
  }

  private static String message(List<SettingError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an InvalidSettingsException needs at least one error");
    }
    StringBuilder text = new StringBuilder("invalid configuration (")
        .append(errors.size())
        .append(errors.size() == 1 ? " error):" : " errors):");
    for (SettingError error : errors) {
      text.append('\n').append("  ").append(error);
    }
    return text.toString();
  }
}
