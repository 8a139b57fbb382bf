/** The online basemaps' tile cache (issue 12 item 3): which tiles go when it is over the size the user set. */

export interface CachedTileInfo {
  id: string;
  size: number;
  lastUsed: number;
}

/**
 * Least recently used first: the ids to delete so the cache holds at most `limitBytes` (ties: the smaller id first,
 * so the choice is the same on every run).
 */
export function planEviction(entries: readonly CachedTileInfo[], limitBytes: number): string[] {
  let total = entries.reduce((s, e) => s + e.size, 0);
  if (total <= limitBytes) return [];
  const order = [...entries].sort((a, b) => a.lastUsed - b.lastUsed || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: string[] = [];
  for (const e of order) {
    if (total <= limitBytes) break;
    out.push(e.id);
    total -= e.size;
  }
  return out;
}

/** One cached tile's bookkeeping as stored (basemapTileIndex), validated when read. */
export interface TileIndexRecord extends CachedTileInfo {
  tileSet: string;
}

export function restoreTileIndex(raw: unknown): { ok: true; value: TileIndexRecord } | { ok: false; reason: string } {
  if (typeof raw !== 'object' || raw === null) return { ok: false, reason: 'notAnObject' };
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== 'string' || typeof r.tileSet !== 'string') return { ok: false, reason: 'badId' };
  if (typeof r.size !== 'number' || !(r.size >= 0) || typeof r.lastUsed !== 'number' || !Number.isFinite(r.lastUsed))
    return { ok: false, reason: 'badNumbers' };
  return { ok: true, value: { id: r.id, tileSet: r.tileSet, size: r.size, lastUsed: r.lastUsed } };
}

/** A download-ahead job (persisted so it resumes after a restart). Tile order: basemaps.logic tileAt. */
export interface BasemapJob {
  id: string;
  sourceId: string;
  /** What the user chose, for the list (当前视图, a grid area's name, 框选范围). */
  label: string;
  box: [number, number, number, number];
  zooms: number[];
  total: number;
  /** Tiles before this index are done (fetched, cached or failed). */
  nextIndex: number;
  failed: number;
  bytes: number;
  state: 'running' | 'paused' | 'done' | 'cancelled';
  createdAt: number;
  updatedAt: number;
}

const STATES = new Set(['running', 'paused', 'done', 'cancelled']);

export function restoreBasemapJob(raw: unknown): { ok: true; value: BasemapJob } | { ok: false; reason: string } {
  if (typeof raw !== 'object' || raw === null) return { ok: false, reason: 'notAnObject' };
  const r = raw as Record<string, unknown>;
  const n = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  if (typeof r.id !== 'string' || typeof r.sourceId !== 'string' || typeof r.label !== 'string') return { ok: false, reason: 'badId' };
  if (!Array.isArray(r.box) || r.box.length !== 4 || !r.box.every((v) => typeof v === 'number' && Number.isFinite(v)))
    return { ok: false, reason: 'badBox' };
  if (!Array.isArray(r.zooms) || !r.zooms.every((z) => Number.isInteger(z) && (z as number) >= 0 && (z as number) <= 22))
    return { ok: false, reason: 'badZooms' };
  if (![r.total, r.nextIndex, r.failed, r.bytes, r.createdAt, r.updatedAt].every(n)) return { ok: false, reason: 'badNumbers' };
  if (typeof r.state !== 'string' || !STATES.has(r.state)) return { ok: false, reason: 'badState' };
  return {
    ok: true,
    value: { ...(r as unknown as BasemapJob), box: [...(r.box as number[])] as BasemapJob['box'], zooms: [...(r.zooms as number[])] },
  };
}
