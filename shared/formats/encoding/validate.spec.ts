import { describe, expect, it } from 'vitest';
import { hasNonAscii, isValidGbk, isValidUtf8 } from './validate';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
// '旱地' in GBK, and '永久' (D3 C0 BE C3)
const GBK_HANDI = new Uint8Array([0xba, 0xb5, 0xb5, 0xd8]);

describe('isValidUtf8', () => {
  it('accepts UTF-8 Chinese, rejects GBK bytes', () => {
    const b = utf8('永久基本农田');
    expect(isValidUtf8(b, 0, b.length, false)).toBe(true);
    expect(isValidUtf8(GBK_HANDI, 0, 4, false)).toBe(false);
  });

  it('rejects overlongs and surrogates', () => {
    expect(isValidUtf8(new Uint8Array([0xc0, 0xaf]), 0, 2, false)).toBe(false);
    expect(isValidUtf8(new Uint8Array([0xed, 0xa0, 0x80]), 0, 3, false)).toBe(false);
  });

  it('tolerates a cut last character only when asked', () => {
    const b = utf8('永久').subarray(0, 4); // 3 + 1 bytes
    expect(isValidUtf8(b, 0, 4, true)).toBe(true);
    expect(isValidUtf8(b, 0, 4, false)).toBe(false);
  });
});

describe('isValidGbk', () => {
  it('accepts GBK pairs and the GB18030 four-byte form', () => {
    expect(isValidGbk(GBK_HANDI, 0, 4, false)).toBe(true);
    expect(isValidGbk(new Uint8Array([0x81, 0x30, 0x81, 0x30]), 0, 4, false)).toBe(true);
  });

  it('rejects 0xFF and a bad trail byte; a lone lead at the end only when cut tails are allowed', () => {
    expect(isValidGbk(new Uint8Array([0xff]), 0, 1, false)).toBe(false);
    expect(isValidGbk(new Uint8Array([0xba, 0x20]), 0, 2, false)).toBe(false);
    expect(isValidGbk(new Uint8Array([0x41, 0xba]), 0, 2, true)).toBe(true);
    expect(isValidGbk(new Uint8Array([0x41, 0xba]), 0, 2, false)).toBe(false);
  });
});

describe('hasNonAscii', () => {
  it('looks only inside the range', () => {
    expect(hasNonAscii(new Uint8Array([0x41, 0xba]), 0, 1)).toBe(false);
    expect(hasNonAscii(new Uint8Array([0x41, 0xba]), 0, 2)).toBe(true);
  });
});
