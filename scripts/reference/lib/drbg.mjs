// Deterministic pseudo-random source so that regenerating the vectors gives byte-identical files.
// SHA-256 in counter mode: block_i = SHA-256(utf8(label) || 0x00 || uint64_be(i)). Each vector family uses its own
// label, so adding cases to one family never shifts the random inputs of another.
import { createHash } from 'node:crypto';

const BN254_FR_MODULUS = 0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001n;
const BN254_FQ_MODULUS = 0x30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47n;

export class Drbg {
  #label;
  #counter = 0n;
  #pending = Buffer.alloc(0);

  constructor(label) {
    this.#label = label;
  }

  bytes(length) {
    while (this.#pending.length < length) {
      const counter = Buffer.alloc(8);
      counter.writeBigUInt64BE(this.#counter++);
      const block = createHash('sha256')
        .update(Buffer.from(this.#label, 'utf8'))
        .update(Buffer.from([0]))
        .update(counter)
        .digest();
      this.#pending = Buffer.concat([this.#pending, block]);
    }
    const out = this.#pending.subarray(0, length);
    this.#pending = this.#pending.subarray(length);
    return Buffer.from(out);
  }

  /** Uniform integer below `modulus` (< 2^254) by rejection sampling on 254-bit candidates. */
  below(modulus) {
    for (;;) {
      const candidate = this.bytes(32);
      candidate[0] &= 0x3f;
      const value = BigInt('0x' + candidate.toString('hex'));
      if (value < modulus) {
        return value;
      }
    }
  }

  frBigInt() {
    return this.below(BN254_FR_MODULUS);
  }

  fqBigInt() {
    return this.below(BN254_FQ_MODULUS);
  }

  /** 20-byte Ethereum address. */
  ethAddressBytes() {
    return this.bytes(20);
  }
}

export { BN254_FR_MODULUS, BN254_FQ_MODULUS };
