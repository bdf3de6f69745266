package dev.obsidian.node.cli;

import dev.obsidian.sim.LoadPlan;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code obsidian loadtest}: simulated users submit valid random txs at a fixed aggregate rate to a node in this JVM
 * or to one on this machine over JSON-RPC, then the command prints throughput and inclusion latency and can write an
 * HTML report. Every flag is checked here, before anything starts, and a bad one exits 2 naming it; {@link LoadtestRun}
 * does the work.
 */
@Command(
    name = "loadtest",
    mixinStandardHelpOptions = true,
    description = {
      "Submit valid random txs from simulated users at a fixed aggregate rate and measure acceptance, throughput "
          + "(txs/s sequenced and applied) and inclusion latency (submit to receipt mined, p50/p90/p99/max).",
      "Targets a node started in this process (--in-process, the default) or one on this machine (--url; loopback "
          + "addresses only). The run is bounded: rate x duration txs at most, then at most --drain waiting for them."
    })
final class LoadtestCommand implements Callable<Integer> {
  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

  @Spec CommandSpec spec;

  @Option(names = "--users", required = true, paramLabel = "U",
      description = "Simulated users, 1 to " + LoadPlan.MAX_USERS + ".")
  int users;

  @Option(names = "--rate", required = true, paramLabel = "R",
      description = "Aggregate submission rate in txs per second, 1 to " + LoadPlan.MAX_TXS_PER_SECOND + ".")
  int rate;

  @Option(names = "--duration", required = true, paramLabel = "S", converter = SecondsConverter.class,
      description = "How long to submit: seconds (60) or with a unit (90s, 2m); 1 s to 1 h.")
  Duration duration;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Target target = new Target();

  static final class Target {
    @Option(names = "--url", paramLabel = "URL",
        description = "JSON-RPC URL of a running node on this machine, e.g. http://127.0.0.1:8080/.")
    String url;

    @Option(names = "--in-process", description = "Start a node in this process (the default).")
    boolean inProcess;
  }

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "In-process node's data directory (default: a temporary one, deleted afterwards).")
  Path dataDir;

  @Option(names = "--block-time", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "In-process node's block time, e.g. 500ms (default: chosen for the rate, at most 1s).")
  Duration blockTime;

  @Option(names = "--report", paramLabel = "FILE", description = "Write an HTML report with charts to FILE.")
  Path report;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "Seed of the users' random tx streams (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--drain", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "30s",
      description = "Longest wait after the last submission for accepted txs to be mined (default ${DEFAULT-VALUE}).")
  Duration drain;

  @Override
  public Integer call() {
    LoadPlan plan = plan();
    Optional<URI> url = Optional.ofNullable(target.url).map(this::loopbackUrl);
    checkInProcessOnly(url.isPresent());
    checkReport();
    checkDataDir();
    return new LoadtestRun(spec.commandLine().getOut()).run(plan, url, Optional.ofNullable(dataDir),
        Optional.ofNullable(blockTime), Optional.ofNullable(report));
  }

  private LoadPlan plan() {
    requireRange("--users", users, 1, LoadPlan.MAX_USERS);
    requireRange("--rate", rate, 1, LoadPlan.MAX_TXS_PER_SECOND);
    if (duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.compareTo(LoadPlan.MAX_DURATION) > 0) {
      throw usage("--duration must be between 1 s and " + LoadPlan.MAX_DURATION.toSeconds() + " s, got "
          + duration.toMillis() + " ms");
    }
    if (drain.compareTo(LoadPlan.MAX_DRAIN) > 0) {
      throw usage("--drain must be at most " + LoadPlan.MAX_DRAIN.toSeconds() + " s, got " + drain.toSeconds() + " s");
    }
    long total = (long) rate * duration.toMillis() / 1000;
    if (total > LoadPlan.MAX_TOTAL_TXS) {
      throw usage("--rate x --duration is " + total + " txs, more than the " + LoadPlan.MAX_TOTAL_TXS
          + " a run may submit: lower --rate or --duration");
    }
    return new LoadPlan(users, rate, duration, seed, drain);
  }

  /** Only this machine: a load test aimed elsewhere would be an attack, not a measurement. */
  private URI loopbackUrl(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw usage("--url '" + text + "' is not a URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw usage("--url '" + text + "' must be an http:// or https:// URL");
    }
    String host = uri.getHost();
    if (host == null || !isLoopback(host)) {
      throw usage("--url '" + text + "' is not on this machine: the load test only targets loopback hosts "
          + "(localhost, 127.0.0.0/8, [::1])");
    }
    return uri.getPath() == null || uri.getPath().isEmpty() ? uri.resolve("/") : uri;
  }

  static boolean isLoopback(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.equals("localhost") || name.equals("[::1]") || name.equals("::1")) {
      return true;
    }
    if (!IPV4_LOOPBACK.matcher(name).matches()) {
      return false;
    }
    for (String part : name.split("\\.")) {
      if (Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  private void checkInProcessOnly(boolean remote) {
    if (remote && dataDir != null) {
      throw usage("--data-dir is for an in-process node; with --url the node keeps its own data");
    }
    if (remote && blockTime != null) {
      throw usage("--block-time is for an in-process node; with --url the node's own block time applies");
    }
    if (blockTime != null && (blockTime.toMillis() < 100 || blockTime.toMillis() > 3_600_000)) {
      throw usage("--block-time must be between 100 ms and 1 h, got " + blockTime.toMillis() + " ms");
    }
  }

  private void checkReport() {
    if (report == null) {
      return;
    }
    Path parent = report.toAbsolutePath().getParent();
    if (Files.isDirectory(report)) {
      throw usage("--report " + report + " is a directory; give a file name such as report.html");
    }
    if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
      throw usage("--report " + report + ": the directory " + parent + " does not exist or is not writable");
    }
  }

  private void checkDataDir() {
    if (dataDir != null && Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
      throw usage("--data-dir " + dataDir + " exists and is not a directory");
    }
  }

  private void requireRange(String flag, long value, long min, long max) {
    if (value < min || value > max) {
      throw usage(flag + " must be between " + min + " and " + max + ", got " + value);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** Seconds as a bare number (the issue's {@code --duration S}), or a duration with a unit. */
  static final class SecondsConverter implements picocli.CommandLine.ITypeConverter<Duration> {
    private static final Pattern SECONDS = Pattern.compile("\\d{1,9}");

    @Override
    public Duration convert(String text) {
      String trimmed = text.trim();
      return SECONDS.matcher(trimmed).matches() ? Duration.ofSeconds(Long.parseLong(trimmed))
          : new DurationConverter().convert(trimmed);
    }
  }
}
