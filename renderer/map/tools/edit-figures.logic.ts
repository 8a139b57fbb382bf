/**
 * The live figures of the shape being drawn or edited (pure), from the project's one geometry code — the same calls
 * the measure tool makes (README Decision 22), no formula of its own: side lengths planar in the CGCS2000 GK zone
 * (shared/domain/crs transform, length.ts planarDistanceMetres), areas from area.ts featureAreas (planar m², 亩 from
 * it, ellipsoidal). The zone is the one the tool was given (the layer's or the cell's), else the 3° zone of the
 * vertices' mean longitude.
 */
import { featureAreas } from '../../../shared/domain/geometry/area';
import { planarDistanceMetres } from '../../../shared/domain/geometry/length';
import { gkZoneForLongitude, makeLngLatToGkEN } from '../../../shared/domain/crs/transform';
import type { AreaFigures, GkZoneRef } from '../../../shared/domain/units/area';
import type { LngLat } from './tool-machine.logic';

export interface EditFigures {
  zone: GkZoneRef;
  zoneSource: 'tool' | 'vertices';
  /** Planar length of each side in drawing order (m); a polygon's closing side last. */
  sidesMetres: number[];
  /** A line's length, a polygon's perimeter (m). */
  lengthMetres: number;
  /** A polygon with ≥ 3 vertices; else null. */
  area: AreaFigures | null;
}

/** Figures of an open vertex list (`closed`: a polygon's ring), or null when there are no vertices. */
export function editFigures(vertices: readonly LngLat[], closed: boolean, zone: GkZoneRef | null): EditFigures | null {
  if (vertices.length === 0) return null;
  const z = zone ?? gkZoneForLongitude(vertices.reduce((s, v) => s + v[0], 0) / vertices.length, 3);
  const project = makeLngLatToGkEN(z, false);
  const gk = vertices.map((v) => project(v[0], v[1]));
  if (closed && gk.length > 2) gk.push(gk[0] as [number, number]);
  const sidesMetres: number[] = [];
  for (let i = 1; i < gk.length; i++) sidesMetres.push(planarDistanceMetres(gk[i - 1] as [number, number], gk[i] as [number, number]));
  const ring = [...vertices.map((v) => [v[0], v[1]]), [vertices[0]![0], vertices[0]![1]]];
  const area = closed && vertices.length >= 3 ? featureAreas({ type: 'Polygon', coordinates: [ring] }, { zone: z }) : null;
  return { zone: z, zoneSource: zone ? 'tool' : 'vertices', sidesMetres, lengthMetres: sidesMetres.reduce((s, x) => s + x, 0), area };
}
