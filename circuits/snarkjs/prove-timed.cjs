// Times snarkjs's own Groth16 prover on a zkey + witness (best of N runs in one process, so start-up is excluded),
// then checks the proof with snarkjs's verifier. Usage: node prove-timed.cjs circuit.zkey witness.wtns [runs]
const snarkjs = require("snarkjs");
const fs = require("fs");

async function main() {
  const [zkey, wtns, runsText] = process.argv.slice(2);
  const runs = Number(runsText || "2");
  let best = Infinity;
  let last;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    last = await snarkjs.groth16.prove(zkey, wtns);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    console.log(`snarkjs run ${i + 1}: ${seconds.toFixed(3)} s`);
    best = Math.min(best, seconds);
  }
  const vk = await snarkjs.zKey.exportVerificationKey(zkey);
  const ok = await snarkjs.groth16.verify(vk, last.publicSignals, last.proof);
  console.log(`snarkjs proof verified: ${ok}`);
  console.log(`snarkjs total ${best.toFixed(3)} s`);
  process.exit(ok ? 0 : 1);
}

main().catch((e) => { console.error(e); process.exit(1); });
