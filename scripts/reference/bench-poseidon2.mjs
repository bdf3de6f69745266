// Measures Poseidon2 hash throughput of @aztec/foundation 4.1.2 (bb.js WASM backend) for two-element inputs,
// i.e. the cost of one Merkle node. One thread, after a warm-up, median of several timed rounds.
// Usage: cd scripts/reference && npm ci && node bench-poseidon2.mjs
import { initBarretenbergWasm } from './bb-wasm.mjs';

const WARMUP_HASHES = 20_000;
const ROUND_HASHES = 50_000;
const ROUNDS = 5;

await initBarretenbergWasm();
const { poseidon2Hash } = await import('@aztec/foundation/crypto/poseidon');
const sync = await import('@aztec/foundation/crypto/sync');
const { Fr } = await import('@aztec/foundation/curves/bn254');

const left = new Fr(0x1234567890abcdefn);
const right = new Fr(0xfedcba0987654321n);

async function measureAsync(count) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    await poseidon2Hash([left, right]);
  }
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function measureSync(count) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    sync.poseidon2Hash([left, right]);
  }
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function benchmark(name, measure) {
  await measure(WARMUP_HASHES);
  const rates = [];
  for (let round = 0; round < ROUNDS; round++) {
    const seconds = await measure(ROUND_HASHES);
    rates.push(ROUND_HASHES / seconds);
  }
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)];
  console.log(`${name}: ${Math.round(median)} hashes/s (median of ${ROUNDS} rounds of ${ROUND_HASHES}; ` +
    `min ${Math.round(rates[0])}, max ${Math.round(rates[rates.length - 1])})`);
}

console.log(`node ${process.version}, @aztec/foundation 4.1.2, bb.js WASM backend, 1 thread`);
await benchmark('poseidon2Hash([a,b]) async  (@aztec/foundation/crypto/poseidon)', measureAsync);
await benchmark('poseidon2Hash([a,b]) sync   (@aztec/foundation/crypto/sync, used by @aztec/merkle-tree)', measureSync);
process.exit(0);
