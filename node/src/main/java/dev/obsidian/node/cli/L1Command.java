package dev.obsidian.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.obsidian.circuits.groth16.KeyStore;
import dev.obsidian.config.ProverSettings;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.EthAddress;
import dev.obsidian.l1.BlockVerifierKeys;
import dev.obsidian.l1.Deployer;
import dev.obsidian.l1.L1Client;
import dev.obsidian.l1.L1Contracts;
import dev.obsidian.l1.L1Exception;
import dev.obsidian.l1.L1PrivateKey;
import dev.obsidian.l1.L1Status;
import dev.obsidian.node.rpc.Proving;
import dev.obsidian.node.rpc.RpcClient;
import dev.obsidian.prover.Groth16BlockProver;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code obsidian l1 status|deploy}: the rollup's contracts on an L1 (Ethereum JSON-RPC) node. */
@Command(name = "l1", mixinStandardHelpOptions = true,
    description = "The Rollup, Inbox and Outbox contracts on L1.",
    subcommands = {L1Command.Status.class, L1Command.Deploy.class})
final class L1Command implements Runnable {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "status", mixinStandardHelpOptions = true, description = {
      "Show the Rollup's pending and proven block numbers, its archive root, whether it checks proofs, and the "
          + "Inbox/Outbox message counts. The Rollup address comes from --rollup, or else from the node at "
          + "--node-url (node_getL1ContractAddresses)."})
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8545",
        description = "JSON-RPC URL of the L1 node (default: ${DEFAULT-VALUE}, the sandbox's Anvil).")
    String url;

    @Option(names = "--rollup", paramLabel = "ADDRESS", description = "The Rollup contract's address.")
    String rollup;

    @Option(names = "--node-url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080/",
        description = "JSON-RPC URL of the Obsidian node that knows the Rollup address (default: ${DEFAULT-VALUE}).")
    String nodeUrl;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      EthAddress rollupAddress = rollup != null ? parseAddress(rollup) : fromNode(nodeUrl);
      L1Status status;
      try (L1Client client = L1Client.readOnly(url, TIMEOUT)) {
        status = L1Status.read(client, rollupAddress);
      } catch (L1Exception e) {
        throw new UserInputException("--url " + url + ": " + e.getMessage(), e);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(json ? new ObjectMapper().writeValueAsString(status.toMap()) + "\n" : status.toText());
      out.flush();
      return 0;
    }

    private static EthAddress fromNode(String nodeUrl) {
      try {
        JsonNode addresses = new RpcClient(URI.create(nodeUrl), Duration.ofSeconds(10))
            .call("node_getL1ContractAddresses");
        JsonNode rollup = addresses.get("rollupAddress");
        if (rollup == null) {
          throw new UserInputException("the node at --node-url " + nodeUrl + " reports no L1 contracts; "
              + "give --rollup ADDRESS");
        }
        return EthAddress.fromHex(rollup.asText());
      } catch (UncheckedIOException | IllegalArgumentException e) {
        throw new UserInputException("--node-url " + nodeUrl + ": cannot read the L1 contract addresses: "
            + e.getMessage() + " (give --rollup ADDRESS, or start `obsidian sandbox`)", e);
      }
    }
  }

  @Command(name = "deploy", mixinStandardHelpOptions = true, description = {
      "Deploy the Rollup (with its Inbox and Outbox), a test ERC-20 and a TokenPortal, and print their "
          + "addresses as JSON. The deploying key becomes the Rollup's sequencer. With --proving off (the default) "
          + "the Rollup records blocks as not proof-checked; with --proving on it checks each block's proofs with "
          + "the verifying keys of --key-dir (made by the INSECURE dev setup when missing), for a node started with "
          + "proving on and the same key settings."})
  static final class Deploy implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--rpc-url", paramLabel = "URL", required = true, description = "JSON-RPC URL of the L1 node.")
    String rpcUrl;

    @Option(names = "--private-key-file", paramLabel = "FILE", required = true,
        description = "File holding the deployer's (and sequencer's) private key as 64 hex digits.")
    Path privateKeyFile;

    @Option(names = "--chain-id", paramLabel = "ID", defaultValue = "0",
        description = "Chain id the L1 must report (default: accept any).")
    long chainId;

    @Option(names = "--rollup-version", paramLabel = "N", defaultValue = "1",
        description = "Rollup version (obsidian.node.rollup-version; default ${DEFAULT-VALUE}).")
    long rollupVersion;

    @Option(names = "--prune-window", paramLabel = "L1_BLOCKS", defaultValue = "0",
        description = "L1 blocks an unproven L2 block may wait before it can be pruned; 0 never prunes "
            + "(default ${DEFAULT-VALUE}: without proof checking nothing is ever proven).")
    long pruneWindow;

    @Option(names = "--proving", paramLabel = "on|off", defaultValue = "off",
        description = "Deploy a Rollup that checks block proofs (on) or not (off; default ${DEFAULT-VALUE}).")
    String proving;

    @Option(names = "--key-dir", paramLabel = "DIR", description = "Groth16 key directory (obsidian.prover.key-dir; "
        + "default: the per-user cache directory).")
    Path keyDir;

    @Option(names = "--max-base-capacity", paramLabel = "N", defaultValue = "2",
        description = "Largest base rollup variant the verifier accepts (obsidian.prover.max-base-capacity).")
    int maxBaseCapacity;

    @Option(names = "--max-block-txs", paramLabel = "N", defaultValue = "4",
        description = "Block-root variants the verifier accepts (obsidian.prover.max-block-txs).")
    int maxBlockTxs;

    @Override
    public Integer call() {
      if (!proving.equals("on") && !proving.equals("off")) {
        throw new UserInputException("--proving: expected on or off, got '" + proving + "'");
      }
      java.util.Optional<BlockVerifierKeys> keys = proving.equals("on") ? java.util.Optional.of(verifierKeys())
          : java.util.Optional.empty();
      L1PrivateKey key;
      try {
        key = L1PrivateKey.fromFile(privateKeyFile);
      } catch (IllegalArgumentException | UncheckedIOException e) {
        throw new UserInputException("--private-key-file: " + e.getMessage(), e);
      }
      L1Contracts contracts;
      try (L1Client client = L1Client.connect(rpcUrl, key, chainId, TIMEOUT)) {
        Deployer.Options options = new Deployer.Options(client.sender(), Constants.GENESIS_ARCHIVE_ROOT,
            rollupVersion, pruneWindow, Deployer.DEFAULT_MAX_EFFECTS_BYTES, Fr.ZERO);
        contracts = keys.isPresent() ? Deployer.deployCheckingBlockProofs(client, options, keys.get())
            : Deployer.deploy(client, options);
      } catch (L1Exception | IllegalArgumentException e) {
        throw new UserInputException("--rpc-url " + rpcUrl + ": " + e.getMessage(), e);
      }
      spec.commandLine().getOut().println(contracts.toJson());
      spec.commandLine().getOut().flush();
      return 0;
    }

    /** The verifying keys of the variants a node with these settings proves with (loaded or made, as it would). */
    private BlockVerifierKeys verifierKeys() {
      ProverSettings settings;
      try {
        settings = new ProverSettings(1, Duration.ofMinutes(5), true, 3, java.util.Optional.ofNullable(keyDir),
            maxBaseCapacity, maxBlockTxs, 0, "127.0.0.1");
      } catch (IllegalArgumentException e) {
        throw new UserInputException("--max-base-capacity / --max-block-txs: " + e.getMessage(), e);
      }
      java.io.PrintStream log = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
          java.nio.charset.StandardCharsets.UTF_8);
      Groth16BlockProver prover = Groth16BlockProver.load(new KeyStore(settings.resolvedKeyDir(System.getenv()), log),
          maxBaseCapacity, maxBlockTxs, log);
      return Proving.verifierKeys(prover).orElseThrow();
    }
  }

  static EthAddress parseAddress(String text) {
    try {
      return EthAddress.fromHex(text);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--rollup '" + text + "': " + e.getMessage() + "; expected 0x and 40 hex digits");
    }
  }
}
