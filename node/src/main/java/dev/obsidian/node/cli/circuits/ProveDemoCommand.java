package dev.obsidian.node.cli.circuits;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code obsidian circuits prove-demo --circuit poseidon2-chain --n N --out DIR}. */
@Command(name = "prove-demo",
    description = "Builds a chain of N Poseidon2 permutations, proves it (dev setup: INSECURE) and writes the "
        + "snarkjs file set to DIR.")
public final class ProveDemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--circuit", defaultValue = "poseidon2-chain", description = "Circuit name: poseidon2-chain.")
  String circuit;

  @Option(names = "--n", required = true, description = "Poseidon2 permutations in the chain.")
  int n;

  @Option(names = "--out", required = true, description = "Output directory.")
  Path directory;

  @Option(names = "--seed", defaultValue = "obsidian-dev", description = "Dev setup seed (INSECURE).")
  String seed;

  @Override
  public Integer call() throws Exception {
    return ExportCommand.export(spec, circuit, n, directory, seed);
  }
}
