// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.27;

import {IVerifier} from "./IVerifier.sol";

/// @notice Groth16 verifier over BN254 for the verifying key given at deployment, checked with the EVM's BN254
///         precompiles (EIP-196 ecAdd 0x06 / ecMul 0x07, EIP-197 ecPairing 0x08).
/// @dev One contract serves any circuit: the key is constructor data, validated once and kept as the code of a
///      separate key store (read with one EXTCODECOPY, a few thousand gas, instead of ~2,100 gas per SLOAD word).
///      Key layout (words, each a base field coordinate; G2 coordinates in the EVM's order x1, x0, y1, y0 where
///      x = x0 + x1·u):
///        [0..1] alpha (G1) | [2..5] beta (G2) | [6..9] gamma (G2) | [10..13] delta (G2) | [14 + 2j..15 + 2j] ic[j]
///      for j = 0..NUM_INPUTS, ic[0] the constant wire's point.
///      Statement: e(-A, B)·e(alpha, beta)·e(ic[0] + Σ x_j·ic[j+1], gamma)·e(C, delta) = 1.
contract Groth16Verifier is IVerifier {
    /// BN254 scalar field (public inputs live here).
    uint256 internal constant SCALAR_MODULUS =
        21888242871839275222246405745257275088548364400416034343698204186575808495617;
    /// BN254 base field (point coordinates live here).
    uint256 internal constant BASE_MODULUS =
        21888242871839275222246405745257275088696311157297823662689037894645226208583;
    uint256 internal constant PROOF_BYTES = 8 * 32;
    uint256 internal constant FIXED_KEY_WORDS = 14;
    /// Keeps the key store under the 24,576-byte code size limit (EIP-170) with room to spare.
    uint256 public constant MAX_INPUTS = 256;

    // Precompile addresses (EIP-196, EIP-197), as numbers so inline assembly can use them.
    uint256 internal constant EC_ADD = 0x06;
    uint256 internal constant EC_MUL = 0x07;
    uint256 internal constant EC_PAIRING = 0x08;

    /// Contract whose code is one STOP byte followed by the key words (never executable).
    address public immutable KEY_STORE;
    /// Public inputs a proof must come with (the key's ic points minus the constant wire's).
    uint256 public immutable NUM_INPUTS;
    /// keccak256 of the key words (abi.encodePacked): lets anyone check which key this verifier holds.
    bytes32 public immutable KEY_HASH;

    error Groth16Verifier__InvalidKeyLength(uint256 words);
    error Groth16Verifier__TooManyInputs(uint256 maxInputs, uint256 actual);
    error Groth16Verifier__KeyCoordinateNotInField(uint256 word, uint256 value);
    error Groth16Verifier__KeyPointNotOnCurve(uint256 word);
    error Groth16Verifier__KeyPointNotInG2();
    error Groth16Verifier__KeyStoreNotCreated();
    error Groth16Verifier__InvalidProofLength(uint256 expected, uint256 actual);
    error Groth16Verifier__WrongInputCount(uint256 expected, uint256 actual);
    error Groth16Verifier__InputNotInField(uint256 index, uint256 value);
    error Groth16Verifier__ProofCoordinateNotInField(uint256 word, uint256 value);
    error Groth16Verifier__ProofPointNotOnCurve(string point);
    /// The pairing precompile refused its input. Every other point is checked first, so this means B is not a
    /// point of G2 (off the twist or outside the prime-order subgroup), unless the call ran out of gas.
    error Groth16Verifier__ProofBNotInG2();
    error Groth16Verifier__PrecompileFailed(address precompile);
    error Groth16Verifier__BatchLengthMismatch(uint256 proofs, uint256 inputLists, uint256 weights);
    error Groth16Verifier__WeightNotInField(uint256 index, uint256 value);

    constructor(uint256[] memory key) {
        if (key.length < FIXED_KEY_WORDS + 2 || (key.length - FIXED_KEY_WORDS) % 2 != 0) {
            revert Groth16Verifier__InvalidKeyLength(key.length);
        }
        uint256 inputs = (key.length - FIXED_KEY_WORDS) / 2 - 1;
        if (inputs > MAX_INPUTS) revert Groth16Verifier__TooManyInputs(MAX_INPUTS, inputs);
        checkKey(key);
        NUM_INPUTS = inputs;
        KEY_HASH = keccak256(abi.encodePacked(key));
        KEY_STORE = storeKey(abi.encodePacked(key));
    }

    /// @inheritdoc IVerifier
    function verify(bytes calldata proof, uint256[] calldata publicInputs) external view returns (bool) {
        if (proof.length != PROOF_BYTES) revert Groth16Verifier__InvalidProofLength(PROOF_BYTES, proof.length);
        if (publicInputs.length != NUM_INPUTS) {
            revert Groth16Verifier__WrongInputCount(NUM_INPUTS, publicInputs.length);
        }
        (uint256[2] memory a, uint256[2][2] memory b, uint256[2] memory c) =
            abi.decode(proof, (uint256[2], uint256[2][2], uint256[2]));
        checkProofPoints(a, b, c);
        uint256[] memory key = loadKey();
        (uint256 x, uint256 y) = inputCommitment(key, publicInputs);
        uint256[24] memory pairs = [
            a[0], a[1] == 0 ? 0 : BASE_MODULUS - a[1], b[0][0], b[0][1], b[1][0], b[1][1],
            key[0], key[1], key[2], key[3], key[4], key[5],
            x, y, key[6], key[7], key[8], key[9],
            c[0], c[1], key[10], key[11], key[12], key[13]
        ];
        (bool ok, bool productIsOne) = pairingProductIsOne(pairs);
        if (!ok) revert Groth16Verifier__ProofBNotInG2();
        return productIsOne;
    }

    /// @notice This key's share of a batched check of several proofs: with weights r_i (scalars, from a hash the
    ///         prover cannot steer after the fact), returns the G1/G2 pairs
    ///           (-r_i·A_i, B_i) for each proof i, (Σr_i·alpha, beta), (Σ r_i·(ic[0] + Σ_j x_ij·ic[j+1]), gamma),
    ///           (Σ r_i·C_i, delta)
    ///         as 6 words each (G1 x, y; G2 x1, x0, y1, y0). The product of the pairings of every key's pairs is 1
    ///         for valid proofs (each proof's equation raised to r_i); a caller concatenates the pairs of all keys
    ///         and makes ONE pairing call. Inputs are folded per index first, so the ecMuls per key are
    ///         2·proofs + inputs + 2, not proofs·inputs. Checks every point and input as `verify` does.
    /// @param proofs each abi.encode(a, b, c) as 8 words: a.x, a.y, b.x1, b.x0, b.y1, b.y0, c.x, c.y
    function batchPairs(uint256[8][] calldata proofs, uint256[][] calldata inputs, uint256[] calldata weights)
        external
        view
        returns (uint256[] memory pairs)
    {
        uint256 k = proofs.length;
        if (inputs.length != k || weights.length != k) {
            revert Groth16Verifier__BatchLengthMismatch(k, inputs.length, weights.length);
        }
        pairs = new uint256[](6 * (k + 3));
        BatchSums memory sums = BatchSums(new uint256[](NUM_INPUTS), 0, 0, 0);
        for (uint256 i = 0; i < k; i++) {
            addToBatch(pairs, sums, i, proofs[i], inputs[i], weights[i]);
        }
        appendKeyPairs(pairs, sums, 6 * k);
    }

    /// Running sums of a batch: Σ_i r_i·x_ij per input j, Σ r_i, and Σ r_i·C_i.
    struct BatchSums {
        uint256[] folded;
        uint256 weightSum;
        uint256 cx;
        uint256 cy;
    }

    function addToBatch(
        uint256[] memory pairs,
        BatchSums memory sums,
        uint256 i,
        uint256[8] calldata proof,
        uint256[] calldata input,
        uint256 r
    ) internal view {
        if (r >= SCALAR_MODULUS) revert Groth16Verifier__WeightNotInField(i, r);
        if (input.length != NUM_INPUTS) revert Groth16Verifier__WrongInputCount(NUM_INPUTS, input.length);
        checkProofPoints([proof[0], proof[1]], [[proof[2], proof[3]], [proof[4], proof[5]]], [proof[6], proof[7]]);
        (uint256 ax, uint256 ay) = ecMul(proof[0], proof[1], r);
        uint256 offset = 6 * i;
        pairs[offset] = ax;
        pairs[offset + 1] = ay == 0 ? 0 : BASE_MODULUS - ay;
        for (uint256 w = 0; w < 4; w++) pairs[offset + 2 + w] = proof[2 + w];
        (uint256 px, uint256 py) = ecMul(proof[6], proof[7], r);
        (sums.cx, sums.cy) = ecAdd(sums.cx, sums.cy, px, py);
        sums.weightSum = addmod(sums.weightSum, r, SCALAR_MODULUS);
        for (uint256 j = 0; j < input.length; j++) {
            uint256 x = input[j];
            if (x >= SCALAR_MODULUS) revert Groth16Verifier__InputNotInField(j, x);
            sums.folded[j] = addmod(sums.folded[j], mulmod(r, x, SCALAR_MODULUS), SCALAR_MODULUS);
        }
    }

    /// (Σr·alpha, beta), (Σr·ic[0] + Σ_j folded_j·ic[j+1], gamma), (Σ r_i·C_i, delta) at word `at`.
    function appendKeyPairs(uint256[] memory pairs, BatchSums memory sums, uint256 offset) internal view {
        uint256[] memory key = loadKey();
        (pairs[offset], pairs[offset + 1]) = ecMul(key[0], key[1], sums.weightSum);
        (uint256 ix, uint256 iy) = ecMul(key[FIXED_KEY_WORDS], key[FIXED_KEY_WORDS + 1], sums.weightSum);
        for (uint256 j = 0; j < sums.folded.length; j++) {
            uint256 word = FIXED_KEY_WORDS + 2 * (j + 1);
            (uint256 px, uint256 py) = ecMul(key[word], key[word + 1], sums.folded[j]);
            (ix, iy) = ecAdd(ix, iy, px, py);
        }
        pairs[offset + 6] = ix;
        pairs[offset + 7] = iy;
        pairs[offset + 12] = sums.cx;
        pairs[offset + 13] = sums.cy;
        for (uint256 w = 0; w < 4; w++) {
            pairs[offset + 2 + w] = key[2 + w];
            pairs[offset + 8 + w] = key[6 + w];
            pairs[offset + 14 + w] = key[10 + w];
        }
    }

    /// ic[0] + Σ x_j·ic[j+1], after checking each x_j is a scalar field element.
    function inputCommitment(uint256[] memory key, uint256[] calldata inputs)
        internal
        view
        returns (uint256 x, uint256 y)
    {
        x = key[FIXED_KEY_WORDS];
        y = key[FIXED_KEY_WORDS + 1];
        for (uint256 j = 0; j < inputs.length; j++) {
            uint256 input = inputs[j];
            if (input >= SCALAR_MODULUS) revert Groth16Verifier__InputNotInField(j, input);
            uint256 word = FIXED_KEY_WORDS + 2 * (j + 1);
            (uint256 px, uint256 py) = ecMul(key[word], key[word + 1], input);
            (x, y) = ecAdd(x, y, px, py);
        }
    }

    function checkProofPoints(uint256[2] memory a, uint256[2][2] memory b, uint256[2] memory c) internal pure {
        uint256[8] memory words = [a[0], a[1], b[0][0], b[0][1], b[1][0], b[1][1], c[0], c[1]];
        for (uint256 i = 0; i < 8; i++) {
            if (words[i] >= BASE_MODULUS) revert Groth16Verifier__ProofCoordinateNotInField(i, words[i]);
        }
        if (!onCurve(a[0], a[1])) revert Groth16Verifier__ProofPointNotOnCurve("a");
        if (!onCurve(c[0], c[1])) revert Groth16Verifier__ProofPointNotOnCurve("c");
    }

    function checkKey(uint256[] memory key) internal view {
        for (uint256 i = 0; i < key.length; i++) {
            if (key[i] >= BASE_MODULUS) revert Groth16Verifier__KeyCoordinateNotInField(i, key[i]);
        }
        if (!onCurve(key[0], key[1])) revert Groth16Verifier__KeyPointNotOnCurve(0);
        for (uint256 word = FIXED_KEY_WORDS; word < key.length; word += 2) {
            if (!onCurve(key[word], key[word + 1])) revert Groth16Verifier__KeyPointNotOnCurve(word);
        }
        // The pairing precompile validates G2 points (twist and subgroup): pair each with the G1 generator (1, 2).
        uint256[18] memory pairs = [
            uint256(1), 2, key[2], key[3], key[4], key[5],
            1, 2, key[6], key[7], key[8], key[9],
            1, 2, key[10], key[11], key[12], key[13]
        ];
        bool ok;
        assembly ("memory-safe") {
            ok := staticcall(gas(), EC_PAIRING, pairs, 576, 0, 32)
        }
        if (!ok) revert Groth16Verifier__KeyPointNotInG2();
    }

    /// y² = x³ + 3 over the base field, or (0, 0): the precompiles' encoding of the point at infinity.
    function onCurve(uint256 x, uint256 y) internal pure returns (bool) {
        if (x == 0 && y == 0) return true;
        uint256 x3 = mulmod(mulmod(x, x, BASE_MODULUS), x, BASE_MODULUS);
        return mulmod(y, y, BASE_MODULUS) == addmod(x3, 3, BASE_MODULUS);
    }

    /// Deploys `data` behind a STOP byte as the code of a new contract (init code: copy the tail, return it).
    function storeKey(bytes memory data) internal returns (address store) {
        uint256 size = data.length + 1;
        // PUSH2 size, DUP1, PUSH1 12, PUSH1 0, CODECOPY, PUSH1 0, RETURN: returns the 12-byte prefix's tail.
        bytes memory init = abi.encodePacked(hex"61", uint16(size), hex"80600c6000396000f3", hex"00", data);
        assembly ("memory-safe") {
            store := create(0, add(init, 32), mload(init))
        }
        if (store == address(0)) revert Groth16Verifier__KeyStoreNotCreated();
    }

    function loadKey() internal view returns (uint256[] memory key) {
        uint256 words = FIXED_KEY_WORDS + 2 * (NUM_INPUTS + 1);
        key = new uint256[](words);
        address store = KEY_STORE;
        assembly ("memory-safe") {
            extcodecopy(store, add(key, 32), 1, mul(words, 32))
        }
    }

    function ecMul(uint256 x, uint256 y, uint256 scalar) internal view returns (uint256, uint256) {
        uint256[3] memory input = [x, y, scalar];
        uint256[2] memory output;
        bool ok;
        assembly ("memory-safe") {
            ok := staticcall(gas(), EC_MUL, input, 96, output, 64)
        }
        if (!ok) revert Groth16Verifier__PrecompileFailed(address(uint160(EC_MUL)));
        return (output[0], output[1]);
    }

    function ecAdd(uint256 x1, uint256 y1, uint256 x2, uint256 y2) internal view returns (uint256, uint256) {
        uint256[4] memory input = [x1, y1, x2, y2];
        uint256[2] memory output;
        bool ok;
        assembly ("memory-safe") {
            ok := staticcall(gas(), EC_ADD, input, 128, output, 64)
        }
        if (!ok) revert Groth16Verifier__PrecompileFailed(address(uint160(EC_ADD)));
        return (output[0], output[1]);
    }

    function pairingProductIsOne(uint256[24] memory pairs) internal view returns (bool ok, bool productIsOne) {
        uint256[1] memory output;
        assembly ("memory-safe") {
            ok := staticcall(gas(), EC_PAIRING, pairs, 768, output, 32)
        }
        productIsOne = ok && output[0] == 1;
    }
}
