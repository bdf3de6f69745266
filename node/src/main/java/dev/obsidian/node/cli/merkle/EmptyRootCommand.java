package dev.obsidian.node.cli.merkle;

import dev.obsidian.merkle.AppendOnlyTree;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "empty-root", description = "Root of an empty tree of HEIGHT levels (0..64).")
final class EmptyRootCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print {\"root\": \"0x...\"}.")
  boolean json;

  @Parameters(paramLabel = "HEIGHT", converter = Arguments.HeightConverter.class, description = "Tree height, 0..64.")
  int height;

  @Override
  public Integer call() {
    return RootPrinter.print(spec, json, "root", AppendOnlyTree.emptyRoot(height));
  }
}
