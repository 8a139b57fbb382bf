import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { LandPatrolDb } from './db';
import { LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS } from './migrations';
import { restoreLayerRecord, restoreMapView } from './records';
import { deleteLayer, getCachedTile, getMapView, hasCachedTiles, listLayers, pruneTileCache, putCachedTiles, putSetting, setLayerOrder, updateLayer } from './repo';

/** A version-1 database written the raw way (as a v1 app left it), including records a bug could have left. */
async function writeV1Fixture(indexedDB: IDBFactory, name: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.open(name, 10); // Dexie stores version × 10
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('layers', { keyPath: 'id' }).createIndex('order', 'order');
      db.createObjectStore('layerData', { keyPath: 'layerId' });
      db.createObjectStore('sourceFiles', { keyPath: 'layerId' });
      db.createObjectStore('settings', { keyPath: 'key' });
      const layers = req.transaction!.objectStore('layers');
      const style = { fill: { type: 'constant', color: '#ff0' }, fillOpacity: 0.5, line: { color: '#f00', widthPx: 1 } };
      layers.put({ id: 'good', name: '永久基本农田', kind: 'permanentFarmland', order: 2, visible: false, opacity: 0.4, style, sample: false, createdAt: 1, dataVersion: 1, meta: { source: 'a.zip/JBNT.shp', geometryKind: 'polygon', shapeType: 'Polygon', fields: [], encoding: { encoding: 'gbk', source: 'ldid' }, crs: { epsg: 4527, source: 'prj', datum: 'CGCS2000', kind: 'projected', proj4: '', label: 'CGCS2000 / 3-degree Gauss-Kruger zone 39' }, bboxLngLat: [117, 35, 117.1, 35.1], featureCount: 3, issues: [] } });
      layers.put({ id: 'repairable', name: '', kind: 'nonsense', order: 1, opacity: 7, style, meta: { bboxLngLat: [1, 2, 3] } });
      layers.put({ id: 'broken', name: 'no style', order: 3 });
      req.transaction!.objectStore('settings').put({ key: 'view', value: { center: [117.05, 35.05], zoom: 14, bearing: 0 } });
    };
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
    req.onerror = () => reject(req.error);
  });
}

const open = (indexedDB: IDBFactory, name: string) => new LandPatrolDb(name, { indexedDB, IDBKeyRange });

describe('schema', () => {
  it('declares every version, oldest first, starting at 1', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(2);
    expect(SCHEMA_VERSIONS[0]!.stores).toEqual({ layers: 'id, order', layerData: 'layerId', sourceFiles: 'layerId', settings: 'key' });
    expect(SCHEMA_VERSIONS[1]!.stores).toEqual({ ...SCHEMA_VERSIONS[0]!.stores, tileCache: 'id, layerId' });
  });

  it('upgrades a v1 database to v2: every record kept, the tile cache added and empty', async () => {
    const idb = new IDBFactory();
    await writeV1Fixture(idb, 'fixture-up');
    const db = open(idb, 'fixture-up');
    await db.open();
    expect(db.verno).toBe(2);
    expect((await db.layers.toArray()).map((l) => l.id).sort()).toEqual(['broken', 'good', 'repairable']);
    expect(await db.tileCache.count()).toBe(0);
    db.close();
  });

  it('caches tiles per data version, prunes dead versions and drops a layer\'s tiles with it', async () => {
    const idb = new IDBFactory();
    await writeV1Fixture(idb, 'fixture-tiles');
    const db = open(idb, 'fixture-tiles');
    const bytes = (n: number) => new Uint8Array([n, n + 1, n + 2]).buffer;
    await putCachedTiles([
      { id: 'good@1/f/12/3379/1622', layerId: 'good', bytes: bytes(1) },
      { id: 'good@1~labels/l/12/3379/1622', layerId: 'good', bytes: bytes(2) },
      { id: 'good@0/f/12/3379/1622', layerId: 'good', bytes: bytes(3) },
      { id: 'repairable@1/f/3/1/1', layerId: 'repairable', bytes: new ArrayBuffer(0) },
    ], db);
    expect(new Uint8Array((await getCachedTile('good@1/f/12/3379/1622', db))!)).toEqual(new Uint8Array([1, 2, 3]));
    expect((await getCachedTile('repairable@1/f/3/1/1', db))!.byteLength).toBe(0); // "no features here" is cached too
    expect(await getCachedTile('good@1/f/12/0/0', db)).toBeNull();
    expect(await hasCachedTiles('good@1', db)).toBe(true);
    expect(await hasCachedTiles('good@2', db)).toBe(false);
    expect(await pruneTileCache(db)).toBe(1); // only the stale good@0 goes: good and repairable are at version 1
    expect(await getCachedTile('good@1~labels/l/12/3379/1622', db)).not.toBeNull();
    await deleteLayer('good', db);
    expect(await hasCachedTiles('good@1', db)).toBe(false);
    expect(await hasCachedTiles('repairable@1', db)).toBe(true);
    db.close();
  });

  it('opens a v1 fixture, repairs what is repairable and skips what is not', async () => {
    const idb = new IDBFactory();
    await writeV1Fixture(idb, 'fixture-v1');
    const db = open(idb, 'fixture-v1');
    const layers = await listLayers(db);
    expect(layers.map((l) => l.id)).toEqual(['repairable', 'good']);
    const [rep, good] = layers;
    expect(rep).toMatchObject({ name: 'repairable', kind: 'other', opacity: 1, visible: true, sample: false });
    expect(rep!.meta.bboxLngLat).toBeNull();
    expect(good).toMatchObject({ name: '永久基本农田', visible: false, opacity: 0.4 });
    expect(await getMapView(db)).toEqual({ center: [117.05, 35.05], zoom: 14, bearing: 0 });
    db.close();
  });

  it('writes each action in one transaction and reads it back', async () => {
    const idb = new IDBFactory();
    await writeV1Fixture(idb, 'fixture-rw');
    const db = open(idb, 'fixture-rw');
    await updateLayer('good', { visible: true, opacity: 0.8 }, db);
    await setLayerOrder(['good', 'repairable'], db);
    await deleteLayer('broken', db);
    await putSetting('view', { center: [100, 30], zoom: 9, bearing: 10 }, db);
    db.close();
    const again = open(idb, 'fixture-rw');
    const layers = await listLayers(again);
    expect(layers.map((l) => [l.id, l.order, l.visible, l.opacity])).toEqual([['good', 1, true, 0.8], ['repairable', 2, true, 1]]);
    expect(await again.layers.get('broken')).toBeUndefined();
    expect(await getMapView(again)).toEqual({ center: [100, 30], zoom: 9, bearing: 10 });
    again.close();
  });
});

describe('validators', () => {
  it('reject non-objects and records without an id or style', () => {
    expect(restoreLayerRecord(null)).toBeNull();
    expect(restoreLayerRecord('x')).toBeNull();
    expect(restoreLayerRecord({ id: 'a' })).toBeNull();
  });
  it('reject impossible views and wrap longitudes', () => {
    expect(restoreMapView({ center: [0, 95], zoom: 3 })).toBeNull();
    expect(restoreMapView({ center: ['a', 1], zoom: 3 })).toBeNull();
    expect(restoreMapView({ center: [190, 10], zoom: 40 })).toEqual({ center: [-170, 10], zoom: 24, bearing: 0 });
  });
});
