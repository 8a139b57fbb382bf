/**
 * The grid as a GeoJSON FeatureCollection (RFC 7946: lon/lat CGCS2000 degrees, drawn as WGS84, Domain rule 4): one
 * Feature per area with the Chinese columns of grid-properties.ts, and a `landpatrol` foreign member (RFC 7946
 * §6.1) holding the full area records — history included — so our own file comes back losslessly. A file without
 * it (edited in QGIS, which drops foreign members, or made by another tool) is read from its properties.
 * Reading never throws: a bad file is a named reason, a bad area names its feature.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { createGridArea, restoreGridArea, type GridArea, type GridAreaReason } from '../../domain/grid/area-record';
import { isObject } from '../../validation/guards';
import { areaFromProperties, gridProperties, type PropertiesReason } from './grid-properties';

export const GRID_FORMAT = 'landpatrol-grid';
export const GRID_FORMAT_VERSION = 1;

export interface GridFileMeta {
  /** Who exported (the office, e.g. 青石镇国土所). */
  office: string;
  /** Epoch ms. */
  exportedAt: number;
}

export interface GridGeoJson extends FeatureCollection {
  landpatrol: { format: typeof GRID_FORMAT; version: number; office: string; exportedAt: number; areas: GridArea[] };
}

/** `areas` (parents before children) as a FeatureCollection; `all` names the parents outside the selection. */
export function gridToGeoJson(areas: readonly GridArea[], all: readonly GridArea[], meta: GridFileMeta): GridGeoJson {
  const byId = new Map([...all, ...areas].map((a) => [a.id, a]));
  const features: Feature[] = areas.map(
    (a) => ({ type: 'Feature', id: a.id, geometry: a.geometry as Geometry | null, properties: gridProperties(a, byId) }) as Feature,
  );
  return {
    type: 'FeatureCollection',
    landpatrol: { format: GRID_FORMAT, version: GRID_FORMAT_VERSION, office: meta.office, exportedAt: meta.exportedAt, areas: [...areas] },
    features,
  };
}

export type GridFileReason =
  | 'notJson'
  | 'notFeatureCollection'
  | 'newerVersion'
  | 'noAreas'
  /** An area that is not valid: `index` (1-based) and `name` say which, `areaReason` why. */
  | 'badArea';

export interface GridFileProblem {
  reason: GridFileReason;
  index?: number;
  name?: string;
  areaReason?: GridAreaReason | PropertiesReason;
  detail?: string;
}

export type GridFileResult =
  { ok: true; areas: GridArea[]; source: 'records' | 'properties'; office: string | null } | ({ ok: false } & GridFileProblem);

export interface ReadOptions {
  newId: () => string;
  /** Who and when, for areas made from properties (their history opens with an 'imported' entry). */
  at: number;
  by: string;
}

/** Areas from property rows (a GeoJSON's features or a shapefile's records), each validated by the record module. */
export function areasFromRows(
  rows: readonly { properties: Readonly<Record<string, unknown>>; geometry: unknown }[],
  opts: ReadOptions,
): GridFileResult {
  const areas: GridArea[] = [];
  for (const [i, row] of rows.entries()) {
    const name = typeof row.properties['名称'] === 'string' ? (row.properties['名称'] as string) : undefined;
    const init = areaFromProperties(row.properties, row.geometry, opts.newId);
    if (!init.ok) return { ok: false, reason: 'badArea', index: i + 1, ...(name ? { name } : {}), areaReason: init.reason };
    const made = createGridArea(init.value, { at: opts.at, by: opts.by, change: 'imported' });
    if (!made.ok)
      return {
        ok: false,
        reason: 'badArea',
        index: i + 1,
        name: init.value.name,
        areaReason: made.reason,
        ...(made.detail ? { detail: made.detail } : {}),
      };
    areas.push(made.value);
  }
  if (areas.length === 0) return { ok: false, reason: 'noAreas' };
  return { ok: true, areas, source: 'properties', office: null };
}

/** A grid GeoJSON file's text → its areas (records when the file carries them, else from the properties). */
export function readGridGeoJson(text: string, opts: ReadOptions): GridFileResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, reason: 'notJson', detail: e instanceof Error ? e.message : String(e) };
  }
  if (!isObject(raw) || raw.type !== 'FeatureCollection' || !Array.isArray(raw.features)) return { ok: false, reason: 'notFeatureCollection' };
  const lp = raw.landpatrol;
  if (isObject(lp) && lp.format === GRID_FORMAT) {
    if (typeof lp.version !== 'number' || lp.version > GRID_FORMAT_VERSION) return { ok: false, reason: 'newerVersion', detail: String(lp.version) };
    if (!Array.isArray(lp.areas) || lp.areas.length === 0) return { ok: false, reason: 'noAreas' };
    const areas: GridArea[] = [];
    for (const [i, r] of lp.areas.entries()) {
      const v = restoreGridArea(r);
      const name = isObject(r) && typeof r.name === 'string' ? r.name : undefined;
      if (!v.ok)
        return {
          ok: false,
          reason: 'badArea',
          index: i + 1,
          ...(name ? { name } : {}),
          areaReason: v.reason,
          ...(v.detail ? { detail: v.detail } : {}),
        };
      areas.push(v.value);
    }
    return { ok: true, areas, source: 'records', office: typeof lp.office === 'string' ? lp.office : null };
  }
  const rows = raw.features.map((f) =>
    isObject(f) ? { properties: isObject(f.properties) ? f.properties : {}, geometry: f.geometry } : { properties: {}, geometry: null },
  );
  return areasFromRows(rows, opts);
}
