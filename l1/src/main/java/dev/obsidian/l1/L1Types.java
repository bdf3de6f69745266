package dev.obsidian.l1;

import dev.obsidian.persistence.TypeRegistrar;
import dev.obsidian.persistence.TypeRegistry;

/**
 * Fixed Kryo ids of what the l1 module journals (named in this module's reference.conf). The module owns 1200-1299;
 * the archiver uses 1250-1269. Never change or reuse an id.
 */
public final class L1Types implements TypeRegistrar {
  @Override
  public void registerTypes(TypeRegistry.Builder types) {
    types.register(1250, L1Archiver.L1Synced.class, 1)
        .register(1251, L1Archiver.L1Reorged.class, 1)
        .register(1252, L1Archiver.ProposalSeen.class, 1)
        .register(1253, L1Archiver.MessageSeen.class, 1)
        .register(1254, L1Archiver.L1Block.class, 1);
  }
}
