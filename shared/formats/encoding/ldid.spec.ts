import { describe, expect, it } from 'vitest';
import { isWeakLdid, ldidToEncoding } from './ldid';

describe('ldidToEncoding (DBF byte 29)', () => {
  it.each([
    [0x4d, 'gbk'],
    [0x7a, 'gbk'],
    [0x4e, 'euc-kr'],
    [0x4f, 'big5'],
    [0x78, 'big5'],
    [0x57, 'windows-1252'],
    [0x03, 'windows-1252'],
    [0xc9, 'windows-1251'],
  ])('0x%s → %s', (ldid, enc) => {
    expect(ldidToEncoding(ldid)).toBe(enc);
  });

  it('0x00 (not set) and DOS OEM pages the Encoding Standard lacks → null', () => {
    expect(ldidToEncoding(0x00)).toBeNull();
    expect(ldidToEncoding(0x01)).toBeNull(); // code page 437
  });

  it('"current ANSI" 0x57 and dBASE default 0x03 are weak evidence, GBK 0x4D is not', () => {
    expect(isWeakLdid(0x57)).toBe(true);
    expect(isWeakLdid(0x03)).toBe(true);
    expect(isWeakLdid(0x4d)).toBe(false);
  });
});
