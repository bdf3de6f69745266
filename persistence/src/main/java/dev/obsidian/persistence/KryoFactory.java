package dev.obsidian.persistence;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRefResolver;

/** Builds identically configured Kryo instances: platform types, then the registry's entries in id order. */
final class KryoFactory {
  private final TypeRegistry registry;
  private final Supplier<ActorRefResolver> actorRefResolver;

  KryoFactory(TypeRegistry registry, Supplier<ActorRefResolver> actorRefResolver) {
    this.registry = registry;
    this.actorRefResolver = actorRefResolver;
  }

  Kryo create() {
    Kryo kryo = new ObsidianKryo();
    PlatformTypes.register(kryo, actorRefResolver);
    for (TypeRegistry.Entry entry : registry.entries()) {
      kryo.register(entry.type(), serializerFor(entry), entry.id());
    }
    return kryo;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Serializer<?> serializerFor(TypeRegistry.Entry entry) {
    return switch (entry.kind()) {
      case RECORD -> new EvolvableRecordSerializer<>(entry.type(), entry.schemaVersion(), entry.migration());
      case ENUM -> new EnumByNameSerializer(entry.type());
      case CODEC -> new CodecSerializer<>((TypeRegistry.Codec<Object>) entry.codec());
    };
  }
}
