/**
 * UI-thread side of the geotiff worker: opens images (the File goes to the worker as a Blob, never read here),
 * registers the `lpcog://` tile scheme with the map's tile protocol registry, keeps which images are open, and
 * renders imagery for print (renderImagery: a GeoTIFF in its worker, any other registered tile source by warping its
 * tiles there).
 */
import { fetchProtocolTile, protocolTileTemplate, registerTileProtocol } from '../../map';
import { createWorkerClient } from '../../platform/worker-client';
import { createStore } from '../../ui/store';
import type { Bbox } from '../../../shared/domain/geometry/bbox';
import type { GeoTiffSidecars } from '../../../shared/formats/geotiff/georef';
import type { GeoTiffInfo } from './geotiff-image';
import type { GeotiffProtocol, OpenResult, SourceTile } from './geotiff.protocol';
import { pixelMetres, tilesCovering, zoomRange } from './geotiff.logic';
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

/**
 * An image open in the worker: what the print render and the imagery list's details read. The imagery feature owns
 * the layer (its record, visibility, opacity, order); this is only which images the worker holds, with what it read.
 */
export interface GeotiffLayer {
  id: string;
  name: string;
  info: GeoTiffInfo;
  minzoom: number;
  maxzoom: number;
}

export const geotiffLayers = createStore<readonly GeotiffLayer[]>([]);

export async function closeGeotiff(id: string): Promise<void> {
  geotiffLayers.set(geotiffLayers.get().filter((l) => l.id !== id));
  await client.request('close', { id });
}

/** The map tiles of an open image: `lpcog://<id>/{z}/{x}/{y}`, rendered in the worker. */
export function geotiffTiles(id: string): string[] {
  ensureScheme();
  return [protocolTileTemplate(COG_SCHEME, id)];
}

/**
 * Opens one image in the geotiff worker under `id` (the imagery layer record's id): its File/Blob is read by ranges,
 * never whole. The imagery feature calls this when a file is picked or dropped, and for a stored GeoTIFF record after
 * a restart (with the Blob of its stored copy or file handle, and its stored sidecars).
 */
export async function openGeotiff(o: { id: string; file: Blob; name: string; sidecars?: GeoTiffSidecars }): Promise<OpenResult> {
  ensureScheme();
  const lastModified = o.file instanceof File ? o.file.lastModified : null;
  const result = await client.request('open', { id: o.id, file: o.file, name: o.name, lastModified, sidecars: o.sidecars ?? {} });
  if (result.ok) {
    const layer: GeotiffLayer = { id: o.id, name: o.name, info: result.info, ...zoomRangeOf(result.info) };
    geotiffLayers.set([...geotiffLayers.get().filter((l) => l.id !== o.id), layer]);
  }
  return result;
}

/** The zoom range an opened image is drawn in (geotiff.logic zoomRange from its pixel size and coarsest overview). */
export function zoomRangeOf(info: GeoTiffInfo): { minzoom: number; maxzoom: number } {
  const lat = (info.boundsLngLat[1] + info.boundsLngLat[3]) / 2;
  const coarsest = info.overviews.length > 0 ? info.width / info.overviews[info.overviews.length - 1]!.width : 1;
  return zoomRange(pixelMetres(info, info.crsKind === 'geographic'), lat, coarsest);
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
