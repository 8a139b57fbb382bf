import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { LandPatrolDb } from './db';
import { IMAGERY_RECORD_VERSION, restoreImageryLayer, type NewImageryLayer } from './imagery-record';
import { addImageryLayer, deleteImageryLayer, listImageryLayers, setImageryOrder, updateImageryLayer } from './imagery-repo';

const fresh = () => new LandPatrolDb('imagery', { indexedDB: new IDBFactory(), IDBKeyRange });

const info = {
  format: null,
  bounds: [116.97, 35.03, 117.02, 35.07] as [number, number, number, number],
  minzoom: 12,
  maxzoom: 18,
  tileSize: 256,
  description: null,
  attribution: null,
  metadata: { crs: 'CGCS2000 / 3-degree Gauss-Kruger zone 39' },
};

const TFW = '2.0\n0.0\n0.0\n-2.0\n39500001.0\n3880999.0\n';
const PRJ = 'PROJCS["CGCS2000 / 3-degree Gauss-Kruger zone 39"]';

function geotiff(id: string, storage: 'copy' | 'session', bytes = 'II*\0'): NewImageryLayer {
  const base = { name: `${id}.tif`, size: bytes.length, lastModified: 1_750_000_000_000 };
  return {
    id,
    name: id,
    source: {
      kind: 'geotiff',
      file: storage === 'copy' ? { storage, ...base, blob: new Blob([bytes]) } : { storage, ...base },
      sidecars: { tfw: { name: `${id}.tfw`, text: TFW }, prj: { name: `${id}.prj`, text: PRJ } },
      extra: {},
    },
    info,
  };
}

describe('imagery layer repository', () => {
  it('keeps a GeoTIFF with its stored copy and its sidecars across a reopening of the database', async () => {
    const idb = new IDBFactory();
    const db = new LandPatrolDb('imagery-reopen', { indexedDB: idb, IDBKeyRange });
    await addImageryLayer(geotiff('gk39', 'copy', 'II*\0tiff bytes'), 10, db);
    db.close();
    const again = new LandPatrolDb('imagery-reopen', { indexedDB: idb, IDBKeyRange });
    const [l] = await listImageryLayers(again);
    expect(l?.v).toBe(IMAGERY_RECORD_VERSION);
    expect(l?.source.kind).toBe('geotiff');
    if (l?.source.kind !== 'geotiff' || l.source.file.storage !== 'copy') throw new Error('not a stored GeoTIFF copy');
    expect(await l.source.file.blob.text()).toBe('II*\0tiff bytes');
    expect(l.source.sidecars.tfw).toEqual({ name: 'gk39.tfw', text: TFW });
    expect(l.source.sidecars.prj?.text).toBe(PRJ);
    expect(l.source.sidecars.auxXml).toBeUndefined();
    expect(l.info.metadata.crs).toBe('CGCS2000 / 3-degree Gauss-Kruger zone 39');
  });

  it('stacks new layers on top, reorders them in one call, updates and deletes', async () => {
    const db = fresh();
    await addImageryLayer(geotiff('a', 'session'), 1, db);
    await addImageryLayer(geotiff('b', 'session'), 2, db);
    await addImageryLayer(geotiff('c', 'session'), 3, db);
    expect((await listImageryLayers(db)).map((l) => l.id)).toEqual(['a', 'b', 'c']);
    await setImageryOrder(['c', 'a', 'b'], db);
    expect((await listImageryLayers(db)).map((l) => l.id)).toEqual(['c', 'a', 'b']);
    const r = await updateImageryLayer('a', { opacity: 0.6, visible: false }, db);
    expect(r.ok && r.value.opacity).toBe(0.6);
    expect((await listImageryLayers(db)).find((l) => l.id === 'a')?.visible).toBe(false);
    expect((await updateImageryLayer('nope', { opacity: 0.5 }, db)).ok).toBe(false);
    await deleteImageryLayer('b', db);
    expect((await listImageryLayers(db)).map((l) => l.id)).toEqual(['c', 'a']);
  });

  it('refuses a GeoTIFF whose sidecar is not text, and skips a malformed stored record without losing the others', async () => {
    const bad = { ...geotiff('x', 'session'), source: { ...geotiff('x', 'session').source, sidecars: { tfw: { name: 'x.tfw', text: 7 } } } };
    await expect(addImageryLayer(bad as unknown as NewImageryLayer, 1, fresh())).rejects.toThrow(/badSource/);
    const db = fresh();
    await addImageryLayer(geotiff('ok', 'session'), 1, db);
    await db.imageryLayers.put({ id: 'broken', v: IMAGERY_RECORD_VERSION } as never);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect((await listImageryLayers(db)).map((l) => l.id)).toEqual(['ok']);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('reads a version-1 record (schema 7 as first shipped): a GeoTIFF gains empty sidecars, a package is unchanged', () => {
    // A v1 record as the first imagery release wrote it (tests the migration, not the factory).
    const v1 = {
      v: 1,
      id: 'I1',
      name: '县级影像',
      order: 2,
      visible: true,
      opacity: 0.6,
      sample: false,
      createdAt: 5,
      source: { kind: 'geotiff', file: { storage: 'session', name: 'county.tif', size: 2e9, lastModified: 1 }, extra: {} },
      info,
    };
    const r = restoreImageryLayer(v1);
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.source.kind !== 'geotiff') throw new Error('not restored');
    expect(r.value.v).toBe(2);
    expect(r.value.source.sidecars).toEqual({});
    expect(r.value.opacity).toBe(0.6);
    const pkg = restoreImageryLayer({ ...v1, source: { kind: 'pmtiles', file: v1.source.file } });
    expect(pkg.ok && pkg.value.source).toEqual({ kind: 'pmtiles', file: v1.source.file });
    expect(restoreImageryLayer({ ...v1, v: 3 }).ok).toBe(false);
  });
});
