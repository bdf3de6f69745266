package dev.obsidian.l1;

import dev.obsidian.persistence.TypeRegistrar;
import dev.obsidian.persistence.TypeRegistry;

/**
 * Fixed Kryo ids of what the L1 publisher journals (named in this module's reference.conf). Ids 1200-1299 belong to
 * the l1 module; the publisher uses 1200-1219. Never change or reuse one.
 */
public final class PublisherTypes implements TypeRegistrar {
  @Override
  public void registerTypes(TypeRegistry.Builder types) {
    types.register(1200, L1PublisherActor.PublishRequested.class, 2) // 2: + proof
        .register(1201, L1PublisherActor.L1TxSent.class, 1)
        .register(1202, L1PublisherActor.L1TxMined.class, 1)
        .register(1203, L1PublisherActor.L1TxReplaced.class, 1)
        .register(1204, L1PublisherActor.L1TxDropped.class, 1)
        .register(1205, L1PublisherActor.Published.class, 1)
        .register(1206, L1PublisherActor.Attempt.class, 1)
        .register(1207, L1PublisherActor.State.class, 3) // 2: + abandoned, 3: + proofs
        .register(1208, L1PublisherActor.ChainAbandoned.class, 1)
        .register(1209, L1PublisherActor.QueuedProof.class, 1);
  }
}
