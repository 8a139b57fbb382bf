import { describe, expect, it } from 'vitest';
import { fixtureBundle } from '../../../tests/fixtures/read-fixture';
import { decodedTextPreview, encodingPreview } from './preview';

describe('encodingPreview', () => {
  it('shows the GBK text readable under gbk and garbled under utf-8', () => {
    const p = encodingPreview(fixtureBundle('gbk_ldid').dbf as Uint8Array, ['gbk', 'utf-8'], 3);
    expect(p[0]).toEqual({ encoding: 'gbk', samples: ['旱地', '永久基本农田', '农村宅基地'] });
    expect(p[1]?.samples[0]).not.toBe('旱地');
    expect(p[1]?.samples[0]).toContain('\uFFFD');
  });

  it('unknown labels and garbage give empty samples, not errors', () => {
    expect(encodingPreview(fixtureBundle('gbk_ldid').dbf as Uint8Array, ['no-such'])).toEqual([{ encoding: 'no-such', samples: [] }]);
    expect(encodingPreview(new Uint8Array(5), ['gbk'])).toEqual([{ encoding: 'gbk', samples: [] }]);
  });
});

describe('decodedTextPreview', () => {
  const dbf = { path: 'gbk_ldid.dbf', bytes: fixtureBundle('gbk_ldid').dbf as Uint8Array };
  it('gives the first rows of the text fields as one encoding reads them, from the .dbf alone', () => {
    const gbk = decodedTextPreview(dbf, 'gbk', 2);
    expect(gbk.rows).toHaveLength(2);
    expect(gbk.rows.every((r) => r.length === gbk.fields.length)).toBe(true);
    expect(gbk.rows.flat()).toContain('旱地');
    const utf8 = decodedTextPreview(dbf, 'utf-8', 2);
    expect(utf8.fields).toHaveLength(gbk.fields.length);
    expect(utf8.rows.flat()).not.toContain('旱地');
    expect(utf8.rows.flat().join('')).toContain('\uFFFD');
  });
});
