// Vectors for merkle/: append-only trees, the five genesis world-state trees, nullifier batch insertion and public
// data tree updates, all with the TypeScript trees of @aztec/merkle-tree 4.1.2 over an ephemeral LMDB kv-store.
// (The native world state of @aztec/world-state needs a newer glibc than this machine has; see README.md.)
// Only imported after bb.js has been pinned to its WASM backend (see ../bb-wasm.mjs).
import * as Constants from '@aztec/constants';
import { poseidon2Hash } from '@aztec/foundation/crypto/poseidon';
import { Fr } from '@aztec/foundation/curves/bn254';
import { MerkleTreeCalculator } from '@aztec/foundation/trees';
import { openTmpStore } from '@aztec/kv-store/lmdb';
import { INITIAL_LEAF, Poseidon, StandardIndexedTree, StandardIndexedTreeWithAppend, StandardTree } from '@aztec/merkle-tree';
import { AztecAddress } from '@aztec/stdlib/aztec-address';
import { computePublicDataTreeLeafSlot } from '@aztec/stdlib/hash';
import { AppendOnlyTreeSnapshot, NullifierLeaf, NullifierLeafPreimage, PublicDataTreeLeaf, PublicDataTreeLeafPreimage } from '@aztec/stdlib/trees';
import { BlockHeader, PartialStateReference, StateReference } from '@aztec/stdlib/tx';

import { Drbg } from './drbg.mjs';
import { GENERATOR_LABEL, check, hex } from './format.mjs';

const hasher = new Poseidon();
const bufferDeserializer = { fromBuffer: (buffer) => buffer };
let treeCounter = 0;

function uniqueName(prefix) {
  treeCounter += 1;
  return `${prefix}_${treeCounter}`;
}

function newAppendOnlyTree(height) {
  return new StandardTree(openTmpStore(true), hasher, uniqueName('append'), height, 0n, bufferDeserializer);
}

async function newIndexedTree(kind, treeClass = StandardIndexedTree) {
  const layout = kind === 'nullifier'
    ? { height: Constants.NULLIFIER_TREE_HEIGHT, prefill: 2 * Constants.MAX_NULLIFIERS_PER_TX, preimage: NullifierLeafPreimage, leaf: NullifierLeaf }
    : { height: Constants.PUBLIC_DATA_TREE_HEIGHT, prefill: 2 * Constants.MAX_TOTAL_PUBLIC_DATA_UPDATE_REQUESTS_PER_TX, preimage: PublicDataTreeLeafPreimage, leaf: PublicDataTreeLeaf };
  const tree = new treeClass(openTmpStore(true), hasher, uniqueName(kind), layout.height, 0n, layout.preimage, layout.leaf);
  await tree.init(layout.prefill);
  return tree;
}

async function siblingPath(tree, index, includeUncommitted = false) {
  return (await tree.getSiblingPath(BigInt(index), includeUncommitted)).toFields().map(hex);
}

function root(tree, includeUncommitted = false) {
  return hex(tree.getRoot(includeUncommitted));
}

function nullifierPreimage(preimage) {
  return { value: hex(preimage.leaf.nullifier), nextValue: hex(preimage.nextKey), nextIndex: hex(preimage.nextIndex) };
}

function publicDataPreimage(preimage) {
  return { slot: hex(preimage.leaf.slot), value: hex(preimage.leaf.value), nextSlot: hex(preimage.nextKey), nextIndex: hex(preimage.nextIndex) };
}

// ---------------------------------------------------------------------------------------------------------------
// merkle.json

async function emptyRoots() {
  const roots = [{ height: 0, root: hex(INITIAL_LEAF) }];
  for (let height = 1; height <= 42; height++) {
    const tree = newAppendOnlyTree(height);
    const calculated = await (await MerkleTreeCalculator.create(height)).computeTreeRoot([]);
    check(hex(calculated) === root(tree), `empty root of height ${height}`);
    roots.push({ height, root: root(tree) });
  }
  return roots;
}

async function appendCases() {
  const drbg = new Drbg('obsidian/merkle-append');
  const specs = [
    [1, 1], [1, 2], [2, 1], [2, 3], [2, 4], [3, 5], [3, 8], [4, 16], [10, 100], [20, 7], [30, 1], [30, 2],
    [32, 2], [36, 16], [40, 3], [42, 1], [42, 2], [42, 3], [42, 64],
  ];
  const cases = [];
  for (const [height, count] of specs) {
    const leaves = Array.from({ length: count }, () => new Fr(drbg.frBigInt()));
    if (height === 3 && count === 5) {
      leaves[2] = Fr.ZERO; // a zero leaf inside the range hashes like an empty one
    }
    const tree = newAppendOnlyTree(height);
    tree.appendLeaves(leaves.map((leaf) => leaf.toBuffer()));
    await tree.commit();
    const calculated = await (await MerkleTreeCalculator.create(height)).computeTreeRoot(leaves.map((leaf) => leaf.toBuffer()));
    check(hex(calculated) === root(tree), `append root height ${height} count ${count}`);
    const capacity = 1n << BigInt(height);
    const indexes = [...new Set([0, Math.floor(count / 2), count - 1, count])].filter((i) => BigInt(i) < capacity);
    const paths = [];
    for (const index of indexes) {
      paths.push({ index, siblingPath: await siblingPath(tree, index) });
    }
    cases.push({ height, leaves: leaves.map(hex), size: count, root: root(tree), siblingPaths: paths });
  }
  return cases;
}

async function incrementalAppendCases() {
  const drbg = new Drbg('obsidian/merkle-incremental');
  const cases = [];
  for (const [height, batches] of [[4, [3, 5, 1]], [42, [1, 1, 2, 64]], [36, [16, 16]]]) {
    const tree = newAppendOnlyTree(height);
    const steps = [];
    const all = [];
    for (const count of batches) {
      const leaves = Array.from({ length: count }, () => new Fr(drbg.frBigInt()));
      all.push(...leaves);
      tree.appendLeaves(leaves.map((leaf) => leaf.toBuffer()));
      await tree.commit();
      steps.push({ leaves: leaves.map(hex), sizeAfter: Number(tree.getNumLeaves(false)), rootAfter: root(tree) });
    }
    const oneShot = newAppendOnlyTree(height);
    oneShot.appendLeaves(all.map((leaf) => leaf.toBuffer()));
    await oneShot.commit();
    check(root(oneShot) === steps[steps.length - 1].rootAfter, 'incremental append == one-shot append');
    cases.push({ height, batches: steps });
  }
  return cases;
}

async function genesisState() {
  const nullifierTree = await newIndexedTree('nullifier');
  const publicDataTree = await newIndexedTree('public_data');
  const noteHashTree = new StandardTree(openTmpStore(true), hasher, uniqueName('note_hash'), Constants.NOTE_HASH_TREE_HEIGHT, 0n, bufferDeserializer);
  const messageTree = new StandardTree(openTmpStore(true), hasher, uniqueName('l1_to_l2'), Constants.L1_TO_L2_MSG_TREE_HEIGHT, 0n, bufferDeserializer);
  const snapshot = (tree) => new AppendOnlyTreeSnapshot(Fr.fromBuffer(tree.getRoot(false)), Number(tree.getNumLeaves(false)));
  const state = new StateReference(snapshot(messageTree), new PartialStateReference(snapshot(noteHashTree), snapshot(nullifierTree), snapshot(publicDataTree)));
  const header = BlockHeader.empty({ state });
  const headerHash = (await header.hash()).toFr();
  const archiveTree = new StandardTree(openTmpStore(true), hasher, uniqueName('archive'), Constants.ARCHIVE_HEIGHT, 0n, bufferDeserializer);
  archiveTree.appendLeaves([headerHash.toBuffer()]);
  await archiveTree.commit();
  check(headerHash.equals(Constants.GENESIS_BLOCK_HEADER_HASH), 'genesis header hash == GENESIS_BLOCK_HEADER_HASH');
  check(root(archiveTree) === hex(Constants.GENESIS_ARCHIVE_ROOT), 'genesis archive root == GENESIS_ARCHIVE_ROOT');
  return { nullifierTree, publicDataTree, noteHashTree, messageTree, archiveTree, header, headerHash };
}

async function indexedLeafSamples(tree, indexes, describe) {
  const samples = [];
  for (const index of indexes) {
    const preimage = tree.getLatestLeafPreimageCopy(BigInt(index), false);
    const leafHash = hex(hasher.hashInputs(preimage.toHashInputs()));
    check(leafHash === hex(await poseidon2Hash(preimage.toHashInputs().map((b) => Fr.fromBuffer(b)))), 'indexed leaf hash == poseidon2Hash(preimage fields)');
    samples.push({ index, preimage: describe(preimage), leafHash, siblingPath: await siblingPath(tree, index) });
  }
  return samples;
}

async function genesisVectors() {
  const genesis = await genesisState();
  const headerFieldNames = [
    'lastArchive.root', 'lastArchive.nextAvailableLeafIndex',
    'state.l1ToL2MessageTree.root', 'state.l1ToL2MessageTree.nextAvailableLeafIndex',
    'state.partial.noteHashTree.root', 'state.partial.noteHashTree.nextAvailableLeafIndex',
    'state.partial.nullifierTree.root', 'state.partial.nullifierTree.nextAvailableLeafIndex',
    'state.partial.publicDataTree.root', 'state.partial.publicDataTree.nextAvailableLeafIndex',
    'spongeBlobHash',
    'globalVariables.chainId', 'globalVariables.version', 'globalVariables.blockNumber', 'globalVariables.slotNumber',
    'globalVariables.timestamp', 'globalVariables.coinbase', 'globalVariables.feeRecipient',
    'globalVariables.gasFees.feePerDaGas', 'globalVariables.gasFees.feePerL2Gas',
    'totalFees', 'totalManaUsed',
  ];
  const fields = genesis.header.toFields();
  check(fields.length === headerFieldNames.length, 'header field count');
  const nullifierPrefill = Number(genesis.nullifierTree.getNumLeaves(false));
  const publicDataPrefill = Number(genesis.publicDataTree.getNumLeaves(false));
  return {
    noteHashTree: { height: Constants.NOTE_HASH_TREE_HEIGHT, size: 0, root: root(genesis.noteHashTree) },
    nullifierTree: {
      height: Constants.NULLIFIER_TREE_HEIGHT,
      size: nullifierPrefill,
      root: root(genesis.nullifierTree),
      initialLeaves: 'leaf i (0 <= i < size) = {value: i, nextValue: i+1, nextIndex: i+1}, except the last ' +
        '{value: size-1, nextValue: 0, nextIndex: 0}; every leaf (including leaf 0) is hashed.',
      sampleLeaves: await indexedLeafSamples(genesis.nullifierTree, [0, 1, nullifierPrefill - 2, nullifierPrefill - 1], nullifierPreimage),
    },
    publicDataTree: {
      height: Constants.PUBLIC_DATA_TREE_HEIGHT,
      size: publicDataPrefill,
      root: root(genesis.publicDataTree),
      initialLeaves: 'leaf i (0 <= i < size) = {slot: i, value: 0, nextSlot: i+1, nextIndex: i+1}, except the last ' +
        '{slot: size-1, value: 0, nextSlot: 0, nextIndex: 0}; no prefilled public data (the default genesis).',
      sampleLeaves: await indexedLeafSamples(genesis.publicDataTree, [0, 1, publicDataPrefill - 2, publicDataPrefill - 1], publicDataPreimage),
    },
    l1ToL2MessageTree: { height: Constants.L1_TO_L2_MSG_TREE_HEIGHT, size: 0, root: root(genesis.messageTree) },
    genesisBlockHeader: {
      description: 'BlockHeader.empty({state}) where state holds the four genesis tree snapshots (root, size) above; ' +
        'lastArchive = (0, 0) and every other field 0. hash = poseidon2HashWithSeparator(22 fields, DomainSeparator.BLOCK_HEADER_HASH).',
      fields: fields.map((value, i) => ({ name: headerFieldNames[i], value: hex(value) })),
      hash: hex(genesis.headerHash),
      matchesGENESIS_BLOCK_HEADER_HASH: true,
    },
    archiveTree: {
      height: Constants.ARCHIVE_HEIGHT,
      size: 1,
      leaves: [hex(genesis.headerHash)],
      root: root(genesis.archiveTree),
      matchesGENESIS_ARCHIVE_ROOT: true,
      siblingPathOfLeaf0: await siblingPath(genesis.archiveTree, 0),
    },
  };
}

async function nullifierLeafHashes() {
  const drbg = new Drbg('obsidian/nullifier-leaf-hash');
  const preimages = [
    [0n, 0n, 0n],
    [0n, 1n, 1n],
    [127n, 0n, 0n],
    ...Array.from({ length: 4 }, () => [drbg.frBigInt(), drbg.frBigInt(), BigInt(drbg.bytes(4).readUInt32BE())]),
  ];
  const cases = [];
  for (const [value, nextValue, nextIndex] of preimages) {
    const preimage = new NullifierLeafPreimage(new NullifierLeaf(new Fr(value)), new Fr(nextValue), nextIndex);
    const leafHash = hex(hasher.hashInputs(preimage.toHashInputs()));
    check(leafHash === hex(await poseidon2Hash([value, nextValue, nextIndex].map((v) => new Fr(v)))), 'nullifier leaf hash');
    cases.push({ preimage: nullifierPreimage(preimage), leafHash });
  }
  return cases;
}

async function merkleJson() {
  return {
    generator: GENERATOR_LABEL,
    notes: {
      trees: '@aztec/merkle-tree 4.1.2 StandardTree / StandardIndexedTree over @aztec/kv-store/lmdb openTmpStore(true); ' +
        'hasher = @aztec/merkle-tree Poseidon: node = poseidon2Hash([left, right]); empty leaf = 0.',
      emptyRoots: 'root of an empty tree of each height: zero-hash chain z0 = 0, z(h+1) = poseidon2Hash([zh, zh]). ' +
        'Height 0 is INITIAL_LEAF (0), given for completeness. Cross-checked with foundation MerkleTreeCalculator.',
      append: 'leaves appended from index 0 into an empty tree; siblingPaths list the sibling of the leaf first and ' +
        'the child of the root last (height entries); the index == size entry is the path of the next empty slot. ' +
        'Roots cross-checked with foundation MerkleTreeCalculator.',
      incrementalAppend: 'several appendLeaves calls on the same tree; rootAfter after each batch.',
      genesis: 'the five world-state trees at genesis as the 4.1.2 native world state builds them (prefill sizes ' +
        '2*MAX_NULLIFIERS_PER_TX and 2*MAX_TOTAL_PUBLIC_DATA_UPDATE_REQUESTS_PER_TX), rebuilt with the TS trees. ' +
        'The generator asserts the header hash equals GENESIS_BLOCK_HEADER_HASH and the archive root equals ' +
        'GENESIS_ARCHIVE_ROOT, so these values are confirmed against the constants.',
      nullifierLeafHashes: 'nullifier leaf hash = poseidon2Hash([value, nextValue, nextIndex]) for a leaf that is ' +
        'present; an empty slot of the tree is 0, not hash(0,0,0).',
    },
    emptyRoots: await emptyRoots(),
    append: await appendCases(),
    incrementalAppend: await incrementalAppendCases(),
    genesis: await genesisVectors(),
    nullifierLeafHashes: await nullifierLeafHashes(),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// nullifier-batch.json

async function batchInsertNullifiers(tree, nullifiers) {
  const padded = [...nullifiers];
  while (padded.length < Constants.MAX_NULLIFIERS_PER_TX) {
    padded.push(Fr.ZERO);
  }
  const rootBefore = root(tree);
  const sizeBefore = Number(tree.getNumLeaves(false));
  const result = await tree.batchInsert(padded.map((n) => n.toBuffer()), Constants.NULLIFIER_SUBTREE_HEIGHT);
  await tree.commit();
  const sortedNewLeaves = result.sortedNewLeaves.map((b) => hex(b));
  const lowLeavesWitnessData = result.lowLeavesWitnessData.map((witness, i) =>
    sortedNewLeaves[i] === hex(0n)
      ? null
      : { leafPreimage: nullifierPreimage(witness.leafPreimage), index: Number(witness.index), siblingPath: witness.siblingPath.toFields().map(hex) });
  const insertedLeaves = [];
  for (let i = 0; i < padded.length; i++) {
    if (!padded[i].isZero()) {
      const index = BigInt(sizeBefore + i);
      insertedLeaves.push({ index: Number(index), preimage: nullifierPreimage(tree.getLatestLeafPreimageCopy(index, false)) });
    }
  }
  return {
    nullifiers: nullifiers.map(hex),
    paddedLength: padded.length,
    rootBefore,
    sizeBefore,
    sortedNewLeaves,
    sortedNewLeavesIndexes: result.sortedNewLeavesIndexes,
    lowLeavesWitnessData,
    newSubtreeSiblingPath: result.newSubtreeSiblingPath.toFields().map(hex),
    insertedLeaves,
    rootAfter: root(tree),
    sizeAfter: Number(tree.getNumLeaves(false)),
  };
}

/** Second route: the package's original one-leaf-at-a-time insertion (kept by Aztec to test batchInsert). */
async function rootViaSequentialAppend(txs) {
  const tree = await newIndexedTree('nullifier', StandardIndexedTreeWithAppend);
  for (const nullifiers of txs) {
    const padded = [...nullifiers];
    while (padded.length < Constants.MAX_NULLIFIERS_PER_TX) {
      padded.push(Fr.ZERO);
    }
    tree.appendLeaves(padded.map((n) => n.toBuffer()));
    await tree.commit();
  }
  return root(tree);
}

async function nullifierBatchJson() {
  const drbg = new Drbg('obsidian/nullifier-batch');
  const fr = () => new Fr(drbg.frBigInt());
  const tx1 = [fr(), fr(), fr()];
  const scenarios = [
    { name: 'one nullifier', txs: [[fr()]] },
    { name: 'three nullifiers', txs: [[fr(), fr(), fr()]] },
    { name: 'sixty-four nullifiers (full subtree)', txs: [Array.from({ length: 64 }, fr)] },
    { name: 'small unsorted values whose low leaves are other members of the batch', txs: [[1000n, 200n, 5000n, 150n, 300n].map((v) => new Fr(v))] },
    { name: 'two consecutive txs; the second inserts successors of the first', txs: [tx1, tx1.slice(0, 2).map((n) => new Fr(n.toBigInt() + 1n))] },
  ];
  const cases = [];
  for (const scenario of scenarios) {
    const tree = await newIndexedTree('nullifier');
    const insertions = [];
    for (const nullifiers of scenario.txs) {
      insertions.push(await batchInsertNullifiers(tree, nullifiers));
    }
    check(insertions[insertions.length - 1].rootAfter === await rootViaSequentialAppend(scenario.txs), `batchInsert vs one-by-one: ${scenario.name}`);
    cases.push({ name: scenario.name, insertions });
  }

  const errors = [];
  for (const { name, nullifiers } of [
    { name: 'duplicate inside one batch', nullifiers: [new Fr(4242n), new Fr(4242n)] },
    { name: 'nullifier already in the tree (a genesis leaf value)', nullifiers: [new Fr(5n)] },
  ]) {
    const tree = await newIndexedTree('nullifier');
    const padded = [...nullifiers, ...Array(Constants.MAX_NULLIFIERS_PER_TX - nullifiers.length).fill(Fr.ZERO)];
    let message = null;
    try {
      await tree.batchInsert(padded.map((n) => n.toBuffer()), Constants.NULLIFIER_SUBTREE_HEIGHT);
    } catch (e) {
      message = e.message;
    }
    check(message !== null, `batchInsert must reject: ${name}`);
    errors.push({ name, nullifiers: nullifiers.map(hex), error: message });
  }

  return {
    generator: GENERATOR_LABEL,
    notes: {
      tree: 'genesis nullifier tree (height 42, 128 prefilled leaves, see merkle.json genesis), fresh for every case.',
      call: 'StandardIndexedTree.batchInsert(nullifiers padded with zeros to MAX_NULLIFIERS_PER_TX = 64, ' +
        'NULLIFIER_SUBTREE_HEIGHT = 6), then commit(); one call per tx, which is how 4.1.2 block building inserts a tx\'s nullifiers.',
      sortedNewLeaves: 'the 64 padded values sorted DESCENDING (zeros last); sortedNewLeavesIndexes[i] = position of ' +
        'sortedNewLeaves[i] in the padded input.',
      lowLeavesWitnessData: 'indexed like sortedNewLeaves (descending order, the order in which low leaves are updated). ' +
        'Each witness is taken against the tree as updated by the previous (larger) values of the same batch: ' +
        'leafPreimage = low leaf BEFORE its update, index = its leaf index, siblingPath = 42 entries, leaf level first. ' +
        'null = a zero (padding) value, for which batchInsert returns its shared empty witness ' +
        '(preimage {0,0,0}, index 0, 42 zero siblings).',
      newSubtreeSiblingPath: 'sibling path (42 - 6 = 36 entries, lowest first) of the 64-leaf subtree at sizeBefore, taken ' +
        'after all low-leaf updates and before the new leaves are appended.',
      insertion: 'new leaves land at sizeBefore + position in the ORIGINAL (padded) order, not the sorted order; a zero ' +
        'value leaves an empty slot (leaf hash 0). New leaf = {value, nextValue: low leaf\'s old nextValue, nextIndex: ' +
        'low leaf\'s old nextIndex}; the low leaf then points at the new one. insertedLeaves are the final committed preimages.',
      crossCheck: 'final roots are also re-derived with @aztec/merkle-tree StandardIndexedTreeWithAppend (one leaf at a time).',
      errors: 'batchInsert rejects duplicates inside a batch and values already present (nullifier leaves are not updatable).',
    },
    cases,
    errors,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// public-data.json

function publicDataWrite(slot, value) {
  return new PublicDataTreeLeaf(slot, value);
}

function appendedPreimage(tree, index) {
  const preimage = tree.getLatestLeafPreimageCopy(BigInt(index), false);
  return preimage === undefined || preimage.asLeaf().isEmpty() ? null : publicDataPreimage(preimage);
}

/** The package's own batchInsert with one write per call (subtree height 0). */
async function batchInsertWrite(tree, write) {
  const rootBefore = root(tree);
  const sizeBefore = Number(tree.getNumLeaves(false));
  const result = await tree.batchInsert([write.toBuffer()], 0);
  await tree.commit();
  const witness = result.lowLeavesWitnessData[0];
  return {
    slot: hex(write.slot),
    value: hex(write.value),
    rootBefore,
    sizeBefore,
    lowLeaf: { preimage: publicDataPreimage(witness.leafPreimage), index: Number(witness.index), siblingPath: witness.siblingPath.toFields().map(hex) },
    lowLeafAfter: publicDataPreimage(tree.getLatestLeafPreimageCopy(witness.index, false)),
    appendedLeaf: { index: sizeBefore, preimage: appendedPreimage(tree, sizeBefore) },
    rootAfter: root(tree),
    sizeAfter: Number(tree.getNumLeaves(false)),
  };
}

/**
 * Sequential insertion as the 4.1.2 native world state applies public data writes
 * (ContentAddressedIndexedTree::add_or_update_values_sequentially): an existing slot is updated in place and NOTHING
 * is appended. @aztec/merkle-tree 4.1.2 has no such method, so it is composed here from the package's own
 * StandardIndexedTree primitives (findIndexOfPreviousKey, getLatestLeafPreimageCopy, updateLeaf, getSiblingPath).
 */
async function sequentialInsertWrite(tree, write) {
  const rootBefore = root(tree);
  const sizeBefore = Number(tree.getNumLeaves(false));
  const key = write.slot.toBigInt();
  const low = tree.findIndexOfPreviousKey(key, true);
  const lowPreimage = tree.getLatestLeafPreimageCopy(low.index, true);
  const lowPath = await siblingPath(tree, low.index, true);
  let insertion = null;
  if (low.alreadyPresent) {
    const replaced = PublicDataTreeLeafPreimage.fromLeaf(lowPreimage.asLeaf().updateTo(write), lowPreimage.getNextKey(), lowPreimage.getNextIndex());
    tree.updateLeaf(replaced, low.index);
  } else {
    const newIndex = tree.getNumLeaves(true);
    tree.updateLeaf(PublicDataTreeLeafPreimage.fromLeaf(lowPreimage.asLeaf(), key, newIndex), low.index);
    const insertionPath = await siblingPath(tree, newIndex, true);
    const newPreimage = PublicDataTreeLeafPreimage.fromLeaf(write, lowPreimage.getNextKey(), lowPreimage.getNextIndex());
    tree.updateLeaf(newPreimage, newIndex);
    insertion = { index: Number(newIndex), preimage: publicDataPreimage(newPreimage), siblingPathBeforeInsertion: insertionPath };
  }
  await tree.commit();
  return {
    slot: hex(write.slot),
    value: hex(write.value),
    isUpdate: low.alreadyPresent,
    rootBefore,
    sizeBefore,
    lowLeaf: { preimage: publicDataPreimage(lowPreimage), index: Number(low.index), siblingPath: lowPath },
    lowLeafAfter: publicDataPreimage(tree.getLatestLeafPreimageCopy(low.index, false)),
    insertion,
    rootAfter: root(tree),
    sizeAfter: Number(tree.getNumLeaves(false)),
  };
}

async function publicDataJson() {
  const drbg = new Drbg('obsidian/public-data');
  const fr = () => new Fr(drbg.frBigInt());
  const contract = AztecAddress.fromBigInt(drbg.frBigInt());
  const slotA = await computePublicDataTreeLeafSlot(contract, new Fr(1n));
  const slotB = await computePublicDataTreeLeafSlot(contract, new Fr(2n));
  const slotC = await computePublicDataTreeLeafSlot(contract, fr());

  // Inserts first, updates last: the package's batchInsert and the native sequential insertion agree on every root.
  const insertsThenUpdates = [
    publicDataWrite(slotA, fr()),
    publicDataWrite(slotB, fr()),
    publicDataWrite(slotC, fr()),
    publicDataWrite(new Fr(500n), new Fr(7n)),
    publicDataWrite(slotA, fr()),
    publicDataWrite(new Fr(3n), new Fr(9n)),
    publicDataWrite(slotB, Fr.ZERO),
  ];
  // An insert after an update: here the two semantics diverge (batchInsert appended an empty leaf for the update).
  const interleaved = [
    publicDataWrite(slotA, fr()),
    publicDataWrite(slotA, fr()),
    publicDataWrite(slotB, fr()),
  ];

  const runBatch = async (writes) => {
    const tree = await newIndexedTree('public_data');
    const steps = [];
    for (const write of writes) {
      steps.push(await batchInsertWrite(tree, write));
    }
    return steps;
  };
  const runSequential = async (writes) => {
    const tree = await newIndexedTree('public_data');
    const steps = [];
    for (const write of writes) {
      steps.push(await sequentialInsertWrite(tree, write));
    }
    return steps;
  };

  const batchA = await runBatch(insertsThenUpdates);
  const sequentialA = await runSequential(insertsThenUpdates);
  batchA.forEach((step, i) => check(step.rootAfter === sequentialA[i].rootAfter, `insertsThenUpdates step ${i}: batchInsert root == sequential root`));
  const batchB = await runBatch(interleaved);
  const sequentialB = await runSequential(interleaved);
  check(batchB[2].rootAfter !== sequentialB[2].rootAfter, 'interleaved case is expected to diverge');

  const leafHashes = [];
  const hashDrbg = new Drbg('obsidian/public-data-leaf-hash');
  for (const [slot, value, nextSlot, nextIndex] of [
    [0n, 0n, 1n, 1n],
    [127n, 0n, 0n, 0n],
    [hashDrbg.frBigInt(), hashDrbg.frBigInt(), hashDrbg.frBigInt(), 200n],
    [hashDrbg.frBigInt(), 0n, 0n, 0n],
  ]) {
    const preimage = new PublicDataTreeLeafPreimage(new PublicDataTreeLeaf(new Fr(slot), new Fr(value)), new Fr(nextSlot), nextIndex);
    const leafHash = hex(await preimage.hash());
    check(leafHash === hex(hasher.hashInputs(preimage.toHashInputs())), 'public data leaf hash two routes');
    leafHashes.push({ preimage: publicDataPreimage(preimage), leafHash });
  }

  return {
    generator: GENERATOR_LABEL,
    notes: {
      tree: 'genesis public data tree (height 40, 128 prefilled leaves {slot i, value 0}, see merkle.json genesis), fresh per sequence.',
      slots: 'slots are leaf slots, i.e. computePublicDataTreeLeafSlot(contract, storageSlot) for the random ones; 500 and 3 are raw ' +
        'leaf slots (3 already exists at genesis, so writing it is an update of a prefilled leaf).',
      leafHash: 'public data leaf hash = poseidon2Hash([slot, value, nextSlot, nextIndex]) (PublicDataTreeLeafPreimage.hash()).',
      batchInsert: 'the package function: StandardIndexedTree.batchInsert([write], subtreeHeight 0) + commit per write. ' +
        'For an update it rewrites the existing leaf in place AND appends an empty (zero) leaf, so size grows by 1 ' +
        'while the root is as if nothing was appended. lowLeaf = witness before the update; appendedLeaf = preimage at sizeBefore (null if empty).',
      sequential: 'the semantics of the 4.1.2 native world state for public data writes (add_or_update_values_sequentially, ' +
        'used by sync_block and the AVM): update in place WITHOUT appending; insert = low leaf re-pointed, new leaf appended at size. ' +
        'Not available as a 4.1.2 TS function: composed from @aztec/merkle-tree StandardIndexedTree primitives (hashing and paths ' +
        'are the package\'s). insertion.siblingPathBeforeInsertion is the path of the new slot after the low-leaf update. ' +
        'The generator asserts every root of insertsThenUpdates is identical under both semantics.',
      divergence: 'interleaved (insert A, update A, insert B): batchInsert puts B at index 130, sequential at 129, so the roots differ ' +
        'from the third step on. A node that must match 4.1.2 world-state roots follows `sequential`.',
    },
    leafHashes,
    insertsThenUpdates: { batchInsert: batchA, sequential: sequentialA },
    interleaved: { batchInsert: batchB, sequential: sequentialB },
  };
}

export async function generateMerkleVectors() {
  return {
    'merkle.json': await merkleJson(),
    'nullifier-batch.json': await nullifierBatchJson(),
    'public-data.json': await publicDataJson(),
  };
}
