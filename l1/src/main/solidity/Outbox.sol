// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.27;

import {Hash} from "./Hash.sol";

interface IRollupView {
    function consumableBlockNumber() external view returns (uint256);
}

/// @notice L2 -> L1 messages. The Rollup stores each block's out-hash root: a balanced SHA-256 tree over the block's
///         L2->L1 message hashes in order, padded with zero leaves to 2^height. A message is consumed at most once.
contract Outbox {
    address public immutable ROLLUP;
    uint256 public immutable VERSION;

    struct BlockRoot {
        bytes32 root;
        uint256 height;
    }

    mapping(uint256 => BlockRoot) public roots;
    /// block number => leaf index => consumed
    mapping(uint256 => mapping(uint256 => bool)) public consumed;
    /// Messages consumed so far, across all blocks.
    uint256 public totalMessagesConsumed;

    event RootAdded(uint256 indexed l2BlockNumber, bytes32 indexed root, uint256 height);
    event MessageConsumed(uint256 indexed l2BlockNumber, bytes32 indexed root, bytes32 indexed hash, uint256 leafIndex);

    error Outbox__Unauthorized(address caller);
    error Outbox__BlockNotConsumable(uint256 blockNumber, uint256 consumableUpTo);
    error Outbox__NothingToConsumeAtBlock(uint256 blockNumber);
    error Outbox__InvalidRecipient(address expected, address actual);
    error Outbox__InvalidChainId(uint256 expected, uint256 actual);
    error Outbox__VersionMismatch(uint256 expected, uint256 actual);
    error Outbox__InvalidPathLength(uint256 expected, uint256 actual);
    error Outbox__LeafIndexOutOfBounds(uint256 leafIndex, uint256 leafCount);
    error Outbox__AlreadyConsumed(uint256 blockNumber, uint256 leafIndex);
    error Outbox__InvalidMembership(bytes32 root, bytes32 computed);

    /// An L2 -> L1 message as the node hashes it (dev.obsidian.crypto.protocol.L2ToL1Message).
    struct L2ToL1Msg {
        bytes32 sender; // L2 contract
        uint256 version; // rollup version
        address recipient; // L1 contract, the only caller allowed to consume
        uint256 chainId;
        bytes32 content;
    }

    constructor(address rollup, uint256 version) {
        ROLLUP = rollup;
        VERSION = version;
    }

    function insert(uint256 blockNumber, bytes32 root, uint256 height) external {
        if (msg.sender != ROLLUP) revert Outbox__Unauthorized(msg.sender);
        roots[blockNumber] = BlockRoot(root, height);
        emit RootAdded(blockNumber, root, height);
    }

    /// @notice Proves `message` is leaf `leafIndex` of block `blockNumber`'s out tree and marks it consumed.
    function consume(L2ToL1Msg calldata message, uint256 blockNumber, uint256 leafIndex, bytes32[] calldata path)
        external
    {
        uint256 consumable = IRollupView(ROLLUP).consumableBlockNumber();
        if (blockNumber > consumable) revert Outbox__BlockNotConsumable(blockNumber, consumable);
        if (message.recipient != msg.sender) revert Outbox__InvalidRecipient(message.recipient, msg.sender);
        if (message.chainId != block.chainid) revert Outbox__InvalidChainId(block.chainid, message.chainId);
        if (message.version != VERSION) revert Outbox__VersionMismatch(VERSION, message.version);
        BlockRoot memory stored = roots[blockNumber];
        if (stored.root == bytes32(0)) revert Outbox__NothingToConsumeAtBlock(blockNumber);
        if (path.length != stored.height) revert Outbox__InvalidPathLength(stored.height, path.length);
        if (leafIndex >= (uint256(1) << stored.height)) {
            revert Outbox__LeafIndexOutOfBounds(leafIndex, uint256(1) << stored.height);
        }
        if (consumed[blockNumber][leafIndex]) revert Outbox__AlreadyConsumed(blockNumber, leafIndex);
        bytes32 leaf = messageHash(message);
        bytes32 computed = rootFromPath(leaf, leafIndex, path);
        if (computed != stored.root) revert Outbox__InvalidMembership(stored.root, computed);
        consumed[blockNumber][leafIndex] = true;
        totalMessagesConsumed += 1;
        emit MessageConsumed(blockNumber, stored.root, leaf, leafIndex);
    }

    /// sha256ToField(sender || version || recipient (20 bytes) || chainId || content), as Aztec 4.1.2 hashes it.
    function messageHash(L2ToL1Msg calldata message) public pure returns (bytes32) {
        return Hash.sha256ToField(
            abi.encodePacked(message.sender, message.version, message.recipient, message.chainId, message.content)
        );
    }

    function rootFromPath(bytes32 leaf, uint256 leafIndex, bytes32[] calldata path) internal pure returns (bytes32) {
        bytes32 node = leaf;
        for (uint256 level = 0; level < path.length; level++) {
            node = (leafIndex >> level) & 1 == 0 ? Hash.hashPair(node, path[level]) : Hash.hashPair(path[level], node);
        }
        return node;
    }
}
