package dev.obsidian.node.cli.replay;

import dev.obsidian.actors.replay.BlockReplayer;
import dev.obsidian.actors.replay.ReplaySource;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.ProtocolHashes;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.node.cli.UserInputException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code obsidian state}: the world state at a past block, read from a private copy of the data dir. */
@Command(
    name = "state",
    mixinStandardHelpOptions = true,
    description = {
      "The world state at block N: roots and sizes of the five trees, one leaf (--tree T --leaf I), or a public",
      "storage value (--public-slot CONTRACT SLOT). From the store's snapshot of N if it still has one, else rebuilt",
      "by replaying the journal. Reads a private copy of the data dir; the node's files are never changed."
    })
public final class StateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DataDirOptions files;

  @Option(names = "--block", required = true, paramLabel = "N", description = "The block (0 is genesis).")
  long block;

  @Option(names = "--tree", paramLabel = "T", description = "note-hash, nullifier, public-data, l1-to-l2 or archive.")
  String tree;

  @Option(names = "--leaf", paramLabel = "I", description = "Leaf index in --tree.")
  Long leaf;

  @Option(names = "--public-slot", arity = "2", paramLabel = "CONTRACT SLOT",
      description = "A contract address and storage slot (0x-hex or decimal); prints the value stored there.")
  List<String> publicSlot;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    StateQuery query = query();
    String result;
    try (ReplaySource source = files.open()) {
      result = new BlockReplayer(source).readAt(block, read -> query.run(read, json));
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(result);
    out.flush();
    return 0;
  }

  private StateQuery query() {
    if (block < 0) {
      throw new UserInputException("--block must be 0 (genesis) or more, got " + block);
    }
    if (publicSlot != null) {
      if (tree != null || leaf != null) {
        throw new UserInputException("--public-slot cannot be combined with --tree/--leaf");
      }
      return new StateQuery.PublicSlot(block, parse(publicSlot.get(0), "CONTRACT"), parse(publicSlot.get(1), "SLOT"));
    }
    if ((tree == null) != (leaf == null)) {
      throw new UserInputException("--tree and --leaf go together: give both or neither");
    }
    if (tree == null) {
      return new StateQuery.Roots(block);
    }
    if (leaf < 0) {
      throw new UserInputException("--leaf must not be negative, got " + leaf);
    }
    try {
      return new StateQuery.Leaf(block, TreeId.fromName(tree), leaf);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--tree: " + e.getMessage(), e);
    }
  }

  private static Fr parse(String text, String name) {
    try {
      return Fr.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(name + " '" + text + "' is not a field element: " + e.getMessage(), e);
    }
  }

  /** The contract's slot as the public data tree keys it (Aztec computePublicDataTreeLeafSlot). */
  static Fr leafSlot(Fr contract, Fr slot) {
    return ProtocolHashes.computePublicDataTreeLeafSlot(new AztecAddress(contract), slot);
  }
}
