/**
 * The imagery layers and what each one's reader is doing now (ready, waiting for the user's permission, missing
 * after a reload, refused). Commands and the layer list share it; every change is written through renderer/db first.
 */
import {
  addImageryLayer,
  deleteImageryLayer,
  getSetting,
  listImageryLayers,
  putSetting,
  setImageryOrder,
  updateImageryLayer,
  type ImageryLayer,
  type ImageryPatch,
  type KeptFile,
} from '../../db';
import type { GeoTiffSidecarTexts } from '../../db';
import { createStore } from '../../ui/store';
import { closeGeotiff, geotiffRefusalKey, groupGeoTiffFiles, openGeotiff, zoomRangeOf, type GeoTiffInfo } from '../geotiff';
import { closeImagery, openFolder, openPackage } from './imagery-client';
import { isTilePath, moveInOrder, packageKindOf, refusalKey, scanTileFolder, storageFor, type FolderRefusal } from './imagery.logic';
import type { OpenRefusal } from './imagery.protocol';

export type ImageryStatus =
  | { state: 'opening' }
  | { state: 'ready' }
  /** A file handle kept from an earlier session: the browser asks the user again before it is read. */
  | { state: 'needsPermission' }
  /** Kept for one session only, and this is a later one: the user opens the file again. */
  | { state: 'missing' }
  /** `key`: the i18n key of the refusal (imagery.refusal.* or geotiff.refused.*), worded with the file's name. */
  | { state: 'failed'; key: string; detail: string };

export interface ImageryState {
  loaded: boolean;
  layers: ImageryLayer[];
  status: Record<string, ImageryStatus>;
}

export const imageryStore = createStore<ImageryState>({ loaded: false, layers: [], status: {} });

/** Files picked in this session, by layer id (what a 'session' layer reads until the page reloads). */
const sessionFiles = new Map<string, File>();
const sessionFolders = new Map<string, { path: string; file: File }[]>();

const setStatus = (id: string, s: ImageryStatus) => imageryStore.set((st) => ({ ...st, status: { ...st.status, [id]: s } }));

async function reload(): Promise<void> {
  const layers = await listImageryLayers();
  imageryStore.set((st) => ({ ...st, loaded: true, layers }));
}

async function blobOf(id: string, file: KeptFile, ask: boolean): Promise<Blob | 'needsPermission' | 'missing'> {
  if (file.storage === 'copy') return file.blob;
  if (file.storage === 'session') return sessionFiles.get(id) ?? 'missing';
  const h = file.handle as FileSystemFileHandle & {
    queryPermission?(o: { mode: 'read' }): Promise<PermissionState>;
    requestPermission?(o: { mode: 'read' }): Promise<PermissionState>;
  };
  let p = (await h.queryPermission?.({ mode: 'read' })) ?? 'granted';
  if (p !== 'granted' && ask) p = (await h.requestPermission?.({ mode: 'read' })) ?? 'denied';
  if (p !== 'granted') return 'needsPermission';
  return h.getFile();
}

/** Opens a stored layer's reader; `ask`: from a user's click (a file handle may ask for permission then). */
export async function activate(layer: ImageryLayer, ask = false): Promise<void> {
  setStatus(layer.id, { state: 'opening' });
  const src = layer.source;
  try {
    if (src.kind === 'mbtiles' || src.kind === 'pmtiles') {
      const blob = await blobOf(layer.id, src.file, ask);
      if (typeof blob === 'string') return setStatus(layer.id, { state: blob });
      const r = await openPackage(layer.id, src.kind, blob);
      setStatus(layer.id, r.ok ? { state: 'ready' } : { state: 'failed', key: refusalKey(r.reason), detail: r.detail });
    } else if (src.kind === 'geotiff') {
      const blob = await blobOf(layer.id, src.file, ask);
      if (typeof blob === 'string') return setStatus(layer.id, { state: blob });
      const r = await openGeotiff({ id: layer.id, file: blob, name: src.file.name, sidecars: sidecarTexts(src.sidecars) });
      setStatus(layer.id, r.ok ? { state: 'ready' } : { state: 'failed', key: geotiffRefusalKey(r.reason), detail: r.detail ?? '' });
    } else if (src.kind === 'xyz') {
      const folder = src.folder;
      const tiles =
        folder.storage === 'copy'
          ? new Map(folder.tiles.map((t) => [t.path, t.blob as Blob]))
          : new Map((sessionFolders.get(layer.id) ?? []).map((f) => [f.path, f.file as Blob]));
      if (tiles.size === 0) return setStatus(layer.id, { state: 'missing' });
      openFolder(layer.id, async (z, x, y) => {
        const b = tiles.get(`${z}/${x}/${src.rows === 'tms' ? 2 ** z - 1 - y : y}.${src.ext}`);
        return b ? b.arrayBuffer() : null;
      });
      setStatus(layer.id, { state: 'ready' });
    }
    // online basemaps are drawn by the basemaps feature (issue 12 item 3).
  } catch (e) {
    setStatus(layer.id, { state: 'failed', key: refusalKey('fileUnreadable'), detail: e instanceof Error ? e.message : String(e) });
  }
}

/** A tile file's path below the picked folder, "z/x/y.ext" as the folder stores it (rows as they are). */
function relPath(f: File, path?: string): string {
  const p = path ?? ((f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name);
  const m = /(\d{1,2}\/\d+\/\d+\.(?:png|jpe?g|webp))$/i.exec(p);
  return m ? m[1]!.replace(/\.jpeg$/i, '.jpg').toLowerCase() : p;
}

const newId = () => `I${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const stem = (name: string) => name.replace(/\.[^.]+$/, '');

export type OpenOutcome =
  | { ok: true; layer: ImageryLayer; geotiff?: GeoTiffInfo }
  /** `key`: the refusal's i18n key (imagery.refusal.* or geotiff.refused.*). */
  | { ok: false; file: string; key: string; detail?: string };

const refused = (
  file: string,
  reason: OpenRefusal | FolderRefusal | 'notPackage' | 'notImagery' | 'fileUnreadable',
  detail?: string,
): OpenOutcome => ({
  ok: false,
  file,
  key: refusalKey(reason),
  ...(detail !== undefined ? { detail } : {}),
});

const sidecarTexts = (s: GeoTiffSidecarTexts) => ({
  ...(s.tfw ? { tfw: s.tfw.text } : {}),
  ...(s.prj ? { prj: s.prj.text } : {}),
  ...(s.auxXml ? { auxXml: s.auxXml.text } : {}),
});

/** A picked or dropped file: its path (relative in a folder), the File, and its handle when the platform gave one. */
export interface PickedImageryFile {
  path: string;
  file: File;
  handle?: FileSystemFileHandle;
}

/**
 * Opens whatever imagery is among the files (打开影像, a drop on the map): packages (.mbtiles/.pmtiles), GeoTIFFs with
 * the sidecars named after them, and `{z}/{x}/{y}` tiles as one tile folder; anything else is refused by name.
 */
export async function openImageryFiles(files: readonly PickedImageryFile[]): Promise<OpenOutcome[]> {
  const out: OpenOutcome[] = [];
  const packages = files.filter((f) => packageKindOf(f.path));
  if (packages.length > 0) out.push(...(await openPackages(packages)));
  const groups = groupGeoTiffFiles(files);
  const inGroups = new Set<PickedImageryFile>(groups.flatMap((g) => [g.image, g.tfw, g.prj, g.auxXml].filter((f): f is PickedImageryFile => !!f)));
  for (const g of groups) out.push(await openGeotiffGroup(g));
  const tiles = files.filter((f) => isTilePath(f.path));
  if (tiles.length > 0)
    out.push(
      await openTileFolder(
        tiles.map((f) => f.file),
        tiles.map((f) => f.path),
      ),
    );
  const inFolder = tiles.length > 0;
  for (const f of files) {
    if (packageKindOf(f.path) || inGroups.has(f) || isTilePath(f.path)) continue;
    // Beside tiles in a folder (metadata.json, a readme) a file is no refusal; on its own it is.
    if (!inFolder) out.push(refused(f.path.split('/').pop() ?? f.path, 'notImagery'));
  }
  return out;
}

async function openGeotiffGroup(g: {
  image: PickedImageryFile;
  tfw?: PickedImageryFile;
  prj?: PickedImageryFile;
  auxXml?: PickedImageryFile;
}): Promise<OpenOutcome> {
  const { file, handle } = g.image;
  const sidecars: GeoTiffSidecarTexts = {};
  for (const k of ['tfw', 'prj', 'auxXml'] as const) {
    const f = g[k];
    if (f) sidecars[k] = { name: f.file.name, text: await f.file.text() };
  }
  const id = newId();
  let r;
  try {
    r = await openGeotiff({ id, file, name: file.name, sidecars: sidecarTexts(sidecars) });
  } catch (e) {
    return refused(file.name, 'fileUnreadable', e instanceof Error ? e.message : String(e));
  }
  if (!r.ok) return { ok: false, file: file.name, key: geotiffRefusalKey(r.reason), detail: r.detail ?? '' };
  const i = r.info;
  const base = { name: file.name, size: file.size, lastModified: file.lastModified };
  const storage = storageFor(file.size, !!handle);
  const kept: KeptFile =
    storage === 'copy' ? { storage, ...base, blob: file } : storage === 'handle' ? { storage, ...base, handle: handle! } : { storage, ...base };
  const layer = await addImageryLayer(
    {
      id,
      name: stem(file.name),
      source: { kind: 'geotiff', file: kept, sidecars, extra: {} },
      info: {
        format: null,
        bounds: i.boundsLngLat,
        ...zoomRangeOf(i),
        tileSize: 256,
        description: null,
        attribution: null,
        metadata: {
          crs: i.crsLabel,
          size: `${i.width} × ${i.height}`,
          ...(i.date ? { date: i.date.text } : {}),
        },
      },
    },
    Date.now(),
  );
  setStatus(id, { state: 'ready' });
  await reload();
  return { ok: true, layer, geotiff: i };
}

/** Opens picked packages (MBTiles, PMTiles), each a new layer on top of the imagery; a handle keeps a large one. */
export async function openPackages(
  files: readonly { file: File; handle?: FileSystemFileHandle | undefined }[],
  sample = false,
): Promise<OpenOutcome[]> {
  const out: OpenOutcome[] = [];
  for (const { file, handle } of files) {
    const kind = packageKindOf(file.name);
    if (!kind) {
      out.push(refused(file.name, 'notPackage'));
      continue;
    }
    const id = newId();
    let r;
    try {
      r = await openPackage(id, kind, file);
    } catch (e) {
      out.push(refused(file.name, 'fileUnreadable', e instanceof Error ? e.message : String(e)));
      continue;
    }
    if (!r.ok) {
      out.push(refused(file.name, r.reason, r.detail));
      continue;
    }
    const base = { name: file.name, size: file.size, lastModified: file.lastModified };
    const storage = storageFor(file.size, !!handle);
    const kept: KeptFile =
      storage === 'copy' ? { storage, ...base, blob: file } : storage === 'handle' ? { storage, ...base, handle: handle! } : { storage, ...base };
    const info = r.info;
    const layer = await addImageryLayer(
      {
        id,
        name: info.name ?? stem(file.name),
        sample,
        source: { kind, file: kept },
        info: {
          format: info.format,
          bounds: info.bounds,
          minzoom: info.minzoom,
          maxzoom: info.maxzoom,
          tileSize: info.tileSize,
          description: info.description,
          attribution: info.attribution,
          metadata: info.metadata,
        },
      },
      Date.now(),
    );
    sessionFiles.set(id, file);
    setStatus(id, { state: 'ready' });
    out.push({ ok: true, layer });
  }
  await reload();
  return out;
}

/** Opens a picked tile folder (webkitdirectory: every file with its relative path) as one layer. */
export async function openTileFolder(
  files: readonly File[],
  paths = files.map((f) => (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name),
): Promise<OpenOutcome> {
  const folderName = paths[0]?.split('/')[0] ?? '';
  const scanned = scanTileFolder(paths);
  if (!scanned.ok) return refused(folderName, scanned.reason);
  const { scan } = scanned;
  const tileFiles = [...scan.tiles.values()].map((i) => files[i]!);
  const tilePaths = [...scan.tiles.values()].map((i) => paths[i]!);
  const size = tileFiles.reduce((s, f) => s + f.size, 0);
  const id = newId();
  const storage = storageFor(size, false);
  const layer = await addImageryLayer(
    {
      id,
      name: folderName || '瓦片目录',
      source: {
        kind: 'xyz',
        rows: scan.rows,
        ext: scan.ext,
        folder:
          storage === 'copy'
            ? { storage: 'copy', name: folderName, size, tiles: tileFiles.map((f, i) => ({ path: relPath(f, tilePaths[i]), blob: f })) }
            : { storage: 'session', name: folderName, size },
      },
      info: {
        format: scan.ext,
        bounds: scan.bounds,
        minzoom: scan.minzoom,
        maxzoom: scan.maxzoom,
        tileSize: 256,
        description: null,
        attribution: null,
        metadata: { rows: scan.rows, tiles: String(scan.tiles.size) },
      },
    },
    Date.now(),
  );
  sessionFolders.set(
    id,
    tileFiles.map((f, i) => ({ path: relPath(f, tilePaths[i]), file: f })),
  );
  await activate(layer);
  await reload();
  return { ok: true, layer };
}

export async function patchImagery(id: string, patch: ImageryPatch): Promise<void> {
  // Shown at once (a slider), then written.
  imageryStore.set((st) => ({ ...st, layers: st.layers.map((l) => (l.id === id ? { ...l, ...patch } : l)) as ImageryLayer[] }));
  await updateImageryLayer(id, patch);
}

export async function removeImagery(id: string): Promise<void> {
  const kind = imageryStore.get().layers.find((l) => l.id === id)?.source.kind;
  await deleteImageryLayer(id);
  if (kind === 'geotiff') await closeGeotiff(id).catch(() => undefined);
  else closeImagery(id);
  sessionFiles.delete(id);
  sessionFolders.delete(id);
  await reload();
}

export async function moveImagery(id: string, dir: 'up' | 'down'): Promise<void> {
  const order = moveInOrder(
    imageryStore.get().layers.map((l) => l.id),
    id,
    dir,
  );
  await setImageryOrder(order);
  await reload();
}

const SAMPLE_FLAG = 'sampleImageryLoaded';

/** Boot: the stored layers' records (their readers open in the background: the map does not wait for them). */
export async function bootImagery(sampleUrl: string): Promise<void> {
  await reload();
  for (const l of imageryStore.get().layers) void activate(l);
  if (imageryStore.get().layers.length === 0) void addSampleOnce(sampleUrl);
}

/** First start: the generated sample imagery under the sample township's layers, once (deleting it is final). */
async function addSampleOnce(url: string): Promise<void> {
  try {
    if ((await getSetting(SAMPLE_FLAG)) === true) return;
    const res = await fetch(url);
    if (!res.ok) return;
    const file = new File([await res.blob()], '青石镇示例影像.mbtiles', { lastModified: 0 });
    await putSetting(SAMPLE_FLAG, true);
    await openPackages([{ file }], true);
  } catch {
    // A missing sample is no error for the user: the app works without it.
  }
}
