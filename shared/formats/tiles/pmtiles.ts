/**
 * PMTiles v3 (raster) through the `pmtiles` library over byte ranges: the header, the root directory and, for a
 * tile, at most its leaf directory and its bytes are read (a Blob.slice in the browser), never the whole archive.
 */
import { Compression, PMTiles, TileType, type Source } from 'pmtiles';
import type { TilePackageInfo, TileImageFormat } from './mbtiles';

export type PmtilesRefusal =
  { reason: 'notPmtiles' } | { reason: 'vectorTiles' } | { reason: 'unknownFormat'; format: string } | { reason: 'unreadable'; detail: string };

export class PmtilesError extends Error {
  constructor(readonly refusal: PmtilesRefusal) {
    super(`pmtiles: ${refusal.reason}${'detail' in refusal ? ` (${refusal.detail})` : ''}`);
  }
}

/** Exactly `length` bytes from `offset` (fewer at the end of the file). */
export interface AsyncRangeSource {
  size: number;
  key: string;
  read(offset: number, length: number, signal?: AbortSignal): Promise<ArrayBuffer>;
}

export interface PmtilesReader {
  info: TilePackageInfo;
  tile(z: number, x: number, y: number, signal?: AbortSignal): Promise<Uint8Array | null>;
}

const FORMATS: Partial<Record<TileType, TileImageFormat>> = { [TileType.Png]: 'png', [TileType.Jpeg]: 'jpg', [TileType.Webp]: 'webp' };

/** gzip through the platform's DecompressionStream (browsers, node ≥ 18): no second inflate library. */
async function decompress(buf: ArrayBuffer, compression: Compression): Promise<ArrayBuffer> {
  if (compression === Compression.None || compression === Compression.Unknown) return buf;
  if (compression !== Compression.Gzip) throw new PmtilesError({ reason: 'unreadable', detail: `compression ${compression}` });
  const stream = new Blob([buf]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}

export async function openPmtiles(src: AsyncRangeSource): Promise<PmtilesReader> {
  if (src.size < 127) throw new PmtilesError({ reason: 'notPmtiles' });
  const magic = new Uint8Array(await src.read(0, 7));
  if (new TextDecoder().decode(magic) !== 'PMTiles') throw new PmtilesError({ reason: 'notPmtiles' });
  const source: Source = {
    getKey: () => src.key,
    getBytes: async (offset, length, signal) => ({ data: await src.read(offset, Math.min(length, src.size - offset), signal) }),
  };
  const p = new PMTiles(source, undefined, decompress);
  let header;
  let metadata: Record<string, unknown> = {};
  try {
    header = await p.getHeader();
    const m = await p.getMetadata().catch(() => ({}));
    if (m && typeof m === 'object' && !Array.isArray(m)) metadata = m as Record<string, unknown>;
  } catch (e) {
    if (e instanceof PmtilesError) throw e;
    throw new PmtilesError({ reason: 'unreadable', detail: e instanceof Error ? e.message : String(e) });
  }
  if (header.specVersion < 3) throw new PmtilesError({ reason: 'unreadable', detail: `spec version ${header.specVersion}` });
  if (header.tileType === TileType.Mvt || header.tileType === TileType.Mlt) throw new PmtilesError({ reason: 'vectorTiles' });
  const format = FORMATS[header.tileType];
  if (!format) throw new PmtilesError({ reason: 'unknownFormat', format: String(header.tileType) });
  const text = (k: string) => (typeof metadata[k] === 'string' && metadata[k] ? (metadata[k] as string) : null);
  const bounds: TilePackageInfo['bounds'] =
    header.minLon < header.maxLon && header.minLat < header.maxLat ? [header.minLon, header.minLat, header.maxLon, header.maxLat] : null;
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(metadata)) flat[k] = typeof v === 'string' ? v : JSON.stringify(v);
  return {
    info: {
      name: text('name'),
      description: text('description'),
      attribution: text('attribution'),
      format,
      bounds,
      minzoom: header.minZoom,
      maxzoom: header.maxZoom,
      tileSize: 256,
      metadata: flat,
    },
    tile: async (z, x, y, signal) => {
      if (z < header.minZoom || z > header.maxZoom) return null;
      const r = await p.getZxy(z, x, y, signal);
      return r ? new Uint8Array(r.data) : null;
    },
  };
}
