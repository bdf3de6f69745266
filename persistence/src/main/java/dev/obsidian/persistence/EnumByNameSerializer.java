package dev.obsidian.persistence;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/** Stores an enum constant by name, not ordinal, so reordering or inserting constants keeps old journals readable. */
final class EnumByNameSerializer<E extends Enum<E>> extends Serializer<E> {
  private final Class<E> type;

  EnumByNameSerializer(Class<E> type) {
    this.type = type;
    setImmutable(true);
  }

  @Override
  public void write(Kryo kryo, Output output, E constant) {
    output.writeString(constant.name());
  }

  @Override
  public E read(Kryo kryo, Input input, Class<? extends E> ignored) {
    String name = input.readString();
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException | NullPointerException unknown) {
      throw new KryoException("stored constant '" + name + "' does not exist in enum " + type.getName());
    }
  }
}
