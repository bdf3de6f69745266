package dev.obsidian.persistence;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Apache Cassandra 5.0.9 in its own JVM, for development ({@code obsidian cassandra start}) and integration
 * tests: no Docker, no install. The server's ~100 jars are resolved once by Maven (the repository's {@code mvnw})
 * from {@code persistence/src/test/cassandra-server/pom.xml} into a classpath file, never put on Obsidian's own
 * classpath (their driver and Netty versions differ). Cassandra refuses JDK 25, so it runs on JDK 17
 * ({@code -Dcassandra.java.home}, default the Debian path). Listens on 127.0.0.1 only.
 *
 * <p>A single node with replication factor 1 and periodic commit-log sync: not for production.
 */
public final class DevCassandra implements AutoCloseable {
  public static final String LOCAL_DATACENTER = "datacenter1";
  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
  private static final Path DEFAULT_JAVA_HOME = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");

  /** From Cassandra 5.0's conf/jvm17-server.options: the JDK internals the server reaches into. */
  private static final List<String> JDK17_MODULE_FLAGS = List.of(
      "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
      "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
      "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
      "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
      "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
      "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
      "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
      "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
      "--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
      "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
      "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens", "java.base/java.io=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens", "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang=ALL-UNNAMED",
      "--add-opens", "java.base/java.util=ALL-UNNAMED");

  private final Path workDir;
  private final boolean temporary;
  private final Process process;
  private final InetSocketAddress nativeAddress;
  private final Thread killOnExit;

  private DevCassandra(Path workDir, boolean temporary, Process process, InetSocketAddress nativeAddress) {
    this.workDir = workDir;
    this.temporary = temporary;
    this.process = process;
    this.nativeAddress = nativeAddress;
    this.killOnExit = new Thread(process::destroyForcibly, "kill-cassandra");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /**
   * Starts a single node on 127.0.0.1 in a temporary directory (deleted on close) on free ports and returns once its
   * CQL port accepts connections.
   *
   * @param persistenceModule the repository's {@code persistence/} directory (holds the server's pom and target/)
   */
  public static DevCassandra startTemporary(Path persistenceModule) throws Exception {
    return start(persistenceModule, Files.createTempDirectory("obsidian-cassandra"), 0, true);
  }

  /**
   * Starts a single node on 127.0.0.1 keeping its data in {@code workDir} (kept on close, so a restart sees the same
   * keyspaces), CQL on {@code nativePort} (0: a free one).
   */
  public static DevCassandra start(Path persistenceModule, Path workDir, int nativePort) throws Exception {
    Files.createDirectories(workDir);
    return start(persistenceModule, workDir, nativePort, false);
  }

  private static DevCassandra start(Path persistenceModule, Path workDir, int nativePort, boolean temporary)
      throws Exception {
    String classpath = serverClasspath(persistenceModule.toAbsolutePath().normalize());
    int cql = nativePort == 0 ? freePort() : nativePort;
    int storagePort = freePort();
    int jmxPort = freePort();
    Path yaml = workDir.resolve("cassandra.yaml");
    Files.writeString(yaml, yaml(workDir, cql, storagePort));
    Files.writeString(workDir.resolve("logback.xml"), LOGBACK);
    List<String> command = command(classpath, workDir, yaml, jmxPort);
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(workDir.resolve("cassandra.log").toFile())
        .start();
    DevCassandra server = new DevCassandra(workDir, temporary, process, new InetSocketAddress("127.0.0.1", cql));
    try {
      server.awaitNativePort();
    } catch (Exception failure) {
      server.close();
      throw failure;
    }
    return server;
  }

  /** The server's log file. */
  public Path log() {
    return workDir.resolve("cassandra.log");
  }

  /** Waits until the server process exits (e.g. killed), returning its exit code. */
  public int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  public InetSocketAddress nativeAddress() {
    return nativeAddress;
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException interrupted) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException alreadyExiting) {
      // The JVM is shutting down and runs the hook itself.
    }
    if (temporary) {
      deleteRecursively(workDir);
    }
  }

  private void awaitNativePort() throws Exception {
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Cassandra exited with code " + process.exitValue() + ":\n" + logTail());
      }
      try (Socket probe = new Socket()) {
        probe.connect(nativeAddress, 500);
        return;
      } catch (IOException notYet) {
        Thread.sleep(250);
      }
    }
    throw new IllegalStateException("Cassandra did not open " + nativeAddress + " within " + STARTUP_TIMEOUT + ":\n" + logTail());
  }

  private String logTail() throws IOException {
    List<String> lines = Files.readAllLines(workDir.resolve("cassandra.log"), StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static List<String> command(String classpath, Path workDir, Path yaml, int jmxPort) {
    Path javaHome = Path.of(System.getProperty("cassandra.java.home", DEFAULT_JAVA_HOME.toString()));
    Path java = javaHome.resolve("bin/java");
    if (!Files.isExecutable(java)) {
      throw new IllegalStateException("Cassandra 5 needs JDK 17: no java at " + java + " (set -Dcassandra.java.home)");
    }
    List<String> command = new ArrayList<>(List.of(java.toString(), "-Xms512m", "-Xmx1g", "-XX:+UseG1GC",
        "-javaagent:" + jammJar(classpath),
        "-Djdk.attach.allowAttachSelf=true",
        "-Dcassandra.config=" + yaml.toUri(),
        "-Dcassandra-foreground=yes",
        "-Dcassandra.storagedir=" + workDir,
        "-Dcassandra.logdir=" + workDir,
        "-Dlogback.configurationFile=" + workDir.resolve("logback.xml"),
        "-Dcassandra.jmx.local.port=" + jmxPort,
        // A single fresh node has no one to gossip with: skip the waits meant for real rings.
        "-Dcassandra.skip_wait_for_gossip_to_settle=0",
        "-Dcassandra.ring_delay_ms=100",
        "-Dcassandra.superuser_setup_delay_ms=0",
        "-Dio.netty.tryReflectionSetAccessible=true"));
    command.addAll(JDK17_MODULE_FLAGS);
    command.addAll(List.of("-cp", classpath, "org.apache.cassandra.service.CassandraDaemon"));
    return command;
  }

  private static String jammJar(String classpath) {
    return Stream.of(classpath.split(java.io.File.pathSeparator))
        .filter(jar -> Path.of(jar).getFileName().toString().startsWith("jamm-"))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no jamm jar in Cassandra's classpath (its memory meter agent)"));
  }

  /** Resolves the server classpath with Maven once per build directory; later runs reuse the file. */
  private static String serverClasspath(Path moduleDir) throws Exception {
    Path pom = moduleDir.resolve("src/test/cassandra-server/pom.xml");
    if (!Files.exists(pom)) {
      throw new IllegalStateException("no " + pom + ": the development Cassandra is resolved from the Obsidian source tree");
    }
    Files.createDirectories(moduleDir.resolve("target"));
    Path classpathFile = moduleDir.resolve("target/cassandra-server-classpath.txt");
    if (!Files.exists(classpathFile)) {
      Path mvnw = moduleDir.getParent().resolve("mvnw");
      Process maven = new ProcessBuilder(mvnw.toString(), "-q", "-f",
          moduleDir.resolve("src/test/cassandra-server/pom.xml").toString(),
          "dependency:build-classpath", "-Dmdep.outputFile=" + classpathFile)
          .inheritIO()
          .start();
      if (!maven.waitFor(10, TimeUnit.MINUTES) || maven.exitValue() != 0) {
        throw new IllegalStateException("could not resolve cassandra-all 5.0.9 with " + mvnw);
      }
    }
    return Files.readString(classpathFile).trim();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String yaml(Path dir, int nativePort, int storagePort) {
    return """
        cluster_name: obsidian-dev
        num_tokens: 1
        initial_token: 0
        partitioner: org.apache.cassandra.dht.Murmur3Partitioner
        authenticator: AllowAllAuthenticator
        authorizer: AllowAllAuthorizer
        commitlog_sync: periodic
        commitlog_sync_period: 10000ms
        data_file_directories: [%1$s/data]
        commitlog_directory: %1$s/commitlog
        hints_directory: %1$s/hints
        saved_caches_directory: %1$s/saved_caches
        cdc_raw_directory: %1$s/cdc_raw
        seed_provider:
          - class_name: org.apache.cassandra.locator.SimpleSeedProvider
            parameters:
              - seeds: "127.0.0.1:%3$d"
        listen_address: 127.0.0.1
        rpc_address: 127.0.0.1
        storage_port: %3$d
        native_transport_port: %2$d
        start_native_transport: true
        endpoint_snitch: SimpleSnitch
        memtable_allocation_type: heap_buffers
        """.formatted(dir, nativePort, storagePort);
  }

  private static final String LOGBACK = """
      <configuration>
        <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
          <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n</pattern></encoder>
        </appender>
        <root level="INFO"><appender-ref ref="STDOUT"/></root>
      </configuration>
      """;

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
