package dev.obsidian.circuits.snarkjs;

import dev.obsidian.circuits.groth16.DevSetup;
import dev.obsidian.circuits.groth16.Proof;
import dev.obsidian.circuits.groth16.Prover;
import dev.obsidian.circuits.groth16.ProvingKey;
import dev.obsidian.circuits.groth16.Verifier;
import dev.obsidian.circuits.r1cs.R1cs;
import dev.obsidian.crypto.field.Fr;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

/**
 * Writes a circuit and a proof for it in snarkjs's formats: {@code circuit.r1cs}, {@code witness.wtns},
 * {@code verification_key.json}, {@code proof.json}, {@code public.json}, so that {@code snarkjs groth16 verify}
 * can check our proof and snarkjs can prove our R1CS with our witness.
 */
public final class SnarkjsExport {
  private SnarkjsExport() {}

  /** What was written. */
  public record Result(Path directory, List<Fr> publicInputs, String verifyingKeyHash) {}

  public static Result write(R1cs r1cs, Fr[] witness, byte[] setupSeed, Path dir, PrintStream log)
      throws IOException {
    Files.createDirectories(dir);
    R1csFile.write(r1cs, dir.resolve("circuit.r1cs"));
    WtnsFile.write(witness, dir.resolve("witness.wtns"));
    ProvingKey pk = DevSetup.generate(r1cs, setupSeed, log);
    Proof proof = Prover.prove(pk, r1cs, witness, new SecureRandom());
    List<Fr> publicInputs = List.of(witness).subList(1, r1cs.numPublic() + 1);
    if (!Verifier.verify(pk.verifyingKey(), publicInputs, proof)) {
      throw new IllegalStateException("the proof we just made does not verify: refusing to export it");
    }
    SnarkjsJson.writeVerifyingKey(pk.verifyingKey(), dir.resolve("verification_key.json"));
    SnarkjsJson.writeProof(proof, dir.resolve("proof.json"));
    SnarkjsJson.writePublic(publicInputs, dir.resolve("public.json"));
    return new Result(dir, publicInputs,
        dev.obsidian.circuits.groth16.KeyCodec.contentHash(pk.verifyingKey()));
  }
}
