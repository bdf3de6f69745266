package dev.obsidian.node.cli.merkle;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.merkle.AppendOnlyTree;
import dev.obsidian.merkle.TreeFullException;
import dev.obsidian.node.cli.UserInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "append-root", description = "Root of a tree of height H after appending LEAF... from index 0.")
final class AppendRootCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print {\"root\": \"0x...\"}.")
  boolean json;

  @Option(names = "--height", paramLabel = "H", required = true, converter = Arguments.HeightConverter.class,
      description = "Tree height, 1..64.")
  int height;

  @Parameters(paramLabel = "LEAF", arity = "1..*",
      description = "Leaf values (hashes), 0x-hex or decimal; at least one (see empty-root).")
  List<String> leafTexts = new ArrayList<>();

  @Override
  public Integer call() {
    if (height == 0) {
      throw new UserInputException("--height 0 has no room to append: use 1..64");
    }
    List<Fr> leaves = Arguments.fields("LEAF", leafTexts);
    AppendOnlyTree tree = new AppendOnlyTree(height);
    try {
      tree.append(leaves);
    } catch (TreeFullException e) {
      throw new UserInputException("LEAF: " + leaves.size() + " leaves do not fit: " + e.getMessage(), e);
    }
    return RootPrinter.print(spec, json, "root", tree.root());
  }
}
