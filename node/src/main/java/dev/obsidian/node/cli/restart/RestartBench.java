package dev.obsidian.node.cli.restart;

import dev.obsidian.sim.TemporaryDataDir;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code obsidian bench restart}: grows a data dir to N blocks with {@link ChainBuilder}, then runs
 * {@link RestartProbe} in fresh JVMs (same java, class path and JVM options as this one, plus
 * {@code OBSIDIAN_PROBE_JAVA_OPTS}, e.g. a JFR recording) and reports the median time to ready.
 */
public final class RestartBench {
  static final long PROBE_TIMEOUT_SECONDS = 300;
  /** Extra JVM options for the restarted JVMs only (space-separated), e.g. -XX:StartFlightRecording=... */
  static final String PROBE_OPTS_ENV = "OBSIDIAN_PROBE_JAVA_OPTS";

  /**
   * How the restarted JVMs load classes: {@code AOT} is JDK 25's ahead-of-time cache (JEP 483/514: classes loaded and
   * linked, written by a first training run), {@code CDS} the dynamic class-data archive the launcher gives
   * {@code ./obsidian sandbox}, {@code NONE} neither.
   */
  public enum ClassData { AOT, CDS, NONE }

  /** One restart: milliseconds from JVM launch to ready, of the node's start alone, and the lines explaining them. */
  record Run(double readyMillis, double nodeMillis, long blocks, List<String> steps, long mainAtMillis, long cpuMillis) {}

  private final PrintWriter out;
  private final ClassData classData;

  public RestartBench(PrintWriter out, ClassData classData) {
    this.out = out;
    this.classData = classData;
  }

  /** AOT on a JDK 25 or newer, else CDS. */
  public static ClassData defaultClassData() {
    return Runtime.version().feature() >= 25 ? ClassData.AOT : ClassData.CDS;
  }

  public int run(Optional<Path> dataDir, long blocks, int txsPerBlock, int runs) throws Exception {
    Path dir = dataDir.orElseGet(() -> TemporaryDataDir.create("obsidian-restart-bench-"));
    try {
      new ChainBuilder(out).build(dir, txsPerBlock, blocks, 1);
      Optional<Path> archive = classDataArchive(classData);
      if (archive.isPresent() && !Files.exists(archive.get())) {
        out.println("first restart (not counted): writes the class-data " + (classData == ClassData.AOT ? "AOT cache "
            : "archive ") + archive.get() + ", as the sandbox's first start writes its archive");
        out.flush();
        probe(dir, txsPerBlock, archive.map(file -> classData == ClassData.AOT
            ? List.of("-XX:AOTCacheOutput=" + file) : cdsOptions(file)).orElse(List.of()));
      }
      List<String> classDataOptions = archive.map(file -> classData == ClassData.AOT
          ? List.of("-XX:AOTCache=" + file) : cdsOptions(file)).orElse(List.of());
      List<Run> results = new ArrayList<>();
      for (int i = 1; i <= runs; i++) {
        Run run = probe(dir, txsPerBlock, classDataOptions);
        if (run.blocks() < blocks) {
          throw new IllegalStateException("after the restart the node has " + run.blocks() + " blocks, expected at least "
              + blocks);
        }
        results.add(run);
        out.printf("restart %d of %d: ready %.0f ms after JVM launch, %d ms of CPU (main() at %d ms; node start %.0f ms: %s)%n",
            i, runs, run.readyMillis(), run.cpuMillis(), run.mainAtMillis(), run.nodeMillis(), String.join(", ", run.steps()));
        out.flush();
      }
      List<Run> sorted = results.stream().sorted(Comparator.comparingDouble(Run::readyMillis)).toList();
      Run median = sorted.get(sorted.size() / 2);
      double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      out.printf("restart after %d blocks ready in %.0f ms (median of %d fresh JVMs; %d ms of CPU; node start alone %.0f ms; "
          + "%d txs per block; class data %s; no L1; load average %.1f on %d cores)%n", median.blocks(), median.readyMillis(),
          runs, median.cpuMillis(), median.nodeMillis(), txsPerBlock, classData.name().toLowerCase(java.util.Locale.ROOT),
          load, Runtime.getRuntime().availableProcessors());
      out.flush();
      return 0;
    } finally {
      if (dataDir.isEmpty()) {
        TemporaryDataDir.delete(dir);
      }
    }
  }

  private static List<String> cdsOptions(Path archive) {
    return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off",
        "-Xlog:cds+dynamic=off");
  }

  private Run probe(Path dataDir, int txsPerBlock, List<String> classDataOptions) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!option.startsWith("-agentlib:jdwp") && !option.startsWith("-XX:StartFlightRecording")) {
        command.add(option);
      }
    }
    command.addAll(classDataOptions);
    String extra = System.getenv(PROBE_OPTS_ENV);
    if (extra != null && !extra.isBlank()) {
      command.addAll(List.of(extra.trim().split("\\s+")));
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), RestartProbe.class.getName(),
        dataDir.toAbsolutePath().toString(), Integer.toString(txsPerBlock)));
    Path log = Files.createTempFile("obsidian-restart-probe-", ".log");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!process.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("the restarted node was not ready within " + PROBE_TIMEOUT_SECONDS + " s; its log: " + log);
      }
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException("the restarted node failed (exit " + process.exitValue() + "):\n"
            + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
      }
      return parse(lines);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /**
   * The restarted JVMs keep a class-data archive of their own beside the jar, as {@code ./obsidian sandbox} does
   * (start-up is mostly class loading), dropped when a jar is newer; none when this JVM does not run from a jar or
   * already names an archive.
   */
  static Optional<Path> classDataArchive(ClassData classData) {
    if (classData == ClassData.NONE || ManagementFactory.getRuntimeMXBean().getInputArguments().stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile"))) {
      return Optional.empty();
    }
    String classPath = System.getProperty("java.class.path");
    if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
      return Optional.empty();
    }
    Path jar = Path.of(classPath).toAbsolutePath();
    Path archive = jar.resolveSibling(classData == ClassData.AOT ? "obsidian-restart.aot" : "obsidian-restart.jsa");
    try {
      if (Files.exists(archive)) {
        java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(archive);
        try (Stream<Path> jars = Stream.concat(Stream.of(jar), Files.exists(jar.resolveSibling("lib"))
            ? Files.list(jar.resolveSibling("lib")) : Stream.empty())) {
          boolean stale = jars.anyMatch(file -> {
            try {
              return Files.getLastModifiedTime(file).compareTo(written) > 0;
            } catch (IOException e) {
              return true;
            }
          });
          if (stale) {
            Files.delete(archive);
          }
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(archive);
  }

  static Run parse(List<String> lines) {
    double ready = -1;
    double node = -1;
    long blocks = -1;
    long mainAt = -1;
    long cpu = -1;
    List<String> steps = new ArrayList<>();
    for (String line : lines) {
      if (!line.startsWith(RestartProbe.PREFIX)) {
        continue;
      }
      String[] words = line.substring(RestartProbe.PREFIX.length()).split(" ", 3);
      switch (words[0]) {
        case "main-at" -> mainAt = Long.parseLong(words[1]);
        case "cpu" -> cpu = Long.parseLong(words[1]);
        case "step" -> steps.add(words[2] + " " + Math.round(Double.parseDouble(words[1])) + " ms");
        case "node" -> node = Double.parseDouble(words[1]);
        case "uptime" -> ready = Double.parseDouble(words[1]);
        case "blocks" -> blocks = Long.parseLong(words[1]);
        default -> { }
      }
    }
    if (ready < 0 || node < 0 || blocks < 0) {
      throw new IllegalStateException("the restart probe printed no timings:\n" + String.join("\n", lines));
    }
    return new Run(ready, node, blocks, steps, mainAt, cpu);
  }
}
