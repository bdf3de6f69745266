package dev.obsidian.node;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every module's TypeRegistrar reaches the node's config, whatever the order of the modules' reference.conf on the
 * class path (persistence's default must not hide a module that comes after it).
 */
class SerializationRegistrarsTest {
  @Test
  void theActorsAndTheL1PublisherRegistrarsAreBothNamed() {
    List<String> registrars = ConfigFactory.load().getStringList("obsidian.serialization.registrars");
    assertTrue(registrars.contains("dev.obsidian.actors.ActorTypes"), registrars.toString());
    assertTrue(registrars.contains("dev.obsidian.l1.PublisherTypes"), registrars.toString());
  }
}
