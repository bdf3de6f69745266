package dev.obsidian.node.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** One in-process run of the CLI: exit code and everything written to stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

  static CliRun run(Map<String, String> environment, String... args) {
    return run(ObsidianCli.newCommandLine(environment), args);
  }

  static CliRun run(CommandLine commandLine, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }
}
