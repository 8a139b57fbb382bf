/**
 * The online basemaps as the app holds them: the settings (stored locally under 'basemaps'; the Tianditu key among
 * them, never logged), the network state (online / 离线), the cache's size and the map's tile fetcher: cache first,
 * then the network through the service worker, every tile seen online stored; offline, what is cached is drawn and
 * the rest left transparent, with the network tried again only every OFFLINE_RETRY_MS (no storm of failing requests,
 * no console error per tile).
 */
import {
  basemapCacheStats,
  evictBasemapCache,
  getBasemapTile,
  getSetting,
  putBasemapTiles,
  putSetting,
  touchBasemapTiles,
  type NewBasemapTile,
} from '../../db';
import { registerTileProtocol, type TileAddress } from '../../map';
import { electronApi } from '../../platform/platform';
import { createStore } from '../../ui/store';
import { endpointUrl, ensureServiceWorker, fetchOnlineTile } from './basemap-fetch';
import {
  DEFAULT_BASEMAP_SETTINGS,
  enabledOrigins,
  OFFLINE_RETRY_MS,
  restoreBasemapSettings,
  tileCacheId,
  tileLayersOf,
  TOUCH_INTERVAL_MS,
  type BasemapSettings,
  type BasemapTileLayer,
} from './basemaps.logic';

export const BASEMAP_SCHEME = 'lpbasemap';
const SETTINGS_KEY = 'basemaps';

export interface NetState {
  /** 'idle': no source on; 'online': the last request answered; 'offline': it failed (no network, server down). */
  status: 'idle' | 'online' | 'offline';
  /** The server refused the key (401/403): said once, with the source, never with the key. */
  denied: string | null;
  /** The service worker could not start (an old browser, a file:// page). */
  unavailable: boolean;
}

export interface CacheState {
  tiles: number;
  bytes: number;
  meanBytes: Record<string, number>;
}

export const basemapSettings = createStore<BasemapSettings>(DEFAULT_BASEMAP_SETTINGS);
export const netState = createStore<NetState>({ status: 'idle', denied: null, unavailable: false });
export const cacheState = createStore<CacheState>({ tiles: 0, bytes: 0, meanBytes: {} });

/** In Electron, the session's request filter is told exactly the enabled origins before any tile is asked for. */
async function tellSession(settings: BasemapSettings): Promise<void> {
  await electronApi()?.setOnlineOrigins(enabledOrigins(settings));
}

export async function loadBasemaps(): Promise<void> {
  basemapSettings.set(restoreBasemapSettings(await getSetting(SETTINGS_KEY)));
  if (enabledOrigins(basemapSettings.get()).length > 0) await tellSession(basemapSettings.get()).catch(() => undefined);
  await refreshCacheStats();
  installProtocol();
  if (enabledOrigins(basemapSettings.get()).length > 0) void probe();
}

/** One user action, one write; the map follows the store at once (a failed write puts the old settings back). */
export async function saveBasemapSettings(next: BasemapSettings): Promise<void> {
  const before = basemapSettings.get();
  const wasOn = enabledOrigins(before).length > 0;
  basemapSettings.set(next);
  try {
    await tellSession(next);
    await putSetting(SETTINGS_KEY, next);
  } catch (err) {
    basemapSettings.set(before);
    throw err;
  }
  const on = enabledOrigins(next).length > 0;
  if (!on) netState.set({ status: 'idle', denied: null, unavailable: false });
  else {
    netState.set((s) => ({ ...s, denied: null }));
    retryAt = 0;
    if (!wasOn || netState.get().status !== 'online') void probe();
  }
  if (cacheState.get().bytes > next.cacheLimitMiB * 1024 * 1024) await evictNow();
}

export async function refreshCacheStats(): Promise<void> {
  cacheState.set(await basemapCacheStats());
}

/** The tile layers of the enabled sources, bottom → top (imagery under vector, each base under its annotation). */
export function enabledTileLayers(settings: BasemapSettings): BasemapTileLayer[] {
  return settings.sources.filter((s) => s.enabled).flatMap((s) => tileLayersOf(s, settings));
}

function layerOf(tileSet: string): BasemapTileLayer | null {
  const s = basemapSettings.get();
  return enabledTileLayers(s).find((l) => l.tileSet === tileSet) ?? null;
}

// ---- the map's fetcher -------------------------------------------------------------------------------------------

let retryAt = 0;
const pendingPuts: NewBasemapTile[] = [];
const pendingTouches = new Set<string>();
const touchedAt = new Map<string, number>();
let flushTimer: ReturnType<typeof setTimeout> | null = null;

function scheduleFlush(): void {
  flushTimer ??= setTimeout(() => {
    flushTimer = null;
    void flush();
  }, 400);
}

async function flush(): Promise<void> {
  const puts = pendingPuts.splice(0);
  const touches = [...pendingTouches];
  pendingTouches.clear();
  try {
    await putBasemapTiles(puts);
    await touchBasemapTiles(touches);
    if (puts.length > 0) {
      const added = puts.reduce((n, t) => n + t.bytes.byteLength, 0);
      cacheState.set((c) => ({ ...c, tiles: c.tiles + puts.length, bytes: c.bytes + added }));
      if (cacheState.get().bytes > basemapSettings.get().cacheLimitMiB * 1024 * 1024) await evictNow();
    }
  } catch (err) {
    // A cache that cannot be written (quota, a closed database) costs a later download, nothing else.
    console.warn('landpatrol: basemap cache write failed', err instanceof Error ? err.name : 'error');
  }
}

async function evictNow(): Promise<void> {
  await evictBasemapCache(basemapSettings.get().cacheLimitMiB * 1024 * 1024);
  await refreshCacheStats();
}

/** Tiles the map drew are written at most every 400 ms, in one transaction (flushBasemapCache: before a reload in tests). */
export const flushBasemapCache = (): Promise<void> => flush();

function noteResult(status: 'online' | 'offline'): void {
  if (status === 'offline') retryAt = Date.now() + OFFLINE_RETRY_MS;
  if (netState.get().status !== status) netState.set((s) => ({ ...s, status }));
}

async function fetchFromNetwork(layer: BasemapTileLayer, t: { z: number; x: number; y: number }, signal?: AbortSignal): Promise<ArrayBuffer | null> {
  const s = basemapSettings.get();
  try {
    await ensureServiceWorker();
  } catch {
    if (!netState.get().unavailable) netState.set((n) => ({ ...n, unavailable: true }));
    return null;
  }
  const r = await fetchOnlineTile(endpointUrl(document.baseURI), layer.url(t.z, t.x, t.y), enabledOrigins(s), signal);
  if (r.status === 'ok') {
    noteResult('online');
    pendingPuts.push({ id: tileCacheId(layer.tileSet, t.z, t.x, t.y), tileSet: layer.tileSet, bytes: r.bytes.slice(0) });
    scheduleFlush();
    return r.bytes;
  }
  if (r.status === 'offline') noteResult('offline');
  else if (r.status === 'denied') {
    noteResult('online');
    if (netState.get().denied !== layer.sourceId) netState.set((n) => ({ ...n, denied: layer.sourceId }));
  } else if (r.status === 'notFound') noteResult('online');
  return null;
}

export async function fetchBasemapTile(tile: TileAddress, signal: AbortSignal): Promise<ArrayBuffer | null> {
  const layer = layerOf(tile.key);
  if (!layer || tile.z > layer.maxzoom) return null;
  const id = tileCacheId(layer.tileSet, tile.z, tile.x, tile.y);
  const cached = await getBasemapTile(id).catch(() => null);
  if (cached) {
    const now = Date.now();
    if (now - (touchedAt.get(id) ?? 0) > TOUCH_INTERVAL_MS) {
      touchedAt.set(id, now);
      pendingTouches.add(id);
      scheduleFlush();
    }
    return cached;
  }
  if (netState.get().status === 'offline' && Date.now() < retryAt) return null;
  return fetchFromNetwork(layer, tile, signal);
}

/** One request to learn whether the enabled sources answer (at start and when a source is switched on). */
async function probe(): Promise<void> {
  const layer = enabledTileLayers(basemapSettings.get())[0];
  if (!layer) return;
  retryAt = 0;
  await fetchFromNetwork(layer, { z: 0, x: 0, y: 0 });
}

/** Tries the network again at once (the 重试 button of the 离线 badge). */
export function retryNow(): void {
  void probe();
}

let installed = false;
function installProtocol(): void {
  if (installed) return;
  installed = true;
  registerTileProtocol(BASEMAP_SCHEME, fetchBasemapTile);
}
