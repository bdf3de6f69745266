package dev.obsidian.node.cli.circuits;

import dev.obsidian.circuits.ir.Circuit;
import dev.obsidian.circuits.rollup.CircuitInfo;
import dev.obsidian.circuits.rollup.NamedCircuits;
import dev.obsidian.node.cli.UserInputException;
import java.io.PrintWriter;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "info",
    description = {
      "Builds the named circuit and prints its size: IR witnesses and opcodes, R1CS constraints, wires and public "
          + "inputs (counted as the R1CS compiler would emit them).",
      "Names: poseidon2-chain (with --n links, default 1), merkle-membership, base-rollup-2, base-rollup-8, "
          + "base-rollup-64 (the last takes minutes and several GB of heap)."
    })
final class CircuitsInfoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "The circuit's name.")
  String name;

  @Option(names = "--n", paramLabel = "LINKS", description = "poseidon2-chain only: number of hashes, 1..65536.")
  Integer links;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    Circuit circuit;
    try {
      circuit = NamedCircuits.build(name, links == null ? OptionalInt.empty() : OptionalInt.of(links), false);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    print(CircuitInfo.of(circuit), spec.commandLine().getOut());
    return 0;
  }

  private void print(CircuitInfo info, PrintWriter out) {
    if (json) {
      out.printf("{\"name\":\"%s\",\"constraints\":%d,\"wires\":%d,\"publicInputs\":%d,\"witnesses\":%d,"
              + "\"assertZero\":%d,\"rangeChecks\":%d,\"hints\":%d}%n", info.name(), info.constraints(), info.wires(),
          info.publicInputs(), info.witnesses(), info.assertZero(), info.rangeChecks(), info.hints());
      return;
    }
    out.printf("circuit        %s%n", info.name());
    out.printf("constraints    %d%n", info.constraints());
    out.printf("wires          %d (wire 0 = 1, then %d public)%n", info.wires(), info.publicInputs());
    out.printf("public inputs  %d%n", info.publicInputs());
    out.printf("IR             %d witnesses, %d assert-zero, %d range checks, %d hints%n", info.witnesses(),
        info.assertZero(), info.rangeChecks(), info.hints());
  }
}
