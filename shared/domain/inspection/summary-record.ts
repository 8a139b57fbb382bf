/**
 * An inspection's summary as stored (schema 6's `inspectionSummaries`, keyed by the record's id): what the 核查 list
 * needs of a record (list.ts's InspectionSummary) and where its plot is (its lon/lat box and the box's centre, for the
 * pin and the zoom), so the list opens and filters 10,000 records by reading this small store instead of every
 * record with its history and plot. Written by renderer/db/inspection-repo.ts in the SAME transaction as every write
 * of the record, so a completed save never disagrees with its summary; a record without one (written before the
 * store existed) or one whose `updatedAt` differs from the record's is rebuilt from the record by the list's read.
 *
 * Not evidence: it is derived from the record and can always be made again (no history of its own).
 *
 * Version 2 adds the plot's outline (PlotOutline: the rings simplified to OUTLINE_TOLERANCE_M, packed in typed
 * arrays, which IndexedDB clones as bytes), so the list's map draws the plots from the summaries alone and never
 * restores a record for them. A display copy only: every area and length comes from the record's own geometry.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { geometriesBbox, type Bbox } from '../geometry/bbox';
import { isBoolean, isFiniteNumber, isLngLatBbox, isNonEmptyString, isObject, isString } from '../../validation/guards';
import { migrateRecord, type Migration, type MigrationReason } from '../../validation/migrate';
import { fail, ok, type Validation } from '../../validation/validation';
import { isDateKey } from '../patrol/calendar';
import { CONCLUSIONS, type Conclusion, type Inspection, type InspectionSource } from './inspection-record';
import { summaryOf, type InspectionSummary } from './list';
import { isInspectionStatus } from './status';

/** 1: the first stored shape (schema 6). 2: with the plot's outline. */
export const INSPECTION_SUMMARY_VERSION = 2;

/**
 * A plot's outline for the map: lon/lat pairs in one Float64Array, each ring closed (its first pair repeated last),
 * `ringEnds[i]` the pair index where ring i ends (exclusive), `polygonEnds[j]` the ring index where polygon j's rings
 * end (exclusive; a polygon's outer ring first). A Polygon is one polygon, a MultiPolygon its parts in order.
 */
export interface PlotOutline {
  xy: Float64Array;
  ringEnds: Uint32Array;
  polygonEnds: Uint32Array;
}

/**
 * How far the outline may stray from the plot (Douglas–Peucker, metres on the ground): a fifth of a pixel at zoom 18
 * (0.6 m/px at 35°N), so a plot drawn from its summary is the plot at every zoom the list fits to. A ring that would
 * keep fewer than 3 vertices is kept whole.
 */
export const OUTLINE_TOLERANCE_M = 0.1;
const M_PER_DEG = 111_320;

export interface InspectionSummaryRecord extends InspectionSummary {
  v: typeof INSPECTION_SUMMARY_VERSION;
  /** The plot's extent in lon/lat; null: no plot drawn yet (the record is not on the map). */
  bbox: Bbox | null;
  /** The box's centre: where the record's pin goes; null with the bbox. */
  centre: [number, number] | null;
  /** The plot's outline (for the map only); null with the bbox. */
  outline: PlotOutline | null;
}

export type InspectionSummaryReason = MigrationReason | 'badId' | 'badField';

/**
 * None: a version-1 summary lacks the outline, which only its record's geometry can give, so it fails its restore
 * (badVersion) and the list's read makes it again from the record and stores it (renderer/db
 * listInspectionSummaries: once, for the whole store, after the upgrade).
 */
export const INSPECTION_SUMMARY_MIGRATIONS: readonly Migration[] = [];

/** The squared distance of p from segment a–b, x scaled by kx (lon degrees to lat degrees at the plot). */
function segmentDistance2(p: Position, a: Position, b: Position, kx: number): number {
  const ax = a[0]! * kx;
  const ay = a[1]!;
  const dx = b[0]! * kx - ax;
  const dy = b[1]! - ay;
  const px = p[0]! * kx - ax;
  const py = p[1]! - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, (px * dx + py * dy) / len2)) : 0;
  const ex = px - t * dx;
  const ey = py - t * dy;
  return ex * ex + ey * ey;
}

/** Douglas–Peucker over a closed ring (split at the vertex farthest from its first): the vertices to keep. */
function simplifyRing(ring: readonly Position[], tol2: number, kx: number): readonly Position[] {
  const last = ring.length - 1;
  if (last < 4) return ring;
  let far = 1;
  let best = -1;
  for (let i = 1; i < last; i++) {
    const d = segmentDistance2(ring[i]!, ring[0]!, ring[0]!, kx);
    if (d > best) [best, far] = [d, i];
  }
  const keep = new Uint8Array(ring.length);
  keep[0] = keep[far] = keep[last] = 1;
  const stack: [number, number][] = [
    [0, far],
    [far, last],
  ];
  while (stack.length > 0) {
    const [i, j] = stack.pop()!;
    let k = -1;
    let d = tol2;
    for (let m = i + 1; m < j; m++) {
      const dm = segmentDistance2(ring[m]!, ring[i]!, ring[j]!, kx);
      if (dm > d) [d, k] = [dm, m];
    }
    if (k >= 0) {
      keep[k] = 1;
      stack.push([i, k], [k, j]);
    }
  }
  const out = ring.filter((_, i) => keep[i] === 1);
  return out.length >= 4 ? out : ring;
}

/** The outline of a plot (PlotOutline), simplified to OUTLINE_TOLERANCE_M; null without a plot. */
export function outlineOf(g: Polygon | MultiPolygon | null): PlotOutline | null {
  if (!g) return null;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const lat = polygons[0]?.[0]?.[0]?.[1] ?? 0;
  const kx = Math.cos((lat * Math.PI) / 180);
  const tol2 = (OUTLINE_TOLERANCE_M / M_PER_DEG) ** 2;
  const rings = polygons.map((rs) => rs.map((r) => simplifyRing(r, tol2, kx)));
  const pairs = rings.reduce((n, rs) => n + rs.reduce((m, r) => m + r.length, 0), 0);
  const xy = new Float64Array(pairs * 2);
  const ringEnds = new Uint32Array(rings.reduce((n, rs) => n + rs.length, 0));
  const polygonEnds = new Uint32Array(rings.length);
  let at = 0;
  let ring = 0;
  rings.forEach((rs, j) => {
    for (const r of rs) {
      for (const p of r) {
        xy[at * 2] = p[0]!;
        xy[at * 2 + 1] = p[1]!;
        at++;
      }
      ringEnds[ring++] = at;
    }
    polygonEnds[j] = ring;
  });
  return { xy, ringEnds, polygonEnds };
}

/** The outline as GeoJSON coordinates (a MultiPolygon's: one entry per polygon). */
export function outlineCoordinates(o: PlotOutline): Position[][][] {
  const out: Position[][][] = [];
  let ring = 0;
  let pair = 0;
  for (const polygonEnd of o.polygonEnds) {
    const rings: Position[][] = [];
    for (; ring < polygonEnd; ring++) {
      const r: Position[] = [];
      for (; pair < o.ringEnds[ring]!; pair++) r.push([o.xy[pair * 2]!, o.xy[pair * 2 + 1]!]);
      rings.push(r);
    }
    out.push(rings);
  }
  return out;
}

/** A stored outline is well formed: closed rings of ≥ 4 lon/lat pairs, ends ascending to the arrays' ends. */
function isOutline(v: unknown): v is PlotOutline {
  if (!isObject(v) || !(v.xy instanceof Float64Array) || !(v.ringEnds instanceof Uint32Array) || !(v.polygonEnds instanceof Uint32Array))
    return false;
  const { xy, ringEnds, polygonEnds } = v;
  if (xy.length % 2 !== 0 || ringEnds.length === 0 || polygonEnds.length === 0) return false;
  for (let i = 0; i < xy.length; i += 2) {
    const x = xy[i]!;
    const y = xy[i + 1]!;
    if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90)) return false;
  }
  let start = 0;
  for (const end of ringEnds) {
    if (end - start < 4 || xy[start * 2] !== xy[(end - 1) * 2] || xy[start * 2 + 1] !== xy[(end - 1) * 2 + 1]) return false;
    start = end;
  }
  if (start * 2 !== xy.length) return false;
  let prev = 0;
  for (const end of polygonEnds) {
    if (end <= prev) return false;
    prev = end;
  }
  return prev === ringEnds.length;
}

const SOURCE_KINDS: readonly InspectionSource['kind'][] = ['patch', 'patrol', 'tip', 'drawn', 'typed', 'survey'];
const TEXT_FIELDS = ['number', 'taskNo', 'township', 'village', 'place', 'partyName'] as const;

/** The summary of a record as stored (the record's own summary, its plot's box and centre). */
export function summaryRecordOf(r: Inspection): InspectionSummaryRecord {
  const bbox = r.geometry ? geometriesBbox([r.geometry]) : null;
  return {
    v: INSPECTION_SUMMARY_VERSION,
    ...summaryOf(r),
    bbox,
    centre: bbox ? [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2] : null,
    outline: outlineOf(r.geometry),
  };
}

/** A summary missing a field or holding a wrong one is rejected (it is rebuilt from its record), never repaired. */
export function validateInspectionSummary(raw: unknown): Validation<InspectionSummaryRecord, InspectionSummaryReason> {
  if (!isObject(raw)) return fail('notObject');
  if (raw.v !== INSPECTION_SUMMARY_VERSION) return fail('badVersion', 'v');
  if (!isNonEmptyString(raw.id)) return fail('badId', 'id');
  for (const k of TEXT_FIELDS) if (!isString(raw[k])) return fail('badField', k);
  if (!isInspectionStatus(raw.status)) return fail('badField', 'status');
  if (raw.conclusion !== null && !CONCLUSIONS.includes(raw.conclusion as Conclusion)) return fail('badField', 'conclusion');
  if (!SOURCE_KINDS.includes(raw.source as InspectionSource['kind'])) return fail('badField', 'source');
  if (!isDateKey(raw.day)) return fail('badField', 'day');
  if (!isBoolean(raw.submitted)) return fail('badField', 'submitted');
  if (!isBoolean(raw.filed)) return fail('badField', 'filed');
  if (!isFiniteNumber(raw.updatedAt)) return fail('badField', 'updatedAt');
  if (!isFiniteNumber(raw.photoCount) || raw.photoCount < 0) return fail('badField', 'photoCount');
  const bbox = raw.bbox;
  const centre = raw.centre;
  if (bbox === null) {
    if (centre !== null) return fail('badField', 'centre');
    if (raw.outline !== null) return fail('badField', 'outline');
  } else {
    if (!isLngLatBbox(bbox)) return fail('badField', 'bbox');
    if (!Array.isArray(centre) || centre.length !== 2 || !isFiniteNumber(centre[0]) || !isFiniteNumber(centre[1])) return fail('badField', 'centre');
    if (!isOutline(raw.outline)) return fail('badField', 'outline');
  }
  return ok(raw as unknown as InspectionSummaryRecord);
}

export function restoreInspectionSummary(raw: unknown): Validation<InspectionSummaryRecord, InspectionSummaryReason> {
  const migrated = migrateRecord(
    raw,
    isObject(raw) && isFiniteNumber(raw.v) ? raw.v : NaN,
    INSPECTION_SUMMARY_VERSION,
    INSPECTION_SUMMARY_MIGRATIONS,
  );
  return migrated.ok ? validateInspectionSummary(migrated.value) : migrated;
}
