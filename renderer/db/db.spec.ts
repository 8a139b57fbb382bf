import 'fake-indexeddb/auto';
import { IDBDatabase, IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
// A schema-2 database as the v2 app left it (origin: tests/fixtures/db/README.md).
import v2 from '../../tests/fixtures/db/v2-database.json';
// A schema-3 database as the v3 app left it (origin: tests/fixtures/db/README.md).
import v3 from '../../tests/fixtures/db/v3-database.json';
// A schema-4 database as the v4 app left it (origin: tests/fixtures/db/README.md, scripts/make-db-v4-fixture.py).
import v4 from '../../tests/fixtures/db/v4-database.json';
// A schema-5 database as the v5 app left it (origin: tests/fixtures/db/README.md, scripts/make-db-v5-fixture.ts).
import v5 from '../../tests/fixtures/db/v5-database.json';
import { LandPatrolDb } from './db';
import { LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS } from './migrations';
import { MIGRATED_ON_READ, UPGRADED_STORES } from './upgrade-v3';
import { addLayers, deleteLayer, getLayerRecord, listLayers, replaceLayerData, setLayerOrder, updateLayer } from './layers-repo';
import { getLayerData } from './layer-data-repo';
import { getSourceFiles } from './source-files-repo';
import { getCachedTile, hasCachedTiles, pruneTileCache, putCachedTiles } from './tile-cache-repo';
import { getMapView, getSetting, putSetting } from './settings-repo';
import { listGridAreas, putGridAreas } from './grid-repo';
import { createGridArea } from '../../shared/domain/grid/area-record';
import { getPatrol, listPatrolRules, listPatrols } from './patrol-repo';
import { addPatrolArea, listPatrolAreas } from './patrol-area-repo';
import { addTask, listTasksOfDay } from './task-repo';
import type { DateKey } from '../../shared/domain/patrol/calendar';
import { getAttachment } from './attachments-repo';
import { getTask } from './task-repo';
import { addInspection, listInspections } from './inspection-repo';
import { addImageryLayer, deleteImageryLayer, listImageryLayers, setImageryOrder, updateImageryLayer } from './imagery-repo';
import { verifyHistory } from '../../shared/domain/inspection/history';
import { hashedState } from '../../shared/domain/inspection/inspection-record';

afterEach(() => {
  vi.restoreAllMocks();
});

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
      layers.put({
        id: 'good',
        name: '永久基本农田',
        kind: 'permanentFarmland',
        order: 2,
        visible: false,
        opacity: 0.4,
        style,
        sample: false,
        createdAt: 1,
        dataVersion: 1,
        meta: {
          source: 'a.zip/JBNT.shp',
          geometryKind: 'polygon',
          shapeType: 'Polygon',
          fields: [],
          encoding: { encoding: 'gbk', source: 'ldid' },
          crs: { epsg: 4527, source: 'prj', datum: 'CGCS2000', kind: 'projected', proj4: '', label: 'CGCS2000 / 3-degree Gauss-Kruger zone 39' },
          bboxLngLat: [117, 35, 117.1, 35.1],
          featureCount: 3,
          issues: [],
        },
      });
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

/** The fixture's stand-ins for what JSON cannot hold, back to the real thing. */
function revive(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(revive);
  if (typeof v !== 'object' || v === null) return v;
  const o = v as Record<string, unknown>;
  if (typeof o.$blob === 'string') return new Blob([o.$blob], { type: String(o.type ?? '') });
  if (Array.isArray(o.$bytes)) return new Uint8Array(o.$bytes as number[]);
  if (Array.isArray(o.$arrayBuffer)) return new Uint8Array(o.$arrayBuffer as number[]).buffer;
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, revive(x)]));
}

type Stores = 'layers' | 'layerData' | 'sourceFiles' | 'settings' | 'tileCache';
const STORES: readonly Stores[] = ['layers', 'layerData', 'sourceFiles', 'settings', 'tileCache'];

/** tests/fixtures/db/v2-database.json written with raw IndexedDB, stores and indexes as schema 2 declared them. */
async function writeV2Fixture(indexedDB: IDBFactory, name: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.open(name, 20); // Dexie stores version × 10
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('layers', { keyPath: 'id' }).createIndex('order', 'order');
      db.createObjectStore('layerData', { keyPath: 'layerId' });
      db.createObjectStore('sourceFiles', { keyPath: 'layerId' });
      db.createObjectStore('settings', { keyPath: 'key' });
      db.createObjectStore('tileCache', { keyPath: 'id' }).createIndex('layerId', 'layerId');
      for (const store of STORES) for (const rec of v2[store]) req.transaction!.objectStore(store).put(revive(rec));
    };
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
    req.onerror = () => reject(req.error);
  });
}

/** tests/fixtures/db/v3-database.json written with raw IndexedDB, stores and indexes as schema 3 declared them (schema 2's). */
async function writeV3Fixture(indexedDB: IDBFactory, name: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.open(name, 30); // Dexie stores version × 10
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('layers', { keyPath: 'id' }).createIndex('order', 'order');
      db.createObjectStore('layerData', { keyPath: 'layerId' });
      db.createObjectStore('sourceFiles', { keyPath: 'layerId' });
      db.createObjectStore('settings', { keyPath: 'key' });
      db.createObjectStore('tileCache', { keyPath: 'id' }).createIndex('layerId', 'layerId');
      for (const store of STORES) for (const rec of v3[store]) req.transaction!.objectStore(store).put(revive(rec));
    };
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
    req.onerror = () => reject(req.error);
  });
}

/** The object stores and their indexes as the database holds them. */
async function readSchema(
  indexedDB: IDBFactory,
  name: string,
): Promise<{ version: number; stores: Record<string, { keyPath: unknown; indexes: string[] }> }> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => {
      const db = req.result;
      const names = [...db.objectStoreNames];
      const tx = db.transaction(names, 'readonly');
      const stores = Object.fromEntries(
        names.map((n) => {
          const st = tx.objectStore(n);
          return [n, { keyPath: st.keyPath, indexes: [...st.indexNames].sort() }];
        }),
      );
      const version = db.version;
      db.close();
      resolve({ version, stores });
    };
    req.onerror = () => reject(req.error);
  });
}

/** Every record of every store, read with raw IndexedDB (what is on disk, not what the repositories make of it). */
async function readRaw(indexedDB: IDBFactory, name: string): Promise<Record<Stores, Record<string, unknown>[]>> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(STORES as Stores[], 'readonly');
      const out = {} as Record<Stores, Record<string, unknown>[]>;
      for (const s of STORES) {
        const all = tx.objectStore(s).getAll();
        all.onsuccess = () => (out[s] = all.result as Record<string, unknown>[]);
      }
      tx.oncomplete = () => {
        db.close();
        resolve(out);
      };
      tx.onerror = () => reject(tx.error);
    };
    req.onerror = () => reject(req.error);
  });
}

const open = (indexedDB: IDBFactory, name: string) => new LandPatrolDb(name, { indexedDB, IDBKeyRange });
const fixtureLayer = (id: string) => v2.layers.find((l) => l.id === id)!;
const GOOD = 'Lm3x9k2abc123';
const LABELLED = 'Lm3x9k3def456';

describe('schema', () => {
  it('declares every version, oldest first, starting at 1', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(7);
    expect(SCHEMA_VERSIONS[0]!.stores).toEqual({ layers: 'id, order', layerData: 'layerId', sourceFiles: 'layerId', settings: 'key' });
    expect(SCHEMA_VERSIONS[1]!.stores).toEqual({ ...SCHEMA_VERSIONS[0]!.stores, tileCache: 'id, layerId' });
    expect(SCHEMA_VERSIONS[2]!.stores).toEqual(SCHEMA_VERSIONS[1]!.stores); // v3 migrates records, not indexes
    expect(SCHEMA_VERSIONS[3]!.stores).toEqual({
      ...SCHEMA_VERSIONS[2]!.stores,
      gridAreas: 'id, parentId, level',
      patrolRules: 'id',
      patrols: 'id, date',
    });
    expect(SCHEMA_VERSIONS[0]!.upgrade).toBeUndefined();
    expect(SCHEMA_VERSIONS[2]!.upgrade).toBeTypeOf('function');
    expect(SCHEMA_VERSIONS[3]!.upgrade).toBeUndefined(); // v4 adds stores, rewrites nothing
    expect(SCHEMA_VERSIONS[4]!.stores).toEqual({
      ...SCHEMA_VERSIONS[3]!.stores,
      patrolAreas: 'id, kind',
      patrolTasks: 'id, date',
      attachments: 'sha256',
    });
    expect(SCHEMA_VERSIONS[4]!.upgrade).toBeUndefined(); // v5 adds stores, rewrites nothing
    expect(SCHEMA_VERSIONS[5]!.stores).toEqual({
      ...SCHEMA_VERSIONS[4]!.stores,
      inspections: 'id, status, number, updatedAt',
      photos: 'sha256',
      inspectionSummaries: 'id',
    });
    expect(SCHEMA_VERSIONS[5]!.upgrade).toBeUndefined(); // v6 adds stores, rewrites nothing
    expect(SCHEMA_VERSIONS[6]!.stores).toEqual({
      ...SCHEMA_VERSIONS[5]!.stores,
      imageryLayers: 'id',
      basemapTiles: 'id',
      basemapTileIndex: 'id, lastUsed, tileSet',
      basemapJobs: 'id',
    });
    expect(SCHEMA_VERSIONS[6]!.upgrade).toBeUndefined(); // v7 adds stores, rewrites nothing
  });

  it('upgrades a v1 database to the latest: every record kept, the tile cache added and empty', async () => {
    const idb = new IDBFactory();
    await writeV1Fixture(idb, 'fixture-up');
    const db = open(idb, 'fixture-up');
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    expect((await db.layers.toArray()).map((l) => l.id).sort()).toEqual(['broken', 'good', 'repairable']);
    expect(await db.tileCache.count()).toBe(0);
    db.close();
  });

  it("caches tiles per data version, prunes dead versions and drops a layer's tiles with it", async () => {
    const idb = new IDBFactory();
    await writeV1Fixture(idb, 'fixture-tiles');
    const db = open(idb, 'fixture-tiles');
    const bytes = (n: number) => new Uint8Array([n, n + 1, n + 2]).buffer;
    await putCachedTiles(
      [
        { id: 'good@1/f/12/3379/1622', layerId: 'good', bytes: bytes(1) },
        { id: 'good@1~labels/l/12/3379/1622', layerId: 'good', bytes: bytes(2) },
        { id: 'good@0/f/12/3379/1622', layerId: 'good', bytes: bytes(3) },
        { id: 'repairable@1/f/3/1/1', layerId: 'repairable', bytes: new ArrayBuffer(0) },
      ],
      db,
    );
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
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const layers = await listLayers(db);
    expect(layers.map((l) => l.id)).toEqual(['repairable', 'good']);
    const [rep, good] = layers;
    expect(rep).toMatchObject({ name: 'repairable', kind: 'other', opacity: 1, visible: true, sample: false });
    expect(rep!.meta.bboxLngLat).toBeNull();
    expect(good).toMatchObject({ name: '永久基本农田', visible: false, opacity: 0.4 });
    expect(await getMapView(db)).toEqual({ center: [117.05, 35.05], zoom: 14, bearing: 0 });
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('skipped a malformed layer record (badStyle at style)'),
      expect.objectContaining({ id: 'broken' }),
    );
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
    expect(layers.map((l) => [l.id, l.order, l.visible, l.opacity])).toEqual([
      ['good', 1, true, 0.8],
      ['repairable', 2, true, 1],
    ]);
    expect(await again.layers.get('broken')).toBeUndefined();
    expect(await getMapView(again)).toEqual({ center: [100, 30], zoom: 9, bearing: 10 });
    again.close();
  });
});

describe('schema 2 → 3 upgrade, from a raw v2 database', () => {
  it('migrates the good records, stores the repairable ones repaired, leaves the broken ones as they were', async () => {
    const idb = new IDBFactory();
    await writeV2Fixture(idb, 'v2-up');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = open(idb, 'v2-up');
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    db.close();
    const raw = await readRaw(idb, 'v2-up');

    // Nothing lost: every record of every store is still there.
    for (const s of STORES) expect(raw[s].length, s).toBe(v2[s].length);

    const layer = (id: string) => raw.layers.find((l) => l.id === id)!;
    expect(layer(GOOD)).toEqual({ ...fixtureLayer(GOOD), v: 3 });
    expect(layer(LABELLED)).toEqual({ ...fixtureLayer(LABELLED), v: 3 });
    expect(layer('repairable')).toMatchObject({
      v: 3,
      name: 'repairable',
      kind: 'other',
      opacity: 1,
      visible: true,
      style: { fillOpacity: 0, line: { widthPx: 1 } },
    });
    expect(layer('broken')).toEqual(fixtureLayer('broken')); // no `v`: reads migrate it, and still skip it
    expect(layer('bad-line')).toEqual(fixtureLayer('bad-line'));

    const data = (id: string) => raw.layerData.find((d) => d.layerId === id)!;
    expect(data(GOOD)).toMatchObject({ v: 3, labels: null });
    expect(await (data(GOOD).geojson as Blob).text()).toBe('{"type":"FeatureCollection","features":[]}');
    expect(data(LABELLED)).toMatchObject({ v: 3, labels: null }); // "not a blob" → no labels
    expect(data('broken').v).toBeUndefined();

    // Source files and tiles are not rewritten (their bytes would cost seconds): unmarked, read as v2 and migrated on read.
    const files = (id: string) => raw.sourceFiles.find((d) => d.layerId === id)!;
    expect(files(GOOD)).toEqual({ layerId: GOOD, files: [{ path: 'county.zip', bytes: new Uint8Array([80, 75, 3, 4]) }, { path: 'notes.txt' }] });
    expect(files('broken')).toEqual({ layerId: 'broken', files: 'none' });

    // Settings kept, values untouched.
    expect(raw.settings.map((s) => [s.key, s.value, s.v])).toEqual([
      ['lang', 'en', 3],
      ['sampleLoaded', true, 3],
      ['view', { center: [117.05, 34.505], zoom: 14.5, bearing: 12 }, 3],
    ]);

    const tile = (id: string) => raw.tileCache.find((t) => t.id === id)!;
    expect(tile(`${GOOD}@1/f/12/3379/1622`)).toMatchObject({ layerId: GOOD });
    expect(new Uint8Array(tile(`${GOOD}@1/f/12/3379/1622`).bytes as ArrayBuffer)).toEqual(new Uint8Array([26, 3, 1, 2]));
    expect(raw.tileCache.every((t) => t.v === undefined)).toBe(true);

    // Every v2 store is either rewritten or migrated on read.
    expect([...UPGRADED_STORES, ...MIGRATED_ON_READ].sort()).toEqual(Object.keys(SCHEMA_VERSIONS[1]!.stores).sort());
    // The upgrade said what it left behind: 2 layers, 1 layer data.
    expect(warn.mock.calls.filter(([m]) => String(m).includes('schema 3 upgrade left')).map(([m]) => String(m))).toEqual([
      'landpatrol: schema 3 upgrade left a layers record as it was (badStyle at style.line)',
      'landpatrol: schema 3 upgrade left a layers record as it was (badStyle at style)',
      'landpatrol: schema 3 upgrade left a layerData record as it was (badBlob at geojson)',
    ]);
  });

  it('the app reads the upgraded database as it read the v2 one', async () => {
    const idb = new IDBFactory();
    await writeV2Fixture(idb, 'v2-read');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = open(idb, 'v2-read');
    expect((await listLayers(db)).map((l) => [l.id, l.name, l.order])).toEqual([
      ['repairable', 'repairable', 1],
      [GOOD, '永久基本农田', 2],
      [LABELLED, '地类图斑', 3],
    ]);
    expect(await getLayerRecord('broken', db)).toBeNull();
    expect(await getLayerRecord(GOOD, db)).toMatchObject({ v: 3, id: GOOD, visible: false, opacity: 0.4, meta: { crs: { epsg: 4527 } } });
    expect(await getLayerData('broken', db)).toBeNull();
    expect(await (await getLayerData(LABELLED, db))!.attributes.text()).toContain('"DLBM"');
    expect((await getSourceFiles(GOOD, db))!.files.map((f) => f.path)).toEqual(['county.zip']);
    expect(await getSourceFiles('broken', db)).toBeNull();
    expect(await getMapView(db)).toEqual({ center: [117.05, 34.505], zoom: 14.5, bearing: 12 });
    expect(await getSetting('lang', db)).toBe('en');
    expect(await getSetting('sampleLoaded', db)).toBe(true);
    expect(await getSetting('never-written', db)).toBeUndefined();
    expect(new Uint8Array((await getCachedTile(`${GOOD}@1/f/12/3379/1622`, db))!)).toEqual(new Uint8Array([26, 3, 1, 2]));
    expect((await getCachedTile(`${LABELLED}@3~labels/l/12/3379/1622`, db))!.byteLength).toBe(0);
    expect(await getCachedTile(`${LABELLED}@2/f/12/3379/1622`, db)).toBeNull();
    expect(await hasCachedTiles(`${LABELLED}@2`, db)).toBe(true);
    expect(await pruneTileCache(db)).toBe(1); // LABELLED is at data version 3: its @2 tile is dead
    db.close();
  });

  it('a save completed after the upgrade survives closing and reopening, written at the current record version', async () => {
    const idb = new IDBFactory();
    await writeV2Fixture(idb, 'v2-save');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = open(idb, 'v2-save');
    const geojson = new Blob(['{"type":"FeatureCollection","features":[]}']);
    const attributes = new Blob(['{"v":1,"fields":[],"fids":[],"rows":[],"areas":[],"bboxes":[]}']);
    const record = { ...fixtureLayer(LABELLED), id: 'Lnew', name: '新导入', order: 0, dataVersion: 1 } as Parameters<
      typeof addLayers
    >[0][number]['record'];
    await addLayers(
      [
        {
          record,
          data: { layerId: 'Lnew', geojson, attributes, labels: null },
          sourceFiles: { layerId: 'Lnew', files: [{ path: 'x.shp', bytes: new Uint8Array([1]) }] },
        },
      ],
      db,
    );
    await replaceLayerData(GOOD, { name: '基本农田（改）' }, { layerId: GOOD, geojson, attributes, labels: null }, db);
    await putSetting('lang', 'zh-CN', db);
    await putCachedTiles([{ id: `${GOOD}@2/f/12/3379/1622`, layerId: GOOD, bytes: new ArrayBuffer(1) }], db);
    db.close();

    const raw = await readRaw(idb, 'v2-save');
    expect(raw.layers.find((l) => l.id === 'Lnew')).toMatchObject({ v: 3, order: 6, name: '新导入' }); // on top of every stored order (5, a broken record's, included)
    expect(raw.layerData.find((d) => d.layerId === 'Lnew')).toMatchObject({ v: 3 });
    expect(raw.sourceFiles.find((d) => d.layerId === 'Lnew')).toMatchObject({ v: 3 });
    expect(raw.layers.find((l) => l.id === GOOD)).toMatchObject({ v: 3, name: '基本农田（改）', dataVersion: 2 });
    expect(raw.tileCache.find((t) => t.id === `${GOOD}@2/f/12/3379/1622`)).toMatchObject({ v: 3, layerId: GOOD });
    const again = open(idb, 'v2-save');
    expect((await listLayers(again)).map((l) => l.id)).toEqual(['repairable', GOOD, LABELLED, 'Lnew']);
    expect(await getSetting('lang', again)).toBe('zh-CN');
    again.close();
  });

  it('an upgrade that fails half-way leaves the v2 database as it was (one transaction)', async () => {
    const idb = new IDBFactory();
    await writeV2Fixture(idb, 'v2-fail');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // Settings are migrated after layers, layer data and source files: make that step throw.
    vi.resetModules();
    vi.doMock('../../shared/domain/settings/setting-record', async (actual) => ({
      ...(await actual<typeof import('../../shared/domain/settings/setting-record')>()),
      restoreSetting: () => {
        throw new Error('disk full');
      },
    }));
    const fresh = await import('./db');
    const db = new fresh.LandPatrolDb('v2-fail', { indexedDB: idb, IDBKeyRange });
    await expect(db.open()).rejects.toThrow(/disk full/);
    db.close();
    vi.doUnmock('../../shared/domain/settings/setting-record');
    const raw = await readRaw(idb, 'v2-fail');
    expect(raw.layers.find((l) => l.id === GOOD)).toEqual(fixtureLayer(GOOD)); // not migrated: rolled back
    expect(raw.settings.every((r) => r.v === undefined)).toBe(true);
    // And the real upgrade still runs on it afterwards.
    const ok = open(idb, 'v2-fail');
    expect((await listLayers(ok)).map((l) => l.id)).toEqual(['repairable', GOOD, LABELLED]);
    ok.close();
  });
});

describe('schema 3 → 4 upgrade, from a raw v3 database', () => {
  it('keeps every v3 record exactly as it was and adds the grid and patrol stores, empty', async () => {
    const idb = new IDBFactory();
    await writeV3Fixture(idb, 'v3-up');
    const before = await readRaw(idb, 'v3-up');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = open(idb, 'v3-up');
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION); // through 4, 5 and 6, none of which rewrites a record
    expect(await db.gridAreas.count()).toBe(0);
    expect(await db.patrolRules.count()).toBe(0);
    expect(await db.patrols.count()).toBe(0);
    db.close();
    expect(warn).not.toHaveBeenCalled(); // no record was looked at, so none was reported
    const after = await readRaw(idb, 'v3-up');
    for (const s of STORES) expect(after[s], s).toEqual(before[s]);
    expect(after.layers.map((l) => [l.id, l.v])).toEqual([
      ['Lm3x9k2abc123', 3],
      ['Lm3x9k3def456', 3],
      ['Lv3new789', 3],
      ['broken', undefined],
    ]);
    const schema = await readSchema(idb, 'v3-up');
    expect(schema.version).toBe(70); // Dexie stores version × 10; v4 to v7 only add stores
    expect(schema.stores).toEqual({
      attachments: { keyPath: 'sha256', indexes: [] },
      basemapJobs: { keyPath: 'id', indexes: [] },
      basemapTileIndex: { keyPath: 'id', indexes: ['lastUsed', 'tileSet'] },
      basemapTiles: { keyPath: 'id', indexes: [] },
      gridAreas: { keyPath: 'id', indexes: ['level', 'parentId'] },
      inspections: { keyPath: 'id', indexes: ['number', 'status', 'updatedAt'] },
      inspectionSummaries: { keyPath: 'id', indexes: [] },
      photos: { keyPath: 'sha256', indexes: [] },
      imageryLayers: { keyPath: 'id', indexes: [] },
      layerData: { keyPath: 'layerId', indexes: [] },
      layers: { keyPath: 'id', indexes: ['order'] },
      patrolAreas: { keyPath: 'id', indexes: ['kind'] },
      patrolRules: { keyPath: 'id', indexes: [] },
      patrolTasks: { keyPath: 'id', indexes: ['date'] },
      patrols: { keyPath: 'id', indexes: ['date'] },
      settings: { keyPath: 'key', indexes: [] },
      sourceFiles: { keyPath: 'layerId', indexes: [] },
      tileCache: { keyPath: 'id', indexes: ['layerId'] },
    });
  });

  it('the app reads the upgraded database as it read the v3 one, and stores grid areas in it', async () => {
    const idb = new IDBFactory();
    await writeV3Fixture(idb, 'v3-read');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = open(idb, 'v3-read');
    expect((await listLayers(db)).map((l) => [l.id, l.order])).toEqual([
      [GOOD, 2],
      [LABELLED, 3],
      ['Lv3new789', 6],
    ]);
    expect(await getLayerRecord('broken', db)).toBeNull();
    expect(await (await getLayerData('Lv3new789', db))!.labels!.text()).toBe('{"type":"FeatureCollection","features":[]}');
    expect((await getSourceFiles(GOOD, db))!.files.map((f) => f.path)).toEqual(['county.zip']); // an unmarked v2 record, migrated on read
    expect((await getSourceFiles('Lv3new789', db))!.files.map((f) => f.path)).toEqual(['XZQ.shp', 'XZQ.dbf']);
    expect(await getMapView(db)).toEqual({ center: [117.05, 34.505], zoom: 14.5, bearing: 12 });
    expect(new Uint8Array((await getCachedTile('Lv3new789@1/f/12/3379/1622', db))!)).toEqual(new Uint8Array([26, 5, 9]));
    const town = createGridArea({ id: 'A1', level: 'township', name: '青石镇', code: '370112001000' }, { at: 1, by: '李晓燕' });
    expect(town.ok && (await putGridAreas([town.value], { at: 1, by: '李晓燕' }, db)).ok).toBe(true);
    db.close();
    const again = open(idb, 'v3-read');
    expect((await listGridAreas(again)).map((a) => [a.id, a.name, a.v])).toEqual([['A1', '青石镇', 1]]);
    again.close();
  });
});

type V4Stores = Stores | 'gridAreas' | 'patrolRules' | 'patrols';
const V4_STORES: readonly V4Stores[] = [...STORES, 'gridAreas', 'patrolRules', 'patrols'];

/** tests/fixtures/db/v4-database.json written with raw IndexedDB, stores and indexes as schema 4 declared them. */
async function writeV4Fixture(indexedDB: IDBFactory, name: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.open(name, 40); // Dexie stores version × 10
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('layers', { keyPath: 'id' }).createIndex('order', 'order');
      db.createObjectStore('layerData', { keyPath: 'layerId' });
      db.createObjectStore('sourceFiles', { keyPath: 'layerId' });
      db.createObjectStore('settings', { keyPath: 'key' });
      db.createObjectStore('tileCache', { keyPath: 'id' }).createIndex('layerId', 'layerId');
      const areas = db.createObjectStore('gridAreas', { keyPath: 'id' });
      areas.createIndex('parentId', 'parentId');
      areas.createIndex('level', 'level');
      db.createObjectStore('patrolRules', { keyPath: 'id' });
      db.createObjectStore('patrols', { keyPath: 'id' }).createIndex('date', 'date');
      for (const store of V4_STORES)
        for (const rec of (v4 as unknown as Record<V4Stores, unknown[]>)[store]) req.transaction!.objectStore(store).put(revive(rec));
    };
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
    req.onerror = () => reject(req.error);
  });
}

/** Every record of the given stores, raw. */
async function readRawStores(indexedDB: IDBFactory, name: string, stores: readonly string[]): Promise<Record<string, unknown[]>> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction([...stores], 'readonly');
      const out: Record<string, unknown[]> = {};
      for (const s of stores) {
        const all = tx.objectStore(s).getAll();
        all.onsuccess = () => (out[s] = all.result as unknown[]);
      }
      tx.oncomplete = () => {
        db.close();
        resolve(out);
      };
      tx.onerror = () => reject(tx.error);
    };
    req.onerror = () => reject(req.error);
  });
}

describe('schema 4 → 5 upgrade, from a raw v4 database', () => {
  it('keeps every v4 record exactly as it was and adds the patrol area, task and attachment stores, empty', async () => {
    const idb = new IDBFactory();
    await writeV4Fixture(idb, 'v4-up');
    const before = await readRawStores(idb, 'v4-up', V4_STORES);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = open(idb, 'v4-up');
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    expect(await db.patrolAreas.count()).toBe(0);
    expect(await db.patrolTasks.count()).toBe(0);
    expect(await db.attachments.count()).toBe(0);
    db.close();
    expect(warn).not.toHaveBeenCalled();
    const after = await readRawStores(idb, 'v4-up', V4_STORES);
    for (const s of V4_STORES) expect(after[s], s).toEqual(before[s]);
    expect(after.gridAreas).toHaveLength(4);
    const schema = await readSchema(idb, 'v4-up');
    expect(schema.version).toBe(70);
    expect(schema.stores.patrolAreas).toEqual({ keyPath: 'id', indexes: ['kind'] });
    expect(schema.stores.patrolTasks).toEqual({ keyPath: 'id', indexes: ['date'] });
    expect(schema.stores.attachments).toEqual({ keyPath: 'sha256', indexes: [] });
    expect(schema.stores.patrols).toEqual({ keyPath: 'id', indexes: ['date'] });
  });

  it('the app reads the upgraded database as it read the v4 one, and stores patrol areas and tasks in it', async () => {
    const idb = new IDBFactory();
    await writeV4Fixture(idb, 'v4-read');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = open(idb, 'v4-read');
    expect((await listGridAreas(db)).map((a) => a.id).sort()).toEqual(['A0cell01', 'A0county', 'A0town', 'A0village']);
    expect((await listPatrolRules(db)).map((r) => r.id).sort()).toEqual(['default.township-weekly', 'office.park-daily']);
    expect((await listPatrols(db)).map((p) => [p.number, p.date, p.findings])).toEqual([['XC20261120001', '2026-11-20', '砖厂东侧新堆土']]);
    expect((await getPatrol('Pmi6v4abc0001', db))!.history).toHaveLength(1);
    expect(await listPatrolAreas(db)).toEqual([]);
    const square = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [117.04, 36.66],
          [117.05, 36.66],
          [117.05, 36.67],
          [117.04, 36.66],
        ],
      ],
    };
    const added = await addPatrolArea(
      { id: 'R1', kind: 'keyArea', keyAreaKind: '工业集中区', name: '杏园工业园', geometry: square },
      '李晓燕',
      1,
      db,
    );
    expect(added.ok).toBe(true);
    const task = await addTask({ id: 'T1', date: '2026-12-01' as DateKey, areaIds: ['R1', 'A0cell01'] }, '李晓燕', 2, db);
    expect(task.ok).toBe(true);
    db.close();
    const again = open(idb, 'v4-read');
    expect((await listPatrolAreas(again)).map((a) => [a.id, a.name, a.kind])).toEqual([['R1', '杏园工业园', 'keyArea']]);
    expect((await listTasksOfDay('2026-12-01' as DateKey, again)).map((t) => t.areaIds)).toEqual([['R1', 'A0cell01']]);
    expect(await listTasksOfDay('2026-12-02' as DateKey, again)).toEqual([]);
    again.close();
  });
});

type V5Stores = V4Stores | 'patrolAreas' | 'patrolTasks' | 'attachments';
const V5_STORES: readonly V5Stores[] = [...V4_STORES, 'patrolAreas', 'patrolTasks', 'attachments'];

/** tests/fixtures/db/v5-database.json written with raw IndexedDB, stores and indexes as schema 5 declared them. */
async function writeV5Fixture(indexedDB: IDBFactory, name: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.open(name, 50); // Dexie stores version × 10
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('layers', { keyPath: 'id' }).createIndex('order', 'order');
      db.createObjectStore('layerData', { keyPath: 'layerId' });
      db.createObjectStore('sourceFiles', { keyPath: 'layerId' });
      db.createObjectStore('settings', { keyPath: 'key' });
      db.createObjectStore('tileCache', { keyPath: 'id' }).createIndex('layerId', 'layerId');
      const areas = db.createObjectStore('gridAreas', { keyPath: 'id' });
      areas.createIndex('parentId', 'parentId');
      areas.createIndex('level', 'level');
      db.createObjectStore('patrolRules', { keyPath: 'id' });
      db.createObjectStore('patrols', { keyPath: 'id' }).createIndex('date', 'date');
      db.createObjectStore('patrolAreas', { keyPath: 'id' }).createIndex('kind', 'kind');
      db.createObjectStore('patrolTasks', { keyPath: 'id' }).createIndex('date', 'date');
      db.createObjectStore('attachments', { keyPath: 'sha256' });
      for (const store of V5_STORES)
        for (const rec of (v5 as unknown as Record<V5Stores, unknown[]>)[store]) req.transaction!.objectStore(store).put(revive(rec));
    };
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
    req.onerror = () => reject(req.error);
  });
}

describe('schema 5 → 6 upgrade, from a raw v5 database', () => {
  it('keeps every v5 record exactly as it was and adds the inspection, photo and summary stores, empty', async () => {
    const idb = new IDBFactory();
    await writeV5Fixture(idb, 'v5-up');
    const before = await readRawStores(idb, 'v5-up', V5_STORES);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = open(idb, 'v5-up');
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    expect(await db.inspections.count()).toBe(0);
    expect(await db.photos.count()).toBe(0);
    expect(await db.inspectionSummaries.count()).toBe(0);
    db.close();
    expect(warn).not.toHaveBeenCalled();
    const after = await readRawStores(idb, 'v5-up', V5_STORES);
    for (const s of V5_STORES) expect(after[s], s).toEqual(before[s]);
    expect(after.patrolAreas).toHaveLength(2);
    const schema = await readSchema(idb, 'v5-up');
    expect(schema.version).toBe(70);
    expect(schema.stores.inspections).toEqual({ keyPath: 'id', indexes: ['number', 'status', 'updatedAt'] });
    expect(schema.stores.inspectionSummaries).toEqual({ keyPath: 'id', indexes: [] });
    expect(schema.stores.photos).toEqual({ keyPath: 'sha256', indexes: [] });
    expect(schema.stores.attachments).toEqual({ keyPath: 'sha256', indexes: [] });
  });

  it('the app reads the upgraded database as it read the v5 one, and stores inspections in it', async () => {
    const idb = new IDBFactory();
    await writeV5Fixture(idb, 'v5-read');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = open(idb, 'v5-read');
    expect((await listPatrols(db)).map((p) => [p.number, p.v, p.attachments.length])).toEqual([
      ['XC20261120001', 2, 0], // the v1 patrol, migrated on read
      ['XC20261127001', 2, 1],
    ]);
    expect((await listPatrolAreas(db)).map((a) => [a.id, a.kind, a.stopNotice?.noticeNo ?? null])).toEqual([
      ['R0park', 'keyArea', null],
      ['R0site', 'stopNoticeSite', '历国土停〔2026〕007号'],
    ]);
    expect((await getTask('T0task1', db))!.areaIds).toEqual(['R0park', 'R0site', 'A0cell01']);
    const sha = (await listPatrols(db))[1]!.attachments[0]!.sha256;
    expect(await (await getAttachment(sha, db))!.data.text()).toBe('a photo attached to a v5 patrol (not a real JPEG)');
    const added = await addInspection({ id: 'I1', source: { kind: 'drawn' } }, '李晓燕', Date.UTC(2026, 11, 1, 2), '核〔{yyyy}〕{seq:3}号', db);
    expect(added.ok && added.value.number).toBe('核〔2026〕001号');
    db.close();
    const again = open(idb, 'v5-read');
    const stored = await listInspections(again);
    expect(stored.map((r) => [r.id, r.number, r.status])).toEqual([['I1', '核〔2026〕001号', 'pending']]);
    expect(verifyHistory(stored[0]!.history, hashedState(stored[0]!))).toMatchObject({ ok: true, entries: 1 });
    again.close();
  });
});

type V6Stores = V5Stores | 'inspections' | 'photos';
const V6_STORES: readonly V6Stores[] = [...V5_STORES, 'inspections', 'photos'];
/** Raw records as the v6 app wrote them into its two new stores (shapes of issue 11's record modules). */
const V6_EXTRA = {
  inspections: [{ v: 1, id: 'I0v6', number: '核〔2026〕001号', status: 'pending', source: { kind: 'drawn' }, history: [] }],
  photos: [{ v: 1, sha256: 'a'.repeat(64), takenAt: null, position: null }],
};

/** The v5 fixture plus the v6 stores with a record each, written with raw IndexedDB as schema 6 declared them. */
async function writeV6Fixture(indexedDB: IDBFactory, name: string): Promise<void> {
  await writeV5Fixture(indexedDB, name);
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.open(name, 60);
    req.onupgradeneeded = () => {
      const db = req.result;
      const ins = db.createObjectStore('inspections', { keyPath: 'id' });
      ins.createIndex('status', 'status');
      ins.createIndex('number', 'number');
      ins.createIndex('updatedAt', 'updatedAt');
      db.createObjectStore('inspectionSummaries', { keyPath: 'id' });
      db.createObjectStore('photos', { keyPath: 'sha256' });
      for (const r of V6_EXTRA.inspections) req.transaction!.objectStore('inspections').put(r);
      for (const r of V6_EXTRA.photos) req.transaction!.objectStore('photos').put(r);
    };
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
    req.onerror = () => reject(req.error);
  });
}

describe('schema 6 → 7 upgrade, from a raw v6 database', () => {
  it('keeps every v6 record exactly as it was and adds the imagery store, empty', async () => {
    const idb = new IDBFactory();
    await writeV6Fixture(idb, 'v6-up');
    const before = await readRawStores(idb, 'v6-up', V6_STORES);
    expect(before.inspections).toHaveLength(1);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = open(idb, 'v6-up');
    await db.open();
    expect(db.verno).toBe(7);
    expect(await db.imageryLayers.count()).toBe(0);
    db.close();
    expect(warn).not.toHaveBeenCalled();
    const after = await readRawStores(idb, 'v6-up', V6_STORES);
    for (const s of V6_STORES) expect(after[s], s).toEqual(before[s]);
    const schema = await readSchema(idb, 'v6-up');
    expect(schema.version).toBe(70);
    expect(schema.stores.imageryLayers).toEqual({ keyPath: 'id', indexes: [] });
    expect(schema.stores.inspections).toEqual({ keyPath: 'id', indexes: ['number', 'status', 'updatedAt'] });
  });

  it('the app reads the upgraded database as before, and keeps imagery layers in it across a reopen', async () => {
    const idb = new IDBFactory();
    await writeV6Fixture(idb, 'v6-read');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = open(idb, 'v6-read');
    expect((await listPatrols(db)).map((p) => p.number)).toEqual(['XC20261120001', 'XC20261127001']);
    expect(await listImageryLayers(db)).toEqual([]);
    const info = {
      format: 'png' as const,
      bounds: [116.97, 35.03, 117.01, 35.06] as [number, number, number, number],
      minzoom: 13,
      maxzoom: 17,
      tileSize: 256,
      description: null,
      attribution: null,
      metadata: { name: '青石镇' },
    };
    const bytes = new Blob([new Uint8Array([0x53, 0x51, 0x4c])]);
    const a = await addImageryLayer(
      {
        id: 'Ia',
        name: '青石镇影像',
        source: { kind: 'mbtiles', file: { storage: 'copy', name: 'a.mbtiles', size: 3, lastModified: 5, blob: bytes } },
        info,
      },
      100,
      db,
    );
    const b = await addImageryLayer(
      {
        id: 'Ib',
        name: '县域影像',
        source: { kind: 'pmtiles', file: { storage: 'session', name: 'b.pmtiles', size: 2_000_000_000, lastModified: 6 } },
        info,
      },
      200,
      db,
    );
    expect([a.order, b.order]).toEqual([1, 2]);
    expect((await updateImageryLayer('Ia', { opacity: 0.6, visible: false }, db)).ok).toBe(true);
    expect((await updateImageryLayer('nope', { opacity: 0.6 }, db)).ok).toBe(false);
    await setImageryOrder(['Ib', 'Ia'], db);
    db.close();
    const again = open(idb, 'v6-read');
    const stored = await listImageryLayers(again);
    expect(stored.map((l) => [l.id, l.order, l.opacity, l.visible, l.source.kind])).toEqual([
      ['Ib', 1, 1, true, 'pmtiles'],
      ['Ia', 2, 0.6, false, 'mbtiles'],
    ]);
    const kept = stored[1]!.source;
    expect(kept.kind === 'mbtiles' && kept.file.storage === 'copy' && new Uint8Array(await kept.file.blob.arrayBuffer())).toEqual(
      new Uint8Array([0x53, 0x51, 0x4c]),
    );
    expect(stored[1]!.info).toEqual(info);
    await deleteImageryLayer('Ib', again);
    expect((await listImageryLayers(again)).map((l) => l.id)).toEqual(['Ia']);
    // A record a bug could leave (no source) is skipped with a warning, not thrown.
    await again.imageryLayers.put({ v: 1, id: 'Ibad', name: 'x' } as never);
    expect((await listImageryLayers(again)).map((l) => l.id)).toEqual(['Ia']);
    again.close();
  });
});

describe('durability', () => {
  it('every write transaction asks for strict durability (a completed save is on disk)', async () => {
    // Installed before the database opens: Dexie binds the connection's transaction() when it opens.
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const idb = new IDBFactory();
    await writeV2Fixture(idb, 'durable');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = open(idb, 'durable');
    await db.open();
    spy.mockClear();
    await putSetting('lang', 'en', db);
    await updateLayer(GOOD, { opacity: 0.5 }, db);
    await deleteLayer(LABELLED, db);
    const writes = spy.mock.calls.filter((c) => c[1] === 'readwrite');
    expect(writes).toHaveLength(3); // one transaction per action
    expect(writes.map((c) => (c[2] as IDBTransactionOptions | undefined)?.durability)).toEqual(['strict', 'strict', 'strict']);
    db.close();
  });
});
