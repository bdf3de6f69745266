package dev.obsidian.node.cli.merkle;

import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.node.cli.UserInputException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "genesis-root",
    description = "Root of a world-state tree at Aztec 4.1.2 genesis: note-hash, nullifier, public-data, l1-to-l2 "
        + "or archive (whose root is GENESIS_ARCHIVE_ROOT).")
final class GenesisRootCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print {\"root\": \"0x...\"}.")
  boolean json;

  @Parameters(paramLabel = "TREE", description = "note-hash | nullifier | public-data | l1-to-l2 | archive")
  String tree;

  @Override
  public Integer call() {
    TreeId id;
    try {
      id = TreeId.fromName(tree);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("TREE: " + e.getMessage(), e);
    }
    return RootPrinter.print(spec, json, "root", WorldStateFork.inMemoryGenesis().treeInfo(id).root());
  }
}
