package dev.obsidian.persistence;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;

/** Stores a typed actor ref as its path string (with the system address), the format Pekko resolves remotely. */
final class TypedActorRefSerializer extends Serializer<ActorRef<?>> {
  private final Supplier<ActorRefResolver> resolver;

  TypedActorRefSerializer(Supplier<ActorRefResolver> resolver) {
    this.resolver = resolver;
    setImmutable(true);
  }

  @Override
  public void write(Kryo kryo, Output output, ActorRef<?> ref) {
    output.writeString(resolver().toSerializationFormat(ref));
  }

  @Override
  public ActorRef<?> read(Kryo kryo, Input input, Class<? extends ActorRef<?>> type) {
    return resolver().resolveActorRef(input.readString());
  }

  private ActorRefResolver resolver() {
    ActorRefResolver resolved = resolver == null ? null : resolver.get();
    if (resolved == null) {
      throw new KryoException("actor refs can only be serialized inside an ActorSystem (no ActorRefResolver given)");
    }
    return resolved;
  }
}
