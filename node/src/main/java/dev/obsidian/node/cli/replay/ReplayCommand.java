package dev.obsidian.node.cli.replay;

import dev.obsidian.actors.replay.BlockReplay;
import dev.obsidian.actors.replay.BlockReplayer;
import dev.obsidian.actors.replay.ReplaySource;
import dev.obsidian.node.cli.UserInputException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code obsidian replay}: re-executes a journaled block and checks every root against the journal. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Re-execute block N from the node's journal against the state at N-1 and check every root the journal holds.",
      "Reads a private copy of the data dir: the node's journal and store are never opened or changed (the node may run).",
      "Prints each tx's inserted nullifiers and note hashes with their leaf indexes, public slots old -> new, logs and",
      "the trees after it. Exit 0 when everything matches, 1 naming the first divergence, 2 for bad arguments."
    })
public final class ReplayCommand implements Callable<Integer> {
  /** Exit code when re-execution disagrees with the journal. */
  public static final int EXIT_DIVERGENCE = 1;

  @Spec CommandSpec spec;

  @Mixin DataDirOptions files;

  @Option(names = "--block", required = true, paramLabel = "N", description = "The block to re-execute (1 or more).")
  long block;

  @Option(names = "--tx", paramLabel = "I", description = "Show only tx I's diff (the whole block is still checked).")
  Integer tx;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    if (block < 1) {
      throw new UserInputException("--block must be 1 or more (block 0 is genesis, which has no txs), got " + block);
    }
    BlockReplay replay;
    try (ReplaySource source = files.open()) {
      replay = new BlockReplayer(source).replay(block);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    if (tx != null && (tx < 0 || tx >= replay.txCount())) {
      throw new UserInputException("--tx " + tx + " is not in block " + block + ", which has " + replay.txCount() + " txs");
    }
    print(new ReplayReport(replay, tx));
    return replay.matches() ? 0 : EXIT_DIVERGENCE;
  }

  private void print(ReplayReport report) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(report.json());
    } else {
      report.text().forEach(out::println);
    }
    out.flush();
  }
}
