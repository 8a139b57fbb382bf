/**
 * UI-thread side of the geotiff worker: opens images (the File goes to the worker as a Blob, never read here),
 * registers the `lpcog://` tile scheme with the map's tile protocol registry, keeps the open images' layer state, and
 * renders imagery for print (renderImagery: a GeoTIFF in its worker, any other registered tile source by warping its
 * tiles there).
 */
import { fetchProtocolTile, protocolTileTemplate, registerTileProtocol, type RasterLayerSpec } from '../../map';
import { createWorkerClient } from '../../platform/worker-client';
import { createStore } from '../../ui/store';
import type { Bbox } from '../../../shared/domain/geometry/bbox';
import type { GeoTiffSidecars } from '../../../shared/formats/geotiff/georef';
import type { GeoTiffInfo } from './geotiff-image';
import type { GeotiffProtocol, OpenResult, SourceTile } from './geotiff.protocol';
import { groupGeoTiffFiles, pixelMetres, tilesCovering, zoomRange } from './geotiff.logic';
import { gkExtentLngLatBounds, zoomForFrame, type GkExtent } from './print-extent';

export const COG_SCHEME = 'lpcog';

const client = createWorkerClient<GeotiffProtocol>({
  spawn: () => new Worker(new URL('./geotiff.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-geotiff' }),
  lifetime: 'persistent',
  // A tile the map no longer needs is dropped by message: the worker and its open images stay.
  cancel: 'message',
});

/**
 * Starts the worker (its module and geotiff.js load) while the user is still choosing a file in the picker: on a busy
 * laptop that start was most of the time between the pick and the image's row in the 影像 tab.
 */
export function warmGeotiffWorker(): void {
  client.start();
}

let registered = false;
function ensureScheme(): void {
  if (registered) return;
  registered = true;
  registerTileProtocol(COG_SCHEME, async ({ key, z, x, y }, signal) => {
    try {
      return await client.request('tile', { id: key, z, x, y, size: 256 }, { signal });
    } catch (err) {
      if (signal.aborted) return null;
      throw err;
    }
  });
}

/** An open image as a map layer (kept for this session: the browser cannot re-read a picked file after a reload). */
export interface GeotiffLayer {
  id: string;
  name: string;
  info: GeoTiffInfo;
  opacity: number;
  visible: boolean;
  minzoom: number;
  maxzoom: number;
}

export const geotiffLayers = createStore<readonly GeotiffLayer[]>([]);

const update = (id: string, patch: Partial<GeotiffLayer>) =>
  geotiffLayers.set(geotiffLayers.get().map((l) => (l.id === id ? { ...l, ...patch } : l)));
export const setGeotiffOpacity = (id: string, opacity: number) => update(id, { opacity: Math.min(1, Math.max(0, opacity)) });
export const setGeotiffVisible = (id: string, visible: boolean) => update(id, { visible });

export async function closeGeotiff(id: string): Promise<void> {
  geotiffLayers.set(geotiffLayers.get().filter((l) => l.id !== id));
  await client.request('close', { id });
}

/** The map layer of an open image: `lpcog://<id>/{z}/{x}/{y}`, bounded to the image, in its zoom range. */
export function rasterSpecOf(l: GeotiffLayer): RasterLayerSpec {
  return {
    type: 'raster',
    id: `geotiff-${l.id}`,
    tiles: [protocolTileTemplate(COG_SCHEME, l.id)],
    tileSize: 256,
    bounds: l.info.boundsLngLat,
    minzoom: l.minzoom,
    maxzoom: l.maxzoom,
    opacity: l.opacity,
    visible: l.visible,
  };
}

let serial = 0;
const newId = () => `${Date.now().toString(36)}-${(serial++).toString(36)}`;

export type OpenOutcome = { file: string; result: OpenResult; layer: GeotiffLayer | null };

interface PickedFile {
  path: string;
  data: Blob | Uint8Array;
}

const asBlob = (d: Blob | Uint8Array) => (d instanceof Blob ? d : new Blob([d as Uint8Array<ArrayBuffer>]));
const textOf = async (f: PickedFile | undefined) => (f ? asBlob(f.data).text() : undefined);

/**
 * Opens one image in the geotiff worker under `id` (the imagery layer record's id, when the layer list keeps one):
 * its File/Blob is read by ranges, never whole. The layer list of the imagery feature calls this for a stored GeoTIFF
 * record after a restart (with the Blob from its file handle or stored copy); 打开影像 calls it through
 * openGeotiffFiles.
 */
export async function openGeotiff(o: { id: string; file: Blob; name: string; sidecars?: GeoTiffSidecars }): Promise<OpenResult> {
  ensureScheme();
  const lastModified = o.file instanceof File ? o.file.lastModified : null;
  return client.request('open', { id: o.id, file: o.file, name: o.name, lastModified, sidecars: o.sidecars ?? {} });
}

/** The zoom range an opened image is drawn in (geotiff.logic zoomRange from its pixel size and coarsest overview). */
export function zoomRangeOf(info: GeoTiffInfo): { minzoom: number; maxzoom: number } {
  const lat = (info.boundsLngLat[1] + info.boundsLngLat[3]) / 2;
  const coarsest = info.overviews.length > 0 ? info.width / info.overviews[info.overviews.length - 1]!.width : 1;
  return zoomRange(pixelMetres(info, info.crsKind === 'geographic'), lat, coarsest);
}

/** Opens every image among the files (with the sidecars named after it); one outcome per image, in order. */
export async function openGeotiffFiles(files: readonly PickedFile[]): Promise<OpenOutcome[]> {
  const out: OpenOutcome[] = [];
  for (const g of groupGeoTiffFiles(files)) {
    const name = g.image.path.replace(/\\/g, '/').split('/').pop() ?? g.image.path;
    const sidecars: GeoTiffSidecars = {};
    const [tfw, prj, auxXml] = await Promise.all([textOf(g.tfw), textOf(g.prj), textOf(g.auxXml)]);
    if (tfw !== undefined) sidecars.tfw = tfw;
    if (prj !== undefined) sidecars.prj = prj;
    if (auxXml !== undefined) sidecars.auxXml = auxXml;
    const id = newId();
    const result = await openGeotiff({ id, file: asBlob(g.image.data), name, sidecars });
    let layer: GeotiffLayer | null = null;
    if (result.ok) {
      layer = { id, name, info: result.info, opacity: 1, visible: true, ...zoomRangeOf(result.info) };
      geotiffLayers.set([...geotiffLayers.get(), layer]);
    }
    out.push({ file: name, result, layer });
  }
  return out;
}

/** Bytes the worker has read of an open image's file (the bench: a 2 GB COG is never read whole). */
export const geotiffReadStats = (id: string) => client.request('stats', { id });

// ---- print (issue 12 item 4)

/** An imagery layer to render for print: an open GeoTIFF, or any source registered with the tile protocol registry. */
export type ImagerySource =
  | { kind: 'geotiff'; layerId: string }
  | {
      kind: 'tiles';
      scheme: string;
      key: string;
      name: string;
      date: string | null;
      minzoom: number;
      maxzoom: number;
      tileSize?: number;
      boundsLngLat?: Bbox;
    };

export interface ImageryRender {
  /** PNG bytes of widthPx × heightPx: the frame's GK extent, north up in the GK grid (X = north). */
  png: Uint8Array;
  widthPx: number;
  heightPx: number;
  /** Frame pixels the imagery covers (0: nothing of it is in the frame). */
  coveredPx: number;
  /** For the sheet's notes: the source's name, its date and where the date came from. */
  source: { name: string; date: string | null; dateFrom: 'tiff' | 'file' | 'package' | null; crs: string | null; zoom?: number };
}

/** Largest frame rendered: Chromium's canvas limits (8192 a side, ~33 Mpx; STACK-NOTES). A3 at 300 dpi is 4961 × 3508. */
export const MAX_RENDER_SIDE = 8192;
export const MAX_RENDER_PIXELS = 33_000_000;

/**
 * Renders an imagery layer into a sheet's map frame: `extent` in a GK zone, `widthPx × heightPx` (300 dpi of the
 * sheet's scale: see sheetFrame). In the geotiff worker; tile sources' tiles are fetched here through their
 * registered fetchers (the same bytes the map draws) and warped there.
 */
export async function renderImagery(
  layer: ImagerySource,
  frame: { extent: GkExtent; widthPx: number; heightPx: number },
  signal?: AbortSignal,
): Promise<ImageryRender> {
  const { extent, widthPx, heightPx } = frame;
  if (!(widthPx > 0 && heightPx > 0) || widthPx > MAX_RENDER_SIDE || heightPx > MAX_RENDER_SIDE || widthPx * heightPx > MAX_RENDER_PIXELS)
    throw new RangeError(`frame ${widthPx}×${heightPx} px outside 1…${MAX_RENDER_SIDE} a side and ${MAX_RENDER_PIXELS} px`);
  if (layer.kind === 'geotiff') {
    const l = geotiffLayers.get().find((x) => x.id === layer.layerId);
    if (!l) throw new Error(`no open GeoTIFF ${layer.layerId}`);
    const r = await client.request('render', { id: l.id, extent, widthPx, heightPx }, signal ? { signal } : {});
    return {
      png: new Uint8Array(r.png),
      widthPx,
      heightPx,
      coveredPx: r.coveredPx,
      source: { name: l.name, date: l.info.date?.text ?? null, dateFrom: l.info.date?.from ?? null, crs: l.info.crsLabel },
    };
  }
  const tileSize = layer.tileSize ?? 256;
  const z = zoomForFrame(extent, widthPx, layer.minzoom, layer.maxzoom, tileSize);
  const box = gkExtentLngLatBounds(extent);
  const b = layer.boundsLngLat;
  const clipped: Bbox = b ? [Math.max(box[0], b[0]), Math.max(box[1], b[1]), Math.min(box[2], b[2]), Math.min(box[3], b[3])] : box;
  const wanted = clipped[0] < clipped[2] && clipped[1] < clipped[3] ? tilesCovering(clipped, z) : [];
  const ac = new AbortController();
  signal?.addEventListener('abort', () => ac.abort(), { once: true });
  const tiles: SourceTile[] = [];
  // At most 6 at a time, as the map itself asks.
  for (let i = 0; i < wanted.length; i += 6) {
    const batch = await Promise.all(
      wanted.slice(i, i + 6).map(async (t) => ({ ...t, data: await fetchProtocolTile(layer.scheme, { key: layer.key, z, ...t }, ac.signal) })),
    );
    for (const t of batch) if (t.data) tiles.push({ x: t.x, y: t.y, data: t.data });
  }
  const r = await client.request(
    'renderTiles',
    { extent, widthPx, heightPx, z, tileSize, tiles },
    { transfer: tiles.map((t) => t.data), ...(signal ? { signal } : {}) },
  );
  return {
    png: new Uint8Array(r.png),
    widthPx,
    heightPx,
    coveredPx: r.coveredPx,
    source: { name: layer.name, date: layer.date, dateFrom: layer.date ? 'package' : null, crs: null, zoom: z },
  };
}
