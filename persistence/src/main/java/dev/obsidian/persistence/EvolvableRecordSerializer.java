package dev.obsidian.persistence;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Serializes a record so that its shape may evolve: the payload is its schema version, then each component as
 * (name, length, value). Reading matches components by name, skips stored fields the record no longer has
 * without decoding them, and gives components missing from old data their zero value (null, 0, false) so the
 * record's compact constructor can substitute a default. Data from a newer schema version is refused: an old
 * node must stop rather than silently drop fields it does not know.
 */
final class EvolvableRecordSerializer<T> extends Serializer<T> {
  /** No Obsidian record comes near this; a larger stored count means corrupt data. */
  private static final int MAX_COMPONENTS = 1024;

  private final Class<T> type;
  private final int schemaVersion;
  private final TypeRegistry.Migration migration;
  private final RecordComponent[] components;
  private final MethodHandle[] accessors;
  private final MethodHandle constructor;
  private final Map<String, Integer> indexByName = new HashMap<>();

  EvolvableRecordSerializer(Class<T> type, int schemaVersion, TypeRegistry.Migration migration) {
    this.type = type;
    this.schemaVersion = schemaVersion;
    this.migration = migration;
    this.components = type.getRecordComponents();
    this.accessors = new MethodHandle[components.length];
    for (int i = 0; i < components.length; i++) {
      accessors[i] = accessor(components[i]);
      indexByName.put(components[i].getName(), i);
    }
    this.constructor = canonicalConstructor(type, components);
    setImmutable(true);
  }

  @Override
  public void write(Kryo kryo, Output output, T record) {
    output.writeVarInt(schemaVersion, true);
    output.writeVarInt(components.length, true);
    for (int i = 0; i < components.length; i++) {
      output.writeString(components[i].getName());
      writeLengthPrefixed(kryo, output, componentValue(record, i));
    }
  }

  @Override
  public T read(Kryo kryo, Input input, Class<? extends T> ignored) {
    int storedVersion = input.readVarInt(true);
    requireKnownVersion(storedVersion);
    boolean migrating = migration != null && storedVersion < schemaVersion;
    Map<String, Object> fields = readFields(kryo, input, migrating);
    if (migrating) {
      fields = migration.migrate(storedVersion, Collections.unmodifiableMap(fields));
    }
    return construct(fields);
  }

  private static void writeLengthPrefixed(Kryo kryo, Output output, Object value) {
    Output field = new Output(32, -1);
    kryo.writeClassAndObject(field, value);
    output.writeVarInt(field.position(), true);
    output.writeBytes(field.getBuffer(), 0, field.position());
  }

  private Object componentValue(T record, int index) {
    try {
      return accessors[index].invoke(record);
    } catch (Throwable failure) {
      throw new KryoException("cannot read component " + components[index].getName() + " of " + type.getName(), failure);
    }
  }

  private void requireKnownVersion(int storedVersion) {
    if (storedVersion < 1) {
      throw new KryoException("stored schema version " + storedVersion + " of " + type.getName() + " is invalid: corrupt data");
    }
    if (storedVersion > schemaVersion) {
      throw new KryoException(type.getName() + " was written with schema version " + storedVersion
          + ", newer than version " + schemaVersion + " known here: upgrade this node before it reads that data");
    }
  }

  /** Decodes only the fields that are still components, unless a migration needs to see all of them. */
  private Map<String, Object> readFields(Kryo kryo, Input input, boolean migrating) {
    int count = input.readVarInt(true);
    if (count < 0 || count > MAX_COMPONENTS) {
      throw new KryoException("stored component count " + count + " of " + type.getName() + " is out of range: corrupt data");
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      String name = input.readString();
      byte[] bytes = input.readBytes(CollectionSerializers.readSize(input, 1));
      if (migrating || indexByName.containsKey(name)) {
        fields.put(name, decodeField(kryo, name, bytes));
      }
    }
    return fields;
  }

  private Object decodeField(Kryo kryo, String name, byte[] bytes) {
    try {
      return kryo.readClassAndObject(new Input(bytes));
    } catch (KryoException | IllegalArgumentException failure) {
      throw new KryoException("cannot decode field '" + name + "' of " + type.getName() + ": " + failure.getMessage(), failure);
    }
  }

  private T construct(Map<String, Object> fields) {
    Object[] arguments = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      arguments[i] = argument(components[i], fields);
    }
    try {
      return type.cast(constructor.invokeWithArguments(arguments));
    } catch (Throwable rejected) {
      throw new KryoException("cannot rebuild " + type.getName() + " from stored fields " + fields.keySet() + ": " + rejected, rejected);
    }
  }

  private Object argument(RecordComponent component, Map<String, Object> fields) {
    Class<?> componentType = component.getType();
    Object value = fields.get(component.getName());
    if (value == null) {
      return componentType.isPrimitive() ? java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(componentType, 1), 0) : null;
    }
    if (!MethodType.methodType(componentType).wrap().returnType().isInstance(value)) {
      throw new KryoException("stored field '" + component.getName() + "' of " + type.getName() + " holds a "
          + value.getClass().getName() + ", but the component is a " + componentType.getName());
    }
    return value;
  }

  private static MethodHandle accessor(RecordComponent component) {
    try {
      Method method = component.getAccessor();
      method.setAccessible(true);
      return MethodHandles.lookup().unreflect(method);
    } catch (ReflectiveOperationException | RuntimeException failure) {
      throw new IllegalArgumentException("cannot access component " + component.getName() + " of "
          + component.getDeclaringRecord().getName() + ": " + failure.getMessage(), failure);
    }
  }

  private static MethodHandle canonicalConstructor(Class<?> type, RecordComponent[] components) {
    Class<?>[] parameterTypes = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    try {
      Constructor<?> canonical = type.getDeclaredConstructor(parameterTypes);
      canonical.setAccessible(true);
      return MethodHandles.lookup().unreflectConstructor(canonical);
    } catch (ReflectiveOperationException | RuntimeException failure) {
      throw new IllegalArgumentException("cannot access the canonical constructor of " + type.getName() + ": " + failure.getMessage(), failure);
    }
  }
}
