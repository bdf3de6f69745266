package dev.obsidian.persistence;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.DefaultArraySerializers;
import com.esotericsoftware.kryo.serializers.DefaultSerializers;
import com.esotericsoftware.kryo.serializers.OptionalSerializers;
import com.esotericsoftware.kryo.serializers.TimeSerializers;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;

/**
 * The platform types every Obsidian Kryo instance knows, with their fixed ids (part of the journal format:
 * never change or reuse one). Kryo itself registers ids 0-8 (int, String, float, boolean, byte, char, short,
 * long, double, boxed or not); platform ids run from 10 to {@link TypeRegistry#FIRST_APPLICATION_ID} - 1.
 */
final class PlatformTypes {
  static final int BYTE_ARRAY = 10;
  static final int INT_ARRAY = 11;
  static final int LONG_ARRAY = 12;
  static final int BIG_INTEGER = 13;
  static final int BIG_DECIMAL = 14;
  static final int OPTIONAL = 15;
  static final int INSTANT = 16;
  static final int DURATION = 17;
  static final int UUID_ID = 18;
  static final int LIST = 20;
  static final int SET = 21;
  static final int SORTED_SET = 22;
  static final int MAP = 23;
  static final int SORTED_MAP = 24;
  static final int TYPED_ACTOR_REF = 30;

  private PlatformTypes() {}

  static void register(Kryo kryo, Supplier<ActorRefResolver> actorRefResolver) {
    kryo.register(byte[].class, new DefaultArraySerializers.ByteArraySerializer(), BYTE_ARRAY);
    kryo.register(int[].class, new DefaultArraySerializers.IntArraySerializer(), INT_ARRAY);
    kryo.register(long[].class, new DefaultArraySerializers.LongArraySerializer(), LONG_ARRAY);
    kryo.register(BigInteger.class, new DefaultSerializers.BigIntegerSerializer(), BIG_INTEGER);
    kryo.register(BigDecimal.class, new DefaultSerializers.BigDecimalSerializer(), BIG_DECIMAL);
    kryo.register(Optional.class, new OptionalSerializers.OptionalSerializer(), OPTIONAL);
    kryo.register(Instant.class, new TimeSerializers.InstantSerializer(), INSTANT);
    kryo.register(Duration.class, new TimeSerializers.DurationSerializer(), DURATION);
    kryo.register(UUID.class, new DefaultSerializers.UUIDSerializer(), UUID_ID);
    kryo.register(List.class, new CollectionSerializers.ListSerializer(), LIST);
    kryo.register(Set.class, new CollectionSerializers.SetSerializer(), SET);
    kryo.register(SortedSet.class, new CollectionSerializers.SortedSetSerializer(), SORTED_SET);
    kryo.register(Map.class, new CollectionSerializers.MapSerializer(), MAP);
    kryo.register(SortedMap.class, new CollectionSerializers.SortedMapSerializer(), SORTED_MAP);
    kryo.register(ActorRef.class, new TypedActorRefSerializer(actorRefResolver), TYPED_ACTOR_REF);
  }

  /**
   * The registered type standing for a concrete class that is not registered itself: JDK collections map to
   * their interface (their concrete classes are JDK internals such as {@code ImmutableCollections$ListN}),
   * actor refs to {@link ActorRef}, an enum constant with a body to its enum. Null when none applies.
   */
  static Class<?> familyOf(Class<?> type) {
    if (ActorRef.class.isAssignableFrom(type)) {
      return ActorRef.class;
    }
    if (Enum.class.isAssignableFrom(type) && !type.isEnum() && type.getSuperclass().isEnum()) {
      return type.getSuperclass();
    }
    if (!type.getPackageName().equals("java.util")) {
      return null;
    }
    if (SortedSet.class.isAssignableFrom(type)) {
      return SortedSet.class;
    }
    if (Set.class.isAssignableFrom(type)) {
      return Set.class;
    }
    if (List.class.isAssignableFrom(type)) {
      return List.class;
    }
    if (SortedMap.class.isAssignableFrom(type)) {
      return SortedMap.class;
    }
    if (Map.class.isAssignableFrom(type)) {
      return Map.class;
    }
    return null;
  }
}
