/**
 * The map view saved between sessions (setting 'view'): centre in lon/lat degrees (Web Mercator's range),
 * zoom level, bearing in degrees clockwise from north.
 */
import { isFiniteNumber, isObject } from '../../validation/guards';
import { fail, ok, type Repair, type Validation } from '../../validation/validation';

export interface MapView {
  /** [lng, lat] in degrees. */
  center: [number, number];
  zoom: number;
  bearing: number;
}

export type MapViewReason = 'notObject' | 'badCenter' | 'badLatitude' | 'badZoom';

/** Web Mercator stops at ±85.0511°: a centre beyond ±85° is no view the map could have saved. */
export const MAX_VIEW_LATITUDE = 85;
/** maplibre's zoom range. */
export const MIN_ZOOM = 0;
export const MAX_ZOOM = 24;

/** Longitude into −180…180 (a view panned across the antimeridian saves 190°, which is −170°). */
export const wrapLongitude = (lng: number): number => (lng >= -180 && lng <= 180 ? lng : ((((lng + 180) % 360) + 360) % 360) - 180);

export function validateMapView(raw: unknown): Validation<MapView, MapViewReason> {
  if (!isObject(raw)) return fail('notObject');
  const c = raw.center;
  if (!Array.isArray(c) || c.length !== 2 || !c.every(isFiniteNumber)) return fail('badCenter', 'center');
  const [lng, lat] = c as [number, number];
  if (Math.abs(lat) > MAX_VIEW_LATITUDE) return fail('badLatitude', 'center', `latitude ${lat} is beyond ±${MAX_VIEW_LATITUDE}°`);
  if (!isFiniteNumber(raw.zoom)) return fail('badZoom', 'zoom');
  const repaired: Repair[] = [];
  const wrapped = wrapLongitude(lng);
  if (wrapped !== lng) repaired.push({ path: 'center', code: 'wrapped' });
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, raw.zoom));
  if (zoom !== raw.zoom) repaired.push({ path: 'zoom', code: 'clamped' });
  let bearing = raw.bearing;
  if (!isFiniteNumber(bearing)) {
    repaired.push({ path: 'bearing', code: 'defaulted' });
    bearing = 0;
  }
  return ok({ center: [wrapped, lat], zoom, bearing: bearing as number }, repaired);
}
