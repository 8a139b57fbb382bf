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
import { createStore } from '../../ui/store';
import { closeImagery, openFolder, openPackage } from './imagery-client';
import { moveInOrder, packageKindOf, scanTileFolder, storageFor, type FolderRefusal } from './imagery.logic';
import type { OpenRefusal } from './imagery.protocol';

export type ImageryStatus =
  | { state: 'opening' }
  | { state: 'ready' }
  /** A file handle kept from an earlier session: the browser asks the user again before it is read. */
  | { state: 'needsPermission' }
  /** Kept for one session only, and this is a later one: the user opens the file again. */
  | { state: 'missing' }
  | { state: 'failed'; reason: OpenRefusal | 'fileUnreadable' };

export interface ImageryState {
  loaded: boolean;
  layers: ImageryLayer[];
  status: Record<string, ImageryStatus>;
}

export const imageryStore = createStore<ImageryState>({ loaded: false, layers: [], status: {} });

/** Files picked in this session, by layer id (what a 'session' layer reads until the page reloads). */
const sessionFiles = new Map<string, File>();
const sessionFolders = new Map<string, File[]>();

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
      setStatus(layer.id, r.ok ? { state: 'ready' } : { state: 'failed', reason: r.reason });
    } else if (src.kind === 'xyz') {
      const folder = src.folder;
      const tiles =
        folder.storage === 'copy'
          ? new Map(folder.tiles.map((t) => [t.path, t.blob as Blob]))
          : new Map((sessionFolders.get(layer.id) ?? []).map((f) => [relPath(f), f as Blob]));
      if (tiles.size === 0) return setStatus(layer.id, { state: 'missing' });
      openFolder(layer.id, async (z, x, y) => {
        const b = tiles.get(`${z}/${x}/${src.rows === 'tms' ? 2 ** z - 1 - y : y}.${src.ext}`);
        return b ? b.arrayBuffer() : null;
      });
      setStatus(layer.id, { state: 'ready' });
    }
    // geotiff and online layers are drawn by their own features (issue 12 items 2 and 3).
  } catch {
    setStatus(layer.id, { state: 'failed', reason: 'fileUnreadable' });
  }
}

/** A tile file's path below the picked folder, "z/x/y.ext" as the folder stores it (rows as they are). */
function relPath(f: File): string {
  const p = (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
  const m = /(\d{1,2}\/\d+\/\d+\.(?:png|jpe?g|webp))$/i.exec(p);
  return m ? m[1]!.replace(/\.jpeg$/i, '.jpg').toLowerCase() : p;
}

const newId = () => `I${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const stem = (name: string) => name.replace(/\.[^.]+$/, '');

export type OpenOutcome =
  | { ok: true; layer: ImageryLayer }
  | { ok: false; file: string; reason: OpenRefusal | FolderRefusal | 'notPackage' | 'fileUnreadable'; detail?: string };

/** Opens picked packages (MBTiles, PMTiles), each a new layer on top of the imagery; a handle keeps a large one. */
export async function openPackages(files: readonly { file: File; handle?: FileSystemFileHandle }[], sample = false): Promise<OpenOutcome[]> {
  const out: OpenOutcome[] = [];
  for (const { file, handle } of files) {
    const kind = packageKindOf(file.name);
    if (!kind) {
      out.push({ ok: false, file: file.name, reason: 'notPackage' });
      continue;
    }
    const id = newId();
    let r;
    try {
      r = await openPackage(id, kind, file);
    } catch (e) {
      out.push({ ok: false, file: file.name, reason: 'fileUnreadable', detail: e instanceof Error ? e.message : String(e) });
      continue;
    }
    if (!r.ok) {
      out.push({ ok: false, file: file.name, reason: r.reason, detail: r.detail });
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
export async function openTileFolder(files: readonly File[]): Promise<OpenOutcome> {
  const paths = files.map((f) => (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name);
  const folderName = paths[0]?.split('/')[0] ?? '';
  const scanned = scanTileFolder(paths);
  if (!scanned.ok) return { ok: false, file: folderName, reason: scanned.reason };
  const { scan } = scanned;
  const tileFiles = [...scan.tiles.values()].map((i) => files[i]!);
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
            ? { storage: 'copy', name: folderName, size, tiles: tileFiles.map((f) => ({ path: relPath(f), blob: f })) }
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
  sessionFolders.set(id, tileFiles);
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
  await deleteImageryLayer(id);
  closeImagery(id);
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
