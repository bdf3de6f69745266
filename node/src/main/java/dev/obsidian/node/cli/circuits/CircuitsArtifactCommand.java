package dev.obsidian.node.cli.circuits;

import dev.obsidian.circuits.ir.Circuit;
import dev.obsidian.circuits.ir.CircuitFormat;
import dev.obsidian.circuits.rollup.NamedCircuits;
import dev.obsidian.node.cli.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "artifact",
    description = {
      "Builds the named circuit (with source locations) and writes it in the versioned binary circuit format "
          + "(circuits/README.md), then prints the file's size and its SHA-256 content hash."
    })
final class CircuitsArtifactCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "The circuit's name (see `obsidian circuits info --help`).")
  String name;

  @Option(names = "--n", paramLabel = "LINKS", description = "poseidon2-chain only: number of hashes, 1..65536.")
  Integer links;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the artifact.")
  Path out;

  @Override
  public Integer call() throws IOException {
    Circuit circuit;
    try {
      circuit = NamedCircuits.build(name, links == null ? OptionalInt.empty() : OptionalInt.of(links), true);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    byte[] encoded = CircuitFormat.write(circuit);
    Files.write(out, encoded);
    spec.commandLine().getOut().printf("%s: %d bytes, sha256 %s%n", out, encoded.length,
        HexFormat.of().formatHex(encoded, encoded.length - 32, encoded.length));
    return 0;
  }
}
