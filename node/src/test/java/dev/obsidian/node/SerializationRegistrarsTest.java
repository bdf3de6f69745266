package dev.obsidian.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every module's TypeRegistrar reaches the node's config, whatever the order of the modules' reference.conf on the
 * class path: each module names its registrar under a key of its own in {@code registrars-by-module}, which merges
 * across reference.conf files (list appends do not all survive).
 */
class SerializationRegistrarsTest {
  @Test
  void everyModulesRegistrarIsNamed() {
    Config byModule = ConfigFactory.load().getConfig("obsidian.serialization.registrars-by-module");
    Map<String, String> named = new TreeMap<>();
    byModule.root().keySet().forEach(module -> named.put(module, byModule.getString(module)));
    assertEquals(Map.of(
        "actors", "dev.obsidian.actors.ActorTypes",
        "l1-publisher", "dev.obsidian.l1.PublisherTypes",
        "l1-archiver", "dev.obsidian.l1.L1Types"), named);
  }
}
