package dev.obsidian.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Registrars named per module (an object, which merges across reference.conf files) join those of the list. */
class RegistrarsByModuleTest {
  @Test
  void registrarsOfTheListAndOfEveryModuleKeyAreAllIncluded() {
    var config = ConfigFactory.parseString("""
        obsidian.serialization {
          registrars = []
          registrars-by-module { counter = "dev.obsidian.persistence.CounterTypes" }
          max-payload-bytes = 1 MiB
          kryo-pool-size = 1
        }""");
    KryoSerializer.SerializationSettings settings =
        KryoSerializer.SerializationSettings.from(config, getClass().getClassLoader());
    Set<Class<?>> types = settings.registry().entries().stream().map(TypeRegistry.Entry::type)
        .collect(Collectors.toSet());
    assertEquals(Set.of(Counter.Increment.class, Counter.GetState.class, Counter.Incremented.class,
        Counter.State.class), types);
  }
}
