package dev.obsidian.l1;

import java.util.List;

/**
 * A contract call that reverted, with the contract's custom error by name (e.g. {@code Rollup__InvalidArchive}) and
 * its decoded arguments.
 */
public final class L1RevertException extends L1Exception {
  private final String errorName;
  private final List<String> arguments;
  private final String revertData;

  L1RevertException(String errorName, List<String> arguments, String context, String revertData) {
    super(context + " reverted with " + errorName + "(" + String.join(", ", arguments) + ")");
    this.errorName = errorName;
    this.arguments = List.copyOf(arguments);
    this.revertData = revertData;
  }

  public String errorName() {
    return errorName;
  }

  public List<String> arguments() {
    return arguments;
  }

  public String revertData() {
    return revertData;
  }
}
