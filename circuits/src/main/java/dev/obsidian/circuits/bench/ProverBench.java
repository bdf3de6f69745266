package dev.obsidian.circuits.bench;

import dev.obsidian.circuits.groth16.DevSetup;
import dev.obsidian.circuits.groth16.Prover;
import dev.obsidian.circuits.groth16.ProvingKey;
import dev.obsidian.circuits.groth16.Verifier;
import dev.obsidian.circuits.r1cs.R1cs;
import dev.obsidian.crypto.field.Fr;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;

/**
 * Proves one R1CS + witness with a fresh dev setup (not timed) and prints the phase times; the proof is then
 * verified (not timed) so a benchmark never reports a wrong proof.
 */
public final class ProverBench {
  private ProverBench() {}

  /** Figures of one run. */
  public record Report(int constraints, int wires, int domainSize, double witnessSeconds, Prover.Timings timings,
      boolean verified) {}

  /**
   * @param witnessSeconds time spent computing the witness, or a negative number when it was read from a file
   * @param repetitions proofs to time; the fastest is reported (the first warms up the JIT)
   */
  public static Report run(String name, R1cs r1cs, Fr[] witness, double witnessSeconds, int repetitions,
      PrintStream out) {
    out.printf(Locale.ROOT, "%s: %d constraints, %d wires (%d public)%n", name, r1cs.constraints().size(),
        r1cs.numWires(), r1cs.numPublic());
    long setupStart = System.nanoTime();
    ProvingKey pk = DevSetup.generate(r1cs, "obsidian-bench".getBytes(StandardCharsets.UTF_8), out);
    out.printf(Locale.ROOT, "setup (dev, not timed): %.3f s, domain 2^%d%n", (System.nanoTime() - setupStart) / 1e9,
        pk.log2DomainSize());
    SecureRandom random = new SecureRandom();
    Prover.Result best = null;
    for (int i = 0; i < Math.max(1, repetitions); i++) {
      Prover.Result result = Prover.proveTimed(pk, r1cs, witness, random);
      if (best == null || result.timings().totalSeconds() < best.timings().totalSeconds()) {
        best = result;
      }
    }
    List<Fr> publicInputs = List.of(witness).subList(1, r1cs.numPublic() + 1);
    boolean verified = Verifier.verify(pk.verifyingKey(), publicInputs, best.proof());
    Prover.Timings t = best.timings();
    if (witnessSeconds >= 0) {
      out.printf(Locale.ROOT, "witness %.3f s%n", witnessSeconds);
    } else {
      out.println("witness: read from file (not part of proving)");
    }
    out.printf(Locale.ROOT, "quotient (constraint evaluation, pointwise) %.3f s%n", t.quotientSeconds());
    out.printf(Locale.ROOT, "fft %.3f s%n", t.fftSeconds());
    out.printf(Locale.ROOT, "msm %.3f s (A %.3f, B in G1 %.3f, B in G2 %.3f, L %.3f, H %.3f)%n", t.msmSeconds(),
        t.msmASeconds(), t.msmB1Seconds(), t.msmB2Seconds(), t.msmLSeconds(), t.msmHSeconds());
    out.printf(Locale.ROOT, "total %.3f s%n", t.totalSeconds());
    out.println(verified ? "proof verified" : "PROOF FAILED VERIFICATION");
    return new Report(r1cs.constraints().size(), r1cs.numWires(), pk.domainSize(), witnessSeconds, t, verified);
  }
}
