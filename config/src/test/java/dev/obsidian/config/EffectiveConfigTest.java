package dev.obsidian.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EffectiveConfigTest {

  @TempDir Path dir;

  @Test
  void theRenderingParsesBackToTheSameSettings() {
    Path file = ConfigFiles.write(dir, "app.conf",
        "obsidian { prover.job-timeout = 90s, merkle.rocksdb-cache-size = 1 GiB }",
        "obsidian.l1.rpc-url = \"wss://eth.example/ws\"");
    EffectiveConfig effective = SettingsLoader.loadEffective(
        SettingsLoader.parseFile(file), Map.of("OBSIDIAN_RPC_PORT", "7000"));
    for (boolean withOrigins : new boolean[] {false, true}) {
      Config reparsed = ConfigFactory.parseString(effective.render(withOrigins));
      assertEquals(effective.config().root(), reparsed.root());
      assertEquals(effective.settings(), SettingsLoader.load(reparsed, Map.of()));
    }
  }

  @Test
  void originsNameTheReferenceLineTheFileLineOrTheVariable() {
    Path file = ConfigFiles.write(dir, "app.conf", "obsidian {", "  data-dir = /srv/obsidian", "}");
    String rendered = SettingsLoader.loadEffective(
        SettingsLoader.parseFile(file), Map.of("OBSIDIAN_RPC_PORT", "7000")).render(true);
    assertTrue(rendered.contains("  data-dir = \"/srv/obsidian\" # " + file + ":2\n"), rendered);
    assertTrue(rendered.contains("    rpc-port = 7000 # env OBSIDIAN_RPC_PORT\n"), rendered);
    assertTrue(rendered.contains("    rpc-host = \"127.0.0.1\" # " + ReferenceLines.originOf("rpc-host") + "\n"),
        rendered);
  }

  @Test
  void withoutOriginsThereAreNoComments() {
    String rendered = SettingsLoader.loadEffective(ConfigFactory.empty(), Map.of()).render(false);
    assertTrue(rendered.startsWith("obsidian {\n  archiver {\n"), rendered);
    assertTrue(rendered.contains("\n  data-dir = \"./data\"\n  l1 {\n"), rendered);
    assertTrue(!rendered.contains("#"), rendered);
  }

  @Test
  void onlyObsidianKeysAreShown() {
    EffectiveConfig effective = SettingsLoader.loadEffective(
        ConfigFactory.parseString("pekko.loglevel = DEBUG"), Map.of());
    assertEquals(java.util.Set.of("obsidian"), effective.config().root().keySet());
  }
}
