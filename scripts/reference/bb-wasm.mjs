// Forces @aztec/bb.js 4.1.2 onto its WebAssembly backend before any @aztec package touches it.
//
// Why: by default bb.js first spawns the native `bb` binary shipped in the package, which needs glibc >= 2.39 and
// GLIBCXX_3.4.32; on older systems (Debian 12 has glibc 2.36) it exits with code 1 and the async singleton rejects
// instead of falling back. Selecting BackendType.Wasm explicitly avoids the native attempt.
//
// The async WASM backend also downloads a ~64 MiB BN254 CRS (initSRSChonk) on start-up. Hashing and Grumpkin
// arithmetic never use the CRS (it is for proving), so we skip that step: vector generation must not need network.
import { Barretenberg, BarretenbergSync, BackendType } from '@aztec/bb.js';

export async function initBarretenbergWasm() {
  Barretenberg.prototype.initSRSChonk = async function skipCrsDownload() {};
  await Barretenberg.initSingleton({ backend: BackendType.Wasm, threads: 1 });
  await BarretenbergSync.initSingleton({ backend: BackendType.Wasm });
  return { asyncApi: Barretenberg.getSingleton(), syncApi: BarretenbergSync.getSingleton() };
}
