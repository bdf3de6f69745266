package dev.obsidian.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * A JSON-RPC method: its name, its parameters in positional order, and the handler that answers once they
 * are all decoded. Handlers never see undecoded JSON, so every argument has passed its caps.
 */
public record RpcMethod(String name, List<Param<?>> params, RpcMethod.Handler handler) {

  /** Aztec's style: a namespace, an underscore, a camelCase name ({@code node_getBlockNumber}). */
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*_[a-z][A-Za-z0-9]{0,63}");

  /** Answers a call; the result is encoded as-is (a Java null becomes JSON {@code null}). */
  @FunctionalInterface
  public interface Handler {
    CompletionStage<JsonNode> handle(Arguments arguments);
  }

  public RpcMethod {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("method name must look like namespace_camelCase, got '" + name + "'");
    }
    params = List.copyOf(params);
    Objects.requireNonNull(handler, "handler");
    Set<String> seen = new HashSet<>();
    for (Param<?> param : params) {
      if (!seen.add(param.name())) {
        throw new IllegalArgumentException(name + " declares parameter '" + param.name() + "' twice");
      }
    }
  }
}
