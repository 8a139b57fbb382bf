/**
 * Custom raster tile sources (issue 12): a tile package, a GeoTIFF or an online cache answers `<scheme>://<key>/{z}/{x}/{y}`
 * URLs through one registry instead of each feature calling maplibre's addProtocol. This module is pure (the URL
 * shape and the registry's bookkeeping); tile-protocols.ts wires it to maplibre.
 */

/** One tile asked for: `key` is what the source put in its URL template (a layer id), z/x/y in XYZ order (y down). */
export interface TileAddress {
  key: string;
  z: number;
  x: number;
  y: number;
}

/**
 * A tile's bytes (PNG, JPEG, WebP … as the map's raster source decodes them), or null where the source has no tile
 * there (drawn transparent). `signal` aborts when the map no longer needs the tile (panned away).
 */
export type TileFetcher = (tile: TileAddress, signal: AbortSignal) => Promise<ArrayBuffer | null>;

const SCHEME = /^[a-z][a-z0-9+.-]*$/;

export function assertScheme(scheme: string): void {
  if (!SCHEME.test(scheme) || scheme === 'http' || scheme === 'https') throw new Error(`not a custom tile scheme: ${scheme}`);
}

/** The URL template a raster layer spec carries: `<scheme>://<key>/{z}/{x}/{y}` (the key percent-encoded). */
export function protocolTileTemplate(scheme: string, key: string): string {
  assertScheme(scheme);
  return `${scheme}://${encodeURIComponent(key)}/{z}/{x}/{y}`;
}

/** The scheme and tile of a URL the map asks for; null for anything else. */
export function parseProtocolTileUrl(url: string): ({ scheme: string } & TileAddress) | null {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/]+)\/(\d+)\/(\d+)\/(\d+)$/.exec(url);
  if (!m) return null;
  let key: string;
  try {
    key = decodeURIComponent(m[2]!);
  } catch {
    return null;
  }
  return { scheme: m[1]!, key, z: Number(m[3]), x: Number(m[4]), y: Number(m[5]) };
}

/** An empty body: maplibre draws a raster tile without content as transparent (not as a missing tile). */
export const EMPTY_TILE = new ArrayBuffer(0);

/**
 * The schemes and their fetchers. `install` is called once per new scheme (maplibre's addProtocol); the handler it
 * installs looks the fetcher up at request time, so a feature may replace its fetcher (a reload) without a second
 * addProtocol, and a removed scheme answers every tile with an empty body instead of an error.
 */
export function createTileProtocolRegistry(install: (scheme: string, handle: (url: string, signal: AbortSignal) => Promise<ArrayBuffer>) => void) {
  const fetchers = new Map<string, TileFetcher>();
  const installed = new Set<string>();

  async function handle(url: string, signal: AbortSignal): Promise<ArrayBuffer> {
    const t = parseProtocolTileUrl(url);
    if (!t) throw new Error(`bad tile url ${url}`);
    const fetcher = fetchers.get(t.scheme);
    if (!fetcher) return EMPTY_TILE;
    const bytes = await fetcher({ key: t.key, z: t.z, x: t.x, y: t.y }, signal);
    return bytes ?? EMPTY_TILE;
  }

  return {
    /** Registers (or replaces) a scheme's fetcher; returns its removal. */
    register(scheme: string, fetcher: TileFetcher): () => void {
      assertScheme(scheme);
      fetchers.set(scheme, fetcher);
      if (!installed.has(scheme)) {
        installed.add(scheme);
        install(scheme, handle);
      }
      return () => {
        if (fetchers.get(scheme) === fetcher) fetchers.delete(scheme);
      };
    },
    has: (scheme: string) => fetchers.has(scheme),
    handle,
  };
}
