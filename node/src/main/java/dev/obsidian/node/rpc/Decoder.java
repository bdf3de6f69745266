package dev.obsidian.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns one JSON value of a request into a typed argument, or throws {@link RpcException} with
 * {@link ErrorCode#INVALID_PARAMS} naming {@code field} and the reason. Decoders enforce every cap (array
 * lengths, string lengths, numeric ranges) before they allocate for the value.
 *
 * @param <T> the decoded type
 */
@FunctionalInterface
public interface Decoder<T> {

  /**
   * @param value the JSON value, never null (a JSON {@code null} is a {@code NullNode})
   * @param field where the value sits in the request, as error data names it: {@code "tags[3]"}
   */
  T decode(JsonNode value, String field);
}
