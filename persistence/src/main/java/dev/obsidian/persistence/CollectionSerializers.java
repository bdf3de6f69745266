package dev.obsidian.persistence;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Serializers for the JDK collection families. Whatever the concrete class written (List.of, ArrayList,
 * Stream.toList, ...), the value read back is unmodifiable and keeps the written iteration order; sorted
 * collections keep natural ordering (a custom comparator cannot be stored and is refused).
 */
final class CollectionSerializers {
  private CollectionSerializers() {}

  static final class ListSerializer extends Serializer<List<?>> {
    ListSerializer() {
      setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, List<?> list) {
      writeElements(kryo, output, list);
    }

    @Override
    public List<?> read(Kryo kryo, Input input, Class<? extends List<?>> type) {
      Object[] elements = readElements(kryo, input);
      return Arrays.stream(elements).anyMatch(e -> e == null)
          ? Collections.unmodifiableList(new ArrayList<>(Arrays.asList(elements)))
          : List.of(elements);
    }
  }

  static final class SetSerializer extends Serializer<Set<?>> {
    SetSerializer() {
      setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, Set<?> set) {
      writeElements(kryo, output, set);
    }

    @Override
    public Set<?> read(Kryo kryo, Input input, Class<? extends Set<?>> type) {
      return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(readElements(kryo, input))));
    }
  }

  static final class SortedSetSerializer extends Serializer<SortedSet<?>> {
    SortedSetSerializer() {
      setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, SortedSet<?> set) {
      requireNaturalOrder(set.comparator(), set.getClass());
      writeElements(kryo, output, set);
    }

    @Override
    public SortedSet<?> read(Kryo kryo, Input input, Class<? extends SortedSet<?>> type) {
      return Collections.unmodifiableSortedSet(new TreeSet<>(Arrays.asList(readElements(kryo, input))));
    }
  }

  static final class MapSerializer extends Serializer<Map<?, ?>> {
    MapSerializer() {
      setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, Map<?, ?> map) {
      writeEntries(kryo, output, map);
    }

    @Override
    public Map<?, ?> read(Kryo kryo, Input input, Class<? extends Map<?, ?>> type) {
      return Collections.unmodifiableMap(readEntries(kryo, input, new LinkedHashMap<>()));
    }
  }

  static final class SortedMapSerializer extends Serializer<SortedMap<?, ?>> {
    SortedMapSerializer() {
      setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, SortedMap<?, ?> map) {
      requireNaturalOrder(map.comparator(), map.getClass());
      writeEntries(kryo, output, map);
    }

    @Override
    public SortedMap<?, ?> read(Kryo kryo, Input input, Class<? extends SortedMap<?, ?>> type) {
      return Collections.unmodifiableSortedMap(readEntries(kryo, input, new TreeMap<>()));
    }
  }

  private static void writeElements(Kryo kryo, Output output, Collection<?> elements) {
    output.writeVarInt(elements.size(), true);
    for (Object element : elements) {
      kryo.writeClassAndObject(output, element);
    }
  }

  private static Object[] readElements(Kryo kryo, Input input) {
    Object[] elements = new Object[readSize(input, 1)];
    for (int i = 0; i < elements.length; i++) {
      elements[i] = kryo.readClassAndObject(input);
    }
    return elements;
  }

  private static void writeEntries(Kryo kryo, Output output, Map<?, ?> map) {
    output.writeVarInt(map.size(), true);
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      kryo.writeClassAndObject(output, entry.getKey());
      kryo.writeClassAndObject(output, entry.getValue());
    }
  }

  private static <M extends Map<Object, Object>> M readEntries(Kryo kryo, Input input, M into) {
    int size = readSize(input, 2);
    for (int i = 0; i < size; i++) {
      Object key = kryo.readClassAndObject(input);
      if (into.containsKey(key)) {
        throw new KryoException("duplicate map key in stored data: " + key);
      }
      into.put(key, kryo.readClassAndObject(input));
    }
    return into;
  }

  /** A stored size can never exceed the bytes left (each element takes at least one), so corrupt data fails early. */
  static int readSize(Input input, int minBytesPerElement) {
    int size = input.readVarInt(true);
    long bytesLeft = (long) input.limit() - input.position();
    if (size < 0 || (long) size * minBytesPerElement > bytesLeft) {
      throw new KryoException("stored collection size " + size + " exceeds the " + bytesLeft + " bytes left: corrupt data");
    }
    return size;
  }

  private static void requireNaturalOrder(Object comparator, Class<?> type) {
    if (comparator != null) {
      throw new IllegalArgumentException("cannot serialize " + type.getName() + " with a custom comparator ("
          + comparator.getClass().getName() + "): only natural ordering can be stored");
    }
  }
}
