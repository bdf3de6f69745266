package dev.obsidian.node.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Bad command-line arguments: one line naming the command and the argument (picocli's message already
 * quotes the option or parameter), close matches for a mistyped option or subcommand, and where to find
 * help. No usage dump: the message should not scroll off the screen. Exit code {@link ObsidianCli#EXIT_USAGE}.
 */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException exception, String[] args) {
    CommandLine commandLine = exception.getCommandLine();
    PrintWriter err = commandLine.getErr();
    String command = commandLine.getCommandSpec().qualifiedName();
    err.println(command + ": " + exception.getMessage());
    UnmatchedArgumentException.printSuggestions(exception, err);
    err.println("Try '" + command + " --help' for more information.");
    err.flush();
    return ObsidianCli.EXIT_USAGE;
  }
}
