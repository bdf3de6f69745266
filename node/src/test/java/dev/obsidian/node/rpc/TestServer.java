package dev.obsidian.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.ActorSystem;

/** A real RpcServer on a free loopback port, and a JDK HTTP client talking to it. */
final class TestServer implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  private final ActorSystem system;
  final RpcServer server;
  final NodeMetrics metrics;
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  TestServer(RpcMethods methods, RpcLimits limits, Readiness readiness) throws Exception {
    this.system = ActorSystem.create("rpc-test", ConfigFactory.parseString(
        "pekko.loglevel = WARNING\npekko.stdout-loglevel = WARNING\n").withFallback(ConfigFactory.load()));
    this.metrics = new NodeMetrics();
    this.server = RpcServer.start(system, "127.0.0.1", 0, methods, limits, readiness, metrics)
        .toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  URI url(String path) {
    return server.url().resolve(path);
  }

  HttpResponse<String> post(String body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(url("/"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> post(HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(url("/")).header("Content-Type", "application/json").POST(body));
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(url(path)).GET());
  }

  /** POSTs and parses the JSON answer, which must come with HTTP 200. */
  JsonNode call(String body) throws IOException, InterruptedException {
    HttpResponse<String> response = post(body);
    if (response.statusCode() != 200) {
      throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws ExecutionException, TimeoutException {
    try {
      server.stop(Duration.ofSeconds(2)).toCompletableFuture().get(10, TimeUnit.SECONDS);
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while stopping the test server", e);
    }
  }
}
