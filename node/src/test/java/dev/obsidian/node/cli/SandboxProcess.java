package dev.obsidian.node.cli;

import dev.obsidian.node.rpc.RpcClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code obsidian sandbox} in a child JVM on this test's class path, on a free port; its stderr goes to a log file.
 * {@link #kill()} is SIGKILL (no shutdown hook runs), {@link #stop()} is SIGTERM (the clean Ctrl-C path).
 */
final class SandboxProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("ready (http://\\S+) in (\\d+) ms");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private static final Pattern L1_URL = Pattern.compile(" on (http://127\\.0\\.0\\.1:\\d+) ");

  final URI url;
  final long readyMs;
  /** The sandbox's Anvil, as its first output line names it. */
  final String l1RpcUrl;
  private final Process process;

  private SandboxProcess(Process process, URI url, long readyMs, String l1RpcUrl) {
    this.process = process;
    this.url = url;
    this.readyMs = readyMs;
    this.l1RpcUrl = l1RpcUrl;
  }

  static SandboxProcess start(Path dataDir, Path configFile, Path log) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-Xss4m");
    // fast start on a shared 2-core machine: C1 only and the serial collector (a crash test measures no throughput)
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ObsidianCli.class.getName());
    command.addAll(List.of("sandbox", "--data-dir", dataDir.toString(), "--port", "0", "--block-time", "100ms",
        "--file", configFile.toString()));
    Process process = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    StringBuilder before = new StringBuilder();
    CompletableFuture<Matcher> ready = CompletableFuture.supplyAsync(() -> awaitReady(process, before));
    try {
      Matcher line = ready.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      Matcher l1 = L1_URL.matcher(before);
      return new SandboxProcess(process, URI.create(line.group(1)), Long.parseLong(line.group(2)),
          l1.find() ? l1.group(1) : null);
    } catch (Exception e) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("the sandbox did not print its ready line within " + START_TIMEOUT + " (see " + log + ")", e);
    }
  }

  /** Reads stdout up to the ready line, then keeps draining it so the child never blocks on a full pipe. */
  private static Matcher awaitReady(Process process, StringBuilder before) {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    try {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        Matcher ready = READY.matcher(line);
        synchronized (before) {
          before.append(line).append('\n');
        }
        if (ready.find()) {
          Thread drain = new Thread(() -> drain(out), "sandbox-stdout");
          drain.setDaemon(true);
          drain.start();
          return ready;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("reading the sandbox's output failed: " + e.getMessage(), e);
    }
    throw new IllegalStateException("the sandbox exited before it was ready");
  }

  private static void drain(BufferedReader out) {
    try {
      while (out.readLine() != null) {
        // discard
      }
    } catch (IOException ignored) {
      // the process died: nothing left to read
    }
  }

  RpcClient client() {
    return new RpcClient(url, Duration.ofSeconds(10));
  }

  /** SIGKILL, as {@code kill -9}: nothing in the child gets to run. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the sandbox did not die within 30 s of SIGKILL");
    }
  }

  /** SIGTERM: the shutdown hook stops the server and the node cleanly; returns the exit code. */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the sandbox did not stop within 60 s of SIGTERM");
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
