package dev.obsidian.node.cli;

import dev.obsidian.crypto.bench.CryptoBench;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Timing options every {@code obsidian bench} subcommand shares (a picocli mixin), with their checks. */
public final class BenchTiming {
  private static final int MAX_SECONDS = 600;

  @Option(names = "--warmup-seconds", paramLabel = "S", defaultValue = "3",
      description = "Warm-up per benchmark, 0..600 (default 3).")
  int warmupSeconds;

  @Option(names = "--measure-seconds", paramLabel = "S", defaultValue = "5",
      description = "Measured time per benchmark, 1..600 (default 5).")
  int measureSeconds;

  /** Checks the options (exit 2 naming the option) and warns when the JVM's JIT would make figures meaningless. */
  public void validate(CommandSpec spec, PrintWriter out) {
    requireRange(spec, "--warmup-seconds", warmupSeconds, 0);
    requireRange(spec, "--measure-seconds", measureSeconds, 1);
    CryptoBench.jitWarning().ifPresent(warning -> out.println("warning: " + warning));
  }

  public Duration warmup() {
    return Duration.ofSeconds(warmupSeconds);
  }

  public Duration measure() {
    return Duration.ofSeconds(measureSeconds);
  }

  private static void requireRange(CommandSpec spec, String option, int value, int min) {
    if (value < min || value > MAX_SECONDS) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '" + option + "': " + value + " is outside " + min + ".." + MAX_SECONDS);
    }
  }
}
