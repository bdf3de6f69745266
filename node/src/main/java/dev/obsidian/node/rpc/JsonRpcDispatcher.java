package dev.obsidian.node.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * JSON-RPC 2.0 over bytes: parses a body, answers a single request or a batch through the registered
 * methods, and returns the response body. It never fails: every problem becomes a JSON-RPC error, and a
 * failure that is not the caller's is logged here and answered as {@link ErrorCode#INTERNAL_ERROR} without
 * details, so that nothing about the node's internals leaks.
 */
public final class JsonRpcDispatcher {

  private static final System.Logger LOG = System.getLogger(JsonRpcDispatcher.class.getName());

  private final RpcMethods methods;
  private final RpcLimits limits;
  private final RpcJson json;
  private final RpcMetrics metrics;

  public JsonRpcDispatcher(RpcMethods methods, RpcLimits limits, MeterRegistry registry) {
    this.methods = Objects.requireNonNull(methods, "methods");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.json = new RpcJson(limits);
    this.metrics = new RpcMetrics(registry);
  }

  public RpcLimits limits() {
    return limits;
  }

  /** The response body for {@code body}; empty when it held only notifications. Never completes exceptionally. */
  public CompletionStage<Optional<byte[]>> dispatch(byte[] body) {
    JsonNode root;
    try {
      root = json.read(body);
    } catch (IOException e) {
      metrics.recordCall(RpcMetrics.NO_METHOD, RpcMetrics.outcome(ErrorCode.PARSE_ERROR), Duration.ZERO);
      RpcException error = new RpcException(ErrorCode.PARSE_ERROR, "body", parseProblem(e));
      return CompletableFuture.completedFuture(Optional.of(json.write(errorResponse(NullNode.getInstance(), error))));
    }
    if (root.isArray()) {
      return dispatchBatch((ArrayNode) root).thenApply(response -> response.map(json::write));
    }
    return dispatchOne(root).thenApply(response -> response.map(json::write));
  }

  /** The response to a body that was refused unread because it exceeded {@code maxRequestBytes}. */
  public byte[] bodyTooLargeResponse() {
    metrics.recordRejectedBody("too_large");
    RpcException error = RpcException.invalidRequest("body", "larger than " + limits.maxRequestBytes()
        + " bytes (obsidian.limits.rpc-max-request-bytes)");
    return json.write(errorResponse(NullNode.getInstance(), error));
  }

  /** The response to a body that did not arrive within the request timeout. */
  public byte[] bodyTimeoutResponse() {
    metrics.recordRejectedBody("timeout");
    RpcException error = new RpcException(ErrorCode.TIMEOUT, "body", "not received within "
        + limits.requestTimeout().toMillis() + " ms");
    return json.write(errorResponse(NullNode.getInstance(), error));
  }

  private CompletionStage<Optional<JsonNode>> dispatchBatch(ArrayNode batch) {
    if (batch.isEmpty() || batch.size() > limits.maxBatchRequests()) {
      String reason = batch.isEmpty() ? "is empty; a batch holds at least one request"
          : "has " + batch.size() + " requests, at most " + limits.maxBatchRequests() + " allowed";
      metrics.recordCall(RpcMetrics.NO_METHOD, RpcMetrics.outcome(ErrorCode.INVALID_REQUEST), Duration.ZERO);
      return completed(Optional.of(errorResponse(NullNode.getInstance(),
          RpcException.invalidRequest("batch", reason))));
    }
    List<CompletableFuture<Optional<JsonNode>>> answers = new ArrayList<>(batch.size());
    for (JsonNode request : batch) {
      answers.add(dispatchOne(request).toCompletableFuture());
    }
    return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(done -> {
      ArrayNode responses = RpcJson.NODES.arrayNode();
      answers.forEach(answer -> answer.join().ifPresent(responses::add));
      return responses.isEmpty() ? Optional.empty() : Optional.of(responses);
    });
  }

  private CompletionStage<Optional<JsonNode>> dispatchOne(JsonNode node) {
    long startNanos = System.nanoTime();
    JsonRpcRequest request;
    try {
      request = JsonRpcRequest.parse(node, limits.maxStringLength());
    } catch (RpcException e) {
      metrics.recordCall(RpcMetrics.NO_METHOD, RpcMetrics.outcome(e.code()), elapsedSince(startNanos));
      return completed(Optional.of(errorResponse(JsonRpcRequest.idForError(node, limits.maxStringLength()), e)));
    }
    Optional<RpcMethod> method = methods.find(request.method());
    String methodTag = method.map(RpcMethod::name).orElse(RpcMetrics.UNKNOWN_METHOD);
    return call(method, request)
        .handle((result, failure) -> {
          RpcException error = failure == null ? null : toRpcError(failure, methodTag);
          metrics.recordCall(methodTag, error == null ? RpcMetrics.OK : RpcMetrics.outcome(error.code()),
              elapsedSince(startNanos));
          if (request.isNotification()) {
            return Optional.<JsonNode>empty();
          }
          JsonNode id = request.id().orElseThrow();
          return Optional.<JsonNode>of(error == null ? resultResponse(id, result) : errorResponse(id, error));
        });
  }

  private CompletableFuture<JsonNode> call(Optional<RpcMethod> method, JsonRpcRequest request) {
    if (method.isEmpty()) {
      return CompletableFuture.failedFuture(new RpcException(ErrorCode.METHOD_NOT_FOUND, "method",
          "no method named " + Text.quote(request.method())));
    }
    try {
      Arguments arguments = ArgumentDecoder.decode(method.get(), request.params());
      return withTimeout(method.get().handler().handle(arguments));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** A new future, so that the timeout never completes a future the handler shares with others. */
  private CompletableFuture<JsonNode> withTimeout(CompletionStage<JsonNode> answer) {
    CompletableFuture<JsonNode> bounded = new CompletableFuture<>();
    answer.whenComplete((value, failure) -> {
      if (failure != null) {
        bounded.completeExceptionally(failure);
      } else {
        bounded.complete(value);
      }
    });
    return bounded.orTimeout(limits.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  private static RpcException toRpcError(Throwable failure, String methodTag) {
    Throwable cause = unwrap(failure);
    if (cause instanceof RpcException rpc) {
      return rpc;
    }
    if (cause instanceof TimeoutException) {
      return RpcException.of(ErrorCode.TIMEOUT);
    }
    LOG.log(System.Logger.Level.ERROR, "JSON-RPC method " + methodTag + " failed", cause);
    return RpcException.of(ErrorCode.INTERNAL_ERROR);
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static ObjectNode resultResponse(JsonNode id, JsonNode result) {
    ObjectNode response = envelope(id);
    response.set("result", result == null ? NullNode.getInstance() : result);
    return response;
  }

  private static ObjectNode errorResponse(JsonNode id, RpcException error) {
    ObjectNode body = RpcJson.object();
    body.put("code", error.code().code());
    body.put("message", error.code().message());
    error.data().ifPresent(data -> {
      ObjectNode json = body.putObject("data").put("field", data.field()).put("reason", data.reason());
      data.kind().ifPresent(kind -> json.put("kind", kind));
    });
    ObjectNode response = envelope(id);
    response.set("error", body);
    return response;
  }

  private static ObjectNode envelope(JsonNode id) {
    ObjectNode response = RpcJson.object();
    response.put("jsonrpc", "2.0");
    response.set("id", id);
    return response;
  }

  /** Jackson's message without the source excerpt, plus where in the body it stopped. */
  private static String parseProblem(IOException e) {
    if (e instanceof JsonProcessingException jackson) {
      String where = jackson.getLocation() == null ? ""
          : " (line " + jackson.getLocation().getLineNr() + ", column " + jackson.getLocation().getColumnNr() + ")";
      return "not valid JSON: " + Text.abbreviate(String.valueOf(jackson.getOriginalMessage())) + where;
    }
    return "not valid JSON";
  }

  private static Duration elapsedSince(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private static <T> CompletionStage<T> completed(T value) {
    return CompletableFuture.completedFuture(value);
  }
}
