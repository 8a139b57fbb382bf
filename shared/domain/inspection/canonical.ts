/**
 * Canonical JSON and SHA-256 for the tamper-evident history: the same value always gives the same bytes (object
 * keys sorted by code point, no white space, numbers as JSON writes them, undefined members left out as JSON does),
 * so a hash computed on the laptop and one computed later by anyone with the record agree. SHA-256 is
 * @noble/hashes' (audited, pure JS, synchronous: shared/ has no WebCrypto, and a chain of small entries needs no
 * native speed; photos are hashed natively by the renderer when they are imported).
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('canonicalJson: a number that is not finite has no JSON form');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: ${typeof value} has no JSON form`);
}

/** Lower-case hex SHA-256 of a string's UTF-8 bytes. */
export const sha256Hex = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));

/** Lower-case hex SHA-256 of bytes. */
export const sha256HexOfBytes = (bytes: Uint8Array): string => bytesToHex(sha256(bytes));
