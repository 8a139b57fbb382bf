/**
 * 界址点 in the inspection record (issue 11 item 3): the record's stored points ↔ the survey plot the domain builds
 * (shared/domain/survey/plot.ts: sides, closure, areas, simplicity), the table's edits, the Y display with or without
 * the zone prefix, what an import decided, and the export file names. Pure: no React, no DOM, no database.
 *
 * How the points are kept (README Decision "界址点 in the record"): as the surveyor's file gave them, X north and Y
 * east of the record's CGCS2000 zone, Y with its prefix when the file had one; each ring in boundary order, its
 * closing repetition of J1 dropped — unless the file closed it on a J1 placed elsewhere, which is kept as the last
 * row (its gap is the 闭合差 the table shows). The boundary drawn from them is always closed.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { InspectionPatch, InspectionSurveyPoint } from '../../../shared/domain/inspection/inspection-record';
import { buildSurveyPlot, type SurveyPlot } from '../../../shared/domain/survey/plot';
import { zoneFromNumber } from '../../../shared/domain/survey/zone';
import type { ColumnMapping } from '../../../shared/formats/survey/csv';
import { ringOf } from '../../../shared/formats/survey/rings';
import type { DeclaredZone, SurveyFile, SurveyIssue, SurveyMethod, SurveyPlotInput, SurveyPoint } from '../../../shared/formats/survey/types';
import type { GkZoneRef } from '../../../shared/domain/units/area';
import { centralMeridianOfZone, isChinaZone } from '../../../shared/domain/crs/zones';
import { toSafeFileName } from '../../../shared/validation/file-name';

/** The plot's name (and the 'file' its messages name) when the record has no number yet, or the points are the record's. */
export const RECORD_PLOT = '界址点';

const ZONE_PREFIX = 1_000_000;
const hasPrefix = (y: number): boolean => y >= 10_000_000;

/** The record's points → the reader's plot input (rings by 圈号 in order), each ring closed (see the module note). */
export function plotInputOf(points: readonly InspectionSurveyPoint[], name: string): SurveyPlotInput {
  const byRing = new Map<number, SurveyPoint[]>();
  for (const p of points) {
    const list = byRing.get(p.ring) ?? [];
    const q: SurveyPoint = { name: p.name, x: p.x, y: p.y };
    if (p.h !== null) q.h = p.h;
    list.push(q);
    byRing.set(p.ring, list);
  }
  const rings = [...byRing.entries()]
    .sort(([a], [b]) => a - b)
    .map(([ringNo, pts]) => {
      const r = ringOf(ringNo, pts);
      return r.closed ? r : { ...r, closed: true };
    });
  return { name, rings };
}

/** The zone a record's figures use: the prefix its Y carries, else the record's own zone. */
export const declaredOf = (zone: GkZoneRef | null): DeclaredZone | undefined =>
  zone && (zone.width === 3 || zone.width === 6) ? { width: zone.width, zone: zone.zone } : undefined;

/** The plot of the record's points, with its figures (null for no points). */
export function recordPlot(
  points: readonly InspectionSurveyPoint[],
  zone: GkZoneRef | null,
  name = RECORD_PLOT,
  file = RECORD_PLOT,
): SurveyPlot | null {
  if (points.length === 0) return null;
  const z = declaredOf(zone);
  return buildSurveyPlot(plotInputOf(points, name), { file, ...(z ? { zone: z } : {}) });
}

/** A file's plot → the points the record keeps (the moved closing point kept as the ring's last row). */
export function pointsOfPlot(input: SurveyPlotInput, method: SurveyMethod | null): InspectionSurveyPoint[] {
  const out: InspectionSurveyPoint[] = [];
  const push = (p: SurveyPoint, ring: number) => out.push({ name: p.name, x: p.x, y: p.y, h: p.h ?? null, ring, method });
  for (const r of input.rings) {
    for (const p of r.points) push(p, r.ringNo);
    if (r.closingPoint) push(r.closingPoint, r.ringNo);
  }
  return out;
}

export type BoundaryOutcome =
  | { ok: true; patch: Pick<InspectionPatch, 'geometry' | 'zone' | 'surveyPoints'>; plot: SurveyPlot }
  | { ok: false; reason: 'notSimple' | 'zoneUnknown' | 'noPoints'; plot: SurveyPlot | null; issue?: SurveyIssue };

/**
 * What saving the points does to the record: the boundary (lon/lat, from the zone) and the zone with the points. A
 * boundary that is not simple is refused (the issue says why), and so are points whose zone is unknown (no lon/lat).
 */
export function boundaryOf(
  points: readonly InspectionSurveyPoint[],
  zone: GkZoneRef | null,
  name = RECORD_PLOT,
  file = RECORD_PLOT,
): BoundaryOutcome {
  const plot = recordPlot(points, zone, name, file);
  if (!plot) return { ok: false, reason: 'noPoints', plot: null };
  const notSimple = plot.issues.find((i) => i.code === 'survey.notSimple');
  if (plot.refusal) return { ok: false, reason: 'notSimple', plot, ...(notSimple ? { issue: notSimple } : {}) };
  if (plot.zone.kind !== 'known' || !plot.geometryLngLat) return { ok: false, reason: 'zoneUnknown', plot };
  const geometry: Polygon | MultiPolygon = plot.geometryLngLat;
  return { ok: true, plot, patch: { geometry, zone: plot.zone.zone, surveyPoints: [...points] } };
}

/** Y as the table shows it: with the zone prefix (8 digits) or without (6 digits). */
export function displayY(y: number, withPrefix: boolean, zone: number | null): number {
  if (withPrefix) return !hasPrefix(y) && zone !== null ? y + zone * ZONE_PREFIX : y;
  return hasPrefix(y) ? y - Math.floor(y / ZONE_PREFIX) * ZONE_PREFIX : y;
}

/**
 * A Y typed in the table → the stored form: the record's points keep one form (all with the prefix or none), so
 * a value typed in the other form is converted (a 6-digit Y gets the prefix back, an 8-digit one loses it).
 */
export function storedY(typed: number, storedWithPrefix: boolean, zone: number | null): number {
  if (storedWithPrefix && !hasPrefix(typed) && zone !== null) return typed + zone * ZONE_PREFIX;
  if (!storedWithPrefix && hasPrefix(typed)) return typed - Math.floor(typed / ZONE_PREFIX) * ZONE_PREFIX;
  return typed;
}

export const pointsHavePrefix = (points: readonly InspectionSurveyPoint[]): boolean => points.length > 0 && points.every((p) => hasPrefix(p.y));

/** The zone number the points or the record give (for the prefix toggle), null when neither does. */
export function zoneNumberOf(points: readonly InspectionSurveyPoint[], zone: GkZoneRef | null): number | null {
  const p = points.find((q) => hasPrefix(q.y));
  if (p) return Math.floor(p.y / ZONE_PREFIX);
  return zone?.zone ?? null;
}

// ── the table's edits (each returns a new list; the caller saves it) ─────────────────────────────────────────────

export type PointEdit =
  | { kind: 'set'; index: number; field: 'name' | 'x' | 'y' | 'h' | 'method'; value: string | number | null }
  | { kind: 'insertAfter'; index: number }
  | { kind: 'remove'; index: number }
  | { kind: 'move'; index: number; by: -1 | 1 }
  | { kind: 'methodAll'; method: SurveyMethod | null };

/** The next free J-number name (J7 after J1…J6), for a new row. */
export function nextPointName(points: readonly InspectionSurveyPoint[]): string {
  const used = points.map((p) => /^J(\d+)$/i.exec(p.name)?.[1]).filter((n): n is string => n !== undefined);
  return `J${Math.max(0, ...used.map(Number)) + 1}`;
}

export function editPoints(points: readonly InspectionSurveyPoint[], e: PointEdit): InspectionSurveyPoint[] {
  const list = [...points];
  const at = (i: number) => list[i];
  switch (e.kind) {
    case 'set': {
      const p = at(e.index);
      if (!p) return list;
      list[e.index] = { ...p, [e.field]: e.value } as InspectionSurveyPoint;
      return list;
    }
    case 'insertAfter': {
      // A new point halfway along the side from this point to the next of its ring: the boundary stays simple.
      const p = at(e.index);
      if (!p) return list;
      const ring = list.filter((q) => q.ring === p.ring);
      const next = ring[(ring.indexOf(p) + 1) % ring.length] ?? p;
      const round = (v: number) => Math.round(v * 1000) / 1000;
      list.splice(e.index + 1, 0, {
        name: nextPointName(list),
        x: round((p.x + next.x) / 2),
        y: round((p.y + next.y) / 2),
        h: null,
        ring: p.ring,
        method: p.method,
      });
      return list;
    }
    case 'remove':
      list.splice(e.index, 1);
      return list;
    case 'move': {
      const j = e.index + e.by;
      const a = at(e.index);
      const b = at(j);
      if (!a || !b || a.ring !== b.ring) return list;
      list[e.index] = b;
      list[j] = a;
      return list;
    }
    case 'methodAll':
      return list.map((p) => ({ ...p, method: e.method }));
  }
}

/** A number typed in a coordinate cell ("3 820 100,123" from a spreadsheet is not taken: survey notation only). */
export function parseCoordinate(text: string): number | null {
  const t = text.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  return Number(t);
}

// ── import decisions ─────────────────────────────────────────────────────────────────────────────────────────────

/** Does this file's plot need the zone from the user (6-digit Y, no zone in the file)? */
export function needsZone(file: SurveyFile, plotIndex: number): boolean {
  const plot = file.plots[plotIndex];
  if (!plot) return false;
  const pts = plot.rings.flatMap((r) => r.points);
  if (pts.length === 0 || pts.every((p) => hasPrefix(p.y))) return false;
  return !file.declaredZone && !file.projectedInto;
}

/** The zone a user typed: a number 13–23 is a 6° zone, 25–45 a 3° zone (the ranges do not meet); else null. */
export function zoneOfInput(zone: number): GkZoneRef | null {
  const z = Number.isInteger(zone) ? zoneFromNumber(zone) : null;
  return z && isChinaZone(z.width, z.zone) ? { width: z.width, zone: z.zone, centralMeridian: centralMeridianOfZone(z.width, z.zone) } : null;
}

/** The notices an import gives: the readers' decisions (north column, encoding, zone) and the plot's checks. */
export function importNotices(file: SurveyFile, plot: SurveyPlot): SurveyIssue[] {
  const seen = new Set<string>();
  return [...file.issues, ...plot.issues].filter((i) => {
    // In the app the zone is asked, never "use --zone": the dialog took its place.
    if (i.code === 'survey.zoneUnknown') return false;
    const k = `${i.code}|${JSON.stringify(i.params ?? {})}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export const isLngLatFormat = (f: SurveyFile): boolean => f.format === 'gpx' || f.format === 'kml' || f.format === 'kmz';

/** The datum the user says a GPX/KML is in. GCJ-02 points are never shifted: they are refused as a boundary. */
export type SurveyDatum = 'wgs84' | 'gcj02' | 'unknown';

export const datumAllowsImport = (d: SurveyDatum): boolean => d !== 'gcj02';

// ── export ───────────────────────────────────────────────────────────────────────────────────────────────────────

/** "核〔2026〕012号-界址点.dat": the record's number in the name (made safe for every file system). */
export function exportFileName(recordNumber: string, what: string, ext: 'dat' | 'txt'): string {
  const base = recordNumber.trim() === '' ? what : `${recordNumber.trim()}-${what}`;
  return toSafeFileName(`${base}.${ext}`);
}

/** The record's points as one plot for the writers (the moved closing point is written as the closing row). */
export const exportPlotOf = (points: readonly InspectionSurveyPoint[], name: string): SurveyPlotInput => plotInputOf(points, name);

// ── the column mapping dialog ──────────────────────────────────────────────────────────────────────────────────────

export type MappingProblem = 'sameColumn' | 'outOfRange';

/** The mapping dialog's rule: X and Y are two different columns, the name and H none of them. */
export function mappingProblem(m: ColumnMapping, columns: number): MappingProblem | null {
  const used = [m.x, m.y, ...(m.name === null ? [] : [m.name]), ...(m.h === undefined ? [] : [m.h])];
  if (used.some((i) => !Number.isInteger(i) || i < 0 || i >= columns)) return 'outOfRange';
  if (new Set(used).size !== used.length) return 'sameColumn';
  return null;
}

// ── on the map ───────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The open record's 界址点 on the map: one Point per boundary point (its 点号 as the label), from the plot's own
 * lon/lat (the zone's GK → CGCS2000, the same figures the section prints), and the boundary as its rings' lines.
 * Empty when the zone is unknown (no place on the map without it).
 */
export function surveyMapFeatures(plot: SurveyPlot | null): { points: FeatureCollection; boundary: FeatureCollection } {
  const points: Feature[] = [];
  const lines: Feature[] = [];
  for (const r of plot?.rings ?? []) {
    const ll = r.pointsLngLat;
    if (!ll || ll.length === 0) continue;
    r.points.forEach((p, i) => {
      const c = ll[i];
      if (c) points.push({ type: 'Feature', properties: { name: p.name, ring: r.ringNo }, geometry: { type: 'Point', coordinates: [c[0], c[1]] } });
    });
    const first = ll[0] as [number, number];
    lines.push({
      type: 'Feature',
      properties: { ring: r.ringNo },
      geometry: { type: 'LineString', coordinates: [...ll.map((c) => [c[0], c[1]]), [first[0], first[1]]] },
    });
  }
  return { points: { type: 'FeatureCollection', features: points }, boundary: { type: 'FeatureCollection', features: lines } };
}
