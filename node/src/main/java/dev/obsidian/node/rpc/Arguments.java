package dev.obsidian.node.rpc;

import java.util.IdentityHashMap;
import java.util.Map;

/** The decoded arguments of one call, read back by the {@link Param} objects that declared them. */
public final class Arguments {

  private final Map<Param<?>, Object> values;

  Arguments(Map<Param<?>, Object> values) {
    this.values = new IdentityHashMap<>(values);
  }

  /** The decoded value of {@code param}, which must be one of the method's declared parameters. */
  @SuppressWarnings("unchecked")
  public <T> T get(Param<T> param) {
    if (!values.containsKey(param)) {
      throw new IllegalArgumentException("parameter '" + param.name() + "' is not declared by this method");
    }
    return (T) values.get(param);
  }
}
