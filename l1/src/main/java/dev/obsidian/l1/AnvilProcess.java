package dev.obsidian.l1;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Anvil (the Ethereum dev node Aztec's sandbox uses) started from the npm package the build installs.
 *
 * <p>No orphan survives the JVM: Anvil runs under a tiny {@code sh} watchdog that blocks reading its stdin, a pipe
 * from this JVM. When the JVM exits for any reason, even SIGKILL, the kernel closes that pipe, the read returns and
 * the watchdog stops Anvil with SIGTERM (which makes Anvil dump its state). A pidfile in the state directory lets the
 * next start stop an Anvil that survived anyway (e.g. the watchdog itself was killed).
 */
public final class AnvilProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("Listening on ([0-9.]+):(\\d+)");
  private static final String PIDFILE = "anvil.pid";
  /** Runs Anvil in the background, waits for EOF on stdin, then stops Anvil and waits for it to finish its dump. */
  private static final String WATCHDOG = "\"$0\" \"$@\" </dev/null & a=$!; echo \"anvil-pid $a\"; "
      + "cat >/dev/null; kill -TERM $a 2>/dev/null; wait $a";

  /**
   * How to run Anvil.
   *
   * @param stateDir directory for {@code anvil-state.json}, the pidfile and the log; null for an ephemeral chain
   * @param port TCP port on 127.0.0.1; 0 picks a free one
   * @param blockTimeSeconds seconds between blocks; 0 mines one block per transaction
   * @param stateIntervalSeconds seconds between state dumps (only with a stateDir)
   */
  public record Options(
      Path binary, Path stateDir, int port, long chainId, int blockTimeSeconds, int stateIntervalSeconds,
      Duration startupTimeout) {

    public Options {
      if (binary == null) {
        throw new IllegalArgumentException("binary must be present");
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
      }
      if (chainId < 1) {
        throw new IllegalArgumentException("chainId must be at least 1, got " + chainId);
      }
      if (blockTimeSeconds < 0 || stateIntervalSeconds < 1) {
        throw new IllegalArgumentException("blockTimeSeconds must be >= 0 and stateIntervalSeconds >= 1");
      }
    }

    /** An ephemeral automining Anvil on a free port, for tests. */
    public static Options ephemeral() {
      return new Options(AnvilBinary.locate(), null, 0, 31337, 0, 1, Duration.ofSeconds(30));
    }
  }

  private final Process watchdog;
  private final long anvilPid;
  private final int port;
  private final Path pidfile;
  private final Thread shutdownHook;

  private AnvilProcess(Process watchdog, long anvilPid, int port, Path pidfile) {
    this.watchdog = watchdog;
    this.anvilPid = anvilPid;
    this.port = port;
    this.pidfile = pidfile;
    this.shutdownHook = new Thread(this::stop, "anvil-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  public static AnvilProcess start(Options options) {
    Path pidfile = options.stateDir() == null ? null : options.stateDir().resolve(PIDFILE);
    if (pidfile != null) {
      createDirectories(options.stateDir());
      stopStale(pidfile);
    }
    Process watchdog = launch(options);
    try {
      StartupLines lines = readStartup(watchdog, options.startupTimeout());
      if (pidfile != null) {
        writeString(pidfile, Long.toString(lines.anvilPid()));
      }
      AnvilProcess anvil = new AnvilProcess(watchdog, lines.anvilPid(), lines.port(), pidfile);
      anvil.awaitRpc(options.startupTimeout());
      return anvil;
    } catch (RuntimeException e) {
      watchdog.descendants().forEach(ProcessHandle::destroyForcibly);
      watchdog.destroyForcibly();
      throw e;
    }
  }

  public String rpcUrl() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return anvilPid;
  }

  public boolean isAlive() {
    return ProcessHandle.of(anvilPid).map(ProcessHandle::isAlive).orElse(false);
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run: nothing to remove
    }
  }

  /** Closes the watchdog's stdin (Anvil gets SIGTERM and dumps its state), then insists if it does not exit. */
  private synchronized void stop() {
    try {
      watchdog.getOutputStream().close();
    } catch (IOException ignored) {
      // the pipe is already closed: the watchdog is stopping Anvil
    }
    Optional<ProcessHandle> anvil = ProcessHandle.of(anvilPid);
    try {
      if (!watchdog.waitFor(10, TimeUnit.SECONDS)) {
        anvil.ifPresent(ProcessHandle::destroyForcibly);
        watchdog.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      anvil.ifPresent(ProcessHandle::destroyForcibly);
    }
    if (pidfile != null) {
      try {
        if (Files.exists(pidfile) && Files.readString(pidfile).strip().equals(Long.toString(anvilPid))) {
          Files.delete(pidfile); // only our own: a later start may have written its pid there
        }
      } catch (IOException ignored) {
        // a stale pidfile is checked against the process command line on the next start
      }
    }
  }

  private static Process launch(Options options) {
    List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", WATCHDOG, options.binary().toString(),
        "--host", "127.0.0.1", "--port", Integer.toString(options.port()),
        "--chain-id", Long.toString(options.chainId())));
    if (options.blockTimeSeconds() > 0) {
      command.addAll(List.of("--block-time", Integer.toString(options.blockTimeSeconds())));
    }
    if (options.stateDir() != null) {
      command.addAll(List.of("--state", options.stateDir().resolve("anvil-state.json").toString(),
          "--state-interval", Integer.toString(options.stateIntervalSeconds())));
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    try {
      return builder.start();
    } catch (IOException e) {
      throw new L1Exception("cannot start Anvil " + options.binary() + ": " + e.getMessage(), e);
    }
  }

  private record StartupLines(long anvilPid, int port) {}

  /** Reads the watchdog's "anvil-pid N" and Anvil's "Listening on H:P", then keeps draining its output. */
  private static StartupLines readStartup(Process watchdog, Duration timeout) {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(watchdog.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<StartupLines> startup = new CompletableFuture<>();
    Thread drain = new Thread(() -> drain(reader, startup), "anvil-output");
    drain.setDaemon(true);
    drain.start();
    try {
      return startup.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new L1Exception("Anvil did not start listening within " + timeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new L1Exception("interrupted while starting Anvil", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new L1Exception("Anvil failed to start: " + e.getCause().getMessage(), e.getCause());
    }
  }

  private static void drain(BufferedReader reader, CompletableFuture<StartupLines> startup) {
    long pid = -1;
    StringBuilder early = new StringBuilder();
    try {
      String line;
      while ((line = reader.readLine()) != null) {
        if (startup.isDone()) {
          continue;
        }
        early.append(line).append('\n');
        if (line.startsWith("anvil-pid ")) {
          pid = Long.parseLong(line.substring("anvil-pid ".length()).strip());
        }
        Matcher listening = LISTENING.matcher(line);
        if (listening.find() && pid > 0) {
          startup.complete(new StartupLines(pid, Integer.parseInt(listening.group(2))));
        }
      }
    } catch (IOException ignored) {
      // the process ended
    }
    startup.completeExceptionally(new L1Exception("Anvil exited before listening; its output:\n" + early));
  }

  private void awaitRpc(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(rpcUrl()))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}"))
        .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
          return;
        }
      } catch (IOException retry) {
        // not accepting connections yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new L1Exception("interrupted while waiting for Anvil's RPC", e);
      }
      pause();
    }
    stop();
    throw new L1Exception("Anvil's RPC " + rpcUrl() + " did not answer within " + timeout.toSeconds() + " s");
  }

  /** Stops an Anvil left by an earlier run whose pid is in the pidfile, if that pid is still an Anvil. */
  private static void stopStale(Path pidfile) {
    if (!Files.exists(pidfile)) {
      return;
    }
    try {
      long pid = Long.parseLong(Files.readString(pidfile).strip());
      ProcessHandle.of(pid)
          .filter(process -> process.info().command().map(c -> c.endsWith("anvil")).orElse(false))
          .ifPresent(AnvilProcess::terminate);
      Files.deleteIfExists(pidfile);
    } catch (IOException | NumberFormatException e) {
      throw new L1Exception("cannot read Anvil's pidfile " + pidfile + ": " + e.getMessage(), e);
    }
  }

  private static void terminate(ProcessHandle process) {
    process.destroy();
    try {
      process.onExit().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(25);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create Anvil's state directory " + dir, e);
    }
  }

  private static void writeString(Path file, String text) {
    try (Writer writer = Files.newBufferedWriter(file)) {
      writer.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
