package dev.obsidian.node.cli.merkle;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.merkle.DuplicateNullifierException;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.node.cli.UserInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "nullifier-insert-root",
    description = "Root of the genesis nullifier tree after inserting N... as one tx (padded with zeros to 64, "
        + "subtree height 6, Aztec's batch insertion). A 0 is padding.")
final class NullifierInsertRootCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print {\"root\": \"0x...\"}.")
  boolean json;

  @Parameters(paramLabel = "N", arity = "1..*",
      description = "Nullifiers, 0x-hex or decimal; at most MAX_NULLIFIERS_PER_TX (64).")
  List<String> nullifierTexts = new ArrayList<>();

  @Override
  public Integer call() {
    List<Fr> nullifiers = Arguments.fields("N", nullifierTexts);
    if (nullifiers.size() > Constants.MAX_NULLIFIERS_PER_TX) {
      throw new UserInputException("N: " + nullifiers.size() + " nullifiers given, a tx has at most "
          + Constants.MAX_NULLIFIERS_PER_TX);
    }
    WorldStateFork genesis = WorldStateFork.inMemoryGenesis();
    try {
      genesis.insertTxNullifiers(nullifiers);
    } catch (DuplicateNullifierException e) {
      throw new UserInputException("N: " + e.getMessage(), e);
    }
    return RootPrinter.print(spec, json, "root", genesis.treeInfo(TreeId.NULLIFIER).root());
  }
}
