package dev.obsidian.node.cli;

import dev.obsidian.persistence.CassandraSchema;
import dev.obsidian.persistence.DevCassandra;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code obsidian cassandra start}: a single-node Apache Cassandra 5.0.9 on 127.0.0.1 for development, its data kept
 * in the data dir, with the journal's keyspace (replication factor 1) and tables created. Runs until Ctrl-C.
 */
@Command(name = "start",
    description = {
      "Run a development Apache Cassandra 5.0.9 (one node, 127.0.0.1 only, on a JDK 17: -Dcassandra.java.home or "
          + "/usr/lib/jvm/java-17-openjdk-amd64) with its data in DIR/cassandra, create keyspace 'obsidian' "
          + "(replication factor 1) and the journal tables, print 'ready cassandra 127.0.0.1:PORT in <ms> ms', and "
          + "run until Ctrl-C.",
      "Then: OBSIDIAN_JOURNAL=cassandra OBSIDIAN_CASSANDRA_CONTACT_POINTS=127.0.0.1:PORT ./obsidian sandbox. "
          + "Not for production: there an operator creates the keyspace with real replication (persistence/README.md).",
      "Needs the Obsidian source tree (the server's jars are resolved by its Maven wrapper on first use)."
    })
final class CassandraStartCommand implements Callable<Integer> {
  static final String KEYSPACE = "obsidian";

  @Spec CommandSpec spec;

  @Option(names = "--data-dir", paramLabel = "DIR", required = true,
      description = "Directory whose cassandra/ subdirectory holds the server's data (kept across runs).")
  Path dataDir;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "9042",
      description = "CQL port on 127.0.0.1, 1..65535 (default 9042).")
  int port;

  @Override
  public Integer call() throws Exception {
    if (port < 1 || port > 65_535) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "Invalid value for option '--port': " + port + " is outside 1..65535");
    }
    PrintWriter out = spec.commandLine().getOut();
    Path persistenceModule = sourceTree().resolve("persistence");
    Path workDir = dataDir.toAbsolutePath().normalize().resolve("cassandra");
    DevCassandra server;
    try {
      server = DevCassandra.start(persistenceModule, workDir, port);
    } catch (IllegalStateException e) {
      throw new UserInputException("cannot start Cassandra: " + e.getMessage(), e);
    }
    java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
    Thread stop = new Thread(() -> {
      stopping.set(true);
      try {
        server.close();
      } catch (Exception ignored) {
        // the JVM is exiting
      }
    }, "obsidian-cassandra-stop");
    Runtime.getRuntime().addShutdownHook(stop);
    CassandraSchema.create(List.of(server.nativeAddress()), DevCassandra.LOCAL_DATACENTER, KEYSPACE, 1);
    out.println("keyspace " + KEYSPACE + " and the journal tables exist (replication factor 1: development only); "
        + "log " + server.log());
    out.println("ready cassandra " + server.nativeAddress().getHostString() + ":" + server.nativeAddress().getPort()
        + " in " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
    out.flush();
    int exit = server.waitFor();
    out.println("cassandra exited with code " + exit);
    out.flush();
    return stopping.get() || exit == 0 ? 0 : 1;
  }

  /** The repository root, found from the running jar (node/target/obsidian.jar) or the working directory. */
  private static Path sourceTree() {
    String classPath = System.getProperty("java.class.path");
    Path jar = Path.of(classPath.split(java.io.File.pathSeparator)[0]).toAbsolutePath();
    for (Path candidate = jar; candidate != null; candidate = candidate.getParent()) {
      if (Files.exists(candidate.resolve("persistence/src/test/cassandra-server/pom.xml"))) {
        return candidate;
      }
    }
    Path cwd = Path.of("").toAbsolutePath();
    if (Files.exists(cwd.resolve("persistence/src/test/cassandra-server/pom.xml"))) {
      return cwd;
    }
    throw new UserInputException("obsidian cassandra start needs the Obsidian source tree (persistence/src/test/"
        + "cassandra-server/pom.xml was found neither above " + jar + " nor in " + cwd + ")");
  }
}
