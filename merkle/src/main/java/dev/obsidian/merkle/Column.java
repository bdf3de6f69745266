package dev.obsidian.merkle;

import java.nio.charset.StandardCharsets;

/** RocksDB column families of the node store; the ordinal is persisted in stale-entry keys, so only append. */
enum Column {
  /** Store-wide singletons: last applied block, oldest readable block, schema version. */
  STATE("default"),
  NODES("nodes"),
  LEAVES("leaves"),
  KEY_INDEX("key-index"),
  META("meta"),
  STALE("stale");

  private final String familyName;

  Column(String familyName) {
    this.familyName = familyName;
  }

  byte[] familyNameBytes() {
    return familyName.getBytes(StandardCharsets.UTF_8);
  }
}
