package dev.obsidian.node.cli.circuits;

import dev.obsidian.circuits.groth16.KeyStore;
import dev.obsidian.circuits.groth16.ProvingKey;
import dev.obsidian.circuits.ir.Circuit;
import dev.obsidian.circuits.ir.CompiledCircuit;
import dev.obsidian.circuits.ir.R1csCompiler;
import dev.obsidian.circuits.rollup.NamedCircuits;
import dev.obsidian.circuits.snarkjs.ZkeyFile;
import dev.obsidian.config.ProverSettings;
import dev.obsidian.node.cli.UserInputException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code obsidian circuits import-zkey}: a ceremony's snarkjs phase-2 key replaces the dev key of a circuit. */
@Command(name = "import-zkey", mixinStandardHelpOptions = true,
    description = "Imports a snarkjs Groth16 phase-2 .zkey (from a ceremony, e.g. after `snarkjs zkey contribute` on "
        + "the .r1cs that `circuits export` writes) as the key of the named circuit, after checking that it was made "
        + "for exactly the circuit's R1CS (sizes and every coefficient). Nodes and provers then load it instead of the "
        + "INSECURE dev key. Prints the key's content hashes.")
final class ImportZkeyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--circuit", required = true, paramLabel = "NAME",
      description = "base-rollup-2, base-rollup-8, base-rollup-64, merkle-membership or poseidon2-chain.")
  String circuit;

  @Option(names = "--n", paramLabel = "LINKS", description = "poseidon2-chain only: number of hashes (key name "
      + "poseidon2-chain-LINKS).")
  Integer links;

  @Option(names = "--zkey", required = true, paramLabel = "FILE", description = "The snarkjs .zkey file.")
  Path zkey;

  @Option(names = "--key-dir", paramLabel = "DIR", description = "Key directory (default: the shared cache, as "
      + "obsidian.prover.key-dir = \"\").")
  Path keyDir;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(zkey)) {
      throw new UserInputException("--zkey: " + zkey + " is not a file");
    }
    Circuit built;
    try {
      built = NamedCircuits.build(circuit, links == null ? OptionalInt.empty() : OptionalInt.of(links), false);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--circuit: " + e.getMessage(), e);
    }
    String keyName = links == null ? circuit : circuit + "-" + links;
    CompiledCircuit compiled = R1csCompiler.compile(built);
    ProvingKey pk;
    try {
      pk = ZkeyFile.read(zkey, compiled.r1cs());
    } catch (IOException | RuntimeException e) {
      throw new UserInputException("--zkey: " + e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    Path directory = keyDir != null ? keyDir : ProverSettings.defaults(true).resolvedKeyDir(System.getenv());
    KeyStore store = new KeyStore(directory, new PrintStream(System.err, true, StandardCharsets.UTF_8));
    KeyStore.LoadedKey stored = store.store(keyName, pk, KeyStore.r1csHash(compiled.r1cs()),
        "snarkjs zkey " + zkey.toAbsolutePath() + " sha256 " + sha256(zkey));
    out.println("imported " + zkey + " as the key of " + keyName + " in " + directory);
    out.println("r1cs-sha256 " + stored.r1csHash());
    out.println("pk-sha256 " + stored.provingKeyHash());
    out.println("vk-sha256 " + stored.verifyingKeyHash());
    return 0;
  }

  private static String sha256(Path file) throws IOException {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(Files.readAllBytes(file)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
