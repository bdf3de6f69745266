package dev.obsidian.persistence;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;
import com.typesafe.config.Config;
import java.io.NotSerializableException;
import java.util.function.Supplier;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.SerializerWithStringManifest;

/**
 * Pekko serializer for {@link ObsidianSerializable} types. The manifest is the type's registration id (never its
 * class name, so classes can be renamed); the payload is Kryo with the type's schema version inside. Kryo
 * instances are not thread-safe, so each call borrows one from a bounded pool.
 */
public final class KryoSerializer extends SerializerWithStringManifest {
  /** Pekko's id for this serializer, stored with every journal row: never change it. */
  static final int IDENTIFIER = 1_516_400;
  private static final int INITIAL_BUFFER_BYTES = 256;

  private final TypeRegistry registry;
  private final int maxPayloadBytes;
  private final Pool<Kryo> pool;

  /** Called by Pekko for the binding in {@code reference.conf}. */
  public KryoSerializer(ExtendedActorSystem system) {
    this(SerializationSettings.from(system.settings().config(), system.dynamicAccess().classLoader()),
        () -> ActorRefResolver.get(Adapter.toTyped(system)));
  }

  KryoSerializer(SerializationSettings settings, Supplier<ActorRefResolver> actorRefResolver) {
    this.registry = settings.registry();
    this.maxPayloadBytes = settings.maxPayloadBytes();
    KryoFactory factory = new KryoFactory(registry, actorRefResolver);
    this.pool = new Pool<>(true, false, settings.kryoPoolSize()) {
      @Override
      protected Kryo create() {
        return factory.create();
      }
    };
  }

  @Override
  public int identifier() {
    return IDENTIFIER;
  }

  @Override
  public String manifest(Object message) {
    return Integer.toString(entryOf(message.getClass()).id());
  }

  @Override
  public byte[] toBinary(Object message) {
    entryOf(message.getClass());
    Kryo kryo = pool.obtain();
    try {
      Output output = new Output(INITIAL_BUFFER_BYTES, maxPayloadBytes);
      kryo.writeObject(output, message);
      byte[] bytes = output.toBytes();
      pool.free(kryo);
      return bytes;
    } catch (KryoException | IllegalArgumentException failure) {
      throw new IllegalArgumentException("cannot serialize " + message.getClass().getName() + ": " + failure.getMessage(), failure);
    }
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
    TypeRegistry.Entry entry = entryOf(manifest);
    Kryo kryo = pool.obtain();
    try {
      Input input = new Input(bytes);
      Object value = kryo.readObject(input, entry.type());
      requireFullyRead(input, entry);
      pool.free(kryo);
      return value;
    } catch (KryoException | IllegalArgumentException failure) {
      throw new IllegalStateException("cannot deserialize " + entry.type().getName() + " (id " + entry.id() + "): " + failure.getMessage(), failure);
    }
  }

  private TypeRegistry.Entry entryOf(Class<?> type) {
    return registry.byType(type).orElseThrow(() -> new IllegalArgumentException(
        "type " + type.getName() + " is not registered for Obsidian serialization: give it a fixed id in a "
            + "TypeRegistrar named in obsidian.serialization.registrars"));
  }

  private TypeRegistry.Entry entryOf(String manifest) throws NotSerializableException {
    int id;
    try {
      id = Integer.parseInt(manifest);
    } catch (NumberFormatException notAnId) {
      throw new NotSerializableException("manifest '" + manifest + "' is not an Obsidian registration id");
    }
    var entry = registry.byId(id);
    if (entry.isPresent()) {
      return entry.get();
    }
    String retired = registry.retirementReason(id).map(reason -> " (retired: " + reason + ")").orElse("");
    throw new NotSerializableException("no type is registered with id " + id + retired);
  }

  private static void requireFullyRead(Input input, TypeRegistry.Entry entry) {
    if (input.position() != input.limit()) {
      throw new KryoException((input.limit() - input.position()) + " trailing bytes after " + entry.type().getName() + ": corrupt data");
    }
  }

  /** The serializer's settings under {@code obsidian.serialization}, with the registrars it names merged. */
  record SerializationSettings(TypeRegistry registry, int maxPayloadBytes, int kryoPoolSize) {
    static SerializationSettings from(Config config, ClassLoader classLoader) {
      Config settings = config.getConfig("obsidian.serialization");
      TypeRegistry.Builder types = TypeRegistry.builder();
      java.util.Set<String> names = new java.util.LinkedHashSet<>(settings.getStringList("registrars"));
      // one key per module: objects from several reference.conf files merge reliably, list `+=` does not
      if (settings.hasPath("registrars-by-module")) {
        Config byModule = settings.getConfig("registrars-by-module");
        new java.util.TreeSet<>(byModule.root().keySet()).forEach(module -> names.add(byModule.getString(module)));
      }
      for (String registrar : names) {
        types.include(instantiate(registrar, classLoader));
      }
      return new SerializationSettings(types.build(),
          positive(settings, "max-payload-bytes", (int) settings.getMemorySize("max-payload-bytes").toBytes()),
          positive(settings, "kryo-pool-size", settings.getInt("kryo-pool-size")));
    }

    private static TypeRegistrar instantiate(String className, ClassLoader classLoader) {
      try {
        Class<?> type = Class.forName(className, true, classLoader);
        return (TypeRegistrar) type.getConstructor().newInstance();
      } catch (ReflectiveOperationException | ClassCastException failure) {
        throw new IllegalArgumentException("obsidian.serialization.registrars: cannot create TypeRegistrar " + className + ": " + failure, failure);
      }
    }

    private static int positive(Config settings, String path, int value) {
      if (value <= 0) {
        throw new IllegalArgumentException("obsidian.serialization." + path + " must be positive, got " + value);
      }
      return value;
    }
  }
}
