// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.27;

/// @notice The hashes Obsidian's contracts share with the Java node.
library Hash {
    /// BN254 scalar field modulus (Fr): every value an L2 circuit reads must be below it.
    uint256 internal constant FIELD_MODULUS =
        21888242871839275222246405745257275088548364400416034343698204186575808495617;

    /// SHA-256 truncated to a field element as Aztec 4.1.2 does it: the first 31 bytes of the digest behind a zero
    /// byte (dev.obsidian.crypto.hash.Sha#sha256ToField computes the same on the node).
    function sha256ToField(bytes memory data) internal pure returns (bytes32) {
        return bytes32(bytes.concat(new bytes(1), bytes31(sha256(data))));
    }

    /// Parent of two nodes in the SHA-256 trees of the Inbox and Outbox.
    function hashPair(bytes32 left, bytes32 right) internal pure returns (bytes32) {
        return sha256ToField(bytes.concat(left, right));
    }
}
