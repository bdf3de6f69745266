// Writes the reference vectors used by Obsidian's offline tests, computed by the real Aztec 4.1.2 npm packages.
// Usage: cd scripts/reference && npm ci && node gen-vectors.mjs
// Output: crypto/src/test/resources/vectors/*.json and merkle/src/test/resources/vectors/*.json (see README.md).
// Every value is recomputed on each run from fixed seeds, so a rerun must leave `git diff` empty.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { initBarretenbergWasm } from './bb-wasm.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repositoryRoot = join(here, '..', '..');
const cryptoOutput = join(repositoryRoot, 'crypto', 'src', 'test', 'resources', 'vectors');
const merkleOutput = join(repositoryRoot, 'merkle', 'src', 'test', 'resources', 'vectors');

// bb.js must be pinned to WASM before any @aztec module evaluates (some compute hashes at import time).
const { syncApi } = await initBarretenbergWasm();
const { writeJson } = await import('./lib/format.mjs');
const { generateCryptoVectors } = await import('./lib/crypto-vectors.mjs');
const { generateMerkleVectors } = await import('./lib/merkle-vectors.mjs');

// @aztec/world-state's entry point loads the native module (unusable here), so read its TS-only sizes file directly.
const worldStateDb = await import(pathToFileURL(join(here, 'node_modules', '@aztec', 'world-state', 'dest', 'world-state-db', 'merkle_tree_db.js')).href);
const worldStateSizes = {
  INITIAL_NULLIFIER_TREE_SIZE: worldStateDb.INITIAL_NULLIFIER_TREE_SIZE,
  INITIAL_PUBLIC_DATA_TREE_SIZE: worldStateDb.INITIAL_PUBLIC_DATA_TREE_SIZE,
};

for (const [name, content] of Object.entries(await generateCryptoVectors(syncApi, worldStateSizes))) {
  writeJson(join(cryptoOutput, name), content);
}
for (const [name, content] of Object.entries(await generateMerkleVectors())) {
  writeJson(join(merkleOutput, name), content);
}
// bb.js keeps handles open; the work is done.
process.exit(0);
