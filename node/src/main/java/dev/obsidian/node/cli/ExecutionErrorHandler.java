package dev.obsidian.node.cli;

import dev.obsidian.config.InvalidSettingsException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Failures while a command runs. The user's mistakes ({@link UserInputException}, an invalid configuration)
 * are shown as their message alone and exit with {@link ObsidianCli#EXIT_USAGE}; anything else is a bug or
 * a broken environment, shown with its stack trace, exit {@link ObsidianCli#EXIT_INTERNAL_ERROR}.
 */
final class ExecutionErrorHandler implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    String command = commandLine.getCommandSpec().qualifiedName();
    if (exception instanceof UserInputException || exception instanceof InvalidSettingsException) {
      err.println(command + ": " + exception.getMessage());
      err.flush();
      return ObsidianCli.EXIT_USAGE;
    }
    err.println(command + ": internal error: " + exception);
    exception.printStackTrace(err);
    err.flush();
    return ObsidianCli.EXIT_INTERNAL_ERROR;
  }
}
