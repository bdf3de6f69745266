package dev.obsidian.node.cli.circuits;

import dev.obsidian.circuits.demo.Poseidon2ChainCircuit;
import dev.obsidian.circuits.snarkjs.SnarkjsExport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code obsidian circuits export --circuit NAME --snarkjs DIR}. */
@Command(name = "export",
    description = "Writes circuit.r1cs, witness.wtns, verification_key.json, proof.json and public.json in "
        + "snarkjs's formats (dev setup: INSECURE).")
public final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--circuit", required = true, description = "Circuit name: poseidon2-chain.")
  String circuit;

  @Option(names = "--n", defaultValue = "4", description = "Poseidon2 permutations in the chain (default 4).")
  int n;

  @Option(names = "--snarkjs", required = true, description = "Output directory.")
  Path directory;

  @Option(names = "--seed", defaultValue = "obsidian-dev", description = "Dev setup seed (INSECURE).")
  String seed;

  @Override
  public Integer call() throws Exception {
    return export(spec, circuit, n, directory, seed);
  }

  static int export(CommandSpec spec, String circuit, int n, Path directory, String seed) throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Poseidon2ChainCircuit.Instance instance = DemoCircuits.build(circuit, n);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    SnarkjsExport.Result result = SnarkjsExport.write(instance.r1cs(), instance.witness(),
        seed.getBytes(StandardCharsets.UTF_8), directory, new PrintStream(log, true, StandardCharsets.UTF_8));
    spec.commandLine().getErr().print(log.toString(StandardCharsets.UTF_8));
    spec.commandLine().getErr().flush();
    out.println(circuit + " n=" + n + ": " + instance.r1cs().constraints().size() + " constraints, "
        + instance.r1cs().numWires() + " wires");
    out.println("wrote circuit.r1cs witness.wtns verification_key.json proof.json public.json to " + directory);
    out.println("public inputs: " + result.publicInputs());
    out.println("verifying key hash (sha256 of Obsidian encoding): " + result.verifyingKeyHash());
    out.println("check with: snarkjs groth16 verify " + directory.resolve("verification_key.json") + " "
        + directory.resolve("public.json") + " " + directory.resolve("proof.json"));
    out.flush();
    return 0;
  }
}
