// Compiles src/main/solidity/*.sol with solc-js (the version pinned in package.json) into
// src/main/resources/contracts/<Contract>.json: ABI, creation bytecode, and the SHA-256 of the sources it was built
// from, which ContractArtifactsTest recomputes to fail the build when the checked-in artifacts are stale.
// Run it with `npm run compile` from l1/ after changing a contract, and commit the artifacts.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import solc from 'solc';

const sourceDir = join(process.cwd(), 'src', 'main', 'solidity');
const outDir = join(process.cwd(), 'src', 'main', 'resources', 'contracts');
const deployed = ['Rollup', 'Inbox', 'Outbox', 'TokenPortal', 'TestERC20', 'Groth16Verifier', 'BlockProofVerifier', 'Poseidon2Harness'];
const evmVersion = 'cancun';

const files = readdirSync(sourceDir).filter((f) => f.endsWith('.sol')).sort();
const sources = Object.fromEntries(files.map((f) => [f, { content: readFileSync(join(sourceDir, f), 'utf8') }]));

// Sources hash: for each file in name order, UTF-8 of "<name>\0<content>\0" (SourcesHash.java computes the same).
const hash = createHash('sha256');
for (const f of files) {
  hash.update(f + '\0');
  hash.update(sources[f].content);
  hash.update('\0');
}
const sourcesSha256 = hash.digest('hex');

const input = {
  language: 'Solidity',
  sources,
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion,
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
for (const e of output.errors || []) console.error(e.formattedMessage);
if (errors.length > 0) process.exit(1);

mkdirSync(outDir, { recursive: true });
for (const [file, contracts] of Object.entries(output.contracts)) {
  for (const [name, compiled] of Object.entries(contracts)) {
    if (!deployed.includes(name)) continue;
    const artifact = {
      contractName: name,
      sourceFile: file,
      compiler: 'solc-js ' + solc.version(),
      evmVersion,
      optimizerRuns: 200,
      sourcesSha256,
      abi: compiled.abi,
      bytecode: '0x' + compiled.evm.bytecode.object,
    };
    writeFileSync(join(outDir, name + '.json'), JSON.stringify(artifact, null, 1) + '\n');
    console.log(`${name}: ${compiled.evm.bytecode.object.length / 2} bytes`);
  }
}
