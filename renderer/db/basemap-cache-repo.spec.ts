import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { LandPatrolDb } from './db';
import {
  basemapCacheStats,
  cachedBasemapIds,
  evictBasemapCache,
  getBasemapJob,
  getBasemapTile,
  listBasemapJobs,
  putBasemapJob,
  putBasemapTiles,
  touchBasemapTiles,
} from './basemap-cache-repo';

const fresh = () => new LandPatrolDb('basemaps', { indexedDB: new IDBFactory(), IDBKeyRange });
const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill).buffer;

describe('basemap tile cache', () => {
  it('stores and reads tiles, with their sizes and per-set mean', async () => {
    const db = fresh();
    await putBasemapTiles(
      [
        { id: 'tdt:img/1/0/0', tileSet: 'tdt:img', bytes: bytes(100, 1) },
        { id: 'tdt:img/1/1/0', tileSet: 'tdt:img', bytes: bytes(300, 2) },
        { id: 'tdt:cia/1/0/0', tileSet: 'tdt:cia', bytes: bytes(50, 3) },
      ],
      10,
      db,
    );
    expect(new Uint8Array((await getBasemapTile('tdt:img/1/1/0', db))!)[0]).toBe(2);
    expect(await getBasemapTile('tdt:img/9/9/9', db)).toBeNull();
    expect(await basemapCacheStats(db)).toEqual({ tiles: 3, bytes: 450, meanBytes: { 'tdt:img': 200, 'tdt:cia': 50 } });
    expect(await cachedBasemapIds(['tdt:img/1/0/0', 'nope'], db)).toEqual(new Set(['tdt:img/1/0/0']));
  });

  it('evicts the least recently used down to the limit; a touched tile is kept', async () => {
    const db = fresh();
    await putBasemapTiles([{ id: 'a', tileSet: 's', bytes: bytes(100, 1) }], 1, db);
    await putBasemapTiles([{ id: 'b', tileSet: 's', bytes: bytes(100, 1) }], 2, db);
    await putBasemapTiles([{ id: 'c', tileSet: 's', bytes: bytes(100, 1) }], 3, db);
    await touchBasemapTiles(['a'], 4, db);
    expect(await evictBasemapCache(200, db)).toBe(1);
    expect(await getBasemapTile('b', db)).toBeNull();
    expect(await getBasemapTile('a', db)).not.toBeNull();
    expect((await basemapCacheStats(db)).bytes).toBe(200);
  });

  it('jobs persist and a malformed one is skipped', async () => {
    const db = fresh();
    const job = {
      id: 'j1',
      sourceId: 'tdt-img',
      label: '当前视图',
      box: [1, 2, 3, 4] as [number, number, number, number],
      zooms: [10, 11],
      total: 9,
      nextIndex: 4,
      failed: 0,
      bytes: 1000,
      state: 'paused' as const,
      createdAt: 1,
      updatedAt: 2,
    };
    await putBasemapJob(job, db);
    await db.basemapJobs.put({ id: 'bad', state: 'x' });
    expect(await getBasemapJob('j1', db)).toEqual(job);
    const warn = (await import('vitest')).vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect((await listBasemapJobs(db)).map((j) => j.id)).toEqual(['j1']);
    expect(warn).toHaveBeenCalled();
  });
});
