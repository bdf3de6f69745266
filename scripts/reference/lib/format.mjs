// JSON formatting helpers shared by the vector generators: every field element is a 0x-prefixed, 64-digit,
// lowercase hex string; every curve point is {x, y, isInfinite}.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export const GENERATOR_LABEL = '@aztec/* 4.1.2 via scripts/reference/gen-vectors.mjs';

/** Any field-like value (Fr, Fq, AztecAddress, Buffer of 32 bytes, bigint, number) as 0x + 64 hex digits. */
export function hex(value) {
  if (typeof value === 'bigint' || typeof value === 'number') {
    return '0x' + BigInt(value).toString(16).padStart(64, '0');
  }
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) {
    const buffer = Buffer.from(value);
    if (buffer.length > 32) {
      throw new Error(`hex(): buffer of ${buffer.length} bytes is not a field element`);
    }
    return '0x' + buffer.toString('hex').padStart(64, '0');
  }
  if (typeof value?.toBigInt === 'function') {
    return hex(value.toBigInt());
  }
  if (typeof value?.toField === 'function') {
    return hex(value.toField().toBigInt());
  }
  throw new Error(`hex(): cannot format ${value?.constructor?.name ?? typeof value}`);
}

/** Arbitrary-length byte string as 0x-prefixed lowercase hex (no padding). */
export function bytesHex(buffer) {
  return '0x' + Buffer.from(buffer).toString('hex');
}

export function point(p) {
  return { x: hex(p.x), y: hex(p.y), isInfinite: Boolean(p.isInfinite) };
}

export function writeJson(path, object) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(object, null, 2) + '\n');
  console.log(`wrote ${path}`);
}

/** Fails the generation loudly: a vector that disagrees with a second route must never be committed. */
export function check(condition, message) {
  if (!condition) {
    throw new Error(`cross-check failed: ${message}`);
  }
}
