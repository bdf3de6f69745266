package dev.obsidian.node.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** One in-process run of the real {@code obsidian} command line: exit code and what it wrote to stdout and stderr. */
public record CliRun(int exitCode, String out, String err) {

  /** Runs with an empty environment, so no OBSIDIAN_* variable of the machine leaks into the test. */
  public static CliRun of(String... args) {
    return run(Map.of(), args);
  }

  public static CliRun run(Map<String, String> environment, String... args) {
    return run(ObsidianCli.newCommandLine(environment), args);
  }

  public static CliRun run(CommandLine commandLine, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  /** Runs with {@code stdin} as standard input (batch mode reads System.in). */
  public static synchronized CliRun withInput(String stdin, String... args) {
    InputStream original = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      return of(args);
    } finally {
      System.setIn(original);
    }
  }

  public List<String> lines() {
    return out.lines().toList();
  }
}
