/** Status bar figures: scale denominator, coordinate formatting, which GK zone to show X/Y in. */
import { gkZoneForLongitude, makeLngLatToGk } from '../../../shared/domain/crs/transform';
import type { GkZoneRef } from '../../../shared/domain/units/area';
import { formatDegrees, formatMetres } from '../../../shared/domain/units/format';

/** Equatorial circumference of the WGS84/GRS80 ellipsoid in metres (web-mercator ground resolution). */
const EARTH_CIRCUMFERENCE_M = 40075016.686;
/** maplibre's zoom 0 is one 512-px tile. */
const TILE_SIZE_PX = 512;
/** CSS reference pixel: 96 per inch, 0.0254 m per inch. */
const METRES_PER_CSS_PIXEL = 0.0254 / 96;

export function metresPerPixel(zoom: number, latDeg: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((latDeg * Math.PI) / 180)) / (TILE_SIZE_PX * 2 ** zoom);
}

/** Scale 1:N of the screen at 96 dpi: N = ground metres per pixel / screen metres per pixel. */
export function scaleDenominator(zoom: number, latDeg: number): number {
  return metresPerPixel(zoom, latDeg) / METRES_PER_CSS_PIXEL;
}

/** Rounds N to a readable figure (3 significant digits): 1:23,456 → 1:23,500. */
export function roundScale(n: number): number {
  if (!(n > 0) || !Number.isFinite(n)) return 0;
  const mag = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 2);
  return Math.round(n / mag) * mag;
}

// Coordinates as survey tables write them (shared/domain/units/format.ts): degrees to 7 places, metres to 0.001.
export { formatDegrees, formatMetres } from '../../../shared/domain/units/format';

/** The zone X/Y is shown in: the data's zone when a projected layer is visible, else the 3° zone under the cursor. */
export function zoneForStatus(dataZone: GkZoneRef | null, lng: number): GkZoneRef | null {
  if (dataZone) return dataZone;
  try {
    return gkZoneForLongitude(lng, 3);
  } catch {
    return null;
  }
}

const converters = new Map<string, ((lng: number, lat: number) => { x: number; y: number }) | null>();

/** X = north, Y = east with the zone prefix (Chinese survey convention), or null when the transform is unavailable. */
export function gkOf(zone: GkZoneRef, lng: number, lat: number): { x: number; y: number } | null {
  const key = `${zone.width}/${zone.zone}/${zone.centralMeridian}`;
  if (!converters.has(key)) {
    try {
      converters.set(key, makeLngLatToGk(zone, true));
    } catch {
      converters.set(key, null);
    }
  }
  const f = converters.get(key);
  if (!f) return null;
  try {
    const r = f(lng, lat);
    return Number.isFinite(r.x) && Number.isFinite(r.y) ? r : null;
  } catch {
    return null;
  }
}

/**
 * The coordinate texts 复制坐标 puts on the clipboard: lon/lat in degrees (lon first, as GIS tools and 奥维 read a
 * pair), and X/Y in the zone the status bar shows (X north, Y east with the zone prefix), each at PRINT_DIGITS.
 */
export function coordinateTexts(dataZone: GkZoneRef | null, lng: number, lat: number): { lngLat: string; gk: string | null } {
  const zone = zoneForStatus(dataZone, lng);
  const gk = zone ? gkOf(zone, lng, lat) : null;
  return { lngLat: `${formatDegrees(lng)}, ${formatDegrees(lat)}`, gk: gk ? `X=${formatMetres(gk.x)}, Y=${formatMetres(gk.y)}` : null };
}
