package dev.obsidian.l1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.obsidian.actors.BlockProofs;
import dev.obsidian.actors.L1Publisher;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.testkit.Await;
import dev.obsidian.circuits.groth16.KeyCodec;
import dev.obsidian.circuits.groth16.KeyStore;
import dev.obsidian.circuits.groth16.Proof;
import dev.obsidian.circuits.ir.CompiledCircuit;
import dev.obsidian.circuits.ir.R1csCompiler;
import dev.obsidian.circuits.rollup.BaseRollupCircuit;
import dev.obsidian.circuits.rollup.BlockRootCircuit;
import dev.obsidian.config.ProverSettings;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.l1.L1PublisherActor.Event;
import dev.obsidian.l1.L1PublisherActor.L1TxMined;
import dev.obsidian.l1.L1PublisherActor.L1TxSent;
import dev.obsidian.l1.L1PublisherActor.PublishRequested;
import dev.obsidian.merkle.WorldStateFork;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The publisher on a Rollup that checks proofs, on a real Anvil with REAL proofs: one 1-tx block proven once for the
 * class (a base-rollup-2 proof and a block-root-1 proof, dev keys from the per-user key store the prover and the
 * node use, so the dev setups run at most once per machine), then each test deploys a fresh proof-checking Rollup
 * (its genesis is the node's, so the same block 1 fits every one). Events and state go through Kryo (the persistence
 * testkit's serialization); what lands on L1 is checked on L1: provenBlockNumber, the L2BlockProven log, and the
 * proof argument in the mined transaction's calldata.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvenPublishingOnAnvilTest {
  private static final L1PublisherActor.Settings SETTINGS = new L1PublisherActor.Settings(1, Duration.ofMillis(50),
      20, 2, BigInteger.valueOf(1_000).multiply(BigInteger.TEN.pow(9)), 3, Duration.ofMillis(50),
      Duration.ofMillis(400), Duration.ofMillis(200), 1, 31337);
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final ActorTestKit testKit =
      ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load()));
  private final AtomicInteger ids = new AtomicInteger();
  private final List<ActorRef<L1PublisherActor.Command>> live = new ArrayList<>();
  private AnvilFixture l1;
  private AnvilRpc anvil;
  private BlockVerifierKeys keys;
  private L2Block block;
  private List<BlockProofs.AcceptedProof> proofs;
  private RealBlockProofs.ProvenBlock proven;

  @BeforeAll
  void proveOneBlock() {
    l1 = new AnvilFixture();
    anvil = new AnvilRpc(l1.anvil.rpcUrl());
    KeyStore store = new KeyStore(ProverSettings.defaults(true).resolvedKeyDir(System.getenv()), System.out);
    CompiledCircuit base = R1csCompiler.compile(BaseRollupCircuit.build(2, false));
    CompiledCircuit root = R1csCompiler.compile(BlockRootCircuit.build(1, false));
    KeyStore.LoadedKey baseKey = store.loadOrCreate(BaseRollupCircuit.name(2), base.r1cs());
    KeyStore.LoadedKey rootKey = store.loadOrCreate(BlockRootCircuit.name(1), root.r1cs());
    keys = new BlockVerifierKeys(List.of(BlockVerifierKeys.Variant.of(rootKey, 1)),
        List.of(BlockVerifierKeys.Variant.of(baseKey, 2)));
    RealBlockProofs prover = new RealBlockProofs(base, baseKey.provingKey(), List.of(1), List.of(root),
        List.of(rootKey.provingKey()));
    Fr inHash = new RollupClient(l1.sequencer, deploy().rollup()).inboxRoot(1);
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis()) {
      proven = prover.prove(fork, RealBlockProofs.genesisHeader(fork), 1,
          List.of(new TestBlocks(2026_12_05L).transfer(List.of())), inHash, 0, 7);
    }
    // the node's block as an L1 follower rebuilds it from what propose publishes: the same header, hence proofs
    block = EffectsEncoding.decodeBlock(proven.effects(), proven.header().archiveRoot());
    assertEquals(proven.header(), ProposedHeader.of(block, inHash, TestBlocks.VERSION, TestBlocks.CHAIN_ID).header(),
        "the block's proposal is the one the proofs were made for");
    proofs = List.of(
        new BlockProofs.AcceptedProof(0, "base-rollup-2", KeyCodec.encode(proven.batch().baseProofs().get(0).proof()),
            proven.baseInputs().get(0), "test", 1, 0),
        new BlockProofs.AcceptedProof(1, "block-root-1", KeyCodec.encode(proven.batch().rootProof()),
            proven.rootInputs(), "test", 1, 0));
  }

  @AfterEach
  void stopPublishers() {
    live.forEach(testKit::stop);
    live.clear();
    anvil.automine(true);
  }

  @AfterAll
  void tearDown() {
    testKit.shutdownTestKit();
    l1.close();
  }

  @Test
  void aProvenBlockIsPublishedAndProvenOnL1() {
    RollupClient rollup = new RollupClient(l1.sequencer, deploy().rollup());
    List<Long> heights = new CopyOnWriteArrayList<>();
    Publisher publisher = publisher(rollup, heights);
    assertTrue(publisher.port().checksProofs());

    assertEquals(new L1Publisher.Queued(1), publish(publisher.port(), proofs));
    await(() -> status(publisher).publishedBlockNumber() == 1, "block 1 published");

    assertEquals(1, rollup.provenBlockNumber(), "L1 verified the block's proofs");
    assertEquals(1, rollup.pendingBlockNumber());
    L1PublisherActor.Status status = status(publisher);
    List<RollupClient.BlockProvenLog> provenLogs = rollup.provenLogs();
    assertEquals(1, provenLogs.size(), provenLogs.toString());
    assertEquals(1, provenLogs.get(0).blockNumber());
    assertEquals(status.publishedL1TxHash(), provenLogs.get(0).l1TxHash(), "proven by the publisher's proposal");
    assertTrue(heights.contains(1L), "the listener learned the published height: " + heights);
    await(() -> status(publisher).provenBlockNumber() == 1, "the status shows L1's proven block");
    assertTrue(status(publisher).checksProofs());

    // the journal holds what was sent: the proof argument, the one in the mined transaction's calldata
    PublishRequested requested = only(events(publisher.id()), PublishRequested.class);
    byte[] expected = ProposalProof.encode(keys, block, proofs);
    assertEquals(L1Client.hex(expected), requested.proof());
    assertArrayEquals(proven.proof(), expected, "the encoder gives the proof argument the fixture builds itself");
    assertArrayEquals(RollupClient.proposeCalldata(proven.header(), proven.effects(), expected),
        input(status.publishedL1TxHash()));
  }

  @Test
  void aBlockWithoutProofsOrWithProofsTheRollupCannotCheckIsRefusedAndNothingJournaled() {
    RollupClient rollup = new RollupClient(l1.sequencer, deploy().rollup());
    Publisher publisher = publisher(rollup, new CopyOnWriteArrayList<>());
    long nonce = l1.sequencer.nonce(false);

    String none = refusal(publish(publisher.port(), List.of()));
    assertTrue(none.contains("block 1 has no proofs") && none.contains("PROOF_CHECKING_ENABLED"), none);

    List<BlockProofs.AcceptedProof> otherVariant = List.of(proofs.get(0), renamed(proofs.get(1), "block-root-4"));
    String unknown = refusal(publish(publisher.port(), otherVariant));
    assertTrue(unknown.contains("block 1") && unknown.contains("'block-root-4'")
        && unknown.contains("[block-root-1]"), unknown);

    // a base proof claiming another start state: the proofs do not chain from the block root's start
    List<Fr> otherStart = new ArrayList<>(proofs.get(0).publicInputs());
    otherStart.set(1, otherStart.get(1).add(Fr.ONE));
    BlockProofs.AcceptedProof base = proofs.get(0);
    String unchained = refusal(publish(publisher.port(), List.of(new BlockProofs.AcceptedProof(0, base.circuit(),
        base.proof(), otherStart, base.worker(), base.attempt(), base.provingMillis()), proofs.get(1))));
    assertTrue(unchained.contains("block 1: its proofs do not chain: base proof 0 starts at"), unchained);

    String onlyRoot = refusal(publish(publisher.port(), List.of(proofs.get(1))));
    assertTrue(onlyRoot.contains("block 1 has 1 txs, so 2 proofs"), onlyRoot);

    assertEquals(List.of(), events(publisher.id()), "nothing journaled");
    assertEquals(nonce, l1.sequencer.nonce(false), "nothing sent");
    assertEquals(0, rollup.pendingBlockNumber());
  }

  @Test
  void aTamperedProofIsRefusedByL1WithTheRevertNameInThePublishersError() {
    RollupClient rollup = new RollupClient(l1.sequencer, deploy().rollup());
    Publisher publisher = publisher(rollup, new CopyOnWriteArrayList<>());
    long nonce = l1.sequencer.nonce(false);
    // a well-formed proof whose A is negated: it decodes, its public inputs chain, only the pairing can tell
    Proof root = proven.batch().rootProof();
    BlockProofs.AcceptedProof tampered = new BlockProofs.AcceptedProof(1, "block-root-1",
        KeyCodec.encode(new Proof(root.a().negate(), root.b(), root.c())), proven.rootInputs(), "test", 1, 0);

    assertEquals(new L1Publisher.Queued(1), publish(publisher.port(), List.of(proofs.get(0), tampered)));
    await(() -> status(publisher).lastError().filter(e -> e.contains("Rollup__InvalidProof")).isPresent(),
        "L1's revert is the publisher's error");
    String error = status(publisher).lastError().orElseThrow();
    assertTrue(error.contains("Rollup.propose(block 1)"), error);
    assertEquals(List.of("PublishRequested"), events(publisher.id()).stream()
        .map(e -> e.getClass().getSimpleName()).toList(), "simulated, never signed nor sent");
    assertEquals(nonce, l1.sequencer.nonce(false));
    assertEquals(0, rollup.pendingBlockNumber());
    assertEquals(0, rollup.provenBlockNumber());
  }

  @Test
  void aRestartedPublisherSendsTheJournaledProof() throws Exception {
    RollupClient rollup = new RollupClient(l1.sequencer, deploy().rollup());
    anvil.automine(false);
    Publisher first = publisher(rollup, new CopyOnWriteArrayList<>());
    assertEquals(new L1Publisher.Queued(1), publish(first.port(), proofs));
    await(() -> events(first.id()).stream().anyMatch(e -> e instanceof L1TxSent), "the proposal is journaled");
    L1TxSent sent = only(events(first.id()), L1TxSent.class);
    await(() -> l1.sequencer.knows(sent.hash()), "Anvil holds the proposal");
    testKit.stop(first.port().actor(), Duration.ofSeconds(10));
    live.remove(first.port().actor());
    // the L1 node forgets it (as a restarted Anvil would): only the journal can bring it back
    anvil.call("anvil_dropAllTransactions");
    assertTrue(!l1.sequencer.knows(sent.hash()));

    // the restarted publisher is given no proofs at all: what it sends comes from its journal
    Publisher restarted = publisher(rollup, new CopyOnWriteArrayList<>(), first.id());
    await(() -> l1.sequencer.knows(sent.hash()), "the restarted publisher re-sent the journaled transaction");
    anvil.mine();
    await(() -> status(restarted).publishedBlockNumber() == 1, "block 1 published");
    assertEquals(1, rollup.provenBlockNumber());
    List<Event> events = events(first.id());
    assertEquals(sent.hash(), only(events, L1TxMined.class).hash(), "the journaled transaction landed");
    assertEquals(1, events.stream().filter(e -> e instanceof L1TxSent).count(), "nothing new was signed");
    byte[] proofArgument = L1Client.unhex(only(events, PublishRequested.class).proof());
    assertArrayEquals(RollupClient.proposeCalldata(proven.header(), proven.effects(), proofArgument),
        input(sent.hash()));
  }

  @Test
  void aBlockL1LostIsSentAgainWithItsProofsFromTheNodeOrNamedWhenItHasNone() {
    // the node still holds the block's proofs: L1 loses the proposal (evm_revert, as a lost Anvil dump), the block
    // is requested again with them and proven again
    RollupClient rollup = new RollupClient(l1.sequencer, deploy().rollup());
    String beforeProposal = l1.rpc("evm_snapshot");
    Publisher publisher = publisher(rollup, new CopyOnWriteArrayList<>(), "proven-publisher-" + ids.incrementAndGet(),
        n -> n == 1 ? proofs : List.of());
    assertEquals(new L1Publisher.Queued(1), publish(publisher.port(), proofs));
    await(() -> status(publisher).publishedBlockNumber() == 1, "block 1 published");
    l1.rpc("evm_revert", beforeProposal);
    assertEquals(0, rollup.pendingBlockNumber());
    await(() -> events(publisher.id()).stream().filter(e -> e instanceof L1PublisherActor.Published).count() == 2,
        "block 1 published again");
    assertEquals(1, rollup.provenBlockNumber());
    List<PublishRequested> requests = events(publisher.id()).stream().filter(e -> e instanceof PublishRequested)
        .map(e -> (PublishRequested) e).toList();
    assertEquals(2, requests.size());
    assertEquals(requests.get(0).proof(), requests.get(1).proof(), "the same proof argument, from the node's proofs");

    // the node no longer holds them: a named problem, retried, nothing journaled
    RollupClient second = new RollupClient(l1.sequencer, deploy().rollup());
    String beforeSecond = l1.rpc("evm_snapshot");
    Publisher without = publisher(second, new CopyOnWriteArrayList<>());
    assertEquals(new L1Publisher.Queued(1), publish(without.port(), proofs));
    await(() -> status(without).publishedBlockNumber() == 1, "block 1 published");
    int journaled = events(without.id()).size();
    l1.rpc("evm_revert", beforeSecond);
    await(() -> status(without).lastError().filter(e -> e.contains("cannot publish block 1 again")).isPresent(),
        "the missing proofs are named");
    String error = status(without).lastError().orElseThrow();
    assertTrue(error.contains("block 1 has no proofs"), error);
    assertEquals(journaled, events(without.id()).size(), "nothing journaled");
  }

  @Test
  void aSandboxDeploysAProofCheckingRollupWithItsKeysAndRefusesToRestartInAnotherMode() throws Exception {
    Path dataDir = Files.createTempDirectory("l1-proven-node");
    var settings = dev.obsidian.config.SettingsLoader.load(ConfigFactory.parseMap(java.util.Map.of(
        "obsidian.data-dir", dataDir.toString(), "obsidian.l1.anvil-port", 0)), java.util.Map.of());
    Path file = dataDir.resolve("l1").resolve("contracts.json");
    L1Contracts deployed;
    try (L1Node node = L1Node.start(settings, java.util.Map.of(), Optional.of(keys))) {
      deployed = node.contracts();
      assertTrue(node.checksProofs());
      assertEquals(keys.recorded(), deployed.proofChecking());
      assertEquals(deployed, L1Contracts.readFrom(file));
      L1Client client = L1Client.connect(node.rpcUrl(), L1PrivateKey.ANVIL_DEV_ACCOUNT_0, 31337,
          Duration.ofSeconds(10));
      try {
        assertTrue(new RollupClient(client, deployed.rollup()).proofCheckingEnabled());
      } finally {
        client.close();
      }
    }
    L1Exception off = org.junit.jupiter.api.Assertions.assertThrows(L1Exception.class,
        () -> L1Node.start(settings, java.util.Map.of()).close());
    assertTrue(off.getMessage().startsWith(file + ": field proofCheckingEnabled is true")
        && off.getMessage().contains("fresh data dir"), off.getMessage());
    assertEquals(deployed, L1Contracts.readFrom(file), "nothing was redeployed");
    try (L1Node again = L1Node.start(settings, java.util.Map.of(), Optional.of(keys))) {
      assertEquals(deployed.rollup(), again.contracts().rollup(), "the same deployment, kept across restarts");
    }
    List<String> notes = L1Node.wiring(java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException()),
        true).notes();
    assertEquals(List.of(L1Node.PROOF_CHECKED), notes);
  }

  // ---- helpers --------------------------------------------------------------------------------------------------

  private record Publisher(ActorL1Publisher port, String id) {}

  private L1Contracts deploy() {
    L1Contracts contracts = Deployer.deployCheckingBlockProofs(l1.sequencer, new Deployer.Options(
        l1.sequencer.sender(), Constants.GENESIS_ARCHIVE_ROOT, 1, 0, Deployer.DEFAULT_MAX_EFFECTS_BYTES,
        Fr.of(0xb41d6e)), keys);
    assertEquals(keys.recorded(), contracts.proofChecking());
    return contracts;
  }

  private Publisher publisher(RollupClient rollup, List<Long> heights) {
    return publisher(rollup, heights, "proven-publisher-" + ids.incrementAndGet());
  }

  private Publisher publisher(RollupClient rollup, List<Long> heights, String id) {
    return publisher(rollup, heights, id, n -> List.of());
  }

  private Publisher publisher(RollupClient rollup, List<Long> heights, String id,
      java.util.function.LongFunction<List<BlockProofs.AcceptedProof>> proofsOf) {
    String name = id + "-" + ids.incrementAndGet();
    ActorL1Publisher port = ActorL1Publisher.of(testKit.system(), true, listener -> {
      ActorRef<L1PublisherActor.Command> actor = testKit.spawn(L1PublisherActor.create(PersistenceId.ofUniqueId(id),
          SETTINGS, rollup, n -> n == 1 ? Optional.of(block) : Optional.empty(),
          Optional.of(new L1PublisherActor.Proving(keys, proofsOf)), new L1PublisherActor.Listener() {
            @Override
            public void publishedHeight(long blockNumber, String l1TxHash, long l1BlockNumber) {
              listener.publishedHeight(blockNumber, l1TxHash, l1BlockNumber);
              heights.add(blockNumber);
            }

            @Override
            public void attemptFailed(String error) {
              listener.attemptFailed(error);
            }
          }), name);
      live.add(actor);
      return actor;
    });
    return new Publisher(port, id);
  }

  private L1Publisher.Outcome publish(ActorL1Publisher port, List<BlockProofs.AcceptedProof> with) {
    try {
      return port.publish(block, with).toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String refusal(L1Publisher.Outcome outcome) {
    return assertInstanceOf(L1Publisher.NotPublished.class, outcome).reason();
  }

  private static BlockProofs.AcceptedProof renamed(BlockProofs.AcceptedProof proof, String circuit) {
    return new BlockProofs.AcceptedProof(proof.index(), circuit, proof.proof(), proof.publicInputs(), proof.worker(),
        proof.attempt(), proof.provingMillis());
  }

  private L1PublisherActor.Status status(Publisher publisher) {
    try {
      return publisher.port().status().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private List<Event> events(String id) {
    return PersistenceTestKit.create(testKit.system()).persistedInStorage(id).stream().map(e -> (Event) e).toList();
  }

  private byte[] input(String txHash) {
    try {
      return L1Client.unhex(l1.sequencer.web3j().ethGetTransactionByHash(txHash).send().getTransaction()
          .orElseThrow().getInput());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static <T extends Event> T only(List<Event> events, Class<T> type) {
    List<T> matching = events.stream().filter(type::isInstance).map(type::cast).toList();
    assertEquals(1, matching.size(), type.getSimpleName() + " in " + events);
    return matching.get(0);
  }

  private static void await(BooleanSupplier condition, String what) {
    Await.until(condition, what, WAIT);
  }
}
