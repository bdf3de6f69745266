package dev.obsidian.actors.block;

import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.EthAddress;
import java.util.List;

/**
 * The globals of a block, chosen by the sequencer and journaled with the block so re-execution is exact (stdlib
 * tx/global_variables.ts, same members and field order: GLOBAL_VARIABLES_LENGTH = 9).
 */
public record GlobalVariables(
    long chainId,
    long version,
    long blockNumber,
    long slotNumber,
    long timestampSeconds,
    EthAddress coinbase,
    AztecAddress feeRecipient,
    GasFees gasFees) {

  public GlobalVariables {
    if (chainId < 0 || version < 0 || blockNumber < 0 || slotNumber < 0 || timestampSeconds < 0) {
      throw new IllegalArgumentException("chainId, version, blockNumber, slotNumber and timestampSeconds must not be negative");
    }
    if (coinbase == null || feeRecipient == null || gasFees == null) {
      throw new IllegalArgumentException("coinbase, feeRecipient and gasFees must be present");
    }
  }

  public static GlobalVariables empty() {
    return new GlobalVariables(0, 0, 0, 0, 0, EthAddress.ZERO, AztecAddress.ZERO, GasFees.ZERO);
  }

  public List<Fr> toFields() {
    return List.of(
        Fr.of(chainId),
        Fr.of(version),
        Fr.of(blockNumber),
        Fr.of(slotNumber),
        Fr.of(timestampSeconds),
        coinbase.toField(),
        feeRecipient.toField(),
        Fr.of(gasFees.feePerDaGas()),
        Fr.of(gasFees.feePerL2Gas()));
  }
}
