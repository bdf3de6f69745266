package dev.obsidian.node.cli.crypto;

import dev.obsidian.crypto.bench.CryptoBench;
import dev.obsidian.node.cli.BenchTiming;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code obsidian bench crypto}: the plain-Java crypto benchmark (JMH figures: crypto's bench profile). */
@Command(name = "crypto",
    description = "Times Poseidon2 2->1 hashes, Fr multiplications and Fr inversions on one thread: ops/s (wall and "
        + "thread CPU).")
public final class CryptoBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin BenchTiming timing;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    timing.validate(spec, out);
    List<CryptoBench.Result> results = CryptoBench.runAll(timing.warmup().toMillis(), timing.measure().toMillis());
    out.println("Obsidian crypto benchmark (one thread; " + Runtime.getRuntime().availableProcessors() + " cores)");
    results.forEach(out::println);
    out.flush();
    return 0;
  }
}
