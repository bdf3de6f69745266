package dev.obsidian.persistence;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/** Adapts a {@link TypeRegistry.Codec} to Kryo: the codec's bytes, length-prefixed. */
final class CodecSerializer<T> extends Serializer<T> {
  private final TypeRegistry.Codec<T> codec;

  CodecSerializer(TypeRegistry.Codec<T> codec) {
    this.codec = codec;
    setImmutable(true);
  }

  @Override
  public void write(Kryo kryo, Output output, T value) {
    byte[] bytes = codec.encode(value);
    output.writeVarInt(bytes.length, true);
    output.writeBytes(bytes);
  }

  @Override
  public T read(Kryo kryo, Input input, Class<? extends T> type) {
    int length = CollectionSerializers.readSize(input, 1);
    return codec.decode(input.readBytes(length));
  }
}
