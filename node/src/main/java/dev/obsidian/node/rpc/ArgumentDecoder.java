package dev.obsidian.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Matches a request's positional or named params to a method's declared parameters and decodes them. */
final class ArgumentDecoder {

  private ArgumentDecoder() {}

  /** @param params an array, an object, or null for none */
  static Arguments decode(RpcMethod method, JsonNode params) {
    List<Param<?>> declared = method.params();
    Map<Param<?>, Object> values = new HashMap<>();
    if (params != null && params.isObject()) {
      rejectUnknownNames(declared, params);
      for (Param<?> param : declared) {
        values.put(param, param.decode(params.get(param.name())));
      }
      return new Arguments(values);
    }
    int given = params == null ? 0 : params.size();
    if (given > declared.size()) {
      throw RpcException.invalidParams("params", "expected at most " + declared.size() + " ("
          + names(declared) + "), got " + given);
    }
    for (int i = 0; i < declared.size(); i++) {
      values.put(declared.get(i), declared.get(i).decode(i < given ? params.get(i) : null));
    }
    return new Arguments(values);
  }

  private static void rejectUnknownNames(List<Param<?>> declared, JsonNode params) {
    for (Iterator<String> names = params.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (declared.stream().noneMatch(param -> param.name().equals(name))) {
        throw RpcException.invalidParams("params", "unknown parameter " + Text.quote(name)
            + "; parameters are: " + names(declared));
      }
    }
  }

  private static String names(List<Param<?>> declared) {
    return declared.isEmpty() ? "none" : declared.stream().map(Param::name).collect(Collectors.joining(", "));
  }
}
