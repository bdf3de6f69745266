// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.27;

/// @notice A Groth16 (BN254) verifier for Obsidian's block proof.
/// @dev `proof` is abi.encode(uint256[2] a, uint256[2][2] b, uint256[2] c) in snarkjs' order (b's coordinates as
///      snarkjs' Solidity export writes them: [x1, x0], [y1, y0]); `publicInputs` are the block's public inputs,
///      each below the BN254 scalar field modulus, in the order `Rollup.publicInputs` builds them. Returns true only
///      for a valid proof; it must never return true without running the pairing check.
interface IVerifier {
    function verify(bytes calldata proof, uint256[] calldata publicInputs) external view returns (bool);
}
