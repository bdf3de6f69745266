package dev.obsidian.persistence;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * A real Apache Cassandra 5.0.9 in its own JVM for this module's integration tests ({@link DevCassandra} in a
 * temporary directory on free ports, deleted on close).
 */
final class CassandraServer implements AutoCloseable {
  static final String LOCAL_DATACENTER = DevCassandra.LOCAL_DATACENTER;

  private final DevCassandra server;

  private CassandraServer(DevCassandra server) {
    this.server = server;
  }

  /** Starts a single node on 127.0.0.1 and returns once its CQL port accepts connections. */
  static CassandraServer start() throws Exception {
    return new CassandraServer(DevCassandra.startTemporary(Path.of("").toAbsolutePath()));
  }

  InetSocketAddress nativeAddress() {
    return server.nativeAddress();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
