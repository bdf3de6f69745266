// Vectors for crypto/: Poseidon2, SHA, Grumpkin, protocol hashes, key derivation and constants.
// Only imported after bb.js has been pinned to its WASM backend (see ../bb-wasm.mjs).
import { createHash } from 'node:crypto';

import * as Constants from '@aztec/constants';
import { poseidon2Hash, poseidon2HashBytes, poseidon2HashWithSeparator, poseidon2Permutation } from '@aztec/foundation/crypto/poseidon';
import * as PoseidonSync from '@aztec/foundation/crypto/sync';
import { sha256, sha256ToField, sha256Trunc } from '@aztec/foundation/crypto/sha256';
import { sha512, sha512ToGrumpkinScalar } from '@aztec/foundation/crypto/sha512';
import { Grumpkin } from '@aztec/foundation/crypto/grumpkin';
import { Fr, Fq } from '@aztec/foundation/curves/bn254';
import { GrumpkinScalar, Point } from '@aztec/foundation/curves/grumpkin';
import { EthAddress } from '@aztec/foundation/eth-address';
import { serializeToBuffer } from '@aztec/foundation/serialize';
import { AztecAddress } from '@aztec/stdlib/aztec-address';
import * as Hash from '@aztec/stdlib/hash';
import * as Keys from '@aztec/stdlib/keys';
import { L1Actor, L2Actor, L1ToL2Message, L2ToL1Message, computeInHashFromL1ToL2Messages, computeTxOutHash, computeBlockOutHash } from '@aztec/stdlib/messaging';
import { GENESIS_CHECKPOINT_HEADER_HASH } from '@aztec/stdlib/block';

import { Drbg } from './drbg.mjs';
import { GENERATOR_LABEL, bytesHex, check, hex, point } from './format.mjs';

const FR_MODULUS = Fr.MODULUS;
const FQ_MODULUS = Fq.MODULUS;

// ---------------------------------------------------------------------------------------------------------------
// Poseidon2

/** Second route: Aztec's sponge re-implemented here over bb.js's raw permutation (rate 3, capacity 1). */
function spongeOverRawPermutation(syncApi, inputs) {
  const permute = (state) =>
    syncApi.poseidon2Permutation({ inputs: state.map((v) => Buffer.from(hex(v).slice(2), 'hex')) })
      .outputs.map((o) => BigInt('0x' + Buffer.from(o).toString('hex')));
  const rate = 3;
  let state = [0n, 0n, 0n, BigInt(inputs.length) << 64n];
  const duplex = (cache) => {
    cache.forEach((value, i) => {
      state[i] = (state[i] + value) % FR_MODULUS;
    });
    state = permute(state);
  };
  let cache = [];
  for (const input of inputs) {
    if (cache.length === rate) {
      duplex(cache);
      cache = [];
    }
    cache.push(input);
  }
  duplex(cache);
  return state[0];
}

function bbDirectHash(syncApi, inputs) {
  const response = syncApi.poseidon2Hash({ inputs: inputs.map((v) => Buffer.from(hex(v).slice(2), 'hex')) });
  return BigInt('0x' + Buffer.from(response.hash).toString('hex'));
}

async function poseidon2Vectors(syncApi) {
  const drbg = new Drbg('obsidian/poseidon2');
  const permutationStates = [
    [0n, 1n, 2n, 3n],
    [0n, 0n, 0n, 0n],
    [FR_MODULUS - 1n, FR_MODULUS - 1n, FR_MODULUS - 1n, FR_MODULUS - 1n],
    ...Array.from({ length: 5 }, () => [drbg.frBigInt(), drbg.frBigInt(), drbg.frBigInt(), drbg.frBigInt()]),
  ];
  const permutation = [];
  for (const state of permutationStates) {
    const output = await poseidon2Permutation(state.map((v) => new Fr(v)));
    const syncOutput = PoseidonSync.poseidon2Permutation(state.map((v) => new Fr(v)));
    check(output.every((o, i) => o.equals(syncOutput[i])), 'async vs sync poseidon2Permutation');
    permutation.push({ input: state.map(hex), output: output.map(hex) });
  }

  const hashCases = [];
  for (let length = 0; length <= 10; length++) {
    const inputs = Array.from({ length }, () => drbg.frBigInt());
    hashCases.push({ inputs });
  }
  hashCases.push({ inputs: [1n, 2n] });
  hashCases.push({ inputs: [0n, 0n] });
  hashCases.push({ inputs: [FR_MODULUS - 1n] });
  hashCases.push({ inputs: Array.from({ length: 16 }, (_, i) => BigInt(i)) });
  const hash = [];
  for (const { inputs } of hashCases) {
    const output = (await poseidon2Hash(inputs.map((v) => new Fr(v)))).toBigInt();
    check(output === PoseidonSync.poseidon2Hash(inputs.map((v) => new Fr(v))).toBigInt(), 'async vs sync poseidon2Hash');
    check(output === bbDirectHash(syncApi, inputs), 'foundation vs bb.js poseidon2Hash');
    check(output === spongeOverRawPermutation(syncApi, inputs), `sponge over raw permutation, length ${inputs.length}`);
    hash.push({ inputs: inputs.map(hex), output: hex(output) });
  }

  const separatorCases = [
    { inputs: [], separator: 0 },
    { inputs: [1n], separator: 1 },
    { inputs: [drbg.frBigInt(), drbg.frBigInt()], separator: Constants.DomainSeparator.SILOED_NULLIFIER },
    { inputs: [drbg.frBigInt(), drbg.frBigInt(), drbg.frBigInt()], separator: 0xffffffff },
    { inputs: Array.from({ length: 5 }, () => drbg.frBigInt()), separator: Constants.DomainSeparator.FUNCTION_ARGS },
  ];
  const hashWithSeparator = [];
  for (const { inputs, separator } of separatorCases) {
    const output = await poseidon2HashWithSeparator(inputs.map((v) => new Fr(v)), separator);
    const viaPlain = await poseidon2Hash([new Fr(separator), ...inputs.map((v) => new Fr(v))]);
    check(output.equals(viaPlain), 'hashWithSeparator == hash([separator, ...inputs])');
    hashWithSeparator.push({ separator, inputs: inputs.map(hex), output: hex(output) });
  }

  const byteLengths = [0, 1, 30, 31, 32, 33, 62, 63, 100];
  const hashBytes = [];
  for (const length of byteLengths) {
    const bytes = drbg.bytes(length);
    const output = await poseidon2HashBytes(bytes);
    check(output.equals(PoseidonSync.poseidon2HashBytes(bytes)), 'async vs sync poseidon2HashBytes');
    const fields = chunkBytesLittleEndian(bytes);
    check(output.equals(await poseidon2Hash(fields.map((v) => new Fr(v)))), 'hashBytes chunking re-derived');
    hashBytes.push({ bytes: bytesHex(bytes), fields: fields.map(hex), output: hex(output) });
  }
  // Trailing zero bytes inside the last 31-byte chunk do not change the fields: these two collide by design.
  for (const bytes of [Buffer.from([0x01]), Buffer.from([0x01, 0x00])]) {
    const output = await poseidon2HashBytes(bytes);
    hashBytes.push({ bytes: bytesHex(bytes), fields: chunkBytesLittleEndian(bytes).map(hex), output: hex(output) });
  }

  return {
    generator: GENERATOR_LABEL,
    notes: {
      permutation: 'poseidon2Permutation (@aztec/foundation/crypto/poseidon): barretenberg Poseidon2, t=4, BN254 Fr.',
      hash: 'poseidon2Hash(inputs): sponge with rate 3, capacity 1; initial state [0,0,0, inputs.length * 2^64]; ' +
        'inputs are added into state[0..2] three at a time, permuting before each new block of three is absorbed ' +
        'and once more at squeeze (a partial last block is added as is, no padding element); output = state[0]. ' +
        'Length 0 gives permutation([0,0,0,0])[0]. Checked against bb.js poseidon2Hash and against this sponge ' +
        'rebuilt over the raw bb.js permutation.',
      hashWithSeparator: 'poseidon2HashWithSeparator(inputs, separator) == poseidon2Hash([separator, ...inputs]); ' +
        'the separator is a plain integer (u32 domain separator) turned into a field.',
      hashBytes: 'poseidon2HashBytes(bytes): bytes cut into 31-byte chunks; each chunk is read as a LITTLE-endian ' +
        'integer (chunk byte 0 is the least significant); then poseidon2Hash(fields). No length is mixed in ' +
        'beyond the field count, so trailing zero bytes in the last chunk do not change the result. ' +
        '`fields` lists the chunk values for debugging.',
    },
    permutation,
    hash,
    hashWithSeparator,
    hashBytes,
  };
}

function chunkBytesLittleEndian(bytes) {
  const fields = [];
  for (let offset = 0; offset < bytes.length; offset += 31) {
    const chunk = bytes.subarray(offset, offset + 31);
    let value = 0n;
    for (let i = chunk.length - 1; i >= 0; i--) {
      value = (value << 8n) | BigInt(chunk[i]);
    }
    fields.push(value);
  }
  return fields;
}

// ---------------------------------------------------------------------------------------------------------------
// SHA

function shaVectors() {
  const drbg = new Drbg('obsidian/sha');
  const messages = [
    Buffer.alloc(0),
    Buffer.from('abc', 'utf8'),
    Buffer.from('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', 'utf8'),
    ...[1, 31, 32, 55, 56, 63, 64, 65, 119, 128, 200].map((length) => drbg.bytes(length)),
  ];
  const sha256Cases = messages.map((message) => {
    const digest = sha256(message);
    check(digest.equals(createHash('sha256').update(message).digest()), 'hash.js vs node sha256');
    return { message: bytesHex(message), digest: bytesHex(digest) };
  });
  const sha512Cases = messages.map((message) => {
    const digest = sha512(message);
    check(digest.equals(createHash('sha512').update(message).digest()), 'hash.js vs node sha512');
    return { message: bytesHex(message), digest: bytesHex(digest) };
  });

  const toFieldCases = [];
  for (const message of messages) {
    const output = sha256ToField([message]);
    const digest = createHash('sha256').update(message).digest();
    check(output.toBigInt() === BigInt('0x' + digest.toString('hex')) >> 8n, 'sha256ToField == digest >> 8');
    check(sha256Trunc(message).equals(Buffer.concat([Buffer.alloc(1), digest.subarray(0, 31)])), 'sha256Trunc layout');
    toFieldCases.push({ kind: 'bytes', preimage: bytesHex(message), output: hex(output) });
  }
  for (const count of [1, 2, 5]) {
    const fields = Array.from({ length: count }, () => new Fr(drbg.frBigInt()));
    const output = sha256ToField(fields);
    toFieldCases.push({
      kind: 'fields',
      fields: fields.map(hex),
      preimage: bytesHex(serializeToBuffer(fields)),
      output: hex(output),
    });
  }

  return {
    generator: GENERATOR_LABEL,
    notes: {
      sha256ToField: 'sha256ToField(data) (@aztec/foundation/crypto/sha256): preimage = serializeToBuffer(data) ' +
        '(an Fr is 32 bytes big-endian, a Buffer is copied as is); digest = SHA-256(preimage); result = the field ' +
        'whose 32-byte big-endian encoding is 0x00 || digest[0..31), i.e. digest >> 8 (the LAST digest byte is ' +
        'dropped). Always < 2^248, so never reduced.',
      sha256: 'plain SHA-256 (hash.js inside @aztec/foundation; also checked against node:crypto).',
      sha512: 'plain SHA-512 (hash.js inside @aztec/foundation; also checked against node:crypto).',
    },
    sha256: sha256Cases,
    sha512: sha512Cases,
    sha256ToField: toFieldCases,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Grumpkin

const ALL_ONES = 'ff'.repeat(32);

/** bb.js signals the point at infinity with x = y = 2^256 - 1; the @aztec/foundation Point wrapper throws on it. */
function bbPoint(raw) {
  const x = Buffer.from(raw.x).toString('hex');
  const y = Buffer.from(raw.y).toString('hex');
  if (x === ALL_ONES && y === ALL_ONES) {
    return { x: hex(0n), y: hex(0n), isInfinite: true };
  }
  return { x: '0x' + x, y: '0x' + y, isInfinite: false };
}

function rawScalar(value) {
  return Buffer.from(value.toString(16).padStart(64, '0'), 'hex');
}

function bbMul(syncApi, p, scalar) {
  const response = syncApi.grumpkinMul({
    point: { x: Buffer.from(p.x.slice(2), 'hex'), y: Buffer.from(p.y.slice(2), 'hex') },
    scalar: rawScalar(scalar),
  });
  return bbPoint(response.point);
}

function bbAdd(syncApi, a, b) {
  const response = syncApi.grumpkinAdd({
    pointA: { x: Buffer.from(a.x.slice(2), 'hex'), y: Buffer.from(a.y.slice(2), 'hex') },
    pointB: { x: Buffer.from(b.x.slice(2), 'hex'), y: Buffer.from(b.y.slice(2), 'hex') },
  });
  return bbPoint(response.point);
}

function samePoint(a, b) {
  return a.x === b.x && a.y === b.y && a.isInfinite === b.isInfinite;
}

async function grumpkinVectors(syncApi) {
  const drbg = new Drbg('obsidian/grumpkin');
  const generatorPoint = point(Grumpkin.generator);
  const scalars = [
    ...[1n, 2n, 3n, 4n, 5n, 7n, 255n, 256n, 1n << 64n, 1n << 128n],
    ...Array.from({ length: 6 }, () => drbg.fqBigInt()),
    FQ_MODULUS - 1n,
    FQ_MODULUS - 2n,
    FR_MODULUS - 1n,
    FR_MODULUS,
  ];
  const mul = [];
  for (const scalar of scalars) {
    const viaFoundation = point(await Grumpkin.mul(Grumpkin.generator, new GrumpkinScalar(scalar)));
    check(samePoint(viaFoundation, bbMul(syncApi, generatorPoint, scalar)), 'foundation vs bb.js grumpkinMul');
    mul.push({ scalar: hex(scalar), result: viaFoundation });
  }
  const edgeMul = [0n, FQ_MODULUS, FQ_MODULUS + 1n, (1n << 256n) - 1n].map((scalar) => ({
    scalar: hex(scalar),
    result: bbMul(syncApi, generatorPoint, scalar),
  }));

  const randomPoint = async () => point(await Grumpkin.mul(Grumpkin.generator, new GrumpkinScalar(drbg.fqBigInt())));
  const twoG = mul.find((m) => m.scalar === hex(2n)).result;
  const threeG = mul.find((m) => m.scalar === hex(3n)).result;
  const minusG = mul.find((m) => m.scalar === hex(FQ_MODULUS - 1n)).result;
  const p1 = await randomPoint();
  const p2 = await randomPoint();
  const additionPairs = [
    [generatorPoint, generatorPoint],
    [generatorPoint, twoG],
    [p1, p2],
    [p1, p1],
    [generatorPoint, minusG],
  ];
  const add = [];
  for (const [a, b] of additionPairs) {
    add.push({ a, b, result: bbAdd(syncApi, a, b) });
  }
  check(samePoint(add[0].result, twoG), 'G + G == 2G');
  check(samePoint(add[1].result, threeG), 'G + 2G == 3G');
  check(add[4].result.isInfinite, 'G + (-G) == infinity');

  // No multi-scalar-multiplication API is exposed by @aztec/foundation or bb.js 4.1.2; the reference MSM is built
  // from the packages' own mul and add.
  const msm = [];
  for (const size of [1, 2, 3, 5]) {
    const points = [];
    const msmScalars = [];
    let sum = null;
    for (let i = 0; i < size; i++) {
      const p = await randomPoint();
      const s = drbg.fqBigInt();
      points.push(p);
      msmScalars.push(hex(s));
      const term = bbMul(syncApi, p, s);
      sum = sum === null ? term : bbAdd(syncApi, sum, term);
    }
    msm.push({ points, scalars: msmScalars, result: sum });
  }

  const batchScalar = drbg.fqBigInt();
  const batchPoints = [generatorPoint, twoG, p1];
  const batchResults = await Grumpkin.batchMul(batchPoints.map((p) => new Point(new Fr(BigInt(p.x)), new Fr(BigInt(p.y)), false)), new GrumpkinScalar(batchScalar));
  const batchMul = { points: batchPoints, scalar: hex(batchScalar), results: batchResults.map(point) };
  batchMul.results.forEach((r, i) => check(samePoint(r, bbMul(syncApi, batchPoints[i], batchScalar)), 'batchMul == mul'));

  return {
    generator: GENERATOR_LABEL,
    notes: {
      curve: 'Grumpkin: y^2 = x^3 - 17 over BN254 Fr; group order = BN254 Fq modulus ' + hex(FQ_MODULUS) + '.',
      generatorPoint: 'Grumpkin.generator from @aztec/foundation/crypto/grumpkin: (1, sqrt(-16)) as below.',
      mul: 'Grumpkin.mul(G, scalar) (bb.js grumpkinMul), scalars < group order; also checked against raw bb.js.',
      edgeMul: 'raw bb.js grumpkinMul with scalars 0, order, order+1, 2^256-1: bb reduces the scalar modulo the ' +
        'group order; the point at infinity comes back from bb.js as x = y = 2^256-1 (recorded here as ' +
        '{x:0, y:0, isInfinite:true}); @aztec/foundation Point.fromBuffer throws on that encoding.',
      add: 'bb.js grumpkinAdd (what Grumpkin.add calls). G + (-G) gives infinity.',
      msm: 'No MSM API exists in @aztec/foundation or bb.js 4.1.2; result = sum of grumpkinMul(points[i], scalars[i]) ' +
        'accumulated with grumpkinAdd in order.',
      batchMul: 'Grumpkin.batchMul(points, scalar): each point times the same scalar.',
    },
    generatorPoint,
    mul,
    edgeMul,
    add,
    msm,
    batchMul,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Protocol hashes

async function protocolHashVectors() {
  const drbg = new Drbg('obsidian/protocol-hashes');
  const fr = () => new Fr(drbg.frBigInt());
  const address = () => AztecAddress.fromBigInt(drbg.frBigInt());
  const ethAddress = () => new EthAddress(drbg.ethAddressBytes());
  const cases = (count, make) => Promise.all(Array.from({ length: count }, make));

  const siloNoteHash = await cases(3, async () => {
    const contract = address();
    const noteHash = fr();
    return { contract: hex(contract), noteHash: hex(noteHash), output: hex(await Hash.siloNoteHash(contract, noteHash)) };
  });
  const siloNullifier = await cases(3, async () => {
    const contract = address();
    const innerNullifier = fr();
    return { contract: hex(contract), innerNullifier: hex(innerNullifier), output: hex(await Hash.siloNullifier(contract, innerNullifier)) };
  });
  const computeNoteHashNonce = [];
  for (const noteHashIndex of [0, 1, 63, 12345]) {
    const nullifierZero = fr();
    computeNoteHashNonce.push({ nullifierZero: hex(nullifierZero), noteHashIndex, output: hex(await Hash.computeNoteHashNonce(nullifierZero, noteHashIndex)) });
  }
  const computeUniqueNoteHash = await cases(3, async () => {
    const noteNonce = fr();
    const siloedNoteHash = fr();
    return { noteNonce: hex(noteNonce), siloedNoteHash: hex(siloedNoteHash), output: hex(await Hash.computeUniqueNoteHash(noteNonce, siloedNoteHash)) };
  });
  const computeSecretHash = [];
  for (const secret of [Fr.ZERO, new Fr(1n), fr(), fr()]) {
    computeSecretHash.push({ secret: hex(secret), output: hex(await Hash.computeSecretHash(secret)) });
  }
  const computeVarArgsHash = [];
  for (const count of [0, 1, 2, 3, 4, 7, 16]) {
    const args = Array.from({ length: count }, fr);
    computeVarArgsHash.push({ args: args.map(hex), output: hex(await Hash.computeVarArgsHash(args)) });
  }
  const computeCalldataHash = [];
  for (const count of [0, 1, 5]) {
    const calldata = Array.from({ length: count }, fr);
    computeCalldataHash.push({ calldata: calldata.map(hex), output: hex(await Hash.computeCalldataHash(calldata)) });
  }
  const computePublicDataTreeLeafSlot = await cases(3, async () => {
    const contractAddress = address();
    const storageSlot = fr();
    return { contractAddress: hex(contractAddress), storageSlot: hex(storageSlot), output: hex(await Hash.computePublicDataTreeLeafSlot(contractAddress, storageSlot)) };
  });
  const deriveStorageSlotInMap = [];
  for (const mapSlot of [new Fr(1n), new Fr(5n), fr()]) {
    const key = address();
    deriveStorageSlotInMap.push({ mapSlot: hex(mapSlot), key: hex(key), output: hex(await Hash.deriveStorageSlotInMap(mapSlot, key)) });
  }
  const computeProtocolNullifier = await cases(2, async () => {
    const txRequestHash = fr();
    return { txRequestHash: hex(txRequestHash), output: hex(await Hash.computeProtocolNullifier(txRequestHash)) };
  });
  const computeSiloedPrivateLogFirstField = await cases(2, async () => {
    const contract = address();
    const field = fr();
    return { contract: hex(contract), field: hex(field), output: hex(await Hash.computeSiloedPrivateLogFirstField(contract, field)) };
  });

  const l1ToL2Messages = [];
  for (const [chainId, version, index] of [[1, 1, 0n], [31337, 4, 17n], [11155111, 0xdeadbeef, (1n << 36n) - 1n]]) {
    const message = new L1ToL2Message(new L1Actor(ethAddress(), chainId), new L2Actor(address(), version), fr(), fr(), new Fr(index));
    const messageHash = await message.hash();
    const secret = fr();
    const contract = message.recipient.recipient;
    l1ToL2Messages.push({
      senderEthAddress: hex(message.sender.sender.toField()),
      chainId,
      recipient: hex(message.recipient.recipient),
      rollupVersion: version,
      content: hex(message.content),
      secretHash: hex(message.secretHash),
      index: hex(message.index),
      hashPreimageFields: message.toFields().map(hex),
      messageHash: hex(messageHash),
      nullifier: {
        contract: hex(contract),
        secret: hex(secret),
        output: hex(await Hash.computeL1ToL2MessageNullifier(contract, messageHash, secret)),
      },
    });
  }

  const computeL2ToL1MessageHash = [];
  for (const [chainId, rollupVersion] of [[1n, 1n], [31337n, 4n], [11155111n, 0xdeadbeefn]]) {
    const args = { l2Sender: address(), l1Recipient: ethAddress(), content: fr(), rollupVersion: new Fr(rollupVersion), chainId: new Fr(chainId) };
    const preimage = serializeToBuffer([args.l2Sender, args.rollupVersion, args.l1Recipient, args.chainId, args.content]);
    const output = Hash.computeL2ToL1MessageHash(args);
    check(output.equals(sha256ToField([preimage])), 'L2->L1 hash preimage layout');
    computeL2ToL1MessageHash.push({
      l2Sender: hex(args.l2Sender),
      l1Recipient: bytesHex(args.l1Recipient.toBuffer()),
      content: hex(args.content),
      rollupVersion: hex(args.rollupVersion),
      chainId: hex(args.chainId),
      preimage: bytesHex(preimage),
      output: hex(output),
    });
  }

  const inHash = [];
  for (const count of [0, 1, 3]) {
    const messages = Array.from({ length: count }, fr);
    inHash.push({ l1ToL2Messages: messages.map(hex), output: hex(computeInHashFromL1ToL2Messages(messages)) });
  }
  const txOutHash = [];
  for (const count of [0, 1, 2, 3]) {
    const messages = Array.from({ length: count }, fr);
    txOutHash.push({ l2ToL1MessageHashes: messages.map(hex), output: hex(computeTxOutHash(messages)) });
  }
  const blockOutMessages = [[fr()], [], [fr(), fr(), fr()]];
  const blockOutHash = { l2ToL1MessageHashesPerTx: blockOutMessages.map((m) => m.map(hex)), output: hex(computeBlockOutHash(blockOutMessages)) };

  return {
    generator: GENERATOR_LABEL,
    notes: {
      functions: 'All from @aztec/stdlib/hash unless noted; argument names and order are exactly those of the 4.1.2 ' +
        'signatures. Every poseidon2HashWithSeparator(inputs, sep) == poseidon2Hash([sep, ...inputs]).',
      siloNoteHash: 'siloNoteHash(contract, noteHash) = poseidon2HashWithSeparator([contract, noteHash], DomainSeparator.SILOED_NOTE_HASH)',
      siloNullifier: 'siloNullifier(contract, innerNullifier) = poseidon2HashWithSeparator([contract, innerNullifier], DomainSeparator.SILOED_NULLIFIER)',
      computeNoteHashNonce: 'computeNoteHashNonce(nullifierZero, noteHashIndex:number) = poseidon2HashWithSeparator([nullifierZero, noteHashIndex], DomainSeparator.NOTE_HASH_NONCE)',
      computeUniqueNoteHash: 'computeUniqueNoteHash(noteNonce, siloedNoteHash) = poseidon2HashWithSeparator([noteNonce, siloedNoteHash], DomainSeparator.UNIQUE_NOTE_HASH)',
      computeSecretHash: 'computeSecretHash(secret) = poseidon2HashWithSeparator([secret], DomainSeparator.SECRET_HASH)',
      computeVarArgsHash: 'computeVarArgsHash(args) = 0 if args is empty, else poseidon2HashWithSeparator(args, DomainSeparator.FUNCTION_ARGS)',
      computeCalldataHash: 'computeCalldataHash(calldata) = poseidon2HashWithSeparator(calldata, DomainSeparator.PUBLIC_CALLDATA) (no empty special case)',
      computePublicDataTreeLeafSlot: 'computePublicDataTreeLeafSlot(contractAddress, storageSlot) = poseidon2HashWithSeparator([contractAddress, storageSlot], DomainSeparator.PUBLIC_LEAF_SLOT)',
      deriveStorageSlotInMap: 'deriveStorageSlotInMap(mapSlot, key) = poseidon2HashWithSeparator([mapSlot, key.toField()], DomainSeparator.PUBLIC_STORAGE_MAP_SLOT)',
      computeProtocolNullifier: 'computeProtocolNullifier(txRequestHash) = siloNullifier(NULL_MSG_SENDER_CONTRACT_ADDRESS, txRequestHash)',
      computeSiloedPrivateLogFirstField: 'computeSiloedPrivateLogFirstField(contract, field) = poseidon2HashWithSeparator([contract, field], DomainSeparator.PRIVATE_LOG_FIRST_FIELD)',
      l1ToL2Messages: 'There is no computeL1ToL2MessageHash in 4.1.2: the hash is L1ToL2Message.hash() (@aztec/stdlib/messaging) ' +
        '= sha256ToField(toFields()) over the 7 fields [sender eth address as field, chainId, recipient, rollupVersion, ' +
        'content, secretHash, index] (224 bytes, listed in hashPreimageFields). nullifier = computeL1ToL2MessageNullifier(contract, messageHash, secret) ' +
        '= siloNullifier(contract, poseidon2HashWithSeparator([messageHash, secret], DomainSeparator.MESSAGE_NULLIFIER)).',
      computeL2ToL1MessageHash: 'computeL2ToL1MessageHash({l2Sender, l1Recipient, content, rollupVersion, chainId}) = ' +
        'sha256ToField([l2Sender, rollupVersion, l1Recipient, chainId, content]); the EthAddress serializes to 20 bytes, ' +
        'so the preimage is 32+32+20+32+32 = 148 bytes (given in `preimage`).',
      inHash: 'computeInHashFromL1ToL2Messages(messages): pad with zeros to NUMBER_OF_L1_L2_MESSAGES_PER_ROLLUP (1024), ' +
        'then balanced SHA-256 tree (sha256ToField-style truncation at each node) root.',
      txOutHash: 'computeTxOutHash(messageHashes): 0 when empty, else unbalanced SHA-256 tree root (foundation/trees computeUnbalancedShaRoot).',
      blockOutHash: 'computeBlockOutHash(messagesPerTx): wonky SHA-256 tree over each tx out hash.',
    },
    siloNoteHash,
    siloNullifier,
    computeNoteHashNonce,
    computeUniqueNoteHash,
    computeSecretHash,
    computeVarArgsHash,
    computeCalldataHash,
    computePublicDataTreeLeafSlot,
    deriveStorageSlotInMap,
    computeProtocolNullifier,
    computeSiloedPrivateLogFirstField,
    l1ToL2Messages,
    computeL2ToL1MessageHash,
    inHash,
    txOutHash,
    blockOutHash,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Keys

async function keyVectors() {
  const drbg = new Drbg('obsidian/keys');
  const secretKeys = [new Fr(1n), new Fr(2n), new Fr(FR_MODULUS - 1n), ...Array.from({ length: 3 }, () => new Fr(drbg.frBigInt()))];
  const cases = [];
  for (const secretKey of secretKeys) {
    const derived = await Keys.deriveKeys(secretKey);
    const { publicKeys } = derived;
    const publicKeysHash = await publicKeys.hash();
    const partialAddress = new Fr(drbg.frBigInt());
    const preaddress = await Keys.computePreaddress(publicKeysHash, partialAddress);
    const address = await Keys.computeAddress(publicKeys, partialAddress);
    const addressSecret = await Keys.computeAddressSecret(preaddress, derived.masterIncomingViewingSecretKey);
    const addressPoint = await Grumpkin.mul(Grumpkin.generator, addressSecret);
    check(addressPoint.x.equals(address.toField()), 'addressSecret * G has x == address');
    check(addressPoint.y.toBigInt() <= (FR_MODULUS - 1n) / 2n, 'address point y is the "positive" root');
    check(derived.masterNullifierHidingKey.equals(sha512ToGrumpkinScalar([secretKey, Constants.DomainSeparator.NHK_M])), 'nhk derivation');
    const sha512Preimage = serializeToBuffer([secretKey, Constants.DomainSeparator.NHK_M]);
    check(sha512Preimage.length === 36, 'sha512 preimage is 32-byte key + 4-byte separator');
    const app = AztecAddress.fromBigInt(drbg.frBigInt());
    cases.push({
      secretKey: hex(secretKey),
      masterNullifierHidingKey: hex(derived.masterNullifierHidingKey),
      masterIncomingViewingSecretKey: hex(derived.masterIncomingViewingSecretKey),
      masterOutgoingViewingSecretKey: hex(derived.masterOutgoingViewingSecretKey),
      masterTaggingSecretKey: hex(derived.masterTaggingSecretKey),
      masterNullifierPublicKey: point(publicKeys.masterNullifierPublicKey),
      masterIncomingViewingPublicKey: point(publicKeys.masterIncomingViewingPublicKey),
      masterOutgoingViewingPublicKey: point(publicKeys.masterOutgoingViewingPublicKey),
      masterTaggingPublicKey: point(publicKeys.masterTaggingPublicKey),
      publicKeysHash: hex(publicKeysHash),
      partialAddress: hex(partialAddress),
      preaddress: hex(preaddress),
      address: hex(address),
      addressSecret: hex(addressSecret),
      addressPoint: point(addressPoint),
      signingKey: hex(Keys.deriveSigningKey(secretKey)),
      app: hex(app),
      appNullifierHidingKey: hex(await Keys.computeAppNullifierHidingKey(derived.masterNullifierHidingKey, app)),
      ovskApp: hex(await Keys.computeOvskApp(derived.masterOutgoingViewingSecretKey, app)),
    });
  }
  const defaultKeys = Keys.PublicKeys.default();
  const emptyKeys = new Keys.PublicKeys(Point.ZERO, Point.ZERO, Point.ZERO, Point.ZERO);
  return {
    generator: GENERATOR_LABEL,
    notes: {
      masterSecretKeys: 'deriveKeys(secretKey) (@aztec/stdlib/keys): each master secret key is a Grumpkin scalar (BN254 Fq) = ' +
        'SHA-512(secretKey as 32 bytes BE || separator as 4 bytes BE uint32) read as a 512-bit big-endian integer mod Fq. ' +
        'Separators: masterNullifierHidingKey DomainSeparator.NHK_M, masterIncomingViewingSecretKey IVSK_M, ' +
        'masterOutgoingViewingSecretKey OVSK_M, masterTaggingSecretKey TSK_M.',
      masterPublicKeys: 'each master public key = Grumpkin.mul(G, matching master secret key).',
      publicKeysHash: 'PublicKeys.hash() = poseidon2HashWithSeparator([npk, ivpk, ovpk, tpk], DomainSeparator.PUBLIC_KEYS_HASH) ' +
        'where each point contributes 3 fields [x, y, isInfinite] (13 sponge inputs with the separator); ' +
        '0 when all four keys are the zero point (emptyPublicKeysHash).',
      partialAddress: 'arbitrary (seeded) field, not derived from a contract instance.',
      preaddress: 'computePreaddress(publicKeysHash, partialAddress) = poseidon2HashWithSeparator([publicKeysHash, partialAddress], DomainSeparator.CONTRACT_ADDRESS_V1)',
      address: 'computeAddress(publicKeys, partialAddress) = x coordinate of (preaddress * G + ivpk_m); preaddress used as an Fq scalar.',
      addressSecret: 'computeAddressSecret(preaddress, ivsk) = ivsk + preaddress (mod Fq), negated (Fq - s) if (s*G).y > (Fr-1)/2; ' +
        'addressPoint = addressSecret * G has x == address and the "positive" y.',
      signingKey: 'deriveSigningKey(secretKey) (same derivation as the ivsk in 4.1.2).',
      appNullifierHidingKey: 'computeAppNullifierHidingKey(nhk_m, app) = poseidon2HashWithSeparator([nhk_m.hi, nhk_m.lo, app], DomainSeparator.NHK_M) ' +
        'where hi/lo are the upper/lower 128 bits of the Fq value.',
      ovskApp: 'computeOvskApp(ovsk_m, app) = poseidon2HashWithSeparator([ovsk_m.hi, ovsk_m.lo, app], DomainSeparator.OVSK_M) re-read as an Fq.',
    },
    cases,
    emptyPublicKeysHash: hex(await emptyKeys.hash()),
    defaultPublicKeys: {
      masterNullifierPublicKey: point(defaultKeys.masterNullifierPublicKey),
      masterIncomingViewingPublicKey: point(defaultKeys.masterIncomingViewingPublicKey),
      masterOutgoingViewingPublicKey: point(defaultKeys.masterOutgoingViewingPublicKey),
      masterTaggingPublicKey: point(defaultKeys.masterTaggingPublicKey),
      hash: hex(await defaultKeys.hash()),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Constants

async function constantVectors(worldStateSizes) {
  const numbers = {};
  const bigints = {};
  for (const name of Object.keys(Constants).sort()) {
    const value = Constants[name];
    if (typeof value === 'number') {
      numbers[name] = value;
    } else if (typeof value === 'bigint') {
      bigints[name] = hex(value);
    } else if (value instanceof Fr) {
      bigints[name] = hex(value);
    }
  }
  const domainSeparators = {};
  for (const [name, value] of Object.entries(Constants.DomainSeparator)) {
    if (typeof value === 'number') {
      domainSeparators[name] = value;
    }
  }
  return {
    generator: GENERATOR_LABEL,
    notes: {
      domainSeparators: 'enum DomainSeparator of @aztec/constants 4.1.2 (there is no GeneratorIndex enum in 4.1.2); u32 values.',
      numbers: 'every exported number constant of @aztec/constants 4.1.2 (constants.gen.ts + constants.ts), by name. ' +
        'Includes DEFAULT_* gas limits from constants.ts, and INITIAL_L2_BLOCK_NUM / INITIAL_CHECKPOINT_NUMBER.',
      bigints: 'every exported bigint / Fr constant of @aztec/constants 4.1.2, as 0x + 64 hex digits ' +
        '(GENESIS_BLOCK_HEADER_HASH is exported as an Fr by constants.ts).',
      worldStateInitialSizes: 'INITIAL_NULLIFIER_TREE_SIZE and INITIAL_PUBLIC_DATA_TREE_SIZE from ' +
        '@aztec/world-state/dest/world-state-db/merkle_tree_db.js (2 * MAX_NULLIFIERS_PER_TX and ' +
        '2 * MAX_TOTAL_PUBLIC_DATA_UPDATE_REQUESTS_PER_TX); these are the prefill sizes handed to the native world state.',
      genesisCheckpointHeaderHash: 'GENESIS_CHECKPOINT_HEADER_HASH from @aztec/stdlib/block = CheckpointHeader.empty().hash().',
    },
    domainSeparators,
    worldStateInitialSizes: worldStateSizes,
    genesisCheckpointHeaderHash: hex(await GENESIS_CHECKPOINT_HEADER_HASH),
    numbers,
    bigints,
  };
}

export async function generateCryptoVectors(syncApi, worldStateSizes) {
  return {
    'poseidon2.json': await poseidon2Vectors(syncApi),
    'sha.json': shaVectors(),
    'grumpkin.json': await grumpkinVectors(syncApi),
    'protocol-hashes.json': await protocolHashVectors(),
    'keys.json': await keyVectors(),
    'constants.json': await constantVectors(worldStateSizes),
  };
}
