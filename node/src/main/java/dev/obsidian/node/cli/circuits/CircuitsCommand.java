package dev.obsidian.node.cli.circuits;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code obsidian circuits}: the proof system's named circuits, their artifacts and snarkjs interoperability. */
@Command(
    name = "circuits",
    description = "The proof system's named circuits (poseidon2-chain, merkle-membership, base-rollup-N), Groth16 proofs "
        + "and snarkjs interoperability.",
    subcommands = {CircuitsInfoCommand.class, CircuitsArtifactCommand.class, ExportCommand.class, ProveDemoCommand.class,
        ImportZkeyCommand.class})
public final class CircuitsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
