package dev.obsidian.node.cli.crypto;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * Runs crypto subcommands read line by line, reusing one parsed command model so a script pays neither JVM
 * start-up nor model building per call. Each line yields exactly one output line.
 */
final class BatchRunner {

  /** Longest accepted line: a limit on input, as everything has one. */
  static final int MAX_LINE_CHARS = 1 << 20;

  private final PrintWriter out;
  private final CommandLine commandLine = CryptoCommand.newBatchCommandLine();
  private final StringWriter lineOut = new StringWriter();
  private final StringWriter lineErr = new StringWriter();

  BatchRunner(PrintWriter out) {
    this.out = out;
    commandLine.setOut(new PrintWriter(lineOut, true));
    commandLine.setErr(new PrintWriter(lineErr, true));
    commandLine.setParameterExceptionHandler((e, args) -> fail(e.getMessage()));
    commandLine.setExecutionExceptionHandler((e, cl, parsed) -> fail(e.getMessage()));
  }

  /** Returns whether every command succeeded. */
  boolean run(BufferedReader in) throws IOException {
    boolean allSucceeded = true;
    long lineNumber = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNumber++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String result = runLine(trimmed, lineNumber);
      allSucceeded &= !result.startsWith("error: ");
      out.println(result);
      out.flush();
    }
    return allSucceeded;
  }

  private String runLine(String line, long lineNumber) {
    if (line.length() > MAX_LINE_CHARS) {
      return "error: line " + lineNumber + " is longer than " + MAX_LINE_CHARS + " characters";
    }
    String[] args = line.split("\\s+");
    if (args[0].equals("crypto")) {
      args = Arrays.copyOfRange(args, 1, args.length);
    }
    if (args.length == 0 || args[0].startsWith("-")) {
      return "error: line " + lineNumber + ": expected a crypto subcommand, got \"" + line + "\"";
    }
    lineOut.getBuffer().setLength(0);
    lineErr.getBuffer().setLength(0);
    int exitCode = commandLine.execute(args);
    if (exitCode != 0) {
      return "error: line " + lineNumber + ": " + oneLine(lineErr.toString());
    }
    return oneLine(lineOut.toString());
  }

  private int fail(String message) {
    lineErr.write(message == null ? "failed" : message);
    return dev.obsidian.node.cli.ObsidianCli.EXIT_USAGE;
  }

  private static String oneLine(String text) {
    return text.lines().map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
  }
}
