/**
 * Survey plots as GeoJSON (RFC 7946: lon/lat on CGCS2000 ≈ WGS-84, outer rings counter-clockwise): one Polygon or
 * MultiPolygon feature per plot with its figures, then one Point feature per boundary point with its name and its
 * survey coordinates (X north, Y east as the file had it). QGIS, ogr2ogr and the app's importer read it as it is.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { SurveyPlot } from '../../domain/survey/plot';
import { JSON_DIGITS, roundTo } from '../../domain/units/format';
import { encodeText } from '../encoding/text-encode';

const deg = (v: number): number => roundTo(v, JSON_DIGITS.degrees);

/** Plots whose zone is known and whose boundary was not refused (the caller says why the others cannot go). */
export function surveyGeoJson(plots: readonly SurveyPlot[]): FeatureCollection<Geometry> {
  const features: Feature<Geometry>[] = [];
  for (const p of plots) {
    if (!p.geometryLngLat || !p.area || p.zone.kind !== 'known') continue;
    const g = p.geometryLngLat;
    const coordinates =
      g.type === 'Polygon'
        ? g.coordinates.map((r) => r.map((q) => q.map(deg)))
        : g.coordinates.map((poly) => poly.map((r) => r.map((q) => q.map(deg))));
    features.push({
      type: 'Feature',
      properties: {
        name: p.name,
        epsg: p.zone.epsg,
        planarM2: roundTo(p.area.planarM2, JSON_DIGITS.m2),
        ellipsoidalM2: p.area.ellipsoidalM2 === null ? null : roundTo(p.area.ellipsoidalM2, JSON_DIGITS.m2),
        mu: roundTo(p.area.mu, JSON_DIGITS.mu),
        closureMetres: roundTo(p.closureMetres, JSON_DIGITS.metres),
      },
      geometry: (g.type === 'Polygon' ? { type: 'Polygon', coordinates } : { type: 'MultiPolygon', coordinates }) as Geometry,
    });
    for (const r of p.rings)
      r.points.forEach((pt, i) => {
        const ll = r.pointsLngLat?.[i];
        if (!ll) return;
        features.push({
          type: 'Feature',
          properties: { plot: p.name, name: pt.name, ring: r.ringNo, x: roundTo(pt.x, JSON_DIGITS.metres), y: roundTo(pt.y, JSON_DIGITS.metres) },
          geometry: { type: 'Point', coordinates: [deg(ll[0] as number), deg(ll[1] as number)] },
        });
      });
  }
  return { type: 'FeatureCollection', features };
}

export const writeSurveyGeoJson = (plots: readonly SurveyPlot[]): Uint8Array =>
  encodeText(JSON.stringify(surveyGeoJson(plots)) + '\n', 'utf-8').bytes;
