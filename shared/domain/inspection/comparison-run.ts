/**
 * Running the comparison (套合) of one record's plot, and the result as the record stores it (issue 11 item 2). The
 * same code runs in the app's comparison worker, in the 一览表 batch and in `npm run bench`:
 *
 * 1. the plot must be a simple polygon (each ring: three distinct points at least, no point twice, no two sides that
 *    cross or touch — a bowtie drawn by hand; rings that cross each other or a hole outside its shell): a plot that
 *    is not is REFUSED with the reason, never repaired silently (the overlay engine would MakeValid it, and the
 *    officer would read the figures of a polygon nobody drew);
 * 2. the overlay engine (shared/domain/geometry/overlay.ts) against one layer per role, named by its role and grouped
 *    by its group field (地类 by DLBM, 规划 by zone name, 报批/供地 by document number);
 * 3. summarizeComparison (comparison.ts) into the blocks; the approval and supply pieces kept per document.
 *
 * The stored result names the layers it used with their data versions, and the SHA-256 of the geometry it compared,
 * so the record can say when a layer has changed or the boundary was redrawn since (comparisonStaleness).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { AreaFigures, GkZoneRef } from '../units/area';
import { gkZoneForLongitude, makeLngLatToGkEN } from '../crs/transform';
import { polygonsOf } from '../geometry/area';
import { polygonsBbox } from '../geometry/bbox';
import type { GeometryEngine } from '../geometry/engine/engine';
import type { OverlayFeature, OverlayIndex, OverlayLayer, OverlayPlotResult } from '../geometry/overlay';
import { ringRefusal } from '../survey/simple';
import { isFiniteNumber, isNonEmptyString, isObject, isString } from '../../validation/guards';
import { fail, ok, type Validation } from '../../validation/validation';
import { canonicalJson, sha256Hex } from './canonical';
import {
  COMPARISON_ROLES,
  summarizeComparison,
  type ComparisonRole,
  type ComparisonSummary,
  type PlanningVerdict,
  type RoleAssignment,
} from './comparison';

/** Why a plot is not compared. `part`/`ring` count from 1 (ring 1 is the outer boundary); sides name vertices from 1. */
export type PlotRefusal =
  | { reason: 'noGeometry' }
  | { reason: 'tooFewPoints'; part: number; ring: number; points: number }
  | { reason: 'repeatedPoint'; part: number; ring: number; first: string; second: string }
  | { reason: 'selfIntersection'; part: number; ring: number; sideA: string; sideB: string }
  | { reason: 'zeroArea'; part: number; ring: number }
  /** Each ring is simple, but together they are not a polygon (rings cross, a hole outside its shell, parts overlap). */
  | { reason: 'invalid' };

/** The plot's zone: its own (the record's), else the 3° zone of its centre (as the overlay engine takes it). */
export function zoneOfPlot(geometry: Polygon | MultiPolygon, zone: GkZoneRef | null): GkZoneRef {
  if (zone) return zone;
  const b = polygonsBbox(polygonsOf(geometry));
  return gkZoneForLongitude((b[0] + b[2]) / 2, 3);
}

const openRing = (ring: readonly Position[]): Position[] => {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return ring.length > 1 && first && last && first[0] === last[0] && first[1] === last[1] ? ring.slice(0, -1) : [...ring];
};

/**
 * The first reason the plot is not a simple polygon, or null. Each ring is checked in its GK plane (1 mm tolerance,
 * shared/domain/survey/simple.ts: the side names are vertex numbers, "2–3"); the rings together by GEOS IsValid
 * when an engine is given.
 */
export function plotRefusal(geometry: Polygon | MultiPolygon | null, zone: GkZoneRef | null, engine?: GeometryEngine): PlotRefusal | null {
  if (!geometry) return { reason: 'noGeometry' };
  const polys = polygonsOf(geometry);
  if (polys.length === 0) return { reason: 'noGeometry' };
  const toGk = makeLngLatToGkEN(zoneOfPlot(geometry, zone), false);
  const gk = polys.map((poly) => poly.map((ring) => ring.map((p) => toGk(p[0] as number, p[1] as number))));
  for (const [pi, poly] of gk.entries())
    for (const [ri, ring] of poly.entries()) {
      const points = openRing(ring).map((p, k) => ({ name: String(k + 1), x: p[1] as number, y: p[0] as number }));
      const r = ringRefusal(points);
      if (r) return { ...r, part: pi + 1, ring: ri + 1 } as PlotRefusal;
    }
  if (engine) {
    const g = engine.fromPolygons(gk);
    try {
      if (!engine.isValid(g)) return { reason: 'invalid' };
    } finally {
      engine.destroy(g);
    }
  }
  return null;
}

/** The SHA-256 of the geometry (and zone) compared: canonical JSON, so the same boundary always hashes the same. */
export const geometryHashOf = (geometry: Polygon | MultiPolygon | null, zone: GkZoneRef | null): string =>
  sha256Hex(canonicalJson({ geometry, zone }));

/** A layer playing a role, as the worker read it. */
export interface RoleLayer {
  assignment: RoleAssignment;
  dataVersion: number;
  features: OverlayFeature[];
}

/** The overlay layers of the roles: each named by its role (summarizeComparison finds them so). */
export const overlayLayersOf = (layers: readonly RoleLayer[]): OverlayLayer[] =>
  layers.map((l) => ({ name: l.assignment.role, features: l.features }));

export interface UsedLayer {
  role: ComparisonRole;
  id: string;
  name: string;
  dataVersion: number;
  groupField: string | null;
}

export interface DocumentPiece {
  /** The document number (批准文号, 供地编号 …); null for features without one, or an ungrouped layer. */
  doc: string | null;
  area: AreaFigures;
}

/** What the record stores in `content.comparison`. */
export interface StoredComparison {
  v: 1;
  /** Epoch ms of the run. */
  ranAt: number;
  /** geometryHashOf the record's geometry and zone as compared. */
  geometryHash: string;
  layers: UsedLayer[];
  summary: ComparisonSummary;
  documents: { approval: DocumentPiece[]; supply: DocumentPiece[] };
  /** Features the engine could not use (their layer's figures are incomplete) and boundaries it repaired. */
  unusable: { role: string | null; fid: number }[];
  repaired: { role: string | null; fid: number }[];
}

/**
 * Pieces below a micro-square-metre are the noise of two edges that meet after projection (a plot drawn along a
 * land-class boundary): not shown as a class of 0.00 m². Their area stays in the layer's remainder, which is the
 * engine's (overlay.ts zeroes remainders below the same figure).
 */
export const PIECE_NOISE_M2 = 1e-6;

export type ComparisonOutcome = { ok: true; stored: StoredComparison; overlay: OverlayPlotResult } | { ok: false; refusal: PlotRefusal };

export interface ComparisonInput {
  geometry: Polygon | MultiPolygon | null;
  zone: GkZoneRef | null;
  layers: readonly RoleLayer[];
  verdicts: Readonly<Record<string, PlanningVerdict>>;
  ranAt: number;
}

/**
 * One plot against the role layers prepared in `index` (an OverlayIndex over overlayLayersOf(layers), built once
 * for many plots). Refuses a plot that is not simple (plotRefusal).
 */
export function compareWithIndex(index: OverlayIndex, engine: GeometryEngine, input: ComparisonInput, id = 'plot'): ComparisonOutcome {
  const refusal = plotRefusal(input.geometry, input.zone, engine);
  if (refusal || !input.geometry) return { ok: false, refusal: refusal ?? { reason: 'noGeometry' } };
  const zone = zoneOfPlot(input.geometry, input.zone);
  const raw = index.overlay({ id, geometryLngLat: input.geometry, zone });
  const overlay: OverlayPlotResult = { ...raw, overlaps: raw.overlaps.filter((o) => o.area.planarM2 >= PIECE_NOISE_M2) };
  const roles = input.layers.map((l) => l.assignment);
  const summary = summarizeComparison(overlay, roles, input.verdicts);
  const docs = (role: ComparisonRole): DocumentPiece[] =>
    overlay.overlaps.filter((o) => o.layer === role).map((o) => ({ doc: o.group, area: o.area }));
  return {
    ok: true,
    overlay,
    stored: {
      v: 1,
      ranAt: input.ranAt,
      geometryHash: geometryHashOf(input.geometry, input.zone),
      layers: input.layers.map((l) => ({
        role: l.assignment.role,
        id: l.assignment.layerId,
        name: l.assignment.layerName,
        dataVersion: l.dataVersion,
        groupField: l.assignment.groupField,
      })),
      summary,
      documents: { approval: docs('approval'), supply: docs('supply') },
      unusable: overlay.unusable.map((u) => ({ role: u.layer, fid: u.fid })),
      repaired: overlay.repaired.map((r) => ({ role: r.layer, fid: r.fid })),
    },
  };
}

/** Reads `content.comparison` back: a result this module wrote, or the reason it cannot be shown. */
export function restoreStoredComparison(raw: unknown): Validation<StoredComparison, 'notObject' | 'badVersion' | 'badResult'> {
  if (!isObject(raw)) return fail('notObject');
  if (raw.v !== 1) return fail('badVersion', 'v');
  if (!isFiniteNumber(raw.ranAt) || !isNonEmptyString(raw.geometryHash)) return fail('badResult', 'ranAt');
  if (!Array.isArray(raw.layers)) return fail('badResult', 'layers');
  for (const l of raw.layers)
    if (!isObject(l) || !COMPARISON_ROLES.includes(l.role as ComparisonRole) || !isString(l.id) || !isFiniteNumber(l.dataVersion))
      return fail('badResult', 'layers');
  const s = raw.summary;
  if (!isObject(s) || !isObject(s.total) || !isFiniteNumber(s.total.planarM2) || !isObject(s.outsideAll)) return fail('badResult', 'summary');
  const d = raw.documents;
  if (!isObject(d) || !Array.isArray(d.approval) || !Array.isArray(d.supply)) return fail('badResult', 'documents');
  return ok({
    ...(raw as unknown as StoredComparison),
    unusable: Array.isArray(raw.unusable) ? (raw.unusable as StoredComparison['unusable']) : [],
    repaired: Array.isArray(raw.repaired) ? (raw.repaired as StoredComparison['repaired']) : [],
  });
}

export interface Staleness {
  /** The record's boundary is not the one compared (redrawn, or rebuilt from survey points). */
  geometryChanged: boolean;
  /** Layers rewritten since (their data version moved), by name. */
  layersChanged: string[];
  /** Layers removed since, by name. */
  layersRemoved: string[];
  /** The office's roles now name other layers than the result used (a role added, removed or given to another layer). */
  rolesChanged: boolean;
}

export const isStale = (s: Staleness): boolean => s.geometryChanged || s.layersChanged.length > 0 || s.layersRemoved.length > 0 || s.rolesChanged;

/** How the stored result differs from the record and the layers now. */
export function comparisonStaleness(
  stored: StoredComparison,
  record: { geometry: Polygon | MultiPolygon | null; zone: GkZoneRef | null },
  layersNow: readonly { id: string; dataVersion: number }[],
  rolesNow: readonly RoleAssignment[] | null,
): Staleness {
  const now = new Map(layersNow.map((l) => [l.id, l.dataVersion]));
  const used = (r: RoleAssignment) => stored.layers.find((l) => l.role === r.role);
  const rolesChanged =
    rolesNow !== null &&
    (rolesNow.length !== stored.layers.length ||
      rolesNow.some((r) => {
        const u = used(r);
        return !u || u.id !== r.layerId || u.groupField !== r.groupField;
      }));
  return {
    geometryChanged: geometryHashOf(record.geometry, record.zone) !== stored.geometryHash,
    layersChanged: stored.layers.filter((l) => now.has(l.id) && now.get(l.id) !== l.dataVersion).map((l) => l.name),
    layersRemoved: stored.layers.filter((l) => !now.has(l.id)).map((l) => l.name),
    rolesChanged,
  };
}
