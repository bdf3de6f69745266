package dev.obsidian.crypto.protocol;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;
import dev.obsidian.crypto.protocol.Constants.DomainSeparator;
import java.util.Objects;

/**
 * Aztec 4.1.2's protocol hashes. Formulas (argument order, separator, hash function) follow
 * yarn-project/stdlib/src/hash/hash.ts and map_slot.ts, and contract/contract_address.ts, at v4.1.2.
 */
public final class ProtocolHashes {

  private ProtocolHashes() {}

  /** Namespaces a note hash to its contract: poseidon2([SILOED_NOTE_HASH, contract, noteHash]). */
  public static Fr siloNoteHash(AztecAddress contract, Fr noteHash) {
    return hashWithSeparator(DomainSeparator.SILOED_NOTE_HASH, contract.toField(), noteHash);
  }

  /** Namespaces a nullifier to its contract: poseidon2([SILOED_NULLIFIER, contract, innerNullifier]). */
  public static Fr siloNullifier(AztecAddress contract, Fr innerNullifier) {
    return hashWithSeparator(DomainSeparator.SILOED_NULLIFIER, contract.toField(), innerNullifier);
  }

  /** The nonce that makes the note hash at {@code noteHashIndex} of a tx unique, from the tx's first nullifier. */
  public static Fr computeNoteHashNonce(Fr firstNullifier, long noteHashIndex) {
    if (noteHashIndex < 0) {
      throw new IllegalArgumentException("noteHashIndex must be non-negative, got " + noteHashIndex);
    }
    return hashWithSeparator(DomainSeparator.NOTE_HASH_NONCE, firstNullifier, Fr.of(noteHashIndex));
  }

  /** The leaf inserted in the note hash tree: poseidon2([UNIQUE_NOTE_HASH, noteNonce, siloedNoteHash]). */
  public static Fr computeUniqueNoteHash(Fr noteNonce, Fr siloedNoteHash) {
    return hashWithSeparator(DomainSeparator.UNIQUE_NOTE_HASH, noteNonce, siloedNoteHash);
  }

  /** Hash of a secret, used by L1→L2 messages and transparent notes: poseidon2([SECRET_HASH, secret]). */
  public static Fr computeSecretHash(Fr secret) {
    return hashWithSeparator(DomainSeparator.SECRET_HASH, secret);
  }

  /** Hash of function arguments (or return values): zero for no arguments, else poseidon2([FUNCTION_ARGS, ...]). */
  public static Fr computeVarArgsHash(Fr... args) {
    Objects.requireNonNull(args, "args");
    return args.length == 0 ? Fr.ZERO : hashWithSeparator(DomainSeparator.FUNCTION_ARGS, args);
  }

  /** Hash of a public function's calldata: poseidon2([PUBLIC_CALLDATA, ...calldata]), also when empty. */
  public static Fr computeCalldataHash(Fr... calldata) {
    return hashWithSeparator(DomainSeparator.PUBLIC_CALLDATA, calldata);
  }

  /** The public data tree index of a contract's storage slot: poseidon2([PUBLIC_LEAF_SLOT, contract, slot]). */
  public static Fr computePublicDataTreeLeafSlot(AztecAddress contract, Fr storageSlot) {
    return hashWithSeparator(DomainSeparator.PUBLIC_LEAF_SLOT, contract.toField(), storageSlot);
  }

  /** The storage slot of {@code map[key]}: poseidon2([PUBLIC_STORAGE_MAP_SLOT, mapSlot, key]). */
  public static Fr deriveStorageSlotInMap(Fr mapSlot, Fr key) {
    return hashWithSeparator(DomainSeparator.PUBLIC_STORAGE_MAP_SLOT, mapSlot, key);
  }

  /** A tx's protocol nullifier: the tx request hash siloed with NULL_MSG_SENDER_CONTRACT_ADDRESS. */
  public static Fr computeProtocolNullifier(Fr txRequestHash) {
    return siloNullifier(new AztecAddress(Constants.NULL_MSG_SENDER_CONTRACT_ADDRESS), txRequestHash);
  }

  /** First field of a private log, siloed to its contract (hides which contract emitted the tag). */
  public static Fr computeSiloedPrivateLogFirstField(AztecAddress contract, Fr field) {
    return hashWithSeparator(DomainSeparator.PRIVATE_LOG_FIRST_FIELD, contract.toField(), field);
  }

  /**
   * The nullifier that consumes an L1→L2 message: siloNullifier(contract, poseidon2([MESSAGE_NULLIFIER,
   * messageHash, secret])).
   */
  public static Fr computeL1ToL2MessageNullifier(AztecAddress contract, Fr messageHash, Fr secret) {
    Fr inner = hashWithSeparator(DomainSeparator.MESSAGE_NULLIFIER, messageHash, secret);
    return siloNullifier(contract, inner);
  }

  /** poseidon2([SALTED_INITIALIZATION_HASH = PARTIAL_ADDRESS, salt, initializationHash, deployer]). */
  public static Fr computeSaltedInitializationHash(Fr salt, Fr initializationHash, AztecAddress deployer) {
    // 4.1.2 reuses the PARTIAL_ADDRESS separator here (contract_address.ts): there is no separator of its own.
    return hashWithSeparator(DomainSeparator.PARTIAL_ADDRESS, salt, initializationHash, deployer.toField());
  }

  /** A contract's partial address: poseidon2([PARTIAL_ADDRESS, contractClassId, saltedInitializationHash]). */
  public static Fr computePartialAddress(Fr originalContractClassId, Fr saltedInitializationHash) {
    return hashWithSeparator(DomainSeparator.PARTIAL_ADDRESS, originalContractClassId, saltedInitializationHash);
  }

  /** poseidon2([INITIALIZER, selector, varArgsHash(encodedArgs)]): commits to the constructor call. */
  public static Fr computeInitializationHash(Fr functionSelector, Fr... encodedArgs) {
    return hashWithSeparator(DomainSeparator.INITIALIZER, functionSelector, computeVarArgsHash(encodedArgs));
  }

  /** Aztec's {@code poseidon2HashWithSeparator}: the separator becomes the first input of the sponge. */
  public static Fr hashWithSeparator(DomainSeparator separator, Fr... inputs) {
    Objects.requireNonNull(separator, "separator");
    Objects.requireNonNull(inputs, "inputs");
    Fr[] all = new Fr[inputs.length + 1];
    all[0] = separator.toField();
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i] == null) {
        throw new NullPointerException("hash input " + i + " is null");
      }
      all[i + 1] = inputs[i];
    }
    return Poseidon2.hash(all);
  }
}
