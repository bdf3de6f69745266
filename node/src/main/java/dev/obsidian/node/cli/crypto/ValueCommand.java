package dev.obsidian.node.cli.crypto;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A command that computes values and prints them as text lines or, with --json, one JSON object. */
abstract class ValueCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print one JSON object (values as 0x-hex strings) instead of text lines.")
  boolean json;

  abstract CommandOutput compute();

  @Override
  public Integer call() {
    CommandOutput output = compute();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(output.json());
    } else {
      output.textLines().forEach(out::println);
    }
    out.flush();
    return 0;
  }
}
