package dev.obsidian.actors.tx;

import dev.obsidian.crypto.field.Fr;

/** A write to the public data tree: the siloed leaf slot and its new value (stdlib avm PublicDataWrite). */
public record PublicDataWrite(Fr leafSlot, Fr value) {
  public PublicDataWrite {
    Require.present(leafSlot, "publicDataWrite.leafSlot");
    Require.present(value, "publicDataWrite.value");
  }
}
