/**
 * 测量: distance along a polyline and area of a polygon drawn on the map, from the project's one geometry code
 * (shared/domain/geometry area.ts and length.ts, shared/domain/crs). Pure: lon/lat vertices in, labelled figures out.
 *
 * - Lengths are planar, in the Gauss-Krüger plane of the zone (what a survey table's 边长 is), summed per segment.
 * - Areas: planar GK shoelace in the zone, 亩 from it (m² × 0.0015, README Domain rule 1), and ellipsoidal on CGCS2000/GRS80
 *   (area.ts featureAreas, the same figures identify and overlay print).
 * - A two-point distance also gives its bearing (shared/domain/survey/bearing.ts): the 坐标方位角 from grid north of
 *   the zone, as survey tables print it in °′″, and the geodesic azimuth from true north (they differ by the
 *   meridian convergence).
 * - The zone is the data's (the topmost visible projected layer's, so a measurement matches that layer's
 *   Shape_Area), or, with no projected data, the CGCS2000 3° zone of the vertices' mean longitude.
 */
import type { Polygon } from 'geojson';
import { featureAreas } from '../../../shared/domain/geometry/area';
import { planarDistanceMetres } from '../../../shared/domain/geometry/length';
import { gkZoneForLongitude, makeLngLatToGkEN } from '../../../shared/domain/crs/transform';
import type { AreaFigures, GkZoneRef } from '../../../shared/domain/units/area';
import { formatMetres } from '../../../shared/domain/units/format';
import { measureBearing, type MeasuredBearing } from '../../../shared/domain/survey/measure';

export type MeasureMode = 'length' | 'area';
export type LngLat = readonly [number, number];

export interface MeasureZone {
  zone: GkZoneRef;
  /** 'data': the topmost projected layer's zone; 'vertices': the zone of the measured shape's mean longitude. */
  source: 'data' | 'vertices';
}

export interface LengthFigures {
  /** Planar GK length of each segment, in the order drawn (m). */
  segmentsMetres: number[];
  totalMetres: number;
}

export interface MeasureFigures {
  mode: MeasureMode;
  zone: MeasureZone;
  /** length: along the line; area: the perimeter (closing edge included). */
  length: LengthFigures;
  /** area mode with ≥ 3 vertices, else null. */
  area: AreaFigures | null;
  /** A two-point distance: 坐标方位角 (from grid north of the zone) and the geodesic azimuth (from true north). */
  bearing: MeasuredBearing | null;
}

/** The zone figures are given in: the data's when known, else the vertices' (never undefined for ≥ 1 vertex). */
export function measureZone(vertices: readonly LngLat[], dataZone: GkZoneRef | null): MeasureZone | null {
  if (dataZone) return { zone: dataZone, source: 'data' };
  if (vertices.length === 0) return null;
  const meanLon = vertices.reduce((s, v) => s + v[0], 0) / vertices.length;
  return { zone: gkZoneForLongitude(meanLon, 3), source: 'vertices' };
}

/** Planar lengths of the path through `vertices` in `zone` (closed back to the first vertex when `closed`). */
export function planarLengths(vertices: readonly LngLat[], zone: GkZoneRef, closed = false): LengthFigures {
  const project = makeLngLatToGkEN(zone, false);
  const gk = vertices.map((v) => project(v[0], v[1]));
  if (closed && gk.length > 2) gk.push(gk[0]!);
  const segmentsMetres: number[] = [];
  for (let i = 1; i < gk.length; i++) segmentsMetres.push(planarDistanceMetres(gk[i - 1]!, gk[i]!));
  return { segmentsMetres, totalMetres: segmentsMetres.reduce((s, d) => s + d, 0) };
}

/** The polygon of an open ring of vertices (closed again, as GeoJSON wants). */
export const polygonOf = (vertices: readonly LngLat[]): Polygon => ({
  type: 'Polygon',
  coordinates: [[...vertices.map((v) => [v[0], v[1]]), [vertices[0]![0], vertices[0]![1]]]],
});

/** All figures for what is drawn so far; null when nothing is. */
export function measure(mode: MeasureMode, vertices: readonly LngLat[], dataZone: GkZoneRef | null): MeasureFigures | null {
  const zone = measureZone(vertices, dataZone);
  if (!zone || vertices.length === 0) return null;
  const closed = mode === 'area';
  const length = planarLengths(vertices, zone.zone, closed);
  const area = mode === 'area' && vertices.length >= 3 ? featureAreas(polygonOf(vertices), { zone: zone.zone }) : null;
  const [a, b] = vertices;
  const bearing =
    mode === 'length' && vertices.length === 2 && a && b && (a[0] !== b[0] || a[1] !== b[1])
      ? measureBearing([a[0], a[1]], [b[0], b[1]], zone.zone)
      : null;
  return { mode, zone, length, area, bearing };
}

/** A length as a person reads it: metres to the centimetre below 1 km, kilometres to the metre above. */
export function formatLength(metres: number): { value: string; unit: 'm' | 'km' } {
  if (Math.abs(metres) < 1000) return { value: formatMetres(metres, { decimals: 2 }), unit: 'm' };
  return { value: formatMetres(metres / 1000, { decimals: 3 }), unit: 'km' };
}
