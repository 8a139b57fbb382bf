/**
 * A SurveyPlot: a plot's boundary built from its points in order, with the figures a 界址点坐标成果表 prints —
 * side lengths (边长: planar in the GK zone, geodesic on CGCS2000 beside them), the closing error, the planar area in
 * the zone (what survey tables use), the ellipsoidal area (what 三调 figures compare with), 亩 = m² × 0.0015 — and
 * a refusal with a named reason for a boundary that is not simple (README, Domain rules "Area" and "Survey files").
 *
 * Rings: ring 1 is outer; every further ring inside an earlier outer ring is its hole, any other is a further part
 * (报盘 圈号 2, 3 …: containment decides, as the format leaves it to). Areas come from the one geometry module
 * (shared/domain/geometry: shoelace about the first vertex, equal-area ellipsoidal with GeographicLib); GEOS, when
 * given, checks the rings together (a hole crossing its outer ring) as every other figure in the app is checked.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { makeGkToLngLat } from '../crs/transform';
import { ellipsoidalAreaM2, planarAreaM2, ringSignedAreaM2 } from '../geometry/area';
import type { GeometryEngine } from '../geometry/engine/engine';
import { geodesicDistanceMetres } from '../geometry/length';
import { squareMetres, toMu, type Mu, type SquareMetres } from '../units/area';
import type { DeclaredZone, SurveyIssue, SurveyMethod, SurveyPlotInput, SurveyPoint } from '../../formats/survey/types';
import { ringRefusal, type RingRefusal } from './simple';
import { decideZone, type ZoneDecision } from './zone';

export interface PlotRing {
  ringNo: number;
  role: 'outer' | 'hole';
  /** For a hole: the ringNo of the outer ring holding it. */
  of?: number;
  points: SurveyPoint[];
  /** The points in CGCS2000 lon/lat (from the zone), null when the zone is unknown. */
  pointsLngLat: [number, number][] | null;
  closed: boolean;
  /** 边长 J1–J2, J2–J3, …, Jn–J1 in GK metres. */
  sidesMetres: number[];
  /** The same sides as geodesics on CGCS2000 (GRS80), null when the zone is unknown. */
  sidesGeodesicMetres: number[] | null;
  /** Closing error: 0 when the file closed the ring on its first point; the gap to a moved closing point; else the
   *  distance from the last point back to the first. */
  closureMetres: number;
  /** (east, north) winding: survey practice numbers the points clockwise. */
  clockwise: boolean;
}

export type PlotRefusal = (RingRefusal & { ringNo: number }) | { reason: 'ringsInvalid'; ringNo: number; detail: string };

export interface SurveyPlot {
  name: string;
  /** RTK, GNSS handheld, total station, tape or map, when known. */
  method: SurveyMethod | null;
  zone: ZoneDecision;
  rings: PlotRing[];
  /** The largest closing error of its rings. */
  closureMetres: number;
  /** Null when the boundary is refused. ellipsoidalM2 is null when the zone is unknown (no lon/lat without it). */
  area: { planarM2: SquareMetres; ellipsoidalM2: SquareMetres | null; mu: Mu } | null;
  refusal: PlotRefusal | null;
  /** The boundary in lon/lat (CGCS2000), outer rings counter-clockwise (RFC 7946), when the zone is known. */
  geometryLngLat: Polygon | MultiPolygon | null;
  issues: SurveyIssue[];
}

export interface BuildOptions {
  /** The zone the user gave (--zone): used when the points carry no prefix. */
  zone?: DeclaredZone;
  /** The zone the file's header names (报盘). */
  declaredZone?: DeclaredZone;
  /** GEOS: checks the rings together (optional; the per-ring checks need no engine). */
  engine?: GeometryEngine;
  /** The file (named in issues). */
  file: string;
}

const planar = (a: SurveyPoint, b: SurveyPoint): number => Math.hypot(b.x - a.x, b.y - a.y);

/** Ray casting in (y, x): is the point strictly inside the ring? */
function inside(p: SurveyPoint, ring: readonly SurveyPoint[]): boolean {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i] as SurveyPoint;
    const b = ring[j] as SurveyPoint;
    if (a.x > p.x !== b.x > p.x && p.y < ((b.y - a.y) * (p.x - a.x)) / (b.x - a.x) + a.y) c = !c;
  }
  return c;
}

/** The ring as closed GeoJSON positions [east, north], in the given winding. */
function positions(points: readonly SurveyPoint[], ccw: boolean, f: (p: SurveyPoint) => Position): Position[] {
  const ring = points.map(f);
  ring.push(f(points[0] as SurveyPoint));
  return ringSignedAreaM2(ring) > 0 === ccw ? ring : ring.reverse();
}

export function buildSurveyPlot(input: SurveyPlotInput, opts: BuildOptions): SurveyPlot {
  const file = opts.file;
  const issues: SurveyIssue[] = [];
  const allPoints = input.rings.flatMap((r) => r.points);
  const zone = decideZone(allPoints, { ...(opts.zone ? { option: opts.zone } : {}), ...(opts.declaredZone ? { header: opts.declaredZone } : {}) });
  if (zone.kind === 'unknown')
    issues.push({ code: 'survey.zoneUnknown', severity: 'warning', file, params: { plot: input.name, reason: zone.reason } });
  else if (zone.mismatch)
    issues.push({
      code: 'survey.zoneMismatch',
      severity: 'warning',
      file,
      params: { plot: input.name, used: zone.zone.zone, source: zone.source, given: zone.mismatch.given, givenSource: zone.mismatch.source },
    });
  const toLngLat = zone.kind === 'known' ? makeGkToLngLat(zone.zone, zone.prefix) : null;
  const lngLat = (p: SurveyPoint): Position => (toLngLat as (e: number, n: number) => [number, number])(p.y, p.x);

  // Roles by containment: a ring inside an earlier outer ring is its hole.
  const outers: PlotRing[] = [];
  const rings: PlotRing[] = input.rings.map((r) => {
    const n = r.points.length;
    const sides = r.points.map((p, i) => planar(p, r.points[(i + 1) % n] as SurveyPoint));
    const first = r.points[0];
    const last = r.points[n - 1];
    const closure = !first || !last ? 0 : r.closed ? (r.closingPoint ? planar(r.closingPoint, first) : 0) : planar(last, first);
    const signed = ringSignedAreaM2(r.points.map((p) => [p.y, p.x]));
    const host = outers.find((o) => first && inside(first, o.points));
    const ring: PlotRing = {
      ringNo: r.ringNo,
      role: host ? 'hole' : 'outer',
      ...(host ? { of: host.ringNo } : {}),
      points: r.points,
      pointsLngLat: toLngLat ? r.points.map((p) => lngLat(p) as [number, number]) : null,
      closed: r.closed,
      sidesMetres: n >= 2 ? sides : [],
      sidesGeodesicMetres:
        toLngLat && n >= 2 ? r.points.map((p, i) => geodesicDistanceMetres(lngLat(p), lngLat(r.points[(i + 1) % n] as SurveyPoint))) : null,
      closureMetres: closure,
      clockwise: signed < 0,
    };
    if (!host) outers.push(ring);
    if (!r.closed)
      issues.push({ code: 'survey.notClosed', severity: 'info', file, params: { plot: input.name, ring: r.ringNo, metres: closure.toFixed(3) } });
    else if (r.closingPoint)
      issues.push({
        code: 'survey.closingPointMoved',
        severity: 'warning',
        file,
        params: { plot: input.name, ring: r.ringNo, point: r.closingPoint.name, metres: closure.toFixed(3) },
      });
    if (ring.role === 'outer' && n >= 3 && !ring.clockwise)
      issues.push({ code: 'survey.counterClockwise', severity: 'info', file, params: { plot: input.name, ring: r.ringNo } });
    return ring;
  });

  let refusal: PlotRefusal | null = null;
  for (const r of rings) {
    const why = ringRefusal(r.points);
    if (why) {
      refusal = { ...why, ringNo: r.ringNo };
      break;
    }
  }
  // GEOS (planar, about the first point): rings that are each simple yet cross one another, or a hole on its outer.
  const first = allPoints[0];
  const polys: Position[][][] = outers.map((o) => [
    positions(o.points, true, (p) => [p.y, p.x]),
    ...rings.filter((h) => h.of === o.ringNo).map((h) => positions(h.points, false, (p) => [p.y, p.x])),
  ]);
  if (!refusal && opts.engine && first) {
    const g = opts.engine.fromPolygons(polys, first.y, first.x);
    try {
      if (!opts.engine.isValid(g))
        refusal = { reason: 'ringsInvalid', ringNo: rings.length > 1 ? (rings[1] as PlotRing).ringNo : 1, detail: 'GEOS isValid' };
    } finally {
      opts.engine.destroy(g);
    }
  }
  const closureMetres = Math.max(0, ...rings.map((r) => r.closureMetres));
  const geometryGk: Polygon | MultiPolygon =
    polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] as Position[][] } : { type: 'MultiPolygon', coordinates: polys };
  let geometryLngLat: Polygon | MultiPolygon | null = null;
  if (toLngLat && !refusal) {
    const lp: Position[][][] = outers.map((o) => [
      positions(o.points, true, lngLat),
      ...rings.filter((h) => h.of === o.ringNo).map((h) => positions(h.points, false, lngLat)),
    ]);
    geometryLngLat = lp.length === 1 ? { type: 'Polygon', coordinates: lp[0] as Position[][] } : { type: 'MultiPolygon', coordinates: lp };
  }
  if (refusal) {
    const { reason, ringNo, ...rest } = refusal;
    issues.push({
      code: 'survey.notSimple',
      severity: 'error',
      file,
      params: { plot: input.name, ring: ringNo, reason, ...(rest as Record<string, string | number>) },
    });
  }
  const planarM2 = refusal ? null : planarAreaM2(geometryGk);
  const area =
    planarM2 === null
      ? null
      : { planarM2, ellipsoidalM2: geometryLngLat ? ellipsoidalAreaM2(geometryLngLat) : null, mu: toMu(squareMetres(planarM2)) };
  const declaredHa = input.declared?.areaHectares;
  // 报盘 prints 公顷 to 4 decimals (1 m²): a difference beyond the half unit of that rounding is worth saying.
  if (area && declaredHa !== undefined && Math.abs(area.planarM2 / 10_000 - declaredHa) > 0.00005 + 1e-9)
    issues.push({
      code: 'survey.areaMismatch',
      severity: 'warning',
      file,
      params: { plot: input.name, declared: declaredHa, computed: (area.planarM2 / 10_000).toFixed(4) },
    });
  return { name: input.name, method: input.method ?? null, zone, rings, closureMetres, area, refusal, geometryLngLat, issues };
}
