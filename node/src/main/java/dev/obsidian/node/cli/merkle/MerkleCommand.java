package dev.obsidian.node.cli.merkle;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code obsidian merkle}: Aztec 4.1.2 Merkle tree roots, computed in memory. */
@Command(
    name = "merkle",
    description = {
      "Aztec 4.1.2 Merkle tree roots (node = poseidon2Hash([left, right]), empty leaf 0), computed in memory.",
      "Inputs are 0x-hex or decimal field elements; each output is 0x + 64 hex digits on its own line, or JSON."
    },
    subcommands = {
      EmptyRootCommand.class,
      AppendRootCommand.class,
      GenesisRootCommand.class,
      NullifierInsertRootCommand.class
    })
public final class MerkleCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
