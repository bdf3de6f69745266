package dev.obsidian.node.cli.crypto;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code obsidian keys}: Aztec 4.1.2 account key derivation. */
@Command(name = "keys", description = "Aztec account keys.", subcommands = KeysDeriveCommand.class)
public final class KeysCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
