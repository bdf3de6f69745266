package dev.obsidian.node.cli.crypto;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.ProtocolHashes;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "var-args-hash", description = "Hash of function arguments; zero for none (computeVarArgsHash).")
final class VarArgsHashCommand extends ValueCommand {

  @Parameters(paramLabel = "X", arity = "0..*", converter = Converters.FrConverter.class) List<Fr> args = new ArrayList<>();

  @Override
  CommandOutput compute() {
    return CommandOutput.of("varArgsHash", ProtocolHashes.computeVarArgsHash(args.toArray(Fr[]::new)));
  }
}
