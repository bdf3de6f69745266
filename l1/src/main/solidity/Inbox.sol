// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.27;

import {Hash} from "./Hash.sol";

/// @notice L1 -> L2 messages. Messages accumulate in one SHA-256 tree of height L1_TO_L2_MSG_SUBTREE_HEIGHT per L2
///         block (Aztec 4.1.2 layout); the Rollup consumes a block's tree root when it accepts that block.
/// @dev Messages sent now go to tree `inProgress`, which is always at least two past the last consumed block, so a
///      block being built never sees its message set change. There is no fee (dev mode): anyone may send.
contract Inbox {
    // L1_TO_L2_MSG_SUBTREE_HEIGHT of the aztec constants package, 4.1.2.
    uint256 public constant HEIGHT = 10;
    uint256 public constant SIZE = 1 << HEIGHT;
    // INITIAL_L2_BLOCK_NUM of the aztec constants package, 4.1.2.
    uint256 internal constant INITIAL_L2_BLOCK_NUM = 1;

    address public immutable ROLLUP;
    uint256 public immutable VERSION;

    /// L2 block number whose tree receives new messages.
    uint256 public inProgress;
    /// Total messages sent, across all trees.
    uint256 public totalMessagesInserted;

    struct Tree {
        uint256 nextIndex;
        mapping(uint256 => bytes32) frontier;
    }

    mapping(uint256 => Tree) internal trees;
    bytes32[HEIGHT + 1] internal zeros;

    event MessageSent(
        uint256 indexed l2BlockNumber,
        uint256 index,
        bytes32 indexed hash,
        address sender,
        bytes32 recipient,
        bytes32 content,
        bytes32 secretHash
    );

    error Inbox__Unauthorized(address caller);
    error Inbox__NotAField(string name, bytes32 value);
    error Inbox__MustBuildBeforeConsume(uint256 blockNumber, uint256 inProgress);

    constructor(address rollup, uint256 version) {
        ROLLUP = rollup;
        VERSION = version;
        inProgress = INITIAL_L2_BLOCK_NUM + 1;
        for (uint256 level = 0; level < HEIGHT; level++) {
            zeros[level + 1] = Hash.hashPair(zeros[level], zeros[level]);
        }
    }

    /// @notice Sends a message to an L2 contract. The leaf is L1ToL2Message.hash() of the node:
    ///         sha256ToField(abi.encode(sender, chainId, recipient, version, content, secretHash, index)).
    function sendL2Message(bytes32 recipient, bytes32 content, bytes32 secretHash)
        external
        returns (bytes32 leaf, uint256 index)
    {
        requireField("recipient", recipient);
        requireField("content", content);
        requireField("secretHash", secretHash);
        Tree storage tree = trees[inProgress];
        if (tree.nextIndex == SIZE) {
            inProgress += 1;
            tree = trees[inProgress];
        }
        index = (inProgress - INITIAL_L2_BLOCK_NUM) * SIZE + tree.nextIndex;
        leaf = Hash.sha256ToField(
            abi.encode(msg.sender, block.chainid, recipient, VERSION, content, secretHash, index)
        );
        insert(tree, leaf);
        totalMessagesInserted += 1;
        emit MessageSent(inProgress, index, leaf, msg.sender, recipient, content, secretHash);
    }

    /// @notice Root of the message tree of L2 block `blockNumber`; closes that tree if it is the one in progress.
    function consume(uint256 blockNumber) external returns (bytes32) {
        if (msg.sender != ROLLUP) revert Inbox__Unauthorized(msg.sender);
        if (blockNumber >= inProgress) revert Inbox__MustBuildBeforeConsume(blockNumber, inProgress);
        if (blockNumber + 1 == inProgress) inProgress += 1;
        return root(blockNumber);
    }

    /// @notice Root of the message tree of L2 block `blockNumber` as it stands now (the zero tree's root if empty).
    function root(uint256 blockNumber) public view returns (bytes32) {
        Tree storage tree = trees[blockNumber];
        uint256 size = tree.nextIndex;
        if (size == SIZE) return tree.frontier[HEIGHT];
        bytes32 node;
        bool started;
        for (uint256 level = 0; level < HEIGHT; level++) {
            if ((size >> level) & 1 == 1) {
                node = Hash.hashPair(tree.frontier[level], started ? node : zeros[level]);
                started = true;
            } else if (started) {
                node = Hash.hashPair(node, zeros[level]);
            }
        }
        return started ? node : zeros[HEIGHT];
    }

    function messageCount(uint256 blockNumber) external view returns (uint256) {
        return trees[blockNumber].nextIndex;
    }

    /// Appends a leaf: a finished left subtree waits in frontier[level] until its right sibling completes.
    function insert(Tree storage tree, bytes32 leaf) internal {
        uint256 index = tree.nextIndex;
        uint256 level = 0;
        bytes32 node = leaf;
        while ((index >> level) & 1 == 1) {
            node = Hash.hashPair(tree.frontier[level], node);
            level++;
        }
        tree.frontier[level] = node;
        tree.nextIndex = index + 1;
    }

    function requireField(string memory name, bytes32 value) internal pure {
        if (uint256(value) >= Hash.FIELD_MODULUS) revert Inbox__NotAField(name, value);
    }
}
