package dev.obsidian.actors.tx;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.ProtocolHashes;
import java.util.ArrayList;
import java.util.List;

/**
 * The tx hash, following Aztec 4.1.2 where the structure allows: {@code poseidon2HashWithSeparator(fields,
 * DomainSeparator.PRIVATE_TX_HASH)} over the fields of PrivateToRollupKernelCircuitPublicInputs (stdlib
 * tx.ts getTxHash -> kernel/private_to_rollup_kernel_circuit_public_inputs.ts hash()), in its order: constants
 * (anchor block header 22, tx context = chainId, version, gas settings 8, vkTreeRoot, protocolContractsHash),
 * accumulated data (note hashes 64, nullifiers 64, L2-to-L1 messages 8 x 3, private logs 64 x 17, contract class
 * log hashes 1 x 3), gasUsed (2), feePayer, expirationTimestamp: 1281 fields
 * (PRIVATE_TO_ROLLUP_KERNEL_CIRCUIT_PUBLIC_INPUTS_LENGTH).
 *
 * <p>How it differs, so an Obsidian hash never equals an Aztec one for the same tx:
 * <ul>
 *   <li>the anchor block header is carried as its hash: field 0 of the header slot is the hash, the other 21 zero;
 *   <li>vkTreeRoot, protocolContractsHash, the contract class log hash and gasUsed are zero (no kernel circuits,
 *       class registration or gas metering yet);
 *   <li>Obsidian appends what Aztec's private tx has no place for: the expiration block number, then the public data
 *       writes, public logs and public call requests, each list prefixed by its length. In Aztec these come out of
 *       public execution instead of the tx.
 * </ul>
 */
final class TxHashing {
  static final int AZTEC_FIELDS = 1281;
  private static final int BLOCK_HEADER_FIELDS = 22;
  private static final int PRIVATE_LOG_FIELDS = Constants.PRIVATE_LOG_SIZE_IN_FIELDS + 1;

  private TxHashing() {}

  static Fr hash(Tx tx) {
    List<Fr> fields = fields(tx);
    return ProtocolHashes.hashWithSeparator(Constants.DomainSeparator.PRIVATE_TX_HASH, fields.toArray(Fr[]::new));
  }

  static int fieldCount(Tx tx) {
    return fields(tx).size();
  }

  static List<Fr> fields(Tx tx) {
    List<Fr> fields = new ArrayList<>(AZTEC_FIELDS + 64);
    addConstants(fields, tx);
    addAccumulatedData(fields, tx.effects());
    fields.add(Fr.ZERO); // gasUsed.daGas
    fields.add(Fr.ZERO); // gasUsed.l2Gas
    fields.add(tx.feePayer().toField());
    fields.add(Fr.of(tx.expiration().maxTimestampSeconds()));
    if (fields.size() != AZTEC_FIELDS) {
      throw new IllegalStateException("tx hash layout has " + fields.size() + " fields, expected " + AZTEC_FIELDS);
    }
    addObsidianExtension(fields, tx);
    return fields;
  }

  private static void addConstants(List<Fr> fields, Tx tx) {
    fields.add(tx.anchorBlockHash());
    pad(fields, BLOCK_HEADER_FIELDS - 1);
    fields.add(Fr.of(tx.chainId()));
    fields.add(Fr.of(tx.rollupVersion()));
    GasSettings gas = tx.gasSettings();
    addGas(fields, gas.gasLimits());
    addGas(fields, gas.teardownGasLimits());
    addFees(fields, gas.maxFeesPerGas());
    addFees(fields, gas.maxPriorityFeesPerGas());
    fields.add(Fr.ZERO); // vkTreeRoot
    fields.add(Fr.ZERO); // protocolContractsHash
  }

  private static void addAccumulatedData(List<Fr> fields, TxEffects effects) {
    addPadded(fields, effects.noteHashes(), Constants.MAX_NOTE_HASHES_PER_TX);
    addPadded(fields, effects.nullifiers(), Constants.MAX_NULLIFIERS_PER_TX);
    for (ScopedL2ToL1Message message : effects.l2ToL1Messages()) {
      fields.add(message.recipient().toField());
      fields.add(message.content());
      fields.add(message.sender().toField());
    }
    pad(fields, 3 * (Constants.MAX_L2_TO_L1_MSGS_PER_TX - effects.l2ToL1Messages().size()));
    for (PrivateLog log : effects.privateLogs()) {
      addPadded(fields, log.fields(), Constants.PRIVATE_LOG_SIZE_IN_FIELDS);
      fields.add(Fr.of(log.fields().size())); // emittedLength
    }
    pad(fields, PRIVATE_LOG_FIELDS * (Constants.MAX_PRIVATE_LOGS_PER_TX - effects.privateLogs().size()));
    pad(fields, 3 * Constants.MAX_CONTRACT_CLASS_LOGS_PER_TX);
  }

  private static void addObsidianExtension(List<Fr> fields, Tx tx) {
    fields.add(Fr.of(tx.expiration().maxBlockNumber()));
    TxEffects effects = tx.effects();
    fields.add(Fr.of(effects.publicDataWrites().size()));
    for (PublicDataWrite write : effects.publicDataWrites()) {
      fields.add(write.leafSlot());
      fields.add(write.value());
    }
    fields.add(Fr.of(effects.publicLogs().size()));
    for (PublicLog log : effects.publicLogs()) {
      fields.add(log.contract().toField());
      fields.add(Fr.of(log.fields().size()));
      fields.addAll(log.fields());
    }
    fields.add(Fr.of(tx.publicCalls().size()));
    for (PublicCallRequest call : tx.publicCalls()) {
      fields.add(call.msgSender().toField());
      fields.add(call.contract().toField());
      fields.add(call.isStaticCall() ? Fr.ONE : Fr.ZERO);
      fields.add(call.calldataHash());
    }
  }

  private static void addGas(List<Fr> fields, Gas gas) {
    fields.add(Fr.of(gas.daGas()));
    fields.add(Fr.of(gas.l2Gas()));
  }

  private static void addFees(List<Fr> fields, GasFees fees) {
    fields.add(Fr.of(fees.feePerDaGas()));
    fields.add(Fr.of(fees.feePerL2Gas()));
  }

  private static void addPadded(List<Fr> fields, List<Fr> values, int length) {
    fields.addAll(values);
    pad(fields, length - values.size());
  }

  private static void pad(List<Fr> fields, int count) {
    for (int i = 0; i < count; i++) {
      fields.add(Fr.ZERO);
    }
  }
}
