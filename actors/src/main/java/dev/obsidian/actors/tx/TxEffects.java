package dev.obsidian.actors.tx;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import java.util.List;

/**
 * What a transaction changes: the same parts as Aztec's TxEffect (stdlib tx/tx_effect.ts), without the revert code and
 * fee, which the block assigns. Counts are bounded by Aztec 4.1.2's per-tx constants.
 *
 * @param nullifiers siloed nullifiers; the first is the tx nullifier, which makes every tx unique
 * @param noteHashes siloed (unique) note hashes
 * @param publicDataWrites writes to the public data tree, applied in order
 * @param l2ToL1Messages messages to L1 contracts
 * @param privateLogs encrypted logs, found by their tag
 * @param publicLogs logs of public execution
 */
public record TxEffects(
    List<Fr> nullifiers,
    List<Fr> noteHashes,
    List<PublicDataWrite> publicDataWrites,
    List<ScopedL2ToL1Message> l2ToL1Messages,
    List<PrivateLog> privateLogs,
    List<PublicLog> publicLogs) {

  /** FLAT_PUBLIC_LOGS_PAYLOAD_LENGTH of @aztec/constants 4.1.2: the fields all public logs of a tx may take. */
  public static final int MAX_PUBLIC_LOGS_PAYLOAD_FIELDS = 4096;
  /** PUBLIC_LOG_HEADER_LENGTH of @aztec/constants 4.1.2: contract address and length, per log. */
  public static final int PUBLIC_LOG_HEADER_FIELDS = 2;

  public TxEffects {
    nullifiers = Require.list(nullifiers, "nullifiers", Constants.MAX_NULLIFIERS_PER_TX);
    noteHashes = Require.list(noteHashes, "noteHashes", Constants.MAX_NOTE_HASHES_PER_TX);
    publicDataWrites =
        Require.list(publicDataWrites, "publicDataWrites", Constants.MAX_TOTAL_PUBLIC_DATA_UPDATE_REQUESTS_PER_TX);
    l2ToL1Messages = Require.list(l2ToL1Messages, "l2ToL1Messages", Constants.MAX_L2_TO_L1_MSGS_PER_TX);
    privateLogs = Require.list(privateLogs, "privateLogs", Constants.MAX_PRIVATE_LOGS_PER_TX);
    publicLogs = Require.list(publicLogs, "publicLogs", MAX_PUBLIC_LOGS_PAYLOAD_FIELDS / PUBLIC_LOG_HEADER_FIELDS);
    if (nullifiers.isEmpty()) {
      throw new IllegalArgumentException("nullifiers must hold at least the tx nullifier");
    }
    Require.nonZero(nullifiers, "nullifiers");
    Require.nonZero(noteHashes, "noteHashes");
    Require.distinct(nullifiers, "nullifiers");
    Require.distinct(noteHashes, "noteHashes");
    requireDistinctSlots(publicDataWrites);
    requirePublicLogsFit(publicLogs);
  }

  /** The first nullifier, unique per tx (Aztec's tx nullifier). */
  public Fr txNullifier() {
    return nullifiers.get(0);
  }

  /** Fields the effects occupy, for size limits. */
  public int fieldCount() {
    int logs = privateLogs.stream().mapToInt(log -> log.fields().size() + 1).sum();
    int publicLogFields = publicLogs.stream().mapToInt(log -> log.fields().size() + PUBLIC_LOG_HEADER_FIELDS).sum();
    return nullifiers.size() + noteHashes.size() + 2 * publicDataWrites.size() + 3 * l2ToL1Messages.size() + logs
        + publicLogFields;
  }

  private static void requireDistinctSlots(List<PublicDataWrite> writes) {
    Require.distinct(writes.stream().map(PublicDataWrite::leafSlot).toList(), "publicDataWrites.leafSlot");
  }

  private static void requirePublicLogsFit(List<PublicLog> logs) {
    int total = logs.stream().mapToInt(log -> log.fields().size() + PUBLIC_LOG_HEADER_FIELDS).sum();
    if (total > MAX_PUBLIC_LOGS_PAYLOAD_FIELDS) {
      throw new IllegalArgumentException("publicLogs take " + total + " fields with headers, at most "
          + MAX_PUBLIC_LOGS_PAYLOAD_FIELDS + " (FLAT_PUBLIC_LOGS_PAYLOAD_LENGTH) allowed");
    }
  }
}
