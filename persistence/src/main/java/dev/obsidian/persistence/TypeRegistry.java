package dev.obsidian.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Immutable table of serializable types: each has a fixed id (written instead of the class name, so classes may
 * be renamed or moved) and, for records, a schema version written in every payload.
 *
 * <p>Ids below {@link #FIRST_APPLICATION_ID} belong to Kryo's built-ins and to the platform types this module
 * registers itself (strings, numbers, byte arrays, immutable collections, typed actor refs).
 */
public final class TypeRegistry {
  /** The lowest id a {@link TypeRegistrar} may use; lower ids are reserved for platform types. */
  public static final int FIRST_APPLICATION_ID = 100;

  /** Encodes a non-record value type (for example a field element) to bytes and back; owns its format. */
  public interface Codec<T> {
    byte[] encode(T value);

    T decode(byte[] bytes);
  }

  /**
   * Rewrites the stored fields of an older schema version into the current one (rename, unit change, split).
   * Fields absent from the result get the record component's zero value (null, 0, false), which the record's
   * compact constructor may replace with a default.
   */
  @FunctionalInterface
  public interface Migration {
    Map<String, Object> migrate(int storedVersion, Map<String, Object> storedFields);
  }

  enum Kind { RECORD, ENUM, CODEC }

  record Entry(int id, Class<?> type, Kind kind, int schemaVersion, Migration migration, Codec<?> codec) {}

  private final Map<Integer, Entry> byId;
  private final Map<Class<?>, Entry> byType;
  private final Map<Integer, String> retired;

  private TypeRegistry(Builder builder) {
    this.byId = Collections.unmodifiableMap(new TreeMap<>(builder.byId));
    this.byType = Map.copyOf(builder.byType);
    this.retired = Collections.unmodifiableMap(new TreeMap<>(builder.retired));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Entries in id order, so Kryo instances are configured identically on every node. */
  List<Entry> entries() {
    return List.copyOf(byId.values());
  }

  Optional<Entry> byType(Class<?> type) {
    return Optional.ofNullable(byType.get(type));
  }

  Optional<Entry> byId(int id) {
    return Optional.ofNullable(byId.get(id));
  }

  Optional<String> retirementReason(int id) {
    return Optional.ofNullable(retired.get(id));
  }

  /** Collects entries and checks on every call that ids and types are unique and no retired id is reused. */
  public static final class Builder {
    private final Map<Integer, Entry> byId = new HashMap<>();
    private final Map<Class<?>, Entry> byType = new HashMap<>();
    private final Map<Integer, String> retired = new HashMap<>();

    private Builder() {}

    /** Registers a record whose current shape is {@code schemaVersion} (starting at 1, raised on every change). */
    public Builder register(int id, Class<? extends Record> type, int schemaVersion) {
      return register(id, type, schemaVersion, null);
    }

    /** As {@link #register(int, Class, int)}, with a migration applied to payloads of older versions. */
    public Builder register(int id, Class<? extends Record> type, int schemaVersion, Migration migration) {
      requireRecord(type);
      if (schemaVersion < 1) {
        throw new IllegalArgumentException("schemaVersion of " + type.getName() + " must be >= 1, got " + schemaVersion);
      }
      return add(new Entry(id, type, Kind.RECORD, schemaVersion, migration, null));
    }

    /** Registers an enum; constants are stored by name, so they may be reordered but not renamed. */
    public Builder registerEnum(int id, Class<? extends Enum<?>> type) {
      return add(new Entry(id, Objects.requireNonNull(type, "type"), Kind.ENUM, 1, null, null));
    }

    /** Registers a final value class serialized by {@code codec}. */
    public <T> Builder register(int id, Class<T> type, Codec<T> codec) {
      Objects.requireNonNull(codec, "codec");
      if (type.isInterface() || java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
        throw new IllegalArgumentException("type " + type.getName() + " must be a concrete class to have a codec");
      }
      return add(new Entry(id, type, Kind.CODEC, 1, null, codec));
    }

    /** Marks {@code id} as used by a deleted type, so it can never be given to another one. */
    public Builder retire(int id, String reason) {
      requireApplicationId(id, "retired id");
      if (byId.containsKey(id)) {
        throw new IllegalArgumentException("id " + id + " is registered to " + byId.get(id).type().getName() + ", cannot retire it");
      }
      retired.put(id, Objects.requireNonNull(reason, "reason"));
      return this;
    }

    /** Applies a registrar (used to merge the registrars named in config). */
    public Builder include(TypeRegistrar registrar) {
      registrar.registerTypes(this);
      return this;
    }

    public TypeRegistry build() {
      return new TypeRegistry(this);
    }

    private Builder add(Entry entry) {
      requireApplicationId(entry.id(), "id of " + entry.type().getName());
      Entry sameId = byId.get(entry.id());
      if (sameId != null) {
        throw new IllegalArgumentException("id " + entry.id() + " of " + entry.type().getName()
            + " is already registered to " + sameId.type().getName());
      }
      if (retired.containsKey(entry.id())) {
        throw new IllegalArgumentException("id " + entry.id() + " of " + entry.type().getName()
            + " is retired (" + retired.get(entry.id()) + ") and may never be reused");
      }
      Entry sameType = byType.get(entry.type());
      if (sameType != null) {
        throw new IllegalArgumentException("type " + entry.type().getName() + " is already registered with id " + sameType.id());
      }
      byId.put(entry.id(), entry);
      byType.put(entry.type(), entry);
      return this;
    }

    private static void requireRecord(Class<?> type) {
      if (!Objects.requireNonNull(type, "type").isRecord()) {
        throw new IllegalArgumentException("type " + type.getName() + " is not a record: register it as an enum or with a codec");
      }
    }

    private static void requireApplicationId(int id, String what) {
      if (id < FIRST_APPLICATION_ID) {
        throw new IllegalArgumentException(what + " must be >= " + FIRST_APPLICATION_ID + " (lower ids are reserved), got " + id);
      }
    }
  }

  @Override
  public String toString() {
    List<String> lines = new ArrayList<>();
    byId.values().forEach(e -> lines.add(e.id() + "=" + e.type().getName()));
    return "TypeRegistry" + lines;
  }
}
