import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../tests/fixtures/read-fixture';
import { dataStart, readCentralDirectory } from './central-directory';

describe('readCentralDirectory', () => {
  it('lists entries with raw names, flags and sizes', () => {
    const cd = readCentralDirectory(fixtureBytes('zip/gbk_names.zip'));
    if (!cd.ok) throw new Error(cd.reason);
    expect(cd.entries).toHaveLength(4);
    expect(cd.entries.every((e) => !e.utf8Flag && e.method === 8)).toBe(true);
  });

  it('finds the end record behind a comment (fflate-written zip)', () => {
    const z = zipSync({ 'a.shp': new Uint8Array([1, 2, 3]) }, { comment: 'x'.repeat(300) } as never);
    const cd = readCentralDirectory(z);
    if (!cd.ok) throw new Error(cd.reason);
    expect(cd.entries[0]?.uncompressedSize).toBe(3);
    expect(dataStart(z, cd.entries[0] as never)).toBeGreaterThan(0);
  });

  it('not a zip / truncated → reason, no throw', () => {
    expect(readCentralDirectory(new Uint8Array(100))).toEqual({ ok: false, reason: 'noEndRecord' });
    const z = fixtureBytes('zip/mixed.zip');
    const cut = z.slice(z.length - 200);
    expect(readCentralDirectory(cut).ok).toBe(false);
  });
});
