import { describe, expect, it } from 'vitest';
import { fixtureBundle, realBytes } from '../../../tests/fixtures/read-fixture';
import { sniffDbfText } from './sniff';

describe('sniffDbfText', () => {
  it('GBK bytes → gbk, UTF-8 bytes → utf-8', () => {
    expect(sniffDbfText(fixtureBundle('gbk_ldid').dbf as Uint8Array).verdict).toBe('gbk');
    expect(sniffDbfText(fixtureBundle('utf8_cpg').dbf as Uint8Array).verdict).toBe('utf-8');
  });

  it('text cut mid-character at the field width still sniffs right', () => {
    expect(sniffDbfText(fixtureBundle('cut_gbk').dbf as Uint8Array).verdict).toBe('gbk');
    expect(sniffDbfText(fixtureBundle('cut_utf8').dbf as Uint8Array).verdict).toBe('utf-8');
  });

  it('ASCII-only tables (ae102 DLTB) → ascii', () => {
    expect(sniffDbfText(realBytes('ae102-demo/DLTB.dbf')).verdict).toBe('ascii');
  });

  it('garbage does not throw', () => {
    expect(sniffDbfText(new Uint8Array([1, 2, 3])).verdict).toBe('ascii');
  });
});
