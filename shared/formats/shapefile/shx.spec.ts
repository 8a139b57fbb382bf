import { describe, expect, it } from 'vitest';
import { fixtureBundle } from '../../../tests/fixtures/read-fixture';
import { checkShx, readShxEntries } from './shx';

describe('shx', () => {
  it('reads offsets and lengths in bytes', () => {
    const e = readShxEntries(fixtureBundle('zone39_prj').shx as Uint8Array);
    expect(e?.map((x) => x.offsetBytes)).toEqual([100, 236, 372]);
    expect(e?.[0]?.contentLengthBytes).toBe(128);
  });

  it('agrees → no issue; disagrees → one shx.mismatch with counts', () => {
    const shx = fixtureBundle('zone39_prj').shx as Uint8Array;
    expect(checkShx(shx, [100, 236, 372], 'a.shx')).toEqual([]);
    expect(checkShx(shx, [100, 236], 'a.shx')).toEqual([
      { code: 'shx.mismatch', severity: 'warning', file: 'a.shx', params: { shx: 3, shp: 2, differing: 1 } },
    ]);
    expect(checkShx(new Uint8Array(3), [100], 'a.shx')[0]?.code).toBe('shx.mismatch');
  });
});
