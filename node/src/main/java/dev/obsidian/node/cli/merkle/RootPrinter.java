package dev.obsidian.node.cli.merkle;

import dev.obsidian.crypto.field.Fr;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** Prints a command's field-element result: one 0x-hex line, or {"name":"0x..."} with --json. */
final class RootPrinter {
  private RootPrinter() {}

  static int print(CommandSpec spec, boolean json, String name, Fr value) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? "{\"" + name + "\":\"" + value.toHex() + "\"}" : value.toHex());
    out.flush();
    return 0;
  }
}
