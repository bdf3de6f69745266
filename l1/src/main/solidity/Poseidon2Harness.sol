// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.27;

import {Poseidon2} from "./Poseidon2.sol";

/// @notice Exposes the Poseidon2 library for tests and gas figures (Poseidon2SolidityTest); not deployed by the node.
contract Poseidon2Harness {
    function permutation(uint256[4] calldata s) external pure returns (uint256[4] memory out) {
        (out[0], out[1], out[2], out[3]) = Poseidon2.permutation(s[0], s[1], s[2], s[3]);
    }

    function hash2(uint256 a, uint256 b) external pure returns (uint256) {
        return Poseidon2.hash2(a, b);
    }

    function hash(uint256[] calldata inputs) external pure returns (uint256) {
        return Poseidon2.hash(inputs);
    }

    /// @notice Gas of one `hash2` (the challenge z = Poseidon2(C, K)), measured with gasleft() around the call.
    function hash2Gas(uint256 a, uint256 b) external view returns (uint256 gasUsed, uint256 h) {
        uint256 before = gasleft();
        h = Poseidon2.hash2(a, b);
        gasUsed = before - gasleft();
    }

    /// @notice Gas of `hash` over `inputs` (already in memory), measured like hash2Gas.
    function hashGas(uint256[] calldata inputs) external view returns (uint256 gasUsed, uint256 h) {
        uint256[] memory copy = inputs;
        uint256 before = gasleft();
        h = Poseidon2.hash(copy);
        gasUsed = before - gasleft();
    }
}
