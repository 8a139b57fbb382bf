/// <reference lib="webworker" />
/**
 * Holds the opened GeoTIFFs and renders from them: map tiles on demand (PNG, for the map's `lpcog://` raster source)
 * and print renders into a GK extent; and warps other sources' tiles into a GK extent for print. Everything heavy
 * (decoding, warping, PNG encoding) is here, off the UI thread.
 */
import { serveWorker } from '../../platform/worker-host';
import { CodedError } from '../../platform/coded-error';
import { OpenedGeoTiff } from './geotiff-image';
import type { GeotiffProtocol, RenderResult, SourceTile } from './geotiff.protocol';
import { gkExtentToWorldPixels, sampleMosaic } from './print-extent';

const images = new Map<string, OpenedGeoTiff>();

function imageOf(id: string): OpenedGeoTiff {
  const img = images.get(id);
  if (!img) throw new CodedError('layerNotFound', { detail: `geotiff ${id} not open` });
  return img;
}

async function png(rgba: Uint8ClampedArray<ArrayBuffer>, width: number, height: number): Promise<ArrayBuffer> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.putImageData(new ImageData(rgba, width, height), 0, 0);
  return (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer();
}

const covered = (rgba: Uint8ClampedArray) => {
  let n = 0;
  for (let k = 3; k < rgba.length; k += 4) if (rgba[k]! > 0) n++;
  return n;
};

/** Decodes the tiles into one mosaic (tile x0…x1, y0…y1 at zoom z) and samples it for every frame pixel. */
async function renderTiles(req: GeotiffProtocol['renderTiles']['request']): Promise<Uint8ClampedArray<ArrayBuffer>> {
  const { tiles, tileSize, widthPx, heightPx } = req;
  const out = new Uint8ClampedArray(widthPx * heightPx * 4);
  if (tiles.length === 0) return out;
  const xs = tiles.map((t) => t.x);
  const ys = tiles.map((t) => t.y);
  const [x0, y0] = [Math.min(...xs), Math.min(...ys)];
  const mw = (Math.max(...xs) - x0 + 1) * tileSize;
  const mh = (Math.max(...ys) - y0 + 1) * tileSize;
  const mosaic = new OffscreenCanvas(mw, mh);
  const mctx = mosaic.getContext('2d')!;
  await Promise.all(
    tiles.map(async (t: SourceTile) => {
      try {
        const bmp = await createImageBitmap(new Blob([t.data]));
        mctx.drawImage(bmp, (t.x - x0) * tileSize, (t.y - y0) * tileSize, tileSize, tileSize);
        bmp.close();
      } catch {
        // an undecodable tile stays transparent, as on the map
      }
    }),
  );
  const pixels = mctx.getImageData(0, 0, mw, mh).data;
  sampleMosaic(
    out,
    widthPx,
    heightPx,
    { rgba: pixels, width: mw, height: mh, x0Px: x0 * tileSize, y0Px: y0 * tileSize },
    gkExtentToWorldPixels(req.extent, widthPx, heightPx, req.z, tileSize),
  );
  return out;
}

serveWorker<GeotiffProtocol>({
  open: async ({ id, file, name, lastModified, sidecars }) => {
    const r = await OpenedGeoTiff.open(file, name, sidecars, lastModified);
    if (!r.ok) return { ok: false, reason: r.reason, ...(r.detail ? { detail: r.detail } : {}) };
    images.get(id)?.close();
    images.set(id, r.value);
    return { ok: true, info: r.value.info };
  },
  tile: async ({ id, z, x, y, size }, ctx) => {
    const img = images.get(id);
    if (!img) return null; // closed meanwhile: nothing to draw
    const t = await img.renderTile(z, x, y, size, ctx.signal);
    if (!t) return null;
    const bytes = await png(t.rgba as Uint8ClampedArray<ArrayBuffer>, size, size);
    ctx.transfer(bytes);
    return bytes;
  },
  render: async ({ id, extent, widthPx, heightPx }, ctx): Promise<RenderResult> => {
    const rgba = (await imageOf(id).renderGk(extent, widthPx, heightPx, ctx.signal)) as Uint8ClampedArray<ArrayBuffer>;
    const bytes = await png(rgba, widthPx, heightPx);
    ctx.transfer(bytes);
    return { png: bytes, widthPx, heightPx, coveredPx: covered(rgba) };
  },
  renderTiles: async (req, ctx): Promise<RenderResult> => {
    const rgba = await renderTiles(req);
    const bytes = await png(rgba, req.widthPx, req.heightPx);
    ctx.transfer(bytes);
    return { png: bytes, widthPx: req.widthPx, heightPx: req.heightPx, coveredPx: covered(rgba) };
  },
  stats: ({ id }) => {
    const img = imageOf(id);
    return { ...img.readStats, sizeBytes: img.info.sizeBytes };
  },
  close: ({ id }) => {
    images.get(id)?.close();
    images.delete(id);
    return null;
  },
});
