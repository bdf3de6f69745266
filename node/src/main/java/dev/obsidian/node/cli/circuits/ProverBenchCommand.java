package dev.obsidian.node.cli.circuits;

import dev.obsidian.circuits.bench.ProverBench;
import dev.obsidian.circuits.demo.Poseidon2ChainCircuit;
import dev.obsidian.circuits.r1cs.R1cs;
import dev.obsidian.circuits.snarkjs.R1csFile;
import dev.obsidian.circuits.snarkjs.WtnsFile;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.node.cli.UserInputException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code obsidian bench prover}: Groth16 proving times (setup excluded), on all cores. */
@Command(name = "prover",
    description = "Groth16 proving time on all cores: the poseidon2-chain demo at the given sizes, or any "
        + "snarkjs-format R1CS + witness (--r1cs/--wtns). Prints witness, FFT, MSM and `total <seconds> s`; the dev "
        + "setup (INSECURE) is not timed.")
public final class ProverBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--r1cs", description = "A snarkjs/circom .r1cs file (needs --wtns).")
  Path r1csFile;

  @Option(names = "--wtns", description = "A snarkjs .wtns witness for --r1cs.")
  Path wtnsFile;

  @Option(names = "--log2", split = ",", defaultValue = "16",
      description = "poseidon2-chain sizes as log2 of the constraint count (default 16; e.g. 16,18,20).")
  List<Integer> sizes;

  @Option(names = "--circuit", split = ",",
      description = "Rollup circuits to prove instead of the demo, e.g. base-rollup-2,block-root-1 (a sample block "
          + "on the genesis state; the witness time includes the tree witnesses).")
  List<String> circuits;

  @Option(names = "--block", paramLabel = "NAME", description = "Time the proofs of a 1-tx block with this base "
      + "rollup variant (base-rollup-2, base-rollup-8): the tx's base rollup, then the block root (block-root-1), one "
      + "after the other; per proof: solve, assignment, quotient, FFT, each MSM. Both proofs are verified (not timed). "
      + "Keys from --key-dir (made once by the INSECURE dev setup, not timed).")
  String block;

  @Option(names = "--key-dir", paramLabel = "DIR", description = "Key directory for --block (default: the shared "
      + "cache, as obsidian.prover.key-dir = \"\").")
  Path keyDir;

  @Option(names = "--repetitions", defaultValue = "2",
      description = "Proofs per size; the fastest is reported (the first warms up the JIT). Default 2.")
  int repetitions;

  @Override
  public Integer call() throws IOException {
    PrintWriter writer = spec.commandLine().getOut();
    PrintStream out = new PrintStream(new WriterOutputStream(writer), true, StandardCharsets.UTF_8);
    if (repetitions < 1 || repetitions > 100) {
      throw new UserInputException("--repetitions: must be in [1, 100], got " + repetitions);
    }
    out.println("Obsidian Groth16 prover benchmark (" + Runtime.getRuntime().availableProcessors() + " cores)");
    if (block != null) {
      Path keys = keyDir != null ? keyDir
          : dev.obsidian.config.ProverSettings.defaults(true).resolvedKeyDir(System.getenv());
      try {
        BlockProofBench.run(block, keys, repetitions, out);
      } catch (IllegalArgumentException e) {
        throw new UserInputException(e.getMessage(), e);
      }
      return 0;
    }
    if (r1csFile != null || wtnsFile != null) {
      if (r1csFile == null || wtnsFile == null) {
        throw new UserInputException("--r1cs and --wtns go together: give both files");
      }
      R1cs r1cs = read(() -> R1csFile.read(r1csFile), "--r1cs " + r1csFile);
      Fr[] witness = read(() -> WtnsFile.read(wtnsFile), "--wtns " + wtnsFile);
      if (witness.length != r1cs.numWires()) {
        throw new UserInputException("--wtns: " + witness.length + " values, but the R1CS has " + r1cs.numWires()
            + " wires");
      }
      ProverBench.run(r1csFile.getFileName().toString(), r1cs, witness, -1, repetitions, out);
      return 0;
    }
    if (circuits != null && !circuits.isEmpty()) {
      for (String name : circuits) {
        if (!dev.obsidian.circuits.bench.RollupBenchInputs.isRollupCircuit(name)
            || !dev.obsidian.circuits.rollup.NamedCircuits.names().contains(name)) {
          throw new UserInputException("--circuit: '" + name + "' is not a rollup circuit of "
              + dev.obsidian.circuits.rollup.NamedCircuits.names());
        }
        dev.obsidian.circuits.bench.RollupBenchInputs.Instance instance =
            dev.obsidian.circuits.bench.RollupBenchInputs.build(name);
        ProverBench.run(name, instance.compiled().r1cs(), instance.assignment(), instance.witnessSeconds(),
            repetitions, out);
      }
      return 0;
    }
    for (int log2 : sizes) {
      if (log2 < 10 || log2 > 22) {
        throw new UserInputException("--log2: sizes must be in [10, 22], got " + log2);
      }
      long start = System.nanoTime();
      Poseidon2ChainCircuit.Instance instance =
          Poseidon2ChainCircuit.build(Poseidon2ChainCircuit.permutationsFor((1 << log2) - 3), Fr.of(7));
      double witnessSeconds = (System.nanoTime() - start) / 1e9;
      ProverBench.run("poseidon2-chain 2^" + log2, instance.r1cs(), instance.witness(), witnessSeconds,
          repetitions, out);
    }
    return 0;
  }

  private interface Reader<T> {
    T read() throws IOException;
  }

  private static <T> T read(Reader<T> reader, String what) {
    try {
      return reader.read();
    } catch (IOException | IllegalArgumentException e) {
      throw new UserInputException(what + ": " + e.getMessage(), e);
    }
  }

  /** Lets the bench's PrintStream write into picocli's writer (so tests capture it). */
  private static final class WriterOutputStream extends java.io.OutputStream {
    private final PrintWriter writer;
    private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

    WriterOutputStream(PrintWriter writer) {
      this.writer = writer;
    }

    @Override
    public void write(int b) {
      line.write(b);
      if (b == '\n') {
        flush();
      }
    }

    @Override
    public void flush() {
      writer.print(line.toString(StandardCharsets.UTF_8));
      writer.flush();
      line.reset();
    }
  }
}
