import { describe, expect, it } from 'vitest';
import { createTileCacheRecord, migrateTileCache, restoreTileCache } from './tile-cache-record';

// A v2 record as the schema-2 tile worker stored it (renderer/db/records.ts at a6957d7): no `v`.
const v2Tile = { id: 'L1@1/f/12/3379/1622', layerId: 'L1', bytes: new Uint8Array([26, 3]).buffer };

describe('tile cache record', () => {
  it('migrates a v2 tile to v3, bytes untouched', () => {
    expect(migrateTileCache(v2Tile, 2)).toEqual({ ok: true, value: { ...v2Tile, v: 3 } });
    const r = restoreTileCache(v2Tile);
    expect(r.ok && r.value.bytes).toBe(v2Tile.bytes);
  });
  it('keeps an empty tile ("no features here")', () => {
    expect(restoreTileCache({ ...v2Tile, bytes: new ArrayBuffer(0) }).ok).toBe(true);
  });
  it.each([
    [undefined, 'notObject'],
    [{ ...v2Tile, id: '' }, 'missingId'],
    [{ ...v2Tile, layerId: 3 }, 'missingLayerId'],
    [{ ...v2Tile, bytes: [1, 2, 3] }, 'badBytes'],
    [{ ...v2Tile, bytes: new Uint8Array([1]) }, 'badBytes'],
  ])('misses on %j (%s)', (raw, reason) => {
    expect(restoreTileCache(raw)).toMatchObject({ ok: false, reason });
  });
  it('the factory stamps the version', () => {
    expect(createTileCacheRecord(v2Tile)).toEqual({ ...v2Tile, v: 3 });
    expect(() => createTileCacheRecord({ ...v2Tile, layerId: '' })).toThrow(RangeError);
  });
});
