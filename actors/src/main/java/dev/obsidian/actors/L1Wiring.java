package dev.obsidian.actors;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * How a node reaches L1: the publisher (built once the block index exists, so it can re-send blocks L1 lost), the
 * contract addresses {@code node_getL1ContractAddresses} reports, and honest notes for {@code node_getNodeInfo}.
 * Publisher and addresses are asked for only once the node has recovered, so L1 may come up meanwhile.
 */
public record L1Wiring(
    PublisherFactory publisher, Supplier<Map<String, String>> contractAddresses,
    List<String> notes, Function<ActorSystem<Void>, L1ToL2MessageSource> messages) {

  /** Wiring whose blocks get no L1->L2 messages. */
  public L1Wiring(PublisherFactory publisher, Supplier<Map<String, String>> contractAddresses, List<String> notes) {
    this(publisher, contractAddresses, notes, system -> L1ToL2MessageSource.NONE);
  }

  /** Builds the node's publisher in its ActorSystem (an event-sourced publisher journals there). */
  @FunctionalInterface
  public interface PublisherFactory {
    L1Publisher create(ActorSystem<?> system, ChainIndex index);
  }

  /** No L1: every block stays unpublished ({@link NoL1Publisher}). */
  public static final L1Wiring NONE = new L1Wiring((system, index) -> new NoL1Publisher(), Map::of,
      List.of("blocks are not published to L1 (NoL1Publisher)"));

  public L1Wiring {
    if (publisher == null || contractAddresses == null || notes == null || messages == null) {
      throw new IllegalArgumentException("publisher, contractAddresses, notes and messages must be present");
    }
    notes = List.copyOf(notes);
  }
}
