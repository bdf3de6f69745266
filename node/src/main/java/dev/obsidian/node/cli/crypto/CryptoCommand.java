package dev.obsidian.node.cli.crypto;

import dev.obsidian.node.cli.ObsidianCli;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code obsidian crypto}: Aztec 4.1.2 hashes and curve operations, one shot or as a batch from stdin. */
@Command(
    name = "crypto",
    description = {
      "Aztec 4.1.2 hashes and Grumpkin operations. Inputs are 0x-hex or decimal; outputs are 0x + 64 hex digits.",
      "With --batch, reads one subcommand per line from stdin (e.g. \"poseidon2 0x01 0x02\") and writes one line",
      "per command: its values separated by spaces, or \"error: <reason>\"; blank and #-lines are skipped."
    },
    subcommands = {
      Poseidon2Command.class,
      Poseidon2PermutationCommand.class,
      GrumpkinMulCommand.class,
      Sha256ToFieldCommand.class,
      SiloNoteHashCommand.class,
      SiloNullifierCommand.class,
      NoteHashNonceCommand.class,
      UniqueNoteHashCommand.class,
      SecretHashCommand.class,
      VarArgsHashCommand.class,
      PublicDataLeafSlotCommand.class,
      StorageSlotInMapCommand.class
    })
public final class CryptoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--batch", description = "Read commands from stdin, one per line; exit 2 if any line failed.")
  boolean batch;

  @Override
  public Integer call() throws IOException {
    if (!batch) {
      spec.commandLine().usage(spec.commandLine().getOut());
      return 0;
    }
    PrintWriter out = spec.commandLine().getOut();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    boolean allSucceeded = new BatchRunner(out).run(in);
    return allSucceeded ? 0 : ObsidianCli.EXIT_USAGE;
  }

  /** A fresh command tree for batch lines (never the one running the batch, so a line cannot start another). */
  static CommandLine newBatchCommandLine() {
    return new CommandLine(new CryptoCommand());
  }
}
