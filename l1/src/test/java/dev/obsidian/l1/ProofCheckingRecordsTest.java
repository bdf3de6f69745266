package dev.obsidian.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.actors.block.BlockHeader;
import dev.obsidian.actors.block.GlobalVariables;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.StateReference;
import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.EthAddress;
import dev.obsidian.l1.L1PublisherActor.PublishRequested;
import dev.obsidian.l1.L1PublisherActor.Published;
import dev.obsidian.l1.L1PublisherActor.QueuedProof;
import dev.obsidian.l1.L1PublisherActor.State;
import dev.obsidian.merkle.TreeInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a node records about proof checking and checks at start, without an L1: contracts.json's fields, the mode and
 * key mismatches L1Node refuses (file, field and both values named), and the publisher state keeping each queued
 * block's journaled proof argument through Kryo. Keys are small stand-in circuits of the right input counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProofCheckingRecordsTest {
  private static final Path FILE = Path.of("/data/l1/contracts.json");
  private final ActorTestKit testKit = ActorTestKit.create();
  private BlockVerifierKeys keys;
  private BlockVerifierKeys otherKeys;

  @BeforeAll
  void keys() {
    var root = new StandInCircuit(BlockVerifierKeys.ROOT_FIXED_PUBLIC_INPUTS + 1, "records-root-1").provingKey;
    var base = new StandInCircuit(BlockVerifierKeys.BASE_PUBLIC_INPUTS, "records-base").provingKey;
    var otherBase = new StandInCircuit(BlockVerifierKeys.BASE_PUBLIC_INPUTS, "records-other-base").provingKey;
    keys = new BlockVerifierKeys(List.of(BlockVerifierKeys.Variant.of("block-root-1", 1, root.verifyingKey())),
        List.of(BlockVerifierKeys.Variant.of("base-rollup-2", 2, base.verifyingKey())));
    otherKeys = new BlockVerifierKeys(keys.roots(),
        List.of(BlockVerifierKeys.Variant.of("base-rollup-2", 2, otherBase.verifyingKey())));
  }

  @AfterAll
  void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void contractsJsonRecordsTheVerifierVariantsAndReadsOlderFilesAsNotChecking() {
    L1Contracts contracts = new L1Contracts(31337, EthAddress.fromHex("0x" + "11".repeat(20)),
        EthAddress.fromHex("0x" + "22".repeat(20)), EthAddress.fromHex("0x" + "33".repeat(20)),
        EthAddress.fromHex("0x" + "44".repeat(20)), EthAddress.fromHex("0x" + "55".repeat(20)), 7,
        keys.recorded());
    String json = contracts.toJson();
    assertTrue(json.contains("\"proofCheckingEnabled\" : true"), json);
    assertTrue(json.contains("\"circuit\" : \"base-rollup-2\""), json);
    assertTrue(json.contains(keys.bases().get(0).verifyingKeyHash()), json);
    assertEquals(contracts, L1Contracts.fromJson(json));

    L1Contracts off = contracts.withProofChecking(L1Contracts.ProofChecking.OFF);
    assertFalse(off.toJson().contains("blockProofVerifier"));
    assertEquals(off, L1Contracts.fromJson(off.toJson()));
    String older = off.toJson().replace(",\n  \"proofCheckingEnabled\" : false", "");
    assertFalse(older.contains("proofCheckingEnabled"), older);
    assertEquals(off, L1Contracts.fromJson(older), "a file from before the field means checking off");

    String missing = json.replaceAll("(?s),\\s*\"blockProofVerifier\".*", "}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> L1Contracts.fromJson(missing));
    assertTrue(e.getMessage().contains("blockProofVerifier is missing"), e.getMessage());
  }

  @Test
  void aDeploymentInAnotherModeOrWithOtherKeysIsANamedErrorNeverARedeploy() {
    L1Exception offButProving = assertThrows(L1Exception.class, () -> L1Node.requireSameProofChecking(FILE,
        L1Contracts.ProofChecking.OFF, Optional.of(keys), true));
    assertTrue(offButProving.getMessage().startsWith(FILE + ": field proofCheckingEnabled is false"),
        offButProving.getMessage());
    assertTrue(offButProving.getMessage().contains("needs a Rollup that checks them (true)")
        && offButProving.getMessage().contains("fresh data dir") && offButProving.getMessage().contains("--proving"),
        offButProving.getMessage());

    L1Exception onButNotProving = assertThrows(L1Exception.class, () -> L1Node.requireSameProofChecking(FILE,
        keys.recorded(), Optional.empty(), false));
    assertTrue(onButNotProving.getMessage().contains("field proofCheckingEnabled is true")
        && onButNotProving.getMessage().contains("(false)")
        && onButNotProving.getMessage().contains("move contracts.json away"), onButNotProving.getMessage());

    L1Exception otherKey = assertThrows(L1Exception.class, () -> L1Node.requireSameProofChecking(FILE,
        keys.recorded(), Optional.of(otherKeys), true));
    assertTrue(otherKey.getMessage().contains("field blockProofVerifier.baseVariants[0].verifyingKeyHash is "
        + keys.bases().get(0).verifyingKeyHash()) && otherKey.getMessage().contains(
        otherKeys.bases().get(0).verifyingKeyHash()), otherKey.getMessage());

    BlockVerifierKeys twoBases = new BlockVerifierKeys(keys.roots(), List.of(keys.bases().get(0),
        BlockVerifierKeys.Variant.of("base-rollup-8", 8, otherKeys.bases().get(0).key())));
    L1Exception moreVariants = assertThrows(L1Exception.class, () -> L1Node.requireSameProofChecking(FILE,
        keys.recorded(), Optional.of(twoBases), true));
    assertTrue(moreVariants.getMessage().contains("field blockProofVerifier.baseVariants records [base-rollup-2],"
        + " but this node proves with [base-rollup-2, base-rollup-8]"), moreVariants.getMessage());

    L1Node.requireSameProofChecking(FILE, keys.recorded(), Optional.of(keys), true);
    L1Node.requireSameProofChecking(FILE, L1Contracts.ProofChecking.OFF, Optional.empty(), true);
  }

  @Test
  void verifierKeysRefuseKeysOfTheWrongShapeAndAWrongHash() {
    var base = keys.bases().get(0);
    IllegalArgumentException asRoot = assertThrows(IllegalArgumentException.class, () -> new BlockVerifierKeys(
        List.of(BlockVerifierKeys.Variant.of("block-root-1", 1, base.key())), keys.bases()));
    assertTrue(asRoot.getMessage().contains("has a key with 13 public inputs; a block root of 1 txs has 20"),
        asRoot.getMessage());
    IllegalArgumentException hash = assertThrows(IllegalArgumentException.class, () ->
        new BlockVerifierKeys.Variant("base-rollup-2", 2, base.key(), "00"));
    assertTrue(hash.getMessage().contains("verifyingKeyHash 00 is not the key's hash"), hash.getMessage());
    assertEquals(0, keys.baseIndex("base-rollup-2").getAsInt());
    assertTrue(keys.rootIndex("block-root-4").isEmpty());
  }

  @Test
  void theStateKeepsEachQueuedBlocksProofUntilPublishedAndSurvivesKryo() {
    L2Block one = block(1, Constants.GENESIS_ARCHIVE_ROOT);
    L2Block two = block(2, one.archive().root());
    State state = State.EMPTY.apply(new PublishRequested(2, two, "0x02"))
        .apply(new PublishRequested(1, one, "0x01"))
        .apply(new PublishRequested(1, one, "0xff")); // already queued: the first request's proof stays
    assertEquals(List.of(new QueuedProof(1, "0x01"), new QueuedProof(2, "0x02")), state.proofs());
    assertEquals(state, roundTrip(state));
    assertEquals(new PublishRequested(1, one, "0x01"), roundTrip(new PublishRequested(1, one, "0x01")));

    State published = state.apply(new Published(1, 10, "0xabc"));
    assertEquals("", published.proofOf(1));
    assertEquals("0x02", published.proofOf(2));
    assertEquals(List.of(), published.apply(new Published(2, 11, "0xdef")).proofs());
    assertEquals("", State.EMPTY.apply(new PublishRequested(1, one)).proofOf(1), "proof checking off: none");
  }

  private Object roundTrip(Object value) {
    Serialization serialization = SerializationExtension.get(Adapter.toClassic(testKit.system()));
    var serializer = serialization.findSerializerFor(value);
    byte[] bytes = serialization.serialize(value).get();
    return serialization.deserialize(bytes, serializer.identifier(), Serializers.manifestFor(serializer, value))
        .get();
  }

  private static L2Block block(long number, Fr lastArchive) {
    StateReference state = new StateReference(new TreeInfo(Fr.of(number), 0), new TreeInfo(Fr.of(2), 64),
        new TreeInfo(Fr.of(3), 192), new TreeInfo(Fr.of(4), 3));
    GlobalVariables globals = new GlobalVariables(31337, 1, number, number, 1_700_000_000L + number,
        EthAddress.ZERO, AztecAddress.ZERO, new GasFees(1, 1));
    BlockHeader header = new BlockHeader(new TreeInfo(lastArchive, number), state, Fr.of(5), globals, Fr.of(10), 100);
    return new L2Block(header, new TreeInfo(Fr.of(100 + number), number + 1), new TestBlocks(number).transfers(1));
  }
}
