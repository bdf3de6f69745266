package dev.obsidian.l1;

import dev.obsidian.actors.ChainIndex;
import dev.obsidian.actors.L1ToL2MessageSource;
import dev.obsidian.actors.L1Wiring;
import dev.obsidian.actors.NodeGuardian;
import dev.obsidian.config.L1Settings;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * The node's L1 side: a supervised local Anvil when {@code obsidian.l1.rpc-url} is empty (the sandbox), otherwise an
 * external JSON-RPC node; the deployed contracts (found in {@code <data-dir>/l1/contracts.json}, deployed when absent)
 * and the publisher. Close it after the node.
 */
public final class L1Node implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(L1Node.class.getName());
  /** Environment variables holding the L1 key for an external L1 (never a flag: other users see argv). */
  public static final String KEY_ENV = "OBSIDIAN_L1_PRIVATE_KEY";
  public static final String KEY_FILE_ENV = "OBSIDIAN_L1_PRIVATE_KEY_FILE";
  /** Anvil dumps its state this often, so a killed sandbox loses at most this much L1 history. */
  static final int STATE_INTERVAL_SECONDS = 1;
  static final Duration ANVIL_STARTUP_TIMEOUT = Duration.ofSeconds(30);
  static final String NOT_PROOF_CHECKED =
      "blocks are published to the L1 Rollup but not proof-checked there (deployed with proof checking off)";
  static final String PROOF_CHECKED = "blocks are published to the L1 Rollup with their proofs and proven there"
      + " (BlockProofVerifier: the block root and one base rollup proof per tx in one batched pairing check)";

  private final AnvilProcess anvil;
  private final L1Client client;
  private final L1Contracts contracts;
  private final ObsidianSettings settings;
  private final Optional<BlockVerifierKeys> keys;

  private L1Node(AnvilProcess anvil, L1Client client, L1Contracts contracts, ObsidianSettings settings,
      Optional<BlockVerifierKeys> keys) {
    this.anvil = anvil;
    this.client = client;
    this.contracts = contracts;
    this.settings = settings;
    this.keys = keys;
  }

  /** L1 for a node that does not prove blocks: the Rollup does not check proofs. */
  public static L1Node start(ObsidianSettings settings, Map<String, String> environment) {
    return start(settings, environment, Optional.empty());
  }

  /**
   * Starts the node's L1 side.
   *
   * @param keys present when the node proves blocks: the Rollup (deployed now when {@code contracts.json} is absent)
   *     checks each block's proofs with these keys, and the publisher sends them. A recorded deployment whose mode
   *     or keys differ is an {@link L1Exception} naming the file, the field and both values: the node never
   *     redeploys over an existing chain (use a fresh data dir, or the matching {@code --proving})
   */
  public static L1Node start(ObsidianSettings settings, Map<String, String> environment,
      Optional<BlockVerifierKeys> keys) {
    long startNanos = System.nanoTime();
    Path dir = settings.dataDir().resolve("l1");
    createDirectories(dir);
    L1Settings l1 = settings.l1();
    AnvilProcess anvil = l1.startsLocalAnvil() ? AnvilProcess.start(new AnvilProcess.Options(AnvilBinary.locate(),
        dir, l1.anvilPort(), l1.chainId(), (int) l1.blockTime().toSeconds(), STATE_INTERVAL_SECONDS,
        ANVIL_STARTUP_TIMEOUT)) : null;
    long anvilNanos = System.nanoTime();
    try {
      String url = anvil != null ? anvil.rpcUrl() : l1.rpcUrl().orElseThrow().toString();
      L1PrivateKey key = anvil != null ? L1PrivateKey.ANVIL_DEV_ACCOUNT_0 : externalKey(environment);
      Duration receiptTimeout = Duration.ofSeconds(60).plus(l1.blockTime().multipliedBy(3));
      L1Client client = L1Client.connect(url, key, l1.chainId(), receiptTimeout);
      L1Contracts contracts = deployedOrDeploy(client, dir.resolve("contracts.json"), settings, anvil != null,
          keys);
      LOG.info(String.format("L1 ready in %d ms (%s %d ms, connect and contracts %d ms): Rollup %s on %s, %s",
          (System.nanoTime() - startNanos) / 1_000_000, anvil != null ? "Anvil start" : "no local Anvil",
          (anvilNanos - startNanos) / 1_000_000, (System.nanoTime() - anvilNanos) / 1_000_000, contracts.rollup(),
          url, keys.isPresent() ? "checking proofs of " + keys.get().rootCircuits() + " + " + keys.get().baseCircuits()
              : "proof checking off"));
      return new L1Node(anvil, client, contracts, settings, keys);
    } catch (RuntimeException e) {
      if (anvil != null) {
        anvil.close();
      }
      throw e;
    }
  }

  public L1Contracts contracts() {
    return contracts;
  }

  public String rpcUrl() {
    return anvil != null ? anvil.rpcUrl() : settings.l1().rpcUrl().orElseThrow().toString();
  }

  /**
   * Publishes through the L1 {@code starting} brings up: the node recovers meanwhile and waits for it only when it
   * spawns its publisher actor, which recovers its journal and reconciles it with L1 (re-sending what L1 lost, e.g.
   * with a killed Anvil).
   */
  public static L1Wiring wiring(java.util.concurrent.CompletableFuture<L1Node> starting) {
    return wiring(starting, false);
  }

  /**
   * @param checksProofs whether {@code starting} was given verifier keys (the Rollup checks proofs): the node's
   *     notes say so
   */
  public static L1Wiring wiring(java.util.concurrent.CompletableFuture<L1Node> starting, boolean checksProofs) {
    return wiring(starting, checksProofs, null);
  }

  /**
   * @param proofsOf a block's accepted proofs, for blocks the publisher sends again by itself (L1 lost them, e.g. a
   *     sandbox's Anvil state lost with a kill): without them such a block is a named, retried problem; null reads
   *     them from the node's journal ({@link dev.obsidian.actors.BlockProofs#recorded})
   */
  public static L1Wiring wiring(java.util.concurrent.CompletableFuture<L1Node> starting, boolean checksProofs,
      java.util.function.LongFunction<List<dev.obsidian.actors.BlockProofs.AcceptedProof>> proofsOf) {
    return new L1Wiring((system, index) -> starting.join().publisher(system, index, proofsOf),
        () -> starting.join().addresses(),
        List.of(checksProofs ? PROOF_CHECKED : NOT_PROOF_CHECKED), system -> starting.join().messageSource(system));
  }

  /** Whether this node's Rollup checks proofs (it was started with verifier keys). */
  public boolean checksProofs() {
    return keys.isPresent();
  }

  /**
   * Spawns the node's archiver and answers the sequencer's "messages of block N" from it: the Inbox tree of N once
   * the archiver saw the proposal of N - 1 (which closes it) with its confirmations. While it has not, the archiver is
   * asked to poll now and the sequencer asks again shortly.
   */
  private L1ToL2MessageSource messageSource(ActorSystem<Void> system) {
    ActorRef<L1Archiver.Command> archiver = NodeGuardian.spawnCounted(system, L1Archiver.create(
        new ArchiverSource(client, contracts.rollup(), contracts.inbox()), L1Archiver.Target.of(contracts),
        settings.archiver()), "archiver");
    return blockNumber -> AskPattern.<L1Archiver.Command, Optional<List<L1Archiver.MessageSeen>>>ask(archiver,
            replyTo -> new L1Archiver.GetMessages(blockNumber, replyTo), Duration.ofSeconds(10), system.scheduler())
        .thenApply(messages -> {
          if (messages.isEmpty()) {
            archiver.tell(L1Archiver.Poll.INSTANCE);
          }
          return messages.map(list -> list.stream().map(L1Archiver.MessageSeen::hash).toList());
        });
  }

  private ActorL1Publisher publisher(ActorSystem<?> system, ChainIndex index,
      java.util.function.LongFunction<List<dev.obsidian.actors.BlockProofs.AcceptedProof>> proofsOf) {
    return ActorL1Publisher.spawn(system, L1PublisherActor.Settings.of(settings.l1(), settings.node().rollupVersion()),
        new RollupClient(client, contracts.rollup(), contracts.deploymentL1Block()), index::block,
        keys.map(k -> new L1PublisherActor.Proving(k, proofsOf != null ? proofsOf : journaledProofs(system))));
  }

  /** Reads a block's proofs from the node's journal; called on the publisher's blocking dispatcher. */
  private java.util.function.LongFunction<List<dev.obsidian.actors.BlockProofs.AcceptedProof>> journaledProofs(
      ActorSystem<?> system) {
    String readJournal = NodeGuardian.readJournalPluginId(settings);
    return blockNumber -> {
      try {
        return dev.obsidian.actors.BlockProofs.recorded(system, readJournal, blockNumber).toCompletableFuture()
            .get(60, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return List.of();
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        LOG.warning("reading the proofs of block " + blockNumber + " from the journal failed: " + e);
        return List.of();
      }
    };
  }

  private Map<String, String> addresses() {
    Map<String, String> addresses = new java.util.LinkedHashMap<>();
    contracts.toMap().forEach((name, value) -> {
      if (name.endsWith("Address")) {
        addresses.put(name, String.valueOf(value));
      }
    });
    return addresses;
  }

  static L1Contracts deployedOrDeploy(L1Client client, Path file, ObsidianSettings settings, boolean ownAnvil,
      Optional<BlockVerifierKeys> keys) {
    if (Files.exists(file)) {
      L1Contracts known = L1Contracts.readFrom(file);
      // before anything else, even when the sandbox's Anvil lost the contracts: the data dir's chain was built for
      // the recorded mode, and redeploying in another would strand it
      requireSameProofChecking(file, known.proofChecking(), keys, ownAnvil);
      String problem = problemWith(client, known);
      if (problem == null) {
        boolean onL1 = new RollupClient(client, known.rollup()).proofCheckingEnabled();
        if (onL1 != known.proofChecking().enabled()) {
          throw new L1Exception(file + ": field " + L1Contracts.PROOF_CHECKING_FIELD + " is "
              + known.proofChecking().enabled() + ", but the Rollup " + known.rollup() + " on L1 has"
              + " PROOF_CHECKING_ENABLED = " + onL1 + ": the file does not describe this deployment");
        }
        return known;
      }
      if (!ownAnvil) {
        throw new L1Exception(file + " does not match the L1 at this URL: " + problem);
      }
      LOG.warning("the sandbox's L1 lost its contracts (" + problem + "): deploying them again");
    }
    Deployer.Options options = new Deployer.Options(client.sender(), Constants.GENESIS_ARCHIVE_ROOT,
        settings.node().rollupVersion(), 0, Deployer.DEFAULT_MAX_EFFECTS_BYTES, Fr.ZERO);
    L1Contracts deployed = keys.isPresent() ? Deployer.deployCheckingBlockProofs(client, options, keys.get())
        : Deployer.deploy(client, options);
    deployed.writeTo(file);
    return deployed;
  }

  /**
   * The recorded deployment checks proofs exactly when this node proves blocks, with the same variants (circuit and
   * verifying key, in order): otherwise every proposal would revert (or could never be proven), so it is an error
   * naming the file, the field and both values.
   */
  static void requireSameProofChecking(Path file, L1Contracts.ProofChecking recorded,
      Optional<BlockVerifierKeys> keys, boolean ownAnvil) {
    String remedy = ownAnvil
        ? "The sandbox never redeploys over an existing chain: start with a fresh data dir (--data-dir), or with the"
            + " matching --proving."
        : "Deploy a new Rollup for this mode (move " + file.getFileName() + " away and the node deploys one), or"
            + " start with the matching --proving.";
    if (recorded.enabled() != keys.isPresent()) {
      throw new L1Exception(file + ": field " + L1Contracts.PROOF_CHECKING_FIELD + " is " + recorded.enabled()
          + (recorded.enabled() ? " (the Rollup checks each block's proofs)" : " (the Rollup was deployed without"
              + " proof checking)") + ", but this node " + (keys.isPresent()
              ? "proves blocks and needs a Rollup that checks them (true)"
              : "does not prove blocks (--proving off) and needs a Rollup that does not check proofs (false)")
          + ". " + remedy);
    }
    if (keys.isEmpty()) {
      return;
    }
    requireSameVariants(file, "rootVariants", recorded.roots(), keys.get().roots(), remedy);
    requireSameVariants(file, "baseVariants", recorded.bases(), keys.get().bases(), remedy);
  }

  private static void requireSameVariants(Path file, String field, List<L1Contracts.VerifierVariant> recorded,
      List<BlockVerifierKeys.Variant> ours, String remedy) {
    String path = L1Contracts.VERIFIER_FIELD + "." + field;
    if (recorded.size() != ours.size()) {
      throw new L1Exception(file + ": field " + path + " records " + recorded.stream()
          .map(L1Contracts.VerifierVariant::circuit).toList() + ", but this node proves with " + ours.stream()
          .map(BlockVerifierKeys.Variant::circuit).toList() + ". " + remedy);
    }
    for (int i = 0; i < recorded.size(); i++) {
      L1Contracts.VerifierVariant r = recorded.get(i);
      BlockVerifierKeys.Variant o = ours.get(i);
      if (!r.circuit().equals(o.circuit())) {
        throw new L1Exception(file + ": field " + path + "[" + i + "].circuit is " + r.circuit() + ", but this"
            + " node's variant " + i + " is " + o.circuit() + ". " + remedy);
      }
      if (!r.verifyingKeyHash().equals(o.verifyingKeyHash())) {
        throw new L1Exception(file + ": field " + path + "[" + i + "].verifyingKeyHash is " + r.verifyingKeyHash()
            + " (the key the Rollup verifies " + r.circuit() + " proofs with), but this node's " + o.circuit()
            + " key hashes to " + o.verifyingKeyHash() + ": L1 would refuse its proofs. Use the keys the Rollup was"
            + " deployed with (obsidian.prover.key-dir), or " + (remedy.startsWith("The sandbox")
                ? "a fresh data dir." : "deploy a new Rollup."));
      }
    }
  }

  private static String problemWith(L1Client client, L1Contracts known) {
    if (known.chainId() != client.chainId()) {
      return "chain id " + known.chainId() + " recorded, " + client.chainId() + " on L1";
    }
    String code;
    try {
      code = client.web3j().ethGetCode(known.rollup().toString(), DefaultBlockParameterName.LATEST).send().getCode();
    } catch (IOException e) {
      throw new L1Exception("eth_getCode failed: " + e.getMessage(), e);
    }
    if (code == null || code.equals("0x")) {
      return "no contract at the Rollup address " + known.rollup();
    }
    EthAddressCheck sequencer = new EthAddressCheck(new RollupClient(client, known.rollup()).sequencer(),
        client.sender());
    return sequencer.matches() ? null : "the Rollup's sequencer is " + sequencer.onL1() + ", this node's key is "
        + sequencer.ours();
  }

  private record EthAddressCheck(dev.obsidian.crypto.protocol.EthAddress onL1,
      dev.obsidian.crypto.protocol.EthAddress ours) {
    boolean matches() {
      return onL1.equals(ours);
    }
  }

  private static L1PrivateKey externalKey(Map<String, String> environment) {
    String file = environment.get(KEY_FILE_ENV);
    if (file != null && !file.isBlank()) {
      return L1PrivateKey.fromFile(Path.of(file));
    }
    String key = environment.get(KEY_ENV);
    if (key != null && !key.isBlank()) {
      return L1PrivateKey.fromHex(key, KEY_ENV);
    }
    throw new L1Exception("obsidian.l1.rpc-url is set: the sequencer's L1 key must be given in " + KEY_FILE_ENV
        + " (a file holding it) or " + KEY_ENV);
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  @Override
  public void close() {
    client.close();
    if (anvil != null) {
      anvil.close();
    }
  }
}
