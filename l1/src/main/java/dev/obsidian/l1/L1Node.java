package dev.obsidian.l1;

import dev.obsidian.actors.ChainIndex;
import dev.obsidian.actors.L1Wiring;
import dev.obsidian.config.L1Settings;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
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
  /** How often the publisher checks that L1 still holds what it published (L1 reorgs, a restored Anvil dump). */
  static final Duration RECONCILE_INTERVAL = Duration.ofSeconds(2);
  static final String NOT_PROOF_CHECKED =
      "blocks are published to the L1 Rollup but not proof-checked there (deployed with proof checking off)";

  private final AnvilProcess anvil;
  private final L1Client client;
  private final L1Contracts contracts;
  private final ObsidianSettings settings;
  private final List<RollupPublisher> publishers = new ArrayList<>();

  private L1Node(AnvilProcess anvil, L1Client client, L1Contracts contracts, ObsidianSettings settings) {
    this.anvil = anvil;
    this.client = client;
    this.contracts = contracts;
    this.settings = settings;
  }

  public static L1Node start(ObsidianSettings settings, Map<String, String> environment) {
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
      L1Contracts contracts = deployedOrDeploy(client, dir.resolve("contracts.json"), settings, anvil != null);
      LOG.info(String.format("L1 ready in %d ms (%s %d ms, connect and contracts %d ms): Rollup %s on %s",
          (System.nanoTime() - startNanos) / 1_000_000, anvil != null ? "Anvil start" : "no local Anvil",
          (anvilNanos - startNanos) / 1_000_000, (System.nanoTime() - anvilNanos) / 1_000_000, contracts.rollup(),
          url));
      return new L1Node(anvil, client, contracts, settings);
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
   * builds its publisher, which re-sends the proven blocks L1 lost (e.g. with a killed Anvil).
   */
  public static L1Wiring wiring(java.util.concurrent.CompletableFuture<L1Node> starting) {
    return new L1Wiring(index -> starting.join().publisher(index), () -> starting.join().addresses(),
        List.of(NOT_PROOF_CHECKED,
            "L1->L2 messages are not yet inserted into L2 blocks and there is no archiver (issue 5, stage 3)"));
  }

  private synchronized RollupPublisher publisher(ChainIndex index) {
    RollupPublisher publisher = new RollupPublisher(
        new RollupClient(client, contracts.rollup(), contracts.deploymentL1Block()), index::block,
        settings.node().rollupVersion(), settings.l1().chainId());
    publishers.add(publisher);
    // blocks reach the publisher after their proving step: proven ones with proving on, every built one with it off
    publisher.catchUp(settings.prover().enabled() ? index.provenBlockNumber() : index.latestBlockNumber());
    publisher.reconcileEvery(RECONCILE_INTERVAL);
    return publisher;
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

  private static L1Contracts deployedOrDeploy(L1Client client, Path file, ObsidianSettings settings,
      boolean ownAnvil) {
    if (Files.exists(file)) {
      L1Contracts known = L1Contracts.readFrom(file);
      String problem = problemWith(client, known);
      if (problem == null) {
        return known;
      }
      if (!ownAnvil) {
        throw new L1Exception(file + " does not match the L1 at this URL: " + problem);
      }
      LOG.warning("the sandbox's L1 lost its contracts (" + problem + "): deploying them again");
    }
    L1Contracts deployed = Deployer.deploy(client, new Deployer.Options(client.sender(),
        Constants.GENESIS_ARCHIVE_ROOT, settings.node().rollupVersion(), 0, Deployer.DEFAULT_MAX_EFFECTS_BYTES,
        Fr.ZERO));
    deployed.writeTo(file);
    return deployed;
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
    synchronized (this) {
      publishers.forEach(RollupPublisher::close);
    }
    client.close();
    if (anvil != null) {
      anvil.close();
    }
  }
}
