/**
 * Measuring on the map (lon/lat, CGCS2000 ≈ WGS-84 at the cm level): distance, area and bearing, each given both
 * ways a land officer needs — planar in the Gauss-Krüger zone (as survey tables print) and on the ellipsoid
 * (geodesic / ellipsoidal, GeographicLib) — with the zone named. The zone is the one given, else the 3° zone of the
 * first point's longitude.
 */
import type { Position } from 'geojson';
import { gkZoneForLongitude, makeLngLatToGk } from '../crs/transform';
import { featureAreas } from '../geometry/area';
import { GRS80_GEODESIC } from '../geometry/ellipsoid';
import { geodesicLengthMetres } from '../geometry/length';
import type { AreaFigures, GkZoneRef } from '../units/area';
import { gridBearingDegrees } from './bearing';

const zoneOf = (points: readonly Position[], zone?: GkZoneRef): GkZoneRef => zone ?? gkZoneForLongitude((points[0]?.[0] as number) ?? 117, 3);

export interface MeasuredDistance {
  geodesicMetres: number;
  planarMetres: number;
  zone: GkZoneRef;
}

/** Length of a polyline of [lon, lat] points. */
export function measureDistance(pointsLngLat: readonly Position[], zone?: GkZoneRef): MeasuredDistance {
  const z = zoneOf(pointsLngLat, zone);
  const toGk = makeLngLatToGk(z, false);
  let planar = 0;
  for (let i = 1; i < pointsLngLat.length; i++) {
    const a = toGk(pointsLngLat[i - 1]?.[0] as number, pointsLngLat[i - 1]?.[1] as number);
    const b = toGk(pointsLngLat[i]?.[0] as number, pointsLngLat[i]?.[1] as number);
    planar += Math.hypot(b.x - a.x, b.y - a.y);
  }
  return { geodesicMetres: geodesicLengthMetres(pointsLngLat), planarMetres: planar, zone: z };
}

/** Area of a ring of [lon, lat] points (closed or not): ellipsoidal, planar in the zone, 亩 from the planar figure. */
export function measureArea(ringLngLat: readonly Position[], zone?: GkZoneRef): AreaFigures {
  const ring = [...ringLngLat];
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push(first);
  return featureAreas({ type: 'Polygon', coordinates: [ring] }, { zone: zoneOf(ringLngLat, zone) });
}

export interface MeasuredBearing {
  /** 坐标方位角: from grid north of the zone, clockwise, degrees [0, 360). */
  gridDegrees: number;
  /** Geodesic azimuth at the first point: from true north, clockwise, degrees [0, 360). */
  trueDegrees: number;
  zone: GkZoneRef;
}

export function measureBearing(fromLngLat: Position, toLngLat: Position, zone?: GkZoneRef): MeasuredBearing {
  const z = zoneOf([fromLngLat], zone);
  const toGk = makeLngLatToGk(z, false);
  const a = toGk(fromLngLat[0] as number, fromLngLat[1] as number);
  const b = toGk(toLngLat[0] as number, toLngLat[1] as number);
  const azi = GRS80_GEODESIC.Inverse(fromLngLat[1] as number, fromLngLat[0] as number, toLngLat[1] as number, toLngLat[0] as number).azi1 ?? NaN;
  return { gridDegrees: gridBearingDegrees(a, b), trueDegrees: azi < 0 ? azi + 360 : azi, zone: z };
}
