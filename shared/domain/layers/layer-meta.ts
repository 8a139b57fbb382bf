/**
 * What the import learnt about a layer (source, geometry, fields, encoding, CRS, extent, issues), read back.
 * Nothing here makes a layer unusable, so reading never fails: what is missing or malformed is replaced by
 * what "unknown" means for that field, and reported.
 */
import type { CrsInfo } from '../crs/types';
import type { Bbox } from '../geometry/bbox';
import type { EncodingInfo, FieldDef, GeometryKind, Issue } from '../../formats/types';
import { isFiniteNumber, isLngLatBbox, isObject, isString } from '../../validation/guards';
import { ok, type Repair, type Valid } from '../../validation/validation';

export interface LayerMeta {
  source: string;
  geometryKind: GeometryKind;
  shapeType: string;
  fields: FieldDef[];
  encoding: EncodingInfo;
  crs: CrsInfo;
  bboxLngLat: Bbox | null;
  featureCount: number;
  issues: Issue[];
}

const GEOMETRY_KINDS: readonly GeometryKind[] = ['point', 'line', 'polygon', 'unknown'];

/** A CRS nobody knows: the layer still draws nowhere wrong, and its properties say "?". */
export const UNKNOWN_CRS: CrsInfo = { epsg: null, source: 'none', datum: 'unknown', kind: 'geographic', proj4: '', label: '?' };
/** UTF-8 is what the importer assumes when nothing says otherwise. */
export const DEFAULT_ENCODING: EncodingInfo = { encoding: 'utf-8', source: 'default' };

function keep<T>(v: unknown, good: (v: unknown) => boolean, fallback: T, path: string, repaired: Repair[]): T {
  if (good(v)) return v as T;
  repaired.push({ path, code: 'defaulted' });
  return fallback;
}

function keepListOf<T>(v: unknown, good: (e: unknown) => boolean, path: string, repaired: Repair[]): T[] {
  if (!Array.isArray(v)) {
    repaired.push({ path, code: 'defaulted' });
    return [];
  }
  const kept = v.filter(good) as T[];
  if (kept.length !== v.length) repaired.push({ path, code: 'filtered' });
  return kept;
}

export function restoreLayerMeta(raw: unknown): Valid<LayerMeta> {
  const repaired: Repair[] = [];
  if (!isObject(raw)) repaired.push({ path: '', code: 'defaulted' });
  const m = isObject(raw) ? raw : {};
  // With the whole meta missing, report it once rather than once per field.
  const sink: Repair[] = isObject(raw) ? repaired : [];
  const meta: LayerMeta = {
    source: keep(m.source, isString, '', 'source', sink),
    geometryKind: keep(m.geometryKind, (g) => GEOMETRY_KINDS.includes(g as GeometryKind), 'unknown', 'geometryKind', sink),
    shapeType: keep(m.shapeType, isString, '', 'shapeType', sink),
    fields: keepListOf<FieldDef>(m.fields, (f) => isObject(f) && isString(f.name), 'fields', sink),
    encoding: keep(m.encoding, (e) => isObject(e) && isString(e.encoding), { ...DEFAULT_ENCODING }, 'encoding', sink),
    crs: keep(m.crs, (c) => isObject(c) && isString(c.label) && (c.kind === 'geographic' || c.kind === 'projected'), { ...UNKNOWN_CRS }, 'crs', sink),
    bboxLngLat: m.bboxLngLat === null ? null : keep(m.bboxLngLat, isLngLatBbox, null, 'bboxLngLat', sink),
    featureCount: keep(m.featureCount, isFiniteNumber, 0, 'featureCount', sink),
    issues: keepListOf<Issue>(m.issues, (i) => isObject(i) && isString(i.code), 'issues', sink),
  };
  return ok(meta, repaired);
}
