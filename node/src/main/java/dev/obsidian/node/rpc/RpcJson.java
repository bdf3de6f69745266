package dev.obsidian.node.rpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON reader and writer of the RPC edge. Reading is bounded beyond the body size: nesting depth,
 * number length and duplicate keys (which two parsers could resolve differently) are refused while parsing.
 */
final class RpcJson {

  /** Longest number literal read: a uint64 has 20 digits; anything longer is not a valid argument. */
  private static final int MAX_NUMBER_CHARS = 32;

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectMapper mapper;

  RpcJson(RpcLimits limits) {
    StreamReadConstraints constraints = StreamReadConstraints.builder()
        .maxNestingDepth(limits.maxJsonDepth())
        .maxNumberLength(MAX_NUMBER_CHARS)
        .maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxRequestBytes()))
        .build();
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(constraints)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    this.mapper = new ObjectMapper(factory)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .setNodeFactory(NODES);
  }

  /** @throws IOException (a Jackson {@code JsonProcessingException}) if the bytes are not one JSON value */
  JsonNode read(byte[] body) throws IOException {
    JsonNode node = mapper.readTree(body);
    if (node == null || node.isMissingNode()) {
      throw new com.fasterxml.jackson.core.JsonParseException(null, "empty body: expected a JSON value");
    }
    return node;
  }

  byte[] write(JsonNode value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a JSON tree, which never does I/O", e);
    }
  }

  static ObjectNode object() {
    return NODES.objectNode();
  }
}
