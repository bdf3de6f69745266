package dev.obsidian.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Optional;

/**
 * One request of a body, checked against JSON-RPC 2.0's shape: {@code "jsonrpc": "2.0"}, a string method,
 * structured or absent params, and an id that is a string, a number or null. Without an id it is a
 * notification, which gets no response.
 *
 * @param id the id to echo; empty for a notification
 * @param method the method name as sent
 * @param params an array, an object, or null when absent
 */
record JsonRpcRequest(Optional<JsonNode> id, String method, JsonNode params) {

  /** Longest method name looked up; longer ones cannot be registered (see {@link RpcMethod}). */
  private static final int MAX_METHOD_CHARS = 128;

  /**
   * @throws RpcException ({@link ErrorCode#INVALID_REQUEST}) naming the member that is wrong
   */
  static JsonRpcRequest parse(JsonNode node, int maxIdChars) {
    if (!node.isObject()) {
      throw RpcException.invalidRequest("request", "expected a JSON-RPC request object, got "
          + Text.describe(node));
    }
    JsonNode version = node.get("jsonrpc");
    if (version == null || !version.isTextual() || !version.textValue().equals("2.0")) {
      throw RpcException.invalidRequest("jsonrpc", "must be the string \"2.0\"");
    }
    return new JsonRpcRequest(id(node, maxIdChars), method(node), params(node));
  }

  /** The id to answer with when the request itself is invalid: its own if readable, else null. */
  static JsonNode idForError(JsonNode node, int maxIdChars) {
    if (!node.isObject()) {
      return NullNode.getInstance();
    }
    try {
      return id(node, maxIdChars).orElse(NullNode.getInstance());
    } catch (RpcException e) {
      return NullNode.getInstance();
    }
  }

  boolean isNotification() {
    return id.isEmpty();
  }

  private static Optional<JsonNode> id(JsonNode node, int maxIdChars) {
    if (!node.has("id")) {
      return Optional.empty();
    }
    JsonNode id = node.get("id");
    if (!(id.isTextual() || id.isNumber() || id.isNull())) {
      throw RpcException.invalidRequest("id", "must be a string, a number or null, got " + Text.describe(id));
    }
    if (id.isTextual() && id.textValue().length() > maxIdChars) {
      throw RpcException.invalidRequest("id", "has " + id.textValue().length() + " characters, at most "
          + maxIdChars + " allowed");
    }
    return Optional.of(id);
  }

  private static String method(JsonNode node) {
    JsonNode method = node.get("method");
    if (method == null || !method.isTextual()) {
      throw RpcException.invalidRequest("method", "must be a string, got "
          + (method == null ? "nothing" : Text.describe(method)));
    }
    if (method.textValue().length() > MAX_METHOD_CHARS) {
      throw RpcException.invalidRequest("method", "has " + method.textValue().length()
          + " characters, at most " + MAX_METHOD_CHARS + " allowed");
    }
    return method.textValue();
  }

  private static JsonNode params(JsonNode node) {
    JsonNode params = node.get("params");
    if (params == null || params.isNull()) {
      return null;
    }
    if (!params.isArray() && !params.isObject()) {
      throw RpcException.invalidRequest("params", "must be an array or an object, got "
          + Text.describe(params));
    }
    return params;
  }
}
