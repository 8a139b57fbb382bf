/**
 * What a new record starts from (issue 11 item 1), as pure functions: a patch's 监测编号 (JCBH) from its attributes,
 * the plot's centre, the township and village the centre lies in (the grid's areas, else a boundary layer's name),
 * and a plot typed as lines of "X,Y" (north, east; with the zone prefix on Y, or a zone given).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { GridArea } from '../../../shared/domain/grid/area-record';
import { pointInRings } from '../../../shared/domain/grid/grid-edits';
import type { InspectionLocation } from '../../../shared/domain/inspection/inspection-record';
import { buildSurveyPlot } from '../../../shared/domain/survey/plot';
import { zoneFromNumber } from '../../../shared/domain/survey/zone';
import type { SurveyPoint } from '../../../shared/formats/survey/types';
import type { GkZoneRef } from '../../../shared/domain/units/area';

export type PlotGeometry = Polygon | MultiPolygon;

/** The patch number fields, in the order they are read (卫片执法 JCBH; 图斑编号 TBBH as a fallback). */
const PATCH_NO_FIELDS = ['JCBH', 'TBBH', 'BH'];

/** A patch's number from its attributes (field names in any case); '' when it has none. */
export function patchNoOf(properties: Readonly<Record<string, unknown>>): string {
  const byUpper = new Map(Object.entries(properties).map(([k, v]) => [k.toUpperCase(), v]));
  for (const f of PATCH_NO_FIELDS) {
    const v = byUpper.get(f);
    if (v !== null && v !== undefined && String(v).trim() !== '') return String(v).trim();
  }
  return '';
}

/** A boundary layer's name fields for a village or township (行政区 XZQMC; 坐落单位 ZLDWMC; 村名). */
export const BOUNDARY_NAME_FIELDS = ['XZQMC', 'ZLDWMC', 'CJMC', 'CUNMC', 'NAME', 'MC'];

export function boundaryNameOf(properties: Readonly<Record<string, unknown>>): string {
  const byUpper = new Map(Object.entries(properties).map(([k, v]) => [k.toUpperCase(), v]));
  for (const f of BOUNDARY_NAME_FIELDS) {
    const v = byUpper.get(f);
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return '';
}

const ringsOf = (g: PlotGeometry): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/**
 * A point inside the plot for looking its place up: the centre of its largest part's box when that lies inside,
 * else the first vertex's neighbourhood midpoint (a U-shaped plot's box centre may lie outside it).
 */
export function plotCentre(g: PlotGeometry): [number, number] {
  let best: Position[][] | null = null;
  let bestSpan = -1;
  for (const rings of ringsOf(g)) {
    const outer = rings[0] ?? [];
    const xs = outer.map((p) => p[0] as number);
    const ys = outer.map((p) => p[1] as number);
    const span = (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
    if (span > bestSpan) [best, bestSpan] = [rings, span];
  }
  const rings = best ?? [];
  const outer = rings[0] ?? [];
  const xs = outer.map((p) => p[0] as number);
  const ys = outer.map((p) => p[1] as number);
  const c: [number, number] = [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
  if (pointInRings(rings, c[0], c[1])) return c;
  // Midpoints of the first vertex and each other vertex: the first inside is a point of the plot.
  const a = outer[0] as Position;
  for (let i = 2; i < outer.length - 1; i++) {
    const b = outer[i] as Position;
    const m: [number, number] = [((a[0] as number) + (b[0] as number)) / 2, ((a[1] as number) + (b[1] as number)) / 2];
    if (pointInRings(rings, m[0], m[1])) return m;
  }
  return c;
}

const contains = (area: GridArea, p: [number, number]): boolean =>
  area.geometry !== null && ringsOf(area.geometry).some((rings) => pointInRings(rings, p[0], p[1]));

/**
 * The township and village a point lies in, from the grid's areas: the deepest area holding it names its grid area;
 * its village and township ancestors name the place. Null when no township or village of the grid holds it.
 */
export function locationFromGrid(areas: readonly GridArea[], p: [number, number]): InspectionLocation | null {
  const byId = new Map(areas.map((a) => [a.id as string, a]));
  const holding = areas.filter((a) => a.level !== 'county' && contains(a, p));
  if (holding.length === 0) return null;
  const depth = { county: 0, township: 1, village: 2, cell: 3 } as const;
  const deepest = holding.sort((a, b) => depth[b.level] - depth[a.level])[0] as GridArea;
  let township = '';
  let village = '';
  for (let a: GridArea | undefined = deepest; a; a = a.parentId ? byId.get(a.parentId) : undefined) {
    if (a.level === 'village' && !village) village = a.name;
    if (a.level === 'township' && !township) township = a.name;
  }
  // A township or village holding the point but not an ancestor of the deepest (the grid's cells not under it).
  if (!village) village = holding.find((a) => a.level === 'village')?.name ?? '';
  if (!township) township = holding.find((a) => a.level === 'township')?.name ?? '';
  if (!township && !village) return null;
  return { township, village, areaId: deepest.id, place: '' };
}

export type TypedRefusal =
  | { reason: 'tooFewPoints'; count: number }
  | { reason: 'badLine'; line: number; text: string }
  | { reason: 'zoneUnknown' }
  | { reason: 'notSimple'; detail: string };

export type TypedPlot = { ok: true; geometry: Polygon; zone: GkZoneRef; points: number } | { ok: false; refusal: TypedRefusal };

/**
 * A plot typed as lines "X,Y" (X north, Y east, metres; separators , ， space or tab; an optional point name first:
 * "J1,4034567.12,39512345.67"). Y carries the zone prefix (8 digits before the point), or `zone` (a 3° zone number
 * 25–45 or 6° 13–23) says the zone. A closing repeat of the first point is dropped. Built with the survey module
 * (the one geometry engine of the app), so a crossing boundary is refused by name.
 */
export function typedPlot(text: string, zone: number | null): TypedPlot {
  const points: SurveyPoint[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] as string).trim();
    if (raw === '') continue;
    const parts = raw.split(/[,，\s\t]+/).filter((x) => x !== '');
    const nums = parts.slice(-2).map((x) => Number(x));
    if (parts.length < 2 || parts.length > 3 || nums.some((n) => !Number.isFinite(n)))
      return { ok: false, refusal: { reason: 'badLine', line: i + 1, text: raw } };
    points.push({
      name: parts.length === 3 ? (parts[0] as string) : `J${points.length + 1}`,
      x: nums[0] as number,
      y: nums[1] as number,
      line: i + 1,
    });
  }
  const first = points[0];
  const last = points[points.length - 1];
  const closed = points.length > 1 && first !== undefined && last !== undefined && first.x === last.x && first.y === last.y;
  if (closed) points.pop();
  if (points.length < 3) return { ok: false, refusal: { reason: 'tooFewPoints', count: points.length } };
  const declared = zone !== null ? zoneFromNumber(zone) : null;
  const plot = buildSurveyPlot({ name: 'typed', rings: [{ ringNo: 1, points, closed }] }, { file: 'typed', ...(declared ? { zone: declared } : {}) });
  if (plot.zone.kind !== 'known') return { ok: false, refusal: { reason: 'zoneUnknown' } };
  if (plot.refusal) return { ok: false, refusal: { reason: 'notSimple', detail: plot.refusal.reason } };
  if (!plot.geometryLngLat || plot.geometryLngLat.type !== 'Polygon') return { ok: false, refusal: { reason: 'zoneUnknown' } };
  return { ok: true, geometry: plot.geometryLngLat, zone: plot.zone.zone, points: points.length };
}
