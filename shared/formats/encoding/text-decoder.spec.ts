import { describe, expect, it } from 'vitest';
import { canonicalEncoding, decodeStrict, getTextDecoder } from './text-decoder';

describe('text-decoder', () => {
  it('decodes GBK and knows WHATWG aliases', () => {
    expect(getTextDecoder('gbk')?.decode(new Uint8Array([0xba, 0xb5, 0xb5, 0xd8]))).toBe('旱地');
    expect(canonicalEncoding('GB2312')).toBe('gbk');
    expect(canonicalEncoding('latin1')).toBe('windows-1252');
  });

  it('returns null for unknown labels and invalid strict input instead of throwing', () => {
    expect(getTextDecoder('cp936-nonsense')).toBeNull();
    expect(decodeStrict(new Uint8Array([0xff, 0xfe, 0xba]), 'utf-8')).toBeNull();
    expect(decodeStrict(new Uint8Array([0x41]), 'no-such-label')).toBeNull();
  });
});
