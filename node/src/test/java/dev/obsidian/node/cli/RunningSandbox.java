package dev.obsidian.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.node.rpc.RpcClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** {@code obsidian sandbox} run in-process on a thread, as the CLI runs it, until {@link #stop()}. */
final class RunningSandbox implements AutoCloseable {

  private static final Pattern READY = Pattern.compile("ready (http://\\S+) in (\\d+) ms");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  final URI url;
  final String output;
  private final SandboxCommand command;
  private final CompletableFuture<Integer> exitCode;
  private final StringWriter err;

  private RunningSandbox(URI url, String output, SandboxCommand command, CompletableFuture<Integer> exitCode,
      StringWriter err) {
    this.url = url;
    this.output = output;
    this.command = command;
    this.exitCode = exitCode;
    this.err = err;
  }

  static RunningSandbox start(Path dataDir, String... extraArgs) throws Exception {
    return start(Map.of(), dataDir, extraArgs);
  }

  static RunningSandbox start(Map<String, String> environment, Path dataDir, String... extraArgs) throws Exception {
    CommandLine cli = ObsidianCli.newCommandLine(environment);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    SandboxCommand command = cli.getSubcommands().get("sandbox").getCommand();
    String[] args = new String[4 + 3 + extraArgs.length];
    args[0] = "sandbox";
    args[1] = "--data-dir";
    args[2] = dataDir.toString();
    args[3] = "--port";
    args[4] = "0";
    args[5] = "--block-time=200ms";
    args[6] = "--anvil-port=0"; // the sandbox's own Anvil on a free port: tests never collide on 8545
    System.arraycopy(extraArgs, 0, args, 7, extraArgs.length);
    CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(() -> cli.execute(args));
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher ready = READY.matcher(out.toString());
      if (ready.find()) {
        return new RunningSandbox(URI.create(ready.group(1)), out.toString(), command, exitCode, err);
      }
      if (exitCode.isDone()) {
        throw new AssertionError("sandbox exited " + exitCode.get() + ": " + err);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no ready line within " + START_TIMEOUT + "; out: " + out + " err: " + err);
  }

  /** The sandbox's Anvil, as its first output line names it. */
  String l1RpcUrl() {
    Matcher l1 = Pattern.compile(" on (http://127\\.0\\.0\\.1:\\d+) ").matcher(output);
    if (!l1.find()) {
      throw new AssertionError("the sandbox did not name its L1: " + output);
    }
    return l1.group(1);
  }

  RpcClient client() {
    return new RpcClient(url, Duration.ofSeconds(30));
  }

  /** Stops it as Ctrl-C does and checks it exits 0. */
  void stop() throws ExecutionException, TimeoutException {
    command.stopRequested.complete(null);
    try {
      assertEquals(0, exitCode.get(60, TimeUnit.SECONDS), err.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while stopping the sandbox", e);
    }
    assertTrue(err.toString().isEmpty() || !err.toString().contains("internal error"), err.toString());
  }

  @Override
  public void close() throws ExecutionException, TimeoutException {
    if (!exitCode.isDone()) {
      stop();
    }
  }
}
