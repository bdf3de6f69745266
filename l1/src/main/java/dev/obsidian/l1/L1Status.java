package dev.obsidian.l1;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.EthAddress;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code obsidian l1 status} shows: the Rollup's tips and archive, and the Inbox/Outbox message counts. */
public record L1Status(
    long chainId, EthAddress rollup, boolean proofCheckingEnabled, long pendingBlockNumber, long provenBlockNumber,
    Fr archive, long inboxMessagesSent, long inboxTreeInProgress, long outboxMessagesConsumed, long l1BlockNumber) {

  public static L1Status read(L1Client client, EthAddress rollupAddress) {
    RollupClient rollup = new RollupClient(client, rollupAddress);
    EthAddress inbox = rollup.inbox();
    EthAddress outbox = rollup.outbox();
    return new L1Status(client.chainId(), rollupAddress, rollup.proofCheckingEnabled(), rollup.pendingBlockNumber(),
        rollup.provenBlockNumber(), rollup.archive(), uint(client, inbox, "totalMessagesInserted()"),
        uint(client, inbox, "inProgress()"), uint(client, outbox, "totalMessagesConsumed()"), client.blockNumber());
  }

  private static long uint(L1Client client, EthAddress contract, String signature) {
    byte[] returned = client.call(contract, Abi.call(signature, List.of()), signature);
    return ((BigInteger) Abi.decode(returned, "uint256").get(0).getValue()).longValueExact();
  }

  /** Said wherever the status is shown while the Rollup accepts blocks without checking their proofs. */
  public String proofChecking() {
    return proofCheckingEnabled ? "proof-checked (Groth16 verifier)" : "not proof-checked yet";
  }

  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("l1ChainId", chainId);
    map.put("l1BlockNumber", l1BlockNumber);
    map.put("rollupAddress", rollup.toString());
    map.put("proofChecking", proofChecking());
    map.put("pendingBlockNumber", pendingBlockNumber);
    map.put("provenBlockNumber", provenBlockNumber);
    map.put("archive", archive.toString());
    map.put("inboxMessagesSent", inboxMessagesSent);
    map.put("inboxTreeInProgress", inboxTreeInProgress);
    map.put("outboxMessagesConsumed", outboxMessagesConsumed);
    return map;
  }

  public String toText() {
    StringBuilder text = new StringBuilder();
    toMap().forEach((name, value) -> text.append(String.format("%-24s %s%n", name, value)));
    return text.toString();
  }
}
