/**
 * The boundary points (界址点) of the evidence map and its 界址点坐标成果表.
 *
 * Numbering rule (numberBoundaryPoints; DOMAIN "Evidence-map conventions": from the north-west point, clockwise):
 * - every ring is walked clockwise in the (E, N) plane — outer rings and holes alike, so a reader follows each
 *   boundary the same way round;
 * - each ring starts at its north-west point: the vertex nearest (Euclidean) to the north-west corner
 *   (min E, max N) of that ring's own bounding box (on a tie, the earlier vertex of the clockwise walk);
 * - the plot's first polygon's outer ring comes first, then its holes, then each further polygon (its outer ring,
 *   then its holes); the numbers continue across rings (J1…J8 outer, J9… the first hole) and each ring has its
 *   报盘 圈号: 1, 2, 3 … in that order;
 * - 边长 is the planar GK distance to the ring's next point (the last point's side closes the ring on its first).
 *
 * pointsOfRecord: a record whose boundary was built from surveyed points keeps them exactly as held (names, X, Y
 * and rings untouched, in the record's order); only a drawn or imported plot is numbered by the rule above.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { makeLngLatToGkEN } from '../crs/transform';
import { polygonsOf } from '../geometry/area';
import { zoneOfPlot } from '../inspection/comparison-run';
import type { GkZoneRef } from '../units/area';
import type { GkPoint, NumberedPoint, PlotGk } from './inputs';
import { signedArea2 } from './plane';

/** An open ring (its closing repetition of the first point dropped). */
function open(ring: readonly GkPoint[]): GkPoint[] {
  const r = [...ring];
  const a = r[0];
  const b = r[r.length - 1];
  if (r.length > 1 && a && b && a[0] === b[0] && a[1] === b[1]) r.pop();
  return r;
}

/** The ring clockwise in (E, N) from its north-west point (see the module comment). */
export function clockwiseFromNorthWest(ring: readonly GkPoint[]): GkPoint[] {
  let r = open(ring);
  if (signedArea2(r) > 0) r = r.reverse(); // counter-clockwise in a north-up plane → clockwise
  if (r.length === 0) return r;
  let minE = Infinity;
  let maxN = -Infinity;
  for (const p of r) {
    if (p[0] < minE) minE = p[0];
    if (p[1] > maxN) maxN = p[1];
  }
  let start = 0;
  let best = Infinity;
  r.forEach((p, i) => {
    const d = (p[0] - minE) ** 2 + (p[1] - maxN) ** 2;
    if (d < best) {
      best = d;
      start = i;
    }
  });
  return [...r.slice(start), ...r.slice(0, start)];
}

const dist = (a: GkPoint, b: GkPoint) => Math.hypot(b[0] - a[0], b[1] - a[1]);

/** J1 … numbered clockwise from each ring's north-west point; X = northing, Y = easting as in the plane given. */
export function numberBoundaryPoints(polygons: PlotGk['polygons'], prefix = 'J'): NumberedPoint[] {
  const out: NumberedPoint[] = [];
  let ringNo = 0;
  for (const poly of polygons)
    for (const ring of poly) {
      const r = clockwiseFromNorthWest(ring);
      if (r.length === 0) continue;
      ringNo++;
      r.forEach((p, i) =>
        out.push({ name: `${prefix}${out.length + 1}`, x: p[1], y: p[0], ring: ringNo, sideMetres: dist(p, r[(i + 1) % r.length] as GkPoint) }),
      );
    }
  return out;
}

/** The points grouped by ring, in order (a ring's points as listed). */
export function ringsOfPoints(points: readonly NumberedPoint[]): NumberedPoint[][] {
  const by = new Map<number, NumberedPoint[]>();
  for (const p of points) {
    let list = by.get(p.ring);
    if (!list) by.set(p.ring, (list = []));
    list.push(p);
  }
  return [...by.values()];
}

/** What pointsOfRecord and plotOfRecord read of an inspection record's content. */
export interface RecordBoundary {
  geometry: Polygon | MultiPolygon | null;
  zone: GkZoneRef | null;
  surveyPoints: readonly { name: string; x: number; y: number; ring: number }[];
}

/** Whether the record's surveyed Y values carry the zone prefix (8-digit eastings: 39 512 345.678). */
export const recordHasZonePrefix = (r: RecordBoundary): boolean => r.surveyPoints.length > 0 && r.surveyPoints.every((p) => p.y >= 1e7);

/** The record's plot in its GK zone (the zone prefix as its surveyed points have it), rings open. */
export function plotOfRecord(r: RecordBoundary): PlotGk | null {
  if (!r.geometry) return null;
  const zone = zoneOfPlot(r.geometry, r.zone);
  const zonePrefix = recordHasZonePrefix(r);
  const toGk = makeLngLatToGkEN(zone, zonePrefix);
  const polygons = polygonsOf(r.geometry).map((poly) =>
    poly.map((ring) => open(ring.map((p: Position) => toGk(p[0] as number, p[1] as number) as GkPoint))),
  );
  return { zone, zonePrefix, polygons };
}

/**
 * The 界址点 of a record: its surveyPoints exactly as held (边长 computed between them, ring by ring), else its
 * plot's vertices numbered by numberBoundaryPoints; [] without a boundary.
 */
export function pointsOfRecord(r: RecordBoundary): NumberedPoint[] {
  if (r.surveyPoints.length > 0) {
    const out: NumberedPoint[] = [];
    for (const ring of ringsOfPoints(r.surveyPoints.map((p) => ({ ...p, sideMetres: 0 }))))
      ring.forEach((p, i) => {
        const q = ring[(i + 1) % ring.length] as NumberedPoint;
        out.push({ name: p.name, x: p.x, y: p.y, ring: p.ring, sideMetres: Math.hypot(q.x - p.x, q.y - p.y) });
      });
    return out;
  }
  const plot = plotOfRecord(r);
  return plot ? numberBoundaryPoints(plot.polygons) : [];
}
