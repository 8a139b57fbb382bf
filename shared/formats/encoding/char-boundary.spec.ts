import { describe, expect, it } from 'vitest';
import { isMultiByte, wholeCharEnd } from './char-boundary';

describe('wholeCharEnd', () => {
  it('UTF-8: drops an incomplete last sequence', () => {
    const b = new TextEncoder().encode('永久基本').subarray(0, 7); // 3 + 3 + 1
    expect(wholeCharEnd(b, 0, 7, 'utf-8')).toBe(6);
    expect(wholeCharEnd(b, 0, 6, 'utf-8')).toBe(6);
  });

  it('GBK: drops a dangling lead byte, found by walking from the field start', () => {
    // '永久基本' in GBK: D3C0 BEC3 BBF9 B1BE; cut at 7 bytes leaves lead 0xB1
    const b = new Uint8Array([0xd3, 0xc0, 0xbe, 0xc3, 0xbb, 0xf9, 0xb1]);
    expect(wholeCharEnd(b, 0, 7, 'gbk')).toBe(6);
    // 'A' + pair: the trail byte 0xC0 of a pair must not be taken for a lead
    const c = new Uint8Array([0x41, 0xd3, 0xc0]);
    expect(wholeCharEnd(c, 0, 3, 'gbk')).toBe(3);
  });

  it('GB18030 four-byte form cut after two bytes', () => {
    expect(wholeCharEnd(new Uint8Array([0x41, 0x81, 0x30]), 0, 3, 'gb18030')).toBe(1);
  });

  it('single-byte encodings are never cut', () => {
    expect(isMultiByte('windows-1252')).toBe(false);
    expect(wholeCharEnd(new Uint8Array([0xe9]), 0, 1, 'windows-1252')).toBe(1);
    expect(isMultiByte('big5')).toBe(true);
  });
});
