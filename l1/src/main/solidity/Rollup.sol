// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.27;

import {Hash} from "./Hash.sol";
import {IVerifier} from "./IVerifier.sol";
import {Inbox} from "./Inbox.sol";
import {Outbox} from "./Outbox.sol";
import {Poseidon2} from "./Poseidon2.sol";

/// @notice Obsidian's rollup: accepts L2 blocks from the configured sequencer in order, checks that each extends the
///         recorded archive and that its published effects match the effects hash it commits to, and records them.
/// @dev Proof checking is a constructor choice recorded on chain (`PROOF_CHECKING_ENABLED`). With it off, blocks
///      stay pending (never proven) and `proof` must be empty: nothing claims a proof was checked.
contract Rollup {
    /// The block's commitments, as the node's ProposedHeader encodes them (l1/README.md).
    struct ProposedHeader {
        uint256 blockNumber;
        bytes32 lastArchiveRoot; // archive before this block (must equal the recorded tip)
        bytes32 archiveRoot; // archive after appending blockHash
        bytes32 blockHash; // Poseidon2 hash of the 22-field Aztec block header
        bytes32 l1ToL2MessageRoot;
        bytes32 noteHashRoot;
        bytes32 nullifierRoot;
        bytes32 publicDataRoot;
        bytes32 effectsHash; // sha256ToField(effects)
        bytes32 inHash; // root of the Inbox tree this block consumes
        bytes32 outHash; // root of the block's L2->L1 message tree
        uint256 outTreeHeight;
    }

    struct BlockLog {
        bytes32 archiveRoot;
        bytes32 blockHash;
        bytes32 l1ToL2MessageRoot;
        bytes32 noteHashRoot;
        bytes32 nullifierRoot;
        bytes32 publicDataRoot;
        uint64 proposedAtL1Block;
    }

    Inbox public immutable INBOX;
    Outbox public immutable OUTBOX;
    IVerifier public immutable VERIFIER;
    bool public immutable PROOF_CHECKING_ENABLED;
    address public immutable SEQUENCER;
    uint256 public immutable VERSION;
    /// L1 blocks an unproven block may stay pending before `prune` removes it; 0 = never prune.
    uint256 public immutable PRUNE_WINDOW_L1_BLOCKS;
    /// Largest effects payload accepted, in bytes.
    uint256 public immutable MAX_EFFECTS_BYTES;
    /// Published effects start with the block header's 22 fields (for nodes following L1). Data availability covers
    /// what follows them, the tx effects; the header is bound by its hash, the proven `blockHash`.
    uint256 public constant PUBLISHED_HEADER_BYTES = 704;

    uint256 public pendingBlockNumber;
    uint256 public provenBlockNumber;
    mapping(uint256 => BlockLog) internal blocks;

    event L2BlockProposed(uint256 indexed blockNumber, bytes32 indexed archive, bytes32 effectsHash);
    event L2BlockProven(uint256 indexed blockNumber);
    event PrunedPending(uint256 provenBlockNumber, uint256 pendingBlockNumber);

    error Rollup__NotSequencer(address expected, address actual);
    error Rollup__InvalidBlockNumber(uint256 expected, uint256 actual);
    error Rollup__InvalidArchive(bytes32 expected, bytes32 actual);
    error Rollup__InvalidEffectsHash(bytes32 expected, bytes32 actual);
    error Rollup__InvalidInHash(bytes32 expected, bytes32 actual);
    error Rollup__NotAField(string name, bytes32 value);
    error Rollup__EffectsTooLarge(uint256 maxBytes, uint256 actualBytes);
    error Rollup__ProofCheckingDisabled(uint256 proofBytes);
    error Rollup__InvalidProof(uint256 blockNumber);
    error Rollup__NothingToPrune();
    error Rollup__NoVerifier();
    error Rollup__EffectsNotFieldWords(uint256 length);
    error Rollup__EffectsWordNotAField(uint256 index, uint256 value);
    error Rollup__InvalidEffectsEvaluation(uint256 expected, uint256 actual);
    error Rollup__EffectsWithoutHeader(uint256 length);

    constructor(
        address sequencer,
        bytes32 genesisArchiveRoot,
        uint256 version,
        IVerifier verifier,
        bool proofCheckingEnabled,
        uint256 pruneWindowL1Blocks,
        uint256 maxEffectsBytes
    ) {
        if (proofCheckingEnabled && address(verifier) == address(0)) revert Rollup__NoVerifier();
        SEQUENCER = sequencer;
        VERSION = version;
        VERIFIER = verifier;
        PROOF_CHECKING_ENABLED = proofCheckingEnabled;
        PRUNE_WINDOW_L1_BLOCKS = pruneWindowL1Blocks;
        MAX_EFFECTS_BYTES = maxEffectsBytes;
        INBOX = new Inbox(address(this), version);
        OUTBOX = new Outbox(address(this), version);
        blocks[0].archiveRoot = genesisArchiveRoot;
        blocks[0].proposedAtL1Block = uint64(block.number);
    }

    /// @notice Accepts block `header.blockNumber` (= pending + 1) with its effects; checks `proof` when proof
    ///         checking is enabled (the block is then proven at once).
    function propose(ProposedHeader calldata header, bytes calldata effects, bytes calldata proof) external {
        if (msg.sender != SEQUENCER) revert Rollup__NotSequencer(SEQUENCER, msg.sender);
        if (canPrune()) prunePending();
        checkHeader(header, effects);
        bytes32 inHash = INBOX.consume(header.blockNumber);
        if (inHash != header.inHash) revert Rollup__InvalidInHash(inHash, header.inHash);
        record(header);
        OUTBOX.insert(header.blockNumber, header.outHash, header.outTreeHeight);
        emit L2BlockProposed(header.blockNumber, header.archiveRoot, header.effectsHash);
        checkProof(header, effects, proof);
    }

    function checkHeader(ProposedHeader calldata header, bytes calldata effects) internal view {
        uint256 expected = pendingBlockNumber + 1;
        if (header.blockNumber != expected) revert Rollup__InvalidBlockNumber(expected, header.blockNumber);
        bytes32 tip = blocks[pendingBlockNumber].archiveRoot;
        if (header.lastArchiveRoot != tip) revert Rollup__InvalidArchive(tip, header.lastArchiveRoot);
        requireField("archiveRoot", header.archiveRoot);
        requireField("blockHash", header.blockHash);
        if (effects.length > MAX_EFFECTS_BYTES) revert Rollup__EffectsTooLarge(MAX_EFFECTS_BYTES, effects.length);
        bytes32 effectsHash = Hash.sha256ToField(effects);
        if (effectsHash != header.effectsHash) revert Rollup__InvalidEffectsHash(effectsHash, header.effectsHash);
    }

    function record(ProposedHeader calldata header) internal {
        pendingBlockNumber = header.blockNumber;
        blocks[header.blockNumber] = BlockLog({
            archiveRoot: header.archiveRoot,
            blockHash: header.blockHash,
            l1ToL2MessageRoot: header.l1ToL2MessageRoot,
            noteHashRoot: header.noteHashRoot,
            nullifierRoot: header.nullifierRoot,
            publicDataRoot: header.publicDataRoot,
            proposedAtL1Block: uint64(block.number)
        });
    }

    /// @dev With proof checking on, `proof` is abi.encode(uint256 effectsCommitment, uint256 effectsEvaluation,
    ///      bytes verifierProof): C and y of the block root, then what VERIFIER needs (BlockProofVerifier: the block
    ///      root and base proofs, checked in one batched pairing; an aggregated proof later).
    function checkProof(ProposedHeader calldata header, bytes calldata effects, bytes calldata proof) internal {
        if (!PROOF_CHECKING_ENABLED) {
            if (proof.length != 0) revert Rollup__ProofCheckingDisabled(proof.length);
            return;
        }
        (uint256 commitment, uint256 evaluation, bytes memory verifierProof) =
            abi.decode(proof, (uint256, uint256, bytes));
        if (effects.length < PUBLISHED_HEADER_BYTES) revert Rollup__EffectsWithoutHeader(effects.length);
        uint256[] memory statement =
            blockStatement(header, effects[PUBLISHED_HEADER_BYTES:], commitment, evaluation);
        if (!VERIFIER.verify(verifierProof, statement)) revert Rollup__InvalidProof(header.blockNumber);
        provenBlockNumber = header.blockNumber;
        emit L2BlockProven(header.blockNumber);
    }

    /// @notice Data availability, then the statement the block's proofs must prove (BlockProofVerifier's order):
    ///         blockNumber, lastArchiveRoot, K, archiveRoot, blockHash, noteHashRoot, nullifierRoot, publicDataRoot,
    ///         C, y, txCount. K = keccak256(effects) mod r; the effects are field words F_0..F_m (each < r, F_0 the
    ///         tx count); reverts `Rollup__InvalidEffectsEvaluation` unless y = Σ F_i·z^i with z = Poseidon2(C, K).
    function blockStatement(
        ProposedHeader calldata header,
        bytes calldata effects,
        uint256 commitment,
        uint256 evaluation
    ) public pure returns (uint256[] memory statement) {
        if (commitment >= Hash.FIELD_MODULUS) revert Rollup__NotAField("effectsCommitment", bytes32(commitment));
        uint256 effectsKey = uint256(keccak256(effects)) % Hash.FIELD_MODULUS;
        uint256 z = Poseidon2.hash2(commitment, effectsKey);
        uint256 expected = evaluate(effects, z);
        if (expected != evaluation) revert Rollup__InvalidEffectsEvaluation(expected, evaluation);
        statement = new uint256[](11);
        statement[0] = header.blockNumber;
        statement[1] = uint256(header.lastArchiveRoot);
        statement[2] = effectsKey;
        statement[3] = uint256(header.archiveRoot);
        statement[4] = uint256(header.blockHash);
        statement[5] = uint256(header.noteHashRoot);
        statement[6] = uint256(header.nullifierRoot);
        statement[7] = uint256(header.publicDataRoot);
        statement[8] = commitment;
        statement[9] = evaluation;
        statement[10] = uint256(bytes32(effects[0:32]));
    }

    /// @notice P(z) over the effects' 32-byte words (Horner, last word first), each checked to be below r.
    function evaluate(bytes calldata effects, uint256 z) public pure returns (uint256 acc) {
        if (effects.length == 0 || effects.length % 32 != 0) revert Rollup__EffectsNotFieldWords(effects.length);
        uint256 r = Hash.FIELD_MODULUS;
        for (uint256 i = effects.length / 32; i > 0; i--) {
            uint256 word;
            assembly ("memory-safe") {
                word := calldataload(add(effects.offset, mul(sub(i, 1), 32)))
            }
            if (word >= r) revert Rollup__EffectsWordNotAField(i - 1, word);
            acc = addmod(mulmod(acc, z, r), word, r);
        }
    }

    /// @notice Drops every unproven block once the first of them has waited longer than the prune window.
    function prune() external {
        if (!canPrune()) revert Rollup__NothingToPrune();
        prunePending();
    }

    function canPrune() public view returns (bool) {
        if (PRUNE_WINDOW_L1_BLOCKS == 0 || pendingBlockNumber == provenBlockNumber) return false;
        return block.number > uint256(blocks[provenBlockNumber + 1].proposedAtL1Block) + PRUNE_WINDOW_L1_BLOCKS;
    }

    function prunePending() internal {
        emit PrunedPending(provenBlockNumber, pendingBlockNumber);
        pendingBlockNumber = provenBlockNumber;
    }

    /// @notice Highest block whose L2->L1 messages the Outbox releases: the proven tip, or the pending tip when
    ///         this deployment does not check proofs (a dev chain that trusts its sequencer; see `l1 status`).
    function consumableBlockNumber() external view returns (uint256) {
        return PROOF_CHECKING_ENABLED ? provenBlockNumber : pendingBlockNumber;
    }

    function archiveAt(uint256 blockNumber) external view returns (bytes32) {
        return blockNumber <= pendingBlockNumber ? blocks[blockNumber].archiveRoot : bytes32(0);
    }

    function archive() external view returns (bytes32) {
        return blocks[pendingBlockNumber].archiveRoot;
    }

    function getBlock(uint256 blockNumber) external view returns (BlockLog memory) {
        return blocks[blockNumber];
    }

    function requireField(string memory name, bytes32 value) internal pure {
        if (uint256(value) >= Hash.FIELD_MODULUS) revert Rollup__NotAField(name, value);
    }
}
