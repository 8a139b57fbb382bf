/**
 * Online basemaps (issue 12 item 3), the pure part: the sources (Tianditu 矢量/影像 with their 注记, any XYZ URL with
 * its declared datum), their tile URLs, the hosts a source needs (the allow-list), the datum of known Chinese web maps
 * (GCJ-02 / BD-09: warned, never used to shift data), the tiles of an area per zoom (download ahead: count, estimate,
 * the i-th tile for a resumable job) and the cache's LRU eviction. No DOM, no fetch, no database.
 */

export type BasemapDatum = 'cgcs2000' | 'gcj02' | 'bd09';
export const BASEMAP_DATUMS: readonly BasemapDatum[] = ['cgcs2000', 'gcj02', 'bd09'];

/** Tianditu's layers in Web Mercator (`_w`): the base and its annotation (注记) drawn above it. */
export type TiandituLayer = 'vec' | 'cva' | 'img' | 'cia';

export interface TiandituSource {
  kind: 'tianditu';
  /** 'tdt-vec' (矢量 + 注记) or 'tdt-img' (影像 + 注记). */
  id: 'tdt-vec' | 'tdt-img';
  enabled: boolean;
  opacity: number;
}

export interface XyzSource {
  kind: 'xyz';
  id: string;
  name: string;
  /** https://host/{z}/{x}/{y}.png; `{s}` takes one of `subdomains`; `{-y}` is the TMS row. */
  template: string;
  subdomains: string[];
  /** As the user declared it; a known provider's datum wins (datumOf). */
  datum: BasemapDatum;
  maxzoom: number;
  enabled: boolean;
  opacity: number;
}

export type BasemapSource = TiandituSource | XyzSource;

/** What the user set: stored locally (settings 'basemaps'), the key never logged nor shown in a message. */
export interface BasemapSettings {
  tiandituKey: string;
  /** The Tianditu server, `{s}` = 0–7: the national one by default, a provincial node or (tests) a local fake. */
  tiandituServer: string;
  sources: BasemapSource[];
  /** The cache's size limit in MiB (LRU beyond it). */
  cacheLimitMiB: number;
}

export const TIANDITU_SERVER = 'https://t{s}.tianditu.gov.cn';
export const TIANDITU_SUBDOMAINS = ['0', '1', '2', '3', '4', '5', '6', '7'];
export const DEFAULT_CACHE_LIMIT_MIB = 2048;

export const DEFAULT_BASEMAP_SETTINGS: BasemapSettings = {
  tiandituKey: '',
  tiandituServer: TIANDITU_SERVER,
  // Bottom → top: the imagery under the vector map when both are on.
  sources: [
    { kind: 'tianditu', id: 'tdt-img', enabled: false, opacity: 1 },
    { kind: 'tianditu', id: 'tdt-vec', enabled: false, opacity: 1 },
  ],
  cacheLimitMiB: DEFAULT_CACHE_LIMIT_MIB,
};

/** One raster layer the map draws for a source: the cache keeps its tiles under `tileSet`. */
export interface BasemapTileLayer {
  sourceId: string;
  /** 'tdt:vec', 'tdt:cva', 'xyz:<id>': the cache key's prefix (no key, no host: a new key keeps the cache). */
  tileSet: string;
  maxzoom: number;
  /** The tile's URL (with the user's key in it: never log it; redactUrl for a message). */
  url(z: number, x: number, y: number): string;
}

const TIANDITU_MAXZOOM = 18;

/** The subdomain of a tile: spread over the hosts, the same tile always on the same host (the browser's cache). */
export function pickSubdomain(subdomains: readonly string[], x: number, y: number): string {
  if (subdomains.length === 0) return '';
  return subdomains[Math.abs(x + y) % subdomains.length]!;
}

/** Tianditu's WMTS GetTile in KVP form, tile matrix set `w` (Web Mercator on CGCS2000). */
export function tiandituTileUrl(server: string, layer: TiandituLayer, z: number, x: number, y: number, key: string): string {
  const base = server.replace(/\/+$/, '').replace('{s}', pickSubdomain(TIANDITU_SUBDOMAINS, x, y));
  return (
    `${base}/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w` +
    `&FORMAT=tiles&TILEMATRIX=${z}&TILEROW=${y}&TILECOL=${x}&tk=${encodeURIComponent(key)}`
  );
}

export function xyzTileUrl(template: string, subdomains: readonly string[], z: number, x: number, y: number): string {
  return template
    .replace('{s}', pickSubdomain(subdomains, x, y))
    .replace('{z}', String(z))
    .replace('{x}', String(x))
    .replace('{-y}', String(2 ** z - 1 - y))
    .replace('{y}', String(y));
}

/** The tile layers of a source, bottom → top (Tianditu: the base, then its annotation). */
export function tileLayersOf(source: BasemapSource, settings: Pick<BasemapSettings, 'tiandituKey' | 'tiandituServer'>): BasemapTileLayer[] {
  if (source.kind === 'tianditu') {
    const pair: [TiandituLayer, TiandituLayer] = source.id === 'tdt-vec' ? ['vec', 'cva'] : ['img', 'cia'];
    return pair.map((layer) => ({
      sourceId: source.id,
      tileSet: `tdt:${layer}`,
      maxzoom: TIANDITU_MAXZOOM,
      url: (z, x, y) => tiandituTileUrl(settings.tiandituServer, layer, z, x, y, settings.tiandituKey),
    }));
  }
  return [
    {
      sourceId: source.id,
      tileSet: `xyz:${source.id}`,
      maxzoom: source.maxzoom,
      url: (z, x, y) => xyzTileUrl(source.template, source.subdomains, z, x, y),
    },
  ];
}

/** A URL with its key hidden (tk=, key=, token=, ak=…): for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:tk|key|token|ak|apikey|access_token)=)[^&#]*/gi, '$1***');
}

// ---- hosts -------------------------------------------------------------------------------------------------------

function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.username !== '' || u.password !== '') return null;
    return u.origin;
  } catch {
    return null;
  }
}

/** The origins a server template reaches, one per subdomain (`https://t{s}.tianditu.gov.cn` → t0 … t7). */
export function originsOfTemplate(template: string, subdomains: readonly string[]): string[] {
  const subs = template.includes('{s}') ? subdomains : [''];
  const out = new Set<string>();
  for (const s of subs) {
    const probe = template.replace('{s}', s).replace(/\{-?[zxy]\}/g, '0');
    const o = originOf(probe);
    if (o) out.add(o);
  }
  return [...out];
}

export function originsOfSource(source: BasemapSource, settings: Pick<BasemapSettings, 'tiandituServer'>): string[] {
  return source.kind === 'tianditu'
    ? originsOfTemplate(settings.tiandituServer, TIANDITU_SUBDOMAINS)
    : originsOfTemplate(source.template, source.subdomains);
}

/** Exactly the origins of the enabled sources (sorted, no repeats): the CSP's and the session's allow-list. */
export function enabledOrigins(settings: BasemapSettings): string[] {
  const out = new Set<string>();
  for (const s of settings.sources) if (s.enabled) for (const o of originsOfSource(s, settings)) out.add(o);
  return [...out].sort();
}

/** True when `url` is http(s) on one of `origins` (no credentials in it). */
export function isUrlAllowed(url: string, origins: readonly string[]): boolean {
  const o = originOf(url);
  return o !== null && origins.includes(o);
}

// ---- datum -------------------------------------------------------------------------------------------------------

export interface KnownProvider {
  name: 'gaode' | 'tencent' | 'baidu';
  datum: 'gcj02' | 'bd09';
}

const PROVIDERS: readonly { hosts: RegExp; provider: KnownProvider }[] = [
  { hosts: /(^|\.)(autonavi\.com|amap\.com)$/i, provider: { name: 'gaode', datum: 'gcj02' } },
  { hosts: /(^|\.)(map\.qq\.com|gtimg\.com|tencent\.com)$/i, provider: { name: 'tencent', datum: 'gcj02' } },
  { hosts: /(^|\.)(baidu\.com|bdimg\.com|bdstatic\.com)$/i, provider: { name: 'baidu', datum: 'bd09' } },
];

/** A Chinese web map recognised from its URL's host (Gaode/AutoNavi, Tencent: GCJ-02; Baidu: BD-09), else null. */
export function knownProviderOf(template: string): KnownProvider | null {
  let host: string;
  try {
    host = new URL(template.replace('{s}', 'a').replace(/\{-?[zxy]\}/g, '0')).hostname;
  } catch {
    return null;
  }
  return PROVIDERS.find((p) => p.hosts.test(host))?.provider ?? null;
}

/** The datum the app treats a source as: a known provider's, else the declared one; Tianditu is CGCS2000. */
export function datumOf(source: BasemapSource): BasemapDatum {
  if (source.kind === 'tianditu') return 'cgcs2000';
  return knownProviderOf(source.template)?.datum ?? source.datum;
}

/** A shifted datum: the map and the layer list warn (offset of hundreds of metres against survey data). */
export const isShiftedDatum = (d: BasemapDatum): boolean => d !== 'cgcs2000';

// ---- validation of what the user typed ---------------------------------------------------------------------------

export type XyzTemplateReason = 'empty' | 'notHttp' | 'missingPlaceholders' | 'missingSubdomains' | 'credentials';

export function validateXyzTemplate(template: string, subdomains: readonly string[]): XyzTemplateReason | null {
  const t = template.trim();
  if (t === '') return 'empty';
  if (!/^https?:\/\//i.test(t)) return 'notHttp';
  if (!t.includes('{z}') || !t.includes('{x}') || !(t.includes('{y}') || t.includes('{-y}'))) return 'missingPlaceholders';
  if (t.includes('{s}') && subdomains.length === 0) return 'missingSubdomains';
  if (originsOfTemplate(t, subdomains.length ? subdomains : ['a']).length === 0) return 'credentials';
  return null;
}

export const parseSubdomains = (text: string): string[] =>
  text
    .split(/[,，\s]+/)
    .map((s) => s.trim())
    .filter((s) => /^[a-z0-9-]+$/i.test(s));

/** Settings read back from storage, repaired to a usable shape (unknown fields dropped, defaults filled in). */
export function restoreBasemapSettings(raw: unknown): BasemapSettings {
  const d = DEFAULT_BASEMAP_SETTINGS;
  if (typeof raw !== 'object' || raw === null) return d;
  const r = raw as Record<string, unknown>;
  const num = (v: unknown, lo: number, hi: number, dflt: number) =>
    typeof v === 'number' && Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : dflt;
  const sources: BasemapSource[] = [];
  const list = Array.isArray(r.sources) ? (r.sources as unknown[]) : [];
  // In the stored order (bottom → top: the user's order in the 影像 list); a Tianditu source never stored goes first.
  for (const x of list) {
    if (typeof x !== 'object' || x === null) continue;
    const s = x as Record<string, unknown>;
    if (s.id === 'tdt-vec' || s.id === 'tdt-img') {
      if (sources.some((o) => o.id === s.id)) continue;
      sources.push({ kind: 'tianditu', id: s.id, enabled: s.enabled === true, opacity: num(s.opacity, 0, 1, 1) });
      continue;
    }
    if (s.kind !== 'xyz' || typeof s.id !== 'string' || typeof s.template !== 'string') continue;
    const subdomains = Array.isArray(s.subdomains) ? s.subdomains.filter((v): v is string => typeof v === 'string') : [];
    if (validateXyzTemplate(s.template, subdomains) !== null) continue;
    sources.push({
      kind: 'xyz',
      id: s.id,
      name: typeof s.name === 'string' && s.name.trim() !== '' ? s.name : s.template,
      template: s.template,
      subdomains,
      datum: BASEMAP_DATUMS.includes(s.datum as BasemapDatum) ? (s.datum as BasemapDatum) : 'cgcs2000',
      maxzoom: Math.round(num(s.maxzoom, 1, 22, 18)),
      enabled: s.enabled === true,
      opacity: num(s.opacity, 0, 1, 1),
    });
  }
  const missing = d.sources.filter((t) => !sources.some((o) => o.id === t.id));
  sources.unshift(...missing);
  return {
    tiandituKey: typeof r.tiandituKey === 'string' ? r.tiandituKey : '',
    tiandituServer:
      typeof r.tiandituServer === 'string' && originsOfTemplate(r.tiandituServer, TIANDITU_SUBDOMAINS).length > 0
        ? r.tiandituServer
        : TIANDITU_SERVER,
    sources,
    cacheLimitMiB: Math.round(num(r.cacheLimitMiB, 16, 1024 * 1024, DEFAULT_CACHE_LIMIT_MIB)),
  };
}

/** Moves a source one place up (drawn above the next) or down among `sourcesBottomToTop`; unchanged at the ends. */
export function moveSource(sourcesBottomToTop: readonly BasemapSource[], id: string, dir: 'up' | 'down'): BasemapSource[] {
  const out = [...sourcesBottomToTop];
  const i = out.findIndex((s) => s.id === id);
  const j = dir === 'up' ? i + 1 : i - 1;
  if (i < 0 || j < 0 || j >= out.length) return out;
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

// ---- tiles of an area ------------------------------------------------------------------------------------------

/** [west, south, east, north] in degrees (lon/lat). */
export type LonLatBox = [number, number, number, number];

/**
 * The box a user drew on the map (画框): the lon/lat extent of the corners clicked (two opposite corners, or more: the
 * box holds them all). Null when it has no area (fewer than two distinct corners, or all on one line of latitude or
 * longitude).
 */
export function boxOfCorners(corners: readonly (readonly [number, number])[]): LonLatBox | null {
  if (corners.length < 2) return null;
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const box: LonLatBox = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  return box[0] < box[2] && box[1] < box[3] ? box : null;
}

/** "116.9753–117.0137°E, 35.0375–35.0645°N" (4 decimals: ~10 m). */
export function formatBox(b: LonLatBox): string {
  const f = (v: number) => v.toFixed(4);
  return `${f(b[0])}–${f(b[2])}°E, ${f(b[1])}–${f(b[3])}°N`;
}

export interface TileRange {
  z: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

const MAX_LAT = 85.0511287798066;

export function lonToTileX(lon: number, z: number): number {
  const n = 2 ** z;
  return Math.min(n - 1, Math.max(0, Math.floor(((lon + 180) / 360) * n)));
}

export function latToTileY(lat: number, z: number): number {
  const n = 2 ** z;
  const φ = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  const y = ((1 - Math.log(Math.tan(φ) + 1 / Math.cos(φ)) / Math.PI) / 2) * n;
  return Math.min(n - 1, Math.max(0, Math.floor(y)));
}

/** The Web Mercator tiles covering `box` at zoom `z` (XYZ, y down: north is the smaller row). */
export function tileRangeOf(box: LonLatBox, z: number): TileRange {
  const [w, s, e, n] = box;
  return { z, minX: lonToTileX(w, z), maxX: lonToTileX(e, z), minY: latToTileY(n, z), maxY: latToTileY(s, z) };
}

export const rangeCount = (r: TileRange): number => (r.maxX - r.minX + 1) * (r.maxY - r.minY + 1);

export function tileRangesOf(box: LonLatBox, zooms: readonly number[]): TileRange[] {
  return [...new Set(zooms)].sort((a, b) => a - b).map((z) => tileRangeOf(box, z));
}

export const countTiles = (ranges: readonly TileRange[]): number => ranges.reduce((n, r) => n + rangeCount(r), 0);

/** The i-th tile of the ranges (zoom by zoom, row by row): a job resumes from its next index. */
export function tileAt(ranges: readonly TileRange[], index: number): { z: number; x: number; y: number } | null {
  let i = index;
  for (const r of ranges) {
    const n = rangeCount(r);
    if (i < n) {
      const w = r.maxX - r.minX + 1;
      return { z: r.z, x: r.minX + (i % w), y: r.minY + Math.floor(i / w) };
    }
    i -= n;
  }
  return null;
}

/** Typical bytes of one tile where the cache has none of that set yet (Tianditu measured in 2025: JPEG imagery, PNG vector). */
export const TYPICAL_TILE_BYTES: Readonly<Record<string, number>> = { 'tdt:vec': 14_000, 'tdt:cva': 6_000, 'tdt:img': 28_000, 'tdt:cia': 6_000 };
export const TYPICAL_XYZ_TILE_BYTES = 20_000;

export interface DownloadEstimate {
  tiles: number;
  /** Per tile layer (a Tianditu source downloads its base and its annotation). */
  requests: number;
  bytes: number;
  perZoom: { z: number; tiles: number }[];
}

/**
 * Tiles and bytes before a download starts. `meanBytes` per tile set: the cache's own mean where it has tiles of that
 * set (what this server really sends here), else the typical figure above.
 */
export function estimateDownload(
  box: LonLatBox,
  zooms: readonly number[],
  tileSets: readonly string[],
  meanBytes: Readonly<Record<string, number>>,
): DownloadEstimate {
  const ranges = tileRangesOf(box, zooms);
  const tiles = countTiles(ranges);
  const perTile = tileSets.reduce((sum, ts) => sum + (meanBytes[ts] ?? TYPICAL_TILE_BYTES[ts] ?? TYPICAL_XYZ_TILE_BYTES), 0);
  return { tiles, requests: tiles * tileSets.length, bytes: tiles * perTile, perZoom: ranges.map((r) => ({ z: r.z, tiles: rangeCount(r) })) };
}

/** More tiles than one job may ask of a server (a county at zoom 18 is ~10⁶): the user narrows the area or the zooms. */
export const MAX_DOWNLOAD_TILES = 300_000;

export function zoomsBetween(from: number, to: number): number[] {
  const lo = Math.max(0, Math.min(from, to));
  const hi = Math.min(22, Math.max(from, to));
  const out: number[] = [];
  for (let z = lo; z <= hi; z++) out.push(z);
  return out;
}

// ---- the cache's eviction ----------------------------------------------------------------------------------------

export { planEviction, type CachedTileInfo } from '../../../shared/domain/basemaps/cache-eviction';

/** The cache key of a tile: its tile set and address (never the URL: no key, no host). */
export const tileCacheId = (tileSet: string, z: number, x: number, y: number): string => `${tileSet}/${z}/${x}/${y}`;

/** A touch (lastUsed rewritten) at most this often per tile: reading a cached tile must not cost a write each time. */
export const TOUCH_INTERVAL_MS = 60 * 60 * 1000;

/** After a failed request the network is tried again only after this pause (no storm of failing requests offline). */
export const OFFLINE_RETRY_MS = 15_000;

/** A byte count as the panel says it: KB below 1 MB, MB below 1 GB, else GB (1024-based, one decimal). */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(0, Math.round(bytes / 1024))} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/** The lon/lat box of a polygon or multipolygon (a grid area's boundary). */
export function boxOfPolygons(g: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] }): LonLatBox {
  const b: LonLatBox = [Infinity, Infinity, -Infinity, -Infinity];
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const p of polys)
    for (const ring of p)
      for (const [x, y] of ring) {
        if (x! < b[0]) b[0] = x!;
        if (y! < b[1]) b[1] = y!;
        if (x! > b[2]) b[2] = x!;
        if (y! > b[3]) b[3] = y!;
      }
  return b;
}
