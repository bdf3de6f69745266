package dev.obsidian.node.cli;

/**
 * Input the user must fix, found while a command runs (a file that does not parse, an id that does not
 * exist). The CLI prints the message alone, so it must name the input and say what was expected; the exit
 * code is {@link ObsidianCli#EXIT_USAGE}. Argument syntax errors are picocli's job, not this one's.
 */
public final class UserInputException extends RuntimeException {

  public UserInputException(String message) {
    super(message);
  }

  public UserInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
