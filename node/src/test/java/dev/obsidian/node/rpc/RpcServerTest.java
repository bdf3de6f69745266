package dev.obsidian.node.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.obsidian.crypto.field.Fr;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSON-RPC framing over real HTTP: every kind of bad input gets its named JSON-RPC error, and after
 * each test the server still answers a good request. The methods are test scaffolding registered here.
 */
class RpcServerTest {

  private static final Param<String> TEXT = Param.required("text", Decoders.string(16));
  private static final Param<List<Long>> VALUES =
      Param.required("values", Decoders.list(Decoders.integer(0, 1_000_000), 100));
  private static final Param<Optional<Boolean>> NEGATE = Param.optional("negate", Decoders.bool());
  private static final Param<Fr> X = Param.required("x", Decoders.fr());

  private static final long MAX_BODY_BYTES = 64 * 1024;
  private static final int MAX_BATCH = 10;
  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private static final AtomicBoolean READY = new AtomicBoolean(true);

  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    RpcMethods methods = RpcMethods.builder()
        .add("test_echo", List.of(TEXT), args -> done(TextNode.valueOf(args.get(TEXT))))
        .add("test_sum", List.of(VALUES, NEGATE), args -> {
          long sum = args.get(VALUES).stream().mapToLong(Long::longValue).sum();
          return done(LongNode.valueOf(args.get(NEGATE).orElse(false) ? -sum : sum));
        })
        .add("test_double", List.of(X), args -> done(TextNode.valueOf(args.get(X).add(args.get(X)).toHex())))
        .add("test_fail", List.of(), args -> {
          throw new IllegalStateException("database password is hunter2");
        })
        .add("test_failLater", List.of(), args ->
            CompletableFuture.failedFuture(new IllegalStateException("database password is hunter2")))
        .add("test_reject", List.of(), args -> CompletableFuture.failedFuture(
            new RpcException(ErrorCode.TX_REJECTED, "nullifiers[0]", "already in the nullifier tree")))
        .add("test_hang", List.of(), args -> new CompletableFuture<>())
        .build();
    RpcLimits limits = new RpcLimits(MAX_BODY_BYTES, MAX_BATCH, 100, 1024, 32, TIMEOUT);
    server = new TestServer(methods, limits, () -> CompletableFuture.completedFuture(READY.get()));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @AfterEach
  void stillServing() throws Exception {
    READY.set(true);
    JsonNode answer = server.call(request(99, "test_echo", "[\"alive\"]"));
    assertEquals("alive", answer.get("result").asText(), answer.toString());
  }

  @Test
  void aGoodRequestGetsItsResultAndItsId() throws Exception {
    JsonNode answer = server.call(request("abc", "test_sum", "[[1, 2, 3]]"));
    assertEquals("2.0", answer.get("jsonrpc").asText());
    assertEquals("abc", answer.get("id").asText());
    assertEquals(6, answer.get("result").asLong());
    assertFalse(answer.has("error"));
  }

  @Test
  void namedParamsAndOptionalParamsAreDecoded() throws Exception {
    JsonNode answer = server.call(request(1, "test_sum", "{\"values\": [4, 5], \"negate\": true}"));
    assertEquals(-9, answer.get("result").asLong(), answer.toString());
    JsonNode unknown = server.call(request(2, "test_sum", "{\"values\": [], \"colour\": 1}"));
    assertError(unknown, -32602, "params", "unknown parameter 'colour'");
  }

  @Test
  void fieldElementsTravelAsHexAndAreCheckedAgainstTheModulus() throws Exception {
    BigInteger x = Fr.MODULUS.subtract(BigInteger.valueOf(5));
    JsonNode answer = server.call(request(1, "test_double", "[\"0x" + x.toString(16) + "\"]"));
    String expected = String.format("0x%064x", x.shiftLeft(1).mod(Fr.MODULUS));
    assertEquals(expected, answer.get("result").asText());
    JsonNode modulus = server.call(request(2, "test_double", "[\"0x" + Fr.MODULUS.toString(16) + "\"]"));
    assertError(modulus, -32602, "x", "below the BN254 scalar modulus");
    JsonNode decimal = server.call(request(3, "test_double", "[\"12\"]"));
    assertError(decimal, -32602, "x", "0x-prefixed hex");
    JsonNode tooLong = server.call(request(4, "test_double", "[\"0x" + "1".repeat(65) + "\"]"));
    assertError(tooLong, -32602, "x", "at most 66 allowed");
  }

  @Test
  void malformedJsonIsAParseError() throws Exception {
    for (String body : List.of("{\"jsonrpc\": \"2.0\", \"method\": ", "not json", "", "{} {}", "[1,]")) {
      JsonNode answer = server.call(body);
      assertError(answer, -32700, "body", "not valid JSON");
      assertTrue(answer.get("id").isNull(), answer.toString());
    }
  }

  @Test
  void duplicateKeysAndDeepNestingAreRefusedWhileParsing() throws Exception {
    JsonNode duplicate = server.call("{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"test_echo\",\"params\":[\"a\"]}");
    assertError(duplicate, -32700, "body", "Duplicate field 'id'");
    String deep = "[".repeat(40) + "]".repeat(40);
    JsonNode nested = server.call(request(1, "test_echo", deep));
    assertError(nested, -32700, "body", "nesting depth");
  }

  @Test
  void wrongTypesAreInvalidParamsNamingTheField() throws Exception {
    assertError(server.call(request(1, "test_sum", "[\"1,2,3\"]")), -32602, "values", "expected an array, got a string");
    assertError(server.call(request(2, "test_sum", "[[1, \"2\"]]")), -32602, "values[1]", "expected an integer, got a string");
    assertError(server.call(request(3, "test_sum", "[[1, 2.5]]")), -32602, "values[1]", "got a fractional number");
    assertError(server.call(request(4, "test_sum", "[[1, -1]]")), -32602, "values[1]", "[0, 1000000]");
    assertError(server.call(request(5, "test_sum", "[[1], \"yes\"]")), -32602, "negate", "expected true or false");
    assertError(server.call(request(6, "test_sum", "[]")), -32602, "values", "missing");
    assertError(server.call(request(7, "test_sum", "[[1], true, 3]")), -32602, "params", "at most 2");
    assertError(server.call(request(8, "test_echo", "[\"" + "x".repeat(17) + "\"]")), -32602, "text",
        "17 characters, at most 16");
  }

  @Test
  void requestsThatAreNotJsonRpcAreInvalidRequests() throws Exception {
    assertError(server.call("{\"id\": 1, \"method\": \"test_echo\", \"params\": [\"a\"]}"), -32600, "jsonrpc", "2.0");
    assertError(server.call("{\"jsonrpc\": \"1.0\", \"id\": 1, \"method\": \"test_echo\"}"), -32600, "jsonrpc", "2.0");
    assertError(server.call("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": 7}"), -32600, "method", "must be a string");
    assertError(server.call(request(1, "test_echo", "\"a\"")), -32600, "params", "array or an object");
    assertError(server.call("{\"jsonrpc\": \"2.0\", \"id\": {}, \"method\": \"test_echo\"}"), -32600, "id", "string, a number or null");
    assertError(server.call("42"), -32600, "request", "got an integer");
  }

  @Test
  void anUnknownMethodIsNamed() throws Exception {
    JsonNode answer = server.call(request(5, "node_doesNotExist", "[]"));
    assertError(answer, -32601, "method", "no method named 'node_doesNotExist'");
    assertEquals(5, answer.get("id").asInt());
    JsonNode longName = server.call(request(6, "x".repeat(100_00), "[]"));
    assertError(longName, -32600, "method", "at most 128 allowed");
  }

  @Test
  void anOversizedBodyIsRefusedUnreadWith413() throws Exception {
    String padding = "x".repeat((int) MAX_BODY_BYTES);
    HttpResponse<String> declared = server.post(request(1, "test_echo", "[\"" + padding + "\"]"));
    assertEquals(413, declared.statusCode(), declared.body());
    assertError(TestServer.JSON.readTree(declared.body()), -32600, "body", "larger than 65536 bytes");
    byte[] chunked = request(2, "test_echo", "[\"" + padding + padding + "\"]").getBytes();
    HttpResponse<String> streamed = server.post(
        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked)));
    assertEquals(413, streamed.statusCode(), streamed.body());
    assertError(TestServer.JSON.readTree(streamed.body()), -32600, "body", "rpc-max-request-bytes");
  }

  @Test
  void aTenThousandElementArrayArgumentIsRefusedByItsCap() throws Exception {
    String values = IntStream.range(0, 10_000).mapToObj(Integer::toString).collect(Collectors.joining(",", "[", "]"));
    JsonNode answer = server.call(request(1, "test_sum", "[" + values + "]"));
    assertError(answer, -32602, "values", "has 10000 elements, at most 100 allowed");
  }

  @Test
  void aBatchAnswersEachEntryInOrderAndSkipsNotifications() throws Exception {
    String batch = "[" + String.join(",",
        request(1, "test_echo", "[\"one\"]"),
        request(2, "test_sum", "[\"bad\"]"),
        request(3, "node_nope", "[]"),
        "{\"jsonrpc\": \"2.0\", \"method\": \"test_echo\", \"params\": [\"notified\"]}",
        "17",
        request(4, "test_reject", "[]"),
        request(5, "test_sum", "[[2, 3]]")) + "]";
    JsonNode answers = server.call(batch);
    assertEquals(6, answers.size(), answers.toString());
    assertEquals("one", answers.get(0).get("result").asText());
    assertEquals(1, answers.get(0).get("id").asInt());
    assertError(answers.get(1), -32602, "values", "expected an array");
    assertEquals(2, answers.get(1).get("id").asInt());
    assertError(answers.get(2), -32601, "method", "node_nope");
    assertError(answers.get(3), -32600, "request", "got an integer");
    assertTrue(answers.get(3).get("id").isNull());
    assertError(answers.get(4), -32000, "nullifiers[0]", "already in the nullifier tree");
    assertEquals(5, answers.get(5).get("result").asInt());
  }

  @Test
  void batchesAreCappedAndMustNotBeEmpty() throws Exception {
    String tooMany = IntStream.range(0, MAX_BATCH + 1).mapToObj(i -> request(i, "test_echo", "[\"a\"]"))
        .collect(Collectors.joining(",", "[", "]"));
    assertError(server.call(tooMany), -32600, "batch", "has 11 requests, at most 10 allowed");
    assertError(server.call("[]"), -32600, "batch", "is empty");
  }

  @Test
  void onlyNotificationsGetNoContent() throws Exception {
    HttpResponse<String> response = server.post(
        "[{\"jsonrpc\": \"2.0\", \"method\": \"test_echo\", \"params\": [\"a\"]},"
            + "{\"jsonrpc\": \"2.0\", \"method\": \"test_fail\"}]");
    assertEquals(204, response.statusCode());
    assertEquals("", response.body());
  }

  @Test
  void internalFailuresAreInternalErrorsWithoutDetails() throws Exception {
    for (String method : List.of("test_fail", "test_failLater")) {
      HttpResponse<String> response = server.post(request(1, method, "[]"));
      assertEquals(200, response.statusCode());
      JsonNode answer = TestServer.JSON.readTree(response.body());
      assertEquals(-32603, answer.get("error").get("code").asInt(), response.body());
      assertEquals("Internal error", answer.get("error").get("message").asText());
      assertFalse(answer.get("error").has("data"), response.body());
      assertFalse(response.body().contains("hunter2"), response.body());
      assertFalse(response.body().contains("Exception"), response.body());
    }
  }

  @Test
  void aMethodThatNeverAnswersTimesOut() throws Exception {
    long start = System.nanoTime();
    JsonNode answer = server.call(request(1, "test_hang", "[]"));
    assertEquals(-32001, answer.get("error").get("code").asInt(), answer.toString());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(TIMEOUT) >= 0);
  }

  @Test
  void otherPathsAndVerbsAreRefusedByHttp() throws Exception {
    assertEquals(405, server.get("/").statusCode());
    assertEquals(404, server.get("/nope").statusCode());
  }

  @Test
  void healthReportsLivenessAndReadiness() throws Exception {
    HttpResponse<String> ready = server.get("/health");
    assertEquals(200, ready.statusCode());
    JsonNode body = TestServer.JSON.readTree(ready.body());
    assertTrue(body.get("live").asBoolean());
    assertTrue(body.get("ready").asBoolean());
    READY.set(false);
    HttpResponse<String> starting = server.get("/health/ready");
    assertEquals(503, starting.statusCode());
    assertFalse(TestServer.JSON.readTree(starting.body()).get("ready").asBoolean());
    assertEquals(200, server.get("/health/live").statusCode());
  }

  @Test
  void metricsCountRequestsPerMethodAndOutcome() throws Exception {
    server.call(request(1, "test_echo", "[\"m\"]"));
    server.call(request(2, "test_echo", "[3]"));
    server.call(request(3, "random_name123", "[]"));
    server.metrics.gauge("obsidian.mempool.size", "pending txs", () -> 7);
    HttpResponse<String> response = server.get("/metrics");
    assertEquals(200, response.statusCode());
    String text = response.body();
    assertTrue(text.contains("obsidian_rpc_requests_seconds_count{method=\"test_echo\",outcome=\"ok\"}"), text);
    assertTrue(text.contains("obsidian_rpc_requests_seconds_count{method=\"test_echo\",outcome=\"invalid_params\"}"), text);
    assertTrue(text.contains("method=\"unknown\",outcome=\"method_not_found\""), text);
    assertFalse(text.contains("random_name123"), text);
    assertTrue(text.contains("obsidian_mempool_size 7.0"), text);
  }

  private static void assertError(JsonNode answer, int code, String field, String reasonPart) {
    JsonNode error = answer.get("error");
    assertTrue(error != null && error.isObject(), "expected an error, got " + answer);
    assertEquals(code, error.get("code").asInt(), answer.toString());
    assertFalse(answer.has("result"), answer.toString());
    assertEquals(field, error.get("data").get("field").asText(), answer.toString());
    assertTrue(error.get("data").get("reason").asText().contains(reasonPart),
        "reason should contain '" + reasonPart + "': " + answer);
  }

  private static String request(Object id, String method, String params) {
    String idJson = id instanceof String text ? JsonNodeFactory.instance.textNode(text).toString() : id.toString();
    return "{\"jsonrpc\": \"2.0\", \"id\": " + idJson + ", \"method\": \"" + method + "\", \"params\": " + params + "}";
  }

  private static CompletableFuture<JsonNode> done(JsonNode value) {
    return CompletableFuture.completedFuture(value);
  }
}
