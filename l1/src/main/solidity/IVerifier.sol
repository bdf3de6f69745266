// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.27;

/// @notice A verifier of Obsidian's block statement (or, for Groth16Verifier, of any Groth16 statement).
/// @dev The Rollup calls it with the block statement `Rollup.blockStatement` builds (11 values, each below the BN254
///      scalar field modulus) and the verifier's part of the proof calldata. Implementations: BlockProofVerifier
///      (block root + one base proof per tx, one batched pairing check) and, for a single Groth16 proof of the
///      11 values (a stand-in today, an aggregated block proof later), Groth16Verifier, whose `proof` is
///      abi.encode(uint256[2] a, uint256[2][2] b, uint256[2] c) in snarkjs' order (b as [x1, x0], [y1, y0]).
///      Returns true only for a valid proof; it must never return true without running the pairing check.
interface IVerifier {
    function verify(bytes calldata proof, uint256[] calldata publicInputs) external view returns (bool);
}
