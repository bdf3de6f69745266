// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.27;

import {Hash} from "./Hash.sol";
import {Inbox} from "./Inbox.sol";
import {Outbox} from "./Outbox.sol";
import {TestERC20} from "./TestERC20.sol";

/// @notice Bridges an ERC-20 to an L2 token contract: deposits lock tokens and send an L1->L2 message through the
///         Inbox; withdrawals consume an L2->L1 message from the Outbox and release the tokens. Message contents
///         follow Aztec's TokenPortal (4.1.2): sha256ToField of the ABI-encoded call the L2 side performs.
contract TokenPortal {
    TestERC20 public immutable TOKEN;
    Inbox public immutable INBOX;
    Outbox public immutable OUTBOX;
    bytes32 public immutable L2_BRIDGE;

    event DepositToL2Public(bytes32 indexed to, uint256 amount, bytes32 secretHash, bytes32 key, uint256 index);
    event Withdrawn(address indexed recipient, uint256 amount, uint256 l2BlockNumber, uint256 leafIndex);

    error TokenPortal__TransferFailed();

    constructor(TestERC20 token, Inbox inbox, Outbox outbox, bytes32 l2Bridge) {
        TOKEN = token;
        INBOX = inbox;
        OUTBOX = outbox;
        L2_BRIDGE = l2Bridge;
    }

    function depositToL2Public(bytes32 to, uint256 amount, bytes32 secretHash)
        external
        returns (bytes32 key, uint256 index)
    {
        if (!TOKEN.transferFrom(msg.sender, address(this), amount)) revert TokenPortal__TransferFailed();
        bytes32 content = Hash.sha256ToField(abi.encodeWithSignature("mint_to_public(bytes32,uint256)", to, amount));
        (key, index) = INBOX.sendL2Message(L2_BRIDGE, content, secretHash);
        emit DepositToL2Public(to, amount, secretHash, key, index);
    }

    /// @notice Releases `amount` to `recipient` against the L2 bridge's withdraw message in block `l2BlockNumber`.
    function withdraw(
        address recipient,
        uint256 amount,
        uint256 l2BlockNumber,
        uint256 leafIndex,
        bytes32[] calldata path
    ) external {
        bytes32 content = Hash.sha256ToField(
            abi.encodeWithSignature("withdraw(address,uint256,address)", recipient, amount, address(0))
        );
        Outbox.L2ToL1Msg memory message = Outbox.L2ToL1Msg({
            sender: L2_BRIDGE,
            version: OUTBOX.VERSION(),
            recipient: address(this),
            chainId: block.chainid,
            content: content
        });
        OUTBOX.consume(message, l2BlockNumber, leafIndex, path);
        if (!TOKEN.transfer(recipient, amount)) revert TokenPortal__TransferFailed();
        emit Withdrawn(recipient, amount, l2BlockNumber, leafIndex);
    }
}
