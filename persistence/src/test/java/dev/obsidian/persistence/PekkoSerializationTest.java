package dev.obsidian.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.Serializable;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The module's reference.conf as Pekko sees it: Kryo bound to the marker, Java serialization off. */
class PekkoSerializationTest {
  private static final ActorTestKit testKit = ActorTestKit.create();

  record PlainJavaMessage(String text) implements Serializable {}

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private static Serialization serialization() {
    return SerializationExtension.get(Adapter.toClassic(testKit.system()));
  }

  @Test
  void markerInterfaceIsBoundToKryo() {
    var event = new Counter.Incremented(3, "why");
    assertInstanceOf(KryoSerializer.class, serialization().findSerializerFor(event));
    byte[] bytes = serialization().serialize(event).get();
    String manifest = org.apache.pekko.serialization.Serializers.manifestFor(serialization().findSerializerFor(event), event);
    assertEquals(event, serialization().deserialize(bytes, KryoSerializer.IDENTIFIER, manifest).get());
  }

  @Test
  void javaSerializationIsDisabled() {
    assertFalse(testKit.system().settings().config().getBoolean("pekko.actor.allow-java-serialization"));
    assertThrows(Exception.class, () -> serialization().serialize(new PlainJavaMessage("no")).get());
  }

  /** Commands carry reply-to refs; they must survive Kryo and still reach the same actor. */
  @Test
  void typedActorRefsRoundTripInsideCommands() {
    TestProbe<StatusReply<Long>> probe = testKit.createTestProbe();
    var command = new Counter.Increment(2, "ref", probe.getRef());
    byte[] bytes = serialization().serialize(command).get();
    var read = (Counter.Increment) serialization().deserialize(bytes, KryoSerializer.IDENTIFIER, "100").get();
    assertEquals(command, read);
    read.replyTo().tell(StatusReply.success(42L));
    assertEquals(42L, probe.receiveMessage().getValue());
  }
}
