// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.27;

import {Groth16Verifier} from "./Groth16Verifier.sol";
import {IVerifier} from "./IVerifier.sol";

/// @notice Verifies a block's proofs — one block root and one base rollup per tx — in ONE batched pairing check.
/// @dev Implements IVerifier for the block statement the Rollup builds (`Rollup.blockStatement`, 11 values):
///        [0] blockNumber [1] lastArchiveRoot [2] effectsKey K [3] archiveRoot [4] blockHash
///        [5] noteHashRoot [6] nullifierRoot [7] publicDataRoot (the block's end roots) [8] effectsCommitment C
///        [9] effectsEvaluation y [10] txCount n
///      A future aggregated proof of the same statement can replace this contract behind the same interface.
///      `proof` is abi.encode(BlockProof). The block root's 19 + N public inputs are the statement's values, the
///      start snapshots, the end sizes and the N per-tx effects commitments; base proof t's 13 inputs are
///      (S_t, S_{t+1}, txEffectsCommitment[t]) over ONE array S_0 = start, S_1..S_{n-1} = intermediate, S_n = end,
///      so consecutive base proofs share their snapshot by construction. Every proof gets a weight from
///      keccak256(statement, proof): the prover cannot choose the weights after fixing the proofs.
contract BlockProofVerifier is IVerifier {
    uint256 internal constant SCALAR_MODULUS =
        21888242871839275222246405745257275088548364400416034343698204186575808495617;
    uint256 public constant STATEMENT_LENGTH = 11;
    uint256 internal constant EC_PAIRING = 0x08;

    struct BlockProof {
        uint256 rootVariant; // index into the block-root verifiers
        uint256[8] rootProof;
        uint256[6] start; // noteHash root, size, nullifier root, size, publicData root, size
        uint256[3] endSizes; // noteHash, nullifier, publicData sizes after the block
        uint256[] txEffectsCommitments; // the root variant's capacity N, 0 past txCount
        uint256[6][] intermediate; // S_1 .. S_{n-1}
        uint256[] baseVariants; // per tx: index into the base verifiers
        uint256[8][] baseProofs; // per tx
    }

    Groth16Verifier[] internal rootVerifiers;
    uint256[] internal rootCapacities;
    Groth16Verifier[] internal baseVerifiers;

    error BlockProofVerifier__WrongStatementLength(uint256 expected, uint256 actual);
    error BlockProofVerifier__UnknownRootVariant(uint256 variant);
    error BlockProofVerifier__UnknownBaseVariant(uint256 tx, uint256 variant);
    error BlockProofVerifier__TooManyTxs(uint256 capacity, uint256 txCount);
    error BlockProofVerifier__WrongCommitmentCount(uint256 expected, uint256 actual);
    error BlockProofVerifier__WrongBaseProofCount(uint256 expected, uint256 actual);
    error BlockProofVerifier__WrongIntermediateCount(uint256 expected, uint256 actual);
    error BlockProofVerifier__NoVariants();
    error BlockProofVerifier__PairingFailed();

    /// @param roots block-root verifiers (one per variant), `capacities` their tx capacities
    /// @param bases base-rollup verifiers (one per variant; each has 13 inputs)
    constructor(Groth16Verifier[] memory roots, uint256[] memory capacities, Groth16Verifier[] memory bases) {
        if (roots.length == 0 || roots.length != capacities.length || bases.length == 0) {
            revert BlockProofVerifier__NoVariants();
        }
        for (uint256 i = 0; i < roots.length; i++) {
            rootVerifiers.push(roots[i]);
            rootCapacities.push(capacities[i]);
        }
        for (uint256 i = 0; i < bases.length; i++) {
            baseVerifiers.push(bases[i]);
        }
    }

    /// @inheritdoc IVerifier
    function verify(bytes calldata proof, uint256[] calldata statement) external view returns (bool) {
        if (statement.length != STATEMENT_LENGTH) {
            revert BlockProofVerifier__WrongStatementLength(STATEMENT_LENGTH, statement.length);
        }
        BlockProof memory p = abi.decode(proof, (BlockProof));
        uint256 txCount = statement[10];
        checkShape(p, txCount);
        uint256 seed = uint256(keccak256(abi.encodePacked(statement, proof)));

        uint256[6] memory end;
        for (uint256 i = 0; i < 3; i++) {
            end[2 * i] = statement[5 + i];
            end[2 * i + 1] = p.endSizes[i];
        }
        uint256[][] memory parts = new uint256[][](1 + baseVerifiers.length);
        parts[0] = rootPairs(p, statement, end, seed);
        for (uint256 v = 0; v < baseVerifiers.length; v++) {
            parts[1 + v] = basePairs(p, v, end, seed);
        }
        return pairingProductIsOne(parts);
    }

    function variants() external view returns (uint256[] memory capacities, uint256 baseVariantCount) {
        return (rootCapacities, baseVerifiers.length);
    }

    function checkShape(BlockProof memory p, uint256 txCount) internal view {
        if (p.rootVariant >= rootVerifiers.length) revert BlockProofVerifier__UnknownRootVariant(p.rootVariant);
        uint256 capacity = rootCapacities[p.rootVariant];
        if (txCount > capacity) revert BlockProofVerifier__TooManyTxs(capacity, txCount);
        if (p.txEffectsCommitments.length != capacity) {
            revert BlockProofVerifier__WrongCommitmentCount(capacity, p.txEffectsCommitments.length);
        }
        if (p.baseProofs.length != txCount) revert BlockProofVerifier__WrongBaseProofCount(txCount, p.baseProofs.length);
        if (p.baseVariants.length != txCount) {
            revert BlockProofVerifier__WrongBaseProofCount(txCount, p.baseVariants.length);
        }
        uint256 links = txCount == 0 ? 0 : txCount - 1;
        if (p.intermediate.length != links) revert BlockProofVerifier__WrongIntermediateCount(links, p.intermediate.length);
        for (uint256 t = 0; t < txCount; t++) {
            if (p.baseVariants[t] >= baseVerifiers.length) {
                revert BlockProofVerifier__UnknownBaseVariant(t, p.baseVariants[t]);
            }
        }
    }

    function rootPairs(BlockProof memory p, uint256[] calldata statement, uint256[6] memory end, uint256 seed)
        internal
        view
        returns (uint256[] memory)
    {
        uint256 capacity = p.txEffectsCommitments.length;
        uint256[] memory inputs = new uint256[](19 + capacity);
        for (uint256 i = 0; i < 5; i++) inputs[i] = statement[i];
        for (uint256 i = 0; i < 6; i++) inputs[5 + i] = p.start[i];
        for (uint256 i = 0; i < 6; i++) inputs[11 + i] = end[i];
        inputs[17] = statement[8];
        inputs[18] = statement[9];
        for (uint256 t = 0; t < capacity; t++) inputs[19 + t] = p.txEffectsCommitments[t];
        uint256[8][] memory proofs = new uint256[8][](1);
        proofs[0] = p.rootProof;
        uint256[][] memory inputLists = new uint256[][](1);
        inputLists[0] = inputs;
        uint256[] memory weights = new uint256[](1);
        weights[0] = weight(seed, 0);
        return rootVerifiers[p.rootVariant].batchPairs(proofs, inputLists, weights);
    }

    /// The pairs of the base proofs of variant `v` (empty when the block has none).
    function basePairs(BlockProof memory p, uint256 v, uint256[6] memory end, uint256 seed)
        internal
        view
        returns (uint256[] memory)
    {
        uint256 n = p.baseProofs.length;
        uint256 count;
        for (uint256 t = 0; t < n; t++) {
            if (p.baseVariants[t] == v) count++;
        }
        if (count == 0) return new uint256[](0);
        uint256[8][] memory proofs = new uint256[8][](count);
        uint256[][] memory inputLists = new uint256[][](count);
        uint256[] memory weights = new uint256[](count);
        uint256 k;
        for (uint256 t = 0; t < n; t++) {
            if (p.baseVariants[t] != v) continue;
            proofs[k] = p.baseProofs[t];
            inputLists[k] = baseInputs(p, t, end);
            weights[k] = weight(seed, 1 + t);
            k++;
        }
        return baseVerifiers[v].batchPairs(proofs, inputLists, weights);
    }

    /// (S_t, S_{t+1}, txEffectsCommitment[t]): S_0 = start, S_n = (end roots, end sizes), S_k = intermediate[k-1].
    function baseInputs(BlockProof memory p, uint256 t, uint256[6] memory end)
        internal
        pure
        returns (uint256[] memory inputs)
    {
        inputs = new uint256[](13);
        uint256[6] memory before = t == 0 ? p.start : p.intermediate[t - 1];
        uint256[6] memory afterTx = t + 1 == p.baseProofs.length ? end : p.intermediate[t];
        for (uint256 i = 0; i < 6; i++) {
            inputs[i] = before[i];
            inputs[6 + i] = afterTx[i];
        }
        inputs[12] = p.txEffectsCommitments[t];
    }

    function weight(uint256 seed, uint256 index) internal pure returns (uint256) {
        return uint256(keccak256(abi.encodePacked(seed, index))) % SCALAR_MODULUS;
    }

    function pairingProductIsOne(uint256[][] memory parts) internal view returns (bool) {
        uint256 total;
        for (uint256 i = 0; i < parts.length; i++) total += parts[i].length;
        uint256[] memory all = new uint256[](total);
        uint256 offset;
        for (uint256 i = 0; i < parts.length; i++) {
            for (uint256 j = 0; j < parts[i].length; j++) all[offset++] = parts[i][j];
        }
        uint256[1] memory output;
        bool ok;
        assembly ("memory-safe") {
            ok := staticcall(gas(), EC_PAIRING, add(all, 32), mul(total, 32), output, 32)
        }
        if (!ok) revert BlockProofVerifier__PairingFailed();
        return output[0] == 1;
    }
}
