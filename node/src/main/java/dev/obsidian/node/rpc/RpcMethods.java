package dev.obsidian.node.rpc;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** The immutable registry of the methods a server answers, by name. */
public final class RpcMethods {

  private final Map<String, RpcMethod> byName;

  private RpcMethods(Map<String, RpcMethod> byName) {
    this.byName = Collections.unmodifiableMap(new TreeMap<>(byName));
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<RpcMethod> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public SortedSet<String> names() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(byName.keySet()));
  }

  /** Collects methods; a name registered twice is a programming error. */
  public static final class Builder {
    private final Map<String, RpcMethod> byName = new TreeMap<>();

    private Builder() {}

    public Builder add(RpcMethod method) {
      if (byName.putIfAbsent(method.name(), method) != null) {
        throw new IllegalArgumentException("method " + method.name() + " is registered twice");
      }
      return this;
    }

    public Builder add(String name, List<Param<?>> params, RpcMethod.Handler handler) {
      return add(new RpcMethod(name, params, handler));
    }

    public RpcMethods build() {
      return new RpcMethods(byName);
    }
  }
}
